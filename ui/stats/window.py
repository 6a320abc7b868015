"""统计分析: the window around the tabs — the period picker, the computation on a worker
thread, the heading, printing and the exports. Each tab is a module of its own.

The window is handed four callables (compute, the PDF, the Excel file, saving the measures)
and the office clock, and knows nothing of the database: its default period is the clock's
quarter (and month, for 月), never the wall clock's. The computation runs through `ui.worker`,
which carries the acting person and the office clock to its thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.clock import Clock
from app.errors import write_bytes
from app.periods import Period, quarter_number
from app.stats import Comparison
from ui.errors import friendly_error
from ui.i18n import QT_TR_NOOP
from ui.palette import MUTED_TEXT
from ui.progress import STEPS, ProgressDialog, failure_words, run_with_progress
from ui.stats.common import scrolling
from ui.stats.complaints_tab import ComplaintsTab
from ui.stats.corrective_tab import CorrectiveTab
from ui.stats.handling_tab import HandlingTab
from ui.stats.measures_tab import MeasuresTab
from ui.stats.people_tab import PeopleTab
from ui.stats.visits_tab import VisitsTab
from ui.widgets import Banner, from_qdate, to_qdate
from ui.worker import Job, Progress, run_in_background

if TYPE_CHECKING:
    from ui.pdf_preview import PdfPreviewDialog

log = logging.getLogger(__name__)

PERIOD_KINDS = [QT_TR_NOOP("月"), QT_TR_NOOP("季度"), QT_TR_NOOP("年"), QT_TR_NOOP("自定义")]
MONTH, QUARTER, YEAR, CUSTOM = PERIOD_KINDS


class StatsWindow(QWidget):
    computed = Signal(object)  # Comparison, once shown
    compute_failed = Signal(str)
    open_case_number = Signal(str)
    measures_saved = Signal()

    def __init__(
        self,
        compute: Callable[[Period], Comparison],
        export_pdf: Callable[[Comparison], bytes],
        export_xlsx: Callable[[Comparison, Path], None],
        save_measures: Callable[[Period, str], None],
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.compute = compute
        self.export_pdf = export_pdf
        self.export_xlsx = export_xlsx
        self.save_measures = save_measures
        self.comparison: Comparison | None = None
        self.preview: PdfPreviewDialog | None = None
        self._job: Job[Comparison] | None = None
        self.setWindowTitle(self.tr("统计分析"))

        # Period picker: the office clock's quarter (its month for 月, its month so far for 自定义).
        today = clock.now().date()
        self.kind_combo = QComboBox()
        self.kind_combo.addItems([self.tr(k) for k in PERIOD_KINDS])
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2099)
        self.year_spin.setValue(today.year)
        self.year_spin.setSuffix(self.tr(" 年"))
        self.month_combo = QComboBox()
        self.month_combo.addItems([self.tr("{0}月").format(m) for m in range(1, 13)])
        self.month_combo.setCurrentIndex(today.month - 1)
        self.quarter_combo = QComboBox()
        self.quarter_combo.addItems([self.tr("第{0}季度").format(q) for q in range(1, 5)])
        self.quarter_combo.setCurrentIndex(quarter_number(today) - 1)
        self.from_edit = QDateEdit(to_qdate(Period.month(today.year, today.month).start))
        self.to_edit = QDateEdit(to_qdate(today))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.to_label = QLabel(self.tr("至"))
        self.compute_button = QPushButton(self.tr("计算"))
        self.compute_button.setDefault(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setFixedWidth(120)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.status = QLabel()
        self.status.setStyleSheet(f"color: {MUTED_TEXT};")
        self.print_button = QPushButton(self.tr("打印…"))
        self.pdf_button = QPushButton(self.tr("导出 PDF…"))
        self.xlsx_button = QPushButton(self.tr("导出 Excel…"))
        for button in (self.print_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(False)

        self.kind_combo.setCurrentIndex(1)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.compute_button.clicked.connect(self.start)
        self.print_button.clicked.connect(self._print)
        self.pdf_button.clicked.connect(self._export_pdf)
        self.xlsx_button.clicked.connect(self._export_xlsx)

        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("统计期间")))
        for w in (
            self.kind_combo,
            self.year_spin,
            self.month_combo,
            self.quarter_combo,
            self.from_edit,
            self.to_label,
            self.to_edit,
            self.compute_button,
            self.busy,
            self.status,
        ):
            picker.addWidget(w)
        picker.addStretch(1)
        picker.addWidget(self.print_button)
        picker.addWidget(self.pdf_button)
        picker.addWidget(self.xlsx_button)

        self.banner = Banner("error")
        self.heading = QLabel(self.tr("选择期间后按“计算”。"))
        font = self.heading.font()
        font.setPointSize(13)
        font.setBold(True)
        self.heading.setFont(font)

        self.visits = VisitsTab()
        self.complaints = ComplaintsTab()
        self.handling = HandlingTab()
        self.corrective = CorrectiveTab()
        self.people = PeopleTab()
        self.measures = MeasuresTab()
        for tab in (self.visits, self.handling, self.corrective, self.measures):
            tab.open_case_number.connect(self.open_case_number)
        self.measures.save_requested.connect(self._save_measures)
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolling(self.visits), self.tr("回访统计表"))
        self.tabs.addTab(scrolling(self.complaints), self.tr("投诉分析"))
        self.tabs.addTab(scrolling(self.handling), self.tr("处理情况"))
        self.tabs.addTab(self.corrective, self.tr("纠正预防"))
        self.tabs.addTab(scrolling(self.people), self.tr("人员"))
        self.tabs.addTab(self.measures, self.tr("改进措施"))
        self.tabs.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(picker)
        layout.addWidget(self.banner)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self._kind_changed()

    # The period -----------------------------------------------------------------------
    def _kind_changed(self) -> None:
        kind = PERIOD_KINDS[self.kind_combo.currentIndex()]
        self.year_spin.setVisible(kind != CUSTOM)
        self.month_combo.setVisible(kind == MONTH)
        self.quarter_combo.setVisible(kind == QUARTER)
        for w in (self.from_edit, self.to_label, self.to_edit):
            w.setVisible(kind == CUSTOM)

    def period(self) -> Period:
        """The period the picker shows; ValueError (in Chinese) for a custom range backwards."""
        kind = PERIOD_KINDS[self.kind_combo.currentIndex()]
        year = self.year_spin.value()
        if kind == MONTH:
            return Period.month(year, self.month_combo.currentIndex() + 1)
        if kind == QUARTER:
            return Period.quarter(year, self.quarter_combo.currentIndex() + 1)
        if kind == YEAR:
            return Period.year(year)
        return Period.between(from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date()))

    def set_period(self, period: Period) -> None:
        """Show `period` in the picker (a whole month, quarter or year when it is one)."""
        self.year_spin.setValue(period.start.year)
        if period.is_month:
            self.kind_combo.setCurrentIndex(0)
            self.month_combo.setCurrentIndex(period.start.month - 1)
        elif period.quarter_no is not None:
            self.kind_combo.setCurrentIndex(1)
            self.quarter_combo.setCurrentIndex(period.quarter_no - 1)
        elif period.is_year:
            self.kind_combo.setCurrentIndex(2)
        else:
            self.kind_combo.setCurrentIndex(3)
            self.from_edit.setDate(to_qdate(period.start))
            self.to_edit.setDate(to_qdate(period.end))

    # Computing ------------------------------------------------------------------------
    def is_busy(self) -> bool:
        return self._job is not None

    def start(self) -> None:
        if self._job is not None:
            return
        try:
            period = self.period()
        except ValueError as exc:
            self.banner.show_message(str(exc), "error")
            return
        self.banner.hide()
        self.compute_button.setEnabled(False)
        self.busy.show()
        self.status.setText(self.tr("正在计算 {0}…").format(period.label))
        compute = self.compute
        self._job = run_in_background(
            self,
            lambda _progress: compute(period),
            on_done=self._on_done,
            on_failed=lambda exc: self._on_failed(period, exc),
        )

    def _finished(self) -> None:
        self._job = None
        self.compute_button.setEnabled(True)
        self.busy.hide()
        self.status.setText("")

    def _on_done(self, comparison: Comparison) -> None:
        # The tabs are filled one per turn of the event loop (a year's lists hold hundreds of
        # rows), so the window answers between them; the busy bar stays until the last.
        self._show_in_steps(self._show_steps(comparison), comparison)

    def _show_in_steps(self, steps: list[Callable[[], None]], comparison: Comparison) -> None:
        if self._job is None:  # the window was closed meanwhile
            return
        if not steps:
            self._finished()
            self.computed.emit(comparison)
            return
        steps[0]()
        QTimer.singleShot(0, self, lambda: self._show_in_steps(steps[1:], comparison))

    def _on_failed(self, period: Period, exc: BaseException) -> None:
        log.error("statistics of %s failed", period.label, exc_info=exc)
        self._finished()
        reason = friendly_error(exc)
        self.banner.show_message(self.tr("统计失败:{0}").format(reason), "error")
        self.compute_failed.emit(reason)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._job is not None:
            self._job.stop()  # waits for the thread; nothing is called back after
            self._finished()
        super().closeEvent(event)

    # Showing --------------------------------------------------------------------------
    def show_comparison(self, comparison: Comparison) -> None:
        """Every tab filled at once (after 计算 they are filled one per turn of the event loop)."""
        for step in self._show_steps(comparison):
            step()

    def _show_steps(self, comparison: Comparison) -> list[Callable[[], None]]:
        cur, prev = comparison.current, comparison.previous
        return [
            lambda: self._show_heading(comparison),
            lambda: self.visits.show_stats(cur, prev),
            lambda: self.complaints.show_stats(cur, prev),
            lambda: self.handling.show_stats(cur, prev),
            lambda: self.corrective.show_stats(cur),
            lambda: self.people.show_stats(cur, prev),
            lambda: self.measures.show_comparison(comparison),
            self._shown,
        ]

    def _show_heading(self, comparison: Comparison) -> None:
        self.comparison = comparison
        cur, prev = comparison.current, comparison.previous
        if cur.period.through is not None:
            # A period not over yet: counted up to today, compared with the same days before it.
            self.heading.setText(
                self.tr("{0}({1} 至 {2},截至 {3})  ·  对比上期同期 {4}({5} 至 {6},前 {7} 天)").format(
                    cur.period.label,
                    cur.period.start.isoformat(),
                    cur.period.last_day.isoformat(),
                    cur.period.last_day.strftime("%m-%d"),
                    prev.period.label,
                    prev.period.start.isoformat(),
                    prev.period.last_day.isoformat(),
                    prev.period.days,
                )
            )
        else:
            self.heading.setText(
                self.tr("{0}({1} 至 {2})  ·  对比上期 {3}").format(
                    cur.period.label,
                    cur.period.start.isoformat(),
                    cur.period.end.isoformat(),
                    prev.period.label,
                )
            )

    def _shown(self) -> None:
        self.tabs.setEnabled(True)
        for button in (self.pdf_button, self.print_button, self.xlsx_button):
            button.setEnabled(True)

    # Actions --------------------------------------------------------------------------
    def _save_measures(self, text: str) -> None:
        if self.comparison is None:
            return
        try:
            self.save_measures(self.comparison.current.period, text)
        except Exception as exc:  # noqa: BLE001 - shown to the user, logged in full
            log.exception("saving measures failed")
            self.banner.show_message(self.tr("改进措施保存失败:{0}").format(friendly_error(exc)), "error")
            return
        self.comparison.measures = text
        self.measures.saved(self.clock.now())
        self.banner.show_message(self.tr("改进措施已保存。"), "success")
        self.measures_saved.emit()

    def _default_name(self, suffix: str) -> str:
        assert self.comparison is not None
        return str(
            Path.home() / (self.tr("回访统计分析_{0}").format(self.comparison.current.period.label) + suffix)
        )

    def _print(self) -> ProgressDialog | None:
        """打印…: the analysis report made on a worker thread, then shown in the preview and
        printed through the system's print dialog."""
        if self.comparison is None:
            return None
        comparison, export_pdf = self.comparison, self.export_pdf
        return run_with_progress(
            self,
            self.tr("打印"),
            self.tr("正在生成统计分析报告…"),
            lambda _progress: export_pdf(comparison),
            on_done=self._show_preview,
            on_failed=lambda exc: self.banner.show_message(
                self.tr("无法生成报告:{0}").format(failure_words(exc)), "error"
            ),
            close_when_done=True,
        )

    def _show_preview(self, data: bytes) -> None:
        from ui.pdf_preview import PdfPreviewDialog

        name = Path(self._default_name(".pdf")).name
        self.preview = PdfPreviewDialog(data, title=name.removesuffix(".pdf"), file_name=name, parent=self)
        self.preview.open()

    def _export_pdf(self) -> ProgressDialog | None:
        if self.comparison is None:
            return None
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出 PDF"), self._default_name(".pdf"), "PDF (*.pdf)"
        )
        if not name:
            return None
        return self.export_pdf_to(Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf"))

    def export_pdf_to(self, path: Path) -> ProgressDialog | None:
        """The analysis report written to `path` on a worker thread, with progress."""
        if self.comparison is None:
            return None
        comparison, export_pdf = self.comparison, self.export_pdf

        def work(progress: Progress) -> Path:
            progress(1, 2, "")
            data = export_pdf(comparison)
            progress(2, 2, self.tr("正在写入 {0}…").format(path))
            write_bytes(path, data)
            return path

        return run_with_progress(
            self,
            self.tr("导出 PDF"),
            self.tr("正在生成统计分析报告…"),
            work,
            unit=STEPS,
            done_text=lambda written: self.tr("已导出 PDF:{0}").format(written),
            on_done=lambda written: self.banner.show_message(
                self.tr("已导出 PDF:{0}").format(written), "success"
            ),
            on_failed=lambda exc: self.banner.show_message(
                self.tr("导出 PDF 失败:{0}").format(failure_words(exc)), "error"
            ),
        )

    def _export_xlsx(self) -> ProgressDialog | None:
        if self.comparison is None:
            return None
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出 Excel"), self._default_name(".xlsx"), "Excel (*.xlsx)"
        )
        if not name:
            return None
        return self.export_xlsx_to(Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx"))

    def export_xlsx_to(self, path: Path) -> ProgressDialog | None:
        """The statistics as an Excel workbook at `path`, written on a worker thread."""
        if self.comparison is None:
            return None
        comparison, export_xlsx = self.comparison, self.export_xlsx

        def work(_progress: Progress) -> Path:
            export_xlsx(comparison, path)
            return path

        return run_with_progress(
            self,
            self.tr("导出 Excel"),
            self.tr("正在写入 Excel 文件 {0}…").format(path),
            work,
            done_text=lambda written: self.tr("已导出 Excel:{0}").format(written),
            on_done=lambda written: self.banner.show_message(
                self.tr("已导出 Excel:{0}").format(written), "success"
            ),
            on_failed=lambda exc: self.banner.show_message(
                self.tr("导出 Excel 失败:{0}").format(failure_words(exc)), "error"
            ),
        )
