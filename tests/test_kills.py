"""Kills at random points of restore, backup, a ledger import and a print of forms.

A real process is killed with SIGKILL at a random moment (seeded) of each operation,
until `KILLS[op]` processes were killed mid-operation (104 in all; a trial whose child
finished first is checked too); after each kill the data folder must open (a login), pass
the same check as `python -m huiyin check`, hold the state before the operation or the state
after it (the counts of cases and forms), keep every form number with a record (numbers a
killed print left 打印中 are voided as 打印中断 at the next read), and offer no half-written
backup. The driver is tests/helpers/kill_driver.py (it forks one child per kill, so a
trial costs the operation, not Python's start-up). The figures go to the README's
reliability section: run with `-s` to see the summary lines.
"""

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="the driver forks (Linux)"),
]

ROOT = Path(__file__).resolve().parent.parent
KILLS = {"restore": 26, "backup": 26, "import": 26, "print": 26}  # 104 in all
SEEDS = {"restore": 13, "backup": 17, "import": 19, "print": 23}


def run_driver(op: str, work: Path) -> tuple[dict, list[dict]]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.helpers.kill_driver", op, str(KILLS[op]), str(SEEDS[op]), str(work)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    states = next(line for line in lines if line.get("kind") == "states")
    trials = [line for line in lines if line.get("kind") == "trial"]
    return states, trials


@pytest.mark.parametrize("op", list(KILLS))
def test_kill_at_random_points(op, tmp_path):
    states, trials = run_driver(op, tmp_path / op)
    assert states["old"] != states["new"] or op == "backup"
    for t in trials:
        where = f"{op} trial {t['n']} (killed after {t['delay']} s, {t['ended']})"
        assert t["opened"], f"{where}: the folder does not open: {t.get('error')}"
        assert t["findings"] == [], f"{where}: check finds {t['findings'][:3]}"
        assert t["state"] in ("old", "new"), f"{where}: neither state: {t['cases']} cases, {t['forms']} forms"
        assert t["printing_left"] == 0 and t["numbers_unique"] and t["old_numbers_kept"], where
        assert not t["ended"].startswith("failed"), f"{where}: the operation itself failed"
        if op == "backup":
            assert t["bad_backups"] == [], f"{where}: {t['bad_backups']}"
            assert t["next_backup_ok"] and t["left_after_next_backup"] == [], where
    killed = [t for t in trials if t["ended"] == "killed"]
    outcomes = Counter(t["state"] for t in killed)
    assert len(killed) == KILLS[op], f"only {len(killed)} of {len(trials)} trials were killed in time"
    summary = {
        "op": op,
        "trials": len(trials),
        "killed": len(killed),
        "finished_before_the_kill": len(trials) - len(killed),
        "after_kill_old_state": outcomes["old"],
        "after_kill_new_state": outcomes["new"],
        "forms_voided_as_interrupted": sum(t["voided_interrupted"] for t in trials),
        "backup_partials_left_then_swept": sum(t.get("partials_left_by_kill", 0) for t in trials),
        "seconds_per_operation": states["duration"],
    }
    print("KILLS " + json.dumps(summary, ensure_ascii=False))
