"""A visit's plan line (Visit.reason) in the chosen language, at display time.

The planner stores the line in the source language (it is data: exports and the audit read it
back), e.g. ``第2次回访:返工后复访:报修·轻微(漏水/渗漏) → 物管员,闭水试验后3天内,可电话回访``
or, for a visit two people make, ``…;重大投诉,管理处经理、客服主任两人同时回访``. Its parts are
recognised here and written again in the chosen language: the kind, severity, sub-rule,
role and purpose through term(), the rule through its own template (app/visit_policy.py
VisitRule.describe). A part not recognised — a reason a person typed, a room visit's own
words — is shown as stored (each stored word in it still through term()).
"""

from __future__ import annotations

import re

from app import domain
from app.i18n import N_, SOURCE_LANGUAGE, language, term, tr

# what the planner puts before the line (app/visits/planner.py, visitors.py)
PREFIXES = {
    "手工加入:": N_("手工加入:"),
    "返工后复访:": N_("返工后复访:"),
    "替换抽中:": N_("替换抽中:"),
    "补抽:": N_("补抽:"),
}
_RULES = [  # VisitRule.describe's templates, as patterns
    (re.compile(r"闭水试验后(?P<days>\d+)个工作日内"), N_("闭水试验后{days}个工作日内")),
    (re.compile(r"闭水试验后(?P<days>\d+)天内"), N_("闭水试验后{days}天内")),
    (re.compile(r"合同中期及期满后(?P<days>\d+)个工作日内"), N_("合同中期及期满后{days}个工作日内")),
    (re.compile(r"合同中期及期满后(?P<days>\d+)天内"), N_("合同中期及期满后{days}天内")),
    (re.compile(r"办结后(?P<days>\d+)个工作日内"), N_("办结后{days}个工作日内")),
    (re.compile(r"办结后(?P<days>\d+)天内"), N_("办结后{days}天内")),
]
_ATTEMPT = re.compile(r"第(?P<attempt>\d+)次回访:(?P<rest>.*),可电话回访\Z", re.S)
_PLAN = re.compile(
    r"(?P<kind>[^·:]+)·(?P<severity>[^((→ ]+)(?:[((](?P<sub>[^))]*)[))])? → (?P<role>[^,]+),"
    r"(?:(?P<purpose>[^,((]+),)?(?P<rule>[^,((;]+?)(?:[((](?P<repairer>[^))]*)是维修/办结人,请另派回访人[))])?\Z",
    re.S,
)
_ASSIGN = re.compile(r"请指派(?P<role>.+)\Z")


def _rule(text: str) -> str:
    for pattern, template in _RULES:
        found = pattern.fullmatch(text)
        if found:
            return tr(template, days=int(found["days"]))
    return term(text)


def _plan(text: str) -> str | None:
    prefix = ""
    for stored, marked in PREFIXES.items():
        if text.startswith(stored):
            prefix, text = tr(marked), text[len(stored) :]
            break
    found = _PLAN.fullmatch(text)
    if found is None:
        return None
    line = tr(
        "{kind}·{severity}{sub} → {role},{purpose}{rule}",
        kind=term(found["kind"]),
        severity=term(found["severity"]),
        sub=tr("({name})", name=term(found["sub"])) if found["sub"] else "",
        role=term(found["role"]),
        purpose=tr("{purpose},", purpose=term(found["purpose"])) if found["purpose"] else "",
        rule=_rule(found["rule"]),
    )
    if found["repairer"]:
        line += tr("({name}是维修/办结人,请另派回访人)", name=found["repairer"])
    return prefix + line


def _cause(text: str) -> str:
    """Why two people visit: 业主损失较大, or the severity and kind written together (重大投诉)."""
    shown = term(text)
    if shown != text:
        return shown
    for severity in domain.SEVERITIES:
        if text.startswith(severity) and text[len(severity) :] in domain.KINDS:
            return tr("{severity}{kind}", severity=term(severity), kind=term(text[len(severity) :]))
    return text


def _note(text: str) -> str:
    """The note after ";": who visits together, then whom to assign (app/visits/visitors.py)."""
    assign = _ASSIGN.fullmatch(text)
    if assign:
        return tr("请指派{role}", role=term(assign["role"]))
    head, comma, tail = text.rpartition(",")
    if comma and _ASSIGN.fullmatch(tail):
        return tr("{note},{more}", note=_note(head), more=_note(tail))
    two = re.fullmatch(r"(?P<why>[^,]+),(?P<first>[^、]+)、(?P<second>.+)两人同时回访", text)
    if two:
        return tr(
            "{why},{first}、{second}两人同时回访",
            why=_cause(two["why"]),
            first=term(two["first"]),
            second=term(two["second"]),
        )
    return term(text)


def shown_visit_reason(text: str) -> str:
    """A stored plan line as the person reading it now should see it (see the module)."""
    if language() == SOURCE_LANGUAGE or not text:
        return text
    head, *notes = text.split(";")
    attempt = _ATTEMPT.fullmatch(head)
    body = attempt["rest"] if attempt else head
    shown = _plan(body)
    if shown is None:
        # a room visit ("季度巡访:…") or a line a person wrote: the purpose through term()
        purpose, colon, rest = body.partition(":")
        shown = tr("{purpose}:{reason}", purpose=term(purpose), reason=rest) if colon else term(body)
    if attempt:
        shown = tr("第{attempt}次回访:{reason},可电话回访", attempt=attempt["attempt"], reason=shown)
    return tr(";").join([shown, *(_note(n) for n in notes)])


# The sample's reasons (VisitDecision.reason, app/visits/sampling.py), stored as written.
_NUMBER = r"\d+(?:\.\d+)?"
_DECISIONS: list[tuple[re.Pattern[str], str, set[str]]] = [
    (re.compile(r"匿名案件不回访,处理情况附于案件"), N_("匿名案件不回访,处理情况附于案件"), set()),
    (
        re.compile(r"业主只要求书面答复,不回访,复函附于案件"),
        N_("业主只要求书面答复,不回访,复函附于案件"),
        set(),
    ),
    (re.compile(r"(?P<kind>.+?)回访率100%,全部回访"), N_("{kind}回访率100%,全部回访"), {"kind"}),
    (
        re.compile(r"(?P<kind>.+?)回访率0%,由计划人员按需手工加入"),
        N_("{kind}回访率0%,由计划人员按需手工加入"),
        {"kind"},
    ),
    (
        re.compile(
            rf"(?P<quarter>\S+) (?P<kind>.+?)第(?P<n>\d+)件\(已抽(?P<chosen>\d+)件,目标(?P<pct>{_NUMBER}%)须"
            rf"(?P<needed>\d+)件\):按(?P<chance>{_NUMBER}%)的机会随机(?P<outcome>抽中|未抽中)"
        ),
        "",  # the template depends on the outcome: see _decision
        {"kind"},
    ),
    (
        re.compile(
            rf"(?P<word>补抽|季末补抽|替换抽中):(?P<quarter>\S+) (?P<kind>.+?)已抽(?P<chosen>\d+)件,目标(?P<pct>{_NUMBER}%)须"
            r"(?P<needed>\d+)件,从未抽中的(?P<count>\d+)件中随机抽中"
        ),
        N_("{word}:{quarter} {kind}已抽{chosen}件,目标{pct}须{needed}件,从未抽中的{count}件中随机抽中"),
        {"kind", "word"},
    ),
    (re.compile(r"(?P<name>[^::]+)手工加入:(?P<reason>.*)", re.S), N_("{name}手工加入:{reason}"), set()),
    (re.compile(r"(?P<name>[^::]+)手工取消:(?P<reason>.*)", re.S), N_("{name}手工取消:{reason}"), set()),
    (
        re.compile(r"替换 (?P<number>\S+)[,,]因 (?P<reason>.*)[((]随机抽取[,,](?P<name>.+)取消后[))]", re.S),
        N_("替换 {number},因 {reason}(随机抽取,{name}取消后)"),
        set(),
    ),
]
_SHORT = re.compile(r"无可替换案件,本季度抽样不足(?P<short>\d+)件")
N_("补抽")
N_("季末补抽")
N_("替换抽中")


def _decision(text: str) -> str:
    short = _SHORT.fullmatch(text)
    if short:
        return tr("无可替换案件,本季度抽样不足{short}件", short=short["short"])
    for pattern, template, words in _DECISIONS:
        found = pattern.fullmatch(text)
        if found is None:
            continue
        fields = {k: term(v) if k in words else v for k, v in found.groupdict().items()}
        if not template:  # the quarter's draw: chosen or not
            outcome = fields.pop("outcome")
            template = (
                N_("{quarter} {kind}第{n}件(已抽{chosen}件,目标{pct}须{needed}件):按{chance}的机会随机抽中")
                if outcome == "抽中"
                else N_(
                    "{quarter} {kind}第{n}件(已抽{chosen}件,目标{pct}须{needed}件):按{chance}的机会随机未抽中"
                )
            )
        return tr(template, **fields)
    return text


def shown_decision_reason(text: str) -> str:
    """The sample's stored reason for a case as the person reading it now should see it."""
    if language() == SOURCE_LANGUAGE or not text:
        return text
    return tr(";").join(_decision(part) for part in text.split(";"))


# A room's draw among a community activity's rooms (ActivityRoom.reason, app/activities.py).
_ACTIVITY_DRAWN = re.compile(r"(?P<rooms>\d+)户参与[,,]回访率(?P<pct>\d+%)须至少(?P<needed>\d+)户[::]随机抽中")
_ACTIVITY_NOT = re.compile(r"(?P<rooms>\d+)户参与[,,]已随机抽足(?P<needed>\d+)户[((](?P<pct>\d+%)[))][,,]本户未抽中")


def shown_activity_reason(text: str) -> str:
    """Why a room of an activity was drawn for a visit or not, in the chosen language."""
    if language() == SOURCE_LANGUAGE or not text:
        return text
    drawn = _ACTIVITY_DRAWN.fullmatch(text)
    if drawn:
        return tr("{rooms}户参与,回访率{pct}须至少{needed}户:随机抽中", **drawn.groupdict())
    not_drawn = _ACTIVITY_NOT.fullmatch(text)
    if not_drawn:
        return tr("{rooms}户参与,已随机抽足{needed}户({pct}),本户未抽中", **not_drawn.groupdict())
    return text
