"""The visit rules a window, the recorder and the command line all read: which methods a
visit may use, when the customer signs, what a visit's state is called, the quarter.

Plain functions over plain values, so each is tested without a database or Qt.
"""

from __future__ import annotations

import datetime as dt

from app import domain
from app.errors import UserError
from app.i18n import N_, term, tr
from app.visit_policy import VisitRule

OPEN_VISIT_STATES = [domain.VISIT_PLANNED]
ATTEMPT_OUTCOMES = [N_("未接通"), N_("无人在家"), N_("拒绝回访"), N_("约定回电"), N_("号码错误")]
UNSATISFIED = {"不满意", "很不满意"}
PERIODIC_PURPOSES = [N_("入伙回访"), N_("季度巡访"), N_("年度走访"), N_("节日回访"), N_("突发事件回访")]
# Who usually does each batch visit (DOMAIN §5): stewards their areas, the director the
# yearly door visits, the manager holidays and incidents; and in how many days it is due.
PURPOSE_ROLE = {
    "入伙回访": "steward",
    "季度巡访": "steward",
    "年度走访": "cs_director",
    "节日回访": "office_manager",
    "突发事件回访": "office_manager",
}
PURPOSE_DUE_DAYS = {"入伙回访": 7, "季度巡访": 30, "年度走访": 60, "节日回访": 7, "突发事件回访": 3}
# The roles whose people visit owners: everyone but the administrator and night duty.
VISITING_ROLES = [key for key in domain.ROLES if key not in ("admin", "night_duty")]
PHONE = "电话"
DOOR = "上门"

OVERDUE = N_("逾期")
CALENDAR_STATES = [
    domain.VISIT_PLANNED,
    OVERDUE,
    domain.VISIT_DONE,
    domain.VISIT_UNREACHABLE,
    domain.VISIT_REFUSED,
]


def allowed_methods(rule: VisitRule | None, attempt: int) -> list[str]:
    """The methods (上门、电话…) a visit may be recorded with, in the office's order.

    The policy's rule for the case's kind says which; a follow-up after rework (a second or
    later visit) may always be made by phone. A visit with no case (a periodic round) may
    use any method."""
    if rule is None:
        return list(domain.VISIT_METHODS)
    allowed = set(rule.methods) | ({PHONE} if attempt > 1 else set())
    return [m for m in domain.VISIT_METHODS if m in allowed]


def method_problem(method: str, rule: VisitRule | None, attempt: int) -> str | None:
    """Why `method` may not be used for this visit, in words; None when it may."""
    if method not in domain.VISIT_METHODS:
        return tr("只能是 {choices}", choices=tr("、").join(term(m) for m in domain.VISIT_METHODS))
    allowed = allowed_methods(rule, attempt)
    if method not in allowed:
        return tr("本类回访只能用 {choices}", choices=tr("、").join(term(m) for m in sorted(allowed)))
    return None


def signature_needed(rule: VisitRule | None) -> bool:
    """Does this kind of visit ask for the customer's signature at all (a periodic round does)?"""
    return rule is None or rule.signature


def customer_must_sign(method: str, rule: VisitRule | None) -> bool:
    """A door visit (上门) of a kind that asks for it needs the customer's signature, on the
    pad or on the numbered paper form; a phone visit never does."""
    return method == DOOR and signature_needed(rule)


def shown_state(state: str, due: dt.date, today: dt.date) -> str:
    """The state as the calendar shows it: a planned visit past its day is 逾期."""
    if state in OPEN_VISIT_STATES and due < today:
        return OVERDUE
    return state


def require_open(state: str) -> None:
    """A visit no longer planned (done, unreachable, refused, cancelled) is not changed."""
    if state not in OPEN_VISIT_STATES:
        raise UserError(tr("这次回访已是“{state}”,不能再改", state=term(state)))


def batch_defaults(purpose: str, today: dt.date) -> tuple[str, dt.date]:
    """The role who usually makes a batch visit of `purpose`, and the day it is due by."""
    return PURPOSE_ROLE.get(purpose, "steward"), today + dt.timedelta(days=PURPOSE_DUE_DAYS.get(purpose, 7))
