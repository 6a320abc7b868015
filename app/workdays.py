"""Chinese working days: the State Council calendar, with the office's own table on top.

The `chinesecalendar` package knows the years the State Council has published. For a
year it does not know yet (a case due in 2027 entered in late 2026), the office's own
holiday table decides, and any day it does not list is a working day from Monday to
Friday. A date in an unknown year never raises.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import chinese_calendar

from app.models import Holiday


def _package_knows(day: dt.date) -> bool:
    try:
        chinese_calendar.is_workday(day)
    except NotImplementedError:
        return False
    return True


class WorkCalendar:
    def __init__(self, overrides: Mapping[dt.date, bool] | None = None) -> None:
        # date -> True (working day, e.g. an adjusted weekend) or False (day off)
        self.overrides = dict(overrides or {})

    @classmethod
    def from_database(cls) -> WorkCalendar:
        return cls({h.day: h.workday for h in Holiday.select()})

    def is_workday(self, day: dt.date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            return day.weekday() < 5

    def known_by_package(self, year: int) -> bool:
        return _package_knows(dt.date(year, 6, 1))

    def add_workdays(self, start: dt.datetime, days: int) -> dt.datetime:
        """The same time of day, `days` working days after `start` (a day off not counted)."""
        current = start
        counted = 0
        while counted < days:
            current += dt.timedelta(days=1)
            if self.is_workday(current.date()):
                counted += 1
        return current

    def add(self, start: dt.datetime, days: int, unit: str) -> dt.datetime:
        """`unit` is "calendar" or "working"."""
        if unit == "working":
            return self.add_workdays(start, days)
        return start + dt.timedelta(days=days)

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end`."""
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                count += 1
        return count
