"""回访计划: the open visits (who, by when, overdue), the quarter's sample, batch visits.

The page changes nothing itself: assigning, dropping, 公开信, 手工加入 and batch plans all
go through `VisitService`, which records who did what and why. Dialogs that ask for a
reason are opened non-modally (`open()`) and stay open, text kept, when refused."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.clock import Clock
from app.staff import StaffService
from app.visits import VisitService
from ui.dialogs import ActionDialog
from ui.visit_planner.activity_tab import ActivityTab
from ui.visit_planner.batch_tab import BatchTab
from ui.visit_planner.open_tab import OpenVisitsTab
from ui.visit_planner.sample_tab import SampleTab
from ui.widgets import Banner

if TYPE_CHECKING:
    from app.models import Staff


class VisitPlannerPage(QWidget):
    visit_activated = Signal(int)
    case_activated = Signal(int)

    def __init__(
        self,
        visits: VisitService,
        staff: StaffService,
        actor: Staff,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.visits = visits
        self.staff = staff
        self.actor = actor
        self.clock = clock
        self.dialog: ActionDialog | None = None

        title = QLabel(self.tr("回访计划"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.banner = Banner("info")
        self.banner.add_button(self.tr("关闭"), self.banner.hide)
        self.tabs = QTabWidget()
        self.open_tab = OpenVisitsTab(self)
        self.sample_tab = SampleTab(self)
        self.batch_tab = BatchTab(self)
        self.tabs.addTab(self.open_tab, self.tr("待回访"))
        self.tabs.addTab(self.sample_tab, self.tr("抽样"))
        self.tabs.addTab(self.batch_tab, self.tr("批量计划"))
        self.activity_tab = ActivityTab(self)  # 社区活动、刊物 (H23)
        self.tabs.addTab(self.activity_tab, self.tr("社区活动"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def refresh(self) -> None:
        self.open_tab.refresh_staff(self.staff.staff())
        self.open_tab.refresh()
        self.sample_tab.refresh()
        self.batch_tab.refresh()
        self.activity_tab.refresh()

    def show_dialog(self, dialog: ActionDialog) -> None:
        """Open a reason/letter dialog without blocking; kept in `self.dialog` while open."""
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: ActionDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
