"""What the office writes back after visits: the open letter (公开信) that answers many owners
on one matter and closes their visits, the rework notice (返工通知) delivered to the
department, and the answers to questions a visitor promised (待答复问题)."""

from __future__ import annotations

import peewee as pw

from app import domain
from app.cases import CaseService, actor_name
from app.clock import Clock
from app.errors import ValidationError
from app.i18n import N_, tr
from app.models import Case, Department, OpenLetter, ReworkNotice, Room, Staff, Visit, VisitTask, db
from app.permissions import require
from app.validation import clean_text
from app.visits.rules import require_open


class VisitLetters:
    def __init__(self, clock: Clock, cases: CaseService) -> None:
        self.clock = clock
        self.cases = cases

    def open_letter(
        self, title: str, body: str, visits: list[Visit], actor: Staff | None = None
    ) -> OpenLetter:
        """公开信: one answer to many owners on one matter; closes their visits, kept with each."""
        require(actor, "visit.plan")
        problems = {}
        title, body = clean_text(title), clean_text(body)
        if not title:
            problems[N_("标题")] = tr("必须填写")
        if not body:
            problems[N_("正文")] = tr("必须填写")
        if not visits:
            problems[N_("回访")] = tr("请选择要以公开信答复的回访")
        if problems:
            raise ValidationError(problems)
        for visit in visits:
            require_open(visit.state)
        with db.atomic():
            letter = OpenLetter.create(
                title=title[:100], body=body, issued_at=self.clock.now(), issued_by=actor_name(actor)
            )
            for visit in visits:
                visit.state = domain.VISIT_DONE
                visit.method = "其他"
                visit.letter = letter
                visit.done_at = self.clock.now()
                visit.findings = f"以公开信《{letter.title}》答复"
                visit.updated_at = self.clock.now()
                visit.save()
                if visit.case is not None:
                    self.cases.log(visit.case, domain.EV_VISIT, f"以公开信《{letter.title}》答复", actor)
        return letter

    def deliver_notice(self, notice: ReworkNotice, to: str) -> None:
        require(None, "case.dispatch")  # the rework notice goes to the department like a work slip
        to = clean_text(to)
        if not to:
            raise ValidationError({N_("接收人"): tr("必须填写")})
        notice.delivered_at = self.clock.now()
        notice.delivered_to = to[:40]
        notice.save()

    def answer_task(self, task: VisitTask, answer: str) -> None:
        require(None, "case.note")
        answer = clean_text(answer)
        if not answer:
            raise ValidationError({N_("答复"): tr("必须填写")})
        task.answer, task.answered_at = answer, self.clock.now()
        task.save()

    def pending_notices(self) -> list[ReworkNotice]:
        """Notices not yet delivered, the most urgent first, with their case and department."""
        return list(
            ReworkNotice.select(ReworkNotice, Case, Department)
            .join(Case, on=(ReworkNotice.case == Case.id))
            .switch(ReworkNotice)
            .join(Department, pw.JOIN.LEFT_OUTER, on=(ReworkNotice.department == Department.id))
            .where(ReworkNotice.delivered_at.is_null())
            .order_by(ReworkNotice.due, ReworkNotice.id)
        )

    def open_tasks(self) -> list[VisitTask]:
        """Questions not yet answered, the earliest promised first, with their visit, the
        visit's case (when it has one) and room."""
        return list(
            VisitTask.select(VisitTask, Visit, Case, Room)
            .join(Visit, on=(VisitTask.visit == Visit.id))
            .join(Case, pw.JOIN.LEFT_OUTER, on=(Visit.case == Case.id))
            .switch(Visit)
            .join(Room, pw.JOIN.LEFT_OUTER, on=(Visit.room == Room.id))
            .where(VisitTask.answered_at.is_null())
            .order_by(VisitTask.promised, VisitTask.id)
        )
