"""The survey page asks the service for a plan's corrective actions (`SurveyService.actions`),
as the command line does, never the model (no Qt here)."""

from __future__ import annotations

import datetime as dt

from app import survey
from app.permissions import acting


def test_a_plan_s_actions_and_no_other_s_in_the_order_made(office, admin):
    with acting(admin):
        service = survey.SurveyService(office.clock)
        plans = [
            service.create_plan(
                survey.PlanInput(
                    title=f"2026年第{n}次顾客满意度调查",
                    starts=dt.date(2026, 10, 1),
                    ends=dt.date(2026, 10, 15),
                    sample_rate=20,
                    leader="李组长",
                    members="王、张",
                    recovery_target=80,
                )
            )
            for n in (1, 2)
        ]
        made = [
            survey.SurveyAction.create(plan=plan, subject=subject, title=subject)
            for plan, subject in ((plans[0], "保洁"), (plans[1], "绿化"), (plans[0], "安保"))
        ]
        assert service.actions(plans[0]) == [made[0], made[2]]
        assert service.actions(plans[1]) == [made[1]]
