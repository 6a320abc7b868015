"""Running the command line in-process as a person who logs in (--user, --password-stdin)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from huiyin.cli import main


def run(data: Path, *args: str, user: str = "admin", password: str = "secret1", stdin: str = "") -> int:
    """`python -m huiyin --data-dir DATA --user USER --password-stdin ARGS…`, the password on the
    first line of standard input (then `stdin`)."""
    saved = sys.stdin
    sys.stdin = io.StringIO(f"{password}\n{stdin}")
    try:
        return main(["--data-dir", str(data), "--user", user, "--password-stdin", *args])
    finally:
        sys.stdin = saved


def init(
    data: Path, office: str = "阳光花园物业服务中心", admin: str = "admin", password: str = "secret1"
) -> int:
    saved = sys.stdin
    sys.stdin = io.StringIO(f"{password}\n")
    try:
        return main(
            ["--data-dir", str(data), "init", "--office", office, "--admin", admin, "--password-stdin"]
        )
    finally:
        sys.stdin = saved
