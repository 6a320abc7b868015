"""回访日历: month counts with words, filters, the day list, opening and moving a visit."""

import datetime as dt

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent

from app import domain
from app.models import Case, Room, Visit, db
from app.visits import OVERDUE
from ui.calendar.model import VISIT_MIME
from ui.calendar.page import VisitCalendarPage

# The offscreen platform says so whenever a window is shown; it is not a problem of ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = dt.date(2026, 9, 28)  # the fixed clock's Monday


@pytest.fixture
def steward(office):
    return office.staff.save_staff("赵物管", "steward", buildings="3")


@pytest.fixture
def steward5(office):
    return office.staff.save_staff("孙物管", "steward", buildings="5")


def plan(office, admin, make_case, **fields) -> Visit:
    """A visit planned the way the office plans one: by resolving a complaint (100% visited)."""
    fields.setdefault("kind", "投诉")
    fields.setdefault("category", "服务态度")
    case = make_case(**fields)
    office.cases.resolve(case, "已处理", admin)
    return Visit.get(Visit.case == case)


@pytest.fixture
def page(qtbot, office, clock):
    p = VisitCalendarPage(office.visits, office.staff, clock)
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    return p


def move(visit: Visit, due: dt.date) -> Visit:
    Visit.update(due=due).where(Visit.id == visit.id).execute()
    return Visit.get_by_id(visit.id)


def test_month_shows_counts_with_their_words(office, admin, make_case, steward, clock, page):
    due = TODAY + dt.timedelta(days=3)
    for _ in range(2):
        plan(office, admin, make_case)
    late = move(plan(office, admin, make_case), TODAY - dt.timedelta(days=2))
    done = plan(office, admin, make_case)
    Visit.update(state=domain.VISIT_DONE, done_at=dt.datetime(2026, 9, 28, 9, 0)).where(
        Visit.id == done.id
    ).execute()
    page.refresh()
    grid = page.month_view
    assert page.title.text() == "2026年9月"
    assert grid.cell_text(due) == "计划 2"
    assert grid.cell_text(late.due) == "逾期 1"
    assert grid.cell_text(TODAY) == "已完成 1"
    assert grid.cell_text(TODAY + dt.timedelta(days=1)) == ""
    # The grid starts on Monday and shows whole weeks; October 1st is in the last row.
    assert grid.days[0] == dt.date(2026, 8, 31) and grid.days[0].weekday() == 0
    assert due in grid.days and len(grid.days) % 7 == 0
    # The next month has the same visits on the same day.
    page.next_button.click()
    assert page.title.text() == "2026年10月"
    assert page.month_view.cell_text(due) == "计划 2"


def test_filters_narrow_the_counts(office, admin, make_case, steward, steward5, page):
    due = TODAY + dt.timedelta(days=3)
    plan(office, admin, make_case, room="3-1-101")
    plan(office, admin, make_case, room="5-1-101")
    plan(office, admin, make_case, room="5-2-202")
    page.refresh()
    assert page.month_view.cell_text(due) == "计划 3"
    page.filters.building.setCurrentIndex(page.filters.building.findData("5"))
    assert page.month_view.cell_text(due) == "计划 2"
    page.filters.building.setCurrentIndex(0)
    page.filters.visitor.setCurrentIndex(page.filters.visitor.findData(steward.id))
    assert page.month_view.cell_text(due) == "计划 1"
    page.filters.kind.setCurrentIndex(page.filters.kind.findData("报修"))
    assert page.month_view.cell_text(due) == ""
    page.filters.clear_button.click()
    assert page.month_view.cell_text(due) == "计划 3"


def test_day_list_shows_the_overdue_on_top(office, admin, make_case, steward, page):
    today_visit = move(plan(office, admin, make_case, room="3-1-101"), TODAY)
    late = move(plan(office, admin, make_case, room="3-1-102"), TODAY - dt.timedelta(days=4))
    page.open_day(TODAY)
    assert page.views.currentWidget() is page.day_table
    model = page.day_model
    assert [model.rows[i].id for i in range(model.rowCount())] == [late.id, today_visit.id]
    assert model.index(0, 0).data() == OVERDUE
    assert model.index(1, 0).data() == "计划"
    assert page.title.text() == "2026年9月28日 周一 · 今天"
    # Today's list per visitor marks the overdue one too.
    page.side_tabs.setCurrentIndex(1)
    group = page.today_list.tree.topLevelItem(0)
    assert group.text(0) == "赵物管:2 件(逾期 1)"
    assert [group.child(i).text(0) for i in range(group.childCount())] == [OVERDUE, "计划"]


def test_selecting_a_day_shows_its_list_beside_the_month(qtbot, office, admin, make_case, steward, page):
    visit = plan(office, admin, make_case)
    grid = page.month_view
    index = grid.days.index(visit.due)
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.cell_rect(index).center())
    assert page.selected == visit.due
    assert page.side_model.rowCount() == 1 and page.side_model.rows[0].id == visit.id
    assert page.side_title.text().startswith("10月1日 周四:1 件")


def test_double_click_and_enter_open_the_visit(qtbot, office, admin, make_case, steward, page):
    visit = move(plan(office, admin, make_case), TODAY)
    page.refresh()
    table = page.side_table
    rect = table.visualRect(page.side_model.index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.visit_activated, timeout=1000) as opened:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [visit.id]
    table.setFocus()
    with qtbot.waitSignal(page.visit_activated, timeout=1000) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [visit.id]


def test_week_lists_each_days_visits(qtbot, office, admin, make_case, steward, page):
    visit = plan(office, admin, make_case)  # due Thursday 10月1日
    page.set_mode(page.WEEK)
    assert page.title.text() == "2026年9月28日 – 10月4日"
    week = page.week_view
    assert week.models[3].rowCount() == 1 and week.models[0].rowCount() == 0
    assert week.models[3].index(0, 0).data().startswith("计划 · 3-2-501")
    rect = week.lists[3].visualRect(week.models[3].index(0, 0))
    qtbot.mouseClick(week.lists[3].viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.visit_activated, timeout=1000) as opened:
        qtbot.mouseDClick(week.lists[3].viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [visit.id]


def select_first(page):
    page.side_table.setCurrentIndex(page.side_model.index(0, 0))


def test_reschedule_asks_why_and_moves_the_visit(office, admin, make_case, steward, page):
    visit = move(plan(office, admin, make_case), TODAY)
    page.refresh()
    select_first(page)
    assert page.reschedule_button.isEnabled()
    page.reschedule_button.click()
    dialog = page.reschedule_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.date.setDate(dialog.date.date().addDays(3))
    dialog.reason.setText("业主出差,约定周四再访")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert Visit.get_by_id(visit.id).due == TODAY + dt.timedelta(days=4)
    assert "改期" in page.banner.text()
    # The case's history says why.
    case = Case.get_by_id(visit.case_id)
    assert any("业主出差" in e.text for e in case.events)
    assert page.month_view.cell_text(TODAY + dt.timedelta(days=4)) == "计划 1"


def test_an_empty_reason_is_refused_and_nothing_is_lost(office, admin, make_case, steward, page):
    visit = move(plan(office, admin, make_case), TODAY)
    page.refresh()
    select_first(page)
    page.reschedule_button.click()
    dialog = page.reschedule_dialog
    dialog.date.setDate(dialog.date.date().addDays(2))
    dialog.reason.setText("   ")
    dialog.ok_button.click()
    assert dialog.isVisible()
    reason_error = dialog.errors.label_for("原因")
    assert "改期须写明原因" in reason_error.text() and reason_error.isVisible()  # under the field
    assert Visit.get_by_id(visit.id).due == TODAY
    assert dialog.date.date().toPython() == TODAY + dt.timedelta(days=3)  # the chosen day is kept
    dialog.reason.setText("业主要求改期")
    dialog.ok_button.click()
    assert Visit.get_by_id(visit.id).due == TODAY + dt.timedelta(days=3)


def test_the_same_day_is_no_change(office, admin, make_case, steward, page):
    visit = move(plan(office, admin, make_case), TODAY)
    page.refresh()
    select_first(page)
    page.reschedule_button.click()
    dialog = page.reschedule_dialog
    dialog.date.setDate(dialog.date.date().addDays(-1))  # back to the day it is planned for
    dialog.reason.setText("业主要求改期")
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.error.text() == "新日期与原定日期相同"
    assert dialog.reason.text() == "业主要求改期"  # nothing typed is lost
    assert Visit.get_by_id(visit.id).due == TODAY


def test_dropping_a_visit_on_a_day_asks_why(qtbot, office, admin, make_case, steward, page):
    visit = move(plan(office, admin, make_case), TODAY)
    page.refresh()
    grid = page.month_view
    target = TODAY + dt.timedelta(days=5)
    mime = page.side_model.mimeData([page.side_model.index(0, 0)])
    assert bytes(mime.data(VISIT_MIME).data()) == str(visit.id).encode()
    drop = QDropEvent(
        QPointF(grid.cell_rect(grid.days.index(target)).center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    grid.dropEvent(drop)  # Qt delivers no drop without a real drag; the handler is ours
    dialog = page.reschedule_dialog
    assert dialog is not None and dialog.date.date().toPython() == target
    dialog.reason.setText("业主国庆后在家")
    dialog.ok_button.click()
    assert Visit.get_by_id(visit.id).due == target
    assert page.reschedule_dialog is None
    # A day in the past takes no drop.
    past = QDropEvent(
        QPointF(grid.cell_rect(grid.days.index(TODAY - dt.timedelta(days=3))).center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    grid.dropEvent(past)
    assert not past.isAccepted()
    assert page.reschedule_dialog is None


def test_a_done_visit_cannot_be_rescheduled(office, admin, make_case, steward, page):
    visit = move(plan(office, admin, make_case), TODAY)
    Visit.update(state=domain.VISIT_DONE, done_at=dt.datetime(2026, 9, 28, 9, 0)).where(
        Visit.id == visit.id
    ).execute()
    page.refresh()
    select_first(page)
    assert not page.reschedule_button.isEnabled()
    assert page.open_button.isEnabled()


def test_a_month_of_2000_visits_is_counted_whole(office, staff_rooms, clock, page):
    rooms, people = staff_rooms
    states = [domain.VISIT_DONE, domain.VISIT_UNREACHABLE, domain.VISIT_REFUSED, domain.VISIT_PLANNED]
    rows = []
    for i in range(2000):
        day = dt.date(2026, 9, 1) + dt.timedelta(days=i % 30)
        state = states[i % 4] if day < TODAY else domain.VISIT_PLANNED
        person = people[i % len(people)]
        rows.append(
            dict(
                room=rooms[i % len(rooms)],
                purpose="季度巡访",
                due=day,
                role="steward",
                visitor=person,
                visitor_name=person.name,
                reason="季度巡访",
                state=state,
                created_at=clock.now(),
                done_at=dt.datetime.combine(day, dt.time(10)) if state != domain.VISIT_PLANNED else None,
            )
        )
    with db.atomic():
        Visit.insert_many(rows).execute()
    page.refresh()
    page.grab()
    total = sum(n for day in page.month_view.days for n in page.month_view.counts.get(day, {}).values())
    assert total == 2000  # its drawing time is measured in bench/ (calendar month)


@pytest.fixture
def staff_rooms(office):
    people = [office.staff.save_staff(f"物管{i}", "steward", buildings=str(i)) for i in range(1, 5)]
    with db.atomic():
        rooms = [
            Room.create(building=str(b), unit="1", number=f"{n}01") for b in range(1, 9) for n in range(1, 16)
        ]
    return rooms, people
