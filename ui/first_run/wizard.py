"""The first-run wizard itself: its buttons, its pages in order, 跳过 and 以后再设置.

Writes happen page by page, each page in one transaction when 下一步 leaves it (through
`app.setup.SetupService` and the office's services): the first page creates the office (and is
a commit page, so it cannot be gone back to), and from then on the office works whatever
happens to the wizard. A page whose input is refused keeps the user on it with the reasons
beside the fields, having written nothing. Going back and forward again is safe: rooms already
on file are skipped, staff already saved are updated, departments are matched by their record.
Closing the wizard after the first page keeps what was saved and opens the program; everything
is editable later in 设置.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget, QWizard

from app.setup import SetupService
from ui.first_run.backup import FirstRunBackupPage
from ui.first_run.common import OPTIONAL_PAGES, OptionalPage, PageId
from ui.first_run.departments import FirstRunDepartmentsPage
from ui.first_run.done import FirstRunDonePage
from ui.first_run.rooms import FirstRunRoomsPage
from ui.first_run.staff import FirstRunStaffPage
from ui.first_run.visit_preset import FirstRunPolicyPage
from ui.first_run.welcome import FirstRunWelcomePage

if TYPE_CHECKING:
    from app.models import Staff
    from app.office import Office


class FirstRunDialog(QWizard):
    """First start: `.exec()` is Accepted with `.admin` set once the first page is done."""

    def __init__(self, office: Office, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office = office
        self.admin: Staff | None = None
        self.setWindowTitle(self.tr("回音 · 首次设置"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        # On the last page 开始使用 is the way out; 以后再设置 would only say the same.
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("跳过此页"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 上一步"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步 >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("开始使用"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("退出"))
        self.setButtonLayout([
            QWizard.WizardButton.CustomButton1, QWizard.WizardButton.Stretch, QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton, QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ])  # fmt: skip
        self.button(QWizard.WizardButton.CustomButton1).clicked.connect(self.skip_page)

        self.setup = SetupService(office.policies, office.staff)
        self.welcome = FirstRunWelcomePage(self)
        self.rooms = FirstRunRoomsPage(office, self.setup)
        self.departments = FirstRunDepartmentsPage(office, self.setup)
        self.staff = FirstRunStaffPage(office, self.setup)
        self.policy = FirstRunPolicyPage(office, self.setup)
        self.backup = FirstRunBackupPage(office, self.setup)
        self.done_page = FirstRunDonePage(office, self.setup)
        for page_id, page in (
            (PageId.WELCOME, self.welcome), (PageId.ROOMS, self.rooms), (PageId.DEPARTMENTS, self.departments),
            (PageId.STAFF, self.staff), (PageId.POLICY, self.policy), (PageId.BACKUP, self.backup),
            (PageId.DONE, self.done_page),
        ):  # fmt: skip
            self.setPage(page_id, page)
        self.setStartId(PageId.WELCOME)
        self.currentIdChanged.connect(self._on_page)
        self.resize(820, 620)
        self.setMinimumSize(720, 560)
        self._on_page(PageId.WELCOME)

    def _on_page(self, page_id: int) -> None:
        self.button(QWizard.WizardButton.CustomButton1).setVisible(page_id in OPTIONAL_PAGES)

    def initialised(self) -> None:
        """The office exists now: closing the wizard keeps it and goes on to the program."""
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("以后再设置"))

    def skip_page(self) -> None:
        """跳过: on to the next page, writing nothing of this one."""
        page = self.currentPage()
        if not isinstance(page, OptionalPage):
            return
        page.skipping = True
        page.completeChanged.emit()
        try:
            self.next()
        finally:
            page.skipping = False
            page.completeChanged.emit()

    def done(self, result: int) -> None:
        if int(result) == QDialog.DialogCode.Rejected.value and self.admin is not None:
            # 以后再设置: the office is set up; what this page held is not saved.
            QDialog.done(self, QDialog.DialogCode.Accepted.value)
            return
        super().done(result)
