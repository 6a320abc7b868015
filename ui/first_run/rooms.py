"""2. 楼栋与房号: rooms by ranges with a live preview (`app.setup_rooms`), or the owners
list (Excel) imported through `app.ledger`, each in its own transaction."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from app import setup_rooms
from app.errors import ValidationError
from app.ledger.import_report import ImportReport
from app.ledger.owner_import import import_owners
from app.validation import clean_text
from ui.first_run.common import HINT_STYLE, OptionalPage, hint_label, with_error
from ui.palette import OK_TEXT, style
from ui.progress import ProgressDialog, failure_words, run_with_progress
from ui.widgets import ErrorLabel, FieldErrors
from ui.worker import Progress

if TYPE_CHECKING:
    from app.office import Office
    from app.setup import SetupService


class FirstRunRoomsPage(OptionalPage):
    """Rooms by ranges (the program makes every number), or the owners list imported."""

    def __init__(self, office: Office, setup: SetupService) -> None:
        super().__init__(office, setup)
        self.setTitle(self.tr("楼栋与房号"))
        self.setSubTitle(self.tr("按范围填写,程序生成全部房号;也可以从业主名册(Excel)导入。不填则跳过。"))
        self._valid = True
        self.created: tuple[int, int] | None = None

        self.buildings = QLineEdit()
        self.buildings.setPlaceholderText("1-12")
        self.units = QLineEdit()
        self.units.setPlaceholderText("1-3")
        self.numbers = QLineEdit()
        self.numbers.setPlaceholderText("101-1804")
        self.general_error = ErrorLabel()
        self.errors = FieldErrors(self.general_error)
        form = QFormLayout()
        form.setVerticalSpacing(8)
        for name, label, widget, hint in (
            ("楼栋", self.tr("楼栋"), self.buildings, self.tr("如 1-12、1,3,5-7、A,B,C、S1-S6")),
            ("单元", self.tr("单元"), self.units, self.tr("如 1-3;没有单元就空着")),
            ("房号", self.tr("房号"), self.numbers, self.tr("如 101-1804,或逐个列出 101,102,201")),
        ):
            box, error = with_error(widget, hint, 260)
            form.addRow(label, box)
            self.errors.bind(name, error, widget)
            widget.textChanged.connect(self._update_preview)

        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet(style(OK_TEXT, bold=True))
        self.on_file = QLabel()
        self.on_file.setStyleSheet(HINT_STYLE)

        self.import_button = QPushButton(self.tr("从业主名册导入…"))
        self.import_button.clicked.connect(self._choose_owner_file)
        self.import_result = QPlainTextEdit()
        self.import_result.setReadOnly(True)
        self.import_result.setMaximumHeight(90)
        self.import_result.hide()
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_button)
        import_row.addWidget(
            hint_label(
                self.tr(
                    "名册第一行为列名:楼栋、单元、房号、姓名(必填楼栋、房号、姓名),还可有类型、联系电话等。"
                )
            ),
            1,
        )

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            hint_label(self.tr("房号 101-1804 表示 1 至 18 层、每层 01 至 04 户;写 0101-1804 则保留四位。"))
        )
        layout.addWidget(self.preview)
        layout.addWidget(self.general_error)
        layout.addSpacing(8)
        layout.addLayout(import_row)
        layout.addWidget(self.import_result)
        layout.addStretch(1)
        layout.addWidget(self.on_file)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self._show_on_file()
        self._update_preview()

    def _show_on_file(self) -> None:
        on_file = self.setup.on_file()
        self.on_file.setText(
            self.tr("现有房号 {0} 户,业主 {1} 人。").format(f"{on_file.rooms:,}", f"{on_file.owners:,}")
        )

    def _fields(self) -> tuple[str, str, str]:
        return self.buildings.text(), self.units.text(), self.numbers.text()

    def _empty(self) -> bool:
        return not any(clean_text(t) for t in self._fields())

    def _update_preview(self) -> None:
        valid = True
        if self._empty():
            self.errors.clear()
            self.preview.setText("")
        else:
            try:
                plan = setup_rooms.preview(*self._fields())
            except ValidationError as exc:
                self._show_problems(exc.problems)
                self.preview.setText("")
                valid = False
            else:
                self.errors.clear()
                self.preview.setText(
                    self.tr("将生成 {0} 户:{1}").format(f"{plan.count:,}", self._sample(plan))
                )
        if valid != self._valid:
            self._valid = valid
            self.completeChanged.emit()

    def _show_problems(self, problems: dict[str, str]) -> None:
        # As typed: the reasons show, the focus stays where the user is typing.
        self.errors.clear()
        for name, reason in problems.items():
            self.errors.set(name, reason)

    @staticmethod
    def _sample(plan: setup_rooms.RoomPlan) -> str:
        return "、".join(plan.sample()).replace("、…、", " … ")

    def ready(self) -> bool:
        return self._valid

    def save(self) -> bool:
        if self._empty():
            return True
        try:
            self.created = setup_rooms.create_rooms(*self._fields())
        except ValidationError as exc:
            self.errors.show(exc.problems)
            return False
        return True

    def _choose_owner_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择业主名册"), "", self.tr("Excel 文件 (*.xlsx)")
        )
        if name:
            self.import_owner_file(Path(name))

    def import_owner_file(self, path: Path) -> ProgressDialog:
        """Import the owners list (rooms and occupants), in its own transaction, on a worker
        thread with progress and 取消 (nothing is imported then), and say how it went."""
        office = self.office

        def work(progress: Progress) -> ImportReport:
            return import_owners(
                office,
                path,
                progress=lambda done, total: progress(done, total),
                cancelled=progress.is_cancelled,
            )

        def shown(report: ImportReport) -> None:
            text = report.summary()
            if report.problems:
                text += "\n" + "\n".join(report.problems[:50])
                if len(report.problems) > 50:
                    text += "\n" + self.tr("……共 {0} 处").format(len(report.problems))
            self._show_import(text)

        def failed(exc: BaseException) -> None:
            self._show_import(self.tr("未导入:{0}").format(failure_words(exc)))

        self.import_job = run_with_progress(
            self, self.tr("导入业主名册"), self.tr("正在导入业主名册…"), work,
            on_done=shown, on_failed=failed, cancellable=True, close_when_done=True,
        )  # fmt: skip
        return self.import_job

    def _show_import(self, text: str) -> None:
        self.import_result.setPlainText(text)
        self.import_result.show()
        self._show_on_file()
