"""One look for every long job: what is happening in words, a bar with counts
("第 120 / 2,000 行"), 取消 where stopping is safe, and the result or the error in words at
the end — while the window keeps answering (the work runs through `ui.worker`).

    dialog = run_with_progress(
        self, self.tr("导出业主名册"), self.tr("正在导出业主名册…"), work,
        unit=ROWS, cancellable=True, done_text=lambda n: self.tr("已导出 {0} 位业主").format(n),
    )

`work(progress)` runs on a thread of its own and calls `progress(done, total)` (or
`progress(done, total, what)` with new words) as it goes; `progress.cancelled` is what it
looks at when 取消 is offered. `ProgressPanel` is the same words-bar-counts-result block for a
window that has its own place for it (the import dialog, the backup page).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from ui.errors import friendly_error
from ui.i18n import QT_TR_NOOP
from ui.palette import ERROR_RED, MUTED_TEXT, OK_TEXT, style
from ui.worker import Job, Progress, run_in_background

log = logging.getLogger(__name__)

T = TypeVar("T")

# What a count counts: the words around it ("第 120 / 2,000 行").
ROWS = QT_TR_NOOP("第 {0} / {1} 行")
PAGES = QT_TR_NOOP("第 {0} / {1} 页")
FORMS = QT_TR_NOOP("第 {0} / {1} 份")
STEPS = QT_TR_NOOP("第 {0} / {1} 步")
FILES = QT_TR_NOOP("第 {0} / {1} 个文件")
SHOW_AFTER_MS = 400  # a job done sooner never shows its dialog (unless it has something to say)


def count_text(done: int, total: int) -> tuple[str, str]:
    """The two numbers as the counts show them (thousands grouped)."""
    return f"{done:,}", f"{total:,}"


class ProgressPanel(QWidget):
    """The words, the bar, the counts and (at the end) the result or the error."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, unit: str = ROWS, cancellable: bool = False) -> None:
        super().__init__(parent)
        self.unit = unit
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first count arrives
        self.bar.setTextVisible(False)
        self.bar.setMinimumWidth(240)
        self.count = QLabel()
        self.count.setStyleSheet(style(MUTED_TEXT))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()
        self.cancel_button: QPushButton | None = None  # only where stopping is safe
        self.done: tuple[int, int] | None = None
        # The words with the count at their right, the bar under them (never squeezed by the count).
        words = QHBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.addWidget(self.what, 1)
        words.addWidget(self.count, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.bar, 1)
        if cancellable:
            self.cancel_button = QPushButton(self.tr("取消"))
            self.cancel_button.clicked.connect(self.cancel_requested)
            bar.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(words)
        layout.addLayout(bar)
        layout.addWidget(self.result)

    def begin(self, what: str) -> None:
        """A job starts: its words, the bar busy (no count yet)."""
        self.what.setText(what)
        self.what.setStyleSheet("")
        self.what.show()
        self.bar.setRange(0, 0)
        self.bar.show()
        self.count.clear()
        self.count.show()
        self.result.hide()
        self.done = None
        if self.cancel_button is not None:
            self.cancel_button.setEnabled(True)
            self.cancel_button.show()

    def update_progress(self, done: int, total: int, what: str = "") -> None:
        """`done` of `total` (a total of 0: busy, no count); new words when `what` is given."""
        if what:
            self.what.setText(what)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.count.setText(self.tr(self.unit).format(*count_text(done, total)))
            self.done = (done, total)
        else:
            self.bar.setRange(0, 0)
            self.count.clear()

    def cancelling(self) -> None:
        if self.cancel_button is not None:
            self.cancel_button.setEnabled(False)
        self.what.setText(self.tr("正在取消,请稍候…"))

    def finish(self, text: str, ok: bool = True) -> None:
        """The end, in words: the result (green) or what went wrong and what to do (red)."""
        self.bar.setRange(0, 1)
        self.bar.setValue(1 if ok else 0)
        self.bar.hide()
        self.count.hide()
        self.what.hide()  # the result says how it ended
        if self.cancel_button is not None:
            self.cancel_button.hide()
        self.result.setText(text)
        self.result.setStyleSheet(style(OK_TEXT if ok else ERROR_RED))
        self.result.show()


def failure_words(exc: BaseException) -> str:
    """What went wrong as a sentence with what to do; Python's text goes to the log only."""
    if isinstance(exc, UserError):
        return str(exc)
    log.error("background job failed", exc_info=exc)
    return friendly_error(exc)


class ProgressDialog(QDialog):
    """A job's progress in a small window over the one that started it (window-modal: that
    window keeps painting and answering, but takes no second job meanwhile). It appears
    after `SHOW_AFTER_MS`; at the end it shows the result or the error with 关闭, or closes
    itself (`close_when_done`) when what follows is another window (a preview)."""

    ended = Signal(bool, str)  # ok, the words shown (or that would have been)
    cancel_requested = Signal()  # 取消 pressed (for a job this dialog only shows: `watch`)

    def __init__(
        self,
        parent: QWidget,
        title: str,
        *,
        unit: str = ROWS,
        cancellable: bool = False,
        close_when_done: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.cancellable = cancellable
        self.close_when_done = close_when_done
        self.panel = ProgressPanel(self, unit=unit, cancellable=False)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.accept)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.hide()
        self.cancel_button.setVisible(cancellable)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.job: Job[Any] | None = None
        self.watching = False  # showing a job started elsewhere (`watch`, `end`)
        self.outcome: tuple[bool, str] | None = None
        self.cancelled = False
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._show_now)

    @property
    def running(self) -> bool:
        return (self.job is not None or self.watching) and self.outcome is None

    def watch(self, what: str) -> None:
        """Show the progress of a job its owner runs: `panel.update_progress` as it goes,
        `cancel_requested` when 取消 is pressed, `end(ok, text)` when it has ended."""
        self.watching = True
        self.outcome = None
        self.panel.begin(what)
        self._show_timer.start(SHOW_AFTER_MS)

    def run(
        self,
        what: str,
        work: Callable[[Progress], T],
        *,
        on_done: Callable[[T], None] | None = None,
        done_text: Callable[[T], str] | str | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        cancelled_text: str = "",
    ) -> Job[T]:
        """Start `work` on its thread; `on_done(result)` / `on_failed(exc)` after the dialog
        has said how it ended."""
        self.panel.begin(what)
        self._cancelled_text = cancelled_text or self.tr("已取消,没有做任何改动。")

        def done(result: T) -> None:
            if self.cancelled and result is None:
                self._end(True, self._cancelled_text)
            else:
                text = done_text(result) if callable(done_text) else (done_text or self.tr("已完成。"))
                self._end(True, text)
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            if self.cancelled:
                self._end(True, self._cancelled_text)
            else:
                self._end(False, failure_words(exc))
            if on_failed is not None:
                on_failed(exc)

        self.job = run_in_background(
            self, work, on_done=done, on_failed=failed, on_progress=self.panel.update_progress
        )
        self._show_timer.start(SHOW_AFTER_MS)
        return self.job

    @Slot()
    def _show_now(self) -> None:
        if self.running:
            self.open()

    @Slot()
    def cancel(self) -> None:
        """取消: the work is asked to stop where it safely can."""
        if not self.running or not self.cancellable:
            return
        self.cancelled = True
        if self.job is not None:
            self.job.cancel()
        self.panel.cancelling()
        self.cancel_button.setEnabled(False)
        self.cancel_requested.emit()

    def end(self, ok: bool, text: str) -> None:
        """The watched job has ended: say so (or close, with `close_when_done`)."""
        self._end(ok, text)

    def _end(self, ok: bool, text: str) -> None:
        self.outcome = (ok, text)
        self._show_timer.stop()
        self.cancel_button.hide()
        if ok and self.close_when_done:
            self.hide()
        else:
            self.panel.finish(text, ok)
            self.close_button.show()
            self.close_button.setDefault(True)
            self.close_button.setFocus()
            self.adjustSize()  # room for the result's lines
            if not self.isVisible():
                self.open()
        self.ended.emit(ok, text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape and self.running:
            self.cancel()  # Esc is 取消 where offered; never closes a running job's window
            event.ignore()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.running:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.running:
            self.cancel()
            event.ignore()  # it closes when the job has ended (cancelled or not)
            return
        super().closeEvent(event)


def run_with_progress(
    parent: QWidget,
    title: str,
    what: str,
    work: Callable[[Progress], T],
    *,
    on_done: Callable[[T], None] | None = None,
    done_text: Callable[[T], str] | str | None = None,
    on_failed: Callable[[BaseException], None] | None = None,
    unit: str = ROWS,
    cancellable: bool = False,
    close_when_done: bool = False,
    cancelled_text: str = "",
) -> ProgressDialog:
    """`work` on a thread of its own, its progress in a `ProgressDialog` over `parent`."""
    dialog = ProgressDialog(
        parent, title, unit=unit, cancellable=cancellable, close_when_done=close_when_done
    )
    dialog.run(
        what, work, on_done=on_done, done_text=done_text, on_failed=on_failed, cancelled_text=cancelled_text
    )
    return dialog
