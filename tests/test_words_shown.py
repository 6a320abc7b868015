"""The program's own stored words (kinds, states, event types, roles, default categories and
departments, quick filters, form states, period labels) shown in the chosen language, while
the stored values stay the source words and what people typed stays as typed (issue 16 item 4).

Each test switches both the program's catalog (app.i18n) and the windows' Qt translator, and
puts Simplified Chinese back after."""

from __future__ import annotations

import html
import re

import pytest
from PySide6.QtCore import Qt

from app import domain, i18n
from app.audit import ShownValue
from app.case_query import QUICK_FILTERS
from app.dashboard import dashboard
from app.forms import OUT, PRINTED
from app.models import Case, Department
from app.periods import Period
from ui.case_detail import CaseDetailDialog
from ui.case_list import CaseListPage
from ui.case_model import COLUMN_INDEX
from ui.dashboard.page import DashboardPage
from ui.form_ledger import FormLedgerPage, shown_item
from ui.history import action_words, value_words
from ui.i18n import install_translator, remove_translators
from ui.staff_page import StaffDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CJK = re.compile(r"[\u4e00-\u9fff]")
# Every stored word the program defines that a case list, a detail or a dashboard may show.
STORED = (
    set(domain.KINDS)
    | set(domain.STATES)
    | set(domain.SEVERITIES)
    | set(domain.URGENCIES)
    | set(domain.ROLES.values())
    | {
        domain.EV_RECEIVED,
        domain.EV_DISPATCH,
        domain.EV_SIGNED,
        domain.EV_NOTE,
        domain.EV_RESOLVED,
        domain.EV_RESPONSE,
    }
)
WORD_COLUMNS = ("kind", "severity", "category", "department", "state")


@pytest.fixture
def speak(qapp):
    """speak("en") sets the program's and the windows' language; both go back after."""
    installed: list = []

    def switch(language: str) -> None:
        i18n.set_language(language)
        installed.extend(install_translator(qapp, language))

    yield switch
    remove_translators(qapp, installed)
    i18n.set_language(i18n.SOURCE_LANGUAGE)


@pytest.fixture
def cases(office, admin, make_case):
    """A complaint dispatched to a default department, a repair still to dispatch, and a
    repair with a category the office added itself (kept as typed)."""
    policy = office.policies.load()
    policy.categories.append("外墙广告")
    office.policies.save(policy)
    complaint = make_case(kind="投诉", category="环境卫生", account="垃圾未清", customer_name="陈静")
    office.cases.dispatch(complaint, Department.get(Department.name == "工程维修部"), admin)
    repair = make_case(account="楼道灯不亮")
    own = make_case(category="外墙广告", account="广告牌松动")
    return Case.get_by_id(complaint.id), repair, own


def list_page(qtbot, office) -> CaseListPage:
    page = CaseListPage(office.query, office.policies, office.staff, office.clock)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    return page


def column(page: CaseListPage, key: str) -> list[str]:
    return [page.model.index(r, COLUMN_INDEX[key]).data() for r in range(page.model.rowCount())]


def combo_texts(box) -> list[str]:
    return [box.itemText(i) for i in range(box.count())]


def test_case_list_in_english(qtbot, office, speak, cases):
    complaint, repair, own = cases
    speak("en")
    page = list_page(qtbot, office)

    assert set(column(page, "kind")) == {"Complaint", "Repair"}
    assert set(column(page, "state")) == {"To dispatch", "Dispatched"}
    assert "Cleaning & environment" in column(page, "category")
    assert "外墙广告" in column(page, "category")  # the office's own word stays as typed
    assert "Engineering & repairs" in column(page, "department")
    assert "陈静" in column(page, "customer")  # data stays as typed
    for key in WORD_COLUMNS:
        shown = [w for w in column(page, key) if w != "外墙广告"]
        assert not any(CJK.search(w) for w in shown), (key, shown)

    # quick filters: shown in English, keyed (and counted) by the stored label
    texts = {label: button.text() for label, button in page.quick_buttons.items()}
    assert set(texts) == set(QUICK_FILTERS)
    assert texts["全部"] == "All (3)" and texts["待派工"] == "To dispatch (2)" and texts["未结"] == "Open (3)"
    assert not any(CJK.search(t) for t in texts.values()), texts
    qtbot.mouseClick(page.quick_buttons["待派工"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)

    # filter combos: English text, the stored value as data, and filtering by it still works
    assert "Complaint" in combo_texts(page.kind_combo)
    assert "To dispatch" in combo_texts(page.state_combo)
    assert "Engineering & repairs" in combo_texts(page.department_combo)
    assert "外墙广告" in combo_texts(page.category_combo)
    qtbot.mouseClick(page.quick_buttons["全部"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("投诉"))
    assert page.kind_combo.currentText() == "Complaint"
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert column(page, "number") == [complaint.number]


def test_case_detail_and_timeline_in_english(qtbot, office, admin, speak, cases):
    complaint, _, _ = cases
    speak("en")
    dialog = CaseDetailDialog(complaint.id, office.cases, office.staff, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    values = {key: html.unescape(label.text()) for key, label in dialog.fields.values.items()}  # rich text
    assert "Dispatched" in values["state"]
    assert values["kind"] == "Complaint"
    assert values["category"] == "Cleaning & environment"
    assert values["channel"] == "Phone"
    assert values["department"] == "Engineering & repairs"
    assert values["customer"].startswith("陈静")
    assert dialog.summary_label.text().startswith("Complaint · Minor · Cleaning & environment")

    # the timeline: one cell a line; its event names are in English, none is a Chinese word
    cells = [line.strip() for line in dialog.timeline_view.toPlainText().splitlines() if line.strip()]
    assert "Received" in cells and "Dispatched" in cells
    assert not STORED & set(cells), STORED & set(cells)
    assert dialog.slip_table.item(0, 1).text() == "Engineering & repairs"


def test_dashboard_visit_rates_and_roles_in_english(qtbot, office, clock, speak, cases):
    speak("en")
    page = DashboardPage(lambda: dashboard(office, clock.now().date()))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.rate_table.rowCount() > 0)
    kinds = [page.rate_table.item(r, 0).text() for r in range(page.rate_table.rowCount())]
    assert "Complaint" in kinds and "Repair" in kinds
    assert not any(CJK.search(k) for k in kinds), kinds


def test_staff_roles_departments_and_audit_values_in_english(qtbot, office, speak):
    office.staff.save_staff("赵物管", "steward", buildings="3")
    speak("en")
    dialog = StaffDialog(office.staff)
    qtbot.addWidget(dialog)
    roles = combo_texts(dialog.role)
    assert "Administrator" in roles and "Steward" in roles
    assert not any(CJK.search(r) for r in roles), roles
    shown = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert "Steward" in shown and not any(CJK.search(r) for r in shown)
    names = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    assert "赵物管" in names  # a name stays as typed
    # the audit window's values: stored words translated, with their context; typed text kept
    assert value_words(ShownValue("text", "待派工"), "state") == "To dispatch"
    assert value_words(ShownValue("text", "一般"), "urgency") == "Normal"
    assert value_words(ShownValue("text", "一般"), "satisfaction") == "Neutral"
    assert value_words(ShownValue("text", "漏水/渗漏"), "category") == "Leaks & seepage"
    assert value_words(ShownValue("text", "楼道灯不亮"), "account") == "楼道灯不亮"
    # what an entry did, and the system's own actor
    assert action_words("显示号码") == "Phone number shown" and action_words("修改") == "Changed"
    assert i18n.term("系统") == "System"


def test_form_ledger_states_in_english_filter_by_the_stored_state(qtbot, office, admin, speak):
    forms = office.forms.issue_blank(2, admin)
    steward = office.staff.save_staff("赵物管", "steward", buildings="3")
    office.forms.sign_out(forms[0], steward)
    speak("en")
    page = FormLedgerPage(office.forms, office.staff, admin, pdf_source=None)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    assert page.row_texts(forms[0].number)[1] == "Taken out"
    assert page.row_texts(forms[1].number)[1] == "Printed"
    texts = combo_texts(page.state_filter)
    assert "Taken out" in texts and "Archived" in texts and not any(CJK.search(t) for t in texts)
    page.state_filter.setCurrentIndex(page.state_filter.findData(OUT))
    assert page.shown_numbers() == [forms[0].number]
    page.state_filter.setCurrentIndex(page.state_filter.findData(PRINTED))
    assert page.shown_numbers() == [forms[1].number]
    # 回访项目 as stored by the program: its words shown in English, the number and typed text kept
    assert shown_item("TS-2026-00002 投诉·环境卫生") == "TS-2026-00002 Complaint·Cleaning & environment"
    assert shown_item("季度巡访") == "Quarterly round"
    assert shown_item("上门送达资料") == "上门送达资料"


def test_period_labels_and_default_words(speak):
    speak("en")
    assert Period.quarter(2026, 3).label == "Q3 2026"
    assert Period.month(2026, 9).label == "9/2026"
    assert Period.quarter(2026, 4).running(Period.quarter(2026, 4).start.replace(month=11, day=30)).title == (
        "Q4 2026 (through 11-30)"
    )
    assert Period.between(Period.year(2026).start, Period.year(2026).end).label == "2026-01-01 to 2026-12-31"
    assert i18n.term("工程维修部") == "Engineering & repairs"  # the policy's default list
    assert i18n.term("外墙广告") == "外墙广告"  # an office's own word
    speak("zh_CN")
    assert Period.quarter(2026, 3).label == "2026年第3季度"


def test_case_list_in_traditional_chinese(qtbot, office, speak, cases):
    speak("zh_TW")
    page = list_page(qtbot, office)
    assert set(column(page, "kind")) == {"投訴", "報修"}
    assert "環境衛生" in column(page, "category")
    assert "外墙广告" in column(page, "category")  # typed by the office: as typed
    assert "工程維修部" in column(page, "department")
    assert page.quick_buttons["未结"].text() == "未結 (3)"
    assert "處理中" in combo_texts(page.state_combo)


def test_status_bar_role_in_english(qtbot, office, speak):
    from ui.main_window import MainWindow

    clerk = office.staff.save_staff("李客服", "clerk", username="li", password="secret1")
    speak("en")
    window = MainWindow(office, clerk)  # conftest's nobody_acting logs the person out after
    qtbot.addWidget(window)
    assert window.status_user.text().endswith("李客服 (Service clerk)")  # name as typed, role in English


def test_intake_in_english_saves_the_stored_words(qtbot, office, admin, speak):
    """The intake's combos show English and save the source words; a sub-category the clerk
    types is kept as typed."""
    from ui.intake import IntakeForm

    speak("en")
    form = IntakeForm(office.cases, office.owners, office.drafts, office.staff, office.nightlog, admin)
    qtbot.addWidget(form)
    assert "Complaint" in combo_texts(form.kind) and "Walk-in" in combo_texts(form.channel)
    assert "Normal" in combo_texts(form.urgency) and "Engineering & repairs" in combo_texts(form.department)
    for combo, shown in (
        (form.channel, "Walk-in"),
        (form.kind, "Complaint"),
        (form.severity, "Serious"),
        (form.urgency, "Urgent"),
        (form.category, "Water & drainage"),
        (form.department, "Engineering & repairs"),
    ):
        combo.setCurrentIndex(combo.findText(shown))
    assert "Water pressure" in combo_texts(form.subcategory)  # the category's list, in English
    form.subcategory.setCurrentIndex(form.subcategory.findText("Water pressure"))
    form.room.setText("3-2-501")
    form.name.setText("张伟")
    form.phone.setText("13812345678")
    form.account.setPlainText("水压很低")
    with qtbot.waitSignal(form.case_saved) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    case = Case.get_by_id(saved.args[0])
    assert (case.channel, case.kind, case.severity, case.urgency, case.category, case.subcategory) == (
        "来访",
        "投诉",
        "重要",
        "紧急",
        "给排水",
        "水压",
    )
    assert case.department.name == "工程维修部"

    form.category.setCurrentIndex(form.category.findText("Water & drainage"))
    form.subcategory.setEditText("井盖松动")  # typed by the clerk: stored as typed
    assert form.case_input().subcategory == "井盖松动"


def test_audit_window_in_english(qtbot, office, admin, speak, cases):
    from ui.audit_window import AuditWindow

    complaint, _, _ = cases
    speak("en")
    window = AuditWindow(office.trail)
    qtbot.addWidget(window)
    window.show()
    actions = combo_texts(window.action_filter)
    assert "Phone number shown" in actions and not any(CJK.search(a) for a in actions), actions
    shown = {window.table.item(r, 3).text() for r in range(window.table.rowCount())}
    assert {"Created", "Changed"} <= shown and not any(CJK.search(a) for a in shown), shown
    changes = [window.table.item(r, 7).text() for r in range(window.table.rowCount())]
    assert "To dispatch → Dispatched" in changes  # the state change, in English
    window.action_filter.setCurrentIndex(
        window.action_filter.findData("修改")
    )  # filters by the stored action
    assert {window.table.item(r, 3).text() for r in range(window.table.rowCount())} == {"Changed"}
