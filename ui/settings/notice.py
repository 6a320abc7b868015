"""载入国务院通知: the State Council's notice pasted as published; a preview, then every day saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.errors import ValidationError
from app.holidays import HolidayService, parse_notice
from ui.settings.common import hint_label
from ui.widgets import ErrorLabel


class NoticeDialog(QDialog):
    """载入国务院通知: the notice's text pasted as published; a preview, then every day saved."""

    def __init__(self, holidays: HolidayService, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holidays = holidays
        self.year = year
        self.setWindowTitle(self.tr("载入 %1 年国务院节假日安排").replace("%1", str(year)))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr(
                "把《国务院办公厅关于%1年部分节假日安排的通知》的正文粘贴到这里,例如:\n"
                "一、元旦:1月1日(周五)放假,与周末连休。\n"
                "二、春节:2月5日(农历除夕、周五)至13日(农历正月初八、周六)放假调休,共9天。"
                "1月30日(周六)、2月20日(周六)上班。"
            ).replace("%1", str(year))
        )
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.load_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.load_button.setText(self.tr("载入"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.load)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(
            hint_label(
                self.tr("载入后该年按通知计算;表中已有的本处安排若通知未提到则保留。未结案件的期限会重算。")
            )
        )
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self.update_preview)
        self.update_preview()
        self.resize(720, 460)

    def update_preview(self) -> None:
        text = self.text.toPlainText()
        self.load_button.setEnabled(bool(text.strip()))
        if not text.strip():
            self.preview.setText("")
            return
        try:
            items = parse_notice(text, self.year)
        except ValidationError as exc:
            self.preview.setText("\n".join(f"{k}:{v}" for k, v in exc.problems.items()))
            return
        lines = []
        for item in items:
            span = f"{item.first:%m-%d}"
            if item.last != item.first:
                span = self.tr("{0} 至 {1}").format(span, f"{item.last:%m-%d}")
            kind = self.tr("调休上班") if item.workday else self.tr("放假 {0} 天").format(item.days)
            lines.append(f"{item.name}  {span}  {kind}")
        self.preview.setText(self.tr("将录入:") + "\n" + "\n".join(lines))

    def load(self) -> None:
        try:
            self.holidays.load_notice(self.text.toPlainText(), self.year)
        except ValidationError as exc:
            self.error.set_error("\n".join(f"{k}:{v}" for k, v in exc.problems.items()))
            return
        self.error.set_error(None)
        self.accept()
