"""The PyInstaller bundle and the .deb, built and run for real.

Builds `build.spec` into a temporary folder (about half a minute on two cores), runs the
bundle's `--selftest`, then packages it with installer/build_deb.py, unpacks the .deb
into a temporary root and runs the self-test from there. Set HUIYIN_BUNDLE_TEST=0 to
leave these out of a quick local run.
"""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import __version__

ROOT = Path(__file__).resolve().parent.parent
EXE = "huiyin.exe" if sys.platform == "win32" else "huiyin"
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
    "mypy",
    "phonenumbers.geodata",
    "phonenumbers.carrierdata",
    "phonenumbers.tzdata",
)

pytestmark = [
    pytest.mark.skipif(os.environ.get("HUIYIN_BUNDLE_TEST") == "0", reason="HUIYIN_BUNDLE_TEST=0"),
]


def build_bundle(source: Path, work: Path) -> Path:
    """`source`'s build.spec built with PyInstaller into `work`: the bundle folder."""
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(source / "build.spec"),
            "--noconfirm",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
        ],
        cwd=source,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=1800,
    )
    assert result.returncode == 0, result.stderr[-6000:]
    print(f"\nbundle of {source} built in {time.monotonic() - started:.0f} s")
    folder = work / "dist" / "huiyin"
    assert (folder / EXE).is_file()
    return folder


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    pytest.importorskip("PyInstaller", reason="PyInstaller is in requirements-dev.txt")
    return build_bundle(ROOT, tmp_path_factory.mktemp("bundle"))


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
    assert startup, (
        out
    )  # the time itself is a measurement (README), not a pass mark: a busy CI machine varies
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
    # zxing-cpp reads the QR code of signed forms scanned back (app/form_scans.py)
    assert list((bundle / "_internal").rglob("zxingcpp*.so")) + list(
        (bundle / "_internal").rglob("zxingcpp*.pyd")
    ), "zxing-cpp's binary is missing"


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


def build_deb(source: Path, bundle: Path, out: Path) -> Path:
    """`source`'s installer/build_deb.py run on `bundle`: the .deb it writes into `out`."""
    subprocess.run(
        [
            sys.executable,
            str(source / "installer" / "build_deb.py"),
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
    return deb


@pytest.fixture(scope="module")
def deb(bundle, tmp_path_factory) -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("the .deb is for Linux")
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed")
    return build_deb(ROOT, bundle, tmp_path_factory.mktemp("deb"))


def test_deb_installs_and_runs(deb, tmp_path):
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


def previous_release() -> tuple[str, str]:
    """(commit, version) of the release before this one: installer/previous_release.txt."""
    for line in (ROOT / "installer" / "previous_release.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            commit, version = line.split()[:2]
            return commit, version
    raise AssertionError("installer/previous_release.txt names no release")


def record_counts(data_dir: Path, password: str = "Huiyin-test-2026") -> dict[str, int]:
    """Rows in every table of the data file (the full-text index's own tables left out) and
    the backup files, by name. A plain file (an older release) is read with sqlite3, an
    encrypted one through the administrator's key slot."""
    from app.db import is_plain_sqlite
    from tests.helpers.files import raw_connection

    path = data_dir / "huiyin.sqlite3"
    if is_plain_sqlite(path):
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    else:
        con = raw_connection(data_dir, "admin", password)
    try:
        tables = [
            name
            for (name,) in con.execute(
                "select name from sqlite_master where type='table' and name not like 'sqlite_%'"
                " and name not like '%_fts_%'"
            )
        ]
        counts = {t: con.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}
        counts["schema_version"] = int(
            con.execute("select value from setting where key='schema_version'").fetchone()[0]
        )
    finally:
        con.close()
    for backup in data_dir.rglob("huiyin-*.sqlite3"):
        counts[f"backup {backup.relative_to(data_dir)}"] = backup.stat().st_size
    return counts


def run_program(exe: Path, *args: str, stdin: str = "") -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "HUIYIN_DATA")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [str(exe), *args], input=stdin, env=env, capture_output=True, text=True, encoding="utf-8", timeout=600
    )
    assert result.returncode == 0, f"{exe} {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .deb is for Linux")
def test_deb_upgrade_keeps_every_record(deb, tmp_path):
    """dpkg installs the previous release's .deb, that version makes data (demo data with
    cases, visits, signatures and numbered forms; printed forms; a backup), dpkg upgrades
    to this .deb, and every row and backup is still there, migrated, and `check` passes.

    dpkg runs for real on a private root and database (no root rights needed)."""
    if shutil.which("dpkg") is None:
        pytest.skip("dpkg is not installed")
    from app.db import SCHEMA_VERSION

    commit, version = previous_release()
    exists = subprocess.run(
        ["git", "-C", str(ROOT), "cat-file", "-e", f"{commit}^{{commit}}"], capture_output=True
    )
    if exists.returncode != 0:
        pytest.fail(f"git 中没有上一版 {version} 的提交 {commit}(浅克隆?请 git fetch --unshallow)")
    old_source = tmp_path / "previous-src"
    old_source.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(old_source)], input=archive.stdout, check=True)
    old_deb = build_deb(
        old_source, build_bundle(old_source, tmp_path / "previous-build"), tmp_path / "previous-deb"
    )
    assert f"_{version}_" in old_deb.name

    root = tmp_path / "root"
    admin = root / "var" / "lib" / "dpkg"
    for folder in ("info", "updates", "triggers"):
        (admin / folder).mkdir(parents=True)
    (admin / "status").write_text("")
    (admin / "available").write_text("")

    def dpkg(*args: str) -> str:
        command = ["dpkg", f"--root={root}", f"--admindir={admin}", "--log=/dev/null",
                   "--force-not-root", "--force-script-chrootless", "--force-depends", "--force-bad-path", *args]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def installed_version() -> str:
        query = ["dpkg-query", f"--admindir={admin}", "-W", "-f=${Version} ${db:Status-Abbrev}", "huiyin"]
        return subprocess.run(query, check=True, capture_output=True, text=True).stdout.strip()

    dpkg("-i", str(old_deb))
    assert installed_version().startswith(f"{version} ii")
    exe = root / "opt" / "huiyin" / "huiyin"
    data = tmp_path / "data"
    run_program(exe, "--data-dir", str(data), "init", "--office", "升级测试服务中心", "--admin", "admin",
                "--password-stdin", stdin="Huiyin-test-2026\n")  # fmt: skip
    run_program(exe, "--data-dir", str(data), "demo", "--years", "1", "--seed", "2026")
    run_program(
        exe, "--data-dir", str(data), "form", "blank", "--count", "2", "--pdf", str(tmp_path / "空白表.pdf")
    )
    run_program(exe, "--data-dir", str(data), "backup")
    run_program(exe, "--data-dir", str(data), "check")
    before = record_counts(data)
    for table in ("case", "visit", "signature", "form_sheet", "visit_review"):
        assert before.get(table, 0) > 0, f"the previous release made no {table} rows: nothing to check"
    assert any(k.startswith("backup ") for k in before)

    dpkg("-i", str(deb))
    assert installed_version().startswith(f"{__version__} ii")
    login = ("--data-dir", str(data), "--user", "admin", "--password-stdin")
    assert "检查通过" in run_program(exe, *login, "check", stdin="Huiyin-test-2026\n")
    after = record_counts(data)
    assert after["schema_version"] == SCHEMA_VERSION
    lost = {
        key: (count, after.get(key))
        for key, count in before.items()
        # a backup is kept when its file is there (an old plain one is encrypted, its size changes)
        if key != "schema_version"
        and (key not in after or (not key.startswith("backup ") and after[key] < count))
    }
    assert not lost, f"lost in the upgrade: {lost}"
    run_program(exe, *login, "backup", stdin="Huiyin-test-2026\n")
    assert "自检通过" in run_program(exe, "--selftest")
