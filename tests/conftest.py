import datetime as dt
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.cases import CaseInput  # noqa: E402
from app.clock import FixedClock  # noqa: E402
from app.office import Office  # noqa: E402

NOW = dt.datetime(2026, 9, 28, 9, 30)  # a Monday


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
