"""The satisfaction survey (顾客满意度调查, seed 001 篇3): one `SurveyService` the windows, the
reports, the command line and the bench call, made of the parts that do the work:

- `vocabulary`    the kinds, states and outcomes, and the permission each step asks;
- `questionnaire` 《顾客意见调查表》: its subjects, choice items and open questions;
- `layout`        the printed sheet page by page, in millimetres, and each page's code;
- `storage`       the tables: plans, sheets, answers, scanned pages, corrective actions;
- `plans`         the plan (调查计划), its approval and close (`SurveyPlanner`);
- `sheets`        the sample numbered as sheets, and the recovery rate (`SurveySampler`);
- `answers`       answers typed in and the clerk's decisions (`SurveyRecorder`);
- `reading`       a scanned page read by `app.omr` (no database);
- `scanning`      scanned pages kept once and matched to their sheets (`SurveyScanner`);
- `results`       the report's numbers and the 四分图;
- `actions`       corrective actions for the 修补区, followed to the end (`SurveyActions`).

The cycle (§4): a plan is drawn up and approved by the 营运部经理 role before it runs; its
questionnaire is frozen from then on. One numbered sheet is printed per household of the
sample (or blank, numbered sheets for a census); sheets come back on paper and are read by
`app.omr` (or typed in from an interview), each doubtful row decided by the clerk; the
results feed the report (《顾客满意度调查报告》) with its 四分图, and the subjects in the 修补区
become corrective actions followed to the end.

The names below are the package's public face: callers import them from `app.survey`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app import omr
from app.clock import Clock
from app.models import Room
from app.survey.actions import SurveyActions
from app.survey.answers import SurveyRecorder
from app.survey.layout import (
    CODE,
    CODE_PREFIX,
    LEFT,
    MARK_SIZE,
    MARKS,
    PAGE_H,
    PAGE_W,
    QR,
    RIGHT,
    CodeParts,
    Column,
    LaidRow,
    SheetPage,
    office_tag,
    parse_code,
    sheet_code,
    sheet_pages,
)
from app.survey.plans import DEFAULT_NOTICE, HOW_TO_MARK, PlanInput, SurveyPlanner
from app.survey.questionnaire import (
    DEFAULT_SUBJECTS,
    Choice,
    OpenQuestion,
    Questionnaire,
    Subject,
    default_questionnaire,
)
from app.survey.reading import PageReading, layout_reader, read_page_image, read_scan, scan_pages
from app.survey.results import (
    ZONE_ADVANTAGE,
    ZONE_FIX,
    ZONE_MAINTAIN,
    ZONE_OPPORTUNITY,
    QuadrantPoint,
    SubjectResult,
    SurveyResults,
    compute_results,
    group_open_answer,
    iter_answer_rows,
)
from app.survey.scanning import PageOutcome, SurveyScanner
from app.survey.sheets import Progress, SurveySampler
from app.survey.storage import (
    SURVEY_MODELS,
    SurveyAction,
    SurveyAnswer,
    SurveyPlan,
    SurveyScan,
    SurveySheet,
    create_tables,
    plan_questions,
)
from app.survey.vocabulary import (
    ACTION_DONE,
    ACTION_OPEN,
    ANSWER_CHECKED,
    ANSWER_READ,
    ANSWER_REVIEW,
    ANSWER_TO_TYPE,
    ANSWER_TYPED,
    APPROVED,
    BY_HAND,
    BY_INTERVIEW,
    BY_SCAN,
    CENSUS,
    CLOSED,
    DRAFT,
    IMPORTANCE,
    KINDS,
    METHODS,
    PAGE_BLANK,
    PAGE_DUPLICATE,
    PAGE_READ,
    PAGE_REFUSED,
    PAGE_REVIEW,
    PAGE_UNREAD,
    SAMPLE,
    SHEET_PRINTED,
    SHEET_RETURNED,
    SHEET_VOID,
    STATES,
)

__all__ = [
    "ACTION_DONE",
    "ACTION_OPEN",
    "ANSWER_CHECKED",
    "ANSWER_READ",
    "ANSWER_REVIEW",
    "ANSWER_TO_TYPE",
    "ANSWER_TYPED",
    "APPROVED",
    "BY_HAND",
    "BY_INTERVIEW",
    "BY_SCAN",
    "CENSUS",
    "CLOSED",
    "CODE",
    "CODE_PREFIX",
    "DEFAULT_NOTICE",
    "DEFAULT_SUBJECTS",
    "DRAFT",
    "HOW_TO_MARK",
    "IMPORTANCE",
    "KINDS",
    "LEFT",
    "MARKS",
    "MARK_SIZE",
    "METHODS",
    "PAGE_BLANK",
    "PAGE_DUPLICATE",
    "PAGE_H",
    "PAGE_READ",
    "PAGE_REFUSED",
    "PAGE_REVIEW",
    "PAGE_UNREAD",
    "PAGE_W",
    "QR",
    "RIGHT",
    "SAMPLE",
    "SHEET_PRINTED",
    "SHEET_RETURNED",
    "SHEET_VOID",
    "STATES",
    "SURVEY_MODELS",
    "ZONE_ADVANTAGE",
    "ZONE_FIX",
    "ZONE_MAINTAIN",
    "ZONE_OPPORTUNITY",
    "Choice",
    "CodeParts",
    "Column",
    "LaidRow",
    "OpenQuestion",
    "PageOutcome",
    "PageReading",
    "PlanInput",
    "Progress",
    "QuadrantPoint",
    "Questionnaire",
    "SheetPage",
    "Subject",
    "SubjectResult",
    "SurveyAction",
    "SurveyAnswer",
    "SurveyPlan",
    "SurveyResults",
    "SurveyScan",
    "SurveyService",
    "SurveySheet",
    "compute_results",
    "create_tables",
    "default_questionnaire",
    "group_open_answer",
    "iter_answer_rows",
    "layout_reader",
    "office_tag",
    "parse_code",
    "plan_questions",
    "read_page_image",
    "read_scan",
    "scan_pages",
    "sheet_code",
    "sheet_pages",
]


class SurveyService:
    """The survey as the rest of the program sees it; each method hands on to its part."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.planner = SurveyPlanner(clock)
        self.sampler = SurveySampler(clock, self.planner)
        self.recorder = SurveyRecorder(clock)
        self.scanner = SurveyScanner(clock, self.planner, self.sampler, self.recorder)
        self.followup = SurveyActions(clock)

    # Plans ------------------------------------------------------------------------------
    def create_plan(self, inp: PlanInput, questionnaire: Questionnaire | None = None) -> SurveyPlan:
        return self.planner.create_plan(inp, questionnaire)

    def update_plan(self, plan: SurveyPlan, inp: PlanInput) -> SurveyPlan:
        return self.planner.update_plan(plan, inp)

    def set_questionnaire(self, plan: SurveyPlan, form: Questionnaire) -> None:
        self.planner.set_questionnaire(plan, form)

    def approve(self, plan: SurveyPlan) -> SurveyPlan:
        """营运部经理 approves the plan and its questionnaire (§4.1.1, §4.3.3): it runs from now."""
        return self.planner.approve(plan)

    def close(self, plan: SurveyPlan) -> None:
        """The survey is over (结束): no more sheets or answers; the report stays."""
        self.planner.close(plan)

    def get(self, plan_id: int) -> SurveyPlan:
        return self.planner.get(plan_id)

    def plans(self) -> list[SurveyPlan]:
        return self.planner.plans()

    # The sample and its sheets ----------------------------------------------------------
    def choose_sample(self, plan: SurveyPlan) -> list[tuple[Room, str]]:
        """The households to survey, each with why it was chosen (see `SurveySampler`)."""
        return self.sampler.choose_sample(plan)

    def make_sheets(self, plan: SurveyPlan, blank: int = 0, building: str = "") -> list[SurveySheet]:
        return self.sampler.make_sheets(plan, blank, building)

    def sheets(self, plan: SurveyPlan) -> list[SurveySheet]:
        return self.sampler.sheets(plan)

    def sheet(self, plan: SurveyPlan, number: int) -> SurveySheet | None:
        return self.sampler.sheet(plan, number)

    def progress(self, plan: SurveyPlan) -> Progress:
        """The recovery rate (回收率) against the plan's target, live."""
        return self.sampler.progress(plan)

    # Answers ----------------------------------------------------------------------------
    def questions(self, plan: SurveyPlan) -> list[tuple[str, str, list[str], bool]]:
        return self.recorder.questions(plan)

    def enter_answers(self, sheet: SurveySheet, values: dict[str, str], method: str = BY_INTERVIEW) -> None:
        self.recorder.enter_answers(sheet, values, method)

    def review_queue(self, plan: SurveyPlan) -> list[SurveyAnswer]:
        return self.recorder.review_queue(plan)

    def decide(self, answer: SurveyAnswer, value: str) -> None:
        self.recorder.decide(answer, value)

    # Scanned pages ----------------------------------------------------------------------
    def layout_reader(self, plan: SurveyPlan) -> Callable[[CodeParts], omr.PageGeometry | None]:
        """The page layouts of `plan`'s sheets, for reading on another thread (no database)."""
        return self.scanner.layout_reader(plan)

    def read_file(
        self,
        plan: SurveyPlan,
        path: Any,
        cancelled: Callable[[], bool] = lambda: False,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[PageOutcome]:
        return self.scanner.read_file(plan, path, cancelled, progress)

    def record_page(self, plan: SurveyPlan, reading: PageReading, file: str, page: int) -> PageOutcome:
        return self.scanner.record_page(plan, reading, file, page)

    def unmatched_pages(self, plan: SurveyPlan) -> list[SurveyScan]:
        return self.scanner.unmatched_pages(plan)

    def match_page(self, scan: SurveyScan, sheet_number: int) -> SurveySheet:
        return self.scanner.match_page(scan, sheet_number)

    # Results and corrective actions -----------------------------------------------------
    def results(self, plan: SurveyPlan) -> SurveyResults:
        return compute_results(plan)

    def open_actions(self) -> list[SurveyAction]:
        return self.followup.open_actions()

    def actions(self, plan: SurveyPlan) -> list[SurveyAction]:
        """The plan's corrective actions, in the order they were made (for its report)."""
        return self.followup.actions(plan)

    def make_actions(self, plan: SurveyPlan, results: SurveyResults) -> list[SurveyAction]:
        """Corrective actions for the subjects in the 修补区 (once per subject and plan)."""
        return self.followup.make_actions(plan, results)

    def finish_action(self, action: SurveyAction, result: str) -> None:
        self.followup.finish_action(action, result)
