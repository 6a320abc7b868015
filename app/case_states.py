"""The case's lifecycle in one table: for each status, the steps it allows and the status
each step leads to. `CaseService` refuses a step the table does not allow; the case window
enables its buttons from `allowed_actions`. Change a rule here and both follow.

A few steps also depend on the case itself, not only its status (签收 needs a work slip not
yet signed for, 只要求书面答复 only for a complaint, 复函 only when the owner asked for a
written reply, 明确答复 only for a major complaint whose report stands): `case_allows` says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from app import domain
from app.errors import UserError
from app.i18n import N_, term, tr
from app.permissions import can

if TYPE_CHECKING:
    from app.models import Case, Staff

# The steps, by the keys the case window and the service use.
DISPATCH: Final = "dispatch"  # 派工
SIGN: Final = "sign"  # 签收
NOTE: Final = "note"  # 进展/回复业主
EXTEND: Final = "extend"  # 延期
RESOLVE: Final = "resolve"  # 办结
CLOSE: Final = "close"  # 关闭
REOPEN: Final = "reopen"  # 重开 (also 返工 after an unsatisfied visit)
MERGE: Final = "merge"  # 合并 (the duplicate's status)
TYPICAL: Final = "typical"  # 典型案例
REGRADE: Final = "regrade"  # 重新定级
VOID: Final = "void"  # 作废
WRITTEN: Final = "written"  # 只要求书面答复 on or off
REPLY_LETTER: Final = "reply_letter"  # 附上复函
ANSWER: Final = "answer"  # 明确答复
CONTAIN: Final = "contain"  # 先行处置 (H21)

ACTIONS: Final = (
    DISPATCH,
    SIGN,
    NOTE,
    EXTEND,
    RESOLVE,
    CLOSE,
    REOPEN,
    MERGE,
    TYPICAL,
    REGRADE,
    VOID,
    WRITTEN,
    REPLY_LETTER,
    ANSWER,
    CONTAIN,
)

# What the refusal says the step is: "案件 … 当前为“已关闭”,不能{word}".
ACTION_WORDS: Final[dict[str, str]] = {
    DISPATCH: N_("派工", "action"),
    SIGN: N_("签收", "action"),
    NOTE: N_("记录进展"),
    EXTEND: N_("延期", "action"),
    RESOLVE: N_("办结", "action"),
    CLOSE: N_("关闭(须先办结并填写处理结果)"),
    REOPEN: N_("重开", "action"),
    MERGE: N_("合并", "action"),
    TYPICAL: N_("标记典型案例"),
    REGRADE: N_("重新定级"),
    VOID: N_("作废", "action"),
    WRITTEN: N_("更改“只要求书面答复”(办结时已决定是否回访)"),
    REPLY_LETTER: N_("附复函"),
    ANSWER: N_("记录明确答复"),
    CONTAIN: N_("记录先行处置"),
}


def _open(state: str) -> dict[str, str]:
    """While the case is handled: every step but 关闭 and 重开."""
    return {
        DISPATCH: domain.DISPATCHED if state == domain.NEW else state,
        SIGN: domain.IN_PROGRESS,
        NOTE: state,
        EXTEND: state,
        RESOLVE: domain.RESOLVED,
        MERGE: domain.MERGED,
        TYPICAL: state,
        REGRADE: state,
        VOID: domain.VOID,
        WRITTEN: state,
        REPLY_LETTER: state,
        ANSWER: state,
        CONTAIN: state,
    }


def _done(state: str) -> dict[str, str]:
    """Resolved or closed: back to handling (重开), merged, voided, or notes on it."""
    steps = {
        NOTE: state,
        REOPEN: domain.IN_PROGRESS,
        MERGE: domain.MERGED,
        TYPICAL: state,
        REGRADE: state,
        VOID: domain.VOID,
        REPLY_LETTER: state,
        ANSWER: state,
    }
    if state == domain.RESOLVED:
        steps[CLOSE] = domain.CLOSED
    return steps


# status -> {step allowed in it: the status it leads to}
TRANSITIONS: Final[dict[str, dict[str, str]]] = {
    domain.NEW: _open(domain.NEW),
    domain.DISPATCHED: _open(domain.DISPATCHED),
    domain.IN_PROGRESS: _open(domain.IN_PROGRESS),
    domain.RESOLVED: _done(domain.RESOLVED),
    domain.CLOSED: _done(domain.CLOSED),
    domain.VOID: {NOTE: domain.VOID},  # a note may still explain it; nothing else
    domain.MERGED: {},  # the case it was merged into carries on
}

# The permission each step needs (app/permissions.py).
ACTION_PERMISSIONS: Final[dict[str, str]] = {
    DISPATCH: "case.dispatch",
    SIGN: "case.sign_for",
    NOTE: "case.note",
    EXTEND: "case.extend",
    RESOLVE: "case.resolve",
    CLOSE: "case.close",
    REOPEN: "case.reopen",
    MERGE: "case.merge",
    TYPICAL: "case.mark_typical",
    REGRADE: "case.create",
    VOID: "case.void",
    WRITTEN: "case.create",
    REPLY_LETTER: "case.note",
    ANSWER: "case.note",
    CONTAIN: "case.contain",
}

# Steps shown only on the cases they are for (the window hides them on the others).
CASE_SPECIFIC: Final = (WRITTEN, REPLY_LETTER, ANSWER, CONTAIN)


def allows(state: str, action: str) -> bool:
    """Whether the table allows the step in this status."""
    return action in TRANSITIONS.get(state, {})


def next_state(state: str, action: str) -> str:
    """The status the step leads to; raises KeyError when the table does not allow it."""
    return TRANSITIONS[state][action]


def permission(case: Case, action: str) -> str:
    """The permission this step needs on this case: correcting a closed case (重新定级)
    needs a manager's `case.edit_closed`."""
    if action == REGRADE and case.state == domain.CLOSED:
        return "case.edit_closed"
    return ACTION_PERMISSIONS[action]


def applies_to(case: Case, action: str) -> bool:
    """Whether the step is for a case like this at all (whatever its status)."""
    if action == WRITTEN:
        return case.kind == "投诉"
    if action == REPLY_LETTER:
        return bool(case.written_reply_only)
    if action == ANSWER:
        return case.answer_due is not None
    if action == CONTAIN:
        return bool(case.contain_needed)
    return True


def case_allows(case: Case, action: str) -> bool:
    """What the case itself needs beyond its status: a slip to sign for, a complaint, an
    owner who asked for a written reply, a major complaint's report that stands."""
    if not applies_to(case, action):
        return False
    if action == SIGN:
        from app.models import Dispatch

        return bool(case.dispatches.where(Dispatch.signed_at.is_null()).exists())
    if action == ANSWER:
        report = case.major_reports.first()
        return report is not None and report.cancelled_at is None
    if action == CONTAIN:
        return case.contained_at is None
    return True


def allowed_actions(case: Case, person: Staff | None = None) -> list[str]:
    """The steps open on this case now, in the table's order; with `person`, only those
    that person's role may take."""
    return [
        action
        for action in ACTIONS
        if allows(case.state, action)
        and case_allows(case, action)
        and (person is None or can(person, permission(case, action)))
    ]


def require_state(case: Case, action: str) -> None:
    """Refuse the step when the case's status does not allow it, saying why."""
    if not allows(case.state, action):
        raise UserError(
            tr(
                "案件 {number} 当前为“{state}”,不能{action}",
                number=case.number,
                state=term(case.state),
                action=term(ACTION_WORDS[action], "action"),
            )
        )
