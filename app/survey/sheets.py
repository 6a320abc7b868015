"""The numbered sheets: the households of the sample (or blank census sheets), numbered once
the plan is approved, and how many came back against the plan's target (回收率)."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import Counter, defaultdict
from dataclasses import dataclass

import peewee as pw

from app.clock import Clock
from app.errors import UserError
from app.i18n import tr
from app.models import Case, Room, db
from app.survey.plans import SurveyPlanner
from app.survey.storage import SurveyPlan, SurveySheet
from app.survey.vocabulary import APPROVED, CENSUS, SHEET_RETURNED, SHEET_VOID, require
from app.validation import clean_text


@dataclass
class Progress:
    """回收率: sheets come back over sheets handed out (void ones left out), in per cent, against
    the plan's target. A count of paper, not a rate of `app.rates`."""

    sheets: int
    returned: int
    target: float

    @property
    def rate(self) -> float:
        return 100.0 * self.returned / self.sheets if self.sheets else 0.0

    @property
    def met(self) -> bool:
        return self.sheets > 0 and self.rate >= self.target


class SurveySampler:
    """The sample drawn and numbered as sheets; the sheets looked up; the recovery rate."""

    def __init__(self, clock: Clock, planner: SurveyPlanner) -> None:
        self.clock = clock
        self.planner = planner

    def _rooms(self, plan: SurveyPlan) -> list[Room]:
        query = Room.select().order_by(Room.building, Room.unit, Room.number)
        buildings = plan.building_list()
        if buildings:
            query = query.where(Room.building.in_(buildings))
        return list(query)

    def choose_sample(self, plan: SurveyPlan) -> list[tuple[Room, str]]:
        """The households to survey, each with why it was chosen (nobody picks by hand).

        Census: every household. Sample: first the households with most complaints in the
        last year (§4.2.2: 意见反映较多的顾客作为重点), then a random draw per building in
        proportion to its size, seeded by the plan so the same plan gives the same sample."""
        rooms = self._rooms(plan)
        if plan.kind == CENSUS:
            return [(r, "普查") for r in rooms]
        wanted = plan.sample_size or math.ceil(len(rooms) * plan.sample_rate / 100)
        wanted = min(wanted, len(rooms))
        since = dt.datetime.combine(plan.starts - dt.timedelta(days=365), dt.time())
        counts = Counter(
            c.room_id
            for c in Case.select(Case.room).where(
                Case.kind == "投诉", Case.received_at >= since, Case.room.is_null(False)
            )
        )
        by_id = {r.id: r for r in rooms}
        chosen: list[tuple[Room, str]] = []
        for room_id, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
            if len(chosen) >= min(plan.complainers, wanted):
                break
            if room_id in by_id:
                chosen.append((by_id[room_id], f"意见较多(近一年投诉 {n} 次)"))
        taken = {r.id for r, _ in chosen}
        rest = [r for r in rooms if r.id not in taken]
        left = wanted - len(chosen)
        if left > 0 and rest:
            generator = random.Random(f"survey-{plan.id}")
            groups: dict[str, list[Room]] = defaultdict(list)
            for room in rest:
                groups[room.building].append(room)
            # largest remainder: each building's share of the draw follows its size
            quotas = {b: left * len(g) / len(rest) for b, g in groups.items()}
            counts_b = {b: int(q) for b, q in quotas.items()}
            for b in sorted(quotas, key=lambda b: -(quotas[b] - counts_b[b]))[
                : left - sum(counts_b.values())
            ]:
                counts_b[b] += 1
            for b, group in sorted(groups.items()):
                for room in generator.sample(group, min(counts_b[b], len(group))):
                    chosen.append((room, "随机抽样"))
        return sorted(chosen, key=lambda x: (x[0].building, x[0].unit, x[0].number))

    def make_sheets(self, plan: SurveyPlan, blank: int = 0, building: str = "") -> list[SurveySheet]:
        """Number the sheets of an approved plan: one per household of the sample (the first
        time), or `blank` more unnamed sheets (census, spares), marked with `building` if given."""
        require("survey.plan")
        plan = self.planner.get(plan.id)
        if plan.state != APPROVED:
            raise UserError(tr("调查计划批准后才能打印调查表。请先请营运部经理批准。"))
        now = self.clock.now()
        made: list[SurveySheet] = []
        with db.atomic():
            last = (
                SurveySheet.select(pw.fn.MAX(SurveySheet.number)).where(SurveySheet.plan == plan).scalar()
                or 0
            )
            if blank <= 0:
                if (
                    SurveySheet.select()
                    .where(SurveySheet.plan == plan, SurveySheet.room.is_null(False))
                    .exists()
                ):
                    raise UserError(tr("这个调查的样本已经编号过了。要补印请选择已有的调查表,或加印空白表。"))
                sample = self.choose_sample(plan)
                if not sample:
                    raise UserError(
                        tr("没有找到要调查的住户。请先在“房号设置”里录入楼栋和房号,或改为打印空白调查表。")
                    )
                for room, why in sample:
                    last += 1
                    made.append(
                        SurveySheet.create(
                            plan=plan,
                            number=last,
                            room=room,
                            building=room.building,
                            room_label=room.label,
                            why=why,
                            printed_at=now,
                        )
                    )
            else:
                if blank > 2000:
                    raise UserError(tr("一次最多加印 2000 份空白调查表。"))
                why = "普查" if plan.kind == CENSUS else "空白表"
                for _ in range(blank):
                    last += 1
                    made.append(
                        SurveySheet.create(
                            plan=plan,
                            number=last,
                            building=clean_text(building)[:20],
                            why=why,
                            printed_at=now,
                        )
                    )
        return made

    def sheets(self, plan: SurveyPlan) -> list[SurveySheet]:
        return list(SurveySheet.select().where(SurveySheet.plan == plan).order_by(SurveySheet.number))

    def sheet(self, plan: SurveyPlan, number: int) -> SurveySheet | None:
        return SurveySheet.get_or_none(SurveySheet.plan == plan, SurveySheet.number == number)

    def progress(self, plan: SurveyPlan) -> Progress:
        """The recovery rate (回收率) against the plan's target, live."""
        base = SurveySheet.select().where(SurveySheet.plan == plan, SurveySheet.state != SHEET_VOID)
        returned = base.where(SurveySheet.state == SHEET_RETURNED).count()
        return Progress(base.count(), returned, plan.recovery_target)
