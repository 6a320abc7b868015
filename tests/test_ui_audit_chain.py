"""审计记录 → 校验审计链 off the window's thread (issue 17): the real chain check runs on a worker
thread while the window keeps handling events, with entries checked of total, 取消 that stops
it, and the result shown as before (whole, broken, refused)."""

import threading

import pytest
from PySide6.QtCore import Qt, QTimer

from app import audit
from app.models import AuditEntry
from app.permissions import acting, set_person
from ui.audit_window import AuditWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class Paused:
    """Wraps the trail the check reads: records the thread reading it, and holds the check
    after its first entry until the test releases it (once; later checks run straight)."""

    def __init__(self, monkeypatch) -> None:
        self.threads: list[threading.Thread] = []
        self.reached = threading.Event()
        self.release = threading.Event()
        self._real = audit._raw_trail
        self._held = False
        monkeypatch.setattr(audit, "_raw_trail", self.rows)
        monkeypatch.setattr(audit, "CHAIN_PROGRESS_EVERY", 1)

    def rows(self, after=0):
        self.threads.append(threading.current_thread())
        for n, row in enumerate(self._real(after)):
            if n == 1 and not self._held:
                self._held = True
                self.reached.set()
                assert self.release.wait(20), "the test never released the check"
            yield row


@pytest.fixture
def window(qtbot, office, admin, make_case):
    set_person(admin)  # logged in, as MainWindow does: the check is done by this person
    make_case()
    make_case(room="3-2-502", customer_name="李娜")
    w = AuditWindow(office.trail)
    qtbot.addWidget(w)
    w.show()
    return w


def click(qtbot, button):
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def the_window_answers(qtbot) -> None:
    """A timer on the window's thread fires while the work is held."""
    fired: list[bool] = []
    QTimer.singleShot(10, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=5000)


def test_the_check_runs_on_a_worker_with_progress_and_the_result_shows(qtbot, window, monkeypatch):
    paused = Paused(monkeypatch)
    total = AuditEntry.select().count()
    assert total > 2
    click(qtbot, window.chain_button)
    assert paused.reached.wait(10)
    assert paused.threads and paused.threads[0] is not threading.main_thread()
    the_window_answers(qtbot)
    qtbot.waitUntil(lambda: window.chain_progress.format() == f"已核对 1 / {total} 条", timeout=5000)
    assert window.chain_progress.maximum() == total and window.chain_progress.value() == 1
    assert not window.chain_button.isEnabled()
    assert window.chain_progress.isVisible() and window.chain_cancel_button.isVisible()
    window.apply_filter()  # the list still pages and filters meanwhile
    assert window.table.rowCount() == total

    with qtbot.waitSignal(window.chain_checked, timeout=20000) as ended:
        paused.release.set()
    check = ended.args[0]
    assert check.problems == [] and not check.stopped and check.checked == check.total == total
    assert window.chain_result.text() == f"审计链完好,从第一条起共 {total:,} 条逐条核对无误。"
    assert window.chain_result.isVisible()
    assert window.chain_button.isEnabled()
    assert not window.chain_progress.isVisible() and not window.chain_cancel_button.isVisible()


def test_cancel_stops_the_check_and_says_it_gave_no_verdict(qtbot, window, monkeypatch):
    paused = Paused(monkeypatch)
    total = AuditEntry.select().count()
    job = window.check_chain()
    assert paused.reached.wait(10)
    the_window_answers(qtbot)
    click(qtbot, window.chain_cancel_button)
    assert job.cancelled and not window.chain_cancel_button.isEnabled()
    assert window.chain_progress.format() == "正在停止…"
    with qtbot.waitSignal(window.chain_checked, timeout=20000) as ended:
        paused.release.set()
    check = ended.args[0]
    assert check.stopped and check.problems == [] and check.total == total
    assert 1 <= check.checked < total  # it stopped at the next entry, not at the end
    assert (
        window.chain_result.text() == f"已取消校验:核对了 {check.checked} / {total} 条后停止,没有得出结论。"
    )
    assert "完好" not in window.chain_result.text()
    assert window.chain_button.isEnabled() and not window.chain_progress.isVisible()

    # A check started again goes to the end (the trail is held only once).
    with qtbot.waitSignal(window.chain_checked, timeout=20000):
        click(qtbot, window.chain_button)
    assert window.chain_result.text() == f"审计链完好,从第一条起共 {total:,} 条逐条核对无误。"


def test_a_broken_chain_is_shown_as_before(qtbot, window):
    first = AuditEntry.select().order_by(AuditEntry.id).first()
    AuditEntry.update(new="改过的内容").where(AuditEntry.id == first.id).execute()
    with qtbot.waitSignal(window.chain_checked, timeout=20000) as ended:
        click(qtbot, window.chain_button)
    assert len(ended.args[0].problems) == 1
    text = window.chain_result.text()
    assert "审计链有 1 处问题" in text and f"审计记录第 {first.id} 条" in text and "内容被改动" in text


def test_a_refusal_on_the_thread_is_told_in_words(qtbot, window, office):
    clerk = office.staff.save_staff("李客服", "clerk")
    with acting(clerk), qtbot.waitSignal(window.chain_checked, timeout=20000) as ended:
        window.check_chain()  # the person acting where it was started is carried to the thread
    assert ended.args[0] is None
    assert window.chain_result.text() == "没能校验审计链:李客服没有“查看审计记录”的权限,请由有权限的人员操作"
    assert window.chain_button.isEnabled()


def test_the_next_check_reads_only_what_was_written_since_and_full_reads_all(qtbot, window, make_case):
    """校验审计链 starts from the last point found whole (the entries since are hashed one by
    one); 完整校验 reads the trail from its first entry, and finds an edit the short one cannot."""
    with qtbot.waitSignal(window.chain_checked, timeout=20000) as first:
        click(qtbot, window.chain_button)
    assert first.args[0].since is None  # no point yet: the whole trail
    before = AuditEntry.select().count()
    make_case(room="5-1-101", customer_name="王强")
    added = AuditEntry.select().count() - before
    with qtbot.waitSignal(window.chain_checked, timeout=20000) as second:
        click(qtbot, window.chain_button)
    check = second.args[0]
    assert check.problems == [] and check.since is not None and check.since.count == before
    assert check.checked == check.total == added
    assert f"新增的 {added} 条逐条核对无误" in window.chain_result.text()
    assert f"完好的 {before:,} 条之后" in window.chain_result.text()

    # An entry edited before the point: the short check does not read it; 完整校验 does.
    first_entry = AuditEntry.select().order_by(AuditEntry.id).first()
    AuditEntry.update(new="改过的内容").where(AuditEntry.id == first_entry.id).execute()
    with qtbot.waitSignal(window.chain_checked, timeout=20000) as third:
        click(qtbot, window.chain_button)
    assert third.args[0].problems == [] and third.args[0].checked == 0
    with qtbot.waitSignal(window.chain_checked, timeout=20000) as full:
        click(qtbot, window.full_chain_button)
    assert full.args[0].since is None and len(full.args[0].problems) == 1
    assert "内容被改动" in window.chain_result.text()
