"""The sample (抽样): which handled cases are visited, per kind and quarter, and why.

Each handled case is chosen at random with the target rate's chance; when the chosen so far
fall below the target (rounded up), the case is chosen to keep it. So the rate is never below
target, nobody can tell in advance which case will be visited, and a case is decided once
(the decision row is unique per case). The planner may add or drop a case by hand, with its
name and reason.
"""

from __future__ import annotations

import math
import random

from app.clock import Clock
from app.models import Case, Staff, VisitDecision
from app.periods import quarter_key
from app.visit_policy import VisitRule


class VisitSampler:
    def __init__(self, clock: Clock, seed: int | None = None) -> None:
        self.clock = clock
        self.random = random.Random(seed)

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
                reason=reason,
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
        same = VisitDecision.select().where(VisitDecision.kind == case.kind, VisitDecision.quarter == quarter)
        handled = same.count() + 1
        chosen = same.where(VisitDecision.selected == True).count()  # noqa: E712
        needed = math.ceil(rule.rate * handled - 1e-9)
        pct = f"{rule.rate:.0%}"
        if chosen < needed:
            return decide(
                True,
                f"{quarter} {case.kind}第{handled}件,已抽{chosen}件,目标{pct}须至少{needed}件:抽中",
            )
        if self.random.random() < rule.rate:
            return decide(True, f"{quarter} {case.kind}第{handled}件,按{pct}随机抽中(已抽{chosen}件,已达标)")
        return decide(False, f"{quarter} {case.kind}第{handled}件,已抽{chosen}件,达到目标{pct},本件未抽中")

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

    def unchoose_by_hand(self, case: Case, actor: Staff, reason: str) -> None:
        """A first visit dropped by hand: the decision says who dropped it and why."""
        decision = VisitDecision.get_or_none(VisitDecision.case == case)
        if decision is None:
            return
        decision.selected, decision.by_hand = False, True
        decision.reason = f"{actor.name}手工取消:{reason}"[:200]
        decision.decided_by, decision.decided_at = actor.name, self.clock.now()
        decision.save()

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
