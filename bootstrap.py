"""Set up and run 回音 on a fresh machine with only Python 3.11+ (Windows or Linux).

    python bootstrap.py run     # create .venv, install, open the program
    python bootstrap.py test    # create .venv, install with test tools, run every test

Extra arguments after the command go to the program (run) or to pytest (test).
Installs again only when the requirements files change.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
MIN_PYTHON = (3, 11)


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_venv(requirements: str) -> Path:
    python = venv_python()
    if not python.exists():
        print("正在创建虚拟环境 .venv …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    req = ROOT / requirements
    digest = hashlib.sha256()
    for name in sorted({requirements, "requirements.txt"}):
        digest.update((ROOT / name).read_bytes())
    stamp = VENV / f".stamp-{requirements}"
    if not stamp.exists() or stamp.read_text() != digest.hexdigest():
        print(f"正在安装依赖({requirements})…", flush=True)
        subprocess.run([str(python), "-m", "pip", "install", "--upgrade", "--quiet", "pip"], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-r", str(req)], check=True)
        stamp.write_text(digest.hexdigest())
    return python


def main(argv: list[str]) -> int:
    if sys.version_info < MIN_PYTHON:
        print(f"需要 Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} 或更新版本,当前是 {sys.version.split()[0]}")
        return 2
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        python = ensure_venv("requirements.txt")
        return subprocess.call([str(python), "-m", "app", *rest], cwd=ROOT)
    python = ensure_venv("requirements-dev.txt")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
