"""Working days: the State Council calendar (chinesecalendar), the office's table on top.

The expected dates come from the package's 2026 data: 中秋节 Fri 25 Sep off (with the
weekend 26–27), 国庆节 1–7 Oct off, adjusted working days Sun 20 Sep and Sat 10 Oct.
"""

import datetime as dt

import pytest

from app.errors import ValidationError
from app.holidays import HolidayService, package_years, weekday_label
from app.models import Holiday
from app.workdays import WorkCalendar


def at(day: str, time: str = "09:30") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day} {time}")


@pytest.fixture
def holidays(office) -> HolidayService:
    return HolidayService()


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


def test_2027_never_raises_and_counts_weekdays():
    cal = WorkCalendar()
    days = [dt.date(2027, 1, 1) + dt.timedelta(days=n) for n in range(365)]
    working = [d for d in days if cal.is_workday(d)]
    assert len(working) == 261  # 2027 has 261 Monday-to-Friday days
    assert all(d.weekday() < 5 for d in working)


def test_adding_across_new_year_into_2027(holidays):
    # Thu 31 Dec 2026 is known to the package; Fri 1 Jan 2027 is not: a plain weekday.
    assert WorkCalendar().add_workdays(at("2026-12-30"), 2) == at("2027-01-01")
    assert WorkCalendar().add_workdays(at("2026-12-30"), 3) == at("2027-01-04")
    # Once the office enters 元旦 2027 the Friday is a day off.
    holidays.save(dt.date(2027, 1, 1), False, "元旦")
    cal = holidays.calendar()
    assert cal.add_workdays(at("2026-12-30"), 2) == at("2027-01-04")


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
    policy.data["day_unit"] = "working"
    office.policies.save(policy)
    received = at("2026-09-30")
    before = office.cases.deadlines_for("投诉", "重要", received).resolve_due
    assert before == at("2026-10-10")
    holidays.save(dt.date(2026, 10, 10), False, "国庆节(本处)")
    assert office.cases.deadlines_for("投诉", "重要", received).resolve_due == at("2026-10-12")


# The service ---------------------------------------------------------------------------


def test_package_years():
    years = package_years()
    assert 2026 in years and 2004 in years
    assert 2027 not in years
    service = HolidayService()
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
