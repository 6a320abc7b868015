"""The demo's letters to the developer (helper H22): the first three developer-caused cases of
the last weeks forwarded in writing the day they came in: one answered and closed, one past its
reply date and followed up, one only sent; so the case window's 转交开发商 tab and the
dashboard's 开发商未回复 have something to show."""

from __future__ import annotations

import datetime as dt
import functools

from app import domain
from app.demo.replay import ReplayBase
from app.models import Case, Referral
from app.referrals import ReferralService

OUTCOMES = ("closed", "overdue", "sent")  # the first letter, the second, the third
DAYS_BACK = 45  # the letters are made in the last weeks, each the day its case came in
ASK = "业主反映{0},经我中心工程部现场查看,属房屋质量保修范围。请贵司安排施工单位维修,并将维修安排书面回复我中心,以便告知业主。"


def plan_referrals(replay: ReplayBase) -> None:
    """Each afternoon of the last weeks, a developer-caused case taken in that day is
    forwarded, until three are (none when no such case comes in)."""
    service = ReferralService(replay.clock, replay.cases.policies, replay.cases)
    made: list[int] = []
    for days in range(DAYS_BACK, 0, -1):
        when = (replay.now - dt.timedelta(days=days)).replace(hour=15, minute=30, second=0, microsecond=0)
        replay.at(when, functools.partial(_refer_today, replay, service, made))


def _refer_today(replay: ReplayBase, service: ReferralService, made: list[int]) -> None:
    now = replay.clock.now()
    referred = Referral.select(Referral.case)
    candidates = (
        Case.select()
        .where(
            ((Case.kind == "投诉") & (Case.validity == "二类"))
            | Case.category.in_(service.rule().categories),
            Case.received_at < now - dt.timedelta(hours=1),
            Case.received_at >= now - dt.timedelta(days=1),
            Case.state.not_in([domain.MERGED, domain.VOID, domain.CLOSED]),
            Case.id.not_in(referred),
        )
        .order_by(Case.received_at)
    )
    for case in candidates:
        if len(made) >= len(OUTCOMES):
            return
        _refer(replay, service, case, OUTCOMES[len(made)])
        made.append(case.id)


def _refer(replay: ReplayBase, service: ReferralService, case: Case, outcome: str) -> None:
    clerk = replay.crew.by_role["clerk"][0]  # not replay.clerk(): the replay's random draws stay as they were
    what = case.account.rstrip("。")[:40]
    referral = service.refer(case, ASK.format(what), actor=clerk)
    sent = replay.clock.now() + dt.timedelta(hours=1)
    replay.at(sent, functools.partial(_send, service, referral, clerk.name))
    if outcome == "closed":
        replay.at(sent + dt.timedelta(days=4), functools.partial(_reply, service, referral))
        replay.at(sent + dt.timedelta(days=12), functools.partial(_close, service, referral))
    elif outcome == "overdue":
        replay.at(
            sent + dt.timedelta(days=9, hours=-2), functools.partial(_follow, service, referral, clerk.name)
        )


def _send(service: ReferralService, referral: Referral, by: str) -> None:
    service.record_sent(referral, "送达", by=by)


def _reply(service: ReferralService, referral: Referral) -> None:
    service.record_reply(referral, "已安排施工单位一周内上门维修,维修后请物业协助验收。")


def _close(service: ReferralService, referral: Referral) -> None:
    service.close(referral, "开发商已维修完毕,物业复查合格,已告知业主。")


def _follow(service: ReferralService, referral: Referral, by: str) -> None:
    next_day = service.clock.now().date() + dt.timedelta(days=5)
    service.add_follow_up(
        referral, "电话催办开发商客服中心,答复正在安排施工单位;已向业主说明进展。", next_date=next_day, by=by
    )
