"""The statistics window and the 工作台, driven as a user would, on the Q3 data of test_stats."""

import datetime as dt
import errno
import io
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QHeaderView, QTableWidget

from app.case_query import CaseFilter
from app.clock import FixedClock
from app.dashboard import dashboard
from app.periods import Period
from tests.test_stats import NOV30, late_visit, q3, q4  # noqa: F401
from ui.dashboard.page import DashboardPage
from ui.stats.window import StatsWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class Calls:
    def __init__(self) -> None:
        self.pdf: list[object] = []
        self.xlsx: list[tuple[object, Path]] = []
        self.measures: list[tuple[Period, str]] = []


@pytest.fixture
def calls():
    return Calls()


@pytest.fixture
def window(qtbot, office, q3, calls):  # noqa: F811
    def export_pdf(comparison):
        calls.pdf.append(comparison)
        return b"%PDF-1.4 test"

    w = StatsWindow(
        office.quarterly,
        export_pdf,
        lambda comparison, path: calls.xlsx.append((comparison, path)),
        lambda period, text: calls.measures.append((period, text)),
        office.clock,
    )
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


def computed_q3(qtbot, w):
    w.kind_combo.setCurrentIndex(1)  # 季度
    w.year_spin.setValue(2026)
    w.quarter_combo.setCurrentIndex(2)  # 第3季度
    with qtbot.waitSignal(w.computed, timeout=10000) as blocker:
        qtbot.mouseClick(w.compute_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def row_of(table, text):
    for r in range(table.rowCount()):
        if table.item(r, 0).text() == text:
            return [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
    raise AssertionError(f"no row {text}")


def test_computes_q3_on_a_worker(qtbot, window):
    comparison = computed_q3(qtbot, window)
    assert comparison.current.period == Period.quarter(2026, 3)
    assert comparison.previous.period == Period.quarter(2026, 2)
    # 投诉: handled 3, one anonymous (own column, no visit by rule); 2 due, 2 visited → 100%: met.
    row = row_of(window.visits.table, "投诉")
    assert row[1:12] == ["3", "1", "0", "0", "0", "0", "2", "2", "100.0%", "100%", "✓ 达标"]
    assert window.visits.late_visits.text() == "应访未访:无。"
    assert "截至" not in window.heading.text()
    assert window.compute_button.isEnabled() and not window.busy.isVisible()
    assert window.pdf_button.isEnabled() and window.tabs.isEnabled()
    # Satisfaction spread: 满意 2 of 3, 不满意 1.
    assert row_of(window.visits.satisfaction_table, "满意")[1:3] == ["2", "66.7%"]


def shown_tables(w):
    """Every table of the six tabs as its texts, and the 纠正预防 tree's lines."""
    tables = {
        t.objectName() or f"{type(t.parent()).__name__}#{i}": [
            [t.item(r, c).text() if t.item(r, c) else "" for c in range(t.columnCount())]
            for r in range(t.rowCount())
        ]
        for i, t in enumerate(w.tabs.findChildren(QTableWidget))
    }
    lines: list[list[str]] = []

    def walk(item):
        lines.append([item.text(c) for c in range(item.columnCount())])
        for k in range(item.childCount()):
            walk(item.child(k))

    for k in range(w.corrective.tree.topLevelItemCount()):
        walk(w.corrective.tree.topLevelItem(k))
    return tables, lines


def test_a_second_compute_refills_the_same_rows_without_sizing_columns_per_cell(qtbot, window):
    """计算 a second time used to set every cell over the rows already shown while the
    columns sized to their contents (tens of seconds frozen for a year's hundreds of rows):
    the same contents come back, the old rows go first and no column sizes to its contents
    while the cells are set."""
    computed_q3(qtbot, window)
    first = shown_tables(window)
    assert first[0] and any(rows for rows in first[0].values()) and first[1]

    tables = window.tabs.findChildren(QTableWidget)
    assert len(tables) >= 8  # 回访 (3), 投诉 (several), 处理 (3), 人员, 改进措施
    modes_while_filling: list[QHeaderView.ResizeMode] = []
    cleared: list[QTableWidget] = []
    for table in tables:
        header = table.horizontalHeader()

        def record(*_args, header=header):
            modes_while_filling.extend(header.sectionResizeMode(c) for c in range(header.count()))

        table.model().dataChanged.connect(record)
        table.model().rowsRemoved.connect(lambda *_args, table=table: cleared.append(table))
    modes_before = {
        id(t): [t.horizontalHeader().sectionResizeMode(c) for c in range(t.columnCount())] for t in tables
    }

    computed_q3(qtbot, window)
    assert shown_tables(window) == first
    assert modes_while_filling  # cells were set again
    assert QHeaderView.ResizeMode.ResizeToContents not in modes_while_filling
    # Every table that held rows was emptied before its new rows went in.
    assert {id(t) for t in tables if t.rowCount()} <= {id(t) for t in cleared}
    assert modes_before == {
        id(t): [t.horizontalHeader().sectionResizeMode(c) for c in range(t.columnCount())] for t in tables
    }


def test_after_compute_the_tabs_are_filled_one_per_turn_of_the_event_loop(qtbot, window):
    """A year's lists hold hundreds of rows: the window handles its events between the tabs'
    fills, and stays busy (计算 off, the busy bar shown) until the last is filled."""
    order: list[object] = []
    fill_visits, fill_people = window.visits.show_stats, window.people.show_stats

    def visits(cur, prev):
        fill_visits(cur, prev)
        order.append("回访")
        QTimer.singleShot(0, lambda: order.append("timer"))

    def people(cur, prev):
        order.append(("人员", window.compute_button.isEnabled(), window.busy.isVisible()))
        fill_people(cur, prev)

    window.visits.show_stats = visits
    window.people.show_stats = people
    computed_q3(qtbot, window)
    assert order == ["回访", "timer", ("人员", False, True)]
    assert window.compute_button.isEnabled() and not window.busy.isVisible() and window.tabs.isEnabled()


def test_closing_the_window_between_the_tabs_fills_stops_the_rest(qtbot, window):
    emitted: list[object] = []
    window.computed.connect(emitted.append)
    fill_people = window.people.show_stats
    filled_people: list[bool] = []
    window.handling.show_stats = lambda cur, prev: window.close()
    window.people.show_stats = lambda cur, prev: (filled_people.append(True), fill_people(cur, prev))
    window.compute_button.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    qtbot.wait(50)
    assert not filled_people and not emitted and not window.is_busy()
    assert window.compute_button.isEnabled()


def test_repeat_repair_lists_its_cases_and_opens_one(qtbot, window, q3):  # noqa: F811
    computed_q3(qtbot, window)
    tree = window.corrective.tree
    repairs = tree.topLevelItem(2)
    assert repairs.text(0).startswith("重复维修")
    group = repairs.child(0)
    assert (group.text(1), group.text(2)) == ("3-2-502", "给排水·(细类未填)")  # the item (H25)
    assert group.text(3) == ",".join([q3["C4"], q3["C5"], q3["C6"]])
    assert [group.child(i).text(3) for i in range(group.childCount())] == [q3["C4"], q3["C5"], q3["C6"]]
    with qtbot.waitSignal(window.open_case_number) as blocker:
        tree.itemDoubleClicked.emit(group.child(1), 3)
    assert blocker.args == [q3["C5"]]
    with qtbot.waitSignal(window.open_case_number) as blocker:
        tree.itemDoubleClicked.emit(group, 0)
    assert blocker.args == [q3["C6"]]  # the group opens its latest case


def test_unsatisfied_and_repeat_complaints(qtbot, window, q3):  # noqa: F811
    computed_q3(qtbot, window)
    unsatisfied = window.corrective.tree.topLevelItem(0)
    assert unsatisfied.childCount() == 1 and unsatisfied.child(0).text(3) == q3["C2"]
    complaints = window.corrective.tree.topLevelItem(1).child(0)
    assert complaints.text(3) == f"{q3['C1']},{q3['C2']}"
    # Handling: 8 received (previous quarter 1), resolution 75%, 2 overdue listed.
    assert row_of(window.handling.measure_table, "受理件数")[1:3] == ["8", "1"]
    assert row_of(window.handling.measure_table, "办结率")[1] == "75.0%"
    assert {window.handling.overdue_table.item(r, 0).text() for r in range(2)} == {q3["C2"], q3["C7"]}
    # Complaints by category, this quarter beside the last.
    assert row_of(window.complaints.category_table, "环境卫生")[1:] == ["3", "0"]
    assert window.complaints.pareto.items == [("环境卫生", 3), ("停车", 1)]


def test_saving_measures(qtbot, window, calls):
    computed_q3(qtbot, window)
    window.tabs.setCurrentIndex(5)
    window.measures.edit.setPlainText("  加强保洁巡查;给排水管道全面检修。 ")
    with qtbot.waitSignal(window.measures_saved):
        qtbot.mouseClick(window.measures.save_button, Qt.MouseButton.LeftButton)
    assert calls.measures == [(Period.quarter(2026, 3), "加强保洁巡查;给排水管道全面检修。")]
    assert window.banner.text() == "改进措施已保存。"
    assert window.measures.state.text() == "已保存 2026-10-05 09:00"  # the office clock (q3 left it there)


def test_the_default_period_is_the_office_clocks_quarter(qtbot):
    """The picker opens on the office clock's quarter, month and month so far, not the
    machine's date (a clock set in another year shows it)."""
    clock = FixedClock(dt.datetime(2031, 2, 14, 16, 5))
    w = StatsWindow(lambda p: None, lambda c: b"", lambda c, p: None, lambda p, t: None, clock)
    qtbot.addWidget(w)
    assert w.period() == Period.quarter(2031, 1)
    w.kind_combo.setCurrentIndex(0)  # 月
    assert w.period() == Period.month(2031, 2)
    w.kind_combo.setCurrentIndex(2)  # 年
    assert w.period() == Period.year(2031)
    w.kind_combo.setCurrentIndex(3)  # 自定义: the month so far
    assert w.period() == Period.between(dt.date(2031, 2, 1), dt.date(2031, 2, 14))


def test_exports(qtbot, window, calls, tmp_path, monkeypatch):
    comparison = computed_q3(qtbot, window)
    pdf = tmp_path / "q3.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), "PDF (*.pdf)"))
    qtbot.mouseClick(window.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已导出 PDF" in window.banner.text(), timeout=20_000)  # on a worker thread
    assert calls.pdf == [comparison] and pdf.read_bytes() == b"%PDF-1.4 test"
    assert "已导出 PDF" in window.banner.text()

    xlsx = tmp_path / "q3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(xlsx), "Excel (*.xlsx)"))
    qtbot.mouseClick(window.xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已导出 Excel" in window.banner.text(), timeout=20_000)
    assert calls.xlsx == [(comparison, tmp_path / "q3.xlsx")]

    # Cancelling the dialog exports nothing.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    qtbot.mouseClick(window.pdf_button, Qt.MouseButton.LeftButton)
    assert len(calls.pdf) == 1


def test_export_error_in_chinese(qtbot, window, tmp_path, monkeypatch):
    computed_q3(qtbot, window)
    window.export_pdf = lambda comparison: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "x.pdf"), ""))
    qtbot.mouseClick(window.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "失败" in window.banner.text(), timeout=20_000)  # on a worker thread
    assert (
        window.banner.text() == "导出 PDF 失败:磁盘(或 U 盘)已满,无法写入。请清理出空间或换一个位置后再试。"
    )
    assert not (tmp_path / "x.pdf").exists()


def test_compute_failure_is_shown(qtbot, office):
    def broken(period):
        raise sqlite3.OperationalError("database is locked")

    w = StatsWindow(broken, lambda c: b"", lambda c, p: None, lambda p, t: None, office.clock)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.compute_failed):
        qtbot.mouseClick(w.compute_button, Qt.MouseButton.LeftButton)
    assert w.banner.text() == "统计失败:数据正被另一项工作(导入、备份或另一个窗口)占用,请稍候再试。"
    assert w.compute_button.isEnabled() and not w.tabs.isEnabled()


def test_custom_period_backwards(qtbot, office):
    w = StatsWindow(lambda p: None, lambda c: b"", lambda c, p: None, lambda p, t: None, office.clock)
    qtbot.addWidget(w)
    w.set_period(Period.between(dt.date(2026, 7, 5), dt.date(2026, 8, 9)))
    assert w.period() == Period.between(dt.date(2026, 7, 5), dt.date(2026, 8, 9))
    w.to_edit.setDate(w.from_edit.date().addDays(-1))
    qtbot.mouseClick(w.compute_button, Qt.MouseButton.LeftButton)
    assert w.banner.text() == "结束日期不能早于开始日期"
    w.set_period(Period.month(2026, 2))
    assert w.period() == Period.month(2026, 2) and w.month_combo.isVisibleTo(w)


# 工作台 ----------------------------------------------------------------------------------
def test_dashboard_tiles(qtbot, office, q3):  # noqa: F811
    # At 2026-10-05 09:00: C7 (due 09-22) and C3 (重要, due 10-02) are open past their deadline;
    # C2's rework notice (due 08-17) was never delivered.
    page = DashboardPage(lambda: dashboard(office, office.clock.now().date()))
    qtbot.addWidget(page)
    page.resize(1246, 708)
    page.show()
    tiles = page.tiles
    assert tiles["overdue"].number.text() == "2" and "需处理" in tiles["overdue"].hint.text()
    assert tiles["due_today"].number.text() == "0" and tiles["due_today"].hint.text() == "无"
    assert tiles["rework"].number.text() == "1"
    assert tiles["major"].number.text() == "0"
    with qtbot.waitSignal(page.open_cases) as blocker:
        qtbot.mouseClick(tiles["overdue"], Qt.MouseButton.LeftButton)
    assert blocker.args[0] == CaseFilter(overdue=True) and blocker.args[0].overdue
    with qtbot.waitSignal(page.open_followups):
        qtbot.mouseClick(tiles["rework"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.open_visits):
        qtbot.mouseClick(tiles["visits_overdue"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.open_forms):
        qtbot.mouseClick(tiles["forms"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.open_night_log):
        qtbot.mouseClick(tiles["night"], Qt.MouseButton.LeftButton)


def test_dashboard_major_report_opens_its_case(qtbot, office, make_case):
    case = make_case(kind="投诉", severity="重大", account="电梯困人")
    page = DashboardPage(lambda: dashboard(office, office.clock.now().date()))
    qtbot.addWidget(page)
    assert page.tiles["major"].number.text() == "1"
    with qtbot.waitSignal(page.open_case) as blocker:
        qtbot.mouseClick(page.tiles["major"], Qt.MouseButton.LeftButton)
    assert blocker.args == [case.id]


def test_dashboard_shows_a_read_error(qtbot):
    def broken():
        raise KeyError("visits")  # a fault of the program: said as such, the details in the log

    page = DashboardPage(broken)
    qtbot.addWidget(page)
    assert page.banner.text() == "工作台数据读取失败:程序遇到一个意外错误。"


# One definition of the visit rate everywhere (issue 14) -----------------------------------
def test_every_place_agrees_on_the_visit_rate_to_the_case(
    qtbot,
    office,
    admin,
    clock,
    q4,  # noqa: F811
    tmp_path,
    monkeypatch,  # noqa: F811
):
    """The dashboard, the statistics window, the PDF, the Excel file and the command line show
    the numbers of `app.visit_rates.visit_rates`, and name the same late case."""
    import json

    from openpyxl import load_workbook

    from app.stats_export import write_xlsx
    from huiyin.cli import main
    from reports.quarterly import QuarterlyReport
    from tests.test_reports import pdf_text

    late = late_visit(office, admin, clock, q4)
    truth = office.statistics().compute(Period.quarter(2026, 4)).visit_stats["投诉"]
    assert (truth.handled, truth.due, truth.visited, truth.late_cases) == (7, 2, 1, [late])
    assert (truth.anonymous, truth.unreachable, truth.not_due) == (1, 2, 1)

    # 工作台: November is all of these cases.
    d = dashboard(office, NOV30.date())
    rate = {r.kind: r for r in d.visit_rates}["投诉"]
    assert (rate.handled, rate.due, rate.visited, rate.late_cases) == (7, 2, 1, (late,))
    assert dict(rate.exempt) == {"anonymous": 1, "unreachable": 2, "not_due": 1}
    page = DashboardPage(lambda: dashboard(office, NOV30.date()))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    row = row_of(page.rate_table, "投诉")
    assert row[1:3] == ["2", "1"] and row[4] == "✗ 未达标"
    assert late in page.rate_note.text()
    assert page.rate_box.title() == "本月回访率(2026年11月,截至 11-30)"

    # The statistics window, Q4 not over yet.
    w = StatsWindow(office.quarterly, lambda c: b"", lambda c, p: None, lambda p, t: None, office.clock)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.kind_combo.setCurrentIndex(1)
    w.year_spin.setValue(2026)
    w.quarter_combo.setCurrentIndex(3)
    with qtbot.waitSignal(w.computed, timeout=10000):
        qtbot.mouseClick(w.compute_button, Qt.MouseButton.LeftButton)
    assert row_of(w.visits.table, "投诉")[1:12] == [
        "7",
        "1",
        "0",
        "2",
        "1",
        "1",
        "2",
        "1",
        "50.0%",
        "100%",
        "✗ 未达标",
    ]
    assert late in w.visits.late_visits.text()
    assert "截至 11-30" in w.heading.text() and "2026-07-01 至 2026-08-30,前 61 天" in w.heading.text()

    # The quarterly PDF.
    comparison = office.quarterly(Period.quarter(2026, 4))
    text = "".join(pdf_text(QuarterlyReport(office.name, comparison).generate()).split())
    assert "投诉7102112150.0%100%未达标" in text
    assert f"应访未访1件(回访期限已过仍未回访):{late}" in text
    assert "统计期间:2026-10-01至2026-11-30(截至11-30)" in text
    assert "2026年第3季度同期前61天(2026-07-01至2026-08-30)" in text

    # Excel.
    path = tmp_path / "q4.xlsx"
    write_xlsx(comparison, path)
    rows = {r[0]: r for r in load_workbook(path)["回访统计表"].iter_rows(min_row=2, values_only=True)}
    assert rows["投诉"][1:13] == (7, 1, 0, 2, 1, 1, 2, 1, 0.5, 1.0, "否", late)

    # The command line.
    office.close()
    out = tmp_path / "q4.json"
    args = [
        "--data-dir",
        str(office.data_dir),
        "--user",
        "admin",
        "--password-stdin",
        "report",
        "quarterly",
        "--year",
        "2026",
        "--quarter",
        "4",
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("secret1\n"))
    # The command line runs on the office's day, not the machine's (after 11-30 a case would
    # fall due that the other places, on the fixed clock, do not count).
    monkeypatch.setattr("app.office.SystemClock", lambda: clock)
    assert main([*args, "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["visit_stats"]["投诉"] == truth.to_json()
    assert data["period"]["through"] == "2026-11-30"
