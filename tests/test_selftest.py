"""`--selftest` from the source tree: every step passes, nothing outside a temporary folder
is touched, and a failing step is named with a non-zero exit."""

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from huiyin import selftest

ROOT = Path(__file__).resolve().parent.parent
STEP_NAMES = [name for name, _ in selftest.SelfTest(Path("."), sys.stdout).steps()]


def selftest_env(tmp_path: Path) -> dict[str, str]:
    """A platform that does not exist: the self-test must choose offscreen itself."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "huiyin-no-such-platform"
    env["HUIYIN_DATA"] = str(tmp_path / "real-data")
    (tmp_path / "tmp").mkdir()
    for name in ("TMPDIR", "TEMP", "TMP"):
        env[name] = str(tmp_path / "tmp")
    return env


def test_selftest_from_source_passes_every_step(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "huiyin", "--selftest"],
        cwd=ROOT,
        env=selftest_env(tmp_path),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
    )
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    for number, name in enumerate(STEP_NAMES, start=1):
        assert re.search(rf"^\[通过\] {number}\. {re.escape(name)}[((]\d+ ms[))]", out, re.M), name
    assert "(源代码)" in out
    assert re.search(r"^启动到主窗口:\d+ ms", out, re.M)
    assert out.rstrip().splitlines()[-1].startswith("自检通过")
    assert not (tmp_path / "real-data").exists()  # the user's data folder is never opened
    assert list((tmp_path / "tmp").iterdir()) == []  # and the temporary one is cleaned up


def test_a_failing_step_is_named_and_its_folder_kept(monkeypatch, tmp_path, capsys):
    from reports.quarterly import QuarterlyReport

    def broken(self):
        raise RuntimeError("模拟的报表故障")

    monkeypatch.setattr(QuarterlyReport, "generate", broken)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # restored afterwards; run() sets it
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    assert selftest.run([]) == selftest.EXIT_FAILED

    out = capsys.readouterr().out
    failed = [line for line in out.splitlines() if line.startswith("[失败]")]
    assert len(failed) == 1 and "季度分析报告 PDF" in failed[0] and "模拟的报表故障" in failed[0]
    assert out.count("[通过]") == STEP_NAMES.index("季度分析报告 PDF")
    assert "打开主窗口" not in out  # it stops at the first failure
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("huiyin-selftest-")]
    assert len(kept) == 1 and str(kept[0]) in out
    assert (kept[0] / "回访记录表.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("data", [b"", b"not a pdf", b"%PDF-1.4\n1 0 obj\n"])
def test_read_pdf_rejects_what_is_not_a_whole_pdf(data):
    with pytest.raises(selftest.SelfTestFailure):
        selftest.read_pdf(data)
