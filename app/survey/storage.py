"""The survey's tables: plans, numbered sheets, answers, scanned pages, corrective actions
(created by migration 8), and the questions with boxes of a plan's frozen questionnaire."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import peewee as pw

from app.domain import SATISFACTION
from app.models import AuditedModel, BaseModel, Room
from app.survey.questionnaire import Questionnaire
from app.survey.vocabulary import ACTION_OPEN, DRAFT, IMPORTANCE, SHEET_PRINTED


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
