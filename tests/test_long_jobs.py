"""Every long job runs off the window's thread with progress (issue 16 item 6, issue 17 item 1).

Each test holds the real work at a gate on its worker thread: the work records the thread it
runs on, and waits on an Event the test releases only after a QTimer on the window's thread
has fired several times meanwhile (the window kept handling events). Then progress reaches
the shared progress window (ui/progress.py), 取消 stops the job cleanly where offered, and an
error ends in words. No timing limits here: those are in bench/window_stall.py.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication, QTimer

from app.models import Owner, Room
from app.periods import Period
from app.permissions import set_person
from app.stats_export import write_xlsx
from reports.quarterly import QuarterlyReport
from ui.i18n import install_translator, remove_translators
from ui.progress import ROWS, ProgressDialog, ProgressPanel, run_with_progress
from ui.worker import Progress

WAIT_MS = 60_000


class Gate:
    """Wraps a function of the real work: it records its thread and waits to be let through."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        self.threads: list[threading.Thread] = []

    def wrap(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def gated(*args: Any, **kwargs: Any) -> Any:
            self.threads.append(threading.current_thread())
            self.entered.set()
            assert self.release.wait(30), "the test never let the work through"
            return fn(*args, **kwargs)

        return gated

    def hold_while_the_window_answers(self, qtbot: Any, meanwhile: Callable[[], None] | None = None) -> None:
        """Wait until the work is at the gate, see the window's thread handle timer events
        while it waits there (and do `meanwhile`, as a person would), then let it through."""
        ticks: list[int] = []
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start()
        qtbot.waitUntil(self.entered.is_set, timeout=WAIT_MS)
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 5, timeout=WAIT_MS)  # answering meanwhile
        timer.stop()
        assert self.threads and all(t is not threading.main_thread() for t in self.threads)
        if meanwhile is not None:
            meanwhile()
        self.release.set()


def ended(qtbot: Any, dialog: ProgressDialog) -> tuple[bool, str]:
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=WAIT_MS)
    assert dialog.outcome is not None
    return dialog.outcome


@pytest.fixture
def acting(office, admin):
    set_person(admin)
    yield admin
    set_person(None)


@pytest.fixture
def english(qapp):
    installed = install_translator(qapp, "en")
    yield
    remove_translators(qapp, installed)


# The shared progress window -----------------------------------------------------------------
def test_progress_reaches_the_dialog_in_counts_and_cancel_stops_between_rows(qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    gate = Gate()
    seen: list[int] = []

    def work(progress: Progress) -> int:
        done = 0
        for done in range(1, 2001):
            if progress.cancelled:
                return -done
            progress(done, 2000, f"正在读入第 {done} 行" if done == 120 else "")
            if done == 120:
                gate.wrap(lambda: None)()  # waits here, with 120 of 2,000 reported
            seen.append(done)
        return done

    dialog = run_with_progress(parent, "导入", "正在导入…", work, unit=ROWS, cancellable=True)

    def look_and_cancel() -> None:
        qtbot.waitUntil(lambda: dialog.panel.done == (120, 2000), timeout=WAIT_MS)
        assert dialog.panel.count.text() == "第 120 / 2,000 行"
        assert dialog.panel.what.text() == "正在读入第 120 行"
        qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)  # a job that takes a while shows itself
        assert dialog.cancel_button.isVisible()
        dialog.cancel_button.click()
        assert dialog.panel.what.text() == "正在取消,请稍候…" and not dialog.cancel_button.isEnabled()

    gate.hold_while_the_window_answers(qtbot, look_and_cancel)
    ok, text = ended(qtbot, dialog)
    assert ok and max(seen) < 2000  # stopped at the next row it looked
    assert dialog.job is not None and not dialog.job.running
    assert dialog.close_button.isVisible() and dialog.panel.result.text() == text


def test_a_failed_job_ends_in_words_and_python_text_stays_in_the_log(qtbot, caplog):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)

    def work(progress: Progress) -> None:
        raise KeyError("open expected 2 arguments, got 0")

    dialog = run_with_progress(parent, "导出", "正在导出…", work)
    ok, text = ended(qtbot, dialog)
    assert not ok and text == "程序遇到一个意外错误。"
    assert dialog.isVisible() and dialog.panel.result.text() == text  # said even when quick
    assert "open expected" not in text and "open expected" in caplog.text


def test_the_progress_window_speaks_english(qtbot, english):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    panel = ProgressPanel(parent, unit=ROWS, cancellable=True)
    panel.update_progress(120, 2000)
    assert panel.count.text() == "Row 120 of 2,000"
    assert panel.cancel_button is not None and panel.cancel_button.text() == "Cancel"
    dialog = ProgressDialog(parent, "Export", cancellable=True)
    assert dialog.close_button.text() == "Close"


# The statistics window ------------------------------------------------------------------------
@pytest.fixture
def stats_window(qtbot, office, acting, make_case):
    from ui.stats.window import StatsWindow

    make_case(kind="投诉", category="服务态度", account="保安态度恶劣")
    window = StatsWindow(
        compute=office.quarterly,
        export_pdf=lambda data: QuarterlyReport(office.name, data, generated=dt.date(2026, 9, 28)).generate(),
        export_xlsx=write_xlsx,
        save_measures=lambda period, text: None,
        clock=office.clock,
    )
    qtbot.addWidget(window)
    window.show()
    return window


def test_statistics_are_computed_off_the_windows_thread(qtbot, stats_window, office):
    gate = Gate()
    stats_window.compute = gate.wrap(office.quarterly)
    with qtbot.waitSignal(stats_window.computed, timeout=WAIT_MS):
        stats_window.start()
        assert stats_window.busy.isVisible()
        gate.hold_while_the_window_answers(qtbot)
    assert stats_window.pdf_button.isEnabled()


def test_statistics_pdf_export_runs_off_the_windows_thread(qtbot, stats_window, office, tmp_path):
    stats_window.show_comparison(office.quarterly(Period.quarter(2026, 3)))
    gate = Gate()
    stats_window.export_pdf = gate.wrap(stats_window.export_pdf)
    dialog = stats_window.export_pdf_to(tmp_path / "分析.pdf")
    assert dialog is not None
    gate.hold_while_the_window_answers(qtbot)
    ok, text = ended(qtbot, dialog)
    assert ok and text == f"已导出 PDF:{tmp_path / '分析.pdf'}"
    assert dialog.panel.done == (2, 2)  # the steps reached the dialog
    assert (tmp_path / "分析.pdf").read_bytes().startswith(b"%PDF")
    assert stats_window.banner.text() == text


def test_statistics_export_that_cannot_be_written_says_so_in_words(qtbot, stats_window, office, tmp_path):
    stats_window.show_comparison(office.quarterly(Period.quarter(2026, 3)))
    (tmp_path / "U盘").write_text("not a folder")
    dialog = stats_window.export_pdf_to(tmp_path / "U盘" / "统计.pdf")
    assert dialog is not None
    ok, text = ended(qtbot, dialog)
    assert not ok and "统计.pdf" in text and "Errno" not in text
    assert dialog.isVisible() and dialog.panel.result.text() == text


def test_statistics_excel_export_runs_off_the_windows_thread(qtbot, stats_window, office, tmp_path):
    stats_window.show_comparison(office.quarterly(Period.quarter(2026, 3)))
    gate = Gate()
    stats_window.export_xlsx = gate.wrap(stats_window.export_xlsx)
    dialog = stats_window.export_xlsx_to(tmp_path / "统计.xlsx")
    assert dialog is not None
    gate.hold_while_the_window_answers(qtbot)
    ok, _text = ended(qtbot, dialog)
    assert ok and "回访统计表" in openpyxl.load_workbook(tmp_path / "统计.xlsx").sheetnames


def test_statistics_printing_makes_the_report_off_the_windows_thread(qtbot, stats_window, office):
    stats_window.show_comparison(office.quarterly(Period.quarter(2026, 3)))
    gate = Gate()
    stats_window.export_pdf = gate.wrap(stats_window.export_pdf)
    dialog = stats_window._print()
    assert dialog is not None
    gate.hold_while_the_window_answers(qtbot)
    ok, _text = ended(qtbot, dialog)
    assert ok and not dialog.isVisible()  # it makes way for the preview
    qtbot.waitUntil(lambda: stats_window.preview is not None, timeout=WAIT_MS)
    stats_window.preview.close()


# The monthly notice ----------------------------------------------------------------------------
def test_the_monthly_notice_is_made_off_the_windows_thread(qtbot, office, admin, make_case, monkeypatch):
    from reports.notice import MonthlyNotice
    from ui.main_window import MainWindow

    make_case(kind="投诉", category="服务态度", account="保安态度恶劣")
    window = MainWindow(office, admin)
    qtbot.addWidget(window)
    shown: list[str] = []
    monkeypatch.setattr(window, "preview", lambda pdf, name: shown.append(name))
    gate = Gate()
    monkeypatch.setattr(MonthlyNotice, "generate", gate.wrap(MonthlyNotice.generate))
    dialog = window.print_monthly_notice()
    gate.hold_while_the_window_answers(qtbot)
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    assert dialog.panel.done == (3, 3) and shown == ["2026年9月(截至 09-28)公告"]


# Backups -------------------------------------------------------------------------------------
@pytest.fixture
def backup_page(qtbot, office, acting):
    from ui.backup_page import BackupPage

    page = BackupPage(office.backups, office.policies, office.data_dir, username="admin")
    qtbot.addWidget(page)
    page.show()
    return page


def test_backup_now_shows_its_steps_off_the_windows_thread(qtbot, backup_page, office, monkeypatch):
    gate = Gate()
    monkeypatch.setattr(office.backups, "backup_now", gate.wrap(office.backups.backup_now))
    steps: list[tuple[int, int]] = []
    update = backup_page.busy.update_progress
    monkeypatch.setattr(
        backup_page.busy, "update_progress", lambda d, t, w="": (steps.append((d, t)), update(d, t, w))
    )
    with qtbot.waitSignal(backup_page.backup_finished, timeout=WAIT_MS) as finished:
        backup_page.start_backup()
        assert backup_page.busy.isVisible() and not backup_page.backup_button.isEnabled()
        gate.hold_while_the_window_answers(qtbot)
    assert finished.args == [True]
    assert steps == [(1, 4), (2, 4), (3, 4), (4, 4)]  # every step reached the page
    assert backup_page.busy.isHidden() and backup_page.last_message.text().startswith("备份成功")


def test_checking_backups_runs_off_the_windows_thread_and_cancels_between_files(
    qtbot, backup_page, office, clock, monkeypatch
):
    first = office.backups.backup_now()
    clock.advance(minutes=5)
    second = office.backups.backup_now()
    assert first.ok and second.ok
    backup_page.refresh()
    assert len(backup_page._files) == 2
    gate = Gate()
    import ui.backup_page

    monkeypatch.setattr(ui.backup_page, "backup_problems", gate.wrap(ui.backup_page.backup_problems))
    dialog = backup_page.check_all()
    assert dialog is not None
    qtbot.waitUntil(gate.entered.is_set, timeout=WAIT_MS)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    assert dialog.panel.count.text() == "第 1 / 2 个文件"
    # 取消 while the first file is being checked: it is checked to the end, the second not begun
    gate.hold_while_the_window_answers(qtbot, dialog.cancel_button.click)
    ok, text = ended(qtbot, dialog)
    assert ok and text == "已校验 1 份备份,0 份有问题。(已取消,其余 1 份没有校验)"
    assert len(gate.threads) == 1
    texts = sorted(backup_page.table.item(r, 3).text() for r in range(2))
    assert texts == ["✓ 完好", "未校验"]


# Owners, cases to Excel -------------------------------------------------------------------------
def owners(count: int) -> None:
    room = Room.create(building="3", unit="2", number="501")
    Owner.insert_many(
        [{"room": room, "name": f"业主{i}", "phone": f"139{i:08d}"} for i in range(count)]
    ).execute()


def test_owner_export_runs_off_the_windows_thread_with_counts(qtbot, office, acting, tmp_path, monkeypatch):
    from ui.owner_page import OwnerPage

    owners(600)
    page = OwnerPage(office.owner_files, office.trail, acting)
    qtbot.addWidget(page)
    gate = Gate()
    monkeypatch.setattr(office.owner_files, "export_owners", gate.wrap(office.owner_files.export_owners))
    dialog = page.export_to(tmp_path / "业主.xlsx")
    gate.hold_while_the_window_answers(qtbot)
    ok, text = ended(qtbot, dialog)
    assert ok and text.startswith("已导出 600 人到")
    assert dialog.panel.done == (600, 600)
    assert openpyxl.load_workbook(tmp_path / "业主.xlsx").active.max_row == 601


def test_owner_export_cancelled_writes_nothing(qtbot, office, acting, tmp_path, monkeypatch):
    from ui.owner_page import OwnerPage

    owners(600)
    page = OwnerPage(office.owner_files, office.trail, acting)
    qtbot.addWidget(page)
    gate = Gate()
    monkeypatch.setattr(office.owner_files, "export_owners", gate.wrap(office.owner_files.export_owners))
    dialog = page.export_to(tmp_path / "业主.xlsx")
    gate.hold_while_the_window_answers(qtbot, dialog.cancel)
    ok, text = ended(qtbot, dialog)
    assert ok and text == "已取消导出,没有写入文件。"
    assert not (tmp_path / "业主.xlsx").exists()


def test_owner_export_speaks_english(qtbot, office, acting, tmp_path, english):
    from ui.owner_page import OwnerPage

    owners(3)
    page = OwnerPage(office.owner_files, office.trail, acting)
    qtbot.addWidget(page)
    dialog = page.export_to(tmp_path / "owners.xlsx")
    ok, text = ended(qtbot, dialog)
    assert ok and text.startswith("Exported 3 people to")
    assert dialog.windowTitle() == QCoreApplication.translate("OwnerPage", "导出业主资料") != "导出业主资料"


def test_cases_to_excel_from_the_window_run_off_its_thread(
    qtbot, office, acting, make_case, tmp_path, monkeypatch
):
    import ui.import_dialog
    from ui.import_dialog import ImportDialog

    make_case()
    gate = Gate()
    monkeypatch.setattr(ui.import_dialog, "export_cases", gate.wrap(ui.import_dialog.export_cases))
    dialog = ImportDialog(office, "export", tmp_path / "台账.xlsx")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_import, timeout=WAIT_MS) as finished:
        dialog.show()
        gate.hold_while_the_window_answers(qtbot)
    assert finished.args[0].imported == 1 and (tmp_path / "台账.xlsx").exists()


# 100 blank forms: the preview's PDF --------------------------------------------------------------
def test_blank_forms_are_made_off_the_windows_thread(qtbot, office, admin, monkeypatch):
    from app.models import FormSheet
    from reports.printing import Printouts
    from ui.form_ledger import FormLedgerPage

    set_person(admin)
    printouts = Printouts(office, admin)
    page = FormLedgerPage(office.forms, office.staff, admin, printouts)
    qtbot.addWidget(page)
    page.show()
    gate = Gate()
    monkeypatch.setattr(printouts, "blank_forms_preview", gate.wrap(printouts.blank_forms_preview))
    dialog = page.ask_blank_forms()
    dialog.count.setValue(100)
    dialog.ok_button.click()
    assert dialog.busy.isVisible() and not dialog.ok_button.isEnabled()
    assert dialog.busy.what.text() == "正在生成 100 份空白回访记录表…"
    dialog.reject()  # not while the PDF is being made
    assert dialog.isVisible()
    gate.hold_while_the_window_answers(qtbot)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=WAIT_MS)
    assert page.preview.page_count() == 100
    assert FormSheet.select().count() == 0  # the preview takes no number
    page.preview.close()
    set_person(None)


# Restore from the command line: its steps said as they start ----------------------------------------
def test_restore_says_its_steps_in_the_chosen_language(office, admin, tmp_path, capsys):
    from app import i18n
    from tests.helpers.cli import run

    result = office.backups.backup_now()
    assert result.ok
    office.close()
    try:
        assert run(office.data_dir, "--lang", "en", "restore", str(result.path)) == 0
    finally:
        i18n.set_language(i18n.SOURCE_LANGUAGE)
    out = capsys.readouterr().out
    assert "Step 1 of 3: Checking the backup file…" in out
    assert "Step 2 of 3: Copying and checking the restored data…" in out
    assert "Step 3 of 3: Putting the restored data in place" in out


# The survey: its sheets and its report -----------------------------------------------------------
def test_survey_sheets_and_report_are_made_off_the_windows_thread(
    qtbot, office, admin, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from app import survey
    from app.permissions import acting
    from reports import survey_form, survey_report
    from ui.survey_page import SurveyPage

    for n in range(1, 9):
        Room.create(building=str(n % 2 + 1), unit="1", number=f"{n}01")
    with acting(admin):
        service = survey.SurveyService(office.clock)
        plan = service.create_plan(
            survey.PlanInput(
                title="年中调查", starts=dt.date(2026, 10, 1), ends=dt.date(2026, 10, 15), sample_size=4
            )
        )
        service.approve(plan)
        page = SurveyPage(service, "阳光花园")
        qtbot.addWidget(page)
        page.show()
        page.table.selectRow(0)
        sheets = tmp_path / "sheets.pdf"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(sheets), ""))
        gate = Gate()
        monkeypatch.setattr(survey_form, "generate", gate.wrap(survey_form.generate))
        dialog = page.print_sheets()
        assert dialog is not None
        gate.hold_while_the_window_answers(qtbot)
        assert ended(qtbot, dialog)[0] and sheets.read_bytes().startswith(b"%PDF")
        assert dialog.panel.done == (2, 2) and "4 份调查表" in page.banner.text()

        report = tmp_path / "report.pdf"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
        gate = Gate()
        monkeypatch.setattr(
            survey_report.SurveyReport, "generate", gate.wrap(survey_report.SurveyReport.generate)
        )
        dialog = page.report()
        assert dialog is not None
        gate.hold_while_the_window_answers(qtbot)
        assert ended(qtbot, dialog)[0] and report.read_bytes().startswith(b"%PDF")
        assert report.with_suffix(".xlsx").exists() and "报告已保存" in page.banner.text()
        page.preview_dialog.close()


def test_cases_to_excel_cancelled_from_the_window_write_no_file(
    qtbot, office, acting, make_case, tmp_path, monkeypatch
):
    import app.ledger.export
    from ui.import_dialog import ImportDialog

    make_case()
    gate = Gate()
    # Held inside the export, after its first row: 取消 is seen at the next one it asks.
    monkeypatch.setattr(app.ledger.export, "_count", gate.wrap(app.ledger.export._count))
    dialog = ImportDialog(office, "export", tmp_path / "台账.xlsx")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_import, timeout=WAIT_MS) as finished:
        dialog.show()
        gate.hold_while_the_window_answers(qtbot, dialog.cancel_button.click)
    assert finished.args[0].cancelled and not (tmp_path / "台账.xlsx").exists()
    assert dialog.status.text() == "导出已取消,没有写出文件。"


def test_the_menus_backup_shows_its_steps_in_the_status_bar(qtbot, office, admin, monkeypatch):
    from ui.main_window import MainWindow

    told: list[str] = []
    monkeypatch.setattr("ui.main_window.QMessageBox.information", lambda *a: told.append(a[2]))
    monkeypatch.setattr("ui.main_window.QMessageBox.warning", lambda *a: told.append(a[2]))
    window = MainWindow(office, admin)
    qtbot.addWidget(window)
    window.show()
    from app import backup

    gate = Gate()
    monkeypatch.setattr(backup, "content_problems", gate.wrap(backup.content_problems))  # step 2 held
    window._backup_now()

    def at_step_two() -> None:
        qtbot.waitUntil(lambda: window.backup_bar.value() == 2, timeout=WAIT_MS)
        assert window.backup_words.text() == "正在检查数据(审计记录与签名)…"
        assert window.backup_bar.maximum() == 4 and window.backup_busy.isVisible()

    gate.hold_while_the_window_answers(qtbot, at_step_two)
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT_MS)
    assert told[0].startswith("备份成功") and window.backup_busy.isHidden()
