"""Corrections after intake, each computing the deadlines again from the policy (`_recompute`,
the major-complaint report raised or cancelled with them): `update` (修改登记信息), `regrade`
(重新定级: kind, validity, severity, category and its 细类, urgency or received time) and
`recompute_open_deadlines` (every open case after the holiday table changed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import peewee as pw

from app import case_states, domain
from app.cases.core import actor_name, when_text
from app.cases.intake import CaseInput, Intake, check_subcategory, owner_resolve_due
from app.errors import ValidationError
from app.i18n import N_, term, tr
from app.models import Case, Extension, MajorReport, Staff, current_actor, db, tuple_rows
from app.permissions import require
from app.policy import Policy
from app.validation import MAX_TEXT, check_length, clean_text, parse_datetime
from app.workdays import WorkCalendar


class Regrading(Intake):
    """Corrections build on intake: `update` checks the corrected fields as intake does."""

    def update(self, case: Case, inp: CaseInput, actor: Staff | None = None) -> list[str]:
        """Correct a case's intake fields; a closed case only by a manager. Returns what changed."""
        if case.state in (domain.CLOSED, domain.VOID, domain.MERGED):
            require(actor, "case.edit_closed")
        else:
            require(actor, "case.create")
        same_ref = (clean_text(inp.ref) or None) == case.ref
        checked = self.check(replace(inp, ref=None) if same_ref else inp)
        values = dict(checked.values)
        if inp.received_at is None:
            values.pop("received_at")
        if same_ref:
            values.pop("ref")
        if values["written_reply_only"] != case.written_reply_only and case.state not in domain.OPEN_STATES:
            raise ValidationError({N_("只要求书面答复"): tr("办结时已决定是否回访,办结后不能再更改")})
        changed = []
        before = {name: getattr(case, name) for name in CLASSIFICATION}
        with db.atomic():
            room = self._room_for(checked.room_parts)
            if (room.id if room else None) != case.room_id:
                case.room = room
                changed.append("房号")
            if (checked.department.id if checked.department else None) != case.department_id:
                case.department = checked.department
                changed.append("责任部门")
            for name, value in values.items():
                if getattr(case, name) != value:
                    setattr(case, name, value)
                    changed.append(name)
            if changed:
                text = "修改了:" + "、".join(changed)
                if any(before[name] != getattr(case, name) for name in CLASSIFICATION) or (
                    "requested_date" in changed
                ):
                    words = _classification_words(before, case)
                    recomputed = self._recompute(case, self.policy(), self.calendar(), "修改登记信息")
                    text = ";".join([text, *words, *recomputed])
                self._event(case, domain.EV_EDITED, text, actor)
                self._touch(case)
        return changed

    # Re-grading and recomputed deadlines ------------------------------------------------
    def regrade(
        self,
        case: Case,
        reason: str,
        actor: Staff | None = None,
        *,
        kind: str | None = None,
        validity: str | None = None,
        severity: str | None = None,
        category: str | None = None,
        urgency: str | None = None,
        received_at: dt.datetime | str | None = None,
        subcategory: str | None = None,
        contain: bool = False,
    ) -> list[str]:
        """重新定级: a new kind, validity, severity, category, urgency or received time.

        Every deadline is computed again from the policy (首次回复, 办结, 明确答复, the
        major-complaint report; an approved extension later than the new 办结 deadline
        stands); a case that becomes 重大投诉 gets its report, one that stops being has it
        cancelled with the reason. Returns the lines written on the timeline (empty when
        nothing changed). `None` leaves a field as it is; `validity=""` clears it.
        `contain`: the harm came to light later — the case is marked 需先行处置, due the
        policy's hours from now (an open case not marked yet; a mark is never taken back here)."""
        if case.state in (domain.CLOSED, domain.VOID, domain.MERGED):
            require(actor, "case.edit_closed")
        else:
            require(actor, "case.create")
        self._require(case, case_states.REGRADE)
        policy = self.policy()
        problems: dict[str, str] = {}
        reason = clean_text(reason)
        if not reason:
            problems[N_("定级原因")] = tr("必须填写,例如 业主反映损失较大,升级为重大投诉")
        elif message := check_length(reason, MAX_TEXT):
            problems[N_("定级原因")] = message
        new: dict[str, object] = {name: getattr(case, name) for name in CLASSIFICATION}

        def choose(name: str, raw: str | None, allowed: list[str]) -> None:
            if raw is None:
                return
            value = clean_text(raw)
            if value != new[name] and value not in allowed:
                problems[CLASSIFICATION[name]] = tr(
                    "“{value}”不在可选项中:{choices}",
                    value=value,
                    choices=tr("、").join(term(a) for a in allowed),
                )
            new[name] = value

        choose("kind", kind, domain.KINDS)
        choose("severity", severity, domain.SEVERITIES)
        choose("category", category, policy.categories)
        choose("urgency", urgency, domain.URGENCIES)
        if subcategory is not None:
            new["subcategory"] = check_subcategory(subcategory, problems)
        elif new["category"] != case.category and case.subcategory not in policy.subcategories_for(
            str(new["category"])
        ):
            new["subcategory"] = ""  # a sub-category belongs to its category: not carried to another
        if validity is not None:
            new["validity"] = clean_text(validity) or None
        if new["kind"] != "投诉":
            new["validity"] = None
        elif new["validity"] is not None and new["validity"] not in domain.VALIDITIES:
            problems[N_("有效性")] = tr(
                "只能是 {choices}", choices=tr("、").join(term(v) for v in domain.VALIDITIES)
            )
        if received_at is not None:
            try:
                received = parse_datetime(received_at) if isinstance(received_at, str) else received_at
            except ValueError as exc:
                problems[N_("受理时间")] = str(exc)
            else:
                if received > self.clock.now() + dt.timedelta(minutes=10):
                    problems[N_("受理时间")] = tr("不能晚于现在")
                elif case.resolved_at is not None and received > case.resolved_at:
                    problems[N_("受理时间")] = tr(
                        "不能晚于办结时间 {at}", at=f"{case.resolved_at:%Y-%m-%d %H:%M}"
                    )
                new["received_at"] = received
        mark = contain and not case.contain_needed
        if mark and case.state not in domain.OPEN_STATES:
            problems[N_("需先行处置")] = tr("案件已是“{state}”,不能再标记先行处置", state=term(case.state))
        if problems:
            raise ValidationError(problems)
        before = {name: getattr(case, name) for name in CLASSIFICATION}
        if new == before and not mark:
            return []
        with db.atomic():
            for name, value in new.items():
                setattr(case, name, value)
            words = _classification_words(before, case)
            if mark:
                case.contain_needed = True
                case.contain_due = self.clock.now() + policy.contain_within
                words.append(f"需先行处置,期限 {case.contain_due:%Y-%m-%d %H:%M}")
            recomputed = self._recompute(case, policy, self.calendar(), reason)
            lines = ["重新定级:" + ";".join(words), *recomputed, f"原因:{reason}"]
            self._event(case, domain.EV_EDITED, "\n".join(lines), actor)
            self._touch(case)
        return lines

    def recompute_open_deadlines(self, why: str, actor: Staff | None = None) -> list[Case]:
        """After the holiday table changed: every open case's deadlines from the policy again,
        each change on its case's timeline with `why`. Returns the cases that changed."""
        policy = self.policy()
        calendar = self.calendar()
        name = actor_name(actor) if actor else current_actor()
        changed = []
        open_ids = Case.select(Case.id).where(open_condition())
        # Two queries for all cases instead of two per case (an office may have hundreds open).
        latest = pw.fn.MAX(Extension.new_due)
        extended = {
            case_id: _as_datetime(due)
            for case_id, due in tuple_rows(
                Extension.select(Extension.case, latest)
                .where(Extension.case.in_(open_ids))
                .group_by(Extension.case)
            )
        }
        reports = {r.case_id: r for r in MajorReport.select().where(MajorReport.case.in_(open_ids))}
        with db.atomic():
            for case in Case.select().where(open_condition()).order_by(Case.id):
                known = (extended.get(case.id), reports.get(case.id))
                lines = self._recompute(case, policy, calendar, why, raise_now=False, known=known)
                if lines:
                    self._event(
                        case, domain.EV_EDITED, f"{why},期限重算:" + ";".join(lines), actor, name=name
                    )
                    self._touch(case)
                    changed.append(case)
        return changed

    def _recompute(
        self,
        case: Case,
        policy: Policy,
        calendar: WorkCalendar,
        why: str,
        raise_now: bool = True,
        known: tuple[dt.datetime | None, MajorReport | None] | None = None,
    ) -> list[str]:
        """Sets the case's deadlines (and its major-complaint report) from the policy; returns
        what changed, in words. The caller saves the case. `raise_now`: a report this creates
        is due a working day from now (a re-grade), not from receipt."""
        d = policy.deadlines(case.received_at, case.kind, case.severity, calendar)
        lines = []
        resolve_due, by_owner = owner_resolve_due(
            policy, case.kind, case.severity, case.requested_date, d.resolve_due
        )
        if known is None:
            last = case.extensions.order_by(Extension.new_due.desc()).first()
            known = (last.new_due if last else None, MajorReport.get_or_none(MajorReport.case == case))
        extended, report = known
        kept = extended is not None and extended > resolve_due
        if kept and extended is not None:
            resolve_due = extended
        for field_name, label, value in (
            ("response_due", "首次回复期限", d.response_due),
            ("resolve_due", "办结期限", resolve_due),
            ("answer_due", "明确答复期限", d.answer_due),
        ):
            old = getattr(case, field_name)
            if old != value:
                setattr(case, field_name, value)
                line = f"{label} {when_text(old)} → {when_text(value)}"
                if field_name == "resolve_due" and kept:
                    line += "(保留已批准的延期)"
                elif field_name == "resolve_due" and by_owner:
                    line += "(按业主要求的时间)"
                lines.append(line)
        if d.provisional_years:
            years = "、".join(str(y) for y in d.provisional_years)
            if lines:
                lines.append(f"{years} 年节假日暂定,国务院安排录入后将再重算")
        if d.major_report_due is not None:
            if report is None or report.cancelled_at is not None:
                # Became 重大 just now: the working day runs from now (from receipt if later).
                raised = max(case.received_at, self.clock.now()) if raise_now else None
                due = policy.major_report_due(raised or case.received_at, calendar)
                if report is None:
                    MajorReport.create(case=case, due=due, content=case.account, raised_at=raised)
                    lines.append(f"须于 {when_text(due)} 前向品质部及总经理提交重大投诉报告")
                else:
                    report.cancelled_at = None
                    report.cancel_reason = ""
                    report.raised_at = raised
                    report.due = due
                    report.save()
                    lines.append(f"重大投诉报告恢复,须于 {when_text(due)} 前提交")
            elif report.submitted_at is None:
                base = max(case.received_at, report.raised_at) if report.raised_at else case.received_at
                due = policy.major_report_due(base, calendar)
                if report.due != due:
                    lines.append(f"重大投诉报告期限 {when_text(report.due)} → {when_text(due)}")
                    report.due = due
                    report.save()
        elif report is not None and report.cancelled_at is None:
            report.cancelled_at = self.clock.now()
            report.cancel_reason = f"不再是重大投诉({case.kind}·{case.severity}):{why}"
            report.save()
            kept_text = ",已提交的报告留档" if report.submitted_at else ""
            lines.append(f"重大投诉报告取消{kept_text}。原因:{why}")
        return lines


# The fields a re-grade changes, with the words the office uses for them.
CLASSIFICATION = {
    "kind": N_("性质"),
    "validity": N_("有效性"),
    "severity": N_("程度"),
    "category": N_("类别"),
    "subcategory": N_("细类"),
    "urgency": N_("紧急程度"),
    "received_at": N_("受理时间"),
}


def _as_datetime(value: object) -> dt.datetime:
    """A MAX() over a date-time column comes back as SQLite's text."""
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def _shown(value: object) -> str:
    if isinstance(value, dt.datetime):
        return when_text(value)
    return str(value) if value else "无"


def _classification_words(before: dict[str, object], case: Case) -> list[str]:
    """'程度 轻微 → 重大' for each classification field that changed."""
    return [
        f"{label} {_shown(before[name])} → {_shown(getattr(case, name))}"
        for name, label in CLASSIFICATION.items()
        if before[name] != getattr(case, name)
    ]


def open_condition() -> pw.Expression:
    return Case.state.in_(domain.OPEN_STATES)
