"""Calendar arithmetic the visit calendar pages by: months, weeks, the grid's days, and
which days are holidays on a weekday (休) or working days on a weekend (班)."""

from __future__ import annotations

import calendar
import datetime as dt

from app.workdays import WorkCalendar

HOLIDAY_MARK = "休"  # a holiday on a weekday
WORKDAY_MARK = "班"  # a weekend made a working day (调休)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier), clipped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def week_days(day: dt.date) -> list[dt.date]:
    """The seven days, Monday first, of the week holding `day`."""
    start = week_start(day)
    return [start + dt.timedelta(days=i) for i in range(7)]


def month_grid_days(first: dt.date) -> list[dt.date]:
    """The days the month grid shows: whole weeks from Monday, 4 to 6 of them."""
    start = week_start(first)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    weeks = ((last - start).days // 7) + 1
    return [start + dt.timedelta(days=i) for i in range(weeks * 7)]


def day_marks(days: list[dt.date], work: WorkCalendar | None = None) -> dict[dt.date, str]:
    """休 for a weekday off, 班 for a weekend working day; other days are not listed."""
    work = work or WorkCalendar.from_database()
    marks = {}
    for day in days:
        workday = work.is_workday(day)
        if day.weekday() < 5 and not workday:
            marks[day] = HOLIDAY_MARK
        elif day.weekday() >= 5 and workday:
            marks[day] = WORKDAY_MARK
    return marks
