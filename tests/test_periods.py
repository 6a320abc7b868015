"""Period arithmetic worked by hand (app/periods.py; no Qt, no database)."""

import datetime as dt

import pytest

from app.periods import (
    Period,
    month_back,
    period_key,
    previous_quarter_key,
    quarter_key,
    quarter_number,
    quarter_span,
    quarters_back,
)

D = dt.date


def test_quarters():
    q4 = Period.quarter(2026, 4)
    assert (q4.start, q4.end, q4.label) == (D(2026, 10, 1), D(2026, 12, 31), "2026年第4季度")
    assert Period.quarter(2024, 1).end == D(2024, 3, 31)
    assert Period.quarter_of(D(2026, 8, 15)) == Period.quarter(2026, 3)
    assert Period.quarter_of(dt.datetime(2026, 12, 31, 23, 59)) == q4
    with pytest.raises(ValueError, match="季度只能是 1 到 4"):
        Period.quarter(2026, 5)


def test_quarter_keys():
    assert [quarter_number(D(2026, m, 1)) for m in (1, 3, 4, 6, 7, 9, 10, 12)] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert quarter_key(D(2026, 9, 30)) == "2026-Q3"
    assert quarter_span("2026-Q4") == (D(2026, 10, 1), D(2027, 1, 1))  # the next quarter's first day
    assert quarter_span("2026-Q1") == (D(2026, 1, 1), D(2026, 4, 1))
    assert previous_quarter_key(D(2026, 8, 15)) == "2026-Q2"
    assert previous_quarter_key(D(2026, 1, 1)) == "2025-Q4"
    assert quarters_back(D(2026, 5, 2), 3) == ["2026-Q2", "2026-Q1", "2025-Q4"]
    assert quarters_back(D(2026, 5, 2), 0) == []


def test_every_day_lies_in_its_quarter():
    """What the form archive (quarter_key, quarter_span: up to the next quarter's first day)
    and the 《回访记录签收表》 (Period.quarter_of: up to the quarter's last day) file a day
    under, day by day over three years with a leap year."""
    day = D(2023, 12, 31)
    while day <= D(2027, 1, 1):
        key = quarter_key(day)
        start, after = quarter_span(key)
        quarter = Period.quarter_of(day)
        assert start <= day < after and start.day == after.day == 1
        assert (quarter.start, quarter.end + dt.timedelta(days=1)) == (start, after)
        assert quarter_key(after) != key and quarter_key(after - dt.timedelta(days=1)) == key
        assert previous_quarter_key(after) == key
        day += dt.timedelta(days=1)
    assert quarter_span(quarter_key(D(2024, 2, 29))) == (D(2024, 1, 1), D(2024, 4, 1))


def test_months_and_years():
    assert Period.month(2024, 2).end == D(2024, 2, 29)  # a leap year
    assert Period.month(2026, 12).end == D(2026, 12, 31)
    assert Period.year(2026) == Period(D(2026, 1, 1), D(2026, 12, 31), "2026年")
    assert month_back(2026, 3, 0) == (2026, 3)
    assert month_back(2026, 3, 5) == (2025, 10)
    assert month_back(2026, 1, 13) == (2024, 12)


def test_previous_period():
    assert Period.quarter(2026, 1).previous() == Period.quarter(2025, 4)
    assert Period.month(2026, 3).previous() == Period.month(2026, 2)
    assert Period.month(2026, 1).previous() == Period.month(2025, 12)
    assert Period.year(2026).previous() == Period.year(2025)
    # Two whole months: the two before.
    two = Period.between(D(2026, 5, 1), D(2026, 6, 30))
    assert two.previous() == Period.between(D(2026, 3, 1), D(2026, 4, 30))
    # Any other range: the same number of days just before it (10 days before 03-11…03-20).
    ten = Period.between(D(2026, 3, 11), D(2026, 3, 20))
    assert ten.previous() == Period.between(D(2026, 3, 1), D(2026, 3, 10))
    with pytest.raises(ValueError, match="结束日期不能早于开始日期"):
        Period.between(D(2026, 3, 2), D(2026, 3, 1))


def test_a_running_period_is_counted_to_today_and_compared_with_as_many_days():
    q4 = Period.quarter(2026, 4).running(D(2026, 11, 30))
    assert q4.through == D(2026, 11, 30) and q4.partial
    assert q4.days == 61  # October 31 + November 30
    assert q4.end_at == dt.datetime(2026, 12, 1)
    assert q4.range_text == "2026-10-01 至 2026-11-30(截至 11-30)"
    assert q4.title == "2026年第4季度(截至 11-30)"
    before = q4.previous()
    assert (before.start, before.last_day, before.days) == (D(2026, 7, 1), D(2026, 8, 30), 61)
    assert before.label == "2026年第3季度"
    # A period not begun or already over on `today` is whole.
    assert Period.quarter(2026, 3).running(D(2026, 11, 30)).through is None
    assert Period.quarter(2027, 1).running(D(2026, 11, 30)).through is None
    # November counted on its own last day is still running (its last day is included).
    assert Period.month(2026, 11).running(D(2026, 11, 30)).days == 30


def test_a_short_month_compares_with_at_most_the_whole_month_before():
    # March to the 31st (31 days) against February: all 28 days of it, not into March.
    march = Period.month(2026, 3).running(D(2026, 3, 31))
    assert march.previous().last_day == D(2026, 2, 28)


def test_what_kind_of_period():
    assert Period.quarter(2026, 3).quarter_no == 3
    assert Period.quarter(2026, 4).running(D(2026, 11, 30)).quarter_no == 4
    assert Period.between(D(2026, 7, 1), D(2026, 9, 30)).quarter_no is None  # a range, not "the quarter"
    assert Period.month(2026, 7).quarter_no is None
    assert Period.month(2026, 7).is_month and not Period.quarter(2026, 3).is_month
    assert Period.year(2026).is_year and not Period.month(2026, 1).is_year


def test_archive_keys():
    assert period_key(Period.quarter(2026, 3)) == "2026-Q3"
    assert period_key(Period.quarter(2026, 4).running(D(2026, 11, 30))) == "2026-Q4"
    assert period_key(Period.month(2026, 10)) == "20261001-20261031"
    assert period_key(Period.year(2026)) == "20260101-20261231"
