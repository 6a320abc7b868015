"""Working days: the State Council calendar (chinesecalendar), the office's table on top.

The expected dates come from the package's 2026 data: 中秋节 Fri 25 Sep off (with the
weekend 26–27), 国庆节 1–7 Oct off, adjusted working days Sun 20 Sep and Sat 10 Oct.
"""

import datetime as dt

import pytest

from app.errors import ValidationError
from app.holidays import HolidayService, package_years, weekday_label
from app.models import AuditEntry, Case, Holiday
from app.policy_sections import FirstResponse
from app.workdays import WorkCalendar


def at(day: str, time: str = "09:30") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day} {time}")


@pytest.fixture
def holidays(office) -> HolidayService:
    return office.holidays


# The package's own 2026 data ---------------------------------------------------------


def test_national_day_2026_is_skipped():
    cal = WorkCalendar()
    # Wed 30 Sep: the next working day is Thu 8 Oct, after the seven days off.
    assert cal.add_workdays(at("2026-09-30"), 1) == at("2026-10-08")
    assert cal.add_workdays(at("2026-09-30", "16:45"), 2) == at("2026-10-09", "16:45")


def test_adjusted_working_saturday_counts():
    cal = WorkCalendar()
    # 8 Oct Thu, 9 Oct Fri, 10 Oct Sat (调休上班) -> the third working day is the Saturday.
    assert cal.add_workdays(at("2026-09-30"), 3) == at("2026-10-10")
    # Sun 11 Oct is an ordinary day off again.
    assert cal.add_workdays(at("2026-09-30"), 4) == at("2026-10-12")
    assert cal.workdays_between(dt.date(2026, 9, 30), dt.date(2026, 10, 10)) == 3


def test_mid_autumn_and_adjusted_sunday_before_it():
    cal = WorkCalendar()
    # Fri 18 Sep -> Sat 19 off, Sun 20 Sep is a working day (国庆调休).
    assert cal.add_workdays(at("2026-09-18"), 1) == at("2026-09-20")
    # Thu 24 Sep -> Fri 25 中秋节 and the weekend off -> Mon 28 Sep.
    assert cal.add_workdays(at("2026-09-24"), 1) == at("2026-09-28")


def test_calendar_days_ignore_holidays():
    cal = WorkCalendar()
    assert cal.add(at("2026-09-30"), 3, "calendar") == at("2026-10-03")
    assert cal.add(at("2026-09-30"), 3, "working") == at("2026-10-10")


# A year the package does not know ----------------------------------------------------


def test_2027_never_raises_and_counts_weekdays_less_the_statutory_holidays():
    cal = WorkCalendar()
    days = [dt.date(2027, 1, 1) + dt.timedelta(days=n) for n in range(365)]
    working = [d for d in days if cal.is_workday(d)]
    # 2027 has 261 Monday-to-Friday days; until the official arrangement is entered, the 13
    # of them the `holidays` package gives as statutory days off (or 补假) are not counted:
    # 元旦 Fri 1 Jan; 除夕 Fri 5 Feb, 春节 Mon 8 and 补假 Tue 9, Wed 10 Feb; 清明 Mon 5 Apr;
    # 劳动节 补假 Mon 3, Tue 4 May; 端午 Wed 9 Jun; 中秋 Wed 15 Sep; 国庆 Fri 1, 补假 Mon 4, Tue 5 Oct.
    assert len(working) == 261 - 13
    assert all(d.weekday() < 5 for d in working)
    assert cal.is_provisional(2027) and not cal.is_provisional(2026)


def test_adding_across_new_year_into_2027(holidays):
    # Thu 31 Dec 2026 is known to chinesecalendar; Fri 1 Jan 2027 (元旦) only provisionally.
    assert WorkCalendar().add_workdays(at("2026-12-30"), 1) == at("2026-12-31")
    assert WorkCalendar().add_workdays(at("2026-12-30"), 2) == at("2027-01-04")
    assert WorkCalendar().add_workdays(at("2026-12-30"), 3) == at("2027-01-05")
    # Entered by the office, 元旦 stays a day off and the year is no longer an estimate.
    holidays.save(dt.date(2027, 1, 1), False, "元旦")
    holidays.set_official(2027, True)
    cal = holidays.calendar()
    assert cal.add_workdays(at("2026-12-30"), 2) == at("2027-01-04")
    assert not cal.is_provisional(2027)


def test_2027_spring_festival_from_the_table(holidays):
    # An illustrative arrangement: Sat 6 Feb to Sun 14 Feb off, Sat 20 Feb worked.
    holidays.save_range(dt.date(2027, 2, 6), dt.date(2027, 2, 14), False, "春节")
    holidays.save(dt.date(2027, 2, 20), True, "春节调休")
    cal = holidays.calendar()
    assert cal.add_workdays(at("2027-02-05"), 1) == at("2027-02-15")
    # 15–19 Feb Mon–Fri, then the adjusted Saturday.
    assert cal.add_workdays(at("2027-02-05"), 6) == at("2027-02-20")
    assert cal.add_workdays(at("2027-02-05"), 7) == at("2027-02-22")


# The table wins over the package -------------------------------------------------------


def test_table_entry_overrides_the_package(holidays):
    # The office keeps 8 Oct as an extra day off and does not work Sat 10 Oct.
    holidays.save(dt.date(2026, 10, 8), False, "国庆节(本处)")
    holidays.save(dt.date(2026, 10, 10), False, "国庆节(本处)")
    cal = holidays.calendar()
    assert not cal.is_workday(dt.date(2026, 10, 8))
    assert cal.add_workdays(at("2026-09-30"), 1) == at("2026-10-09")
    assert cal.add_workdays(at("2026-09-30"), 2) == at("2026-10-12")


def test_table_can_make_a_package_holiday_a_working_day(holidays):
    holidays.save(dt.date(2026, 10, 7), True, "值守上班")
    assert holidays.calendar().add_workdays(at("2026-09-30"), 1) == at("2026-10-07")


def test_case_deadlines_follow_the_table(office, holidays):
    policy = office.policies.load()
    policy.day_unit = "working"
    office.policies.save(policy)
    received = at("2026-09-30")
    before = office.cases.deadlines_for("投诉", "重要", received).resolve_due
    assert before == at("2026-10-10")
    holidays.save(dt.date(2026, 10, 10), False, "国庆节(本处)")
    assert office.cases.deadlines_for("投诉", "重要", received).resolve_due == at("2026-10-12")


# The service ---------------------------------------------------------------------------


def test_package_years(office):
    years = package_years()
    assert 2026 in years and 2004 in years
    assert 2027 not in years
    service = office.holidays
    assert service.package_knows(2026)
    assert not service.package_knows(2027)


def test_list_update_and_remove(holidays):
    holidays.save(dt.date(2027, 10, 1), False, "国庆节")
    holidays.save(dt.date(2027, 1, 1), False, "元旦")
    holidays.save(dt.date(2026, 10, 8), False, "本处休息")
    assert [(h.day, h.name) for h in holidays.entries(2027)] == [
        (dt.date(2027, 1, 1), "元旦"),
        (dt.date(2027, 10, 1), "国庆节"),
    ]
    # Saving the same day again changes it instead of adding a second row.
    holidays.save(dt.date(2027, 1, 1), False, " 元旦节 ")
    assert Holiday.select().where(Holiday.day == dt.date(2027, 1, 1)).count() == 1
    assert holidays.get(dt.date(2027, 1, 1)).name == "元旦节"
    assert holidays.remove(dt.date(2027, 1, 1))
    assert not holidays.remove(dt.date(2027, 1, 1))
    assert [h.day for h in holidays.entries(2027)] == [dt.date(2027, 10, 1)]


def test_range_is_all_or_nothing(holidays):
    saved = holidays.save_range(dt.date(2027, 10, 1), dt.date(2027, 10, 7), False, "国庆节")
    assert len(saved) == 7
    with pytest.raises(ValidationError) as err:
        holidays.save_range(dt.date(2027, 5, 1), dt.date(2027, 4, 28), False, "劳动节")
    assert err.value.problems == {"结束日期": "不能早于开始日期"}
    with pytest.raises(ValidationError) as err:
        holidays.save_range(dt.date(2027, 1, 1), dt.date(2027, 3, 1), False, "寒假")
    assert "一次最多录入" in err.value.problems["结束日期"]
    assert len(holidays.entries(2027)) == 7


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("", "必须填写,例如 春节、国庆节调休"),
        ("   ", "必须填写,例如 春节、国庆节调休"),
        ("节" * 21, "最多 20 字"),
    ],
)
def test_name_is_required_and_short(holidays, name, reason):
    with pytest.raises(ValidationError) as err:
        holidays.save(dt.date(2027, 1, 1), False, name)
    assert err.value.problems == {"名称": reason}
    assert holidays.entries(2027) == []


def test_year_out_of_range(holidays):
    with pytest.raises(ValidationError) as err:
        holidays.save(dt.date(1999, 12, 31), False, "元旦")
    assert err.value.problems["日期"] == "须在 2000 至 2099 年之间"


def test_adjusted_working_day_on_a_plain_weekday_is_refused(holidays):
    # Wed 6 Jan 2027 is a working day anyway: a 调休 there is most likely a wrong date.
    with pytest.raises(ValidationError) as err:
        holidays.save(dt.date(2027, 1, 6), True, "春节调休")
    assert err.value.problems == {"日期": "2027-01-06(星期三)本来就是工作日,不必录入调休上班"}
    # A Saturday is fine, and so is a package holiday the office works.
    holidays.save(dt.date(2027, 1, 9), True, "春节调休")
    holidays.save(dt.date(2026, 10, 5), True, "值守上班")


def test_weekday_label():
    assert weekday_label(dt.date(2026, 10, 10)) == "星期六"
    assert weekday_label(dt.date(2026, 10, 11)) == "星期日"


# Working days out of the box, provisional years, the official notice (issue 14) ---------

# The State Council's notice for 2026 in its published form (full-width punctuation), pasted whole.
NOTICE_2026 = """国务院办公厅关于2026年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置。
"""


def test_minor_complaint_on_30_september_is_not_due_in_the_holiday(office, make_case, clock):
    clock.at = at("2026-09-30", "16:30")
    # The shipped policy: working days. Wed 30 Sep + 2 working days: 1-7 Oct are the
    # National Day days off (chinesecalendar), so Thu 8 and Fri 9 Oct.
    case = make_case(kind="投诉", severity="轻微", received_at="2026-09-30 16:00", category="服务态度")
    assert case.resolve_due == at("2026-10-09", "16:00")
    assert case.response_due == at("2026-10-08", "16:00")
    holiday = [dt.date(2026, 10, d) for d in range(1, 8)]
    assert case.resolve_due.date() not in holiday and case.response_due.date() not in holiday


def test_minor_complaint_on_30_september_in_calendar_days(office, make_case, clock):
    clock.at = at("2026-09-30", "16:30")
    # The office's other choice: calendar days (and 24 hours for the first reply).
    policy = office.policies.load()
    policy.day_unit = "calendar"
    policy.first_response = FirstResponse(24, "hours")
    office.policies.save(policy)
    case = make_case(kind="投诉", severity="轻微", received_at="2026-09-30 16:00", category="服务态度")
    assert case.resolve_due == at("2026-10-02", "16:00")
    assert case.response_due == at("2026-10-01", "16:00")


def test_existing_office_keeps_its_saved_unit(office):
    # An office that saved calendar days before keeps them; only the default changed.
    policy = office.policies.load()
    assert policy.day_unit == "working"
    policy.day_unit = "calendar"
    office.policies.save(policy)
    assert office.policies.load().day_unit == "calendar"
    assert office.cases.deadlines_for("投诉", "重要", at("2026-09-30")).resolve_due == at("2026-10-03")


def test_new_year_2027_is_a_provisional_day_off(office, make_case):
    # Thu 31 Dec 2026 + 1 working day: Fri 1 Jan 2027 is 元旦 by the `holidays` package.
    d = office.cases.deadlines_for("投诉", "轻微", at("2026-12-31", "10:00"))
    assert d.response_due == at("2027-01-04", "10:00")
    assert d.resolve_due == at("2027-01-05", "10:00")
    assert d.provisional_years == (2027,)
    # 30 Dec + 1 working day is 31 Dec: inside 2026, nothing provisional.
    d = office.cases.deadlines_for("投诉", "轻微", at("2026-12-30", "10:00"))
    assert d.response_due == at("2026-12-31", "10:00")
    assert WorkCalendar().add_workdays(at("2026-12-30"), 2) != at("2027-01-01")


def test_what_the_holidays_package_gives_for_2027(holidays):
    days = holidays.provisional_days(2027)
    assert days[dt.date(2027, 1, 1)] == "元旦"
    assert [d for d, name in days.items() if "春节" in name or "除夕" in name] == [
        dt.date(2027, 2, 5),
        dt.date(2027, 2, 6),
        dt.date(2027, 2, 7),
        dt.date(2027, 2, 8),
        dt.date(2027, 2, 9),
        dt.date(2027, 2, 10),
    ]
    assert days[dt.date(2027, 9, 15)] == "中秋节"
    assert [d.day for d in days if d.month == 10] == [1, 2, 3, 4, 5]
    # No make-up working weekend is known before the notice: Sat 20 Feb stays a day off.
    assert not WorkCalendar().is_workday(dt.date(2027, 2, 20))
    assert holidays.provisional_days(2026) == {}


def test_the_2026_notice_gives_chinesecalendars_table(holidays):
    import chinese_calendar

    from app.holidays import parse_notice

    items = parse_notice(NOTICE_2026, 2026)
    off = {i.first + dt.timedelta(days=n) for i in items if not i.workday for n in range(i.days)}
    worked = {i.first for i in items if i.workday}
    official_off = {d for d in chinese_calendar.holidays if d.year == 2026}
    official_worked = {d for d in chinese_calendar.workdays if d.year == 2026}
    assert off == official_off and worked == official_worked
    assert len(off) == 33 and len(worked) == 6
    assert NoticeItemNames(items) >= {"元旦", "春节", "国庆节", "国庆节调休"}


def NoticeItemNames(items):  # noqa: N802
    return {i.name for i in items}


def test_loading_the_notice_replaces_the_estimate_and_recomputes(office, make_case, clock):
    from app.holidays import HolidayService

    holidays = HolidayService(office.cases)
    clock.at = at("2026-12-31", "09:00")
    case = make_case(kind="投诉", severity="重要", received_at="2026-12-31 09:00", category="服务态度")
    # Provisional: 元旦 Fri 1 Jan off, so 4, 5, 6 Jan.
    assert case.resolve_due == at("2027-01-06", "09:00")
    # A 2027 notice (illustrative dates, in the published form): 元旦 1-3 Jan, 春节 5-13 Feb
    # with Saturdays 30 Jan and 20 Feb worked; the office pastes it.
    notice = (
        "国务院办公厅关于2027年部分节假日安排的通知\n"
        "一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n"
        "二、春节：2月5日（农历除夕、周五）至13日（农历正月初八、周六）放假调休，共9天。"
        "1月30日（周六）、2月20日（周六）上班。\n"
    )
    items = holidays.load_notice(notice, 2027)
    assert [(i.first, i.last, i.workday) for i in items] == [
        (dt.date(2027, 1, 1), dt.date(2027, 1, 3), False),
        (dt.date(2027, 2, 5), dt.date(2027, 2, 13), False),
        (dt.date(2027, 1, 30), dt.date(2027, 1, 30), True),
        (dt.date(2027, 2, 20), dt.date(2027, 2, 20), True),
    ]
    cal = holidays.calendar()
    assert not cal.is_provisional(2027)
    # The package's guesses no longer count: 中秋 Wed 15 Sep 2027 is not in the pasted part.
    assert cal.is_workday(dt.date(2027, 9, 15))
    assert cal.is_workday(dt.date(2027, 1, 30)) and not cal.is_workday(dt.date(2027, 2, 12))
    case = Case.get_by_id(case.id)
    assert case.resolve_due == at("2027-01-06", "09:00")  # the same days: nothing to say
    assert holidays.recomputed == []
    # The office adds a local day off on Tue 5 Jan: the open case moves, with a line saying why.
    holidays.save(dt.date(2027, 1, 5), False, "本处休息")
    case = Case.get_by_id(case.id)
    assert case.resolve_due == at("2027-01-07", "09:00")
    assert [c.id for c in holidays.recomputed] == [case.id]
    last = office.cases.timeline(case)[-1]
    assert "节假日表改动(2027-01-05 本处休息 放假)" in last.text
    assert "办结期限 2027-01-06 09:00 → 2027-01-07 09:00" in last.text
    # Taken back: the case moves back.
    holidays.remove(dt.date(2027, 1, 5))
    assert Case.get_by_id(case.id).resolve_due == at("2027-01-06", "09:00")


def test_notice_for_another_year_or_without_dates_is_refused(holidays):
    with pytest.raises(ValidationError) as err:
        holidays.load_notice(NOTICE_2026, 2027)
    assert "2026 年的通知" in err.value.problems["年份"]
    with pytest.raises(ValidationError) as err:
        holidays.load_notice("放假通知:请大家注意安全", 2027)
    assert "没有找到放假日期" in err.value.problems["通知"]
    with pytest.raises(ValidationError) as err:
        holidays.load_notice("一、春节:2月30日(周五)至3月2日放假。", 2027)
    assert err.value.problems == {"春节": "2月30日 不是有效日期"}
    assert holidays.entries(2027) == [] and holidays.is_provisional(2027)


def test_year_marked_official_by_hand_and_back(office, make_case):
    from app.holidays import HolidayService

    holidays = HolidayService(office.cases)
    d = office.cases.deadlines_for("投诉", "轻微", at("2026-12-31", "10:00"))
    assert d.provisional_years == (2027,)
    holidays.set_official(2027, True)
    # Entered as official without a 元旦 entry: 1 Jan is a plain Friday now.
    d = office.cases.deadlines_for("投诉", "轻微", at("2026-12-31", "10:00"))
    assert d.provisional_years == () and d.response_due == at("2027-01-01", "10:00")
    assert holidays.official_years() == (2027,)
    holidays.set_official(2027, False)
    assert holidays.is_provisional(2027)
    rows = AuditEntry.select().where(AuditEntry.table == "holiday", AuditEntry.record_id == "2027")
    assert [r.new for r in rows] == ["[2027]", "[]"]


def test_english_names_when_the_translation_files_are_missing():
    from app.workdays import _chinese_name

    assert _chinese_name("New Year's Day") == "元旦"
    assert _chinese_name("Chinese New Year's Eve") == "农历除夕"
    assert _chinese_name("Chinese New Year (Spring Festival) (observed)") == "春节(补假)"
    assert _chinese_name("Day off (substituted from 09/20/2026)") == "调休"
    assert _chinese_name("中秋节") == "中秋节"


def test_dashboard_names_the_provisional_years(office, make_case, clock):
    from app.dashboard import provisional_years

    assert provisional_years(dt.date(2026, 9, 28)) == ()
    # From December the next 31 days reach into 2027.
    assert provisional_years(dt.date(2026, 12, 5)) == (2027,)
    # An open case due in 2027 is reason enough, even earlier.
    policy = office.policies.load()
    policy.resolve_days["重要"] = 120
    office.policies.save(policy)
    make_case(kind="投诉", severity="重要", category="服务态度")
    assert provisional_years(dt.date(2026, 9, 28)) == (2027,)


def test_closed_cases_keep_their_deadlines_when_the_table_changes(office, make_case, admin, clock):
    from app.holidays import HolidayService

    holidays = HolidayService(office.cases)
    open_case = make_case(kind="投诉", severity="轻微", category="服务态度")
    done = make_case(kind="投诉", severity="轻微", category="服务态度", room="3-2-502")
    office.cases.resolve(done, "已处理", admin)
    office.cases.close(done, admin)
    # Mon 28 Sep + 2 working days = Wed 30 Sep; the office closes on Tue 29 Sep.
    holidays.save(dt.date(2026, 9, 29), False, "本处停电")
    assert Case.get_by_id(open_case.id).resolve_due == at("2026-10-08")
    assert Case.get_by_id(done.id).resolve_due == at("2026-09-30")
    assert [c.id for c in holidays.recomputed] == [open_case.id]
    line = office.cases.timeline(Case.get_by_id(open_case.id))[-1]
    assert line.actor_name == "系统" and "办结期限 2026-09-30 09:30 → 2026-10-08 09:30" in line.text


def test_the_offices_holiday_service_recomputes_on_the_offices_clock(office, make_case, clock):
    """`Office.holidays` is built on the office's case service: a change moves the open cases'
    deadlines with the time of the office's clock, not the wall clock (no service of its own)."""
    assert office.holidays.cases is office.cases
    case = make_case(kind="投诉", severity="轻微", category="服务态度")
    clock.at = at("2026-09-28", "15:45")
    office.holidays.save(dt.date(2026, 9, 29), False, "本处停电")
    assert [c.id for c in office.holidays.recomputed] == [case.id]
    line = office.cases.timeline(Case.get_by_id(case.id))[-1]
    assert line.at == at("2026-09-28", "15:45") and "本处停电" in line.text


@pytest.mark.parametrize(
    "text",
    [
        "一、元旦：2026年12月31日至2027年1月2日放假调休，共3天。2027年1月9日（周六）上班。",
        "一、元旦：12月31日（周四）至1月2日（周六）放假调休，共3天；1月9日（周六）上班。",
    ],
)
def test_notice_new_year_across_the_year_end(text):
    from app.holidays import parse_notice

    items = parse_notice(text, 2027)
    assert [(i.first, i.last, i.workday, i.name) for i in items] == [
        (dt.date(2026, 12, 31), dt.date(2027, 1, 2), False, "元旦"),
        (dt.date(2027, 1, 9), dt.date(2027, 1, 9), True, "元旦调休"),
    ]


def test_a_build_without_the_packages_chinese_names_still_knows_the_festivals(monkeypatch):
    """The frozen program once lacked the holidays package's .mo files (found by the Windows
    self-test): the days off come with their Chinese names from the package's English ones."""
    import gettext

    import holidays.holiday_base

    from app.workdays import statutory_days

    def no_chinese_catalogue(domain, localedir=None, languages=None, *args, **kwargs):  # noqa: ANN001
        if languages and any(lang.startswith("zh") for lang in languages):
            raise FileNotFoundError(2, f"No translation file found for domain: {domain!r}")
        return gettext.translation(domain, localedir, languages, *args, **kwargs)

    monkeypatch.setattr(holidays.holiday_base, "translation", no_chinese_catalogue)
    statutory_days.cache_clear()  # computed afresh, without the catalogue
    try:
        off, _worked = statutory_days(2027)
    finally:
        statutory_days.cache_clear()
    assert off[dt.date(2027, 1, 1)] == "元旦"
    assert off[dt.date(2027, 2, 6)].startswith("春节")
    assert off[dt.date(2027, 10, 1)] == "国庆节"
