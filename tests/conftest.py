import datetime as dt
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.cases import CaseInput  # noqa: E402
from app.clock import FixedClock  # noqa: E402
from app.office import Office  # noqa: E402

NOW = dt.datetime(2026, 9, 28, 9, 30)  # a Monday


@pytest.fixture(autouse=True)
def nobody_acting():
    """Each test starts with nobody logged in (the program itself), whatever the one before did."""
    from app.permissions import set_person

    set_person(None)
    yield
    set_person(None)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def office(tmp_path: Path, clock: FixedClock):
    """A fresh, initialised data folder on its own temporary SQLite file."""
    o = Office.open(tmp_path / "data", clock)
    o.initialise("阳光花园物业服务中心", "admin", "secret1", "王管理")
    yield o
    o.close()


@pytest.fixture
def admin(office):
    return office.staff.authenticate("admin", "secret1")


@pytest.fixture
def make_case(office, admin):
    def make(**fields) -> "object":
        values = dict(
            account="楼道灯不亮",
            kind="报修",
            room="3-2-501",
            customer_name="张伟",
            customer_phone="13812345678",
            category="设施设备维护",
        )
        values.update(fields)
        return office.cases.create(CaseInput(**values), admin)

    return make


# A real print server (tools/cups_setup.sh) ------------------------------------------------
CUPS_QUEUE = os.environ.get("HUIYIN_CUPS_QUEUE", "HuiyinPDF")
CUPS_OUT = Path(os.environ.get("HUIYIN_CUPS_PDF_OUT", "/var/spool/cups-pdf-huiyin"))


class CupsPrinter:
    """The CUPS PDF printer the tests print on, and where cups-pdf writes what it printed."""

    def __init__(self, name: str, out_dir: Path) -> None:
        self.name = name
        self.hold = f"{name}Hold"  # holds every job until released (to cancel or stop one)
        self.out_dir = out_dir

    def output(self, job_id: int, timeout: float = 30.0) -> Path:
        """The PDF cups-pdf wrote for a job (job_<id> in its name), once it is complete."""
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = sorted(self.out_dir.glob(f"*job_{job_id}.pdf")) + sorted(
                self.out_dir.glob(f"job_{job_id}-*.pdf")
            )
            if found and found[0].stat().st_size > 0 and found[0].read_bytes().rstrip().endswith(b"%%EOF"):
                return found[0]
            time.sleep(0.1)
        raise AssertionError(f"cups-pdf wrote nothing for job {job_id} in {self.out_dir}")

    def admin(self, *command: str) -> None:
        """cupsenable / cupsdisable / lpadmin … on the test queues (the tests run as root)."""
        import subprocess

        subprocess.run(command, check=True, capture_output=True, env=dict(os.environ, LC_ALL="C"))


@pytest.fixture(scope="session")
def cups_printer() -> CupsPrinter:
    """The real CUPS PDF printer; skipped when CUPS is absent, except under
    HUIYIN_REQUIRE_CUPS=1 (.ci/run), where its absence fails the test."""
    from app.print_jobs import Cups, PrintFailed

    problem = ""
    if not Cups.installed():
        problem = "CUPS client programs (lp) are not installed"
    else:
        try:
            Cups().printer(CUPS_QUEUE)
            Cups().printer(f"{CUPS_QUEUE}Hold")
        except PrintFailed as exc:
            problem = str(exc)
    if not problem and not CUPS_OUT.is_dir():
        problem = f"cups-pdf output folder {CUPS_OUT} is missing"
    if problem:
        message = f"no CUPS printer {CUPS_QUEUE} (run tools/cups_setup.sh): {problem}"
        if os.environ.get("HUIYIN_REQUIRE_CUPS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return CupsPrinter(CUPS_QUEUE, CUPS_OUT)
