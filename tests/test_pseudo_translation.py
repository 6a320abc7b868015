"""A pseudo-translation run over the windows (issue 16: "finds no clipped text and no
untranslated string"): a small demo office opened with every translated word shown as
⟪English⟫; every page of the main window and the main dialogs walked widget by widget
(tests/helpers/pseudo.py says what counts as untranslated or clipped)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTabWidget

from app import demo, i18n
from app.clock import FixedClock
from app.models import Case, Staff, Visit
from app.office import Office
from app.permissions import acting
from tests.conftest import NOW
from tests.helpers.pseudo import Sources, make_pseudo_qm, scan
from ui.i18n import _Translator

SCALE = 0.15


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("pseudo-demo")
    office = Office.open(path, FixedClock(NOW))
    try:
        demo.fill_demo(office, seed=11, years=1, scale=SCALE)
        # The demo names its administrator 系统管理员, which is also the role's name: a person's
        # name is data, shown as typed, and would read as an untranslated word here.
        Staff.update(name="王建国").where(Staff.username == demo.DEMO_ADMIN).execute()
    finally:
        office.close()
    return path


@pytest.fixture(scope="module")
def sources():
    return Sources()


@pytest.fixture
def pseudo(qapp, tmp_path):
    """The windows and app/ speak pseudo-English for one test."""
    translator = _Translator(qapp)
    assert translator.load(str(make_pseudo_qm(tmp_path)))
    qapp.installTranslator(translator)
    i18n.set_language(i18n.PSEUDO)
    yield
    qapp.removeTranslator(translator)
    i18n.set_language(i18n.SOURCE_LANGUAGE)


@pytest.fixture
def demo_office(demo_folder, pseudo):
    office = Office.login(demo_folder, demo.DEMO_ADMIN, demo.DEMO_ADMIN_PASSWORD, FixedClock(NOW))
    with acting(office.user):
        yield office
    office.close()


def _report(findings) -> str:
    return "\n".join(str(f) for f in findings[:80]) + (
        f"\n… and {len(findings) - 80} more" if len(findings) > 80 else ""
    )


def _walk_tabs(widget, sources, qtbot, data_views: tuple[str, ...] = ()) -> list:
    """Scan the widget with each of its tabs shown in turn."""
    findings = scan(widget, sources, data_views=data_views)
    for tabs in widget.findChildren(QTabWidget):
        for index in range(tabs.count()):
            if tabs.isTabEnabled(index) and tabs.isVisible():
                tabs.setCurrentIndex(index)
                qtbot.wait(10)
                findings += scan(widget, sources, data_views=data_views)
    return list(dict.fromkeys(findings))


def test_every_page_of_the_main_window(demo_office, sources, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow(demo_office, demo_office.user)
    qtbot.addWidget(window)
    window.resize(1350, 728)  # the free area of a 1366×768 screen with a taskbar
    window.show()
    findings = []
    for key in window.nav_keys:
        window.show_page(key)
        qtbot.wait(30)
        findings += _walk_tabs(window, sources, qtbot)
    findings = list(dict.fromkeys(findings))
    assert not findings, _report(findings)


def test_case_detail_and_visit_record(demo_office, sources, qtbot):
    from ui.case_detail.dialog import CaseDetailDialog
    from ui.visit_record.dialog import VisitRecordDialog

    findings = []
    visit = Visit.select().where(Visit.state == "已完成").order_by(Visit.id.desc()).first()
    case = Case.get_by_id(visit.case_id)
    detail = CaseDetailDialog(
        case.id, demo_office.cases, demo_office.staff, demo_office.user, two_visitors=demo_office.visits
    )
    qtbot.addWidget(detail)
    detail.resize(1300, 700)  # as on a 1366×768 screen (the offscreen screen is 800×600)
    detail.show()
    findings += _walk_tabs(detail, sources, qtbot)
    record = VisitRecordDialog(visit.id, demo_office.visits, demo_office.staff, demo_office.user)
    qtbot.addWidget(record)
    record.resize(1300, 700)
    record.show()
    findings += _walk_tabs(record, sources, qtbot)
    findings = list(dict.fromkeys(findings))
    assert not findings, _report(findings)


def test_settings(demo_office, sources, qtbot, tmp_path):
    from ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog(
        demo_office.policies, demo_office.staff, demo_office.holidays, year=2026, data_dir=tmp_path
    )
    qtbot.addWidget(dialog)
    dialog.resize(1300, 700)
    dialog.show()
    # the lists an office edits (its categories, departments, channels) show its words as stored:
    # renaming a translated word would save the translation
    edited = ("NameListPage", "DepartmentsPage", "CategoriesPage", "SubcategoriesPage")
    findings = _walk_tabs(dialog, sources, qtbot, data_views=edited)
    assert not findings, _report(findings)


def test_the_scanner_finds_what_it_should(pseudo, sources, qtbot):
    """The scanner itself: an untranslated word and a clipped label are found; data is not."""
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

    box = QWidget()
    qtbot.addWidget(box)
    row = QHBoxLayout(box)
    untranslated, data, clipped = (
        QLabel("待派工"),
        QLabel("5栋1单元1203 王五"),
        QLabel("⟪A long English label here⟫"),
    )
    clipped.setFixedWidth(30)
    for label in (untranslated, data, clipped):
        row.addWidget(label)
    box.show()
    found = scan(box, sources)
    kinds = {(f.kind, f.text) for f in found}
    assert ("untranslated", "待派工") in kinds
    assert ("clipped", "⟪A long English label here⟫") in kinds
    assert not [f for f in found if "王五" in f.text]


def test_login_first_run_and_a_case_step(demo_office, sources, qtbot, tmp_path, clock):
    """The first windows a newcomer meets, and the commonest case step (派工)."""
    from ui.case_actions.handling import DispatchDialog
    from ui.first_run import FirstRunDialog
    from ui.login import LoginDialog

    findings = []
    login = LoginDialog(demo_office.staff, demo_office.name)
    qtbot.addWidget(login)
    login.show()
    findings += scan(login, sources)
    case = Case.select().where(Case.state == "待派工").first() or Case.select().first()
    dispatch = DispatchDialog(case, demo_office.cases, demo_office.staff, demo_office.user)
    qtbot.addWidget(dispatch)
    dispatch.show()
    findings += scan(dispatch, sources)
    # last: opening another folder binds the models to it
    fresh = Office.open(tmp_path / "fresh", clock)
    try:
        wizard = FirstRunDialog(fresh)
        qtbot.addWidget(wizard)
        wizard.resize(1000, 680)
        wizard.show()
        findings += scan(wizard, sources)
    finally:
        fresh.close()
    findings = list(dict.fromkeys(findings))
    assert not findings, _report(findings)


def test_every_case_step_dialog(demo_office, sources, qtbot):
    """Each step a case can take has its own dialog: every one walked on an open case."""
    from ui.case_actions import containment, corrections, handling, replies, rework
    from ui.case_actions.base import CaseActionDialog, CaseReasonDialog

    case = Case.select().where(Case.state == "处理中").first()
    findings = []
    modules = (containment, corrections, handling, replies, rework)
    dialogs = {
        cls
        for module in modules
        for cls in vars(module).values()
        if isinstance(cls, type)
        and issubclass(cls, (CaseActionDialog, CaseReasonDialog))
        and cls.__module__ == module.__name__
        and cls.__name__ != "TellOwnerDialog"  # needs a rework notice of the case
    }
    assert len(dialogs) >= 12
    for cls in sorted(dialogs, key=lambda c: c.__name__):
        try:
            dialog = cls(case, demo_office.cases, demo_office.user)
        except TypeError:
            dialog = cls(case, demo_office.cases, demo_office.staff, demo_office.user)
        qtbot.addWidget(dialog)
        dialog.show()
        findings += [f"{cls.__name__}: {f}" for f in scan(dialog, sources)]
        dialog.close()
    assert not findings, "\n".join(findings[:80])


def test_staff_owner_and_signature_dialogs(demo_office, sources, qtbot):
    from app.models import Owner
    from ui.owner_dialogs import OwnerEditDialog
    from ui.signature_dialog import SignatureDialog
    from ui.staff_page import StaffDialog

    findings = []
    staff = StaffDialog(demo_office.staff)
    qtbot.addWidget(staff)
    staff.resize(1200, 640)
    staff.show()
    findings += scan(staff, sources)
    owner = Owner.select().first()
    files = demo_office.owner_files
    edit = OwnerEditDialog(files, demo_office.user, owner, files.masked(owner, demo_office.user))
    qtbot.addWidget(edit)
    edit.show()
    findings += scan(edit, sources)
    sign = SignatureDialog(None, "张伟")
    qtbot.addWidget(sign)
    sign.show()
    findings += scan(sign, sources)
    findings = list(dict.fromkeys(findings))
    assert not findings, _report(findings)


def test_the_import_dialog_with_an_offices_own_ledger(demo_office, sources, qtbot, tmp_path):
    """Moving in: the column mapping and the preview of an office's own sheet."""
    from tests.test_ledger import good_row, write_xlsx
    from ui.import_dialog import ImportDialog

    path = write_xlsx(tmp_path / "台账.xlsx", [good_row(), good_row(客户姓名="李四")])
    dialog = ImportDialog(demo_office, "ledger", path)
    qtbot.addWidget(dialog)
    dialog.resize(1200, 680)
    dialog.show()
    # the mapping's first column and the preview are the office's sheet as it is (its headers
    # and cells, as the clerk typed them): data, shown as in the file; everything else is words
    findings = scan(dialog, sources, data_views=("QSplitter",))
    assert not findings, _report(findings)
