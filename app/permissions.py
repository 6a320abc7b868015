"""Who may do what: one table, role by role (DOMAIN §1), asked where the work is done.

Every service method that changes data or reads personal data asks the table, so the
command line, the windows and any future client get the same answer. The person asked
about is the actor a method is given, or else the person acting (`acting()` /
`set_person()`: set at login by the window and by each command). Nobody at all means the
program itself (migrations, demo data, the tests of plain rules), which may do anything.
The administrator may do everything; windows ask `can()` only to grey out a button."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

from app.errors import UserError
from app.i18n import N_, term, tr
from app.models import Staff, acting_as, set_actor

FRONT = {"clerk", "cs_director", "office_manager"}
MANAGERS = {"cs_director", "office_manager"}

PERMISSIONS: dict[str, set[str]] = {
    # cases
    "case.create": FRONT | {"steward"},
    "case.dispatch": FRONT,
    "case.sign_for": FRONT | {"steward", "department"},
    "case.note": FRONT | {"steward", "department", "general_manager"},
    "case.resolve": FRONT | {"steward", "department"},
    "case.extend": FRONT,
    "case.contain": FRONT | {"steward", "department"},  # 先行处置 (H21)
    "case.close": FRONT,
    "case.reopen": MANAGERS,
    "case.merge": FRONT,
    "case.edit_closed": MANAGERS,
    "case.void": MANAGERS,
    "case.mark_typical": MANAGERS,
    "case.print_record": FRONT | {"steward"},  # the record sheet carries the caller's name and phone
    "major_report.edit": MANAGERS | {"general_manager"},
    "referral.edit": FRONT,  # 工作联系函 to the developer: made, sent, answered, followed up (H22)
    "nightlog.add": FRONT | {"night_duty", "steward"},
    "nightlog.convert": FRONT,
    # visits
    "visit.view_all": FRONT | {"general_manager", "culture_clerk"},
    "visit.record": FRONT | {"steward", "culture_clerk", "general_manager"},
    "visit.plan": MANAGERS,
    "visit.review": MANAGERS | {"general_manager"},
    "rework.tell_owner": FRONT | {"steward"},  # 告知业主返工完成时间 (H25)
    "visit.dates": FRONT | {"steward", "department"},  # 闭水试验、特约服务合同日期 (H23)
    "activity.manage": MANAGERS | {"culture_clerk"},  # 社区活动、刊物 (H23)
    # paper forms
    "form.print": FRONT | {"steward"},
    "form.ledger": FRONT,
    # owners' personal data
    "owner.view_file": FRONT | {"steward"},
    "owner.reveal_phone": FRONT,
    "owner.reveal_id": MANAGERS,
    "owner.import": {"office_manager"},
    "owner.export": {"office_manager"},
    "owner.edit": FRONT,
    # the office
    "ledger.import": MANAGERS,
    "ledger.export": MANAGERS | {"general_manager"},  # every case with callers' names and phones
    "report.view": MANAGERS | {"general_manager"},
    "report.archive": {"office_manager"},
    "policy.edit": MANAGERS,
    "staff.manage": set(),
    "backup.manage": set(),
    "audit.view": {"office_manager", "general_manager"},
    # Helper S (issue 18, the satisfaction survey, seed 001 篇3): the plan and questionnaire are
    # drawn up by the 品质专员 (here the CS director or the office manager), approved by the
    # 营运部经理 (no such role: the office manager, or the general manager above the office),
    # answers scanned and typed by the front desk, the report read by managers.
    "survey.plan": MANAGERS,
    "survey.approve": {"office_manager", "general_manager"},
    "survey.scan": FRONT,
    "survey.report": MANAGERS | {"general_manager"},
}

LABELS = {
    "case.create": N_("受理登记"),
    "case.dispatch": N_("派工"),
    "case.sign_for": N_("签收"),
    "case.note": N_("记录进展"),
    "case.resolve": N_("办结"),
    "case.extend": N_("延期"),
    "case.contain": N_("先行处置"),
    "case.close": N_("关闭案件"),
    "case.reopen": N_("重开案件"),
    "case.merge": N_("合并案件"),
    "case.edit_closed": N_("修改已关闭案件"),
    "case.void": N_("作废案件"),
    "case.mark_typical": N_("标记典型案例"),
    "case.print_record": N_("打印投诉处理记录表"),
    "major_report.edit": N_("填写重大投诉报告"),
    "referral.edit": N_("向开发商发工作联系函"),
    "nightlog.add": N_("值班登记"),
    "nightlog.convert": N_("值班记录转案件"),
    "visit.view_all": N_("查看全部回访"),
    "visit.record": N_("登记回访结果"),
    "visit.plan": N_("安排回访计划"),
    "visit.review": N_("审核回访记录"),
    "rework.tell_owner": N_("告知业主返工完成时间"),
    "visit.dates": N_("登记闭水试验和合同日期"),
    "activity.manage": N_("登记社区活动和刊物"),
    "form.print": N_("打印回访记录表"),
    "form.ledger": N_("管理表单台账"),
    "owner.view_file": N_("查看业主档案"),
    "owner.reveal_phone": N_("查看完整电话"),
    "owner.reveal_id": N_("查看身份证号"),
    "owner.import": N_("导入业主名册"),
    "owner.export": N_("导出业主资料"),
    "owner.edit": N_("登记或修改业主资料"),
    "ledger.import": N_("导入案件台账"),
    "ledger.export": N_("导出案件台账"),
    "report.view": N_("查看统计报表"),
    "report.archive": N_("归档季度报告"),
    "policy.edit": N_("修改制度设置"),
    "staff.manage": N_("管理人员与登录"),
    "backup.manage": N_("备份与恢复"),
    "audit.view": N_("查看审计记录"),
    "survey.plan": N_("制订满意度调查计划"),
    "survey.approve": N_("批准满意度调查计划"),
    "survey.scan": N_("录入和核对调查答卷"),
    "survey.report": N_("满意度调查报告和纠正措施"),
}


# The person acting, beside the audit trail's name (app.models.acting_as / set_actor). A
# window's session person is also kept for the whole process, so that work the window runs
# on a thread of its own (an import, a scan) is still done by, and checked for, that person.
_UNSET = object()
_person: ContextVar[object] = ContextVar("person", default=_UNSET)
_session_person: Staff | None = None


def current_person() -> Staff | None:
    """Who is acting: the person logged in to the window or to this command; None is the
    program itself."""
    person = _person.get()
    if person is _UNSET:
        return _session_person
    return person  # type: ignore[return-value]


@contextlib.contextmanager
def acting(person: Staff | None) -> Iterator[None]:
    """Everything inside is done by `person` (checked against the table, audited under
    their name); afterwards whoever acted before acts again."""
    token = _person.set(person)
    try:
        with acting_as(person.name if person is not None else ""):
            yield
    finally:
        _person.reset(token)


def set_person(person: Staff | None) -> None:
    """For a window session or a command: everything from now on is done by this person
    (None: nobody is logged in any more)."""
    global _session_person
    _session_person = person
    _person.set(person)
    set_actor(person.name if person is not None else "")


def _who(person: Staff | None) -> Staff | None:
    return person if person is not None else current_person()


def can(person: Staff | None, action: str) -> bool:
    """May `person` (else the person acting) do `action`? Nobody acting is the program: yes."""
    if action not in PERMISSIONS:
        raise KeyError(f"unknown permission {action}")
    person = _who(person)
    if person is None:
        return True  # the program itself: migrations, demo data, plain-rule tests
    return person.role == "admin" or person.role in PERMISSIONS[action]


def require(person: Staff | None, action: str) -> None:
    """Refuse in words when `person` (else the person acting) may not do `action`."""
    if not can(person, action):
        who = _who(person)
        raise UserError(
            tr(
                "{person}没有“{permission}”的权限,请由有权限的人员操作",
                person=who.name if who else "",
                permission=term(LABELS.get(action, action)),
            )
        )


def check(action: str) -> bool:
    """May the person acting do `action`?"""
    return can(None, action)


def require_current(action: str) -> None:
    """Refuse in words when the person acting may not do `action`."""
    require(None, action)


def require_read(action: str, read: str, detail: str) -> None:
    """For an export or a printout of personal data: refuse in words when the person acting
    may not do `action`; else log the read (who, when, what) before the data is handed out."""
    from app import audit  # the trail's module reads the models; imported late, when used

    require(None, action)
    audit.log_access(read, None, detail)
