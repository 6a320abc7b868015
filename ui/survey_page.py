"""满意度调查: the surveys, their recovery rate against the target, and every step of the cycle.

The list shows each plan with its state and live recovery rate; the buttons below follow the
procedure (seed 001 篇3 §4): 新建计划 → 批准 (营运部经理) → 打印调查表 → 导入扫描件 / 录入访谈
→ 核对 → 调查报告. Scans are read on a worker thread (reading only: the worker never touches
the database), each page stored on this thread as it arrives, with a progress bar and 取消.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import omr, survey
from app.errors import UserError, write_bytes
from app.form_scans import ScanFileError, open_scan_file
from ui.errors import friendly_error
from ui.i18n import QT_TR_NOOP
from ui.progress import STEPS, ProgressDialog, run_with_progress
from ui.widgets import Banner, make_table
from ui.worker import Job, Progress, run_in_background

log = logging.getLogger(__name__)

STATE_TEXT = {
    survey.DRAFT: QT_TR_NOOP("草稿(待批准)"),
    survey.APPROVED: QT_TR_NOOP("进行中"),
    survey.CLOSED: QT_TR_NOOP("已结束"),
}
KIND_TEXT = {survey.SAMPLE: QT_TR_NOOP("抽样调查"), survey.CENSUS: QT_TR_NOOP("全面普查")}
FILE_FILTER = QT_TR_NOOP("扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;所有文件 (*)")


@dataclass(frozen=True)
class FileRefused:
    """A file the reader could not take (handed over to the window's thread)."""

    name: str
    reason: str


@dataclass(frozen=True)
class PageRead:
    """One page read (its reading, or None and why not), handed over to the window's thread."""

    file: str
    page: int
    reading: object
    problem: str


def survey_reading(
    paths: Sequence[Path],
    geometry: Callable[[survey.CodeParts], omr.PageGeometry | None],
    reading_failed: str,
) -> Callable[[Progress], bool]:
    """The reading for `ui.worker.run_in_background`: only readings cross to the window's
    thread (`progress.deliver`), the page count first as `progress(0, total)`. Returns
    whether it was cancelled."""

    def work(progress: Progress) -> bool:
        try:
            files = []
            for path in paths:
                try:
                    files.append(open_scan_file(path))
                except ScanFileError as exc:
                    progress.deliver(FileRefused(path.name, str(exc)))
            progress(0, sum(f.pages for f in files), "")
            for scan in files:
                for number, reading, problem in survey.read_scan(scan, geometry, progress.is_cancelled):  # type: ignore[arg-type]
                    progress.deliver(PageRead(scan.name, number, reading, problem))
                if progress.cancelled:
                    break
        except Exception:  # noqa: BLE001 - logged in full; the page says it in words
            log.exception("reading survey scans failed")
            progress.deliver(FileRefused("", reading_failed))
        return progress.cancelled

    return work


class SurveyPage(QWidget):
    COLUMNS = (
        QT_TR_NOOP("编号"),
        QT_TR_NOOP("调查名称"),
        QT_TR_NOOP("方式"),
        QT_TR_NOOP("时间"),
        QT_TR_NOOP("状态"),
        QT_TR_NOOP("回收"),
        QT_TR_NOOP("待核对"),
    )

    def __init__(
        self, service: survey.SurveyService, office_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.office_name = office_name
        self._job: Job[bool] | None = None
        self._read = 0
        self._total = 0
        self._plan_id = 0
        title = QLabel(self.tr("顾客满意度调查"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        intro = QLabel(
            self.tr(
                "每半年管理评审前调查一次:年中抽样,年底普查。计划经营运部经理批准后打印编号调查表;"
                "收回的调查表扫描导入,程序自动读取勾选,拿不准的由您看图核对。"
            )
        )
        intro.setWordWrap(True)
        self.table = make_table([self.tr(c) for c in self.COLUMNS], stretch=1, alternate=False)
        self.table.itemSelectionChanged.connect(self._update)

        self.recovery = QProgressBar()
        self.recovery.setRange(0, 100)
        self.recovery.setFormat(self.tr("回收率 %p%"))
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.banner = Banner()
        self.reading = QProgressBar()
        self.reading.hide()
        self.cancel_button = QPushButton(self.tr("取消读取"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)

        self.new_button = QPushButton(self.tr("新建计划…"))
        self.edit_button = QPushButton(self.tr("修改计划…"))
        self.approve_button = QPushButton(self.tr("批准"))
        self.print_button = QPushButton(self.tr("打印调查表…"))
        self.blank_button = QPushButton(self.tr("加印空白表…"))
        self.scan_button = QPushButton(self.tr("导入扫描件…"))
        self.entry_button = QPushButton(self.tr("录入答卷…"))
        self.review_button = QPushButton(self.tr("核对…"))
        self.report_button = QPushButton(self.tr("调查报告…"))
        self.form_button = QPushButton(self.tr("调查表内容…"))
        self.actions_button = QPushButton(self.tr("纠正措施…"))
        self.unread_button = QPushButton(self.tr("读不出的页…"))
        self.close_button = QPushButton(self.tr("结束调查"))
        self.close_button.clicked.connect(self.close_survey)
        self.unread_button.clicked.connect(self.unread_pages)
        self.form_button.clicked.connect(self.edit_questionnaire)
        self.actions_button.clicked.connect(self.follow_actions)
        self.new_button.clicked.connect(self.new_plan)
        self.edit_button.clicked.connect(self.edit_plan)
        self.approve_button.clicked.connect(self.approve)
        self.print_button.clicked.connect(lambda: self.print_sheets(blank=0))
        self.blank_button.clicked.connect(self.print_blank)
        self.scan_button.clicked.connect(self.choose_scans)
        self.entry_button.clicked.connect(self.enter)
        self.review_button.clicked.connect(self.review)
        self.report_button.clicked.connect(self.report)
        # the plan on the first row, the collection and the report on the second (§4.1–§4.5)
        plan_steps = QHBoxLayout()
        plan_steps.addWidget(QLabel(self.tr("计划:")))
        for button in (
            self.new_button,
            self.edit_button,
            self.form_button,
            self.approve_button,
            self.print_button,
            self.blank_button,
        ):
            plan_steps.addWidget(button)
        plan_steps.addStretch(1)
        collect_steps = QHBoxLayout()
        collect_steps.addWidget(QLabel(self.tr("收回:")))
        for button in (
            self.scan_button,
            self.entry_button,
            self.review_button,
            self.unread_button,
            self.report_button,
            self.actions_button,
            self.close_button,
        ):
            collect_steps.addWidget(button)
        collect_steps.addStretch(1)
        steps = QVBoxLayout()
        steps.addLayout(plan_steps)
        steps.addLayout(collect_steps)
        running = QHBoxLayout()
        running.addWidget(self.reading, 1)
        running.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(steps)
        layout.addWidget(self.recovery)
        layout.addWidget(self.detail)
        layout.addLayout(running)
        layout.addWidget(self.banner)
        self.refresh()

    # the list ------------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self._plan_id
        self.table.setRowCount(0)
        for plan in self.service.plans():
            progress = self.service.progress(plan)
            waiting = len(self.service.review_queue(plan))
            row = self.table.rowCount()
            self.table.insertRow(row)
            values = [
                str(plan.id),
                plan.title,
                self.tr(KIND_TEXT.get(plan.kind, plan.kind)),
                f"{plan.starts:%Y-%m-%d} ~ {plan.ends:%Y-%m-%d}",
                self.tr(STATE_TEXT.get(plan.state, plan.state)),
                self.tr("{0}/{1}({2:.0f}%)").format(progress.returned, progress.sheets, progress.rate),
                str(waiting),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, plan.id)
                self.table.setItem(row, column, item)
            if plan.id == keep:
                self.table.selectRow(row)
        if self.table.rowCount() and not self.table.selectedItems():
            self.table.selectRow(0)
        self._update()

    def selected_plan(self) -> survey.SurveyPlan | None:
        items = self.table.selectedItems()
        if not items:
            return None
        return self.service.get(int(items[0].data(Qt.ItemDataRole.UserRole)))

    def _update(self) -> None:
        plan = self.selected_plan()
        self._plan_id = plan.id if plan else 0
        draft = plan is not None and plan.state == survey.DRAFT
        running = plan is not None and plan.state == survey.APPROVED and self._job is None
        self.edit_button.setEnabled(draft)
        self.form_button.setEnabled(draft)
        self.approve_button.setEnabled(draft)
        for button in (
            self.print_button,
            self.blank_button,
            self.scan_button,
            self.entry_button,
            self.review_button,
        ):
            button.setEnabled(running)
        self.report_button.setEnabled(plan is not None and plan.state != survey.DRAFT)
        if plan is None:
            self.recovery.setValue(0)
            self.detail.setText(self.tr("还没有调查计划。点“新建计划”开始。"))
            return
        progress = self.service.progress(plan)
        self.recovery.setValue(round(progress.rate))
        waiting = len(self.service.review_queue(plan))
        unread = len(self.service.unmatched_pages(plan))
        text = self.tr("发放 {0} 份,收回 {1} 份,回收率 {2:.1f}%(目标 {3:g}%,{4})。").format(
            progress.sheets,
            progress.returned,
            progress.rate,
            plan.recovery_target,
            self.tr("已达到") if progress.met else self.tr("未达到"),
        )
        if waiting:
            text += self.tr("有 {0} 处待核对或录入。").format(waiting)
        if unread:
            text += self.tr("有 {0} 页读不出,请点“读不出的页”看图处理。").format(unread)
        self.detail.setText(text)

    def _fail(self, exc: Exception) -> None:
        self.banner.show_message(friendly_error(exc), "error")

    # plan ----------------------------------------------------------------------------------
    def new_plan(self) -> None:
        from ui.survey_plan import SurveyPlanDialog

        dialog = SurveyPlanDialog(self.service, None, self)
        if dialog.exec() and dialog.plan is not None:
            self._plan_id = dialog.plan.id
            self.banner.show_message(self.tr("计划已保存,请营运部经理批准后打印调查表。"), "success")
            self.refresh()

    def edit_plan(self) -> None:
        from ui.survey_plan import SurveyPlanDialog

        plan = self.selected_plan()
        if plan is None:
            return
        if SurveyPlanDialog(self.service, plan, self).exec():
            self.refresh()

    def edit_questionnaire(self) -> None:
        from ui.survey_actions import QuestionnaireDialog

        plan = self.selected_plan()
        if plan is not None and QuestionnaireDialog(self.service, plan, self).exec():
            self.banner.show_message(self.tr("调查表内容已保存。"), "success")

    def follow_actions(self) -> None:
        from ui.survey_actions import ActionsDialog

        ActionsDialog(self.service, self).exec()

    def close_survey(self) -> None:
        plan = self.selected_plan()
        if plan is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("结束调查"),
            self.tr("结束后不能再导入或录入答卷,报告仍可生成。确定结束“{0}”吗?").format(plan.title),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.service.close(plan)
        except UserError as exc:
            self._fail(exc)
            return
        self.refresh()

    def approve(self) -> None:
        plan = self.selected_plan()
        if plan is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("批准调查计划"),
            self.tr("批准后调查表冻结,不能再修改。确定批准“{0}”吗?").format(plan.title),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.service.approve(plan)
        except UserError as exc:
            self._fail(exc)
            return
        self.banner.show_message(self.tr("已批准,现在可以打印调查表。"), "success")
        self.refresh()

    # printing ------------------------------------------------------------------------------
    def _preview(self, pdf: bytes, title: str, file_name: str) -> None:
        """The saved PDF in the program's preview, whose 打印… sends it to a printer."""
        from ui.pdf_preview import PdfPreviewDialog

        self.preview_dialog = PdfPreviewDialog(pdf, title, file_name, self)
        self.preview_dialog.open()

    def _save_path(self, title: str, name: str, pattern: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), pattern)
        return Path(path) if path else None

    def print_blank(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        count, ok = QInputDialog.getInt(
            self, self.tr("加印空白表"), self.tr("加印几份编号空白调查表?"), 50, 1, 2000
        )
        if ok:
            self.print_sheets(blank=count)

    def print_sheets(self, blank: int = 0) -> ProgressDialog | None:
        """The numbered sheets as a PDF, made and saved on a worker thread (a sample of a
        thousand households is a thousand pages), then shown in the preview."""
        from reports import survey_form

        plan = self.selected_plan()
        if plan is None:
            return None
        path = self._save_path(self.tr("保存调查表 PDF"), f"{plan.title}.pdf", self.tr("PDF 文件 (*.pdf)"))
        if path is None:
            return None
        service, office_name = self.service, self.office_name

        def work(progress: Progress) -> tuple[bytes, int]:
            progress(1, 2, "")
            first = not blank and not service.sheets(plan)
            sheets = service.make_sheets(plan, blank=blank) if (blank or first) else service.sheets(plan)
            progress(2, 2, self.tr("正在生成 {0} 份调查表…").format(len(sheets)))
            pdf = survey_form.generate(survey_form.content_for(office_name, plan, sheets))
            write_bytes(path, pdf)
            return pdf, len(sheets)

        def done(made: tuple[bytes, int]) -> None:
            self._preview(made[0], self.tr("调查表"), path.name)
            self.banner.show_message(
                self.tr("已保存 {0} 份调查表到 {1},请用 A4 纸打印(可双面)。").format(made[1], str(path)),
                "success",
            )
            self.refresh()

        self.job_dialog = run_with_progress(
            self, self.tr("调查表"), self.tr("正在准备调查表…"), work,
            on_done=done, on_failed=lambda _exc: self.refresh(), unit=STEPS, close_when_done=True,
        )  # fmt: skip
        return self.job_dialog

    # scans ---------------------------------------------------------------------------------
    def choose_scans(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择扫描件"), str(Path.home()), self.tr(FILE_FILTER)
        )
        if paths:
            self.start_reading([Path(p) for p in paths])

    def start_reading(self, paths: Sequence[Path]) -> None:
        plan = self.selected_plan()
        if plan is None or self._job is not None:
            return
        self._read = self._total = 0
        self.outcomes: list[survey.PageOutcome] = []
        self.reading.setRange(0, 0)
        self.reading.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.banner.show_message(self.tr("正在读取扫描件…"), "info")
        failed = self.tr("读取扫描件时出错,已读的页面都已保存。详情见日志。")
        self._job = run_in_background(
            self,
            survey_reading(list(paths), survey.layout_reader(plan), failed),
            on_done=self._on_finished,
            on_failed=self._on_reading_failed,
            on_progress=self._on_counted,
            on_item=self._on_item,
        )
        self._update()

    reading_finished = Signal(object)  # list of PageOutcome

    @Slot()
    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)

    def _on_item(self, item: FileRefused | PageRead) -> None:
        if isinstance(item, FileRefused):
            self._on_refused(item.name, item.reason)
        else:
            self._on_page(item.file, item.page, item.reading, item.problem)

    def _on_reading_failed(self, exc: BaseException) -> None:
        log.error("reading survey scans failed", exc_info=exc)
        self._on_refused("", self.tr("读取扫描件时出错,已读的页面都已保存。详情见日志。"))
        self._on_finished(False)

    def _on_refused(self, name: str, reason: str) -> None:
        self.outcomes.append(survey.PageOutcome(name, 0, survey.PAGE_REFUSED, reason))

    def _on_counted(self, done: int, total: int, what: str = "") -> None:
        self._total = total
        self.reading.setRange(0, max(1, total))

    def _on_page(self, name: str, number: int, reading: object, problem: str) -> None:
        plan = self.service.get(self._plan_id)
        try:
            if reading is None:
                outcome = survey.PageOutcome(name, number, survey.PAGE_UNREAD, problem)
            else:
                outcome = self.service.record_page(plan, reading, name, number)  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001 - the page is named; the rest goes on
            log.exception("storing page %d of %s failed", number, name)
            outcome = survey.PageOutcome(name, number, survey.PAGE_UNREAD, friendly_error(exc))
        self.outcomes.append(outcome)
        self._read += 1
        self.reading.setValue(min(self._read, self.reading.maximum()))
        self.reading.setFormat(self.tr("已读 {0} / {1} 页").format(self._read, self._total))

    def _on_finished(self, cancelled: bool) -> None:
        self._job = None
        self.reading.hide()
        self.cancel_button.hide()
        counts: dict[str, int] = {}
        for o in self.outcomes:
            counts[o.status] = counts.get(o.status, 0) + 1
        problems = [
            f"{o.where}:{o.message}"
            for o in self.outcomes
            if o.status in (survey.PAGE_UNREAD, survey.PAGE_REFUSED)
        ]
        text = self.tr("读取 {0} 页:已读取 {1},待核对 {2},重复 {3},空白 {4},未读或拒绝 {5}。").format(
            len(self.outcomes),
            counts.get(survey.PAGE_READ, 0),
            counts.get(survey.PAGE_REVIEW, 0),
            counts.get(survey.PAGE_DUPLICATE, 0),
            counts.get(survey.PAGE_BLANK, 0),
            len(problems),
        )
        if cancelled:
            text = self.tr("已取消,读完的页面都已保存。") + text
        if problems:
            text += "\n" + "\n".join(problems[:8])
        self.banner.show_message(text, "warn" if problems else "success")
        self.refresh()
        self.reading_finished.emit(self.outcomes)

    # the clerk's keyboard work ---------------------------------------------------------------
    def review(self) -> None:
        from ui.survey_review import SurveyReviewDialog

        plan = self.selected_plan()
        if plan is not None:
            SurveyReviewDialog(self.service, plan, self).exec()
            self.refresh()

    def unread_pages(self) -> None:
        from ui.survey_review import UnreadPagesDialog

        plan = self.selected_plan()
        if plan is not None:
            UnreadPagesDialog(self.service, plan, self).exec()
            self.refresh()

    def enter(self) -> None:
        from ui.survey_review import SurveyEntryDialog

        plan = self.selected_plan()
        if plan is not None:
            SurveyEntryDialog(self.service, plan, parent=self).exec()
            self.refresh()

    # report --------------------------------------------------------------------------------
    def report(self) -> ProgressDialog | None:
        """调查报告: the results counted, the actions made, the PDF and its Excel table written
        on a worker thread; then the preview."""
        from reports import survey_report

        plan = self.selected_plan()
        if plan is None:
            return None
        path = self._save_path(
            self.tr("保存调查报告"), self.tr("{0}报告.pdf").format(plan.title), self.tr("PDF 文件 (*.pdf)")
        )
        if path is None:
            return None
        service, office_name = self.service, self.office_name
        excel = path.with_suffix(".xlsx")

        def work(progress: Progress) -> tuple[bytes, int]:
            progress(1, 3, "")
            results = service.results(plan)
            service.make_actions(plan, results)
            actions = service.actions(plan)
            progress(2, 3, self.tr("正在生成调查报告…"))
            pdf = survey_report.SurveyReport(office_name, plan, results, actions).generate()
            write_bytes(path, pdf)
            progress(3, 3, self.tr("正在写入统计表…"))
            write_bytes(excel, survey_report.workbook(plan, results))
            return pdf, results.pending_review

        def done(made: tuple[bytes, int]) -> None:
            self._preview(made[0], self.tr("调查报告"), path.name)
            message = self.tr("报告已保存:{0},统计表:{1}。").format(str(path), excel.name)
            if made[1]:
                message += self.tr("还有 {0} 处待核对,未计入报告。").format(made[1])
            self.banner.show_message(message, "success")

        self.job_dialog = run_with_progress(
            self, self.tr("调查报告"), self.tr("正在统计调查结果…"), work,
            on_done=done, unit=STEPS, close_when_done=True,
        )  # fmt: skip
        return self.job_dialog
