"""The import dialog: work on a worker thread, progress, cancel, the summary and problems."""

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from app.models import Case, Owner
from tests.test_ledger import HEADERS, good_row, write_xlsx
from ui.import_dialog import ImportDialog

# The offscreen platform says this whenever a window is shown; it is not a fault.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def dialog_for(office, qtbot):
    def make(kind, path, **kw):
        dialog = ImportDialog(office.data_dir, kind, path, office=office, **kw)
        qtbot.addWidget(dialog)
        return dialog

    return make


def test_import_runs_off_the_ui_thread_and_shows_the_summary(dialog_for, qtbot, tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [good_row() for _ in range(150)])
    dialog = dialog_for("ledger", path)
    with qtbot.waitSignal(dialog.finished_import, timeout=30000) as blocker:
        dialog.show()  # showing starts the work
    report = blocker.args[0]
    assert report.imported == 150
    assert Case.select().count() == 150  # committed by the worker, visible here
    assert dialog.status.text() == "导入 150 件"
    assert dialog.bar.value() == dialog.bar.maximum()
    assert dialog.problems.isHidden() and dialog.close_button.isVisible() and dialog.cancel_button.isHidden()
    qtbot.waitUntil(lambda: not dialog._thread.isRunning())


def test_problems_are_listed_and_nothing_imported(dialog_for, qtbot, tmp_path):
    rows = [good_row(), good_row(性质="投拆"), good_row(联系电话="12345")]
    dialog = dialog_for("ledger", write_xlsx(tmp_path / "l.xlsx", rows))
    with qtbot.waitSignal(dialog.finished_import, timeout=30000):
        dialog.start()
    assert Case.select().count() == 0
    assert not dialog.problems.isHidden()
    lines = dialog.problems.toPlainText().splitlines()
    assert lines[0].startswith("第3行 列“性质”") and lines[1].startswith("第4行 列“联系电话”")
    assert "未导入任何内容" in dialog.status.text()
    # The clerk chooses to import the good rows after all.
    assert not dialog.retry_button.isHidden()
    with qtbot.waitSignal(dialog.finished_import, timeout=30000) as blocker:
        dialog.retry_button.click()
    assert blocker.args[0].imported == 1 and Case.select().count() == 1
    assert (tmp_path / "l.rejected.xlsx").exists() and dialog.retry_button.isHidden()


def test_skip_invalid_box(dialog_for, qtbot, tmp_path):
    rows = [good_row(), good_row(性质="投拆")]
    dialog = dialog_for("ledger", write_xlsx(tmp_path / "l.xlsx", rows))
    dialog.skip_box.setChecked(True)
    with qtbot.waitSignal(dialog.finished_import, timeout=30000) as blocker:
        dialog.start()
    assert blocker.args[0].imported == 1 and (tmp_path / "l.rejected.xlsx").exists()
    assert "跳过 1 行" in dialog.status.text()


def test_cancel_imports_nothing(dialog_for, qtbot, tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [good_row() for _ in range(2000)])
    dialog = dialog_for("ledger", path)
    with qtbot.waitSignal(dialog.finished_import, timeout=60000) as blocker:
        dialog.start()
        # The 取消 button is pressed while the worker runs (the first progress report).
        dialog._worker.progress.connect(dialog.cancel_button.click)  # queued to the UI thread
    assert blocker.args[0].cancelled
    assert Case.select().count() == 0
    assert dialog.status.text() == "已取消,未导入任何内容"


def test_bad_file_shows_reason(dialog_for, qtbot, tmp_path):
    empty = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(empty)
    dialog = dialog_for("owners", empty)
    with qtbot.waitSignal(dialog.finished_import, timeout=30000) as blocker:
        dialog.start()
    assert blocker.args[0].failed and "是空的" in dialog.status.text()


def test_owners_and_export(dialog_for, qtbot, tmp_path, make_case):
    owners = write_xlsx(
        tmp_path / "o.xlsx", [{"楼栋": "1", "房号": "101", "姓名": "甲"}], ["楼栋", "房号", "姓名"]
    )
    dialog = dialog_for("owners", owners)
    with qtbot.waitSignal(dialog.finished_import, timeout=30000):
        dialog.start()
    assert Owner.select().count() == 1 and dialog.status.text() == "导入 1 人"
    make_case(received_at=dt.datetime(2026, 9, 1, 8, 0))
    out = tmp_path / "out.xlsx"
    dialog = dialog_for("export", out)
    assert dialog.skip_box.isHidden()
    with qtbot.waitSignal(dialog.finished_import, timeout=30000):
        dialog.start()
    assert dialog.status.text() == f"已导出 1 件到 {out}"
    assert [c.value for c in openpyxl.load_workbook(out).active[1]][: len(HEADERS[:3])] == [
        "编号",
        "受理时间",
        "渠道",
    ]


def test_screenshot(dialog_for, qtbot, qapp, tmp_path):
    from ui.fonts import register_fonts

    register_fonts(qapp)
    rows = [good_row(), good_row(性质="投拆", 联系电话="12345"), good_row(内容=None)] + [good_row()] * 3
    dialog = dialog_for("ledger", write_xlsx(tmp_path / "台账2026.xlsx", rows))
    dialog.show()
    with qtbot.waitSignal(dialog.finished_import, timeout=30000):
        pass
    qtbot.waitExposed(dialog)
    out = Path("/tmp/shots")
    out.mkdir(exist_ok=True)
    assert dialog.grab().save(str(out / "import_dialog.png"))
