"""首次回复 and 明确答复 shown where the office looks (issue 14), on the office's own dates.

The default policy: first reply within 1 working day; a major complaint's clear answer within
2 working days. 2026's National Day: 10-01..10-07 off, Sat 10-10 a make-up working day.
办结 is not a first reply: a case finished without one has none, and is late once its deadline
has passed. Shown: the case detail (首次回复 <time>, 超时 <n> 小时/工作日; 未首次回复), the case
list (the 首次回复 column and the 首次回复超时 filter), the statistics window (count, rate and
the cases), the quarterly PDF, the dashboard (this month's, with the numbers).
"""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from PySide6.QtCore import Qt

from app import late_replies
from app.case_query import CaseFilter
from app.dashboard import dashboard
from app.late_replies import Overrun, overrun
from app.periods import Period
from app.policy_sections import FirstResponse
from app.stats import Statistics
from app.workdays import WorkCalendar
from reports.quarterly import QuarterlyReport
from ui.case_detail import CaseDetailDialog
from ui.case_list import CaseListPage
from ui.case_model import COLUMN_INDEX
from ui.dashboard.page import DashboardPage
from ui.stats.handling_tab import HandlingTab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def september(office, admin, make_case, clock):
    """Mon 28 Sep 09:30 onwards: the office's cases, then the clock on Mon 12 Oct 16:00."""
    finished = make_case()  # reply due Tue 29 Sep 09:30; 办结 Tue 08:00 with no reply
    answered = make_case(room="3-2-502")  # replied 11:00: on time
    clock.advance(minutes=1)
    major = make_case(kind="投诉", severity="重大", category="服务质量", room="1-1-101")  # answer due 30 Sep
    anonymous = make_case(kind="投诉", category="服务态度", anonymous=True, room="")
    clock.at = dt.datetime(2026, 9, 28, 11, 0)
    office.cases.add_note(answered, "已电话告知业主处理安排", admin, response=True)
    clock.at = dt.datetime(2026, 9, 29, 8, 0)
    office.cases.resolve(finished, "已更换灯管", admin)
    clock.at = dt.datetime(2026, 9, 30, 10, 0)
    holiday = make_case(kind="投诉", category="服务态度", room="2-1-301")  # reply due Thu 8 Oct 10:00
    clock.at = dt.datetime(2026, 10, 12, 15, 0)
    office.cases.add_note(holiday, "已上门向业主说明", admin, response=True)
    clock.at = dt.datetime(2026, 10, 12, 16, 0)
    return {
        "finished": finished,
        "answered": answered,
        "major": major,
        "anonymous": anonymous,
        "holiday": holiday,
    }


def test_resolve_is_not_a_first_reply(office, september):
    finished = office.cases.get(september["finished"].id)
    assert finished.first_response_at is None and finished.resolved_at is not None
    reply = office.cases.detail(finished.id).first_reply
    assert reply is not None and reply.status == late_replies.NONE
    # Late by the working days since Tue 29 Sep 09:30: 30 Sep, 8, 9, 10 (make-up) and 12 Oct.
    assert reply.late == Overrun(5, late_replies.WORKING)
    assert reply.late.words == "超时 5 工作日"
    assert office.cases.detail(september["anonymous"].id).first_reply.status == late_replies.NOT_OWED


def test_overrun_in_the_policy_unit_on_the_2026_calendar(office):
    calendar = WorkCalendar.from_database()
    due = dt.datetime(2026, 10, 8, 10, 0)
    assert overrun(due, dt.datetime(2026, 10, 12, 15, 0), "working", calendar) == Overrun(3, "working")
    # Less than a working day late: said in hours (rounded up).
    assert overrun(due, dt.datetime(2026, 10, 8, 13, 30), "working", calendar) == Overrun(4, "hours")
    # Over the weekend 10-11 (Sunday) only one working day has passed.
    assert overrun(dt.datetime(2026, 10, 10, 9, 0), dt.datetime(2026, 10, 12, 9, 0), "working", calendar) == (
        Overrun(1, "working")
    )
    assert overrun(due, dt.datetime(2026, 10, 10, 9, 0), "hours").words == "超时 47 小时"
    assert overrun(due, dt.datetime(2026, 10, 10, 9, 0), "calendar").words == "超时 1 天"


def test_the_24_hour_preset_says_hours(office, admin, make_case, clock):
    policy = office.policies.load()
    policy.first_response = FirstResponse(24, "hours")
    office.policies.save(policy)
    case = make_case()  # due Tue 29 Sep 09:30
    clock.at = dt.datetime(2026, 9, 29, 13, 0)
    office.cases.add_note(case, "已回复业主", admin, response=True)
    reply = office.cases.detail(case.id).first_reply
    assert reply.status == late_replies.REPLIED and reply.late == Overrun(4, "hours")


def _detail(qtbot, office, admin, case):
    d = CaseDetailDialog(case.id, office.cases, office.staff, admin)
    qtbot.addWidget(d)
    d.resize(1366, 768)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_case_detail_says_it(qtbot, office, admin, september):
    d = _detail(qtbot, office, admin, september["finished"])
    text = d.fields.values["response_due"].text()
    assert "2026-09-29 09:30" in text and "逾期" in text
    assert "未首次回复(办结不算首次回复),超时 5 工作日" in text
    d = _detail(qtbot, office, admin, september["holiday"])
    text = d.fields.values["response_due"].text()
    assert "2026-10-08 10:00" in text and "已于 2026-10-12 15:00 首次回复,晚于期限:超时 3 工作日" in text
    d = _detail(qtbot, office, admin, september["answered"])
    text = d.fields.values["response_due"].text()
    assert "已于 2026-09-28 11:00 首次回复" in text and "超时" not in text and "逾期" not in text
    # The major complaint: no reply, no clear answer (due Wed 30 Sep 09:31).
    d = _detail(qtbot, office, admin, september["major"])
    assert "尚未回复业主,超时 5 工作日" in d.fields.values["response_due"].text()
    assert "尚未明确答复,超时 4 工作日" in d.fields.values["answer_due"].text()
    d = _detail(qtbot, office, admin, september["anonymous"])
    assert "超时" not in d.fields.values["response_due"].text()


def test_case_list_marks_and_filters(qtbot, office, september):
    page = CaseListPage(office.query, office.policies, office.staff, office.clock)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    late = {september[k].number for k in ("finished", "major", "holiday")}
    assert office.query.count(CaseFilter(first_reply_late=True)) == 3
    button = page.quick_buttons["首次回复超时"]
    assert button.text() == "首次回复超时 (3)"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.late_reply_check.isChecked() and button.isChecked()
    model = page.model
    shown = {model.index(r, COLUMN_INDEX["number"]).data() for r in range(model.rowCount())}
    assert shown == late
    marks = {model.index(r, COLUMN_INDEX["first_reply"]).data() for r in range(model.rowCount())}
    assert marks == {"超时"}
    qtbot.mouseClick(page.quick_buttons["全部"], Qt.MouseButton.LeftButton)
    assert not page.late_reply_check.isChecked() and model.rowCount() == 5
    for r in range(model.rowCount()):
        number = model.index(r, COLUMN_INDEX["number"]).data()
        mark = model.index(r, COLUMN_INDEX["first_reply"]).data()
        assert (mark == "超时") == (number in late), number


def test_statistics_count_rate_and_cases(qtbot, office, september):
    stats = Statistics(office.policies.load(), dt.date(2026, 10, 12)).compute(Period.month(2026, 9))
    numbers = [september[k].number for k in ("finished", "major", "holiday")]
    assert stats.late_first_reply_cases == numbers
    assert stats.first_replies_owed == 4  # the anonymous one is owed nothing
    assert stats.late_first_reply_rate == pytest.approx(0.75)
    assert stats.late_clear_answers == [september["major"].number]
    assert stats.to_json()["first_replies_owed"] == 4
    before = Statistics(office.policies.load(), dt.date(2026, 10, 12)).compute(Period.month(2026, 8))
    tab = HandlingTab()
    qtbot.addWidget(tab)
    tab.show_stats(stats, before)
    t = tab.measure_table
    rows = {t.item(r, 0).text(): [t.item(r, c).text() for c in range(1, 4)] for r in range(t.rowCount())}
    assert rows["首次回复超时"] == ["3", "0", "↑ 3"]
    assert rows["首次回复超时率"][:2] == ["75.0%", "—"]
    assert rows["明确答复超时(重大投诉)"] == ["1", "0", "↑ 1"]
    lt = tab.late_reply_table
    listed = [(lt.item(r, 0).text(), lt.item(r, 1).text()) for r in range(lt.rowCount())]
    assert listed == [(n, "首次回复") for n in numbers] + [(september["major"].number, "明确答复")]
    opened = []
    tab.open_case_number.connect(opened.append)
    tab.emit_row_number(lt, 0)
    assert opened == [numbers[0]]


def test_quarterly_pdf_has_the_rows(tmp_path, office, september):
    comparison = office.quarterly(Period.quarter(2026, 3))
    pdf = QuarterlyReport(office.name, comparison, generated=dt.date(2026, 10, 12)).generate()
    path = tmp_path / "q3.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True).stdout
    words = text.decode("utf-8")
    assert "首次回复超时件数" in words and "明确答复超时件数(重大投诉)" in words
    assert "首次回复超时(3 件,占应回复的 75.0%;上期 0 件)" in words
    assert "重大投诉明确答复超时(1 件;上期 0 件)" in words
    for key in ("finished", "major", "holiday"):
        assert september[key].number in words


def test_dashboard_this_month(qtbot, office, admin, make_case, clock):
    finished = make_case()  # reply due Tue 29 Sep 09:30
    clock.advance(minutes=1)
    major = make_case(kind="投诉", severity="重大", category="服务质量", room="1-1-101")
    on_time = make_case(room="3-2-502")
    clock.at = dt.datetime(2026, 9, 28, 15, 0)
    office.cases.add_note(on_time, "已电话告知业主", admin, response=True)
    clock.at = dt.datetime(2026, 9, 29, 8, 0)
    office.cases.resolve(finished, "已更换灯管", admin)  # before the deadline, with no reply
    # Wed 30 Sep 18:00: the replies due by the start of the day are counted, with their numbers.
    clock.at = dt.datetime(2026, 9, 30, 18, 0)
    data = dashboard(office, clock.now().date())
    assert data.late_replies.first_replies == (finished.number, major.number)
    assert data.late_replies.clear_answers == ()  # due today 09:31: counted from tomorrow
    page = DashboardPage(lambda: dashboard(office, clock.now().date()))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    assert page.late_reply_notice.isVisible()
    text = page.late_reply_notice.text()
    assert f"本月 2 件首次回复超时(晚于期限或过期限未回复):{finished.number}、{major.number}。" in text
    assert "明确答复超时" not in text
    opened = []
    page.open_cases.connect(opened.append)
    qtbot.mouseClick(page.late_reply_button, Qt.MouseButton.LeftButton)
    month = CaseFilter(first_reply_late=True, date_from=dt.date(2026, 9, 1), date_to=dt.date(2026, 9, 30))
    assert opened == [month]
    assert office.query.count(month) == 2
    # Tue 30 Sep is over: on Thu 1 Oct (国庆) the month is October, nothing yet.
    clock.at = dt.datetime(2026, 10, 1, 9, 0)
    page.refresh()
    assert not page.late_reply_notice.isVisible()
