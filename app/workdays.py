"""Chinese working days: the State Council calendar, with the office's own table on top.

Three sources, the first that knows a day decides:
1. the office's own holiday table (节假日表): an entry always wins;
2. the `chinesecalendar` package: the years the State Council has published;
3. a year neither knows yet (2027 in late 2026): the statutory holidays of that year as the
   maintained `holidays` package computes them by the lunar calendar (春节、中秋 …, with the
   补假 days for a festival on a weekend), Monday to Friday otherwise. Such a year is
   *provisional* (暂定) until the office loads or types the official arrangement and marks
   the year as entered: the make-up working weekends (调休上班) are not known in advance.
A date in any year never raises.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
from collections.abc import Iterable, Mapping

import chinese_calendar

from app.i18n import N_
from app.models import Holiday, Setting

# The years whose official arrangement the office has entered (a JSON list in the settings).
OFFICIAL_YEARS_KEY = "holiday_official_years"


@functools.cache
def package_knows_year(year: int) -> bool:
    """True when `chinesecalendar` carries the State Council's arrangement for `year`."""
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@functools.cache
def statutory_days(year: int) -> tuple[dict[dt.date, str], frozenset[dt.date]]:
    """The `holidays` package's days off for `year` (date -> Chinese name) and the weekend
    days it knows to be worked. The package is reliable for the festivals; the make-up
    weekends appear only once it has the published arrangement (none for 2027 today)."""
    # Imported here, when a year needs it (the package takes a few hundred ms to load), and
    # by its module rather than as `holidays.China`, which the package resolves lazily, so
    # that a frozen build finds it.
    from holidays.countries.china import China as ChinaHolidays

    try:
        rules = ChinaHolidays(years=year, language="zh_CN")
    except FileNotFoundError:  # a build without the package's translations: English names
        log.warning("holidays: no Chinese names in this build; using its English names")
        rules = ChinaHolidays(years=year)
    off = {day: _chinese_name(str(name)) for day, name in rules.items() if day.year == year}
    worked = frozenset(day for day in rules.weekend_workdays if day.year == year)
    return off, worked


# The package's English names, for a build without its translation files.
_ENGLISH_NAMES = (
    ("New Year's Eve", N_("农历除夕")),
    ("New Year's Day", N_("元旦")),
    ("Spring Festival", N_("春节")),
    ("Tomb-Sweeping", N_("清明节")),
    ("Labor Day", N_("劳动节")),
    ("Dragon Boat", N_("端午节")),
    ("Mid-Autumn", N_("中秋节")),
    ("National Day", N_("国庆节")),
)

log = logging.getLogger(__name__)


def _chinese_name(name: str) -> str:
    if any("\u4e00" <= ch <= "\u9fff" for ch in name):
        return name
    for english, chinese in _ENGLISH_NAMES:
        if english in name:
            return chinese + ("(补假)" if "observed" in name else "")
    return N_("调休") if "substituted" in name else N_("法定节假日")


class WorkCalendar:
    def __init__(
        self,
        overrides: Mapping[dt.date, bool] | None = None,
        official_years: Iterable[int] = (),
    ) -> None:
        # date -> True (working day, e.g. an adjusted weekend) or False (day off)
        self.overrides = dict(overrides or {})
        # Years the office has entered by hand from the State Council's notice.
        self.official_years = frozenset(official_years)

    @classmethod
    def from_database(cls) -> WorkCalendar:
        return cls({h.day: h.workday for h in Holiday.select()}, official_years())

    def is_workday(self, day: dt.date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        if package_knows_year(day.year):
            return bool(chinese_calendar.is_workday(day))
        if day.year not in self.official_years:
            off, worked = statutory_days(day.year)
            if day in off:
                return False
            if day in worked:
                return True
        return day.weekday() < 5

    def known_by_package(self, year: int) -> bool:
        return package_knows_year(year)

    def is_provisional(self, year: int) -> bool:
        """暂定: the year's working days are an estimate until the official table is entered."""
        return not package_knows_year(year) and year not in self.official_years

    def provisional_years(self, *moments: dt.date | dt.datetime | None) -> tuple[int, ...]:
        """The provisional years among those of `moments` (None ignored), in order."""
        years = {m.year for m in moments if m is not None}
        return tuple(sorted(y for y in years if self.is_provisional(y)))

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


def official_years() -> tuple[int, ...]:
    """The years the office has marked as entered from the official notice."""
    row = Setting.get_or_none(Setting.key == OFFICIAL_YEARS_KEY)
    if row is None:
        return ()
    try:
        return tuple(sorted(int(y) for y in json.loads(row.value)))
    except (ValueError, TypeError):
        return ()
