"""The satisfaction survey (顾客满意度调查, seed 001 篇3): plan, questionnaire, sheets, answers, results.

The cycle (§4): a plan (调查计划) is drawn up and approved by the 营运部经理 role before it
runs; its questionnaire (《顾客意见调查表》) is frozen from then on. One numbered sheet is
printed per household of the sample (or blank, numbered sheets for a census); sheets come
back on paper and are read by `app.omr` (or typed in from an interview), each doubtful row
decided by the clerk; the results feed the report (《顾客满意度调查报告》) with its 四分图,
and the subjects in the 修补区 become corrective actions followed to the end.

The sheet's layout (`sheet_pages`) is computed here, in millimetres, and used both by the
printer (reports/survey_form.py) and by the reader (app/omr.py), so the two cannot drift.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import peewee as pw
from PIL import Image

from app import omr
from app.clock import Clock
from app.domain import SATISFACTION
from app.errors import UserError, ValidationError
from app.models import AuditedModel, BaseModel, Case, Room, Setting, current_actor, db
from app.validation import clean_text

log = logging.getLogger(__name__)

# Plan kinds (§4.2.2, §4.2.3) and methods (§4.2.1)
SAMPLE = "抽样调查"
CENSUS = "全面普查"
KINDS = [SAMPLE, CENSUS]
METHODS = ["问卷调查", "上门访谈"]

# Plan states
DRAFT = "草稿"
APPROVED = "已批准"  # running: sheets printed and collected
CLOSED = "已结束"
STATES = [DRAFT, APPROVED, CLOSED]

IMPORTANCE = ["很重要", "重要", "一般", "不太重要", "不重要"]
LEVEL_SCORES = [5, 4, 3, 2, 1]  # 很满意 … 很不满意 (and 很重要 … 不重要)

# Sheet states
SHEET_PRINTED = "已发放"
SHEET_RETURNED = "已收回"
SHEET_VOID = "作废"

# Answer states
ANSWER_READ = "已读取"  # read from the paper by the rule
ANSWER_REVIEW = "待核对"  # the clerk must decide from the picture
ANSWER_CHECKED = "已核对"  # decided by the clerk
ANSWER_TYPED = "已录入"  # typed in (interview, a page read by hand, an open answer)
ANSWER_TO_TYPE = "待录入"  # something is written on the paper: the clerk types it from its picture

# How a sheet's answers came in
BY_SCAN = "扫描"
BY_INTERVIEW = "访谈"
BY_HAND = "手工"

# Corrective actions
ACTION_OPEN = "进行中"
ACTION_DONE = "已完成"

CODE_PREFIX = "HYS1"  # the survey sheet's QR code: HYS1-<office>-<plan>-<sheet>-<page>
CODE = re.compile(r"HYS1-([0-9A-F]{0,8})-(\d+)-(\d+)-(\d+)")

# Permissions asked (the table is app.permissions; until it has the survey's own actions,
# the nearest existing one is asked, never nothing).
ACTIONS = {
    "survey.plan": "visit.plan",
    "survey.approve": "report.archive",
    "survey.scan": "form.ledger",
    "survey.report": "report.view",
}


def require(action: str) -> None:
    from app import permissions

    permissions.require(None, action if action in permissions.PERMISSIONS else ACTIONS[action])


# Questionnaire --------------------------------------------------------------------------------
@dataclass
class Subject:
    key: str
    title: str
    hint: str = ""


@dataclass
class Choice:
    key: str
    title: str
    options: list[str]
    multiple: bool = False


@dataclass
class OpenQuestion:
    key: str
    title: str


@dataclass
class Questionnaire:
    """《顾客意见调查表》: subjects rated on five levels, optional choice items, open questions."""

    title: str = "顾客意见调查表"
    subjects: list[Subject] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    open: list[OpenQuestion] = field(default_factory=list)
    importance: bool = False  # an importance rating per subject (for the 四分图)
    overall: str = ""  # key of the 总体情况 subject

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Questionnaire:
        data = json.loads(text)
        return cls(
            title=data.get("title", "顾客意见调查表"),
            subjects=[Subject(**s) for s in data.get("subjects", [])],
            choices=[Choice(**c) for c in data.get("choices", [])],
            open=[OpenQuestion(**o) for o in data.get("open", [])],
            importance=bool(data.get("importance", False)),
            overall=data.get("overall", ""),
        )

    def subject(self, key: str) -> Subject | None:
        return next((s for s in self.subjects if s.key == key), None)

    def rated(self) -> list[Subject]:
        """The subjects other than 总体情况."""
        return [s for s in self.subjects if s.key != self.overall]

    def check(self) -> None:
        problems: dict[str, str] = {}
        if not self.subjects:
            problems["调查项目"] = "至少要有一个调查项目"
        keys = [s.key for s in self.subjects] + [c.key for c in self.choices] + [o.key for o in self.open]
        if len(keys) != len(set(keys)):
            problems["调查项目"] = "项目的代号重复"
        for s in self.subjects:
            if not s.title.strip():
                problems["调查项目"] = "项目名称不能为空"
            if len(s.title) > 14:
                problems["调查项目"] = f"项目名称“{s.title}”太长(最多 14 个字),请缩短"
        for c in self.choices:
            if not 2 <= len(c.options) <= 8:
                problems["选择题"] = f"“{c.title}”要有 2 到 8 个选项"
            if any(len(o) > 8 for o in c.options):
                problems["选择题"] = f"“{c.title}”的选项太长(每个最多 8 个字)"
        if self.overall and self.subject(self.overall) is None:
            problems["总体情况"] = "总体情况项目不在调查项目里"
        if problems:
            raise ValidationError(problems)


DEFAULT_SUBJECTS = [
    ("staff", "工作人员状况", "服务态度、仪容仪表、办事效率"),
    ("security", "安全管理", "门岗、巡逻、车辆管理"),
    ("cleaning", "环境管理(清洁)", "楼道、道路、垃圾清运"),
    ("greening", "环境管理(绿化)", "花草树木养护"),
    ("power", "供电管理", "停电通知、公共照明"),
    ("water", "供水管理", "水质、水压、停水通知"),
    ("facilities", "公共设备设施管理", "电梯、门禁、消防、道路"),
    ("home", "家居服务(家政、维修)", "及时性、质量、收费"),
    ("culture", "社区文化", "活动、宣传栏"),
    ("club", "会所服务", "开放时间、设施、服务"),
    ("overall", "总体情况", "对物业服务的整体评价"),
]


def default_questionnaire(importance: bool = False) -> Questionnaire:
    """The subjects of §4.3.1 on the five levels of §4.3.2, with the optional items."""
    return Questionnaire(
        subjects=[Subject(k, t, h) for k, t, h in DEFAULT_SUBJECTS],
        choices=[
            Choice("rebuy", "再置业情况:如再购房,是否考虑本公司管理的楼盘", ["会", "不会", "说不准"]),
            Choice(
                "needs",
                "其他需求(可多选)",
                ["家政服务", "维修服务", "社区活动", "代收快递", "老人照护", "其他"],
                True,
            ),
        ],
        open=[
            OpenQuestion("advice", "您对我们的工作有哪些意见和建议?"),
            OpenQuestion("first", "您最希望我们先改进哪一方面?"),
        ],
        importance=importance,
        overall="overall",
    )


# The sheet's layout (millimetres from the top-left corner of A4) ------------------------------
PAGE_W, PAGE_H = 210.0, 297.0
MARK_SIZE = 6.0
MARKS = ((12.0, 12.0), (198.0, 12.0), (12.0, 285.0), (198.0, 285.0))
QR = (166.0, 17.0, 22.0)  # the code's symbol: left, top, side
BOX = 6.0
ROW_H = 9.5
LEFT, RIGHT = 16.0, 194.0
LABEL_W = 48.0
TOP_FIRST = 96.0  # page 1: header, notice and how to tick come first
TOP_NEXT = 46.0
BOTTOM = 270.0
OPEN_H = 30.0
CHOICES_PER_LINE = 4


@dataclass(frozen=True)
class Column:
    """A column header above the boxes (a level's name) and where it is."""

    text: str
    x: float
    width: float


@dataclass(frozen=True)
class LaidRow:
    """What the printer needs to draw one row; `box_row` is what the reader measures."""

    kind: str  # "subject", "choice", "open", "header"
    title: str
    y: float
    height: float
    box_row: omr.BoxRow | None = None
    imp_row: omr.BoxRow | None = None
    labels: tuple[str, ...] = ()  # a choice's option names, one per box
    text_area: omr.TextArea | None = None
    columns: tuple[Column, ...] = ()
    hint: str = ""


@dataclass(frozen=True)
class SheetPage:
    number: int  # from 1
    rows: tuple[LaidRow, ...]
    geometry: omr.PageGeometry


def _columns(importance: bool) -> tuple[tuple[float, float], tuple[float, float] | None]:
    """(left, column width) of the satisfaction boxes, and of the importance boxes if asked."""
    start = LEFT + LABEL_W
    if not importance:
        return (start, (RIGHT - start) / 5), None
    sat_w = 14.0
    imp_left = start + 5 * sat_w + 3
    return (start, sat_w), (imp_left, (RIGHT - imp_left) / 5)


def _boxes(left: float, width: float, y: float, count: int) -> tuple[omr.Box, ...]:
    top = y + (ROW_H - BOX) / 2
    return tuple(omr.Box(left + i * width + (width - BOX) / 2, top, BOX) for i in range(count))


def sheet_pages(q: Questionnaire) -> list[SheetPage]:
    """Where everything goes on the printed sheet, page by page."""
    sat, imp = _columns(q.importance)
    header_cols = tuple(Column(t, sat[0] + i * sat[1], sat[1]) for i, t in enumerate(SATISFACTION))
    if imp is not None:
        header_cols += tuple(Column(t, imp[0] + i * imp[1], imp[1]) for i, t in enumerate(IMPORTANCE))
    blocks: list[tuple[str, Any, float]] = [("header", None, 8.0)]
    blocks += [("subject", s, ROW_H) for s in q.subjects]
    for c in q.choices:
        lines = math.ceil(len(c.options) / CHOICES_PER_LINE)
        blocks.append(("choice", c, 6.0 + lines * ROW_H))
    blocks += [("open", o, OPEN_H) for o in q.open]

    pages: list[list[LaidRow]] = [[]]
    y = TOP_FIRST
    for kind, item, height in blocks:
        if y + height > BOTTOM:
            pages.append([])
            y = TOP_NEXT
            if kind == "subject":
                pages[-1].append(LaidRow("header", "", y, 8.0, columns=header_cols))
                y += 8.0
        area = (LEFT - 1, y, RIGHT + 1, y + height)
        if kind == "header":
            pages[-1].append(LaidRow("header", "", y, height, columns=header_cols))
        elif kind == "subject":
            row = omr.BoxRow(item.key, _boxes(sat[0], sat[1], y, 5), area)
            imp_row = None
            if imp is not None:
                imp_row = omr.BoxRow(f"{item.key}.imp", _boxes(imp[0], imp[1], y, 5), area)
            pages[-1].append(LaidRow("subject", item.title, y, height, row, imp_row, hint=item.hint))
        elif kind == "choice":
            width = (RIGHT - LEFT) / CHOICES_PER_LINE
            boxes = []
            for i, _ in enumerate(item.options):
                line, col = divmod(i, CHOICES_PER_LINE)
                boxes.append(omr.Box(LEFT + col * width, y + 6.0 + line * ROW_H + (ROW_H - BOX) / 2, BOX))
            row = omr.BoxRow(item.key, tuple(boxes), area, item.multiple)
            pages[-1].append(LaidRow("choice", item.title, y, height, row, labels=tuple(item.options)))
        else:
            text = omr.TextArea(item.key, (LEFT, y + 6.0, RIGHT, y + height - 1.0))
            pages[-1].append(LaidRow("open", item.title, y, height, text_area=text))
        y += height
    out = []
    for number, rows in enumerate(pages, start=1):
        box_rows = [r.box_row for r in rows if r.box_row] + [r.imp_row for r in rows if r.imp_row]
        geometry = omr.PageGeometry(
            PAGE_W,
            PAGE_H,
            MARKS,
            MARK_SIZE,
            QR,
            tuple(b for b in box_rows if b is not None),
            tuple(r.text_area for r in rows if r.text_area),
        )
        out.append(SheetPage(number, tuple(rows), geometry))
    return out


def plan_questions(plan: SurveyPlan) -> list[tuple[str, str, list[str], bool]]:
    """(key, title, options, several allowed) of every question with boxes, in order."""
    form = plan.form()
    out: list[tuple[str, str, list[str], bool]] = []
    for s in form.subjects:
        out.append((s.key, s.title, list(SATISFACTION), False))
        if form.importance:
            out.append((f"{s.key}.imp", f"{s.title}(重要程度)", list(IMPORTANCE), False))
    out += [(c.key, c.title, list(c.options), c.multiple) for c in form.choices]
    return out


def office_tag() -> str:
    """The first 8 characters of the office's identity, upper case (in every sheet's code)."""
    row = Setting.get_or_none(Setting.key == "office_id")
    if row is None:
        return ""
    try:
        return str(json.loads(row.value))[:8].upper()
    except (ValueError, TypeError):
        return ""


def sheet_code(office: str, plan_id: int, sheet_number: int, page: int) -> str:
    return f"{CODE_PREFIX}-{office}-{plan_id}-{sheet_number}-{page}"


@dataclass(frozen=True)
class CodeParts:
    office: str
    plan: int
    sheet: int
    page: int


def parse_code(text: str) -> CodeParts | None:
    found = CODE.fullmatch((text or "").strip().upper())
    if not found:
        return None
    return CodeParts(found.group(1), int(found.group(2)), int(found.group(3)), int(found.group(4)))


# Storage ------------------------------------------------------------------------------------
class SurveyPlan(AuditedModel):
    """调查计划 (§4.1.2): when, who takes part, the sample, leader and members, method, target."""

    title = pw.CharField(max_length=60)
    kind = pw.CharField(max_length=8)  # 抽样调查 / 全面普查
    method = pw.CharField(max_length=8)  # 问卷调查 / 上门访谈
    starts = pw.DateField()
    ends = pw.DateField()
    departments = pw.CharField(default="", max_length=200)
    buildings = pw.CharField(default="", max_length=300)  # 楼栋 in the survey, comma separated; empty: all
    sample_rate = pw.FloatField(default=0)  # per cent of households, or
    sample_size = pw.IntegerField(default=0)  # a number of households
    complainers = pw.IntegerField(default=0)  # households with most complaints included on purpose (§4.2.2)
    leader = pw.CharField(default="", max_length=40)
    members = pw.CharField(default="", max_length=200)
    recovery_target = pw.FloatField(default=80)  # 回收率目标, per cent
    notes = pw.TextField(default="")  # 注意事项
    notice = pw.TextField(default="")  # printed on the sheet: purpose, how and when collected (§4.4.2)
    questionnaire = pw.TextField()  # JSON of Questionnaire; frozen once approved
    previous = pw.ForeignKeyField("self", null=True, on_delete="SET NULL")
    state = pw.CharField(max_length=8, default=DRAFT)
    created_at = pw.DateTimeField()
    created_by = pw.CharField(default="", max_length=40)
    approved_at = pw.DateTimeField(null=True)
    approved_by = pw.CharField(default="", max_length=40)
    summary = pw.TextField(default="")  # 调查总结, written by the leader for the report
    closed_at = pw.DateTimeField(null=True)

    if TYPE_CHECKING:
        previous_id: pw.ForeignKeyField[int | None]

    def form(self) -> Questionnaire:
        return Questionnaire.from_json(self.questionnaire)

    def building_list(self) -> list[str]:
        return [b.strip() for b in re.split(r"[,,、\s]+", self.buildings) if b.strip()]


class SurveySheet(AuditedModel):
    """One numbered questionnaire: a household of the sample, or a blank census sheet."""

    plan = pw.ForeignKeyField(SurveyPlan, backref="sheets", on_delete="CASCADE")
    number = pw.IntegerField()
    room = pw.ForeignKeyField(Room, null=True, on_delete="SET NULL")
    building = pw.CharField(default="", max_length=20)
    room_label = pw.CharField(default="", max_length=40)
    why = pw.CharField(default="", max_length=60)  # why in the sample: 随机抽样 / 意见较多 / 手工加入 / 普查
    state = pw.CharField(max_length=8, default=SHEET_PRINTED)
    printed_at = pw.DateTimeField(null=True)
    returned_at = pw.DateTimeField(null=True)
    method = pw.CharField(default="", max_length=8)  # how the answers came: 扫描 / 访谈 / 手工
    entered_by = pw.CharField(default="", max_length=40)

    class Meta:
        indexes = ((("plan", "number"), True),)

    if TYPE_CHECKING:
        plan_id: pw.ForeignKeyField[int]
        room_id: pw.ForeignKeyField[int | None]


class SurveyAnswer(BaseModel):
    """One question of one sheet: the value (box index from 0, "0,2" for several, typed text,
    or empty for no answer), how it was obtained, and the picture the clerk decides from."""

    sheet = pw.ForeignKeyField(SurveySheet, backref="answers", on_delete="CASCADE")
    question = pw.CharField(max_length=24)
    value = pw.TextField(default="")
    state = pw.CharField(max_length=8)
    reason = pw.CharField(default="", max_length=100)
    image = pw.BlobField(null=True)
    page = pw.IntegerField(default=1)
    decided_by = pw.CharField(default="", max_length=40)
    updated_at = pw.DateTimeField()

    class Meta:
        indexes = ((("sheet", "question"), True),)

    if TYPE_CHECKING:
        id: pw.AutoField[int]
        sheet_id: pw.ForeignKeyField[int]


class SurveyScan(AuditedModel):
    """One scanned page: the sheet and page it is (or why it is not matched), kept once."""

    plan = pw.ForeignKeyField(SurveyPlan, backref="scans", on_delete="CASCADE")
    sheet = pw.ForeignKeyField(SurveySheet, null=True, backref="scans", on_delete="SET NULL")
    page = pw.IntegerField(default=0)
    digest = pw.CharField(unique=True, max_length=64)
    source_name = pw.CharField(max_length=200)
    source_page = pw.IntegerField(default=1)
    image = pw.BlobField(null=True)  # compressed JPEG of the page
    status = pw.CharField(max_length=12)
    reason = pw.CharField(default="", max_length=200)
    imported_at = pw.DateTimeField()
    imported_by = pw.CharField(default="", max_length=40)

    if TYPE_CHECKING:
        plan_id: pw.ForeignKeyField[int]
        sheet_id: pw.ForeignKeyField[int | None]


class SurveyAction(AuditedModel):
    """纠正措施 for a subject in the 修补区, followed to the end."""

    plan = pw.ForeignKeyField(SurveyPlan, backref="actions", on_delete="CASCADE")
    subject = pw.CharField(max_length=24)
    title = pw.CharField(max_length=40)
    measure = pw.TextField(default="")
    responsible = pw.CharField(default="", max_length=40)
    due = pw.DateField(null=True)
    state = pw.CharField(max_length=8, default=ACTION_OPEN)
    result = pw.TextField(default="")
    done_at = pw.DateTimeField(null=True)

    if TYPE_CHECKING:
        plan_id: pw.ForeignKeyField[int]


SURVEY_MODELS: list[type[BaseModel]] = [SurveyPlan, SurveySheet, SurveyAnswer, SurveyScan, SurveyAction]


def create_tables(database: pw.Database) -> None:
    """Migration 8: the survey's tables (safe on a folder that has them already)."""
    database.create_tables(SURVEY_MODELS, safe=True)


# Plans ----------------------------------------------------------------------------------------
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


@dataclass
class PageOutcome:
    """What became of one scanned page."""

    file: str
    page: int
    status: str
    message: str
    sheet_number: int | None = None
    review: int = 0  # rows sent to the clerk

    @property
    def where(self) -> str:
        return f"{self.file} 第 {self.page} 页" if self.page else self.file


# Scan outcomes
PAGE_READ = "已读取"
PAGE_REVIEW = "待核对"
PAGE_DUPLICATE = "重复页"
PAGE_REFUSED = "已拒绝"
PAGE_UNREAD = "待手工处理"
PAGE_BLANK = "空白页"


@dataclass
class Progress:
    sheets: int
    returned: int
    target: float

    @property
    def rate(self) -> float:
        return 100.0 * self.returned / self.sheets if self.sheets else 0.0

    @property
    def met(self) -> bool:
        return self.sheets > 0 and self.rate >= self.target


class SurveyService:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    # plans -------------------------------------------------------------------------------
    def _check(self, inp: PlanInput) -> dict[str, Any]:
        problems: dict[str, str] = {}
        title = clean_text(inp.title or "")
        if not title:
            problems["调查名称"] = "请填写调查名称,例如“2026年年中顾客满意度调查”"
        elif len(title) > 60:
            problems["调查名称"] = "调查名称最多 60 个字"
        if inp.kind not in KINDS:
            problems["调查方式"] = "请选择抽样调查或全面普查"
        if inp.method not in METHODS:
            problems["调查方法"] = "请选择问卷调查或上门访谈"
        today = self.clock.now().date()
        starts = inp.starts or today
        ends = inp.ends or starts + dt.timedelta(days=14)
        if ends < starts:
            problems["调查时间"] = "结束日期不能早于开始日期"
        if inp.kind == SAMPLE and inp.sample_size <= 0 and not 0 < inp.sample_rate <= 100:
            problems["样本"] = "抽样调查请填写抽样户数,或 1 到 100 之间的抽样比例(%)"
        if inp.sample_size < 0 or inp.complainers < 0:
            problems["样本"] = "户数不能是负数"
        if not 0 < inp.recovery_target <= 100:
            problems["回收率目标"] = "回收率目标要在 1 到 100(%)之间"
        notice = (inp.notice or "").strip()
        if len(notice) > 220:
            problems["告知内容"] = f"印在调查表上的告知最多 220 个字(现在 {len(notice)} 个),请精简"
        previous = None
        if inp.previous_id is not None:
            previous = SurveyPlan.get_or_none(SurveyPlan.id == inp.previous_id)
            if previous is None:
                problems["上次调查"] = "找不到选中的上次调查"
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
        values = self._check(inp)
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
        values = self._check(inp)
        if plan.state != DRAFT:
            raise UserError("调查计划已批准,不能再修改。如需调整,请新建一个调查计划。")
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
            raise UserError("调查已批准运行,调查表已冻结不能修改。如需另一份调查表,请新建调查计划。")
        form.check()
        plan.questionnaire = form.to_json()
        with db.atomic():
            plan.save()

    def approve(self, plan: SurveyPlan) -> SurveyPlan:
        """营运部经理 approves the plan and its questionnaire (§4.1.1, §4.3.3): it runs from now."""
        require("survey.approve")
        plan = self.get(plan.id)
        if plan.state != DRAFT:
            raise UserError(f"这个调查计划{plan.state},不需要再批准。")
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
            raise UserError("只有进行中的调查才能结束。")
        plan.state = CLOSED
        plan.closed_at = self.clock.now()
        with db.atomic():
            plan.save()

    def get(self, plan_id: int) -> SurveyPlan:
        plan = SurveyPlan.get_or_none(SurveyPlan.id == plan_id)
        if plan is None:
            raise UserError(f"找不到编号为 {plan_id} 的调查计划。")
        return plan

    def plans(self) -> list[SurveyPlan]:
        return list(SurveyPlan.select().order_by(SurveyPlan.starts.desc(), SurveyPlan.id.desc()))

    # sample ------------------------------------------------------------------------------
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
        plan = self.get(plan.id)
        if plan.state != APPROVED:
            raise UserError("调查计划批准后才能打印调查表。请先请营运部经理批准。")
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
                    raise UserError("这个调查的样本已经编号过了。要补印请选择已有的调查表,或加印空白表。")
                sample = self.choose_sample(plan)
                if not sample:
                    raise UserError(
                        "没有找到要调查的住户。请先在“房号设置”里录入楼栋和房号,或改为打印空白调查表。"
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
                    raise UserError("一次最多加印 2000 份空白调查表。")
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

    # answers -----------------------------------------------------------------------------
    def _store(
        self,
        sheet: SurveySheet,
        question: str,
        value: str,
        state: str,
        reason: str = "",
        image: bytes | None = None,
        page: int = 1,
        overwrite: bool = True,
    ) -> None:
        now = self.clock.now()
        existing = SurveyAnswer.get_or_none(SurveyAnswer.sheet == sheet, SurveyAnswer.question == question)
        if existing is not None:
            if not overwrite:
                return
            existing.value, existing.state, existing.reason = value, state, reason
            existing.image, existing.page, existing.updated_at = image, page, now
            existing.decided_by = current_actor() if state in (ANSWER_CHECKED, ANSWER_TYPED) else ""
            existing.save()
            return
        SurveyAnswer.create(
            sheet=sheet,
            question=question,
            value=value,
            state=state,
            reason=reason,
            image=image,
            page=page,
            updated_at=now,
            decided_by=current_actor() if state in (ANSWER_CHECKED, ANSWER_TYPED) else "",
        )

    def _returned(self, sheet: SurveySheet, method: str) -> None:
        if sheet.state != SHEET_RETURNED:
            sheet.state = SHEET_RETURNED
            sheet.returned_at = self.clock.now()
            sheet.method = method
            sheet.entered_by = current_actor()
            sheet.save()

    def questions(self, plan: SurveyPlan) -> list[tuple[str, str, list[str], bool]]:
        return plan_questions(plan)

    def enter_answers(self, sheet: SurveySheet, values: dict[str, str], method: str = BY_INTERVIEW) -> None:
        """Answers typed in (an interview, or a page that could not be read): box indexes from 0
        as text ("" for no answer; "0,2" where several are allowed), open answers as text."""
        require("survey.scan")
        sheet = SurveySheet.get_by_id(sheet.id)
        plan = sheet.plan
        if plan.state != APPROVED:
            raise UserError("只有进行中的调查才能录入答卷。")
        known = {k: (opts, multi) for k, _, opts, multi in self.questions(plan)}
        opens = {o.key for o in plan.form().open}
        problems: dict[str, str] = {}
        for key, raw in values.items():
            if key in opens:
                continue
            if key not in known:
                problems[key] = "不是这份调查表上的问题"
                continue
            options, multiple = known[key]
            parts = [p for p in str(raw).split(",") if p.strip() != ""]
            if not multiple and len(parts) > 1:
                problems[key] = "这一项只能选一个"
            if any(not p.strip().isdigit() or not 0 <= int(p) < len(options) for p in parts):
                problems[key] = f"选项要在 1 到 {len(options)} 之间"
        if problems:
            raise ValidationError(problems)
        with db.atomic():
            for key, raw in values.items():
                text = (
                    str(raw).strip()
                    if key in opens
                    else ",".join(p.strip() for p in str(raw).split(",") if p.strip())
                )
                self._store(sheet, key, text, ANSWER_TYPED)
            self._returned(sheet, method)

    def review_queue(self, plan: SurveyPlan) -> list[SurveyAnswer]:
        """Rows the clerk must decide and open answers to type, sheet by sheet."""
        return list(
            SurveyAnswer.select()
            .join(SurveySheet)
            .where(SurveySheet.plan == plan, SurveyAnswer.state.in_([ANSWER_REVIEW, ANSWER_TO_TYPE]))
            .order_by(SurveySheet.number, SurveyAnswer.page, SurveyAnswer.id)
        )

    def decide(self, answer: SurveyAnswer, value: str) -> None:
        """The clerk's decision on a doubtful row ("" no answer), or the typed open answer."""
        require("survey.scan")
        answer = SurveyAnswer.get_by_id(answer.id)
        plan = answer.sheet.plan
        opens = {o.key for o in plan.form().open}
        if answer.question in opens:
            with db.atomic():
                self._store(
                    answer.sheet,
                    answer.question,
                    value.strip(),
                    ANSWER_TYPED,
                    image=answer.image,
                    page=answer.page,
                )
            return
        known = {k: (opts, multi) for k, _, opts, multi in self.questions(plan)}
        options, multiple = known[answer.question]
        parts = [p for p in value.split(",") if p.strip()]
        if (not multiple and len(parts) > 1) or any(
            not p.strip().isdigit() or not 0 <= int(p) < len(options) for p in parts
        ):
            raise UserError(f"请选择 1 到 {len(options)} 之间的一项,或“未答”。")
        with db.atomic():
            self._store(
                answer.sheet,
                answer.question,
                ",".join(p.strip() for p in parts),
                ANSWER_CHECKED,
                reason=answer.reason,
                image=answer.image,
                page=answer.page,
            )

    # scans -------------------------------------------------------------------------------
    def layout_reader(self, plan: SurveyPlan) -> Callable[[CodeParts], omr.PageGeometry | None]:
        """The page layouts of `plan`'s sheets, for reading on another thread (no database)."""
        return layout_reader(plan)

    def read_file(
        self,
        plan: SurveyPlan,
        path: Any,
        cancelled: Callable[[], bool] = lambda: False,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[PageOutcome]:
        """Read a scanned PDF or photo and record every page (see `record_page`), in order, one
        short transaction a page; stops between pages once `cancelled()`."""
        require("survey.scan")
        from app.form_scans import open_scan_file

        plan = self.get(plan.id)
        if plan.state != APPROVED:
            raise UserError("只有进行中的调查才能导入扫描件。")
        scan = open_scan_file(path)
        out: list[PageOutcome] = []
        for number, reading, problem in read_scan(scan, layout_reader(plan), cancelled):
            if reading is None:
                out.append(PageOutcome(scan.name, number, PAGE_UNREAD, problem))
            else:
                out.append(self.record_page(plan, reading, scan.name, number))
            if progress is not None:
                progress(len(out), scan.pages)
        return out

    def record_page(self, plan: SurveyPlan, reading: PageReading, file: str, page: int) -> PageOutcome:
        """Keep one read page: the answers of a sheet of this plan, or the reason it is refused.

        The same page read twice is kept once (by its pixels, then by sheet and page); a
        page read again after being read keeps the first reading."""
        plan = self.get(plan.id)
        if plan.state != APPROVED:
            raise UserError("只有进行中的调查才能导入扫描件。")
        now = self.clock.now()

        def outcome(
            status: str, message: str, sheet: SurveySheet | None = None, review: int = 0
        ) -> PageOutcome:
            return PageOutcome(file, page, status, message, sheet.number if sheet else None, review)

        if reading.blank:
            return outcome(PAGE_BLANK, "空白页,已跳过")
        if SurveyScan.get_or_none(SurveyScan.digest == reading.digest) is not None:
            return outcome(PAGE_DUPLICATE, "这一页已经导入过(同一张图),保留第一次的结果")
        parts = reading.code
        sheet: SurveySheet | None = None
        status, reason = PAGE_UNREAD, reading.problem
        if parts is not None:
            tag = office_tag()
            if tag and parts.office and parts.office != tag:
                return outcome(PAGE_REFUSED, "这是另一个服务中心的调查表,不属于本中心,未导入")
            if parts.plan != plan.id:
                other = SurveyPlan.get_or_none(SurveyPlan.id == parts.plan)
                name = f"“{other.title}”" if other else f"编号 {parts.plan} 的调查"
                return outcome(
                    PAGE_REFUSED, f"这是{name}的调查表,不是本次调查的,未导入。请在那个调查里导入。"
                )
            sheet = self.sheet(plan, parts.sheet)
            if sheet is None or sheet.state == SHEET_VOID:
                return outcome(
                    PAGE_REFUSED,
                    f"调查表编号 {parts.sheet} 不在本次调查的计划里(或已作废),未导入。请核对这张表的来源。",
                )
            if SurveyScan.get_or_none(SurveyScan.sheet == sheet, SurveyScan.page == parts.page) is not None:
                return outcome(
                    PAGE_DUPLICATE,
                    f"第 {sheet.number} 号调查表第 {parts.page} 页已经导入过,保留第一次的结果",
                    sheet,
                )
            if reading.rows or reading.texts:
                status = PAGE_READ
        review = to_type = 0
        with db.atomic():
            SurveyScan.create(
                plan=plan,
                sheet=sheet,
                page=parts.page if parts else 0,
                digest=reading.digest,
                source_name=file[:200],
                source_page=page,
                image=reading.image,
                status=status if sheet is not None else PAGE_UNREAD,
                reason=reason[:200],
                imported_at=now,
                imported_by=current_actor(),
            )
            if sheet is not None and parts is not None and status == PAGE_READ:
                # answers already there (typed in before the paper came) are kept: a person decided them
                have = {
                    a.question
                    for a in SurveyAnswer.select(SurveyAnswer.question).where(SurveyAnswer.sheet == sheet)
                }
                fresh: list[dict[str, Any]] = []

                def add(
                    question: str, value: str, state: str, why: str = "", image: bytes | None = None
                ) -> None:
                    if question not in have:
                        fresh.append(
                            dict(sheet=sheet, question=question, value=value, state=state, reason=why,
                                 image=image, page=parts.page, updated_at=now)
                        )  # fmt: skip

                for row in reading.rows:
                    if row.state == omr.READ:
                        add(row.key, ",".join(map(str, row.chosen)), ANSWER_READ)
                    else:
                        review += row.key not in have
                        add(row.key, "", ANSWER_REVIEW, row.reason, row.image)
                for text in reading.texts:
                    if text.written:
                        to_type += text.key not in have
                        add(text.key, "", ANSWER_TO_TYPE, "请照图录入", text.image)
                if fresh:
                    SurveyAnswer.insert_many(fresh).execute()
                self._returned(sheet, BY_SCAN)
        if sheet is None:
            return outcome(PAGE_UNREAD, f"{reason};已保存这一页,请在“待处理的页”里输入调查表编号后录入")
        if status != PAGE_READ:
            return outcome(
                PAGE_UNREAD, f"第 {sheet.number} 号调查表:{reason};已保存这一页,请照图录入这张表", sheet
            )
        if review or to_type:
            asks = ([f"{review} 行请核对"] if review else []) + (
                [f"{to_type} 处手写意见请录入"] if to_type else []
            )
            return outcome(
                PAGE_REVIEW, f"第 {sheet.number} 号调查表:已读取,{'、'.join(asks)}", sheet, review + to_type
            )
        return outcome(PAGE_READ, f"第 {sheet.number} 号调查表:已读取", sheet)

    def unmatched_pages(self, plan: SurveyPlan) -> list[SurveyScan]:
        """Pages kept without answers: no code read, or the page could not be straightened."""
        return list(
            SurveyScan.select()
            .where(SurveyScan.plan == plan, SurveyScan.status == PAGE_UNREAD)
            .order_by(SurveyScan.id)
        )

    def match_page(self, scan: SurveyScan, sheet_number: int) -> SurveySheet:
        """The clerk names the sheet of a page whose code could not be read; the answers are
        then typed in (`enter_answers`)."""
        require("survey.scan")
        scan = SurveyScan.get_by_id(scan.id)
        sheet = self.sheet(scan.plan, sheet_number)
        if sheet is None or sheet.state == SHEET_VOID:
            raise UserError(f"本次调查里没有第 {sheet_number} 号调查表,请核对纸上的编号。")
        with db.atomic():
            scan.sheet = sheet
            scan.status = PAGE_REVIEW
            scan.save()
        return sheet

    # results -----------------------------------------------------------------------------
    def results(self, plan: SurveyPlan) -> SurveyResults:
        return compute_results(plan)

    def open_actions(self) -> list[SurveyAction]:
        return list(SurveyAction.select().where(SurveyAction.state == ACTION_OPEN).order_by(SurveyAction.due))

    def actions(self, plan: SurveyPlan) -> list[SurveyAction]:
        """The plan's corrective actions, in the order they were made (for its report)."""
        return list(SurveyAction.select().where(SurveyAction.plan == plan).order_by(SurveyAction.id))

    def make_actions(self, plan: SurveyPlan, results: SurveyResults) -> list[SurveyAction]:
        """Corrective actions for the subjects in the 修补区 (once per subject and plan)."""
        require("survey.report")
        made = []
        due = self.clock.now().date() + dt.timedelta(days=30)
        with db.atomic():
            for q in results.quadrant:
                if q.zone != ZONE_FIX:
                    continue
                if SurveyAction.get_or_none(SurveyAction.plan == plan, SurveyAction.subject == q.key):
                    continue
                made.append(
                    SurveyAction.create(
                        plan=plan,
                        subject=q.key,
                        title=q.title[:40],
                        measure=f"“{q.title}”重要但满意度偏低(平均 {q.satisfaction:.2f} 分),请责任部门制定纠正措施。",
                        due=due,
                    )
                )
        return made

    def finish_action(self, action: SurveyAction, result: str) -> None:
        require("survey.report")
        action = SurveyAction.get_by_id(action.id)
        if not result.strip():
            raise ValidationError({"完成情况": "请写明做了什么、效果如何"})
        action.result = result.strip()
        action.state = ACTION_DONE
        action.done_at = self.clock.now()
        with db.atomic():
            action.save()


# Reading a page (no database) ------------------------------------------------------------------
@dataclass
class PageReading:
    """One scanned page as read: its code, the rows, the writing areas, the picture to keep."""

    digest: str
    code: CodeParts | None = None
    rows: list[omr.RowReading] = field(default_factory=list)
    texts: list[omr.TextReading] = field(default_factory=list)
    problem: str = ""
    blank: bool = False
    image: bytes | None = None


def layout_reader(plan: SurveyPlan) -> Callable[[CodeParts], omr.PageGeometry | None]:
    """The page layouts of `plan`'s sheets by code, worked out once (no database afterwards);
    a code of another plan has none."""
    layout = [p.geometry for p in sheet_pages(plan.form())]
    plan_id = plan.id

    def geometry(parts: CodeParts) -> omr.PageGeometry | None:
        ok = parts.plan == plan_id and 1 <= parts.page <= len(layout)
        return layout[parts.page - 1] if ok else None

    return geometry


def scan_pages(scan: Any) -> Iterator[tuple[int, Image.Image | None, str]]:
    """(page number, grey picture, why not) of each page of a checked scan file.

    A scanner's PDF holds one picture a page: that picture is taken out as it is (decoding a
    JPEG is several times faster than drawing the page, and the reader does not care how the
    page is turned); any other page is drawn at the resolution `app.form_scans` uses. Photos
    go through `app.form_scans` as they are."""
    from app.form_scans import _page_images, pdf_page_images

    if scan.kind != "pdf":
        yield from _page_images(scan)
        return
    yield from pdf_page_images(scan, draw=_scanned_picture)


def _scanned_picture(page: Any) -> Image.Image:
    """The page's one picture, taken out as it is; else the page drawn."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    from app.form_scans import draw_page

    image = None
    pictures = list(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=1))
    if len(pictures) == 1 and len(list(page.get_objects(max_depth=1))) == 1:
        try:
            image = pictures[0].get_bitmap(render=False).to_pil().convert("L")
        except (pypdfium2.PdfiumError, ValueError, OSError):
            image = None  # an image format pdfium hands out only drawn
    if image is None or min(image.size) < 600:
        image = draw_page(page)
    return image


def read_scan(
    scan: Any,
    geometry: Callable[[CodeParts], omr.PageGeometry | None],
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[tuple[int, PageReading | None, str]]:
    """(page number, reading or None, why not) for each page of a checked scan file, in order.

    No database: pages are drawn on this thread (pdfium is used from one thread only) and read
    on `READ_THREADS` threads (zxing-cpp and Pillow work outside Python's lock), a few pages
    ahead at most; stops between pages once `cancelled()`."""
    from concurrent.futures import Future, ThreadPoolExecutor

    from app.form_scans import READ_THREADS

    def read(image: Image.Image) -> PageReading:
        try:
            return read_page_image(image, geometry)
        finally:
            image.close()

    pending: list[tuple[int, Future[PageReading] | None, str]] = []

    def settle(limit: int) -> Iterator[tuple[int, PageReading | None, str]]:
        while len(pending) > limit:
            number, future, problem = pending.pop(0)
            if future is None:
                yield number, None, problem
                continue
            try:
                yield number, future.result(), ""
            except Exception:  # noqa: BLE001 - one odd page must not stop the batch; logged in full
                log.exception("page %d of %s could not be read", number, scan.name)
                yield number, None, "这一页读取时出错(详情见日志),请重新扫描这一页"

    with ThreadPoolExecutor(max_workers=READ_THREADS, thread_name_prefix="survey-read") as pool:
        for number, image, problem in scan_pages(scan):
            if cancelled():
                break
            pending.append((number, pool.submit(read, image) if image is not None else None, problem))
            yield from settle(READ_THREADS)
        if cancelled():
            for _, future, _ in pending:
                if future is not None:
                    future.cancel()
            pending.clear()
        yield from settle(0)


def _geometry_for(parts: CodeParts) -> omr.PageGeometry | None:
    plan = SurveyPlan.get_or_none(SurveyPlan.id == parts.plan)
    if plan is None:
        return None
    pages = sheet_pages(plan.form())
    if not 1 <= parts.page <= len(pages):
        return None
    return pages[parts.page - 1].geometry


def read_page_image(
    image: Image.Image, geometry_for: Callable[[CodeParts], omr.PageGeometry | None] = _geometry_for
) -> PageReading:
    """Find the sheet by its code, straighten the page from its marks, read every box.

    `geometry_for` gives the page's layout from its code (the plan's questionnaire)."""
    import hashlib

    from app.form_scans import compress_page

    gray = image.convert("L")
    digest = hashlib.sha256(f"{gray.size}".encode() + gray.tobytes()).hexdigest()
    reading = PageReading(digest=digest)
    codes = omr.find_codes(gray)
    ours = [(c, parse_code(c.text)) for c in codes]
    ours = [(c, p) for c, p in ours if p is not None]
    if not ours:
        if not codes and omr.is_blank(gray):
            reading.blank = True
            return reading
        if codes:
            shown = codes[0].text[:40]
            reading.problem = (
                "这是回访记录表,请在“扫描件导入”里导入"
                if shown.upper().startswith("HF-")
                else f"这一页的二维码不是调查表的(读到“{shown}”)"
            )
        else:
            reading.problem = "读不出二维码(可能被遮挡、污损或太模糊)"
        reading.image, _, _ = compress_page(gray)
        return reading
    code, parts = ours[0]
    assert parts is not None
    reading.code = parts
    geometry = geometry_for(parts)
    if geometry is None:
        reading.problem = "调查表的页码或调查编号不对"
        reading.image, _, _ = compress_page(gray)
        return reading
    placement, why = omr.place(gray, geometry, code)
    if placement is None:
        reading.problem = why
        reading.image, _, _ = compress_page(gray)
        return reading
    page = omr.straighten(gray, geometry, placement)
    rows = omr.read_rows(page, geometry)
    if omr.misregistered(rows):
        reading.problem = "这一页的方框位置对不准(可能拍斜、纸张不平或角标缺失),没有读取,请照图录入"
    else:
        reading.rows = rows
        reading.texts = omr.read_texts(page, geometry)
    # the page as scanned, turned upright when it came upside down (for the clerk to look at)
    reading.image, _, _ = compress_page(gray, 180 if abs(placement.turn) > 90 else 0)
    return reading


# Results ----------------------------------------------------------------------------------
ZONE_ADVANTAGE = "优势区"  # important, satisfied: keep it up
ZONE_FIX = "修补区"  # important, not satisfied: correct first
ZONE_OPPORTUNITY = "机会区"  # less important, not satisfied
ZONE_MAINTAIN = "维持区"  # less important, satisfied


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
        scores = [_score(a.get(item.key, "")) for a in answers.values()]
        counts = [0] * 5
        for v in scores:
            if v is not None:
                counts[5 - v] += 1
        n = sum(counts)
        avg = sum(c * LEVEL_SCORES[i] for i, c in enumerate(counts)) / n if n else None
        result = SubjectResult(
            item.key,
            item.title,
            n,
            counts,
            round(avg, 2) if avg is not None else None,
            round(100 * (counts[0] + counts[1]) / n, 1) if n else None,
            counts[3] + counts[4],
            previous_avgs.get(item.key),
        )
        if form.importance:
            imps = [_score(a.get(f"{item.key}.imp", "")) for a in answers.values()]
            vals = [v for v in imps if v is not None]
            result.importance = round(sum(vals) / len(vals), 2) if vals else None
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
            pairs = [
                (_score(a.get(subject.key, "")), _score(a.get(form.overall, ""))) for a in answers.values()
            ]
            xs = [float(x) for x, y in pairs if x is not None and y is not None]
            ys = [float(y) for x, y in pairs if x is not None and y is not None]
            r = _correlation(xs, ys)
            subject.importance = round(r, 3) if r is not None else None
    quadrant: list[QuadrantPoint] = []
    placed = [s for s in rated if s.importance is not None and s.average is not None]
    if len(placed) >= 2:
        mid_i = sum(s.importance or 0 for s in placed) / len(placed)
        mid_s = sum(s.average or 0 for s in placed) / len(placed)
        for s in placed:
            imp, sat = s.importance or 0.0, s.average or 0.0
            if imp >= mid_i:
                zone = ZONE_ADVANTAGE if sat >= mid_s else ZONE_FIX
            else:
                zone = ZONE_MAINTAIN if sat >= mid_s else ZONE_OPPORTUNITY
            quadrant.append(QuadrantPoint(s.key, s.title, imp, sat, zone))
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
    choices = []
    for c in form.choices:
        tally = Counter[int]()
        for a in answers.values():
            for part in a.get(c.key, "").split(","):
                if part.strip().isdigit():
                    tally[int(part)] += 1
        choices.append((c.title, [(o, tally[i]) for i, o in enumerate(c.options)]))
    open_answers: dict[str, list[tuple[str, str]]] = defaultdict(list)
    titles = {o.key: o.title for o in form.open}
    for a in answers.values():
        for key, title in titles.items():
            text = a.get(key, "").strip()
            if text:
                open_answers[group_open_answer(text)].append((title, text))
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
        building_counts=dict(building_counts),
        choices=choices,
        open_answers=dict(open_answers),
        quadrant=quadrant,
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
