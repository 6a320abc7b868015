"""The office's own holiday table (节假日): days off and adjusted working days (调休).

The `chinesecalendar` package carries the State Council's published years; a year it
does not know yet (say 2027, announced each November) is entered here by hand. An entry
here always wins over the package, so the office can also correct a local arrangement.
"""

from __future__ import annotations

import datetime as dt
import functools

import chinese_calendar

from app.errors import ValidationError
from app.models import Holiday, db
from app.validation import clean_text
from app.workdays import WorkCalendar

EARLIEST_YEAR = 2000
LATEST_YEAR = 2099
MAX_RANGE_DAYS = 31
NAME_MAX = 20
# The names the State Council uses; offered as suggestions, any other name is allowed.
COMMON_NAMES = ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"]

WEEKDAYS = "一二三四五六日"


def weekday_label(day: dt.date) -> str:
    return "星期" + WEEKDAYS[day.weekday()]


@functools.cache
def package_years() -> tuple[int, ...]:
    """The years the bundled `chinesecalendar` package has the official arrangement for."""
    years = []
    for year in range(EARLIEST_YEAR, LATEST_YEAR + 1):
        try:
            chinese_calendar.is_workday(dt.date(year, 6, 1))
        except NotImplementedError:
            continue
        years.append(year)
    return tuple(years)


def package_knows(year: int) -> bool:
    return year in package_years()


class HolidayService:
    """Reads and edits the holiday table; `calendar()` gives the working-day calendar on top."""

    def entries(self, year: int) -> list[Holiday]:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        return list(Holiday.select().where(Holiday.day.between(first, last)).order_by(Holiday.day))

    def get(self, day: dt.date) -> Holiday | None:
        return Holiday.get_or_none(Holiday.day == day)

    def package_years(self) -> tuple[int, ...]:
        return package_years()

    def package_knows(self, year: int) -> bool:
        return package_knows(year)

    def calendar(self) -> WorkCalendar:
        return WorkCalendar.from_database()

    def save(self, day: dt.date, workday: bool, name: str) -> Holiday:
        """Adds the entry for `day`, or changes the one already there."""
        return self.save_range(day, day, workday, name)[0]

    def save_range(self, first: dt.date, last: dt.date, workday: bool, name: str) -> list[Holiday]:
        """The same entry for every day from `first` to `last` inclusive (a holiday week)."""
        problems: dict[str, str] = {}
        name = clean_text(name)
        if not name:
            problems["名称"] = "必须填写,例如 春节、国庆节调休"
        elif len(name) > NAME_MAX:
            problems["名称"] = f"最多 {NAME_MAX} 字"
        for label, day in (("日期", first), ("结束日期", last)):
            if not isinstance(day, dt.date) or not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
                problems[label] = f"须在 {EARLIEST_YEAR} 至 {LATEST_YEAR} 年之间"
        if not problems:
            if last < first:
                problems["结束日期"] = "不能早于开始日期"
            elif (last - first).days + 1 > MAX_RANGE_DAYS:
                problems["结束日期"] = f"一次最多录入 {MAX_RANGE_DAYS} 天"
        days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)] if not problems else []
        if workday and days:
            # Without an entry the day would be a working day anyway: most likely a typo.
            base = WorkCalendar()
            plain = [d for d in days if base.is_workday(d) and self.get(d) is None]
            if plain:
                problems["日期"] = (
                    f"{plain[0]:%Y-%m-%d}({weekday_label(plain[0])})本来就是工作日,不必录入调休上班"
                )
        if problems:
            raise ValidationError(problems)
        saved = []
        with db.atomic():
            for day in days:
                entry = self.get(day) or Holiday(day=day)
                entry.workday = workday
                entry.name = name
                entry.save()
                saved.append(entry)
        return saved

    def remove(self, day: dt.date) -> bool:
        """Removes the entry for `day`; False when there was none."""
        return bool(Holiday.delete().where(Holiday.day == day).execute())
