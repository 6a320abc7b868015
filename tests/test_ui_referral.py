"""The 转交开发商 tab of the case window and the dashboard's 开发商未回复 line (helper H22),
driven through their widgets: make the letter, print it, record it sent, follow up, record the
developer's reply; a refusal shows beside its field and keeps what was typed."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt

from app.dashboard import dashboard
from app.models import Referral
from reports.printing import Printouts
from ui.case_detail import CaseDetailDialog, CaseLinks
from ui.case_detail.referral_dialogs import FollowUpDialog, ReferDialog, ReplyDialog, SentDialog
from ui.dashboard.page import DashboardPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen plugin, menus


@pytest.fixture
def developer_case(make_case, clock):
    clock.at = dt.datetime(2026, 9, 24, 9, 0)
    return make_case(
        kind="投诉",
        validity="二类",
        category="地产遗留",
        account="外墙渗水,卧室墙面发霉",
        received_at="2026-09-24 09:00",
    )


def open_detail(qtbot, office, admin, case, printed=None):
    links = CaseLinks(print_referral=printed.append if printed is not None else None)
    d = CaseDetailDialog(case.id, office.cases, office.staff, admin, links=links, referrals=office.referrals)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def tab_titles(d):
    return [d.tabs.tabText(i) for i in range(d.tabs.count())]


def click(qtbot, button):
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_refer_send_follow_up_and_reply_from_the_case_window(
    qtbot, office, admin, clock, developer_case, tmp_path
):
    clock.at = dt.datetime(2026, 9, 25, 10, 0)
    printed: list[Referral] = []
    d = open_detail(qtbot, office, admin, developer_case, printed)
    assert "转交开发商" in tab_titles(d)
    tab = d.referral_tab
    d.tabs.setCurrentWidget(tab)
    assert "为有效投诉·二类" in tab.rule_label.text() and "5 个工作日" in tab.rule_label.text()
    assert not tab.sent_button.isEnabled()  # nothing to send yet

    click(qtbot, tab.refer_button)
    dlg = tab.dialog
    assert isinstance(dlg, ReferDialog) and dlg.isVisible()
    assert dlg.to_edit.text() == "开发商客户服务中心"
    click(qtbot, dlg.ok_button)  # the content is required: refused beside its field
    assert dlg.isVisible() and "必须填写" in dlg.errors.label_for("转交事项").text()
    dlg.content_edit.setPlainText("请贵司派人检修外墙渗水,并书面答复维修安排")
    with qtbot.waitSignal(d.case_changed):
        click(qtbot, dlg.ok_button)
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 0).text() == "LXH-2026-0001"
    assert tab.table.item(0, 3).text() == "待发出"
    assert "工作联系函 LXH-2026-0001 致开发商客户服务中心" in d.timeline_view.toPlainText()

    # printed through the window's print path, then checked as text
    click(qtbot, tab.print_button)
    assert [r.number for r in printed] == ["LXH-2026-0001"]
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(Printouts(office, admin).referral_letter(printed[0]))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "工作联系函" in text and "请贵司派人检修外墙渗水" in text

    click(qtbot, tab.sent_button)
    dlg = tab.dialog
    assert isinstance(dlg, SentDialog)
    dlg.method_combo.setCurrentIndex(dlg.method_combo.findData("邮寄"))
    with qtbot.waitSignal(d.case_changed):
        click(qtbot, dlg.ok_button)
    assert tab.table.item(0, 2).text() == "2026-10-09"
    assert tab.table.item(0, 3).text() == "待回复"
    assert "邮寄" in tab.table.item(0, 1).text()

    clock.at = dt.datetime(2026, 10, 10, 9, 0)  # the Saturday make-up day: past the due date
    d.refresh()
    assert tab.table.item(0, 3).text() == "逾期未回复"
    assert "转交开发商(逾期)" in tab_titles(d)

    click(qtbot, tab.follow_button)
    dlg = tab.dialog
    assert isinstance(dlg, FollowUpDialog)
    dlg.note_edit.setPlainText("电话催办,开发商答复下周一回函;已告知业主")
    dlg.next_edit.setDate(QDate(2026, 10, 9))  # before today: refused, nothing lost
    click(qtbot, dlg.ok_button)
    assert dlg.isVisible() and "须晚于本次跟进日期" in dlg.errors.label_for("下次跟进日期").text()
    assert dlg.note_edit.toPlainText().startswith("电话催办")
    dlg.next_edit.setDate(QDate(2026, 10, 12))
    with qtbot.waitSignal(d.case_changed):
        click(qtbot, dlg.ok_button)
    assert tab.follow_table.rowCount() == 1
    assert tab.follow_table.item(0, 3).text() == "2026-10-12"

    clock.at = dt.datetime(2026, 10, 12, 14, 0)
    d.refresh()
    click(qtbot, tab.reply_button)
    dlg = tab.dialog
    assert isinstance(dlg, ReplyDialog)
    dlg.at_edit.setDateTime(QDateTime(dt.datetime(2026, 10, 12, 11, 0)))
    dlg.text_edit.setPlainText("已安排施工单位 10 月 20 日前维修外墙")
    with qtbot.waitSignal(d.case_changed):
        click(qtbot, dlg.ok_button)
    assert tab.table.item(0, 3).text() == "已回复"
    assert "开发商回复(2026-10-12 11:00):</span>已安排施工单位" in tab.detail.text()
    assert not tab.reply_button.isEnabled() and tab.close_button.isEnabled()
    assert "超过回复期限 2026-10-09" in d.timeline_view.toPlainText()


def test_the_tab_is_only_on_cases_that_may_go_to_the_developer(qtbot, office, admin, make_case):
    ours = make_case(kind="投诉", validity="一类", category="服务态度", account="保安态度差")
    d = open_detail(qtbot, office, admin, ours)
    assert "转交开发商" not in " ".join(tab_titles(d))
    repair = make_case(kind="报修", category="地产遗留", account="入户门变形")
    d2 = open_detail(qtbot, office, admin, repair)
    assert "转交开发商" in tab_titles(d2)
    assert "类别为地产遗留" in d2.referral_tab.rule_label.text()


def test_a_steward_sees_the_letters_but_cannot_refer(qtbot, office, admin, developer_case):
    office.referrals.refer(developer_case, "请维修外墙", actor=admin)
    steward = office.staff.save_staff(name="李管家", role="steward", username="li", password="Secret-123")
    d = open_detail(qtbot, office, steward, developer_case, printed=[])
    tab = d.referral_tab
    assert tab.table.rowCount() == 1
    assert not tab.refer_button.isEnabled() and not tab.sent_button.isEnabled()
    assert not tab.print_button.isEnabled()  # the letter carries the owner's name: the front desk prints it
    assert tab.sent_button.toolTip() == "您的角色不能做这一步"


def test_dashboard_line_counts_the_unanswered_letters(qtbot, office, admin, clock, developer_case):
    clock.at = dt.datetime(2026, 9, 25, 10, 0)
    referral = office.referrals.refer(developer_case, "请维修外墙", actor=admin)
    office.referrals.record_sent(referral, "送达", actor=admin)
    clock.at = dt.datetime(2026, 9, 29, 9, 0)
    page = DashboardPage(lambda: dashboard(office, clock.now().date()))
    qtbot.addWidget(page)
    page.show()
    assert page.referral_notice.isVisible()
    assert (
        "开发商未回复:1 份工作联系函,均未到回复期限:LXH-2026-0001(TS-2026-00001)"
        in page.referral_notice.text()
    )
    assert "已到跟进日期" not in page.referral_notice.text()
    # A follow-up promised for 09-30: on that day the line says so, before the reply is due.
    office.referrals.add_follow_up(referral, "电话催问开发商客服", next_date="2026-09-30", actor=admin)
    clock.at = dt.datetime(2026, 9, 30, 9, 0)
    page.refresh()
    assert "已到跟进日期:LXH-2026-0001。" in page.referral_notice.text()
    clock.at = dt.datetime(2026, 10, 10, 9, 0)
    page.refresh()
    assert "其中 1 份已过回复期限" in page.referral_notice.text()
    opened: list[int] = []
    page.open_case.connect(opened.append)
    click(qtbot, page.referral_button)
    actions = page.referral_menu.actions()
    assert [a.text() for a in actions] == ["LXH-2026-0001 · TS-2026-00001 · 回复期限 10-09 · 逾期未回复"]
    actions[0].trigger()
    assert opened == [developer_case.id]
    office.referrals.record_reply(referral, "已安排维修", actor=admin)
    page.refresh()
    assert not page.referral_notice.isVisible()


def test_the_settings_edit_the_referral_rule(qtbot, office):
    from app.policy import PolicyStore
    from ui.settings import SettingsDialog

    dialog = SettingsDialog(office.policies, office.staff, office.holidays, year=2027)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.deadlines
    assert page.referral_to.text() == "开发商客户服务中心" and page.referral_days.value() == 5
    page.referral_to.clear()  # refused beside the field, the rest kept as typed
    page.referral_days.setValue(7)
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and page.errors["联系函收函单位"].isVisible()
    assert page.referral_days.value() == 7
    page.referral_to.setText("华景地产客户服务中心")
    page.referral_unit.setCurrentIndex(page.referral_unit.findData("calendar"))
    page.referral_categories.setText("地产遗留、房屋质量")
    page.referral_phone.setChecked(True)
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.save_button)
    rule = PolicyStore().load().referral
    assert (rule.to, rule.reply_days, rule.unit) == ("华景地产客户服务中心", 7, "calendar")
    assert rule.categories == ["地产遗留", "房屋质量"] and rule.show_phone


def test_the_statistics_window_counts_the_letters(qtbot, office, admin, clock, developer_case):
    from app.periods import Period
    from ui.stats.handling_tab import HandlingTab

    clock.at = dt.datetime(2026, 9, 25, 10, 0)
    referral = office.referrals.refer(developer_case, "请维修外墙", actor=admin)
    office.referrals.record_sent(referral, "送达", actor=admin)
    clock.at = dt.datetime(2026, 10, 13, 9, 0)
    q4 = office.quarterly(Period.quarter(2026, 4))  # running: counted to 10-13
    q3 = office.quarterly(Period.quarter(2026, 3))
    tab = HandlingTab()
    qtbot.addWidget(tab)
    tab.show_stats(q3.current, q3.previous)

    def row(text):
        table = tab.measure_table
        for r in range(table.rowCount()):
            if table.item(r, 0).text() == text:
                return [table.item(r, c).text() for c in range(1, 3)]
        raise AssertionError(text)

    assert row("转交开发商(件)") == ["1", "0"]
    assert row("开发商逾期未回复(份)") == ["0", "0"]  # due 10-09: not yet late at Q3's end
    assert q4.current.referrals is not None and q4.current.referrals.referred == 0
    assert [r.number for r in office.referrals.overdue(dt.date(2026, 10, 13))] == ["LXH-2026-0001"]
