"""审计记录: the administrator reads the trail (who changed or read what, when), checks its
hash chain, and exports what the filter shows.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import audit
from app.audit_queries import AuditQueries, ChainCheck
from app.i18n import term
from ui.errors import friendly_error
from ui.history import action_words, describe_change, field_label, value_words
from ui.i18n import QT_TR_NOOP
from ui.palette import (
    ACCESS_ROW_BG,
    ERROR_BOX_STYLE,
    HEADING_TEXT,
    MUTED_TEXT,
    OK_BOX_STYLE,
    WARN_BORDER,
    WARN_CARD_BG,
    style,
)
from ui.widgets import Banner, from_qdate, make_table, one_line, stored_word, to_qdate
from ui.worker import Job, run_in_background

if TYPE_CHECKING:
    from app.models import AuditEntry

log = logging.getLogger(__name__)
TABLE_LABELS = {
    "case": QT_TR_NOOP("案件"), "owner": QT_TR_NOOP("业主"), "room": QT_TR_NOOP("房号"), "staff": QT_TR_NOOP("人员"), "department": QT_TR_NOOP("部门"), "policy": QT_TR_NOOP("制度设置"),
    "dispatch": QT_TR_NOOP("派工单"), "extension": QT_TR_NOOP("延期"), "major_report": QT_TR_NOOP("重大投诉报告"), "open_letter": QT_TR_NOOP("公开信"),
    "visit": QT_TR_NOOP("回访"), "visit_decision": QT_TR_NOOP("回访抽样"), "rework_notice": QT_TR_NOOP("返工通知"), "signature": QT_TR_NOOP("签名"),
    "visit_review": QT_TR_NOOP("回访审核"), "form_sheet": QT_TR_NOOP("回访记录表"), "report_archive": QT_TR_NOOP("季度报告"), "holiday": QT_TR_NOOP("节假日"),
}  # fmt: skip
CHANGE_ACTIONS = [QT_TR_NOOP("新建"), QT_TR_NOOP("修改")]
PAGE_SIZE = 200
EXPORT_LIMIT = 1_000_000
_ACCESS_COLOUR = QColor(ACCESS_ROW_BG)
_STOPPED_BOX_STYLE = style(HEADING_TEXT, WARN_CARD_BG, WARN_BORDER, radius=3, padding=6)


class AuditWindow(QWidget):
    """The audit trail for the administrator: filter, page through, check the chain, export."""

    case_activated = Signal(int)  # a case entry double-clicked
    chain_checked = Signal(object)  # the chain check has ended and says so: its ChainCheck, or None (failed)

    COLUMNS = (
        QT_TR_NOOP("序号"),
        QT_TR_NOOP("时间"),
        QT_TR_NOOP("人员"),
        QT_TR_NOOP("操作"),
        QT_TR_NOOP("对象"),
        QT_TR_NOOP("记录"),
        QT_TR_NOOP("项目"),
        QT_TR_NOOP("内容"),
    )

    def __init__(self, trail: AuditQueries, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trail = trail
        self.setWindowTitle(self.tr("审计记录"))
        self.page = 0
        # Where each page seen so far starts: the page after the entry with this id (None: the
        # newest). Paging by id reads one page whatever its number; an offset reads all before.
        self._page_starts: list[int | None] = [None]
        self._has_more = False
        self._entries: list[AuditEntry] = []

        # Filters
        self.table_filter = QComboBox()
        self.action_filter = QComboBox()
        self.actor_filter = QComboBox()
        self.actor_filter.setEditable(True)
        self.actor_filter.setMinimumWidth(110)
        self.use_dates = QCheckBox(self.tr("日期"))
        today = to_qdate(trail.today())
        self.since = QDateEdit(today.addDays(-30))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.use_dates.toggled.connect(self.since.setEnabled)
        self.use_dates.toggled.connect(self.until.setEnabled)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("内容包含…"))
        self.text.setClearButtonEnabled(True)
        self.search_button = QPushButton(self.tr("查询"))
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.apply_filter)
        self.text.returnPressed.connect(self.apply_filter)
        self._fill_choices()
        for combo in (self.table_filter, self.action_filter):
            combo.currentIndexChanged.connect(self.apply_filter)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        for label, widget in ((self.tr("对象"), self.table_filter), (self.tr("操作"), self.action_filter),
                              (self.tr("人员"), self.actor_filter)):  # fmt: skip
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addSpacing(6)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.since)
        filters.addWidget(QLabel(self.tr("至")))
        filters.addWidget(self.until)
        filters.addSpacing(6)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.search_button)

        # The list
        self.table = make_table([self.tr(c) for c in self.COLUMNS], stretch=None)
        header = self.table.horizontalHeader()
        # Columns measured once after each page is filled, not on every change of a cell.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(self._activated)

        # Paging, chain check, export
        self.prev_button = QPushButton(self.tr("上一页"))
        self.next_button = QPushButton(self.tr("下一页"))
        self.prev_button.clicked.connect(lambda: self._go(self.page - 1))
        self.next_button.clicked.connect(lambda: self._go(self.page + 1))
        self.page_label = QLabel()
        self.chain_button = QPushButton(self.tr("校验审计链"))
        self.chain_button.setToolTip(self.tr("逐条核对审计记录的哈希链,发现被改动、删除或插入的记录"))
        self.chain_button.clicked.connect(lambda: self.check_chain())
        self.full_chain_button = QPushButton(self.tr("完整校验"))
        self.full_chain_button.setToolTip(
            self.tr("从第一条起逐条核对全部审计记录(校验审计链只核对上次核对完好之后新增的记录)")
        )
        self.full_chain_button.clicked.connect(lambda: self.check_chain(full=True))
        self.chain_job: Job[ChainCheck] | None = None  # the chain check while it runs
        self.chain_progress = QProgressBar()
        self.chain_progress.setMinimumWidth(240)  # "已核对 4,000,000 / 4,000,000 条" fits
        self.chain_progress.setMaximumWidth(320)
        self.chain_progress.setTextVisible(True)
        self.chain_progress.hide()
        self.chain_cancel_button = QPushButton(self.tr("取消"))
        self.chain_cancel_button.setToolTip(self.tr("停止校验审计链(已核对的部分不给结论)"))
        self.chain_cancel_button.clicked.connect(self.cancel_chain_check)
        self.chain_cancel_button.hide()
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.setToolTip(self.tr("把当前筛选出的全部记录导出为 Excel"))
        self.export_button.clicked.connect(self._export_clicked)
        self.chain_result = QLabel()
        self.chain_result.setWordWrap(True)
        self.chain_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chain_result.hide()
        self.banner = Banner()  # how an export ended
        self.banner.add_button(self.tr("关闭"), self.banner.hide)

        bottom = QHBoxLayout()
        bottom.addWidget(self.prev_button)
        bottom.addWidget(self.page_label)
        bottom.addWidget(self.next_button)
        bottom.addStretch(1)
        bottom.addWidget(self.chain_progress)
        bottom.addWidget(self.chain_cancel_button)
        bottom.addWidget(self.chain_button)
        bottom.addWidget(self.full_chain_button)
        bottom.addWidget(self.export_button)

        title = QLabel(self.tr("审计记录"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        note = QLabel(
            self.tr("每一次修改、每一次查看业主资料都记在这里,按时间倒序;橙色行为查看个人资料的记录。")
        )
        note.setStyleSheet(f"color: {MUTED_TEXT};")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chain_result)
        layout.addWidget(self.banner)
        layout.addLayout(bottom)
        self.refresh()

    # Filters -------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        self.table_filter.addItem(self.tr("全部"), None)
        tables = self.trail.tables()
        for key in sorted(set(tables) | {"case", "owner"}, key=lambda t: (t not in TABLE_LABELS, t)):
            self.table_filter.addItem(self.tr(TABLE_LABELS.get(key, key)), key)
        self.action_filter.addItem(self.tr("全部"), None)
        for action in CHANGE_ACTIONS + audit.ACCESS_ACTIONS:
            self.action_filter.addItem(action_words(action), action)
        self._fill_actors()

    def _fill_actors(self) -> None:
        current = self.actor_filter.currentText()
        self.actor_filter.blockSignals(True)
        self.actor_filter.clear()
        self.actor_filter.addItem(self.tr("全部"), None)
        for name in self.trail.actors():
            self.actor_filter.addItem(term(name), name)  # 系统 in the chosen language; names as typed
        self.actor_filter.setCurrentText(current or self.tr("全部"))
        self.actor_filter.blockSignals(False)

    def current_filter(self) -> audit.AuditFilter:
        actor = stored_word(self.actor_filter).strip()
        since = until = None
        if self.use_dates.isChecked():
            since = dt.datetime.combine(from_qdate(self.since.date()), dt.time())
            until = dt.datetime.combine(from_qdate(self.until.date()) + dt.timedelta(days=1), dt.time())
        return audit.AuditFilter(
            table=self.table_filter.currentData(),
            actor=None if not actor or actor == self.tr("全部") else actor,
            action=self.action_filter.currentData(),
            since=since,
            until=until,
            text=self.text.text().strip(),
        )

    def set_action(self, action: str | None) -> None:
        self.action_filter.setCurrentIndex(max(0, self.action_filter.findData(action)))

    def apply_filter(self) -> None:
        self.page = 0
        self._page_starts = [None]
        self.refresh()

    # The list ------------------------------------------------------------------------
    def refresh(self) -> None:
        found = self.trail.entries(
            self.current_filter(), limit=PAGE_SIZE + 1, before_id=self._page_starts[self.page]
        )
        self._has_more = len(found) > PAGE_SIZE
        self._entries = found[:PAGE_SIZE]
        reader = self.trail.reader()
        self.table.setRowCount(len(self._entries))
        for r, entry in enumerate(self._entries):
            change = describe_change(entry, reader)
            values = (
                str(entry.id),
                f"{entry.at:%Y-%m-%d %H:%M:%S}",
                term(entry.actor),
                action_words(entry.action),
                self.tr(TABLE_LABELS.get(entry.table, entry.table)),
                reader.record_name(entry.table, entry.record_id),
                self.tr(field_label(entry.field, entry.table)) if entry.field else "",
                one_line(change, 160),
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 7:
                    item.setToolTip(describe_change(entry, reader, full=True)[:2000])
                if c == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if entry.action in audit.ACCESS_ACTIONS:
                    item.setBackground(QBrush(_ACCESS_COLOUR))
                self.table.setItem(r, c, item)
        for col in range(len(self.COLUMNS) - 1):
            self.table.resizeColumnToContents(col)
        first = self.page * PAGE_SIZE + 1 if self._entries else 0
        last = self.page * PAGE_SIZE + len(self._entries)
        self.page_label.setText(self.tr("第 {0} 页(第 {1}–{2} 条)").format(self.page + 1, first, last))
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self._has_more)

    def _go(self, page: int) -> None:
        """The page before or after the one shown (the list pages one step at a time)."""
        page = max(0, min(page, len(self._page_starts)))
        if page == len(self._page_starts):  # the next page: after the last entry shown
            if not self._entries:
                return
            self._page_starts.append(self._entries[-1].id)
        self.page = page
        self.refresh()

    def shown_entries(self) -> list[AuditEntry]:
        return list(self._entries)

    def _activated(self, row: int, _col: int) -> None:
        entry = self._entries[row]
        if entry.table == "case" and entry.record_id.isdigit():
            self.case_activated.emit(int(entry.record_id))

    # The chain -----------------------------------------------------------------------
    def check_chain(self, full: bool = False) -> Job[ChainCheck]:
        """校验审计链 on a thread of its own (millions of entries take a while): the bar says how
        many entries are checked of how many, 取消 stops it; the result shows when it ends.
        From the last point found whole, unless `full` (完整校验: from the first entry)."""
        if self.chain_job is not None and self.chain_job.running:
            return self.chain_job
        self.chain_button.setEnabled(False)
        self.full_chain_button.setEnabled(False)
        self.chain_cancel_button.setEnabled(True)
        self.chain_cancel_button.show()
        self.chain_progress.setRange(0, 0)  # how many there are is counted first
        self.chain_progress.setFormat(self.tr("正在校验…"))
        self.chain_progress.show()
        self.chain_result.hide()
        trail = self.trail
        self.chain_job = run_in_background(
            self,
            lambda progress: trail.chain_check(progress, progress.is_cancelled, full=full),
            on_done=self._chain_done,
            on_failed=self._chain_failed,
            on_progress=self._chain_progressed,
        )
        return self.chain_job

    def cancel_chain_check(self) -> None:
        if self.chain_job is not None and self.chain_job.running:
            self.chain_job.cancel()
            self.chain_cancel_button.setEnabled(False)
            self.chain_progress.setFormat(self.tr("正在停止…"))

    def _chain_progressed(self, done: int, total: int, _what: str) -> None:
        if self.chain_job is not None and self.chain_job.cancelled:
            return
        self.chain_progress.setRange(0, max(total, 1))
        self.chain_progress.setValue(min(done, max(total, 1)))
        self.chain_progress.setFormat(self.tr("已核对 {0} / {1} 条").format(f"{done:,}", f"{total:,}"))

    def _chain_ended(self) -> None:
        self.chain_job = None
        self.chain_progress.hide()
        self.chain_cancel_button.hide()
        self.chain_button.setEnabled(True)
        self.full_chain_button.setEnabled(True)

    def _chain_done(self, check: ChainCheck) -> None:
        self._chain_ended()
        problems = check.problems
        if check.stopped:
            self.chain_result.setText(
                self.tr("已取消校验:核对了 {0} / {1} 条后停止,没有得出结论。").format(
                    f"{check.checked:,}", f"{check.total:,}"
                )
            )
            self.chain_result.setStyleSheet(_STOPPED_BOX_STYLE)
        elif problems:
            lines = "<br>".join(p.replace("&", "&amp;").replace("<", "&lt;") for p in problems[:50])
            more = self.tr("<br>……另有 {0} 处").format(len(problems) - 50) if len(problems) > 50 else ""
            self.chain_result.setText(
                self.tr("<b>审计链有 {0} 处问题:</b><br>{1}{2}").format(len(problems), lines, more)
            )
            self.chain_result.setStyleSheet(ERROR_BOX_STYLE)
        elif check.since is not None and not check.checked:
            self.chain_result.setText(
                self.tr(
                    "审计链完好:上次核对({0})完好的 {1} 条之后没有新增记录。要从第一条起重新核对,请按“完整校验”。"
                ).format(check.since.at[:16].replace("T", " "), f"{check.since.count:,}")
            )
            self.chain_result.setStyleSheet(OK_BOX_STYLE)
        elif check.since is not None:
            self.chain_result.setText(
                self.tr(
                    "审计链完好:上次核对({0})完好的 {1} 条之后,新增的 {2} 条逐条核对无误。"
                    "要从第一条起重新核对,请按“完整校验”。"
                ).format(
                    check.since.at[:16].replace("T", " "), f"{check.since.count:,}", f"{check.checked:,}"
                )
            )
            self.chain_result.setStyleSheet(OK_BOX_STYLE)
        else:
            self.chain_result.setText(
                self.tr("审计链完好,从第一条起共 {0} 条逐条核对无误。").format(f"{check.checked:,}")
            )
            self.chain_result.setStyleSheet(OK_BOX_STYLE)
        self.chain_result.show()
        self.chain_checked.emit(check)

    def _chain_failed(self, exc: BaseException) -> None:
        log.warning("audit chain check failed", exc_info=exc)
        self._chain_ended()
        self.chain_result.setText(self.tr("没能校验审计链:{0}").format(friendly_error(exc)))
        self.chain_result.setStyleSheet(ERROR_BOX_STYLE)
        self.chain_result.show()
        self.chain_checked.emit(None)

    # Export --------------------------------------------------------------------------
    def _export_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出审计记录"), str(Path.home() / self.tr("审计记录.xlsx")), "Excel (*.xlsx)"
        )
        if name:
            self.start_export(Path(name))

    def start_export(self, path: Path) -> Job[int]:
        """The export on a thread of its own (a long trail takes a while); the button says so."""
        found = self.current_filter()  # read from the widgets here, on the window's thread
        self.export_button.setEnabled(False)
        self.export_button.setText(self.tr("正在导出…"))
        self.export_job = run_in_background(
            self,
            lambda _progress: self.export(path, found),
            on_done=lambda count: self._export_ended(
                self.tr("已导出 {0} 条记录到 {1}").format(count, path), "success"
            ),
            on_failed=self._export_failed,
        )
        return self.export_job

    def _export_failed(self, exc: BaseException) -> None:
        log.warning("audit export failed", exc_info=exc)
        self._export_ended(friendly_error(exc), "error")

    def _export_ended(self, message: str, kind: str) -> None:
        self.export_button.setEnabled(True)
        self.export_button.setText(self.tr("导出…"))
        self.banner.show_message(message, kind)

    @staticmethod
    def _export_values(entry: AuditEntry, reader: audit.Reader) -> tuple[str, str]:
        """原值 and 新值 in words, whole (no shortening): names for ids, 是/否, 签名(n 笔)."""
        if entry.action == "修改":  # data
            whole = 1_000_000
            return (
                value_words(reader.value(entry.table, entry.field, entry.old, whole), entry.field),
                value_words(reader.value(entry.table, entry.field, entry.new, whole), entry.field),
            )
        if entry.action == "新建":  # data
            return "", describe_change(entry, reader, full=True)
        return entry.old or "", entry.new or ""

    def export(self, path: Path, found: audit.AuditFilter | None = None) -> int:
        """Every entry the filter finds (not only this page), numbers and times as real cells."""
        rows = self.trail.entries(found or self.current_filter(), limit=EXPORT_LIMIT)
        wb = Workbook()
        ws = wb.active
        ws.title = self.tr("审计记录")
        headers = [self.tr(h) for h in (*self.COLUMNS[:-1], QT_TR_NOOP("原值"), QT_TR_NOOP("新值"))]
        ws.append(headers)
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            cell.alignment = Alignment(horizontal="center")
        reader = self.trail.reader()
        for entry in rows:
            old, new = self._export_values(entry, reader)
            ws.append([entry.id, entry.at, term(entry.actor), action_words(entry.action), self.tr(TABLE_LABELS.get(entry.table, entry.table)),
                       reader.record_name(entry.table, entry.record_id),
                       self.tr(field_label(entry.field, entry.table)) if entry.field else "", old, new])  # fmt: skip
            row = ws.max_row
            ws.cell(row, 2).number_format = "yyyy-mm-dd hh:mm:ss"
            for col in (8, 9):
                ws.cell(row, col).data_type = "s"  # a value starting with '=' stays text
        for col, width in enumerate((8, 20, 12, 14, 12, 10, 14, 40, 40), start=1):
            ws.column_dimensions[get_column_letter(col)].width = width
        ws.freeze_panes = "A2"
        tmp = path.with_name(path.name + ".part")
        try:
            wb.save(tmp)
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)
        return len(rows)
