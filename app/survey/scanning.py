"""Scanned pages brought in: each page read (`app.survey.reading`) is kept once, matched to
its sheet by its code (or refused, or kept for the clerk to name), and its answers stored."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app import omr
from app.clock import Clock
from app.errors import UserError
from app.i18n import term, tr
from app.models import current_actor, db
from app.survey.answers import SurveyRecorder
from app.survey.layout import CodeParts, office_tag
from app.survey.plans import SurveyPlanner
from app.survey.reading import PageReading, layout_reader, read_scan
from app.survey.sheets import SurveySampler
from app.survey.storage import SurveyAnswer, SurveyPlan, SurveyScan, SurveySheet
from app.survey.vocabulary import (
    ANSWER_READ,
    ANSWER_REVIEW,
    ANSWER_TO_TYPE,
    APPROVED,
    BY_SCAN,
    PAGE_BLANK,
    PAGE_DUPLICATE,
    PAGE_READ,
    PAGE_REFUSED,
    PAGE_REVIEW,
    PAGE_UNREAD,
    SHEET_VOID,
    require,
)


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
        return tr("{file} 第 {page} 页", file=self.file, page=self.page) if self.page else self.file


class SurveyScanner:
    """Scan files read page by page, each page recorded; unmatched pages named by the clerk."""

    def __init__(
        self, clock: Clock, planner: SurveyPlanner, sampler: SurveySampler, recorder: SurveyRecorder
    ) -> None:
        self.clock = clock
        self.planner = planner
        self.sampler = sampler
        self.recorder = recorder

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

        plan = self.planner.get(plan.id)
        if plan.state != APPROVED:
            raise UserError(tr("只有进行中的调查才能导入扫描件。"))
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
        plan = self.planner.get(plan.id)
        if plan.state != APPROVED:
            raise UserError(tr("只有进行中的调查才能导入扫描件。"))
        now = self.clock.now()

        def outcome(
            status: str, message: str, sheet: SurveySheet | None = None, review: int = 0
        ) -> PageOutcome:
            return PageOutcome(file, page, status, message, sheet.number if sheet else None, review)

        if reading.blank:
            return outcome(PAGE_BLANK, tr("空白页,已跳过"))
        if SurveyScan.get_or_none(SurveyScan.digest == reading.digest) is not None:
            return outcome(PAGE_DUPLICATE, tr("这一页已经导入过(同一张图),保留第一次的结果"))
        parts = reading.code
        sheet: SurveySheet | None = None
        status, reason = PAGE_UNREAD, reading.problem
        if parts is not None:
            tag = office_tag()
            if tag and parts.office and parts.office != tag:
                return outcome(PAGE_REFUSED, tr("这是另一个服务中心的调查表,不属于本中心,未导入"))
            if parts.plan != plan.id:
                other = SurveyPlan.get_or_none(SurveyPlan.id == parts.plan)
                name = f"“{other.title}”" if other else tr("编号 {id} 的调查", id=parts.plan)
                return outcome(
                    PAGE_REFUSED,
                    tr("这是{name}的调查表,不是本次调查的,未导入。请在那个调查里导入。", name=name),
                )
            sheet = self.sampler.sheet(plan, parts.sheet)
            if sheet is None or sheet.state == SHEET_VOID:
                return outcome(
                    PAGE_REFUSED,
                    tr(
                        "调查表编号 {number} 不在本次调查的计划里(或已作废),未导入。请核对这张表的来源。",
                        number=parts.sheet,
                    ),
                )
            if SurveyScan.get_or_none(SurveyScan.sheet == sheet, SurveyScan.page == parts.page) is not None:
                return outcome(
                    PAGE_DUPLICATE,
                    tr(
                        "第 {number} 号调查表第 {page} 页已经导入过,保留第一次的结果",
                        number=sheet.number,
                        page=parts.page,
                    ),
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
                self.recorder.returned(sheet, BY_SCAN)
        if sheet is None:
            return outcome(
                PAGE_UNREAD,
                tr("{reason};已保存这一页,请在“待处理的页”里输入调查表编号后录入", reason=term(reason)),
            )
        if status != PAGE_READ:
            return outcome(
                PAGE_UNREAD,
                tr(
                    "第 {number} 号调查表:{reason};已保存这一页,请照图录入这张表",
                    number=sheet.number,
                    reason=term(reason),
                ),
                sheet,
            )
        if review or to_type:
            asks = ([tr("{count} 行请核对", count=review)] if review else []) + (
                [tr("{count} 处手写意见请录入", count=to_type)] if to_type else []
            )
            return outcome(
                PAGE_REVIEW,
                tr("第 {number} 号调查表:已读取,{asks}", number=sheet.number, asks=tr("、").join(asks)),
                sheet,
                review + to_type,
            )
        return outcome(PAGE_READ, tr("第 {number} 号调查表:已读取", number=sheet.number), sheet)

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
        sheet = self.sampler.sheet(scan.plan, sheet_number)
        if sheet is None or sheet.state == SHEET_VOID:
            raise UserError(tr("本次调查里没有第 {number} 号调查表,请核对纸上的编号。", number=sheet_number))
        with db.atomic():
            scan.sheet = sheet
            scan.status = PAGE_REVIEW
            scan.save()
        return sheet
