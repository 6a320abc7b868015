"""The office's calendar of duties (seed 001, seed 002 值班制度) on the 2026 calendar:
中秋 on Friday 09-25, 国庆 10-01 to 10-07, 10-10 (Saturday) a make-up working day."""

import datetime as dt
import subprocess

from app import domain
from app.dashboard import (
    RECORD_PRINTED,
    complaint_records_due,
    dashboard,
    month_due,
    monthly_duties,
    night_log_due,
    night_logs_late,
    notice_key,
    record_monthly,
    summary_key,
    visit_answers_late,
)
from app.models import Case, CaseEvent, ReportArchive, Visit
from app.stats import notice_examples
from app.visits import VisitResult
from app.workdays import WorkCalendar
from reports.notice import MonthlyNotice, notice_period
from reports.printing import Printouts

T = dt.datetime
D = dt.date


def duties(today):
    return [(d.duty, d.label, d.due, d.late) for d in monthly_duties(today)]


# The month's summary (by the 28th) and notice to owners (by the 30th) ------------------------


def test_monthly_summary_and_notice_flagged_from_the_20th_until_archived(office, clock, make_case):
    clock.at = T(2026, 10, 9, 9)
    make_case()
    assert duties(D(2026, 10, 19)) == []  # September had no case; October's not yet flagged
    assert duties(D(2026, 10, 20)) == [
        ("summary", "2026年10月", D(2026, 10, 28), False),
        ("notice", "2026年10月", D(2026, 10, 30), False),
    ]
    # The month's analysis printed from the statistics window on 10-27: the summary is done.
    record_monthly(summary_key(2026, 10), b"%PDF", T(2026, 10, 27, 15), "王管理")
    assert ReportArchive.get(ReportArchive.period == "20261001-20261031").archived_by == "王管理"
    assert duties(D(2026, 10, 29)) == [("notice", "2026年10月", D(2026, 10, 30), False)]
    # Not printed by the 30th: on 11-02 October's notice is late (November not flagged yet).
    assert duties(D(2026, 11, 2)) == [("notice", "2026年10月", D(2026, 10, 30), True)]
    record_monthly(notice_key(2026, 10), b"%PDF", T(2026, 11, 2, 9), "王管理")
    assert duties(D(2026, 11, 2)) == []


def test_summary_late_after_the_28th_and_february_notice_by_its_last_day(office, clock, make_case):
    clock.at = T(2026, 10, 9, 9)
    make_case()
    assert ("summary", "2026年10月", D(2026, 10, 28), True) in duties(D(2026, 10, 29))
    assert month_due(2027, 2, 30) == D(2027, 2, 28) and month_due(2028, 2, 30) == D(2028, 2, 29)


def test_notice_printed_on_10_29_covers_october_so_far(office, admin, clock, make_case, tmp_path):
    clock.at = T(2026, 9, 15, 9)
    make_case(account="九月的事项", kind="投诉", category="环境卫生")
    clock.at = T(2026, 10, 9, 9)
    make_case(account="十月的事项", kind="投诉", category="停车")
    make_case(account="十月的另一件事", kind="投诉", category="停车", room="3-2-502")
    clock.at = T(2026, 10, 29, 10)
    today = clock.at.date()
    period = notice_period(today)
    assert (period.start, period.end, period.through) == (D(2026, 10, 1), D(2026, 10, 31), today)
    stats = office.statistics().compute(period)
    examples, names = notice_examples(period)
    pdf = MonthlyNotice(office.name, stats, examples, generated=today, redact=names).generate()
    path = tmp_path / "notice.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    text = "".join(text.split())
    assert "2026年10月(截至10-29)客户意见处理情况" in text
    assert (
        "本月(2026年10月)截至10月29日,客户服务中心共受理业主来电、来访及各类意见2件" in text
    )  # not September
    assert "停车(2件)" in text and "环境卫生" not in text and "2026年9月" not in text


# 《顾客投诉处理记录表》 for complaints open more than one working day -----------------------------


def test_complaints_open_over_a_working_day_need_the_record_until_printed(office, admin, clock, make_case):
    calendar = WorkCalendar.from_database()
    clock.at = T(2026, 9, 28, 9, 30)  # Monday
    slow = make_case(kind="投诉", category="环境卫生", account="垃圾未清")
    quick = make_case(kind="投诉", category="环境卫生", account="楼道脏", room="3-2-502")
    repair = make_case(kind="报修", account="灯不亮")  # not a complaint
    clock.at = T(2026, 9, 28, 15)
    office.cases.resolve(Case.get_by_id(quick.id), "已清扫", admin)
    clock.at = T(2026, 9, 30, 16)  # Wednesday, before National Day
    holiday = make_case(kind="投诉", category="停车", account="车位被占", room="5-1-101")
    void = make_case(kind="投诉", category="停车", account="录错", room="5-1-102")
    office.cases.void(Case.get_by_id(void.id), "重复录入", admin)

    def due(now):
        return [(r.case_number, r.since) for r in complaint_records_due(now, calendar)]

    assert due(T(2026, 9, 29, 9, 30)) == []  # exactly one working day: not more
    assert due(T(2026, 9, 29, 9, 31)) == [(slow.number, T(2026, 9, 29, 9, 30))]
    # 09-30 16:00 + one working day is 10-08 16:00 (国庆 10-01 to 10-07 not counted).
    assert due(T(2026, 10, 8, 15)) == [(slow.number, T(2026, 9, 29, 9, 30))]
    assert due(T(2026, 10, 8, 17)) == [
        (slow.number, T(2026, 9, 29, 9, 30)),
        (holiday.number, T(2026, 10, 8, 16)),
    ]
    assert repair.number not in [n for n, _ in due(T(2026, 10, 8, 17))]
    # Printing the record (as the case window's 打印记录表 does) is written on the timeline.
    clock.at = T(2026, 10, 8, 17)
    pdf = Printouts(office, admin).complaint_record(Case.get_by_id(slow.id))
    assert pdf.startswith(b"%PDF")
    event = CaseEvent.get(CaseEvent.case == slow.id, CaseEvent.kind == RECORD_PRINTED)
    assert (event.at, event.actor_name) == (T(2026, 10, 8, 17), admin.name)
    assert due(T(2026, 10, 8, 17)) == [(holiday.number, T(2026, 10, 8, 16))]
    # A complaint handled within the day never needs one.
    assert quick.number not in [n for n, _ in due(T(2026, 10, 30, 9))]


# Night-log entries carried into cases by 10:00 of the next working day ---------------------


def test_night_log_entries_late_after_ten_on_the_next_working_morning(office, admin, clock):
    calendar = WorkCalendar.from_database()
    clock.at = T(2026, 10, 1, 8)  # the calls below are logged as they come in, never ahead of the clock
    # Thursday 09-24 at night: Friday is 中秋, so the next working morning is Monday 09-28.
    thursday = office.nightlog.add("楼上漏水", caller="张伟", room="3-2-501", at=T(2026, 9, 24, 22))
    early = office.nightlog.add("电梯困人,已解救", at=T(2026, 9, 29, 2))  # Tuesday 02:00
    before_holiday = office.nightlog.add("门禁坏了", at=T(2026, 9, 30, 23))
    assert night_log_due(thursday.logged_at, calendar) == T(2026, 9, 28, 10)
    assert night_log_due(early.logged_at, calendar) == T(2026, 9, 29, 10)
    assert night_log_due(before_holiday.logged_at, calendar) == T(2026, 10, 8, 10)

    def late(now):
        return [e.entry_id for e in night_logs_late(now, calendar)]

    assert late(T(2026, 9, 28, 10)) == []
    assert late(T(2026, 9, 28, 10, 1)) == [thursday.id]
    assert late(T(2026, 10, 7, 18)) == [thursday.id, early.id]
    assert late(T(2026, 10, 8, 10, 1)) == [thursday.id, early.id, before_holiday.id]
    # Carried into a case: no longer flagged.
    clock.at = T(2026, 10, 8, 10, 30)
    office.nightlog.convert(thursday, office.nightlog.as_input(thursday), admin)
    assert late(T(2026, 10, 8, 10, 30)) == [early.id, before_holiday.id]


# A question promised an answer at a visit -------------------------------------------------


def test_visit_question_flagged_when_its_promised_day_has_passed(office, admin, clock, make_case):
    clock.at = T(2026, 9, 28, 9, 30)
    case = make_case(kind="投诉", category="环境卫生")
    office.cases.resolve(Case.get_by_id(case.id), "已处理", admin)
    clock.at = T(2026, 9, 29, 10)
    visit = Visit.get(Visit.case == case.id)
    office.visits.complete(
        visit,
        VisitResult(method="电话", satisfaction="满意", questions=[("物业费何时公示?", D(2026, 9, 30))]),
        admin,
    )
    assert visit_answers_late(D(2026, 9, 30)) == []  # the promised day itself is still in time
    late = visit_answers_late(D(2026, 10, 1))
    assert [(a.case_number, a.question, a.promised) for a in late] == [
        (case.number, "物业费何时公示?", D(2026, 9, 30))
    ]
    office.visits.answer_task(office.visits.open_tasks()[0], "已于公告栏公示")
    assert visit_answers_late(D(2026, 10, 1)) == []


def test_dashboard_carries_every_duty(office, admin, clock, make_case):
    clock.at = T(2026, 10, 8, 9)
    make_case(kind="投诉", category="环境卫生", account="垃圾未清")
    office.nightlog.add("门禁坏了", at=T(2026, 9, 30, 23))
    clock.at = T(2026, 10, 21, 11)
    d = dashboard(office, clock.at.date())
    assert [(m.duty, m.due) for m in d.monthly_duties] == [
        ("summary", D(2026, 10, 28)),
        ("notice", D(2026, 10, 30)),
    ]
    assert [r.case_number for r in d.records_due] == [Case.get().number]
    assert len(d.night_logs_late) == 1 and d.night_log_pending == 1
    assert d.answers_late == []
    assert Case.get().state in domain.OPEN_STATES
