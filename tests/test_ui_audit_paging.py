"""审计记录 at ten years (issue 17 item 4): pages follow each other by id (page 8,000 costs what
page 1 does), back and forth without a gap or a repeat, and the names to filter by are read
through the actor index."""

import pytest
from PySide6.QtCore import Qt

import ui.audit_window as audit_window
from app.models import AuditEntry
from app.permissions import set_person
from ui.audit_window import AuditWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, office, admin, make_case, monkeypatch):
    set_person(admin)
    make_case()
    make_case(room="3-2-502", customer_name="李娜")
    monkeypatch.setattr(audit_window, "PAGE_SIZE", 3)
    w = AuditWindow(office.trail)
    qtbot.addWidget(w)
    w.show()
    return w


def _ids(window) -> list[int]:
    return [e.id for e in window.shown_entries()]


def test_pages_follow_each_other_newest_first_and_back(qtbot, window):
    every = [e.id for e in AuditEntry.select(AuditEntry.id).order_by(AuditEntry.id.desc())]
    assert len(every) > 6
    seen: list[list[int]] = [_ids(window)]
    while window.next_button.isEnabled():
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
        seen.append(_ids(window))
    assert [i for page in seen for i in page] == every  # no gap, no repeat, in order
    assert all(len(page) == 3 for page in seen[:-1]) and 1 <= len(seen[-1]) <= 3
    last = len(seen)
    first, end = 3 * (last - 1) + 1, len(every)
    assert window.page_label.text() == f"第 {last} 页(第 {first}–{end} 条)"
    for back in range(last - 2, -1, -1):
        qtbot.mouseClick(window.prev_button, Qt.MouseButton.LeftButton)
        assert _ids(window) == seen[back]
    assert not window.prev_button.isEnabled()


def test_a_filter_starts_again_from_the_newest(qtbot, window, admin):
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.page == 1
    window.actor_filter.setCurrentText(admin.name)
    window.apply_filter()
    assert window.page == 0
    mine = [
        e.id for e in AuditEntry.select().where(AuditEntry.actor == admin.name).order_by(AuditEntry.id.desc())
    ]
    assert _ids(window) == mine[:3]


def test_the_names_to_filter_by_are_every_actor_once(window, office, admin):
    names = sorted({e.actor for e in AuditEntry.select(AuditEntry.actor)})
    assert office.trail.actors(actor=admin) == names
    shown = [window.actor_filter.itemText(i) for i in range(1, window.actor_filter.count())]
    assert shown == names
