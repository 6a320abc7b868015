"""Build a release: both installers from what git holds at HEAD, with their SHA-256 sums.

    python3 tools/release.py

Writes into dist/:
    huiyin-<version>-setup.exe       the Windows installer (built under Wine:
                                     tools/windows/build_and_test.sh --release)
    huiyin_<version>_<arch>.deb      the Linux package (PyInstaller + installer/build_deb.py)
    SHA256SUMS                       `sha256sum -c SHA256SUMS` checks both

Both are built from `git archive HEAD` (a clean copy: nothing uncommitted, nothing
ignored gets in), with the pinned versions in requirements*.txt. Needs the project's
.venv (`python3 bootstrap.py test`) and, for Windows, Debian 12 with the packages
tools/windows/install_packages.sh installs. The builds are not bit-for-bit identical from
run to run (PyInstaller and Inno Setup stamp times), so the sums identify these files.
Check a release as the README's "Releasing" section says before it goes to an office.
"""

from __future__ import annotations

import ast
import hashlib
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "release"
DIST = ROOT / "dist"


def version() -> str:
    """__version__ from app/__init__.py, read the way the .deb builder reads it."""
    sys.path.insert(0, str(ROOT / "installer"))
    from build_deb import app_version  # the one reader of the version outside the program

    return app_version()


def run(*command: str | Path, cwd: Path = ROOT) -> None:
    print("$", " ".join(str(c) for c in command), flush=True)
    subprocess.run([str(c) for c in command], cwd=cwd, check=True)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main() -> int:
    started = time.monotonic()
    if subprocess.run(["git", "-C", str(ROOT), "diff", "--quiet", "HEAD"]).returncode != 0:
        print("注意:工作区有未提交的改动。发布只用已提交的 HEAD,这些改动不会进入安装程序。", file=sys.stderr)
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    )
    source = WORK / "src"
    run("rm", "-rf", WORK)
    source.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD"], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(source)], input=archive.stdout, check=True)
    release_version = version()
    tree_version = ast.literal_eval(
        next(
            line.split("=", 1)[1].strip()
            for line in (source / "app" / "__init__.py").read_text(encoding="utf-8").splitlines()
            if line.startswith("__version__")
        )
    )
    if tree_version != release_version:
        raise SystemExit(f"HEAD 中的版本是 {tree_version},工作区是 {release_version}:先提交版本号")
    DIST.mkdir(exist_ok=True)

    # Linux: the bundle, its self-test, the .deb (xz).
    python = ROOT / ".venv" / "bin" / "python"
    if not python.exists():
        raise SystemExit("没有 .venv:先运行 python3 bootstrap.py test")
    linux = WORK / "linux"
    run(python, "-m", "PyInstaller", source / "build.spec", "--noconfirm",
        "--distpath", linux / "dist", "--workpath", linux / "work", cwd=source)  # fmt: skip
    run(linux / "dist" / "huiyin" / "huiyin", "--selftest")
    for old in DIST.glob(f"huiyin_{release_version}_*.deb"):
        old.unlink()
    run(python, source / "installer" / "build_deb.py", "--dist", linux / "dist" / "huiyin", "--out", DIST)
    (deb,) = DIST.glob(f"huiyin_{release_version}_*.deb")

    # Windows: the same HEAD, built under Wine.
    run("bash", ROOT / "tools" / "windows" / "build_and_test.sh", "--release")
    exe = DIST / f"huiyin-{release_version}-setup.exe"
    if not exe.is_file():
        raise SystemExit(f"没有生成 {exe}")

    sums = "".join(f"{sha256(p)}  {p.name}\n" for p in (exe, deb))
    (DIST / "SHA256SUMS").write_text(sums, encoding="utf-8")
    print(
        f"\n回音 {release_version}(git {head.stdout.strip()[:12]}),用时 {time.monotonic() - started:.0f} 秒:"
    )
    print(sums, end="")
    print(
        f"已写入 {DIST / 'SHA256SUMS'}。发布前请按 README 的“Releasing”一节在真实的 Windows 10/11 电脑上检查。"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
