"""STYLE: type hints everywhere: app/, reports/, ui/ and the entry point huiyin/, checked by mypy
(the folders and settings are in pyproject.toml)."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is in requirements-dev.txt")
def test_mypy_passes_on_every_package() -> None:
    # About a minute cold on two cores; .mypy_cache (gitignored) makes a re-run near-instant. The timeout keeps
    # a wedged run from holding up the suite.
    result = subprocess.run(
        [sys.executable, "-m", "mypy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
