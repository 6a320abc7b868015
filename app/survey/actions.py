"""Corrective actions (纠正措施) for the subjects in the 修补区 of the 四分图, each followed to
its end."""

from __future__ import annotations

import datetime as dt

from app.clock import Clock
from app.errors import ValidationError
from app.i18n import N_, tr
from app.models import db
from app.survey.results import ZONE_FIX, SurveyResults
from app.survey.storage import SurveyAction, SurveyPlan
from app.survey.vocabulary import ACTION_DONE, ACTION_OPEN, require


class SurveyActions:
    """The actions made from a plan's results, listed, and finished with what was done."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def open_actions(self) -> list[SurveyAction]:
        return list(SurveyAction.select().where(SurveyAction.state == ACTION_OPEN).order_by(SurveyAction.due))

    def actions(self, plan: SurveyPlan) -> list[SurveyAction]:
        """The plan's corrective actions, in the order they were made (for its report)."""
        return list(SurveyAction.select().where(SurveyAction.plan == plan).order_by(SurveyAction.id))

    def make_actions(self, plan: SurveyPlan, results: SurveyResults) -> list[SurveyAction]:
        """Corrective actions for the subjects in the 修补区 (once per subject and plan)."""
        require("survey.report")
        made = []
        due = self.clock.now().date() + dt.timedelta(days=30)
        with db.atomic():
            for q in results.quadrant:
                if q.zone != ZONE_FIX:
                    continue
                if SurveyAction.get_or_none(SurveyAction.plan == plan, SurveyAction.subject == q.key):
                    continue
                made.append(
                    SurveyAction.create(
                        plan=plan,
                        subject=q.key,
                        title=q.title[:40],
                        measure=f"“{q.title}”重要但满意度偏低(平均 {q.satisfaction:.2f} 分),请责任部门制定纠正措施。",
                        due=due,
                    )
                )
        return made

    def finish_action(self, action: SurveyAction, result: str) -> None:
        require("survey.report")
        action = SurveyAction.get_by_id(action.id)
        if not result.strip():
            raise ValidationError({N_("完成情况"): tr("请写明做了什么、效果如何")})
        action.result = result.strip()
        action.state = ACTION_DONE
        action.done_at = self.clock.now()
        with db.atomic():
            action.save()
