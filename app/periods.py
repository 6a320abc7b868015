"""Period arithmetic: months, quarters, years and date ranges, the period before, a period
counted up to today (截至), and the quarter keys ("2026-Q3") the sample, the form archive and
the report archive file things under. Every window, report, export and command takes its
periods from here; no Qt, no database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.i18n import tr


def quarter_number(day: dt.date | dt.datetime) -> int:
    """1 to 4: the quarter `day` falls in."""
    return (day.month - 1) // 3 + 1


def quarter_key(day: dt.date | dt.datetime) -> str:
    """ "2026-Q3": the key of the quarter `day` falls in (sample decisions, form archive)."""
    return f"{day.year}-Q{quarter_number(day)}"


def quarter_span(key: str) -> tuple[dt.date, dt.date]:
    """The first day of the quarter "2026-Q3" and the first day of the next quarter."""
    period = Period.quarter(int(key[:4]), int(key[-1]))
    return period.start, period.end + dt.timedelta(days=1)


def previous_quarter_key(day: dt.date) -> str:
    """The key of the quarter before the one `day` falls in ("2026-Q2" on 2026-08-15)."""
    return quarter_key(Period.quarter_of(day).start - dt.timedelta(days=1))


def quarters_back(day: dt.date, count: int) -> list[str]:
    """The quarter of `day` and the `count - 1` before it, newest first: 2026-Q3, 2026-Q2 …"""
    out = []
    year, q = day.year, quarter_number(day)
    for _ in range(count):
        out.append(f"{year}-Q{q}")
        year, q = (year - 1, 4) if q == 1 else (year, q - 1)
    return out


def month_back(year: int, month: int, back: int) -> tuple[int, int]:
    """(year, month) `back` months before `month` of `year` (0 is the month itself)."""
    index = year * 12 + (month - 1) - back
    return index // 12, index % 12 + 1


@dataclass(frozen=True)
class Period:
    start: dt.date  # inclusive
    end: dt.date  # inclusive: the period's own last day (the quarter's 12-31)
    label: str
    # 截至: the last day counted when the period is not over yet (a report made on 11-30 for
    # Q4), or the same days of the period before it compared with such a one; None when whole.
    through: dt.date | None = None

    @property
    def start_at(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time())

    @property
    def last_day(self) -> dt.date:
        """The last day counted: `through` for a running period, else `end`."""
        return self.through if self.through is not None else self.end

    @property
    def end_at(self) -> dt.datetime:
        """The first moment after the days counted."""
        return dt.datetime.combine(self.last_day + dt.timedelta(days=1), dt.time())

    @property
    def partial(self) -> bool:
        return self.through is not None

    @property
    def days(self) -> int:
        """Days counted (61 for Q4 up to 11-30)."""
        return (self.last_day - self.start).days + 1

    @property
    def range_text(self) -> str:
        """ "2026-10-01 至 2026-11-30(截至 11-30)" for a running period, else the whole range."""
        if self.through is not None:
            return tr(
                "{start} 至 {end}(截至 {through})",
                start=f"{self.start:%Y-%m-%d}",
                end=f"{self.last_day:%Y-%m-%d}",
                through=f"{self.through:%m-%d}",
            )
        return tr("{start} 至 {end}", start=f"{self.start:%Y-%m-%d}", end=f"{self.last_day:%Y-%m-%d}")

    @property
    def title(self) -> str:
        """The label, with "(截至 11-30)" while the days counted stop before the period's end."""
        if self.through is None:
            return self.label
        return tr("{label}(截至 {through})", label=self.label, through=f"{self.through:%m-%d}")

    @property
    def whole(self) -> Period:
        """The same period without a 截至 day."""
        return Period(self.start, self.end, self.label)

    @property
    def quarter_no(self) -> int | None:
        """1 to 4 when the period (its 截至 day aside) is a whole calendar quarter, else None."""
        s = self.start
        if s.day == 1 and s.month in (1, 4, 7, 10) and Period.quarter_of(s) == self.whole:
            return quarter_number(s)
        return None

    @property
    def is_month(self) -> bool:
        return self.whole == Period.month(self.start.year, self.start.month)

    @property
    def is_year(self) -> bool:
        return self.whole == Period.year(self.start.year)

    def running(self, today: dt.date) -> Period:
        """The period as counted on `today`: up to today when it has begun and is not over
        (its last day included: on 11-30 November is not over yet)."""
        if self.through is None and self.start <= today <= self.end:
            return Period(self.start, self.end, self.label, through=today)
        return self

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if quarter not in (1, 2, 3, 4):
            raise ValueError(tr("季度只能是 1 到 4"))
        start = dt.date(year, 3 * quarter - 2, 1)
        end = (dt.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)) - dt.timedelta(days=1)
        return cls(start, end, tr("{year}年第{quarter}季度", year=year, quarter=quarter))

    @classmethod
    def quarter_of(cls, day: dt.date | dt.datetime) -> Period:
        """The whole quarter `day` falls in."""
        return cls.quarter(day.year, quarter_number(day))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        start = dt.date(year, month, 1)
        end = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
        return cls(start, end, tr("{year}年{month}月", year=year, month=month))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), tr("{year}年", year=year))

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> Period:
        if end < start:
            raise ValueError(tr("结束日期不能早于开始日期"))
        return cls(start, end, tr("{start} 至 {end}", start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}"))

    def previous(self) -> Period:
        """The period of the same length just before (the previous quarter for a quarter).

        For a running period, the same number of days from the start of the period before:
        Q4 up to 11-30 (61 days) is compared with 07-01 to 08-30, not the whole Q3."""
        if self.through is not None:
            before = self.whole.previous()
            last = min(before.end, before.start + dt.timedelta(days=self.days - 1))
            return Period(before.start, before.end, before.label, through=last)
        if self.start.day == 1 and (self.end + dt.timedelta(days=1)).day == 1:
            months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
            y, m = month_back(self.start.year, self.start.month, months)
            start = dt.date(y, m, 1)
            if months == 3:
                return Period.quarter(y, (m - 1) // 3 + 1)
            if months == 1:
                return Period.month(y, m)
            if months == 12:
                return Period.year(y)
            return Period.between(start, self.start - dt.timedelta(days=1))
        length = self.end - self.start
        end = self.start - dt.timedelta(days=1)
        return Period.between(end - length, end)


def period_key(period: Period) -> str:
    """Where a period's report is archived: "2026-Q3" for a quarter, else
    "20261001-20261031" (its first and last day)."""
    if period.quarter_no is not None:
        return f"{period.start.year}-Q{period.quarter_no}"
    return f"{period.start:%Y%m%d}-{period.end:%Y%m%d}"
