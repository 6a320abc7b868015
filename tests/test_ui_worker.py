"""ui/worker.py: long work on a thread, its result, failure and progress back on the window's
thread, done by the person who started it and timed by the office clock."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget

from app.clock import FixedClock
from app.models import AuditEntry, Staff, clock_as, current_actor
from app.permissions import acting, current_person, set_person
from ui.worker import Progress, run_in_background


class Collected:
    def __init__(self) -> None:
        self.done: list[object] = []
        self.failed: list[BaseException] = []
        self.progress: list[tuple[int, int, str]] = []
        self.items: list[object] = []
        self.threads: list[QThread] = []

    def on_done(self, result: object) -> None:
        self.threads.append(QThread.currentThread())
        self.done.append(result)

    def on_failed(self, exc: BaseException) -> None:
        self.threads.append(QThread.currentThread())
        self.failed.append(exc)

    def on_progress(self, done: int, total: int, what: str) -> None:
        self.threads.append(QThread.currentThread())
        self.progress.append((done, total, what))

    def on_item(self, item: object) -> None:
        self.items.append(item)


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_result_comes_back_on_the_windows_thread(qtbot, parent):
    got = Collected()
    seen: dict[str, object] = {}

    def work(progress: Progress) -> int:
        seen["thread"] = threading.current_thread()
        return 6 * 7

    job = run_in_background(parent, work, on_done=got.on_done, on_failed=got.on_failed)
    qtbot.waitUntil(lambda: bool(got.done or got.failed), timeout=5000)
    assert got.done == [42] and got.failed == []
    assert seen["thread"] is not threading.main_thread()
    assert got.threads == [parent.thread()]
    assert not job.running


def test_an_exception_comes_back_as_it_was_raised(qtbot, parent):
    got = Collected()

    def work(progress: Progress) -> None:
        raise ValueError("第 3 行的日期看不懂")

    run_in_background(parent, work, on_done=got.on_done, on_failed=got.on_failed)
    qtbot.waitUntil(lambda: bool(got.done or got.failed), timeout=5000)
    assert got.done == []
    assert len(got.failed) == 1 and isinstance(got.failed[0], ValueError)
    assert str(got.failed[0]) == "第 3 行的日期看不懂"
    assert got.threads == [parent.thread()]


def test_progress_and_items_arrive_in_order_before_the_result(qtbot, parent):
    got = Collected()

    def work(progress: Progress) -> str:
        for n in range(1, 4):
            progress(n, 3, f"第 {n} 页")
            progress.deliver(("page", n))
        return "完成"

    run_in_background(
        parent,
        work,
        on_done=got.on_done,
        on_failed=got.on_failed,
        on_progress=got.on_progress,
        on_item=got.on_item,
    )
    qtbot.waitUntil(lambda: bool(got.done or got.failed), timeout=5000)
    assert got.progress == [(1, 3, "第 1 页"), (2, 3, "第 2 页"), (3, 3, "第 3 页")]
    assert got.items == [("page", 1), ("page", 2), ("page", 3)]
    assert got.done == ["完成"]
    assert set(got.threads) == {parent.thread()}


def test_cancel_sets_the_flag_the_work_looks_at(qtbot, parent):
    got = Collected()
    started = threading.Event()

    def work(progress: Progress) -> int:
        started.set()
        rounds = 0
        while not progress.cancelled and rounds < 500:
            threading.Event().wait(0.01)
            rounds += 1
        return rounds

    job = run_in_background(parent, work, on_done=got.on_done, on_failed=got.on_failed)
    assert started.wait(5)
    job.cancel()
    qtbot.waitUntil(lambda: bool(got.done or got.failed), timeout=10000)
    assert job.cancelled and got.done and got.done[0] < 500  # type: ignore[operator]


def test_a_parent_destroyed_first_stops_the_job_and_hears_nothing(qtbot):
    got = Collected()
    started = threading.Event()
    parent = QWidget()

    def work(progress: Progress) -> str:
        started.set()
        while not progress.cancelled:
            threading.Event().wait(0.01)
        return "stopped"

    job = run_in_background(parent, work, on_done=got.on_done, on_failed=got.on_failed)
    assert started.wait(5)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not job.running, timeout=10000)
    qtbot.wait(50)
    assert job.cancelled and got.done == [] and got.failed == []


def test_an_audited_write_on_the_thread_is_by_who_started_it_at_the_office_clock(
    qtbot, parent, office, admin
):
    """An audited write made inside the work carries the person who started it (logged in to
    the window, or acting for a block) and the time of the office's clock, not the wall's."""
    got = Collected()

    def work(progress: Progress) -> tuple[str, str]:
        person = current_person()
        office.staff.save_staff("赵物管", "steward", buildings="3")
        return (person.name if person else "", current_actor())

    set_person(admin)  # logged in to the window, as MainWindow does
    run_in_background(parent, work, on_done=got.on_done, on_failed=got.on_failed)
    qtbot.waitUntil(lambda: bool(got.done or got.failed), timeout=5000)
    assert got.failed == [] and got.done == [("王管理", "王管理")]
    entries = list(AuditEntry.select().where(AuditEntry.table == "staff", AuditEntry.actor == "王管理"))
    made = Staff.get(Staff.name == "赵物管")
    mine = [e for e in entries if e.record_id == str(made.id)]
    assert mine and {e.at for e in mine} == {office.clock.now()}
    assert office.clock.now() != dt.datetime.now().replace(microsecond=0)


def test_a_person_and_clock_set_for_a_block_go_to_the_thread(qtbot, parent, office, admin):
    """Nobody is logged in; the work is started inside `acting(...)` and a clock of its own:
    both are carried (the whole context), not only the session's."""
    got = Collected()
    later = FixedClock(dt.datetime(2026, 10, 8, 14, 5))

    def work(progress: Progress) -> str:
        office.staff.save_staff("孙工", "department")
        return current_actor()

    set_person(None)
    with acting(admin), clock_as(later):
        run_in_background(parent, work, on_done=got.on_done, on_failed=got.on_failed)
    assert current_actor() == "系统"  # the block has ended here; the thread still has it
    qtbot.waitUntil(lambda: bool(got.done or got.failed), timeout=5000)
    assert got.failed == [] and got.done == ["王管理"]
    made = Staff.get(Staff.name == "孙工")
    entries = list(
        AuditEntry.select().where(AuditEntry.table == "staff", AuditEntry.record_id == str(made.id))
    )
    assert entries and {(e.actor, e.at) for e in entries} == {("王管理", later.now())}


def test_nobody_acting_is_refused_on_the_thread_as_here(qtbot, parent, office, admin):
    """A steward started it: the role table refuses on the thread as it would here."""
    got = Collected()
    steward = office.staff.save_staff("赵物管", "steward", buildings="3")

    def work(progress: Progress) -> None:
        office.staff.save_staff("钱某", "clerk")

    with acting(steward):
        run_in_background(parent, work, on_done=got.on_done, on_failed=got.on_failed)
    qtbot.waitUntil(lambda: bool(got.done or got.failed), timeout=5000)
    assert got.done == [] and "没有“管理人员与登录”的权限" in str(got.failed[0])
    assert not Staff.select().where(Staff.name == "钱某").exists()


class _Window(QWidget):
    def __init__(self, seen: list[object]) -> None:
        super().__init__()
        self.seen = seen

    def finish(self, result: object) -> None:
        self.seen.append(result)


def test_a_window_held_only_by_its_job_is_let_go_safely(qtbot):
    """The window's last reference is the job's callback: when the job lets go, the window
    goes too, and its end does not reach back into the job."""
    seen: list[object] = []
    window = _Window(seen)
    run_in_background(window, lambda progress: "完成", on_done=window.finish, on_failed=window.finish)
    del window
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    qtbot.wait(50)
    assert seen == ["完成"]
