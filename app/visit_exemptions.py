"""Cases that get no visit, and why in words: an anonymous case has nobody to visit, and a
complaint whose owner asked only for a written reply (只要求书面答复) gets the reply letter
(复函, attached to the case) instead of a visit (issue 14, seed 001).

The sampler never draws them (app/visits/sampling.py); this is the rule the planner's hand
obeys too: `VisitPlanner.add_by_hand` refuses them with `visit_exemption`'s words, and the
visit planner's window greys 手工加入回访 with the same words before anyone types a reason.
"""

from __future__ import annotations

from typing import Protocol

from app.i18n import tr


class _Case(Protocol):
    number: str
    anonymous: bool
    written_reply_only: bool


ANONYMOUS = "anonymous"
WRITTEN_REPLY = "written_reply"


def exemption_kind(case: _Case) -> str:
    """ANONYMOUS, WRITTEN_REPLY, or '' when the case may be visited."""
    if case.anonymous:
        return ANONYMOUS
    if case.written_reply_only:
        return WRITTEN_REPLY
    return ""


def visit_exemption(case: _Case) -> str:
    """Why `case` may not be visited, as a sentence saying what to do instead; '' when it may."""
    kind = exemption_kind(case)
    if kind == ANONYMOUS:
        return tr(
            "{number} 是匿名案件,没有可回访的业主,不能加入回访;处理情况附于案件即可。", number=case.number
        )
    if kind == WRITTEN_REPLY:
        return tr(
            "{number} 的业主只要求书面答复,不回访,不能加入回访;请把复函附于案件(案件窗口“附上复函”)。",
            number=case.number,
        )
    return ""
