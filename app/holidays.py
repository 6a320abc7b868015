"""The office's own holiday table (节假日): days off and adjusted working days (调休).

The `chinesecalendar` package carries the State Council's published years; a year it
does not know yet (say 2027, announced each November) is counted provisionally (暂定) from
the statutory holidays the `holidays` package computes, until the office loads the
State Council's notice (pasted as published) or types the days and marks the year as
entered. An entry here always wins over the packages, so the office can also correct a
local arrangement. Every change recomputes the open cases' deadlines.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import chinese_calendar

from app.errors import ValidationError
from app.i18n import N_, tr
from app.models import Holiday, Setting, db, write_audit
from app.validation import clean_text
from app.workdays import OFFICIAL_YEARS_KEY, WorkCalendar, official_years, statutory_days

if TYPE_CHECKING:
    from app.cases import CaseService
    from app.models import Case

EARLIEST_YEAR = 2000
LATEST_YEAR = 2099
MAX_RANGE_DAYS = 31
NAME_MAX = 20
# The names the State Council uses; offered as suggestions, any other name is allowed.
COMMON_NAMES = [N_("元旦"), N_("春节"), N_("清明节"), N_("劳动节"), N_("端午节"), N_("中秋节"), N_("国庆节")]

WEEKDAYS = "一二三四五六日"


def weekday_label(day: dt.date) -> str:
    return tr(WEEKDAY_NAMES[day.weekday()])


WEEKDAY_NAMES = (
    N_("星期一"),
    N_("星期二"),
    N_("星期三"),
    N_("星期四"),
    N_("星期五"),
    N_("星期六"),
    N_("星期日"),
)


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


@dataclass(frozen=True)
class NoticeItem:
    """One line of the State Council's notice: days off (a range) or a worked weekend day."""

    first: dt.date
    last: dt.date
    workday: bool
    name: str

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


_ITEM = re.compile(r"[一二三四五六七八九十]+、\s*([^：:\s]{1,10})\s*[：:]")
_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
_RANGE = re.compile(
    r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:[（(][^）)]*[）)])?"
    r"(?:\s*至\s*(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日)?"
)


def parse_notice(text: str, year: int) -> list[NoticeItem]:
    """The days of a State Council notice (国务院办公厅关于××年部分节假日安排的通知) as
    published: "七、国庆节:10月1日(周四)至7日(周三)放假调休,共7天。9月20日(周日)、
    10月10日(周六)上班。" Dates without a year are in `year`, except a December date
    under 元旦 (the weekend before New Year). Raises ValidationError when nothing is found."""
    text = text.replace("\u3000", " ")
    marks = list(_ITEM.finditer(text))
    items: list[NoticeItem] = []
    problems: dict[str, str] = {}

    def day(y: str | None, m: str | int, d: str, name: str) -> dt.date | None:
        month = int(m)
        at_year = int(y) if y else (year - 1 if name == "元旦" and month == 12 else year)
        try:
            return dt.date(at_year, month, int(d))
        except ValueError:
            problems[name] = tr("{month}月{day}日 不是有效日期", month=month, day=d)
            return None

    for index, mark in enumerate(marks):
        name = mark.group(1)
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        body = text[mark.end() : end]
        for sentence in re.split(r"[。；;\n]", body):
            if "放假" in sentence:
                found = _RANGE.search(sentence)
                if not found:
                    continue
                y1, m1, d1, y2, m2, d2 = found.groups()
                first = day(y1, m1, d1, name)
                last = day(y2 or y1, m2 or m1, d2, name) if d2 else first
                if first and last:
                    if last < first:
                        problems[name] = tr(
                            "{first} 至 {last} 前后颠倒", first=f"{first:%m-%d}", last=f"{last:%m-%d}"
                        )
                    else:
                        items.append(NoticeItem(first, last, False, name))
            elif "上班" in sentence:
                for y, m, d in _DATE.findall(sentence):
                    worked = day(y, m, d, name)
                    if worked:
                        items.append(NoticeItem(worked, worked, True, f"{name}调休"))
    if problems:
        raise ValidationError(problems)
    if not any(not item.workday for item in items):
        raise ValidationError(
            {
                N_("通知"): tr(
                    "没有找到放假日期。请粘贴国务院通知的正文,例如“一、元旦:1月1日(周五)放假,与周末连休。”"
                )
            }
        )
    return items


class HolidayService:
    """Reads and edits the holiday table; `calendar()` gives the working-day calendar on top.

    Built with the office's case service (`Office.holidays`), whose open cases' deadlines are
    recomputed after every change on the office's clock; each change is one transaction here."""

    def __init__(self, cases: CaseService) -> None:
        self.cases = cases
        self.recomputed: list[Case] = []  # the cases the last change moved

    def _changed(self, why: str) -> None:
        self.recomputed = self.cases.recompute_open_deadlines(why)

    # The year as a whole ------------------------------------------------------------------
    def official_years(self) -> tuple[int, ...]:
        return official_years()

    def is_provisional(self, year: int) -> bool:
        return self.calendar().is_provisional(year)

    def provisional_days(self, year: int) -> dict[dt.date, str]:
        """What counts as a day off in a provisional year without an entry here (暂定)."""
        if not self.is_provisional(year):
            return {}
        off, _ = statutory_days(year)
        taken = {h.day for h in self.entries(year)}
        return {day: name for day, name in sorted(off.items()) if day not in taken}

    def set_official(self, year: int, official: bool) -> None:
        """Marks `year` as entered from the State Council's notice (or takes the mark back)."""
        years = set(official_years())
        if (year in years) == official:
            return
        old = sorted(years)
        years = years | {year} if official else years - {year}
        with db.atomic():
            Setting.replace(key=OFFICIAL_YEARS_KEY, value=json.dumps(sorted(years))).execute()
            write_audit(
                [
                    {
                        "action": "修改",
                        "table": "holiday",
                        "record_id": str(year),
                        "field": "已按通知录入",
                        "old": json.dumps(old),
                        "new": json.dumps(sorted(years)),
                    }
                ]
            )
        state = "已按国务院通知录入" if official else "改回暂定"
        self._changed(f"{year} 年节假日{state}")

    def load_notice(self, text: str, year: int) -> list[NoticeItem]:
        """Enters every day of the pasted notice for `year` and marks the year as entered.

        Days of that year the office had entered and the notice does not mention stay."""
        if not EARLIEST_YEAR <= year <= LATEST_YEAR:
            raise ValidationError(
                {N_("年份"): tr("须在 {first} 至 {last} 年之间", first=EARLIEST_YEAR, last=LATEST_YEAR)}
            )
        stated = re.search(r"关于\s*(\d{4})\s*年", text)
        if stated and int(stated.group(1)) != year:
            raise ValidationError(
                {
                    N_("年份"): tr(
                        "粘贴的是 {stated} 年的通知,当前选择的是 {year} 年,请先选对年份",
                        stated=stated.group(1),
                        year=year,
                    )
                }
            )
        items = parse_notice(text, year)
        with db.atomic():
            for item in items:
                self._store(item.first, item.last, item.workday, item.name)
            years = set(official_years()) | {year}
            Setting.replace(key=OFFICIAL_YEARS_KEY, value=json.dumps(sorted(years))).execute()
            write_audit(
                [
                    {
                        "action": "导入",
                        "table": "holiday",
                        "record_id": str(year),
                        "field": "国务院通知",
                        "old": None,
                        "new": f"{sum(i.days for i in items if not i.workday)} 天放假,"
                        f"{sum(1 for i in items if i.workday)} 天调休上班",
                    }
                ]
            )
        self._changed(f"载入 {year} 年国务院节假日安排")
        return items

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
            problems[N_("名称")] = tr("必须填写,例如 春节、国庆节调休")
        elif len(name) > NAME_MAX:
            problems[N_("名称")] = tr("最多 {limit} 字", limit=NAME_MAX)
        for label, day in ((N_("日期"), first), (N_("结束日期"), last)):
            if not isinstance(day, dt.date) or not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
                problems[label] = tr("须在 {first} 至 {last} 年之间", first=EARLIEST_YEAR, last=LATEST_YEAR)
        if not problems:
            if last < first:
                problems[N_("结束日期")] = tr("不能早于开始日期")
            elif (last - first).days + 1 > MAX_RANGE_DAYS:
                problems[N_("结束日期")] = tr("一次最多录入 {limit} 天", limit=MAX_RANGE_DAYS)
        days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)] if not problems else []
        if workday and days:
            # Without an entry the day would be a working day anyway: most likely a typo.
            base = WorkCalendar()
            plain = [d for d in days if base.is_workday(d) and self.get(d) is None]
            if plain:
                problems[N_("日期")] = tr(
                    "{date}({weekday})本来就是工作日,不必录入调休上班",
                    date=f"{plain[0]:%Y-%m-%d}",
                    weekday=weekday_label(plain[0]),
                )
        if problems:
            raise ValidationError(problems)
        with db.atomic():
            saved = self._store(first, last, workday, name)
        kind = "调休上班" if workday else "放假"
        span = f"{first:%Y-%m-%d}" + (f" 至 {last:%Y-%m-%d}" if last != first else "")
        self._changed(f"节假日表改动({span} {name} {kind})")
        return saved

    def _store(self, first: dt.date, last: dt.date, workday: bool, name: str) -> list[Holiday]:
        saved = []
        for n in range((last - first).days + 1):
            day = first + dt.timedelta(days=n)
            entry = self.get(day) or Holiday(day=day)
            entry.workday = workday
            entry.name = name
            entry.save()
            saved.append(entry)
        return saved

    def remove(self, day: dt.date) -> bool:
        """Removes the entry for `day`; False when there was none."""
        entry = self.get(day)
        if entry is None:
            return False
        with db.atomic():
            entry.delete_instance()
            write_audit(
                [
                    {
                        "action": "删除",
                        "table": "holiday",
                        "record_id": str(entry.id),
                        "field": "day",
                        "old": f"{day:%Y-%m-%d} {entry.name}",
                        "new": None,
                    }
                ]
            )
        self._changed(f"节假日表删除 {day:%Y-%m-%d} {entry.name}")
        return True
