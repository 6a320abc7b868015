"""演示数据: two years of a realistic estate, filled through the services.

`fill_demo` builds an estate (楼栋、单元、房号, owners, tenants and shops), the office's staff,
and then replays two years of the office's work day by day on a moving `FixedClock`: calls
come in, the clerk records them, dispatches them, the department signs for them, notes its
progress, asks for extensions, resolves them; the night shift logs calls that the morning
clerk turns into cases; duplicates are merged; major complaints get their reports; handled
cases are visited and closed. Every step goes through `CaseService` and `NightLogService`,
so the data obeys the same rules as data typed in by hand. Everything follows from the
seed, so the same seed gives the same office.

The visits go through `VisitService` and `FormLedger` the same way: the service's resolve
listener samples each handled case and plans its visit at that moment (the 抽样 tab explains
every case); visitors call (sometimes more than once, a few never get through or are
refused) or go on site with a numbered form signed out before and returned after, the owner
signing on the pad (on the paper form before the pad came, `PAD_DAYS`); unsatisfied owners
bring a rework notice and a second visit; the director reviews, adds and drops visits by
hand and marks the quarter's typical cases; one open letter answers several owners about
the flooded garage. The last days leave visits open: due today, overdue, a form out too long.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence

from app import domain
from app.case_query import CaseFilter, CaseQuery
from app.demo.calls import CallSteps
from app.demo.crew import DEMO_ADMIN, DEMO_ADMIN_PASSWORD, DEMO_OFFICE_NAME, DEMO_PASSWORD, Crew, build_crew
from app.demo.estate import SHOP_BUILDING, build_estate
from app.demo.finale import FinaleSteps
from app.demo.handling import HandlingSteps
from app.demo.paperwork import Papers, PaperworkSteps
from app.demo.people import People
from app.demo.referral_demo import plan_referrals
from app.demo.visiting import VisitSteps
from app.errors import UserError
from app.forms import FORM_STATES
from app.models import (
    Case,
    Dispatch,
    Extension,
    FormSheet,
    MajorReport,
    NightLogEntry,
    OpenLetter,
    Owner,
    ReworkNotice,
    Room,
    Signature,
    Staff,
    Visit,
    VisitAttempt,
    VisitDecision,
    VisitReview,
    acting_as,
    db,
)
from app.office import Office


class Replay(CallSteps, HandlingSteps, VisitSteps, PaperworkSteps, FinaleSteps):
    """The whole replay: calls, handling, visits, paperwork and the last days, one scheduler."""


# The entry point ---------------------------------------------------------------------------------
def has_data() -> str:
    """What the data folder already holds, in words, or '' when it is empty enough for the demo."""
    parts = []
    for model, label in (
        (Case, "件案件"),
        (Room, "个房号"),
        (Owner, "位住户"),
        (NightLogEntry, "条值班记录"),
    ):
        count = model.select().count()
        if count:
            parts.append(f"{count} {label}")
    return "、".join(parts)


def fill_demo(
    office: Office,
    seed: int = 2026,
    years: int = 2,
    scale: float = 1.0,
    progress: Callable[[str], None] | None = None,
    papers: Papers | None = None,
) -> str:
    """Fill an empty data folder with `years` of demo data ending at the office clock's now.

    `papers` makes the PDFs of the month's summary and notice (reports/monthly_papers.py);
    without it the replay leaves those two monthly duties undone.

    `scale` shrinks the estate and the number of calls (tests use a small one). Refuses a
    folder that already holds cases, rooms or owners, so running it twice changes nothing.
    """
    started = time.perf_counter()
    if years < 1 or years > 5:
        raise UserError("演示数据年数应为 1 至 5 年")
    if not 0.05 <= scale <= 3:
        raise UserError("演示数据规模应在 0.05 至 3 之间")
    existing = has_data()
    if existing:
        raise UserError(
            f"数据文件夹 {office.data_dir} 里已有数据({existing}),不能再填入演示数据。"
            "演示数据只能填入新的空文件夹,例如:python -m huiyin --data-dir 新文件夹 demo"
        )
    created_admin = False
    if not office.is_initialised():
        office.initialise(DEMO_OFFICE_NAME, DEMO_ADMIN, DEMO_ADMIN_PASSWORD, "系统管理员")
        created_admin = True
    now = office.clock.now().replace(second=0, microsecond=0)
    start = now - dt.timedelta(days=round(365.25 * years))
    rng = random.Random(seed)
    people = People(rng)
    # One transaction: a demo that fails half-way leaves the folder as it was, ready to retry.
    say = progress or (lambda _text: None)
    with db.atomic(), acting_as("演示数据"):
        say("正在建立小区、住户和员工…")
        estate = build_estate(rng, people, scale, now)
        crew = build_crew(office, rng, people, estate)
        say(f"正在演出 {years} 年的来电、处理、回访和表单(约需一两分钟)…")
        replay = Replay(office, rng, estate, crew, now)
        replay.plan_arrivals(start, scale)
        replay.plan_major_history(start)
        replay.plan_finale()
        plan_referrals(replay)  # 工作联系函 to the developer (H22)
        replay.plan_letter()
        replay.plan_paperwork(start)
        if papers is not None:  # the month's summary and notice need their PDFs made
            replay.plan_monthly(start, papers)
        replay.run(start, progress)
        office.set_setting(
            "demo", {"seed": seed, "years": years, "scale": scale, "filled_at": f"{now:%Y-%m-%d %H:%M}"}
        )
    counts = demo_counts(office)
    return summary(office, counts, crew, created_admin, time.perf_counter() - started)


def demo_counts(office: Office) -> dict[str, object]:
    """What the data folder holds, counted; the summary and the tests read it."""
    query = CaseQuery(office.clock)
    counts: dict[str, object] = {
        "rooms": Room.select().count(),
        "shops": Room.select().where(Room.building == SHOP_BUILDING).count(),
        "buildings": Room.select(Room.building).where(Room.building != SHOP_BUILDING).distinct().count(),
        "occupants": dict(Counter(o.occupant_type for o in Owner.select(Owner.occupant_type))),
        "staff": dict(Counter(s.role for s in Staff.select(Staff.role))),
        "cases": Case.select().count(),
        "states": dict(Counter(c.state for c in Case.select(Case.state))),
        "kinds": dict(Counter(c.kind for c in Case.select(Case.kind))),
        "severities": dict(Counter(c.severity for c in Case.select(Case.severity))),
        "channels": dict(Counter(c.channel for c in Case.select(Case.channel))),
        "anonymous": Case.select().where(Case.anonymous == True).count(),  # noqa: E712
        "overdue": query.count(CaseFilter(overdue=True)),
        "due_today": query.count(CaseFilter(due_today=True)),
        "dispatches": Dispatch.select().count(),
        "extensions": Extension.select().count(),
        "major_reports": MajorReport.select().count(),
        "major_submitted": MajorReport.select().where(MajorReport.submitted_at.is_null(False)).count(),
        "visits": dict(Counter(v.state for v in Visit.select(Visit.state))),
        "satisfaction": dict(
            Counter(v.satisfaction for v in Visit.select(Visit.satisfaction) if v.satisfaction)
        ),
        "decisions": VisitDecision.select().count(),
        "selected": VisitDecision.select().where(VisitDecision.selected == True).count(),  # noqa: E712
        "by_hand": VisitDecision.select()
        .where(VisitDecision.by_hand == True, VisitDecision.selected == True)  # noqa: E712
        .count(),
        "dropped": VisitDecision.select()
        .where(VisitDecision.by_hand == True, VisitDecision.selected == False)  # noqa: E712
        .count(),
        "attempts": VisitAttempt.select().count(),
        "rework_notices": ReworkNotice.select().count(),
        "letters": OpenLetter.select().count(),
        "signatures": Signature.select().count(),
        "forms": dict(Counter(f.state for f in FormSheet.select(FormSheet.state))),
        "forms_out_too_long": len(office.forms.out_too_long()),
        "reviews": dict(Counter(r.level for r in VisitReview.select(VisitReview.level))),
        "typical": Case.select().where(Case.typical == True).count(),  # noqa: E712
        "nightlog": NightLogEntry.select().count(),
        "nightlog_pending": NightLogEntry.select().where(NightLogEntry.case.is_null()).count(),
    }
    return counts


def _join(counter: object, order: Sequence[str] | None = None) -> str:
    assert isinstance(counter, dict)
    keys = [k for k in (order or []) if k in counter] + sorted(k for k in counter if k not in (order or []))
    return "、".join(f"{k} {counter[k]}" for k in keys)


def summary(
    office: Office, counts: dict[str, object], crew: Crew, created_admin: bool, seconds: float
) -> str:
    staff = counts["staff"]
    assert isinstance(staff, dict)
    roles = "、".join(f"{domain.ROLES.get(r, r)} {n}" for r, n in staff.items())
    visits, forms, reviews = counts["visits"], counts["forms"], counts["reviews"]
    assert isinstance(visits, dict) and isinstance(forms, dict) and isinstance(reviews, dict)
    lines = [
        f"演示数据已填入:{office.name}({office.data_dir})",
        f"  截至 {office.clock.now():%Y-%m-%d %H:%M},用时 {seconds:.1f} 秒",
        f"  房号 {counts['rooms']} 个({counts['buildings']} 栋住宅,商铺 {counts['shops']} 间,楼栋“{SHOP_BUILDING}”为商铺)",
        f"  住户:{_join(counts['occupants'], domain.OCCUPANT_TYPES)}",
        f"  员工:{roles}",
        f"  案件 {counts['cases']} 件:{_join(counts['states'], domain.STATES)}",
        f"  性质:{_join(counts['kinds'], domain.KINDS)}",
        f"  程度:{_join(counts['severities'], domain.SEVERITIES)};匿名 {counts['anonymous']} 件",
        f"  未结中逾期 {counts['overdue']} 件,今日到期 {counts['due_today']} 件;"
        f"派工单 {counts['dispatches']} 张,延期 {counts['extensions']} 次",
        f"  重大投诉报告 {counts['major_reports']} 份(已提交 {counts['major_submitted']} 份)",
        f"  回访 {sum(visits.values())} 条:{_join(visits)};满意度:{_join(counts['satisfaction'], domain.SATISFACTION)}",
        f"  抽样决定 {counts['decisions']} 条(抽中 {counts['selected']} 件,其中手工加入 {counts['by_hand']} 件;"
        f"手工取消 {counts['dropped']} 件);"
        f"联系未果 {counts['attempts']} 次;返工通知 {counts['rework_notices']} 份;公开信 {counts['letters']} 封",
        f"  签名 {counts['signatures']} 个;回访记录表 {sum(forms.values())} 份:{_join(forms, FORM_STATES)},"
        f"领用超期未交回 {counts['forms_out_too_long']} 份",
        f"  审核意见 {sum(reviews.values())} 条:{_join(reviews)};典型案例 {counts['typical']} 件",
        f"  夜间值班记录 {counts['nightlog']} 条,其中待转案件 {counts['nightlog_pending']} 条",
        "登录:",
    ]
    if created_admin:
        lines.append(f"  {DEMO_ADMIN} / {DEMO_ADMIN_PASSWORD}  系统管理员")
    else:
        lines.append("  管理员:沿用原有的登录名和密码")
    for login, who, what in crew.logins:
        lines.append(f"  {login} / {DEMO_PASSWORD}  {who},{what}")
    return "\n".join(lines)
