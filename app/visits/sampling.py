"""The sample (抽样): which handled cases are visited, per kind and quarter, and why.

A kind visited below 100% (报修 30% …) is sampled when each case is handled (办结), once (the
decision row is unique per case). Two promises hold together:

1. **Nobody can know before 办结 whether a case will be chosen.** Each case is drawn at random.
   Its chance is the target rate while the quarter is on target; when the quarter is behind
   it rises with how far behind it is against the slack left (`p = rate + (1 - rate) ×
   min(behind, slack + 1) / (slack + 2)`, below 1 always). The slack is one case until the last `CATCH_UP_DAYS` days of the
   quarter, none in them.
2. **The quarter's target is met by its end.** When, after the draw, the quarter would fall
   behind by more than its slack, a catch-up draw (补抽) picks one case at random among the
   quarter's handled, visitable cases not chosen (this one included): so even then this case
   is only likelier, never certain, while another candidate exists. In the last days of the
   quarter the slack is 0: after every decision the chosen are at least ⌈rate × handled⌉.
   A quarter that ended short anyway (its last case handled before its last days) is topped
   up with the same draw at the next decision of its kind (季末补抽).

Visitable: not anonymous, not 只要求书面答复, not merged or voided (those are never visited and
stay out of the count). A visit dropped by hand (`unchoose_by_hand`) that takes the quarter
below its target draws a replacement the same way, recorded as "替换 <number>,因 <reason>";
when no case is left to draw, the drop stands and the decision says the sample is short
(a visit that cannot be made is not forced; the shortfall shows on the sample tab).

Cases drawn other than the one being decided (补抽, 替换) are kept in `drawn` for the planner
to plan (`app.visits.visitors.plan_drawn`).
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

import peewee as pw

from app import domain
from app.clock import Clock
from app.models import Case, Staff, VisitDecision
from app.periods import quarter_key, quarter_span
from app.visit_policy import VisitRule

CATCH_UP_DAYS = 14  # the last days of a quarter, in which the sample never lags its target


@dataclass
class QuarterSample:
    """How a quarter's sample of one kind stands: visitable cases handled, chosen, needed."""

    quarter: str
    kind: str
    rate: float
    handled: int
    chosen: int

    @property
    def needed(self) -> int:
        return math.ceil(self.rate * self.handled - 1e-9)

    @property
    def short(self) -> int:
        """Cases missing to reach the target now (0 when on target)."""
        return max(0, self.needed - self.chosen)


def _visitable(quarter: str, kind: str) -> pw.ModelSelect[VisitDecision]:
    return (
        VisitDecision.select(VisitDecision, Case)
        .join(Case)
        .where(
            VisitDecision.quarter == quarter,
            VisitDecision.kind == kind,
            Case.anonymous == False,  # noqa: E712
            Case.written_reply_only == False,  # noqa: E712
            Case.state.not_in([domain.MERGED, domain.VOID]),
        )
    )


class VisitSampler:
    def __init__(self, clock: Clock, seed: int | None = None) -> None:
        self.clock = clock
        self.random = random.Random(seed)
        self.drawn: list[Case] = []  # chosen by a catch-up or replacement draw, to be planned

    def take_drawn(self) -> list[Case]:
        """The cases drawn besides the one decided (补抽, 替换), handed over once."""
        out, self.drawn = self.drawn, []
        return out

    def standing(self, quarter: str, kind: str, rate: float) -> QuarterSample:
        """The quarter's visitable cases of `kind` decided so far and those chosen."""
        rows = _visitable(quarter, kind)
        chosen = rows.where(VisitDecision.selected == True).count()  # noqa: E712
        return QuarterSample(quarter, kind, rate, rows.count(), chosen)

    def decide(self, case: Case, rule: VisitRule) -> VisitDecision:
        """Decide once whether a just-handled case is visited; the decision is kept."""
        existing = VisitDecision.get_or_none(VisitDecision.case == case)
        if existing is not None:
            return existing
        assert case.resolved_at is not None
        quarter = quarter_key(case.resolved_at)
        now = self.clock.now()

        def decide(selected: bool, reason: str) -> VisitDecision:
            return VisitDecision.create(
                case=case,
                kind=case.kind,
                quarter=quarter,
                selected=selected,
                reason=reason[:200],
                decided_at=now,
                decided_by="系统",
            )

        if case.anonymous:
            return decide(False, "匿名案件不回访,处理情况附于案件")
        if case.written_reply_only:
            return decide(False, "业主只要求书面答复,不回访,复函附于案件")
        if rule.rate >= 1:
            return decide(True, f"{case.kind}回访率100%,全部回访")
        if rule.rate <= 0:
            return decide(False, f"{case.kind}回访率0%,由计划人员按需手工加入")
        self._top_up_ended(case.kind, quarter, rule.rate)
        before = self.standing(quarter, case.kind, rule.rate)
        handled, chosen = before.handled + 1, before.chosen
        needed = math.ceil(rule.rate * handled - 1e-9)
        slack = self.slack(case.resolved_at, quarter)
        behind = needed - chosen
        chance = (
            rule.rate if behind <= 0 else rule.rate + (1 - rule.rate) * min(behind, slack + 1) / (slack + 2)
        )
        pct = f"{rule.rate:.0%}"
        head = f"{quarter} {case.kind}第{handled}件(已抽{chosen}件,目标{pct}须{needed}件)"
        if self.random.random() < chance:
            return decide(True, f"{head}:按{chance:.0%}的机会随机抽中")
        decision = decide(False, f"{head}:按{chance:.0%}的机会随机未抽中")
        if chosen < needed - slack:
            self._catch_up(quarter, case.kind, rule.rate, "补抽", decision)
            decision = VisitDecision.get_by_id(decision.id)
        return decision

    def slack(self, resolved_at: dt.datetime, quarter: str) -> int:
        """Cases the sample may lag its target: 1 until the quarter's last CATCH_UP_DAYS days."""
        _start, next_start = quarter_span(quarter)
        return 0 if (next_start - resolved_at.date()).days <= CATCH_UP_DAYS else 1

    def candidates(self, quarter: str, kind: str) -> list[VisitDecision]:
        """The quarter's handled, visitable cases not chosen and not dropped by hand, in the
        order they were handled: what a catch-up or a replacement is drawn among."""
        rows = _visitable(quarter, kind).where(
            VisitDecision.selected == False,  # noqa: E712
            VisitDecision.by_hand == False,  # noqa: E712
        )
        return list(rows.order_by(Case.resolved_at, Case.id))

    def _draw(self, quarter: str, kind: str) -> VisitDecision | None:
        pool = self.candidates(quarter, kind)
        return self.random.choice(pool) if pool else None

    def _catch_up(
        self, quarter: str, kind: str, rate: float, word: str, current: VisitDecision | None
    ) -> VisitDecision | None:
        """One case drawn among the candidates to keep the quarter on target."""
        picked = self._draw(quarter, kind)
        if picked is None:
            return None
        standing = self.standing(quarter, kind, rate)
        picked.selected = True
        picked.reason = (
            f"{word}:{quarter} {kind}已抽{standing.chosen}件,目标{rate:.0%}须{standing.needed}件,"
            f"从未抽中的{len(self.candidates(quarter, kind))}件中随机抽中"
        )[:200]
        picked.decided_at = self.clock.now()
        picked.save()
        if current is None or picked.id != current.id:
            self.drawn.append(Case.get_by_id(picked.case_id))
        return picked

    def _top_up_ended(self, kind: str, quarter: str, rate: float) -> None:
        """The quarter before `quarter`, when it ended short of its target: 季末补抽."""
        start, _ = quarter_span(quarter)
        previous = quarter_key(start - dt.timedelta(days=1))
        standing = self.standing(previous, kind, rate)
        for _ in range(standing.short):
            if self._catch_up(previous, kind, rate, "季末补抽", None) is None:
                break

    def choose_by_hand(self, case: Case, actor: Staff, reason: str) -> None:
        """The planner adds a case the sample left out: the decision says who and why.
        Runs inside the caller's transaction."""
        decision = VisitDecision.get_or_none(VisitDecision.case == case)
        text = f"{actor.name}手工加入:{reason}"
        if decision is None:
            assert case.resolved_at is not None
            VisitDecision.create(
                case=case,
                kind=case.kind,
                quarter=quarter_key(case.resolved_at),
                selected=True,
                reason=text[:200],
                by_hand=True,
                decided_by=actor.name,
                decided_at=self.clock.now(),
            )
            return
        decision.selected, decision.reason, decision.by_hand = True, text[:200], True
        decision.decided_by, decision.decided_at = actor.name, self.clock.now()
        decision.save()

    def unchoose_by_hand(self, case: Case, actor: Staff, reason: str, rate: float | None = None) -> None:
        """A first visit dropped by hand: the decision says who dropped it and why. With the
        kind's target `rate`, a drop that takes the quarter below it draws a replacement
        (替换 <number>,因 <reason>) into `drawn`; none left to draw: the decision says the
        sample is short. Runs inside the caller's transaction."""
        decision = VisitDecision.get_or_none(VisitDecision.case == case)
        if decision is None:
            return
        decision.selected, decision.by_hand = False, True
        decision.reason = f"{actor.name}手工取消:{reason}"[:200]
        decision.decided_by, decision.decided_at = actor.name, self.clock.now()
        decision.save()
        if rate is None or not 0 < rate < 1 or case.anonymous or case.written_reply_only:
            return
        standing = self.standing(decision.quarter, decision.kind, rate)
        if not standing.short:
            return
        picked = self._draw(decision.quarter, decision.kind)
        if picked is None:
            decision.reason = f"{decision.reason};无可替换案件,本季度抽样不足{standing.short}件"[:200]
            decision.save()
            return
        picked.selected = True
        picked.replaces = case.number
        picked.reason = f"替换 {case.number},因 {reason}(随机抽取,{actor.name}取消后)"[:200]
        picked.decided_by, picked.decided_at = "系统", self.clock.now()
        picked.save()
        self.drawn.append(Case.get_by_id(picked.case_id))

    def decision(self, case: Case) -> VisitDecision | None:
        return VisitDecision.get_or_none(VisitDecision.case == case)

    def decisions(self, quarter: str, kind: str) -> list[VisitDecision]:
        """The sample of one quarter and kind, in the order the cases were handled (case and
        its room read with it)."""
        return list(
            VisitDecision.select(VisitDecision, Case)
            .join(Case)
            .where(VisitDecision.quarter == quarter, VisitDecision.kind == kind)
            .order_by(Case.resolved_at, Case.id)
        )
