"""Answers kept per sheet and question: typed in from an interview or a page read by hand,
and the clerk's decisions on the rows the reader doubted (and the open answers to type)."""

from __future__ import annotations

from app.clock import Clock
from app.errors import UserError, ValidationError
from app.i18n import tr
from app.models import current_actor, db
from app.survey.storage import SurveyAnswer, SurveyPlan, SurveySheet, plan_questions
from app.survey.vocabulary import (
    ANSWER_CHECKED,
    ANSWER_REVIEW,
    ANSWER_TO_TYPE,
    ANSWER_TYPED,
    APPROVED,
    BY_INTERVIEW,
    SHEET_RETURNED,
    require,
)


class SurveyRecorder:
    """One answer stored (kept or overwritten), a sheet marked returned, answers entered and
    decided."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def store(
        self,
        sheet: SurveySheet,
        question: str,
        value: str,
        state: str,
        reason: str = "",
        image: bytes | None = None,
        page: int = 1,
        overwrite: bool = True,
    ) -> None:
        now = self.clock.now()
        existing = SurveyAnswer.get_or_none(SurveyAnswer.sheet == sheet, SurveyAnswer.question == question)
        if existing is not None:
            if not overwrite:
                return
            existing.value, existing.state, existing.reason = value, state, reason
            existing.image, existing.page, existing.updated_at = image, page, now
            existing.decided_by = current_actor() if state in (ANSWER_CHECKED, ANSWER_TYPED) else ""
            existing.save()
            return
        SurveyAnswer.create(
            sheet=sheet,
            question=question,
            value=value,
            state=state,
            reason=reason,
            image=image,
            page=page,
            updated_at=now,
            decided_by=current_actor() if state in (ANSWER_CHECKED, ANSWER_TYPED) else "",
        )

    def returned(self, sheet: SurveySheet, method: str) -> None:
        if sheet.state != SHEET_RETURNED:
            sheet.state = SHEET_RETURNED
            sheet.returned_at = self.clock.now()
            sheet.method = method
            sheet.entered_by = current_actor()
            sheet.save()

    def questions(self, plan: SurveyPlan) -> list[tuple[str, str, list[str], bool]]:
        return plan_questions(plan)

    def enter_answers(self, sheet: SurveySheet, values: dict[str, str], method: str = BY_INTERVIEW) -> None:
        """Answers typed in (an interview, or a page that could not be read): box indexes from 0
        as text ("" for no answer; "0,2" where several are allowed), open answers as text."""
        require("survey.scan")
        sheet = SurveySheet.get_by_id(sheet.id)
        plan = sheet.plan
        if plan.state != APPROVED:
            raise UserError(tr("只有进行中的调查才能录入答卷。"))
        known = {k: (opts, multi) for k, _, opts, multi in self.questions(plan)}
        opens = {o.key for o in plan.form().open}
        problems: dict[str, str] = {}
        for key, raw in values.items():
            if key in opens:
                continue
            if key not in known:
                problems[key] = tr("不是这份调查表上的问题")
                continue
            options, multiple = known[key]
            parts = [p for p in str(raw).split(",") if p.strip() != ""]
            if not multiple and len(parts) > 1:
                problems[key] = tr("这一项只能选一个")
            if any(not p.strip().isdigit() or not 0 <= int(p) < len(options) for p in parts):
                problems[key] = tr("选项要在 1 到 {count} 之间", count=len(options))
        if problems:
            raise ValidationError(problems)
        with db.atomic():
            for key, raw in values.items():
                text = (
                    str(raw).strip()
                    if key in opens
                    else ",".join(p.strip() for p in str(raw).split(",") if p.strip())
                )
                self.store(sheet, key, text, ANSWER_TYPED)
            self.returned(sheet, method)

    def review_queue(self, plan: SurveyPlan) -> list[SurveyAnswer]:
        """Rows the clerk must decide and open answers to type, sheet by sheet."""
        return list(
            SurveyAnswer.select()
            .join(SurveySheet)
            .where(SurveySheet.plan == plan, SurveyAnswer.state.in_([ANSWER_REVIEW, ANSWER_TO_TYPE]))
            .order_by(SurveySheet.number, SurveyAnswer.page, SurveyAnswer.id)
        )

    def decide(self, answer: SurveyAnswer, value: str) -> None:
        """The clerk's decision on a doubtful row ("" no answer), or the typed open answer."""
        require("survey.scan")
        answer = SurveyAnswer.get_by_id(answer.id)
        plan = answer.sheet.plan
        opens = {o.key for o in plan.form().open}
        if answer.question in opens:
            with db.atomic():
                self.store(
                    answer.sheet,
                    answer.question,
                    value.strip(),
                    ANSWER_TYPED,
                    image=answer.image,
                    page=answer.page,
                )
            return
        known = {k: (opts, multi) for k, _, opts, multi in self.questions(plan)}
        options, multiple = known[answer.question]
        parts = [p for p in value.split(",") if p.strip()]
        if (not multiple and len(parts) > 1) or any(
            not p.strip().isdigit() or not 0 <= int(p) < len(options) for p in parts
        ):
            raise UserError(tr("请选择 1 到 {count} 之间的一项,或“未答”。", count=len(options)))
        with db.atomic():
            self.store(
                answer.sheet,
                answer.question,
                ",".join(p.strip() for p in parts),
                ANSWER_CHECKED,
                reason=answer.reason,
                image=answer.image,
                page=answer.page,
            )
