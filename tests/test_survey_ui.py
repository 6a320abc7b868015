"""The survey page and its dialogs, driven as a clerk would: plan, approve, print, scans read
on the worker thread, doubtful rows decided with one key, interviews typed in a grid, report."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from PIL import ImageDraw
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app import survey
from app.models import Room
from app.permissions import acting
from bench import survey_bench as sb
from ui.survey_page import SurveyPage
from ui.survey_plan import SurveyPlanDialog
from ui.survey_review import SurveyEntryDialog, SurveyReviewDialog


@pytest.fixture
def service(office, admin):
    for n in range(1, 9):
        Room.create(building=str(n % 2 + 1), unit="1", number=f"{n}01")
    with acting(admin):
        yield survey.SurveyService(office.clock)


def test_a_plan_is_made_in_the_dialog_and_refusals_keep_the_text(qtbot, service):
    dialog = SurveyPlanDialog(service)
    qtbot.addWidget(dialog)
    dialog.ends.setDate(QDate(2020, 1, 1))
    dialog.save()
    assert "请填写调查名称" in dialog.error.text() and "结束日期" in dialog.error.text()
    dialog.title.setText("2026年年中顾客满意度调查")  # typed Chinese comes through an input method
    dialog.ends.setDate(QDate(2026, 10, 20))
    dialog.households.setValue(4)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.plan.title == "2026年年中顾客满意度调查" and dialog.plan.sample_size == 4


def _approved(service, **fields):
    values = dict(title="年中调查", starts=dt.date(2026, 10, 1), ends=dt.date(2026, 10, 15), sample_size=4)
    values.update(fields)
    plan = service.create_plan(survey.PlanInput(**values))
    service.approve(plan)
    return service.get(plan.id)


def test_the_page_prints_reads_scans_in_the_background_and_reports(
    qtbot, service, office, tmp_path, monkeypatch
):
    plan = _approved(service)
    page = SurveyPage(service, "阳光花园")
    qtbot.addWidget(page)
    page.table.selectRow(0)
    assert page.print_button.isEnabled() and not page.approve_button.isEnabled()
    out = tmp_path / "sheets.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    with qtbot.waitSignal(page.print_sheets().ended, timeout=30_000):  # made on a worker thread
        pass
    assert out.read_bytes().startswith(b"%PDF") and "4 份调查表" in page.banner.text()
    # two sheets marked and scanned; one row ticked twice
    pdf = out.read_bytes()
    layout = survey.sheet_pages(plan.form())
    images = []
    rng = random.Random(2)
    for index in range(4):
        (image,) = sb.render(pdf, 150, [index])
        if index % 2 == 0:
            rows = {r.key: r for r in layout[0].geometry.rows}
            draw = ImageDraw.Draw(image)
            sb.draw_mark(draw, rows["staff"].boxes[1], "tick", 150 / 25.4, rng)
            if index == 2:
                sb.draw_mark(draw, rows["security"].boxes[0], "tick", 150 / 25.4, rng)
                sb.draw_mark(draw, rows["security"].boxes[3], "cross", 150 / 25.4, rng)
        images.append(image.convert("RGB"))
    scan = tmp_path / "scan.pdf"
    images[0].save(scan, "PDF", resolution=150, save_all=True, append_images=images[1:])
    with qtbot.waitSignal(page.reading_finished, timeout=60000) as finished:
        page.start_reading([scan, tmp_path / "missing.pdf"])
    outcomes = finished.args[0]
    assert [o.status for o in outcomes if o.page] == [
        survey.PAGE_READ,
        survey.PAGE_READ,
        survey.PAGE_REVIEW,
        survey.PAGE_READ,
    ]
    assert any("找不到文件" in o.message for o in outcomes if not o.page)
    assert "收回 2 份" in page.detail.text() and "1 处待核对" in page.detail.text()
    assert page.recovery.value() == 50

    review = SurveyReviewDialog(service, plan)
    qtbot.addWidget(review)
    assert "选了 2 个" in review.reason.text() and review.picture.pixmap().width() > 100
    qtbot.keyClick(review, Qt.Key.Key_4)  # the clerk sees the cross: 不满意
    assert "已全部核对完毕" in review.banner.text()
    assert {a.question: a.value for a in service.sheet(plan, 2).answers}["security"] == "3"

    entry = SurveyEntryDialog(service, plan)
    qtbot.addWidget(entry)
    entry.number.setValue(3)
    qtbot.keyClicks(entry.fields["staff"], "9")
    entry.save()
    assert "选项要在 1 到 5 之间" in entry.error.text()
    entry.fields["staff"].clear()
    qtbot.keyClicks(entry.fields["staff"], "2")
    qtbot.keyClicks(entry.fields["needs"], "1,3")
    entry.save()
    assert "第 3 号已保存" in entry.banner.text() and entry.number.value() == 4
    answers = {a.question: a.value for a in service.sheet(plan, 3).answers}
    assert answers["staff"] == "1" and answers["needs"] == "0,2"

    report = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
    page.refresh()
    with qtbot.waitSignal(page.report().ended, timeout=30_000):  # made on a worker thread
        pass
    assert report.read_bytes().startswith(b"%PDF") and report.with_suffix(".xlsx").exists()


def test_approval_asks_first(qtbot, service, monkeypatch):
    service.create_plan(survey.PlanInput(title="待批准", sample_rate=10))
    page = SurveyPage(service, "阳光花园")
    qtbot.addWidget(page)
    page.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.approve()
    assert service.plans()[0].state == survey.DRAFT
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.approve()
    assert service.plans()[0].state == survey.APPROVED
    assert page.print_button.isEnabled()
    page.close_survey()
    assert service.plans()[0].state == survey.CLOSED
    assert not page.scan_button.isEnabled() and page.report_button.isEnabled()


def test_the_questionnaire_is_edited_while_a_draft_and_actions_are_followed(qtbot, service):
    from ui.survey_actions import ActionsDialog, QuestionnaireDialog

    plan = service.create_plan(survey.PlanInput(title="待批准", sample_rate=10))
    dialog = QuestionnaireDialog(service, plan)
    qtbot.addWidget(dialog)
    dialog.subjects.setPlainText("工作人员状况|态度\n停车管理\n总体情况")
    dialog.choices.setPlainText("其他需求*:家政/维修/代收快递\n只有一个选项:是")
    dialog.save()
    assert "2 到 8 个选项" in dialog.error.text()
    dialog.choices.setPlainText("其他需求*:家政/维修/代收快递")
    dialog.opens.setPlainText("还有什么建议?")
    dialog.save()
    form = service.get(plan.id).form()
    assert [s.title for s in form.subjects] == ["工作人员状况", "停车管理", "总体情况"]
    assert form.subjects[0].key == "staff" and form.overall == form.subjects[2].key
    assert form.choices[0].multiple and form.choices[0].options == ["家政", "维修", "代收快递"]
    assert [o.title for o in form.open] == ["还有什么建议?"]

    plan = service.create_plan(survey.PlanInput(title="年终", kind=survey.CENSUS))
    service.approve(plan)
    plan = service.get(plan.id)
    made = survey.SurveyAction.create(
        plan=plan, subject="security", title="安全管理", measure="加强巡逻", due=dt.date(2026, 9, 1)
    )
    actions = ActionsDialog(service)
    qtbot.addWidget(actions)
    assert actions.table.rowCount() == 1 and "已逾期" in actions.table.item(0, 3).text()
    actions.finish()
    assert "请写明" in actions.error.text()
    actions.outcome.setText("夜间巡逻增至每两小时一次")
    actions.finish()
    assert actions.table.rowCount() == 0 and "没有未完成" in actions.banner.text()
    assert survey.SurveyAction.get_by_id(made.id).state == survey.ACTION_DONE


def test_a_page_whose_code_is_lost_is_matched_by_its_printed_number(qtbot, service, tmp_path, monkeypatch):

    from reports import survey_form
    from ui.survey_review import UnreadPagesDialog

    plan = _approved(service)
    sheets = service.make_sheets(plan)
    (page,) = sb.render(
        survey_form.generate(survey_form.content_for("阳光花园", plan, sheets[1:2])), 150, [0]
    )
    left, top, side = survey.QR
    px = 150 / 25.4
    ImageDraw.Draw(page).rectangle(
        [(left - 3) * px, (top - 3) * px, (left + side + 3) * px, (top + side + 3) * px], fill=255
    )
    photo = tmp_path / "torn.jpg"
    page.save(photo, quality=70)
    assert service.read_file(plan, photo)[0].status == survey.PAGE_UNREAD
    dialog = UnreadPagesDialog(service, plan)
    qtbot.addWidget(dialog)
    assert "读不出二维码" in dialog.where.text() and dialog.picture.pixmap().width() > 100
    typed = []

    class Entry:  # the answers are typed in the entry dialog, tested above; here: it is opened for sheet 2
        def __init__(self, service, plan, method, parent, number):
            typed.append((method, number))

        def exec(self):
            return 0

    dialog.entry_factory = Entry
    dialog.number.setValue(9)
    dialog.match()
    assert "没有第 9 号" in dialog.error.text()
    dialog.number.setValue(2)
    dialog.match()
    assert typed == [(survey.BY_HAND, 2)] and "没有读不出的页" in dialog.where.text()
