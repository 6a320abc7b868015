"""The PyInstaller bundle and the .deb, built and run for real.

Builds `build.spec` into a temporary folder (about half a minute on two cores), runs the
bundle's `--selftest`, then packages it with installer/build_deb.py, unpacks the .deb
into a temporary root and runs the self-test from there. Set HUIYIN_BUNDLE_TEST=0 to
leave these out of a quick local run.
"""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import __version__

ROOT = Path(__file__).resolve().parent.parent
EXE = "huiyin.exe" if sys.platform == "win32" else "huiyin"
STARTUP_LIMIT_MS = 2000  # from starting the program to its main window drawn
UNUSED_QT = (
    "Qt6Qml",
    "Qt6Quick",
    "Qt6Network",
    "Qt6Pdf",
    "Qt6Multimedia",
    "Qt6WebEngine",
    "Qt63D",
    "Qt6Designer",
    "Qt6Sql",
    "Qt6Test",
    "Qt6Charts",
    "Qt6VirtualKeyboard",
)
UNUSED_PYTHON = (
    "tkinter",
    "unittest",
    "pytest",
    "_pytest",
    "hypothesis",
    "pypdf",
    "zxingcpp",
    "mypy",
    "phonenumbers.geodata",
    "phonenumbers.carrierdata",
    "phonenumbers.tzdata",
)

pytestmark = [
    pytest.mark.skipif(os.environ.get("HUIYIN_BUNDLE_TEST") == "0", reason="HUIYIN_BUNDLE_TEST=0"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    pytest.importorskip("PyInstaller", reason="PyInstaller is in requirements-dev.txt")
    work = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(ROOT / "build.spec"),
            "--noconfirm",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=1800,
    )
    assert result.returncode == 0, result.stderr[-6000:]
    print(f"\nbundle built in {time.monotonic() - started:.0f} s")
    folder = work / "dist" / "huiyin"
    assert (folder / EXE).is_file()
    return folder


def run_selftest(exe: Path, tmp_path: Path) -> str:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the bundle sets offscreen itself
    env["HUIYIN_DATA"] = str(tmp_path / "real-data")
    (tmp_path / "tmp").mkdir()
    for name in ("TMPDIR", "TEMP", "TMP"):
        env[name] = str(tmp_path / "tmp")
    result = subprocess.run(
        [str(exe), "--selftest"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    assert "(安装版)" in out and out.rstrip().splitlines()[-1].startswith("自检通过")
    assert "[失败]" not in out
    startup = re.search(r"^启动到主窗口:(\d+) ms", out, re.M)
    assert startup, out
    assert int(startup.group(1)) < STARTUP_LIMIT_MS, out
    assert not (tmp_path / "real-data").exists()
    assert list((tmp_path / "tmp").iterdir()) == []
    return out


def test_bundle_selftest(bundle, tmp_path):
    print(run_selftest(bundle / EXE, tmp_path))


def test_bundle_holds_the_resources(bundle):
    inside = bundle / "_internal" / "resources"
    source = ROOT / "resources"
    for name in ("fonts/wqy-microhei.ttc", "icons/huiyin.svg", "policy_default.json"):
        assert (inside / name).read_bytes() == (source / name).read_bytes(), name
    for qm in source.glob("translations/*.qm"):  # when there are translations, they are inside
        assert (inside / "translations" / qm.name).is_file()
    assert list((bundle / "_internal").rglob("*pdfium*.*")), "pypdfium2's pdfium binary is missing"


def test_bundle_leaves_out_what_is_not_used(bundle):
    from PyInstaller.archive.readers import CArchiveReader

    names = {p.name for p in bundle.rglob("*")}
    assert not [n for n in names if any(n.removeprefix("lib").startswith(q) for q in UNUSED_QT)]
    qt_modules = {
        n.split(".")[0] for n in names if n.startswith("Qt") and (".abi3." in n or n.endswith(".pyd"))
    }
    assert qt_modules <= {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg"}, qt_modules
    assert not [n for n in names if "tcl" in n.lower() or n.startswith("_tkinter")]
    archive = CArchiveReader(str(bundle / EXE)).open_embedded_archive("PYZ.pyz")
    modules = set(archive.toc)
    assert not [
        m for m in modules if m in UNUSED_PYTHON or m.startswith(tuple(u + "." for u in UNUSED_PYTHON))
    ]
    assert not [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()], "dangling symlinks"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .deb is for Linux")
def test_deb_installs_and_runs(bundle, tmp_path):
    import shutil

    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed")
    out = tmp_path / "out"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "installer" / "build_deb.py"),
            "--dist",
            str(bundle),
            "--out",
            str(out),
            "--fast",
        ],
        check=True,
        capture_output=True,
        timeout=900,
    )
    (deb,) = out.glob("*.deb")
    assert deb.name == f"huiyin_{__version__}_{deb.name.rsplit('_', 1)[1]}"

    def field(name: str) -> str:
        return subprocess.run(
            ["dpkg-deb", "-f", str(deb), name], check=True, capture_output=True, text=True
        ).stdout.strip()

    assert field("Package") == "huiyin" and field("Version") == __version__
    assert "libc6 (>=" in field("Depends")

    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True, timeout=600)
    assert os.readlink(root / "usr" / "bin" / "huiyin") == "/opt/huiyin/huiyin"
    desktop = (root / "usr/share/applications/huiyin.desktop").read_text(encoding="utf-8")
    for line in ("Name=回音", "Exec=huiyin", "Icon=huiyin", "Categories=Office;", "Type=Application"):
        assert line in desktop.splitlines(), line
    icon = root / "usr/share/icons/hicolor/scalable/apps/huiyin.svg"
    assert icon.read_bytes() == (ROOT / "resources/icons/huiyin.svg").read_bytes()

    # Started the way /usr/bin/huiyin starts it: through a symbolic link.
    link = tmp_path / "bin" / "huiyin"
    link.parent.mkdir()
    link.symlink_to(root / "opt" / "huiyin" / "huiyin")
    print(run_selftest(link, tmp_path))
