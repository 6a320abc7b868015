"""The benchmark runs end to end at a small scale and writes every measure with the right keys.

Not a timed test: the figures at this scale prove nothing about speed (run `python -m bench`
for that); this only proves the command works.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMING_KEYS = {"name", "value_ms", "target_ms", "floor_ms", "ratio", "target_ratio"}
MEMORY_KEYS = {"name", "value_mb", "target_mb"}


def test_bench_small_scale_writes_every_measure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--cases",
            "2000",
            "--runs",
            "2",
            "--cold-runs",
            "1",
            "--ledger-rows",
            "300",
            "--ledger-runs",
            "1",
            "--owner-rows",
            "300",
            "--scan-pages",
            "3",
            "--cache-dir",
            str(tmp_path / "cache"),
            "--json",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["cases"] == 2000
    measures = {m["name"]: m for m in data["measures"]}
    expected = [
        "cold start to main window",
        "intake save",
        "case list page: 全部",
        "case list page: 未结",
        "case list page: 逾期",
        "case list page: 今日到期",
        "case list page: 性质",
        "case list page: 类别",
        "case list page: 房号",
        "full-text search: 全文“漏水”",
        "full-text search: 全文“卫生间天花板渗水”",
        "calendar month counts",
        "calendar day list",
        "visit calendar month drawn",
        "统计报表 计算 a second time",
        "业主档案 refresh of the same",
        "case search typing a phone number: worst keystroke on the window's thread",
        "case search typing a case number: worst time to results",
        "case search typing 电梯",
        "case search typing 漏水",
        "case list sort by room",
        "case list sort by resolve_due",
        "case list quick filter 首次回复超时",
        "case list refresh after a save",
        "工作台 refresh",
        "审计记录: open",
        "审计记录: next page",
        "审计记录: a page half-way back",
        "审计记录: filter by a person",
        "校验审计链: whole trail",
        "校验审计链: from the last verified point",
        "pre-filled 回访记录表 PDF",
        "100 blank numbered forms",
        "quarterly report numbers",
        "quarterly report PDF",
        "ledger import",
        "owners import, 300 rows",
        "owners import: longest wait of a clerk saving meanwhile",
        "ledger import: longest wait of a clerk saving meanwhile",
        "check: every signature verified",
        "check: every signature verified, peak memory",
        "export-cases: every case to Excel",
        "export-cases: peak memory",
        "peak memory",
        "内存峰值 · 主窗口 + dashboard + cases + calendar + stats",
        "scanned forms matched: scanner PDF",
        "scanned forms matched: phone JPEG photos",
        "统计报表 计算 and the tabs filled (this quarter): window stall",
        "统计报表 导出 PDF: window stall",
        "业主档案 导出 Excel: window stall",
        "导出案件台账 (every case to Excel): window stall",
        "备份与恢复 立即备份: window stall",
    ]
    for prefix in expected:
        assert any(name.startswith(prefix) for name in measures), f"missing measure {prefix}"
    for m in data["measures"]:
        if "value_mb" in m:
            assert MEMORY_KEYS <= set(m)
            assert m["value_mb"] > 0
        else:
            assert TIMING_KEYS <= set(m), m
            assert m["value_ms"] > 0
    floored = [m for m in data["measures"] if m.get("floor_ms") is not None]
    assert all(
        m["ratio"] is not None and m["target_ratio"] == 3.0 for m in floored if m["target_ms"] is not None
    )
    for name in measures:
        if name.startswith(("case list page", "full-text", "calendar", "quarterly report numbers")):
            assert measures[name]["floor_ms"] is not None, name
    assert "ok" in proc.stdout or "MISS" in proc.stdout or "yes" in proc.stdout


def test_generator_is_deterministic_and_numbers_follow_the_services(tmp_path: Path) -> None:
    """Same seed, same rows; the counters continue where the generated numbers stop."""
    code = (
        "import datetime as dt, json, sys\n"
        "from pathlib import Path\n"
        "from bench.generate import build\n"
        "from app.models import Case, Visit, Signature, db\n"
        "from app.office import Office\n"
        "from app.clock import FixedClock\n"
        "from app.cases import CaseInput\n"
        "now = dt.datetime(2026, 9, 28, 9, 30)\n"
        "out = {}\n"
        "for name in ('a', 'b'):\n"
        "    build(Path(sys.argv[1]) / name, cases=600, seed=7, now=now)\n"
        "    office = Office.login(Path(sys.argv[1]) / name, 'admin', 'bench-admin-1', FixedClock(now))\n"
        "    out[name] = [c.number + c.account for c in Case.select().order_by(Case.id)]\n"
        "    admin = office.staff.authenticate('admin', 'bench-admin-1')\n"
        "    last = Case.select().where(Case.number.contains('-2026-')).order_by(Case.id.desc()).first().number\n"
        "    new = office.cases.create(CaseInput(account='楼道灯不亮', kind='报修', room='1-1-101',\n"
        "        customer_name='张伟', category='设施设备维护'), admin)\n"
        "    out[name + '_next'] = [last, new.number]\n"
        "    sig = Signature.select().first()\n"
        "    out[name + '_sig'] = office.visits.verify_signature(sig) if sig else None\n"
        "    office.close()\n"
        "print(json.dumps(out, ensure_ascii=False))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.splitlines()[-1])
    assert out["a"] == out["b"]
    last, new = out["a_next"]
    assert int(new.rsplit("-", 1)[1]) == int(last.rsplit("-", 1)[1]) + 1
    assert out["a_sig"] is True
