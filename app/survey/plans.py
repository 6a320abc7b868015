"""The plan (调查计划, §4.1.2) and its approval: drawn up and changed as a draft, approved by
the 营运部经理 role (§4.1.1, §4.3.3), which freezes its questionnaire, then closed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.clock import Clock
from app.errors import UserError, ValidationError
from app.i18n import N_, term, tr
from app.models import current_actor, db
from app.survey.questionnaire import Questionnaire, default_questionnaire
from app.survey.storage import SurveyPlan
from app.survey.vocabulary import APPROVED, CLOSED, DRAFT, KINDS, METHODS, SAMPLE, require
from app.validation import clean_text


@dataclass
class PlanInput:
    title: str
    kind: str = SAMPLE
    method: str = METHODS[0]
    starts: dt.date | None = None
    ends: dt.date | None = None
    departments: str = ""
    buildings: str = ""
    sample_rate: float = 0.0
    sample_size: int = 0
    complainers: int = 0
    leader: str = ""
    members: str = ""
    recovery_target: float = 80.0
    notes: str = ""
    notice: str = ""
    importance: bool = False
    previous_id: int | None = None


DEFAULT_NOTICE = (
    "为了解您对我们物业服务的意见,改进工作,我们开展本次顾客满意度调查。请在 {ends} 前填好本表,"
    "投入物业服务中心的调查意见箱,或交给上门的工作人员。本表不记名,您的意见只用于改进服务。"
)
HOW_TO_MARK = "填写方法:在选中的方框内打 √ 或 ×;改选时把原来选的方框整个涂黑,再在新的方框内打 √。每行只选一项(注明可多选的除外)。请勿折叠二维码和四角的黑块。"


class SurveyPlanner:
    """Plans: checked, created, changed while a draft, approved, closed, looked up."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def check(self, inp: PlanInput) -> dict[str, Any]:
        problems: dict[str, str] = {}
        title = clean_text(inp.title or "")
        if not title:
            problems[N_("调查名称")] = tr("请填写调查名称,例如“2026年年中顾客满意度调查”")
        elif len(title) > 60:
            problems[N_("调查名称")] = tr("调查名称最多 60 个字")
        if inp.kind not in KINDS:
            problems[N_("调查方式")] = tr("请选择抽样调查或全面普查")
        if inp.method not in METHODS:
            problems[N_("调查方法")] = tr("请选择问卷调查或上门访谈")
        today = self.clock.now().date()
        starts = inp.starts or today
        ends = inp.ends or starts + dt.timedelta(days=14)
        if ends < starts:
            problems[N_("调查时间")] = tr("结束日期不能早于开始日期")
        if inp.kind == SAMPLE and inp.sample_size <= 0 and not 0 < inp.sample_rate <= 100:
            problems[N_("样本")] = tr("抽样调查请填写抽样户数,或 1 到 100 之间的抽样比例(%)")
        if inp.sample_size < 0 or inp.complainers < 0:
            problems[N_("样本")] = tr("户数不能是负数")
        if not 0 < inp.recovery_target <= 100:
            problems[N_("回收率目标")] = tr("回收率目标要在 1 到 100(%)之间")
        notice = (inp.notice or "").strip()
        if len(notice) > 220:
            problems[N_("告知内容")] = tr(
                "印在调查表上的告知最多 220 个字(现在 {length} 个),请精简", length=len(notice)
            )
        previous = None
        if inp.previous_id is not None:
            previous = SurveyPlan.get_or_none(SurveyPlan.id == inp.previous_id)
            if previous is None:
                problems[N_("上次调查")] = tr("找不到选中的上次调查")
        if problems:
            raise ValidationError(problems)
        return dict(
            title=title,
            kind=inp.kind,
            method=inp.method,
            starts=starts,
            ends=ends,
            departments=clean_text(inp.departments or "")[:200],
            buildings=clean_text(inp.buildings or "")[:300],
            sample_rate=float(inp.sample_rate) if inp.kind == SAMPLE else 100.0,
            sample_size=int(inp.sample_size) if inp.kind == SAMPLE else 0,
            complainers=int(inp.complainers) if inp.kind == SAMPLE else 0,
            leader=clean_text(inp.leader or "")[:40],
            members=clean_text(inp.members or "")[:200],
            recovery_target=float(inp.recovery_target),
            notes=(inp.notes or "").strip(),
            notice=notice or DEFAULT_NOTICE.format(ends=f"{ends.month}月{ends.day}日"),
            previous=previous,
        )

    def create_plan(self, inp: PlanInput, questionnaire: Questionnaire | None = None) -> SurveyPlan:
        require("survey.plan")
        values = self.check(inp)
        form = questionnaire or default_questionnaire(inp.importance)
        form.importance = inp.importance or form.importance
        form.check()
        with db.atomic():
            return SurveyPlan.create(
                **values,
                questionnaire=form.to_json(),
                state=DRAFT,
                created_at=self.clock.now(),
                created_by=current_actor(),
            )

    def update_plan(self, plan: SurveyPlan, inp: PlanInput) -> SurveyPlan:
        require("survey.plan")
        plan = self.get(plan.id)
        values = self.check(inp)
        if plan.state != DRAFT:
            raise UserError(tr("调查计划已批准,不能再修改。如需调整,请新建一个调查计划。"))
        form = plan.form()
        if form.importance != inp.importance:
            form.importance = inp.importance
            plan.questionnaire = form.to_json()
        for name, value in values.items():
            setattr(plan, name, value)
        with db.atomic():
            plan.save()
        return plan

    def set_questionnaire(self, plan: SurveyPlan, form: Questionnaire) -> None:
        require("survey.plan")
        plan = self.get(plan.id)
        if plan.state != DRAFT:
            raise UserError(tr("调查已批准运行,调查表已冻结不能修改。如需另一份调查表,请新建调查计划。"))
        form.check()
        plan.questionnaire = form.to_json()
        with db.atomic():
            plan.save()

    def approve(self, plan: SurveyPlan) -> SurveyPlan:
        """营运部经理 approves the plan and its questionnaire (§4.1.1, §4.3.3): it runs from now."""
        require("survey.approve")
        plan = self.get(plan.id)
        if plan.state != DRAFT:
            raise UserError(tr("这个调查计划{state},不需要再批准。", state=term(plan.state)))
        plan.form().check()
        plan.state = APPROVED
        plan.approved_at = self.clock.now()
        plan.approved_by = current_actor()
        with db.atomic():
            plan.save()
        return plan

    def close(self, plan: SurveyPlan) -> None:
        """The survey is over (结束): no more sheets or answers; the report stays."""
        require("survey.approve")
        plan = self.get(plan.id)
        if plan.state != APPROVED:
            raise UserError(tr("只有进行中的调查才能结束。"))
        plan.state = CLOSED
        plan.closed_at = self.clock.now()
        with db.atomic():
            plan.save()

    def get(self, plan_id: int) -> SurveyPlan:
        plan = SurveyPlan.get_or_none(SurveyPlan.id == plan_id)
        if plan is None:
            raise UserError(tr("找不到编号为 {id} 的调查计划。", id=plan_id))
        return plan

    def plans(self) -> list[SurveyPlan]:
        return list(SurveyPlan.select().order_by(SurveyPlan.starts.desc(), SurveyPlan.id.desc()))
