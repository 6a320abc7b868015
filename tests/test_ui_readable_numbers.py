"""Numbers on screen checked against the data, in the office's words (issue 16, item 3):
the owners' count, the audit trail in words, 派工's proposed time, case numbers by kind,
the calendar's side list, and the statistics tables and chart labels sized to their content."""

import datetime as dt
import json

import openpyxl
import pytest
from PySide6.QtCore import QDateTime, Qt

from app import audit, domain
from app.case_query import CaseFilter
from app.errors import ValidationError
from app.models import Case, Department, Dispatch, Owner, Room, Setting, Visit
from app.policy import PolicyStore, default_policy_data
from app.signatures import SignatureCapture, demo_strokes
from app.visits import VisitResult
from reports.charts import label_words, wrap_words
from tests.test_stats import q3  # noqa: F401
from ui.audit_window import AuditWindow
from ui.calendar.page import VisitCalendarPage
from ui.case_actions.handling import DispatchDialog
from ui.history import HistoryDialog, has_label
from ui.owner_page import OwnerPage
from ui.stats.window import StatsWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def table_texts(table) -> list[list[str]]:
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


# 业主档案: the count is what the search finds, in people, by type, and in rooms ---------------
def test_owner_count_says_people_types_rooms_and_that_the_list_is_cut(qtbot, office, admin):
    rooms = [Room.create(building="3", unit="2", number=f"{n:03d}") for n in range(101, 261)]
    Owner.insert_many(
        [{"room": room.id, "name": f"业主{n}", "occupant_type": "业主"} for n, room in enumerate(rooms)]
        + [
            {"room": room.id, "name": f"家人{n}", "occupant_type": "业主"}
            for n, room in enumerate(rooms[:140])
        ]
        + [{"room": rooms[0].id, "name": f"租客{n}", "occupant_type": "租户"} for n in range(5)]
    ).execute()
    page = OwnerPage(office.owner_files, office.trail, admin)
    qtbot.addWidget(page)
    page.show()
    # 305 people in 160 rooms; the list holds the first 300 and says so.
    assert page.table.rowCount() == 300
    assert page.count.text() == (
        "找到 305 人(业主 300、租户 5),住在 160 户;列表只显示前 300 人,请输入姓名、电话或房号缩小范围"
    )
    page.search.setText("3-2-101")
    page.refresh()
    assert page.table.rowCount() == 7
    assert page.count.text() == "找到 7 人(业主 2、租户 5),住在 1 户"
    page.search.setText("没有这个人")
    page.refresh()
    assert page.table.rowCount() == 0 and page.count.text() == "没有找到符合条件的人"


# The audit window in words ---------------------------------------------------------------------
def test_every_field_of_every_audited_model_has_a_label():
    missing = [
        f"{table}.{field}"
        for table, fields in audit.audited_fields().items()
        for field in fields
        if not has_label(table, field)
    ]
    missing += [f"policy.{key}" for key in default_policy_data() if not has_label("policy", key)]
    assert not missing, "fields the audit window would show by their code name: " + ", ".join(missing)


@pytest.fixture
def worked_case(office, admin, make_case, clock):
    """A repair dispatched to a named person, resolved, and visited on site with signatures."""
    worker = office.staff.save_staff("钱师傅", "steward")
    case = make_case(kind="投诉", category="服务态度", account="保安态度差 " * 20)
    office.cases.dispatch(case, Department.get(Department.name == "秩序维护部"), admin, assignee=worker)
    office.cases.resolve(case, "已道歉并整改", admin)
    clock.advance(days=1)
    visit = Visit.get(Visit.case == case)
    signature = SignatureCapture(strokes=demo_strokes(4), width=600, height=200, signer_name="张伟")
    result = VisitResult(
        method="上门",
        satisfaction="满意",
        findings="已整改",
        met_person="张伟",
        customer_signature=signature,
        visitor_signature=SignatureCapture(
            strokes=demo_strokes(3), width=600, height=200, signer_name="赵物管"
        ),
    )
    office.visits.complete(visit, result, admin)
    return Case.get_by_id(case.id), worker


def test_audit_window_shows_names_words_and_signatures_not_internals(qtbot, office, worked_case, tmp_path):
    case, worker = worked_case
    window = AuditWindow(office.trail)
    qtbot.addWidget(window)
    window.show()
    rows = table_texts(window.table)
    shown = "\n".join("|".join(r) for r in rows)
    for internal in (
        "strokes",
        "[[[",
        "met_person",
        "assignee",
        "pad_width",
        "sha256",
        "True",
        "False",
        "T09:",
    ):
        assert internal not in shown, internal
    by_record = {(r[4], r[3], r[6]): r for r in rows}
    # The slip names the person it went to, and its case by number, not by ids.
    slip = Dispatch.get(Dispatch.case == case)
    created = by_record[("派工单", "新建", "")]
    assert created[5] == slip.number
    assert f"指派给:{worker.name}" in created[7] and f"案件:{case.number}" in created[7]
    assert "派往部门:秩序维护部" in created[7]
    # A signature is 签名(n 笔), said of the visit's case.
    signatures = [r for r in rows if r[4] == "签名"]
    assert {r[5] for r in signatures} == {case.number}
    strokes = len(demo_strokes(4))
    assert any("签名人:张伟" in r[7] and f"签名:签名({strokes} 笔)" in r[7] for r in signatures)
    assert any("签名人身份:顾客" in r[7] for r in signatures)
    # Fields by their names; booleans 是/否; times as times; the case's record by its number.
    visit_rows = {r[6]: r[7] for r in rows if r[4] == "回访" and r[3] == "修改"}
    assert visit_rows["受访人"] == "(空) → 张伟"
    assert visit_rows["回访状态"] == "计划 → 已完成"
    assert visit_rows["回访时间"] == "(空) → 2026-09-29 09:30"
    case_rows = [r for r in rows if r[4] == "案件"]
    assert {r[5] for r in case_rows} == {case.number}
    new_case = next(r for r in case_rows if r[3] == "新建")[7]
    assert "房号:3-2-501" in new_case and "匿名:否" in new_case and "受理时间:2026-09-28 09:30" in new_case
    assert "联系电话:138****5678" in new_case
    # A long account is shortened after a whole word, the tooltip has it whole.
    row = next(i for i, r in enumerate(rows) if r[4] == "案件" and r[3] == "新建")
    assert "内容:保安态度差 保安态度差" in new_case and "…" in new_case
    assert ("保安态度差 " * 20).strip() in window.table.item(row, 7).toolTip()
    # The export says the same in words, whole.
    window.export(tmp_path / "audit.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "audit.xlsx").active
    exported = "\n".join("|".join(str(c.value or "") for c in row) for row in ws.iter_rows(min_row=2))
    assert f"签名({strokes} 笔)" in exported and f"指派给:{worker.name}" in exported and "[[[" not in exported


def test_a_records_history_reads_in_words(qtbot, office, worked_case):
    case, _worker = worked_case
    visit = Visit.get(Visit.case == case)
    dialog = HistoryDialog(office.trail, "visit", visit.id, case.number)
    qtbot.addWidget(dialog)
    rows = dialog.row_texts()
    assert rows[0][2] == "新建" and "应由谁回访:物管员" in rows[0][4]
    assert ["受访人", "(空) → 张伟"] in [r[3:] for r in rows]
    assert all("met_person" not in r[3] and "T0" not in r[4] for r in rows)


def test_values_in_words_from_the_reader(office, worked_case):
    reader = audit.Reader()
    assert reader.value("visit", "site_checked", "True").kind == "yes"
    assert reader.value("staff", "role", "cs_director").text == domain.ROLES["cs_director"]
    assert reader.value("room", "building", "12").text == "12"
    assert reader.value("case", "resolve_due", "2026-10-08T09:30:00").text == "2026-10-08 09:30"
    assert reader.value("owner", "move_in", "2019-06-01").text == "2019-06-01"
    gone = reader.value("dispatch", "assignee", "9999")
    assert gone.text == "#9999"  # a person since removed: the id, marked as one
    long = reader.value("case", "account", "漏水" * 60)
    assert len(long.text) <= audit.SHORT_TEXT and long.text.endswith("…") and long.full == "漏水" * 60
    assert audit.stroke_count(json.dumps([[[1, 2, 0, 0.5]], [[3, 4, 0, 0.5]]])) == 2


# 派工: a proposed time ahead, a past one refused in words ------------------------------------
def test_dispatch_proposes_the_deadline_while_it_is_ahead(qtbot, office, admin, make_case):
    case = make_case()
    dialog = DispatchDialog(case, office.cases, office.staff, admin)
    qtbot.addWidget(dialog)
    assert dialog.due_edit.dateTime().toPython() == case.resolve_due


def test_dispatch_after_the_deadline_proposes_now_plus_the_policys_time(
    qtbot, office, admin, make_case, clock
):
    case = make_case(severity="轻微")
    clock.advance(days=10)  # the 办结 deadline (2 working days) is long past
    now = clock.now()
    assert case.resolve_due < now
    dialog = DispatchDialog(case, office.cases, office.staff, admin)
    qtbot.addWidget(dialog)
    proposed = dialog.due_edit.dateTime().toPython()
    expected = office.cases.calendar().add(now, office.policies.load().resolve_days_for("轻微"), "working")
    assert proposed == expected and proposed > now


def test_dispatch_refuses_a_time_already_past_in_words(qtbot, office, admin, make_case, clock):
    case = make_case()
    dialog = DispatchDialog(case, office.cases, office.staff, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.due_edit.setDateTime(QDateTime(clock.now() - dt.timedelta(hours=2)))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()
    assert dialog.error.text() == (
        "要求完成:2026-09-28 07:30 已经过去,请选一个晚于现在(2026-09-28 09:30)的时间"
    )
    assert Dispatch.select().count() == 0 and dialog.isVisible()


# Case numbers by kind -------------------------------------------------------------------------
def test_case_numbers_carry_the_prefix_of_their_kind(office, make_case):
    prefixes = default_policy_data()["case_prefixes"]
    assert prefixes == {
        "投诉": "TS",
        "报修": "BX",
        "建议": "JY",
        "咨询": "ZX",
        "求助": "QZ",
        "特约服务": "TY",
        "表扬": "BY",
    }
    numbers = {kind: make_case(kind=kind, category="其他").number for kind in domain.KINDS}
    assert numbers["报修"].startswith("BX-2026-") and numbers["投诉"].startswith("TS-2026-")
    assert {kind: n.split("-")[0] for kind, n in numbers.items()} == {k: prefixes[k] for k in domain.KINDS}
    assert len({n.split("-")[2] for n in numbers.values()}) == len(numbers)  # the year's counter goes on
    # Found by its number, in the service and in the case list's search.
    repair = numbers["报修"]
    assert office.cases.by_number(repair).kind == "报修"
    assert [r.number for r in office.query.page(CaseFilter(text=repair))] == [repair]


def test_an_office_that_chose_its_own_prefix_keeps_it_for_every_kind(office, make_case):
    stored = {**default_policy_data(), "case_prefix": "KS1"}
    stored.pop("case_prefixes")  # saved before prefixes by kind existed
    Setting.replace(key="policy", value=json.dumps(stored, ensure_ascii=False)).execute()
    assert make_case(kind="报修").number == "KS1-2026-00001"
    assert make_case(kind="投诉", category="服务态度").number == "KS1-2026-00002"


def test_existing_numbers_stay_and_a_bad_prefix_is_refused(office, make_case):
    old = make_case(kind="报修")
    Case.update(number="TS-2026-00001").where(Case.id == old.id).execute()  # numbered before
    assert make_case(kind="报修").number == "BX-2026-00002"
    assert Case.get_by_id(old.id).number == "TS-2026-00001"
    policy = PolicyStore().copy()
    policy.case_prefixes["报修"] = "B-X"
    with pytest.raises(ValidationError) as refused:
        PolicyStore().save(policy)
    assert refused.value.problems == {"报修编号前缀": "只能是字母或数字,不能为空"}


# The calendar's side list ---------------------------------------------------------------------
def test_calendar_side_list_shows_room_owner_kind_visitor_and_when(qtbot, office, admin, make_case, clock):
    steward = office.staff.save_staff("赵物管", "steward", buildings="3")
    case = make_case(kind="投诉", category="服务态度")
    office.cases.resolve(case, "已处理", admin)
    visit = Visit.get(Visit.case == case)
    Visit.update(appointment=dt.datetime(2026, 10, 1, 15, 0)).where(Visit.id == visit.id).execute()
    page = VisitCalendarPage(office.visits, office.staff, clock)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.select_day(visit.due)
    model = page.side_model
    assert model.rowCount() == 1
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "状态",
        "房号 · 业主 · 事由 · 回访人",
    ]
    assert model.index(0, 0).data() == "计划"
    assert model.index(0, 1).data() == (
        f"3-2-501  张伟\n投诉·服务态度  {case.number}\n回访人:{steward.name} · 预约 10月1日 15:00"
    )
    # Three lines a row, all of them visible.
    assert page.side_table.rowHeight(0) >= page.side_table.fontMetrics().lineSpacing() * 3
    # Today's list per visitor says the same, without the visitor it is grouped under.
    Visit.update(due=clock.now().date()).where(Visit.id == visit.id).execute()
    page.refresh()
    page.side_tabs.setCurrentIndex(1)
    child = page.today_list.tree.topLevelItem(0).child(0)
    assert child.text(0) == "计划"
    assert child.text(1) == f"3-2-501  张伟\n投诉·服务态度  {case.number}\n预约 10月1日 15:00"


# Statistics: tables as tall as their rows, the chart's labels whole -----------------------------
@pytest.fixture
def stats(qtbot, office, q3):  # noqa: F811
    w = StatsWindow(office.quarterly, lambda c: b"", lambda c, p: None, lambda p, t: None, office.clock)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.kind_combo.setCurrentIndex(1)
    w.year_spin.setValue(2026)
    w.quarter_combo.setCurrentIndex(2)
    with qtbot.waitSignal(w.computed, timeout=10000):
        qtbot.mouseClick(w.compute_button, Qt.MouseButton.LeftButton)
    return w


def test_statistics_tables_are_as_tall_as_their_rows(stats):
    tables = [
        stats.visits.table, stats.visits.satisfaction_table, stats.visits.unsatisfied_table, stats.complaints.category_table,
        stats.complaints.validity_table, stats.complaints.severity_table, stats.complaints.building_table, stats.complaints.party_table,
        stats.handling.measure_table, stats.handling.overdue_table, stats.handling.received_table, stats.people.table,
    ]  # fmt: skip
    for table in tables:
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        inside = table.viewport().height()
        assert inside >= rows, f"{table.horizontalHeaderItem(0).text()}: {rows} px of rows in {inside} px"
        assert table.verticalScrollBar().maximum() == 0


def test_people_tab_shows_each_visitors_completion_rate(stats):
    headers = [
        stats.people.table.horizontalHeaderItem(c).text() for c in range(stats.people.table.columnCount())
    ]
    assert headers[:5] == ["回访人", "岗位", "计划", "完成", "完成率"]
    for row in table_texts(stats.people.table):
        planned, done = int(row[2]), int(row[3])
        assert row[4] == (f"{done / planned:.1%}" if planned else "—")
    # The chart below compares each person's visits done with the previous period's.
    table = table_texts(stats.people.table)
    assert [(name, done, before) for name, done, before, _o, _u in stats.people.chart.rows] == [
        (r[0], int(r[3]), int(r[7])) for r in table
    ]
    assert stats.people.chart.height() > stats.people.chart.fontMetrics().height() * len(table)


def test_pareto_labels_break_between_words_never_inside_one(stats):
    chart = stats.complaints.pareto
    chart.set_items(
        [("设施设备维护", 9), ("安保/秩序", 5), ("环境卫生", 4), ("地产遗留", 3), ("给排水", 2)] * 3
    )
    for width in (1200, 700, 420):
        chart.resize(width, 300)
        for (name, _n), label in zip(chart.items, chart.bar_labels(), strict=True):
            words = label_words(name)
            lines = label.split("\n")
            assert len(lines) <= chart.MAX_LABEL_LINES
            joined = "".join(lines)
            if joined.endswith("…"):
                kept = joined[:-1]
                assert name.startswith(kept.rstrip("/")) and any(
                    "".join(words[:i]).rstrip("/") == kept.rstrip("/") for i in range(1, len(words))
                ), label
            else:
                assert joined == name.replace(" ", "")
            for line in lines:
                assert line.rstrip("…") == "" or any(
                    "".join(words[i:j]).rstrip() == line.rstrip("…")
                    for i in range(len(words))
                    for j in range(i + 1, len(words) + 1)
                ), (name, label)


def test_label_words_and_wrapping():
    assert label_words("设施设备维护") == ["设施", "设备", "维护"]
    assert label_words("给排水") == ["给排水"]
    assert label_words("安保/秩序") == ["安保/", "秩序"]
    assert label_words("环境卫生(保洁/绿化)") == ["环境", "卫生", "(保洁/", "绿化)"]
    two = lambda text: len(text) <= 2  # noqa: E731
    assert wrap_words("设施设备维护", two) == ["设施", "设备", "维护"]
    assert wrap_words("设施设备维护", lambda text: len(text) <= 3, max_lines=2) == ["设施", "设备…"]
    assert wrap_words("Facilities and equipment", lambda text: len(text) <= 12) == [
        "Facilities",
        "and",
        "equipment",
    ]


@pytest.fixture
def english(qapp):
    from ui.i18n import install_translator, remove_translators

    installed = install_translator(qapp, "en")
    yield
    remove_translators(qapp, installed)


def test_audit_window_speaks_english_when_chosen(qtbot, office, worked_case, english):
    case, worker = worked_case
    window = AuditWindow(office.trail)
    qtbot.addWidget(window)
    rows = table_texts(window.table)
    slip = next(r for r in rows if r[4] == "Work order" and r[3] == "Created")
    assert f"Assigned to: {worker.name}" in slip[7] and f"Case: {case.number}" in slip[7]
    strokes = len(demo_strokes(4))
    assert any(f"Signature: Signature ({strokes} strokes)" in r[7] for r in rows if r[4] == "Signature")
    assert ["Person met", "(empty) → 张伟"] == next(r[6:] for r in rows if r[6] == "Person met")
