"""The report's numbers (《顾客满意度调查报告》): per subject the levels counted, the average
score, the satisfied share and the importance (stated, or derived from 总体情况); the 四分图
zones; per building; the choice items; open answers grouped; the previous survey's averages.

Rows still to check are left out until the clerk decides them.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from app import rates
from app.domain import SATISFACTION
from app.i18n import N_
from app.survey.questionnaire import Questionnaire, Subject
from app.survey.storage import SurveyAnswer, SurveyPlan, SurveySheet
from app.survey.vocabulary import ANSWER_REVIEW, ANSWER_TO_TYPE, LEVEL_SCORES, SHEET_RETURNED, SHEET_VOID

ZONE_ADVANTAGE = N_("优势区")  # important, satisfied: keep it up
ZONE_FIX = N_("修补区")  # important, not satisfied: correct first
ZONE_OPPORTUNITY = N_("机会区")  # less important, not satisfied
ZONE_MAINTAIN = N_("维持区")  # less important, satisfied


@dataclass
class SubjectResult:
    key: str
    title: str
    answered: int
    counts: list[int]  # per level, 很满意 … 很不满意
    average: float | None  # 1–5
    satisfied: float | None  # share 很满意 + 满意, per cent
    dissatisfied: int  # 不满意 + 很不满意
    previous: float | None = None  # the previous survey's average
    importance: float | None = None  # stated (1–5) or derived (correlation with 总体情况)


@dataclass
class QuadrantPoint:
    key: str
    title: str
    importance: float
    satisfaction: float
    zone: str


@dataclass
class SurveyResults:
    plan_title: str
    kind: str
    method: str
    period: str
    sheets: int
    returned: int
    target: float
    subjects: list[SubjectResult]
    overall: SubjectResult | None
    mean_score: float | None  # all rated subjects together
    buildings: dict[str, dict[str, float]]  # building → subject key → average
    building_counts: dict[str, int]
    choices: list[tuple[str, list[tuple[str, int]]]]
    open_answers: dict[str, list[tuple[str, str]]]  # group → (question, text)
    quadrant: list[QuadrantPoint]
    importance_source: str  # "stated" or "derived" or ""
    pending_review: int
    previous_title: str = ""

    @property
    def recovery(self) -> float:
        return 100.0 * self.returned / self.sheets if self.sheets else 0.0


def _score(value: str) -> int | None:
    if value == "" or "," in value:
        return None
    index = int(value)
    return LEVEL_SCORES[index] if 0 <= index < 5 else None


def _correlation(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 3:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    if sx == 0 or sy == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / (sx * sy)


def _subject_scores(plan: SurveyPlan) -> tuple[dict[int, dict[str, str]], dict[int, SurveySheet]]:
    sheets = {
        s.id: s
        for s in SurveySheet.select().where(SurveySheet.plan == plan, SurveySheet.state == SHEET_RETURNED)
    }
    answers: dict[int, dict[str, str]] = defaultdict(dict)
    if sheets:
        for a in SurveyAnswer.select().where(
            SurveyAnswer.sheet.in_(list(sheets)), SurveyAnswer.state.not_in([ANSWER_REVIEW, ANSWER_TO_TYPE])
        ):
            answers[a.sheet_id][a.question] = a.value
    return answers, sheets


OPEN_GROUPS = [
    ("安全管理", ("保安", "安全", "门岗", "巡逻", "停车", "车辆", "盗")),
    ("环境(清洁、绿化)", ("卫生", "清洁", "垃圾", "绿化", "树", "草", "保洁", "脏")),
    ("设备设施", ("电梯", "门禁", "灯", "设施", "设备", "消防", "管道", "漏")),
    ("供水供电", ("停水", "停电", "水压", "水质", "供水", "供电")),
    ("服务态度与效率", ("态度", "服务", "效率", "工作人员", "客服", "维修")),
    ("收费", ("收费", "物业费", "费用", "价格")),
    ("社区活动与会所", ("活动", "会所", "文化", "健身")),
]


def group_open_answer(text: str) -> str:
    for group, words in OPEN_GROUPS:
        if any(w in text for w in words):
            return group
    return "其他"


Answers = dict[int, dict[str, str]]  # sheet id → question → value


def _subject_result(item: Subject, answers: Answers, previous: float | None) -> SubjectResult:
    """One subject's levels counted, average score, satisfied share and dissatisfied count.

    The satisfied share is the office's 满意率 rule (`app.rates`: 很满意 and 满意 over all
    rated) applied to this subject's ratings on the sheets, in per cent to one decimal."""
    counts = [0] * 5
    for a in answers.values():
        v = _score(a.get(item.key, ""))
        if v is not None:
            counts[5 - v] += 1
    n = sum(counts)
    avg = sum(c * LEVEL_SCORES[i] for i, c in enumerate(counts)) / n if n else None
    levels = dict(zip(SATISFACTION, counts, strict=True))
    rated = rates.rated(levels)
    return SubjectResult(
        item.key,
        item.title,
        n,
        counts,
        round(avg, 2) if avg is not None else None,
        round(100 * rates.satisfied(levels) / rated, 1) if rated else None,
        sum(levels[level] for level in rates.UNSATISFIED),
        previous,
    )


def _stated_importance(key: str, answers: Answers) -> float | None:
    """The average importance the households gave the subject (1–5)."""
    vals = [v for v in (_score(a.get(f"{key}.imp", "")) for a in answers.values()) if v is not None]
    return round(sum(vals) / len(vals), 2) if vals else None


def _derived_importance(key: str, overall: str, answers: Answers) -> float | None:
    """The correlation of the subject's score with 总体情况 (importance nobody was asked)."""
    pairs = [(_score(a.get(key, "")), _score(a.get(overall, ""))) for a in answers.values()]
    xs = [float(x) for x, y in pairs if x is not None and y is not None]
    ys = [float(y) for x, y in pairs if x is not None and y is not None]
    r = _correlation(xs, ys)
    return round(r, 3) if r is not None else None


def _quadrant(rated: list[SubjectResult]) -> list[QuadrantPoint]:
    """四分图: each subject placed against the mean importance and mean satisfaction."""
    placed = [s for s in rated if s.importance is not None and s.average is not None]
    if len(placed) < 2:
        return []
    mid_i = sum(s.importance or 0 for s in placed) / len(placed)
    mid_s = sum(s.average or 0 for s in placed) / len(placed)
    out = []
    for s in placed:
        imp, sat = s.importance or 0.0, s.average or 0.0
        if imp >= mid_i:
            zone = ZONE_ADVANTAGE if sat >= mid_s else ZONE_FIX
        else:
            zone = ZONE_MAINTAIN if sat >= mid_s else ZONE_OPPORTUNITY
        out.append(QuadrantPoint(s.key, s.title, imp, sat, zone))
    return out


def _by_building(
    answers: Answers, sheets: dict[int, SurveySheet], subjects: list[SubjectResult]
) -> tuple[dict[str, dict[str, float]], dict[str, int]]:
    """Per building: each subject's average, and how many sheets came back."""
    buildings: dict[str, dict[str, float]] = {}
    building_counts: Counter[str] = Counter()
    by_building: dict[str, list[dict[str, str]]] = defaultdict(list)
    for sheet_id, a in answers.items():
        b = sheets[sheet_id].building or "未注明楼栋"
        by_building[b].append(a)
        building_counts[b] += 1
    for b, rows in sorted(by_building.items()):
        buildings[b] = {}
        for s in subjects:
            vals = [v for v in (_score(a.get(s.key, "")) for a in rows) if v is not None]
            if vals:
                buildings[b][s.key] = round(sum(vals) / len(vals), 2)
    return buildings, dict(building_counts)


def _choices(form: Questionnaire, answers: Answers) -> list[tuple[str, list[tuple[str, int]]]]:
    """Each choice item with how many ticked each option."""
    choices = []
    for c in form.choices:
        tally = Counter[int]()
        for a in answers.values():
            for part in a.get(c.key, "").split(","):
                if part.strip().isdigit():
                    tally[int(part)] += 1
        choices.append((c.title, [(o, tally[i]) for i, o in enumerate(c.options)]))
    return choices


def _open_answers(form: Questionnaire, answers: Answers) -> dict[str, list[tuple[str, str]]]:
    """The open answers written, grouped by what they speak of."""
    open_answers: dict[str, list[tuple[str, str]]] = defaultdict(list)
    titles = {o.key: o.title for o in form.open}
    for a in answers.values():
        for key, title in titles.items():
            text = a.get(key, "").strip()
            if text:
                open_answers[group_open_answer(text)].append((title, text))
    return dict(open_answers)


def compute_results(plan: SurveyPlan) -> SurveyResults:
    """Every figure of the report, from the answers kept (rows still to check left out)."""
    form = plan.form()
    answers, sheets = _subject_scores(plan)
    total = SurveySheet.select().where(SurveySheet.plan == plan, SurveySheet.state != SHEET_VOID).count()
    previous_avgs: dict[str, float] = {}
    previous_title = ""
    if plan.previous_id:
        prev = SurveyPlan.get_or_none(SurveyPlan.id == plan.previous_id)
        if prev is not None:
            previous_title = prev.title
            for old in compute_results_subjects(prev):
                if old.average is not None:
                    previous_avgs[old.key] = old.average
    subjects: list[SubjectResult] = []
    for item in form.subjects:
        result = _subject_result(item, answers, previous_avgs.get(item.key))
        if form.importance:
            result.importance = _stated_importance(item.key, answers)
        subjects.append(result)
    overall = next((s for s in subjects if s.key == form.overall), None)
    rated = [s for s in subjects if s.key != form.overall]
    all_scores = [
        v for a in answers.values() for s in rated for v in [_score(a.get(s.key, ""))] if v is not None
    ]
    source = "stated" if form.importance else ""
    if not form.importance and overall is not None:
        source = "derived"
        for subject in rated:
            subject.importance = _derived_importance(subject.key, form.overall, answers)
    buildings, building_counts = _by_building(answers, sheets, subjects)
    pending = (
        SurveyAnswer.select()
        .join(SurveySheet)
        .where(SurveySheet.plan == plan, SurveyAnswer.state.in_([ANSWER_REVIEW, ANSWER_TO_TYPE]))
        .count()
    )
    return SurveyResults(
        plan_title=plan.title,
        kind=plan.kind,
        method=plan.method,
        period=f"{plan.starts:%Y-%m-%d} 至 {plan.ends:%Y-%m-%d}",
        sheets=total,
        returned=len(sheets),
        target=plan.recovery_target,
        subjects=subjects,
        overall=overall,
        mean_score=round(sum(all_scores) / len(all_scores), 2) if all_scores else None,
        buildings=buildings,
        building_counts=building_counts,
        choices=_choices(form, answers),
        open_answers=_open_answers(form, answers),
        quadrant=_quadrant(rated),
        importance_source=source,
        pending_review=pending,
        previous_title=previous_title,
    )


def compute_results_subjects(plan: SurveyPlan) -> list[SubjectResult]:
    """The subjects' averages only (for the comparison with a previous survey)."""
    form = plan.form()
    answers, _ = _subject_scores(plan)
    out = []
    for s in form.subjects:
        vals = [v for v in (_score(a.get(s.key, "")) for a in answers.values()) if v is not None]
        avg = round(sum(vals) / len(vals), 2) if vals else None
        out.append(SubjectResult(s.key, s.title, len(vals), [], avg, None, 0))
    return out


def iter_answer_rows(plan: SurveyPlan) -> Iterable[tuple[SurveySheet, dict[str, str]]]:
    """Each returned sheet with its answers (for the Excel detail sheet)."""
    answers, sheets = _subject_scores(plan)
    for sheet_id in sorted(sheets, key=lambda i: sheets[i].number):
        yield sheets[sheet_id], answers.get(sheet_id, {})
