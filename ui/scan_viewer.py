"""查看扫描件: the signed paper of a form, as it was scanned back, page by page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import fit_to_screen

if TYPE_CHECKING:
    from app.models import FormSheet, ScanPage


class ScanViewerDialog(QDialog):
    def __init__(self, form: FormSheet, pages: list[ScanPage], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("扫描件 — {0}").format(form.number))
        self.pages = pages
        self.list = QListWidget()
        for page in pages:
            self.list.addItem(
                self.tr("{0} 第 {1} 页\n{2:%Y-%m-%d} 由 {3} 导入").format(
                    page.source_name, page.source_page, page.imported_at, page.imported_by
                )
            )
        self.list.setFixedWidth(self.fontMetrics().horizontalAdvance("汉") * 16)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.picture)
        self.scroll_area.setWidgetResizable(True)
        self.list.currentRowChanged.connect(self.show_page)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.list)
        row.addWidget(self.scroll_area, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 980, 760)
        if pages:
            self.list.setCurrentRow(0)

    def show_page(self, row: int) -> None:
        if not 0 <= row < len(self.pages):
            self.picture.clear()
            return
        image = QImage.fromData(bytes(self.pages[row].image))
        if image.isNull():
            self.picture.setText(self.tr("这一页的图片已损坏,无法显示。"))
            return
        width = max(200, self.scroll_area.viewport().width() - 8)
        self.picture.setPixmap(
            QPixmap.fromImage(image).scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        )
