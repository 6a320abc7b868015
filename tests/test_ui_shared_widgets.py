"""The shared pieces of ui/: the palette, the action and reason dialogs, the read-only table,
one-line text and the date converters."""

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableWidgetItem

from app.errors import UserError, ValidationError
from tests.helpers.qt_input import type_text
from ui import palette
from ui.dialogs import ActionDialog, ReasonDialog
from ui.widgets import (
    ErrorLabel,
    from_qdate,
    from_qdatetime,
    make_table,
    one_line,
    refill_table,
    to_qdate,
    to_qdatetime,
)

HEX = re.compile(r"^#[0-9a-f]{6}$")


def _luminance(value: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    colour = QColor(value)
    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(fg: str, bg: str) -> float:
    hi, lo = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_every_palette_role_is_a_lower_case_hex_colour():
    roles = {
        name: value for name, value in vars(palette).items() if name.isupper() and isinstance(value, str)
    }
    colours = {n: v for n, v in roles.items() if not n.endswith("_STYLE")}
    assert len(colours) >= 30
    for name, value in colours.items():
        assert HEX.match(value), name
        assert QColor(value).isValid(), name
    assert palette.qcolor(palette.OK) == QColor(palette.OK)


def test_every_role_has_a_comment_saying_where_it_is_used():
    source = Path(palette.__file__).read_text(encoding="utf-8")
    for line in source.splitlines():
        if re.match(r'^[A-Z_]+ = "#', line):
            assert "  # " in line, line


@pytest.mark.parametrize(
    "text, background",
    [
        (palette.OVERDUE_TEXT, palette.OVERDUE_BG),
        (palette.NEARLY_DUE_TEXT, palette.NEARLY_DUE_BG),
        (palette.NEARLY_DUE_TEXT, palette.WARN_CARD_BG),
        (palette.OK_TEXT, palette.OK_BG),
        (palette.INFO_TEXT, palette.INFO_BG),
        (palette.REFUSED_TEXT, palette.REFUSED_BG),
        (palette.HEADING_TEXT, palette.CLOSED_BG),
        (palette.ERROR_RED, palette.PAPER),
        (palette.OK, palette.PAPER),
        (palette.MUTED_TEXT, palette.PAPER),
        (palette.MUTED_TEXT, palette.PANEL_BG),
        (palette.OVERDUE_TEXT, palette.ACCESS_ROW_BG),
        (palette.PAPER, palette.ACCENT),
        *[(fg, bg) for bg, _border, fg in palette.BANNER.values()],
    ],
)
def test_text_colours_are_readable_on_their_backgrounds(text, background):
    """WCAG AA for normal text: a contrast of at least 4.5 : 1."""
    assert contrast(text, background) >= 4.5


def test_style_writes_the_rules_asked_for():
    assert palette.style(palette.OK) == f"color: {palette.OK};"
    assert palette.style(
        palette.OVERDUE_TEXT, palette.OVERDUE_BG, palette.ALERT_BORDER, radius=3, padding=6
    ) == (
        f"color: {palette.OVERDUE_TEXT}; background: {palette.OVERDUE_BG};"
        f" border: 1px solid {palette.ALERT_BORDER}; border-radius: 3px; padding: 6px;"
    )
    assert palette.style(palette.HEADING_TEXT, bold=True, selector="QLabel#title") == (
        f"QLabel#title {{ color: {palette.HEADING_TEXT}; font-weight: bold; }}"
    )


def test_one_line_squeezes_and_cuts():
    assert one_line("楼道灯\n不亮   三楼", 50) == "楼道灯 不亮 三楼"
    assert one_line("一二三四五六", 4) == "一二三…"
    assert len(one_line("字" * 80)) == 50
    assert one_line(None) == ""
    assert one_line("一二三四", 4) == "一二三四"


def table_texts(table):
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_refill_table_clears_first_and_sizes_columns_only_after_the_fill(qtbot):
    """A second fill over rows already shown used to make every column that sizes to its
    contents measure all rows again for each cell set (seconds frozen for a few hundred rows):
    the old rows go first and no column sizes to its contents while cells are set."""
    table = make_table(["编号", "内容", "时间"], stretch=1)
    qtbot.addWidget(table)
    table.show()
    header = table.horizontalHeader()
    model = table.model()
    modes_while_filling: list[list[QHeaderView.ResizeMode]] = []

    def record(*_args):
        modes_while_filling.append([header.sectionResizeMode(c) for c in range(table.columnCount())])

    model.dataChanged.connect(record)
    model.rowsInserted.connect(record)
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))

    def rows(*numbers):
        return [[QTableWidgetItem(n), QTableWidgetItem(f"{n} 的内容"), None] for n in numbers]

    refill_table(table, rows("TS-2026-00003", "TS-2026-00001", "TS-2026-00002"))
    modes_while_filling.clear()
    refill_table(table, rows("TS-2026-00009", "TS-2026-00123456"))
    assert removed == [(0, 2)]  # the three old rows went before any cell was set
    assert table_texts(table) == [
        ["TS-2026-00009", "TS-2026-00009 的内容", ""],
        ["TS-2026-00123456", "TS-2026-00123456 的内容", ""],
    ]
    assert len(modes_while_filling) >= 5  # the rows' insertion and every cell set were seen
    assert all(QHeaderView.ResizeMode.ResizeToContents not in modes for modes in modes_while_filling)
    # The modes come back, and the columns are measured once with the new rows.
    assert [header.sectionResizeMode(c) for c in range(3)] == [
        QHeaderView.ResizeMode.ResizeToContents,
        QHeaderView.ResizeMode.Stretch,
        QHeaderView.ResizeMode.ResizeToContents,
    ]
    qtbot.waitUntil(lambda: header.sectionSize(0) >= table.sizeHintForColumn(0))
    assert table.updatesEnabled()

    # A sorted table is filled unsorted (no re-sorting per cell) and sorted once at the end.
    table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    table.setSortingEnabled(True)
    refill_table(table, rows("TS-2026-00001", "TS-2026-00003", "TS-2026-00002"))
    assert table.isSortingEnabled()
    assert [t[0] for t in table_texts(table)] == ["TS-2026-00003", "TS-2026-00002", "TS-2026-00001"]
    refill_table(table, [])
    assert table.rowCount() == 0


def test_dates_go_to_qt_and_back():
    day = dt.date(2026, 2, 28)
    assert to_qdate(day) == QDate(2026, 2, 28)
    assert from_qdate(to_qdate(day)) == day
    moment = dt.datetime(2026, 9, 28, 9, 30, 45, 123)
    q = to_qdatetime(moment)
    assert q.date() == QDate(2026, 9, 28) and q.time() == QTime(9, 30)
    assert from_qdatetime(q) == dt.datetime(2026, 9, 28, 9, 30)
    assert from_qdatetime(QDateTime(QDate(2026, 3, 29), QTime(2, 30, 59))) == dt.datetime(2026, 3, 29, 2, 30)


def test_make_table_is_read_only_with_whole_rows_and_a_stretching_column(qtbot):
    table = make_table(["编号", "内容", "时间"], stretch=1)
    qtbot.addWidget(table)
    assert table.columnCount() == 3 and table.horizontalHeaderItem(1).text() == "内容"
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert not table.verticalHeader().isVisible() and table.alternatingRowColors() and not table.wordWrap()
    header = table.horizontalHeader()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents

    last = make_table(["a", "b"], selection=QAbstractItemView.SelectionMode.ExtendedSelection, wrap=True)
    qtbot.addWidget(last)
    assert last.horizontalHeader().sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    assert last.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection and last.wordWrap()

    none = make_table(["a", "b"], stretch=None, row_height=0, min_height=180, alternate=False)
    qtbot.addWidget(none)
    assert none.horizontalHeader().sectionResizeMode(1) == QHeaderView.ResizeMode.ResizeToContents
    assert none.verticalHeader().defaultSectionSize() == none.fontMetrics().height() + 10
    assert none.minimumHeight() == 180 and not none.alternatingRowColors()


class _NameDialog(ActionDialog):
    """A dialog as the windows write them: a field bound to the name the service uses."""

    def __init__(self, service):
        super().__init__("改名", "保存", submit=service, heading="房号 3-2-1201")
        self.name = QLineEdit()
        self.add_row("姓名", self.name, "姓名")

    def values(self):
        return (self.name.text(),)


def test_action_dialog_keeps_refused_input_and_closes_once_recorded(qtbot):
    recorded = []

    def service(name: str) -> None:
        if not name.strip():
            raise ValidationError({"姓名": "请填写姓名", "电话": "号码不对"})
        if name == "张三":
            raise UserError("张三已离职,不能改名。")
        recorded.append(name)

    dialog = _NameDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.heading.text() == "房号 3-2-1201" and dialog.ok_button.text() == "保存"

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not recorded
    assert dialog.errors.label_for("姓名").text() == "请填写姓名"
    assert dialog.error.text() == "电话:号码不对"  # a field the form does not show: on the general line
    assert dialog.name.property("invalid") is True

    type_text(qtbot, dialog.name, "张三")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.text() == "张三已离职,不能改名。"
    assert dialog.name.text() == "张三" and not dialog.errors.label_for("姓名").isVisibleTo(dialog)

    dialog.name.setText("李四")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert recorded == ["李四"] and not dialog.isVisible()


def test_action_dialog_by_override_and_cancel(qtbot):
    class Done(ActionDialog):
        performed = 0

        def perform(self) -> None:
            Done.performed += 1

    dialog = Done("登记", boxed_error=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok_button.text() == "确定" and not dialog.heading.isVisibleTo(dialog)
    assert palette.ERROR_BOX_STYLE in dialog.error.styleSheet()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert Done.performed == 0
    dialog.show()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert Done.performed == 1


def test_reason_dialog_passes_the_reason_and_shows_a_refusal_under_the_box(qtbot):
    reasons = []

    def drop(reason: str) -> None:
        if not reason.strip():
            raise ValidationError({"原因": "取消回访须写明原因"})
        reasons.append(reason)

    dialog = ReasonDialog("取消回访", "为什么不再回访这户?", drop)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.prompt.text() == "为什么不再回访这户?"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.reason_error.text() == "取消回访须写明原因"
    assert not dialog.error.isVisibleTo(dialog)
    type_text(qtbot, dialog.reason, "业主已搬离")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert reasons == ["业主已搬离"]


def test_reason_dialog_with_its_own_field_name_and_texts(qtbot):
    dialog = ReasonDialog(
        "作废",
        "",
        lambda reason: (_ for _ in ()).throw(ValidationError({"作废原因": "请写明原因"})),
        ok_text="作废",
        placeholder="如重复录入",
        field="作废原因",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.prompt.isVisibleTo(dialog) and dialog.ok_button.text() == "作废"
    assert dialog.reason.placeholderText() == "如重复录入"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.reason_error.text() == "请写明原因"


def test_error_label_boxed_or_plain(qtbot):
    plain, boxed = ErrorLabel(), ErrorLabel(boxed=True)
    qtbot.addWidget(plain)
    qtbot.addWidget(boxed)
    assert palette.ERROR_RED in plain.styleSheet() and palette.OVERDUE_BG in boxed.styleSheet()
    boxed.set_error("不能保存")
    assert not boxed.isHidden()
    boxed.set_error(None)
    assert boxed.isHidden()


def test_colours_come_from_the_palette():
    """No window writes a colour of its own: a new one gets a role in ui/palette.py."""
    ui = Path(palette.__file__).parent
    colour = re.compile(r"#[0-9a-fA-F]{6}\b|(?:color|background|border)[^;\"']*#[0-9a-fA-F]{3}\b|QColor\(\"#")
    found = [
        f"{path.relative_to(ui.parent)}:{n}: {line.strip()}"
        for path in sorted(ui.rglob("*.py"))
        if path.name != "palette.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if colour.search(line)
    ]
    assert not found, "\n".join(found)
