"""Who visits (回访人员): two visitors together when the policy says so, and the seeds' presets
of each role's visit-rate target.

Seed 002 (物业公司客户回访制度) 第4条: "凡发生投诉或给客户造成较大经济损失的,物业中心主任,
物业部经理,必须同时回访" — one visit made by two people together. The policy's `two_visitors`
names which cases (kinds, with a severity listed or 业主损失较大 `Case.large_loss`) and which two
roles; by default 重大 complaints and large-loss complaints, visited by the 中心主任 (管理处经理,
`office_manager`) and the 物业部经理 (客服主任, `cs_director`: 物业部 is "与客户沟通的负责部门",
the office's customer-service department). The planner's own rule role stays the first visitor
when it is one of the two; otherwise the two roles replace it.

The seeds' roles, mapped to app.domain.ROLES (the labels the policy keeps beside each target):
- seed 002: 物业主管 (directly responsible for visits, ≥95%) → 物管员 `steward`;
  物业部经理 (≥25%) → 客服主任 `cs_director`; 中心主任 (≥10%) → 管理处经理 `office_manager`.
- seed 000 (回访工作制度, repairs): 经理 (≥10%) → `office_manager`; 主管 (≥30%) → 客服主任
  `cs_director` (客服主管); 维修负责人 (≥60%) → 部门人员 `department` (the repair department's lead).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from app import domain
from app.i18n import N_, term, tr
from app.models import Case, Staff, Visit
from app.policy import Policy
from app.policy_sections import RoleTarget, TwoVisitors, VisitRoleSettings

if TYPE_CHECKING:
    from app.visits.planner import VisitPlanner
    from app.visits.recorder import VisitResult

SEED_002 = "物业公司客户回访制度(seed 002)"
SEED_000 = "维修回访由经理、主管、维修负责人担任(seed 000)"


def role_presets(defaults: VisitRoleSettings | None = None) -> dict[str, VisitRoleSettings]:
    """The seeds' two variants of each role's visit-rate target (the two-visitor rule stays)."""
    base = defaults if defaults is not None else Policy.defaults().visit_roles
    seed_002 = [
        RoleTarget("steward", "物业主管", ["投诉"], 0.95, "due"),
        RoleTarget("cs_director", "物业部经理", ["投诉"], 0.25, "due"),
        RoleTarget("office_manager", "中心主任", ["投诉"], 0.10, "due"),
    ]
    # 维修回访由经理、主管、维修负责人担任: their shares of the repair visits (10+30+60 = 100%).
    seed_000 = [
        RoleTarget("office_manager", "经理", ["报修"], 0.10, "visited"),
        RoleTarget("cs_director", "主管", ["报修"], 0.30, "visited"),
        RoleTarget("department", "维修负责人", ["报修"], 0.60, "visited"),
    ]
    out = {}
    for name, targets in ((SEED_002, seed_002), (SEED_000, seed_000)):
        settings = copy.deepcopy(base)
        settings.preset, settings.targets = name, targets
        out[name] = settings
    return out


def needs_two(rule: TwoVisitors, case: Case | None) -> bool:
    """Is this case visited by two visitors together (the policy's `two_visitors`)?"""
    if case is None or len(rule.roles) != 2 or case.kind not in rule.kinds:
        return False
    return case.severity in rule.severities or (rule.large_loss and bool(case.large_loss))


def why_two(rule: TwoVisitors, case: Case) -> str:
    """The reason in words, for the visit's plan line."""
    names = "、".join(domain.ROLES.get(r, r) for r in rule.roles)
    cause = "业主损失较大" if rule.large_loss and case.large_loss else f"{case.severity}{case.kind}"
    return f"{cause},{names}两人同时回访"


def two_roles(rule: TwoVisitors, planned_role: str) -> tuple[str, str]:
    """(first, second) role: the planned role stays first when it is one of the two."""
    first, second = rule.roles
    if planned_role == second:
        first, second = second, first
    return first, second


def people_of(visit: Visit) -> list[tuple[Staff | None, str, str]]:
    """A visit's visitors as (person, name, role): one, or two for a visit made together."""
    out: list[tuple[Staff | None, str, str]] = [
        (visit.visitor if visit.visitor_id else None, visit.visitor_name, visit.role)
    ]
    if visit.second_role or visit.second_visitor_id:
        second = visit.second_visitor if visit.second_visitor_id else None
        out.append((second, visit.second_visitor_name, visit.second_role))
    return out


def visitor_names(visit: Visit) -> str:
    """'张三、李四' for two visitors; the one name otherwise ('' when nobody is assigned)."""
    return "、".join(name for _, name, _ in people_of(visit) if name)


def assign_two(planner: VisitPlanner, case: Case, visit: Visit) -> Visit:
    """Called by `VisitPlanner.plan` on the visit it just created (inside its transaction): a case
    the policy visits with two people gets both roles and, where one person holds a role, both
    names. Who did the repair is never made its visitor (the plan line says so)."""
    from app.visits.planner import repairers  # the planner imports this module

    policy = planner.policies.load()
    rule = policy.visit_roles.two_visitors
    if not needs_two(rule, case):
        return visit
    first, second = two_roles(rule, visit.role)
    done_by = repairers(case)
    notes = [why_two(rule, case)]
    if first != visit.role:
        person = planner.visitor_for(first, case.room)
        old = domain.ROLES.get(visit.role, visit.role)
        visit.reason = visit.reason.replace(f"→ {old}", f"→ {domain.ROLES.get(first, first)}", 1)
        visit.role = first
        visit.visitor, visit.visitor_name = None, ""
        if person is not None and person.id not in done_by:
            visit.visitor, visit.visitor_name = person, person.name
    other = planner.visitor_for(second, case.room)
    visit.second_role = second
    if other is not None and other.id not in done_by and other.id != visit.visitor_id:
        visit.second_visitor, visit.second_visitor_name = other, other.name
    else:
        notes.append(f"请指派{domain.ROLES.get(second, second)}")
    visit.reason = f"{visit.reason};{','.join(notes)}"[:200]
    visit.save()
    return visit


def second_visitor_problems(visit: Visit, result: VisitResult) -> dict[str, str]:
    """What a visit made by two together lacks: the second visitor named (a person, not the first
    visitor again), and, where the visitor signs on the pad, the second visitor's signature too."""
    problems: dict[str, str] = {}
    two = bool(visit.second_role or visit.second_visitor_id or result.second_visitor_id)
    if not two:
        return problems
    second_id = result.second_visitor_id or visit.second_visitor_id
    role = term(domain.ROLES.get(visit.second_role, visit.second_role) or N_("第二回访人"))
    if not second_id:
        problems[N_("第二回访人")] = tr("本次回访须两人同时进行,请选择第二回访人({role})", role=role)
    elif second_id == visit.visitor_id:
        problems[N_("第二回访人")] = tr("第二回访人不能与回访人是同一人")
    elif Staff.get_or_none(Staff.id == second_id) is None:
        problems[N_("第二回访人")] = tr("所选人员不存在,请重新选择")
    elif visit.case_id:
        from app.visits.planner import repairers  # the planner imports this module

        if second_id in repairers(Case.get_by_id(visit.case_id)):
            problems[N_("第二回访人")] = tr("第二回访人是本案的维修/办结人,不能回访自己处理的结果,请另选")
    if result.visitor_signature is not None and result.second_visitor_signature is None:
        problems[N_("第二回访人签名")] = tr("两人同时回访,两位回访人都须签名")
    return problems


def take_second_visitor(visit: Visit, result: VisitResult) -> None:
    """The second visitor the result names (checked by `second_visitor_problems`) onto the visit."""
    if result.second_visitor_id and result.second_visitor_id != visit.second_visitor_id:
        person = Staff.get_by_id(result.second_visitor_id)
        visit.second_visitor, visit.second_visitor_name = person, person.name
        visit.second_role = visit.second_role or person.role


def assign_second(visit: Visit, person: Staff | None) -> None:
    """Name (or clear) the second visitor of a planned visit (inside the caller's transaction)."""
    visit.second_visitor = person
    visit.second_visitor_name = person.name if person is not None else ""
    if person is not None and not visit.second_role:
        visit.second_role = person.role


def plan_drawn(planner: VisitPlanner, actor: Staff | None) -> list[Visit]:
    """Plan the first visit of each case the sample drew besides the one decided (补抽, 替换 —
    app.visits.sampling), counted from now: it was chosen today. Inside the caller's transaction."""
    from app.visit_policy import AFTER_RESOLVED
    from app.visits.rules import OPEN_VISIT_STATES

    visits = []
    for case in planner.sampler.take_drawn():
        if Visit.select().where(Visit.case == case, Visit.state.in_(OPEN_VISIT_STATES)).exists():
            continue
        rule = planner.rule(case)
        if rule.after != AFTER_RESOLVED:  # a leak waits for its test, a service counts from its contract
            first = planner.plan_first(case, rule, actor)
            visits += [first] if first is not None else []
            continue
        decision = planner.sampler.decision(case)
        word = "替换抽中:" if decision is not None and decision.replaces else "补抽:"
        visits.append(planner.plan(case, 1, word, actor, base=planner.clock.now()))
    return visits


def set_large_loss(planner: VisitPlanner, case: Case, flag: bool, actor: Staff | None) -> None:
    """Mark (or unmark) 业主损失较大 on a complaint; its open visits take (or lose) the second
    visitor at once. Written on the timeline."""
    from app.errors import UserError
    from app.models import db
    from app.permissions import require
    from app.visits.rules import OPEN_VISIT_STATES

    require(actor, "case.create")
    if bool(case.large_loss) == flag:
        return
    if flag and case.kind != "投诉":
        raise UserError(tr("只有投诉才能标记为业主损失较大"))
    if case.state in (domain.MERGED, domain.VOID):
        raise UserError(tr("案件 {number} 已{state},不能修改", number=case.number, state=term(case.state)))
    rule = planner.policies.load().visit_roles.two_visitors
    with db.atomic():
        case.large_loss = flag
        case.save()
        text = "业主损失较大:按制度两人同时回访" if flag else "取消“业主损失较大”"
        planner.cases.log(case, domain.EV_EDITED, text, actor)
        for visit in Visit.select().where(Visit.case == case, Visit.state.in_(OPEN_VISIT_STATES)):
            if needs_two(rule, case) and not visit.second_role:
                assign_two(planner, case, visit)
            elif not needs_two(rule, case) and visit.second_role:
                visit.second_visitor, visit.second_visitor_name, visit.second_role = None, "", ""
                visit.save()
