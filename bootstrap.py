"""Set up and run 回音 on a fresh machine with only Python 3.11+ (Windows or Linux).

    python bootstrap.py run     # create .venv, install, open the program
    python bootstrap.py test    # create .venv, install with test tools, run every test

Extra arguments after the command go to the program (run) or to pytest (test).
Installs again only when the requirements files change.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
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


def requirement_names(requirements: str) -> list[str]:
    """The packages a requirements file names (following -r), for telling the user what is installed."""
    names: list[str] = []
    for line in (ROOT / requirements).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            names += requirement_names(line[3:].strip())
        elif line:
            names.append(re.split(r"[=<>!~\[; ]", line, maxsplit=1)[0])
    return names


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
        names = requirement_names(requirements)
        print(f"正在安装 {len(names)} 个依赖包({requirements}),首次约需几分钟:", flush=True)
        print("  " + "、".join(names), flush=True)
        subprocess.run([str(python), "-m", "pip", "install", "--upgrade", "--quiet", "pip"], check=True)
        # pip's own progress bars show what is being downloaded; only the noise is kept quiet.
        subprocess.run(
            [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-r", str(req)],
            check=True,
            stdout=None if sys.stdout.isatty() else subprocess.DEVNULL,
        )
        stamp.write_text(digest.hexdigest())
        print("依赖已安装。", flush=True)
    return python


# The Debian/Ubuntu (and UOS/Kylin) package that provides each system library Qt loads.
DEBIAN_PACKAGES = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libcups.so.2": "libcups2",
}


def missing_linux_libraries(python: Path, window: bool) -> list[str]:
    """System libraries Qt needs that this Linux lacks (by `ldd`); empty elsewhere or when unsure."""
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return []
    where = subprocess.run(
        [str(python), "-c", "import PySide6, os; print(os.path.dirname(PySide6.__file__))"],
        capture_output=True,
        text=True,
    )
    if where.returncode != 0:
        return []
    qt = Path(where.stdout.strip()) / "Qt"
    files = [qt / "lib" / "libQt6Gui.so.6", qt / "lib" / "libQt6Widgets.so.6"]
    if window:
        files += [qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"]
    missing: list[str] = []
    for file in files:
        if not file.exists():
            continue
        out = subprocess.run(["ldd", str(file)], capture_output=True, text=True).stdout
        missing += re.findall(r"^\s*(\S+) => not found", out, flags=re.MULTILINE)
    if window:  # Qt 6.5+ loads xcb-cursor at run time, so ldd does not see it
        known = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
        if "libxcb-cursor.so.0" not in known:
            missing.append("libxcb-cursor.so.0")
    return sorted(set(missing))


def check_linux_libraries(python: Path, window: bool) -> bool:
    """Say which system packages to install, with the exact command, when Qt cannot load."""
    missing = missing_linux_libraries(python, window)
    if not missing:
        return True
    packages = sorted({DEBIAN_PACKAGES.get(name, name) for name in missing})
    print("缺少 Qt 窗口所需的系统库:" + "、".join(missing))
    print("请先安装(Debian/Ubuntu/统信UOS/麒麟):")
    print("    sudo apt install " + " ".join(packages))
    return False


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
        window = os.environ.get("QT_QPA_PLATFORM", "xcb") not in ("offscreen", "minimal")
        if not check_linux_libraries(python, window and bool(os.environ.get("DISPLAY"))):
            return 2
        # Run from the user's own folder, so a relative --data-dir means what a shell user expects.
        path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
        return subprocess.call([str(python), "-m", "huiyin", *rest], env=dict(os.environ, PYTHONPATH=path))
    python = ensure_venv("requirements-dev.txt")
    if not check_linux_libraries(python, window=False):
        return 2
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
