"""Kill the program (SIGKILL) while it writes, many times at random moments: the database
opens cleanly, passes the integrity check, and every save reported as done is there."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.audit import chain_problems
from app.backup import integrity_problems
from app.models import Case
from app.office import Office
from app.paths import DB_FILENAME

KILLS = 12

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")


def test_kills_lose_nothing_reported(tmp_path):
    data = tmp_path / "data"
    office = Office.open(data)
    office.initialise("压力测试中心", "admin", "secret1")
    office.close()
    script = Path(__file__).parent / "helpers" / "write_loop.py"
    rnd = random.Random(20261122)
    reported: list[str] = []
    for _ in range(KILLS):
        proc = subprocess.Popen([sys.executable, str(script), str(data)], stdout=subprocess.PIPE)
        assert proc.stdout is not None
        output = proc.stdout.readline()  # wait until it is writing
        time.sleep(rnd.uniform(0.02, 0.4))  # a random moment: this is a kill test, not a wait on Qt
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        output += proc.stdout.read()
        proc.stdout.close()
        # Only whole lines count: a number cut off by the kill was not reported.
        lines = output.decode().split("\n")
        reported += [line for line in lines[:-1] if line]
    office = Office.login(data, "admin", "secret1")
    try:
        assert integrity_problems(data / DB_FILENAME) == []
        assert chain_problems() == []
        stored = {c.number for c in Case.select(Case.number)}
        missing = [n for n in reported if n not in stored]
        print(f"{KILLS} kills, {len(reported)} saves reported, {len(stored)} stored, {len(missing)} lost")
        assert missing == []
        assert len(reported) > KILLS
    finally:
        office.close()
