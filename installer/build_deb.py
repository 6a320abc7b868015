"""Package the Linux bundle (dist/huiyin) as a .deb for Debian-based desktops (UOS, Kylin…).

    python installer/build_deb.py [--dist dist/huiyin] [--out dist]

Needs only Python and `dpkg-deb` (part of dpkg on every Debian-based system). Installs to
/opt/huiyin with /usr/bin/huiyin, a menu entry (Office) and the icon. The version comes
from app/__init__.py, the one place it is written. Removing the package leaves each
user's data (~/.local/share/huiyin) where it is.

The bundle needs the C library it was built against or newer, so build on the oldest
system you mean to install on; the control file says so (Depends: libc6 (>= …)).
"""

from __future__ import annotations

import argparse
import ast
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "huiyin"
INSTALL_DIR = Path("opt") / PACKAGE
DESKTOP_FILE = Path(__file__).resolve().parent / "huiyin.desktop"
ICON = ROOT / "resources" / "icons" / "huiyin.svg"
# What the bundle takes from the system rather than carrying itself (found with ldd over
# the bundle): OpenGL/EGL and the X11 libraries Qt's xcb platform links. Wayland is optional.
DEPENDS = ["libgl1", "libegl1", "libxcb1", "libxcb-icccm4", "libxcb-keysyms1"]
RECOMMENDS = ["libwayland-client0", "libwayland-cursor0", "libwayland-egl1"]  # the Chinese font is bundled
MAINTAINER = "回音 Huiyin <huiyin@localhost>"

POSTINST = """#!/bin/sh
set -e
if [ "$1" = "configure" ]; then
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
fi
exit 0
"""
# Removing the program never touches the data: that lives in each user's home folder.
POSTRM = """#!/bin/sh
set -e
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
exit 0
"""


def app_version() -> str:
    """__version__ from app/__init__.py, read without importing the program."""
    tree = ast.parse((ROOT / "app" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            getattr(t, "id", None) == "__version__" for t in node.targets
        ):
            value = node.value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                return value.value
    raise SystemExit("app/__init__.py 中没有 __version__")


def deb_architecture() -> str:
    try:
        return subprocess.run(
            ["dpkg", "--print-architecture"], check=True, capture_output=True, text=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        machine = platform.machine().lower()
        return {"x86_64": "amd64", "aarch64": "arm64", "loongarch64": "loong64"}.get(machine, machine)


def libc_version() -> str | None:
    """The build machine's glibc: the oldest the bundle runs on."""
    name = os.confstr("CS_GNU_LIBC_VERSION") if hasattr(os, "confstr") else None
    return name.split()[-1] if name and name.startswith("glibc") else None


def tree_size_kib(path: Path) -> int:
    total = 0
    for item in path.rglob("*"):
        if item.is_file() and not item.is_symlink():
            total += item.stat().st_size
    return max(1, (total + 1023) // 1024)


def control_text(version: str, arch: str, installed_kib: int) -> str:
    depends = list(DEPENDS)
    if libc := libc_version():
        depends.insert(0, f"libc6 (>= {libc})")
    return "\n".join(
        [
            f"Package: {PACKAGE}",
            f"Version: {version}",
            f"Architecture: {arch}",
            f"Maintainer: {MAINTAINER}",
            f"Installed-Size: {installed_kib}",
            f"Depends: {', '.join(depends)}",
            f"Recommends: {', '.join(RECOMMENDS)}",
            "Section: misc",
            "Priority: optional",
            "Description: 回音 物业投诉报修回访管理",
            " Complaints, repairs and follow-up visits for a property management office",
            " (物业服务中心): intake, deadlines, dispatch, visits with signatures, printed",
            " forms and quarterly reports. Runs on one PC with no server and no internet.",
            "",
        ]
    )


def stage(dist: Path, staging: Path, version: str, arch: str) -> None:
    """Lay out the package's files under `staging` as they will be on the disk."""
    target = staging / INSTALL_DIR
    shutil.copytree(dist, target, symlinks=True)
    bin_dir = staging / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / PACKAGE).symlink_to(Path("/") / INSTALL_DIR / PACKAGE)
    apps = staging / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copyfile(DESKTOP_FILE, apps / f"{PACKAGE}.desktop")
    icons = staging / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True)
    shutil.copyfile(ICON, icons / f"{PACKAGE}.svg")
    doc = staging / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    shutil.copyfile(ROOT / "CHANGELOG.md", doc / "CHANGELOG.md")
    shutil.copyfile(ROOT / "resources" / "fonts" / "README.md", doc / "FONTS.md")

    debian = staging / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control_text(version, arch, tree_size_kib(staging)), encoding="utf-8")
    for name, text in (("postinst", POSTINST), ("postrm", POSTRM)):
        (debian / name).write_text(text, encoding="utf-8")
        (debian / name).chmod(0o755)
    _normalise_modes(staging)


def _normalise_modes(staging: Path) -> None:
    """Directories 755, files 644 unless executable (then 755): what dpkg expects."""
    for item in [staging, *staging.rglob("*")]:
        if item.is_symlink():
            continue
        if item.is_dir():
            item.chmod(0o755)
        else:
            item.chmod(0o755 if item.stat().st_mode & 0o111 else 0o644)


def build(dist: Path, out: Path, fast: bool = False) -> Path:
    """The .deb in `out`; `fast` trades size for time (gzip -1 instead of xz, for tests)."""
    if not (dist / PACKAGE).is_file():
        raise SystemExit(f"找不到 {dist / PACKAGE}。先构建:python -m PyInstaller build.spec --noconfirm")
    if shutil.which("dpkg-deb") is None:
        raise SystemExit("需要 dpkg-deb(Debian 系统自带的 dpkg 软件包)")
    version, arch = app_version(), deb_architecture()
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{PACKAGE}_{version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="huiyin-deb-") as tmp:
        staging = Path(tmp) / "root"
        stage(dist, staging, version, arch)
        # xz: every dpkg reads it (zstd only from dpkg 1.21.18, newer than some domestic desktops)
        compression = ["-Zgzip", "-z1"] if fast else ["-Zxz"]
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", *compression, "--build", str(staging), str(deb)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="把 dist/huiyin 打包为 .deb")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / PACKAGE, help="PyInstaller 输出的文件夹")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help=".deb 写到这个文件夹")
    parser.add_argument("--fast", action="store_true", help="gzip 快速压缩(测试用;发布用默认的 xz)")
    args = parser.parse_args(argv)
    deb = build(args.dist, args.out, fast=args.fast)
    print(f"已生成 {deb}({deb.stat().st_size / 1024 / 1024:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
