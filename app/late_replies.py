"""首次回复 and 明确答复 measured: how late a reply was, in the policy's own unit, and what the
office sees of it (the case detail's line, the case list's mark, the dashboard's count).

The rule itself (`reply_late`) is the one `app.cases.first_reply_late` and the statistics
use: a first reply after its deadline, or none by it, is late; 办结 is not a first reply (a
case finished without one has none); an anonymous case has nobody to reply to and a voided
or merged one is not counted. The overrun is said in the unit the policy counts the limit
in: hours ("超时 3 小时") for a limit in hours, working days ("超时 2 工作日") for one in
working days, days for one in calendar days; hours when it is less than one such day.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from app import domain
from app.i18n import N_, tr
from app.workdays import WorkCalendar

HOURS = "hours"
WORKING = "working"
CALENDAR = "calendar"
UNIT_WORDS = {
    HOURS: N_("超时 {amount} 小时"),
    WORKING: N_("超时 {amount} 工作日"),
    CALENDAR: N_("超时 {amount} 天"),
}

# What a case's first reply is, for the detail and the list.
REPLIED = "replied"  # 已回复 (on time or late: see `late`)
WAITING = "waiting"  # open, no reply yet
NONE = "none"  # 办结 (or closed) with no first reply: 未首次回复
NOT_OWED = "not_owed"  # anonymous, voided or merged: nobody is owed one


def reply_late(
    anonymous: bool, state: str, due: dt.datetime | None, replied: dt.datetime | None, as_of: dt.datetime
) -> bool:
    """A reply after `due`, or none by it (`as_of` is now, or a period's end)."""
    if anonymous or due is None or state in (domain.VOID, domain.MERGED):
        return False
    if replied is not None:
        return replied > due
    return due < as_of


@dataclass(frozen=True)
class Overrun:
    """How much later than its deadline: `amount` hours or working days (`unit`)."""

    amount: int
    unit: str  # HOURS, WORKING or CALENDAR (days)

    @property
    def words(self) -> str:
        return tr(UNIT_WORDS[self.unit], amount=self.amount)


def overrun(due: dt.datetime, at: dt.datetime, unit: str, calendar: WorkCalendar | None = None) -> Overrun:
    """How far `at` is past `due`: whole working days when the limit is counted in working
    days and at least one has gone by (a day off is not counted), whole days for one in
    calendar days, else hours rounded up."""
    if unit == CALENDAR and (days := (at - due).days) >= 1:
        return Overrun(days, CALENDAR)
    if unit == WORKING:
        calendar = calendar or WorkCalendar.from_database()
        days = 0
        while calendar.add_workdays(due, days + 1) <= at:
            days += 1
            if days > 3660:  # ten years: nobody counts further
                break
        if days:
            return Overrun(days, WORKING)
    hours = max(1, math.ceil((at - due).total_seconds() / 3600))
    return Overrun(hours, HOURS)


@dataclass(frozen=True)
class FirstReply:
    """A case's first reply as the office sees it."""

    status: str  # REPLIED, WAITING, NONE or NOT_OWED
    due: dt.datetime | None
    replied_at: dt.datetime | None
    late: Overrun | None  # None: not late (yet)


def first_reply(
    anonymous: bool,
    state: str,
    due: dt.datetime | None,
    replied: dt.datetime | None,
    now: dt.datetime,
    unit: str,
    calendar: WorkCalendar | None = None,
) -> FirstReply:
    """The case's first reply: given (on time or late by so much), awaited, or never given
    before 办结 (未首次回复: late by the time since its deadline when that has passed)."""
    if anonymous or due is None or state in (domain.VOID, domain.MERGED):
        return FirstReply(NOT_OWED, due, replied, None)
    if replied is not None:
        late = overrun(due, replied, unit, calendar) if replied > due else None
        return FirstReply(REPLIED, due, replied, late)
    status = WAITING if state in domain.OPEN_STATES else NONE
    late = overrun(due, now, unit, calendar) if due < now else None
    return FirstReply(status, due, None, late)


def clear_answer_overrun(
    due: dt.datetime | None,
    answered: dt.datetime | None,
    now: dt.datetime,
    unit: str,
    calendar: WorkCalendar | None = None,
) -> Overrun | None:
    """How late the major complaint's 明确答复 was (or is, not given yet); None when not late."""
    if due is None:
        return None
    at = answered if answered is not None else now
    return overrun(due, at, unit, calendar) if at > due else None


@dataclass(frozen=True)
class LateReplies:
    """The dashboard's line: this month's late first replies and late clear answers (明确答复
    of major complaints), each with its case numbers, as the month's statistics count them."""

    first_replies: tuple[str, ...] = ()
    clear_answers: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.first_replies) + len(self.clear_answers)


def late_replies_of_month(late_first_reply_cases: list[str], late_clear_answers: list[str]) -> LateReplies:
    """From the month's `PeriodStats` (the numbers the statistics window lists)."""
    return LateReplies(tuple(late_first_reply_cases), tuple(late_clear_answers))
