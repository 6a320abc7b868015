"""Who is at the PC: login, the idle lock, switching user, the daily backup in the background."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from app.backup import BackupResult
from app.office import Office
from app.permissions import acting
from ui.errors import friendly_error
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.worker import Job, Progress, run_in_background

if TYPE_CHECKING:
    from app.models import Staff

log = logging.getLogger(__name__)

INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}


class Session(QObject):
    """Owns the main window for the person logged in; locks it when idle."""

    def __init__(self, office: Office, user: Staff) -> None:
        super().__init__()
        self.office = office
        self.user = user
        self.window: MainWindow | None = None
        self.locked = False
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        minutes = office.policies.load().security.idle_lock_minutes
        self.idle.setInterval(max(1, minutes) * 60_000)
        self._backup: Job[BackupResult] | None = None
        # A backup at start and every day of use: checked each half hour while open.
        self.daily = QTimer(self)
        self.daily.setInterval(30 * 60_000)
        self.daily.timeout.connect(self._backup_if_due)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def start(self) -> MainWindow:
        self._open_window()
        self.idle.start()
        self.daily.start()
        QTimer.singleShot(1500, self._backup_if_due)
        return self.window  # type: ignore[return-value]

    def _backup_if_due(self) -> None:
        running = self._backup is not None and self._backup.running
        if not running and self.office.backups.due():
            self.backup_in_background()

    def _open_window(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
        self.window = MainWindow(self.office, self.user)
        self.window.switch_user_requested.connect(self.switch_user)
        self.window.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self.locked and event.type() in INPUT_EVENTS:
            self.idle.start()
        return False

    def lock(self) -> None:
        """The screen locks after the policy's idle minutes: the same person logs in again,
        or someone else does (the window is then rebuilt for them)."""
        if self.locked or self.window is None:
            return
        self.locked = True
        self.window.setEnabled(False)
        dialog = LoginDialog(self.office.staff, self.office.name, self.window, locked_user=self.user)
        accepted = dialog.exec() == LoginDialog.DialogCode.Accepted
        self.locked = False
        user = dialog.user
        if not accepted or user is None:
            self.window.close()
            return
        self.window.setEnabled(True)
        if user.id != self.user.id:
            self.user = user
            self._open_window()
        self.idle.start()

    def switch_user(self) -> None:
        if self.window is None:
            return
        dialog = LoginDialog(self.office.staff, self.office.name, self.window)
        if dialog.exec() == LoginDialog.DialogCode.Accepted and dialog.user is not None:
            self.user = dialog.user
            self._open_window()

    def backup_in_background(self) -> None:
        self._backup = run_in_background(
            self, self._backup_work, on_done=self._backup_done, on_failed=self._backup_failed
        )

    def _backup_work(self, progress: Progress) -> BackupResult:
        # The daily backup is the program's own duty, not the logged-in person's act:
        # it runs whoever is at the PC, as the program (the role table is not asked).
        with acting(None):
            return self.office.backups.backup_now()

    def _backup_failed(self, exc: BaseException) -> None:
        log.error("backup failed", exc_info=exc)  # reported, never fatal
        message = self.tr("备份失败:{0}").format(friendly_error(exc))
        self._backup_done(BackupResult(False, None, message, self.office.clock.now()))

    def _backup_done(self, result: BackupResult) -> None:
        log.info("automatic backup: %s", result.message)
        if self.window is not None:
            self.window.refresh_status()
