"""细类 in the windows, driven through their widgets: the settings' categories page with the
chosen category's sub-categories beside it, the intake's editable combo after 类别, the case
detail's row, the re-grade dialog, the statistics' corrective tab naming the repeated item."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.cases import CaseInput
from app.models import Case
from app.periods import Period
from app.policy import PolicyStore
from tests.helpers.qt_input import type_text
from tests.test_ui_intake import choose, fill_minimal
from ui.case_actions.corrections import RegradeDialog
from ui.case_detail import CaseDetailDialog
from ui.intake import IntakeForm
from ui.settings import SettingsDialog
from ui.stats.corrective_tab import CorrectiveTab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

T = dt.datetime


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_settings_edit_a_categorys_sub_categories(qtbot, office):
    d = SettingsDialog(office.policies, office.staff, office.holidays, year=2026)
    qtbot.addWidget(d)
    d.show()
    page = d.categories
    d.tabs.setCurrentWidget(page)
    page.list.setCurrentRow(page.values().index("给排水"))
    assert page.subs_title.text() == "“给排水”的细类"
    assert page.subs.values()[:2] == ["堵塞", "水压"]
    type_text(qtbot, page.subs.name, "水箱")
    click(qtbot, page.subs.add_button)
    type_text(qtbot, page.subs.name, "堵塞")
    click(qtbot, page.subs.add_button)
    assert page.subs.error.text() == "已有“堵塞”"
    # A renamed category keeps its sub-categories; 停车's list emptied stays empty.
    page.name.clear()
    type_text(qtbot, page.name, "给排水维修")
    click(qtbot, page.rename_button)
    page.list.setCurrentRow(page.values().index("停车"))
    while page.subs.values():
        page.subs.list.setCurrentRow(0)
        click(qtbot, page.subs.remove_button)
    page.list.setCurrentRow(page.values().index("给排水维修"))
    assert page.subs.values()[-1] == "水箱"
    with qtbot.waitSignal(d.accepted):
        click(qtbot, d.save_button)
    policy = PolicyStore().load()
    assert policy.subcategories_for("给排水维修")[-1] == "水箱" and "给排水" not in policy.subcategories
    assert policy.subcategories_for("停车") == []


def test_intake_offers_the_categorys_list_and_takes_a_new_one(qtbot, office, admin):
    form = IntakeForm(office.cases, office.owners, office.drafts, office.staff, office.nightlog, admin)
    qtbot.addWidget(form)
    fill_minimal(qtbot, form, category="漏水/渗漏")
    items = [form.subcategory.itemText(n) for n in range(form.subcategory.count())]
    assert items[:4] == ["卫生间渗漏", "外墙渗漏", "屋面渗漏", "管道漏水"]
    assert form.subcategory.currentText() == ""
    choose(form.subcategory, "外墙渗漏")
    with qtbot.waitSignal(form.case_saved) as saved:
        click(qtbot, form.save_button)
    assert Case.get_by_id(saved.args[0]).subcategory == "外墙渗漏"
    # A new one typed by hand; a category changed afterwards keeps what was typed.
    fill_minimal(qtbot, form, category="漏水/渗漏")
    form.subcategory.lineEdit().clear()
    type_text(qtbot, form.subcategory.lineEdit(), "阳台渗漏")
    choose(form.category, "给排水")
    assert form.subcategory.currentText() == "阳台渗漏"
    choose(form.category, "漏水/渗漏")
    with qtbot.waitSignal(form.case_saved) as saved:
        click(qtbot, form.save_button)
    assert Case.get_by_id(saved.args[0]).subcategory == "阳台渗漏"


def test_case_detail_shows_it_and_the_regrade_changes_it(qtbot, office, admin, make_case):
    case = make_case(kind="报修", category="给排水", subcategory="堵塞")
    d = CaseDetailDialog(case.id, office.cases, office.staff, admin)
    qtbot.addWidget(d)
    d.show()
    assert d.fields.values["subcategory"].text() == "堵塞"
    click(qtbot, d.action_buttons["regrade"])
    dlg = d.action_dialog
    assert isinstance(dlg, RegradeDialog)
    assert dlg.subcategory_combo.currentText() == "堵塞"
    choose(dlg.subcategory_combo, "水压")
    type_text(qtbot, dlg.reason_edit, "上门查看为水压不足")
    with qtbot.waitSignal(dlg.accepted):
        click(qtbot, dlg.ok_button)
    assert Case.get_by_id(case.id).subcategory == "水压"
    assert d.fields.values["subcategory"].text() == "水压"


def test_corrective_tab_names_the_repeated_item(qtbot, office, admin, clock):
    for day in (9, 12, 13):
        clock.at = T(2026, 10, day, 9)
        office.cases.create(
            CaseInput(account="漏水", kind="报修", room="3-2-502", customer_name="张伟", category="漏水/渗漏",
                      subcategory="卫生间渗漏"), admin)  # fmt: skip
    clock.at = T(2026, 12, 31, 17)
    stats = office.statistics().compute(Period.quarter(2026, 4))
    tab = CorrectiveTab()
    qtbot.addWidget(tab)
    tab.show_stats(stats)
    repairs = tab.tree.topLevelItem(2)
    assert repairs.text(0).startswith("重复维修")
    row = repairs.child(0)
    assert (row.text(0), row.text(1), row.text(2)) == ("3 次报修", "3-2-502", "漏水/渗漏·卫生间渗漏")


def test_a_refused_sub_category_list_is_shown_beside_its_category(qtbot, office):
    d = SettingsDialog(office.policies, office.staff, office.holidays, year=2026)
    qtbot.addWidget(d)
    d.show()
    page = d.categories
    page.list.setCurrentRow(page.values().index("给排水"))
    page.subs.list.addItem("")  # e.g. an in-place edit left empty
    page.subs.changed.emit()
    d.tabs.setCurrentIndex(0)
    page.list.setCurrentRow(0)
    click(qtbot, d.save_button)
    assert d.isVisible() and d.tabs.currentWidget() is page
    assert page.list.currentItem().text() == "给排水"
    assert page.subs.error.text() == "不能有空项"
    assert "" not in PolicyStore().load().subcategories_for("给排水")


def test_the_case_list_shows_the_sub_category_beside_the_category(qapp, office, make_case, clock):
    import datetime as dt

    from app.case_query import CaseFilter
    from ui.case_model import COLUMN_INDEX, case_row

    make_case(category="漏水/渗漏", subcategory="卫生间渗漏")
    make_case(category="设施设备维护")
    rows = office.query.page(CaseFilter())
    shown = sorted(
        case_row(r, clock.now(), dt.timedelta(hours=24)).cells[COLUMN_INDEX["category"]] for r in rows
    )
    assert shown == ["漏水/渗漏·卫生间渗漏", "设施设备维护"]
