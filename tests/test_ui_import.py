"""The import dialog: work on a worker thread, progress, cancel, the summary and problems."""

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from app.models import Case, Owner
from tests.test_ledger import HEADERS, OFFICE_ROWS, good_row, office_ledger, write_xlsx
from ui.import_dialog import ImportDialog
from ui.palette import OVERDUE_BG

# The offscreen platform says this whenever a window is shown; it is not a fault.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def dialog_for(office, qtbot):
    def make(kind, path, **kw):
        dialog = ImportDialog(office, kind, path, **kw)
        qtbot.addWidget(dialog)
        return dialog

    return make


def test_import_runs_off_the_ui_thread_and_shows_the_summary(dialog_for, qtbot, tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [good_row() for _ in range(150)])
    dialog = dialog_for("ledger", path)
    dialog.show()  # showing shows the columns and the first rows; nothing is written yet
    assert dialog.choose_box.isVisible() and dialog.start_button.isVisible() and dialog.bar.isHidden()
    assert Case.select().count() == 0
    with qtbot.waitSignal(dialog.finished_import, timeout=30000) as blocker:
        dialog.start_button.click()
    report = blocker.args[0]
    assert report.imported == 150
    assert Case.select().count() == 150  # committed by the worker, visible here
    assert dialog.status.text() == "导入 150 件"
    assert dialog.bar.value() == dialog.bar.maximum()
    assert dialog.problems.isHidden() and dialog.close_button.isVisible() and dialog.cancel_button.isHidden()
    qtbot.waitUntil(lambda: not dialog._job.running)


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
    shown = dialog._on_progress

    def progress_then_cancel(done: int, total: int, what: str = "") -> None:
        shown(done, total, what)
        if dialog.cancel_button.isEnabled():
            dialog.cancel_button.click()  # pressed while the worker runs (the first progress report)

    dialog._on_progress = progress_then_cancel
    with qtbot.waitSignal(dialog.finished_import, timeout=60000) as blocker:
        dialog.start()
    assert blocker.args[0].cancelled
    assert Case.select().count() == 0
    assert dialog.status.text() == "已取消,未导入任何内容"


def test_an_import_from_the_window_is_the_person_s_at_the_office_clock(
    dialog_for, qtbot, tmp_path, admin, office
):
    """王管理 imports from the window: the cases are created by them, the rooms brought in are
    audited under their name, all at the office clock's time (not 系统, not the wall clock)."""
    from app.models import AuditEntry, Room
    from app.permissions import set_person

    set_person(admin)  # logged in, as the main window does
    rows = [good_row(楼栋="1", 单元="2", 房号="301"), good_row(楼栋="5", 单元="1", 房号="102")]
    dialog = dialog_for("ledger", write_xlsx(tmp_path / "l.xlsx", rows))
    with qtbot.waitSignal(dialog.finished_import, timeout=30000) as blocker:
        dialog.start()
    assert blocker.args[0].imported == 2
    assert {c.created_by_id for c in Case.select()} == {admin.id}
    room_ids = {str(r.id) for r in Room.select()}
    rooms = list(AuditEntry.select().where(AuditEntry.table == "room", AuditEntry.record_id.in_(room_ids)))
    assert rooms and {(e.actor, e.at) for e in rooms} == {("王管理", office.clock.now())}
    cases = list(AuditEntry.select().where(AuditEntry.table == "case"))
    assert cases and {(e.actor, e.at) for e in cases} == {("王管理", office.clock.now())}


def test_bad_file_shows_reason(dialog_for, qtbot, tmp_path):
    empty = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(empty)
    dialog = dialog_for("owners", empty)
    dialog.show()  # the file is read for the preview: the reason is shown at once
    assert (
        "是空的" in dialog.status.text() and dialog.choose_box.isHidden() and dialog.close_button.isVisible()
    )
    assert dialog.start_button.isHidden()
    with qtbot.waitSignal(dialog.finished_import, timeout=30000) as blocker:
        dialog.start()  # the same reason when started without the preview
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


def test_office_ledger_columns_chosen_previewed_and_remembered(dialog_for, qtbot, office, tmp_path):
    rows = [
        *OFFICE_ROWS[:3],
        [6, "2026.9.31", "孙丽", "五栋", "12345", "门禁卡失灵", None, None, None, None, None, None],
    ]
    path = office_ledger(tmp_path / "2026台账.xlsx", rows)
    dialog = dialog_for("ledger", path)
    dialog.show()
    assert (
        "表头在第 3 行" in dialog.header_info.text() and "按标题全部记为“投诉”" in dialog.header_info.text()
    )
    # One combo box per column of the file, each on the field it goes to.
    table = dialog.columns_table
    assert [table.item(r, 0).text() for r in range(table.rowCount())][:4] == [
        "序号",
        "日期",
        "投诉人",
        "房号",
    ]
    assert [table.cellWidget(r, 1).currentData() for r in range(4)] == [
        "不导入",
        "受理时间",
        "客户姓名",
        "房号",
    ]
    assert table.item(1, 2).text() == "2026.9.5"  # the first row's cell as it is in the file
    # The preview: the rows as they will be read, the unreadable cells marked with the reason.
    preview = dialog.preview_table
    headers = [preview.horizontalHeaderItem(c).text() for c in range(preview.columnCount())]
    col = {h: c for c, h in enumerate(headers)}
    assert preview.item(0, col["受理时间"]).text() == "2026-09-05"
    assert preview.item(1, col["房号"]).text() == "5-1-1203"
    assert preview.item(0, col["联系电话"]).text() == "13812345678"
    bad = preview.item(3, col["受理时间"])
    assert bad.background().color().name() == OVERDUE_BG and "不是有效的日期" in bad.toolTip()
    assert bad.toolTip().startswith("日期(受理时间):")  # the column as the file names it
    assert preview.item(3, col["房号"]).toolTip().startswith("房号:“五栋”看不出楼栋和房号")
    assert not dialog.mapping_problem.isHidden() and "1 行有读不懂的内容" in dialog.mapping_problem.text()
    # The clerk corrects a column: 序号 is the office's own number; the preview follows.
    dialog.set_field("序号", "编号")
    assert "编号" in [preview.horizontalHeaderItem(c).text() for c in range(preview.columnCount())]
    # Two columns to one field is refused before anything is written.
    dialog.set_field("处理情况", "内容")
    assert "都对应“内容”" in dialog.mapping_problem.text() and not dialog.start_button.isEnabled()
    dialog.set_field("处理情况", "处理结果")
    assert dialog.start_button.isEnabled()
    dialog.skip_box.setChecked(True)
    with qtbot.waitSignal(dialog.finished_import, timeout=30000) as blocker:
        dialog.start_button.click()
    assert blocker.args[0].imported == 3 and [c.ref for c in Case.select().order_by(Case.id)] == [
        "1",
        "2",
        "3",
    ]
    # The next file with the same headers opens with the same choices.
    again = dialog_for("ledger", office_ledger(tmp_path / "2026下半年.xlsx", OFFICE_ROWS[3:]))
    again.show()
    assert again.remembered and "沿用了上次" in again.header_info.text()
    assert again.columns_table.cellWidget(0, 1).currentData() == "编号"


def test_missing_column_is_chosen_in_the_dialog(dialog_for, qtbot, tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [{"时间": "2026-09-01 08:00", "事情": "漏水", "性质": "报修"}],
                      ["时间", "事情", "性质"])  # fmt: skip
    dialog = dialog_for("ledger", path)
    dialog.show()
    assert "还缺少必需的列:内容" in dialog.mapping_problem.text() and not dialog.start_button.isEnabled()
    dialog.set_field("事情", "内容")
    assert dialog.start_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_import, timeout=30000) as blocker:
        dialog.start_button.click()
    assert blocker.args[0].imported == 1 and Case.get().account == "漏水"


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_mapping_screenshot(dialog_for, qtbot, qapp, tmp_path, language):
    """The mapping dialog at 1366x768 in the three languages (pictures in /tmp/shots)."""
    from ui.fonts import register_fonts
    from ui.i18n import install_translator, remove_translators

    register_fonts(qapp)
    translators = install_translator(qapp, language) if language != "zh_CN" else []
    try:
        rows = [
            *OFFICE_ROWS,
            [6, "2026.9.31", "孙丽", "五栋", "12345", "门禁卡失灵", None, None, None, None, None, None],
        ]
        dialog = dialog_for("ledger", office_ledger(tmp_path / "2026年投诉台账.xlsx", rows))
        dialog.show()
        qtbot.waitExposed(dialog)
        screen = dialog.screen().availableGeometry()
        assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
        assert dialog.start_button.isVisible()
        out = Path("/tmp/shots")
        out.mkdir(exist_ok=True)
        assert dialog.grab().save(str(out / f"import_mapping_{language}.png"))
    finally:
        remove_translators(qapp, translators)


def test_screenshot(dialog_for, qtbot, qapp, tmp_path):
    from ui.fonts import register_fonts

    register_fonts(qapp)
    rows = [good_row(), good_row(性质="投拆", 联系电话="12345"), good_row(内容=None)] + [good_row()] * 3
    dialog = dialog_for("ledger", write_xlsx(tmp_path / "台账2026.xlsx", rows))
    dialog.show()
    with qtbot.waitSignal(dialog.finished_import, timeout=30000):
        dialog.start_button.click()
    qtbot.waitExposed(dialog)
    out = Path("/tmp/shots")
    out.mkdir(exist_ok=True)
    assert dialog.grab().save(str(out / "import_dialog.png"))


def test_every_field_has_a_label_in_the_combo_boxes():
    from app.ledger.preview import LEDGER_FIELDS, OWNER_FIELDS
    from ui.import_dialog import FIELD_LABELS

    assert set(LEDGER_FIELDS + OWNER_FIELDS + ["不导入"]) <= set(FIELD_LABELS)
