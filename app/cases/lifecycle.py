"""A case's steps after intake, each allowed by its status (app/case_states.py's table):
派工 `dispatch`, 签收 `sign_for`, 进展 `add_note`, 延期 `extend`, 办结 `resolve`, 关闭 `close`,
重开 `reopen` (and `reopen_for_rework` after an unsatisfied visit), 合并 `merge`, 作废 `void`
and 典型案例 `mark_typical`. Each checks first, then writes the case, its timeline and its
search entry in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from app import case_states, domain
from app.cases.core import CaseCore, next_number
from app.errors import UserError, ValidationError
from app.i18n import N_, term, tr
from app.models import Case, CaseEvent, Department, Dispatch, Extension, Staff, db
from app.permissions import current_person, require
from app.validation import MAX_TEXT, check_length, clean_text


class Lifecycle(CaseCore):
    """The steps after intake; `resolve` calls the `resolved_listeners` (the visit planner)."""

    # Checks an approver's login name and password (the office sets StaffService.authenticate:
    # the login's own code, counting failures to the lockout); None: no key file open.
    approver_check: Callable[[str, str], Staff] | None = None

    def dispatch(
        self,
        case: Case,
        department: Department,
        actor: Staff | None = None,
        assignee: Staff | None = None,
        instructions: str = "",
        due: dt.datetime | None = None,
    ) -> Dispatch:
        """派工: a work slip (工作联系单) to the department, due by the case's deadline."""
        require(actor, "case.dispatch")
        self._require(case, case_states.DISPATCH)
        instructions = clean_text(instructions)
        if reason := check_length(instructions, MAX_TEXT):
            raise ValidationError({N_("派工说明"): reason})
        now = self.clock.now()
        with db.atomic():
            slip = Dispatch.create(
                case=case,
                number=f"PG-{now.year}-{next_number(f'dispatch-{now.year}'):05d}",
                department=department,
                assignee=assignee,
                instructions=instructions,
                dispatched_at=now,
                due=due or case.resolve_due,
            )
            case.department = department
            self._step(case, case_states.DISPATCH)
            who = f"({assignee.name})" if assignee else ""
            self._event(
                case,
                domain.EV_DISPATCH,
                f"派往{department.name}{who},联系单 {slip.number}。{instructions}",
                actor,
            )
            self._touch(case)
        return slip

    def sign_for(self, slip: Dispatch, signer: str, actor: Staff | None = None) -> None:
        """签收: the receiving department takes the work."""
        require(actor, "case.sign_for")
        signer = clean_text(signer)
        if not signer:
            raise ValidationError({N_("签收人"): tr("必须填写")})
        if slip.signed_at is not None:
            raise UserError(
                tr(
                    "联系单 {number} 已于 {at} 由{person}签收",
                    number=slip.number,
                    at=f"{slip.signed_at:%m-%d %H:%M}",
                    person=slip.signed_by,
                )
            )
        case = slip.case
        self._require(case, case_states.SIGN)
        with db.atomic():
            slip.signed_at = self.clock.now()
            slip.signed_by = signer
            slip.save()
            self._step(case, case_states.SIGN)
            self._event(
                case, domain.EV_SIGNED, f"{slip.department.name} {signer} 签收联系单 {slip.number}", actor
            )
            self._touch(case)

    def add_note(
        self, case: Case, text: str, actor: Staff | None = None, response: bool = False
    ) -> CaseEvent:
        """A progress note; `response` marks the first answer given to the owner."""
        require(actor, "case.note")
        self._require(case, case_states.NOTE)
        text = clean_text(text)
        if not text:
            raise ValidationError({N_("内容"): tr("必须填写")})
        if reason := check_length(text, MAX_TEXT):
            raise ValidationError({N_("内容"): reason})
        with db.atomic():
            kind = domain.EV_NOTE
            if response:
                kind = domain.EV_RESPONSE
                if case.first_response_at is None:
                    case.first_response_at = self.clock.now()
            event = self._event(case, kind, text, actor)
            self._touch(case)
        return event

    def extend(
        self,
        case: Case,
        new_due: dt.datetime,
        reason: str,
        approver: Staff | None = None,
        actor: Staff | None = None,
        *,
        approver_login: str = "",
        approver_password: str | None = None,
    ) -> Extension:
        """延期: a later deadline, approved by the role the policy names for this severity.

        The approver confirms with their own login, never by being picked from a list:
        either the approver is the person logged in (`approver` None or the actor: 本人登录),
        or the approver's password, typed on this PC, is checked here by the login's own code
        (`approver_login` + `approver_password`, or `approver` + `approver_password`: 本机输入密码;
        wrong passwords count towards the approver's lockout). An approver of the case's
        severity who is logged in may record the extension themselves even without the
        `case.extend` permission (the company manager approving at the desk)."""
        who = actor if actor is not None else current_person()
        allowed = self.extension_approver_roles(case.severity)
        by_password = bool(approver_login.strip()) or approver_password is not None
        self_approving = not by_password and (approver is None or (who is not None and approver.id == who.id))
        if not (self_approving and who is not None and who.role in allowed):
            require(actor, "case.extend")
        self._require(case, case_states.EXTEND)
        problems: dict[str, str] = {}
        reason = clean_text(reason)
        if not reason:
            problems[N_("延期原因")] = tr("必须填写")
        if new_due <= case.resolve_due:
            problems[N_("新期限")] = tr("须晚于原期限 {due}", due=f"{case.resolve_due:%Y-%m-%d %H:%M}")
        if problems:
            raise ValidationError(problems)
        if by_password:
            approver = self._approver_by_password(approver, approver_login, approver_password or "")
            confirmed = domain.CONFIRMED_BY_PASSWORD
        elif approver is None or who is None or approver.id == who.id:
            if who is None:
                raise ValidationError(
                    {N_("批准人"): tr("须由批准人本人登录,或在本机输入批准人的登录名和密码")}
                )
            approver, confirmed = who, domain.CONFIRMED_BY_LOGIN
        else:
            raise ValidationError(
                {
                    N_("批准人"): tr(
                        "{person}须本人登录,或在本机输入自己的登录名和密码确认延期(不能由他人代选)",
                        person=approver.name,
                    )
                }
            )
        needed = self.policy().extension_approver_role(case.severity)
        if approver.role not in allowed:
            raise ValidationError(
                {
                    N_("批准人"): tr(
                        "{severity}案件延期须由{role}或更高职位批准,{person}是{person_role}",
                        severity=term(case.severity),
                        role=term(domain.ROLES.get(needed, needed)),
                        person=approver.name,
                        person_role=term(domain.ROLES.get(approver.role, approver.role)),
                    )
                }
            )
        with db.atomic():
            ext = Extension.create(
                case=case,
                old_due=case.resolve_due,
                new_due=new_due,
                reason=reason,
                approver=approver.name,
                approver_role=approver.role,
                confirmed=confirmed,
                at=self.clock.now(),
            )
            self._event(
                case,
                domain.EV_EXTENSION,
                f"期限由 {case.resolve_due:%Y-%m-%d %H:%M} 延至 {new_due:%Y-%m-%d %H:%M},"
                f"{approver.name}批准({confirmed})。原因:{reason}",
                actor,
            )
            case.resolve_due = new_due
            self._touch(case)
        return ext

    def _approver_by_password(self, approver: Staff | None, login: str, password: str) -> Staff:
        """The approver who typed their own login name and password on this PC, checked by the
        login's code (app/staff.py `authenticate`: the key file; failures count to the lockout)."""
        login = login.strip() or ((approver.username or "") if approver is not None else "")
        if not login:
            if approver is not None:
                raise ValidationError(
                    {N_("批准人登录名"): tr("{person}没有登录名,请输入批准人的登录名", person=approver.name)}
                )
            raise ValidationError({N_("批准人登录名"): tr("请输入批准人的登录名")})
        if not password:
            raise ValidationError({N_("批准人密码"): tr("请批准人输入自己的登录密码")})
        if self.approver_check is None:
            raise UserError(tr("没有打开服务中心的密钥文件,不能核对批准人的密码;请由批准人本人登录后延期"))
        try:
            person = self.approver_check(login, password)
        except UserError as exc:
            raise ValidationError({N_("批准人密码"): str(exc)}) from exc
        if approver is not None and person.id != approver.id:
            raise ValidationError(
                {
                    N_("批准人"): tr(
                        "输入的登录名是{person}的,不是{approver}的",
                        person=person.name,
                        approver=approver.name,
                    )
                }
            )
        return person

    def extension_approver_roles(self, severity: str) -> set[str]:
        """The roles that may approve extending a case of this severity."""
        return _approver_roles(self.policy().extension_approver_role(severity))

    def resolve(
        self,
        case: Case,
        result: str,
        actor: Staff | None = None,
        at: dt.datetime | None = None,
        plan_visit: bool = True,
    ) -> None:
        """办结: handling finished, with its result (没有处理结果不能办结).

        `plan_visit=False` is for history brought in with its visit already done."""
        require(actor, "case.resolve")
        self._require(case, case_states.RESOLVE)
        if case.contain_needed and case.contained_at is None:
            if case.contain_due:
                raise UserError(
                    tr(
                        "案件 {number} 须先记录先行处置(期限 {due}),再办结",
                        number=case.number,
                        due=f"{case.contain_due:%m-%d %H:%M}",
                    )
                )
            raise UserError(tr("案件 {number} 须先记录先行处置,再办结", number=case.number))
        result = clean_text(result)
        if not result:
            raise ValidationError({N_("处理结果"): tr("办结必须填写处理结果")})
        if reason := check_length(result, MAX_TEXT):
            raise ValidationError({N_("处理结果"): reason})
        at = at or self.clock.now()
        if at < case.received_at:
            raise ValidationError({N_("办结时间"): tr("不能早于受理时间")})
        with db.atomic():
            self._step(case, case_states.RESOLVE)
            case.result = result
            case.resolved_at = at  # 办结 is not a first reply: first_response_at stays as it was
            for slip in case.dispatches.where(Dispatch.finished_at.is_null()):
                slip.finished_at = at
                slip.outcome = result
                slip.save()
            self._event(case, domain.EV_RESOLVED, result, actor, at=at)
            self._touch(case)
            if plan_visit:
                for listener in self.resolved_listeners:
                    listener(case, actor)

    def close(self, case: Case, actor: Staff | None = None, note: str = "") -> None:
        """关闭: the matter is settled; only a resolved case can close."""
        require(actor, "case.close")
        self._require(case, case_states.CLOSE)
        if case.written_reply_only and case.reply_letter_at is None:
            raise UserError(
                tr(
                    "案件 {number} 的业主只要求书面答复:请先在案件详情中附上复函(PDF、图片或 Word 文件),再关闭",
                    number=case.number,
                )
            )
        with db.atomic():
            self._step(case, case_states.CLOSE)
            case.closed_at = self.clock.now()
            self._event(case, domain.EV_CLOSED, clean_text(note) or "已关闭", actor)
            self._touch(case)

    def reopen(self, case: Case, reason: str, actor: Staff | None = None) -> None:
        """重开: back to handling, by a manager's decision."""
        require(actor, "case.reopen")
        self.reopen_for_rework(case, reason, actor)

    def reopen_for_rework(self, case: Case, reason: str, actor: Staff | None = None) -> None:
        """Back to handling because the owner was not satisfied at the visit: the rule
        itself reopens it (返工), whoever recorded the visit (the visit service calls this)."""
        self._require(case, case_states.REOPEN)
        reason = clean_text(reason)
        if not reason:
            raise ValidationError({N_("重开原因"): tr("必须填写")})
        with db.atomic():
            self._step(case, case_states.REOPEN)
            case.closed_at = None
            case.resolved_at = None
            self._event(case, domain.EV_REOPENED, reason, actor)
            self._touch(case)

    def merge(self, duplicate: Case, into: Case, actor: Staff | None = None) -> None:
        """合并: the same matter reported twice is one case; the duplicate points to it."""
        require(actor, "case.merge")
        if duplicate.id == into.id:
            raise UserError(tr("不能把案件合并到它自己"))
        self._require(duplicate, case_states.MERGE)
        if into.state == domain.MERGED:
            target = into.merged_into  # set whenever merged; cases are never deleted
            raise UserError(
                tr("{number} 已合并到其他案件,请合并到 {target}", number=into.number, target=target.number)
                if target
                else tr("{number} 已合并到其他案件", number=into.number)
            )
        with db.atomic():
            self._step(duplicate, case_states.MERGE)
            duplicate.merged_into = into
            self._event(duplicate, domain.EV_MERGED, f"并入 {into.number}", actor)
            self._event(
                into,
                domain.EV_MERGED,
                f"合并 {duplicate.number}({duplicate.received_at:%m-%d %H:%M} {duplicate.channel}):"
                f"{duplicate.account[:100]}",
                actor,
            )
            self._touch(duplicate)
            self._touch(into)

    def void(self, case: Case, reason: str, actor: Staff | None = None) -> None:
        """作废: entered by mistake; nothing is deleted, the case stays in history."""
        require(actor, "case.void")
        reason = clean_text(reason)
        if not reason:
            raise ValidationError({N_("作废原因"): tr("必须填写")})
        self._require(case, case_states.VOID)
        with db.atomic():
            self._step(case, case_states.VOID)
            case.void_reason = reason
            self._event(case, domain.EV_VOID, reason, actor)
            self._touch(case)

    def mark_typical(self, case: Case, typical: bool, note: str, actor: Staff | None = None) -> None:
        """典型案例: the planner marks a case for the quarterly report, with a note why."""
        require(actor, "case.mark_typical")
        self._require(case, case_states.TYPICAL)
        note = clean_text(note)
        if typical and not note:
            raise ValidationError({N_("说明"): tr("标记典型案例请写明理由或启示")})
        if reason := check_length(note, MAX_TEXT):
            raise ValidationError({N_("说明"): reason})
        with db.atomic():
            case.typical = typical
            case.typical_note = note if typical else ""
            self._event(
                case, domain.EV_NOTE, ("标记为典型案例:" + note) if typical else "取消典型案例", actor
            )
            self._touch(case)


# Who may approve an extension asked of a role: that role or one above it.
_APPROVAL_LADDER = ["cs_director", "office_manager", "general_manager"]


def _approver_roles(needed: str) -> set[str]:
    if needed in _APPROVAL_LADDER:
        return set(_APPROVAL_LADDER[_APPROVAL_LADDER.index(needed) :])
    return {needed}
