"""The case list at any size (issue 17 items 2 and 3), as behaviour, not timings (those are in
bench/list_speed.py): a search overtaken by a newer keystroke is dropped, digits and one
character find what they can mean through indexes, every column sorts right (from the first
page to the last, through keyset paging, and after a save), and migration 19 indexes an older
folder's cases."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from app import db as dbmod
from app import domain
from app.case_query import SORTABLE, CaseFilter, CaseQuery
from app.cases import CaseInput
from app.models import Case, Department, Setting, db
from app.office import Office
from app.permissions import acting
from ui import case_list
from ui import case_model as case_model_module
from ui.case_list import CaseListPage
from ui.case_model import COLUMN_INDEX, COLUMNS


@pytest.fixture
def page(qtbot, office):
    def make() -> CaseListPage:
        p = CaseListPage(office.query, office.policies, office.staff, office.clock)
        qtbot.addWidget(p)
        p.resize(1366, 768)
        return p

    return make


def numbers_shown(p: CaseListPage) -> list[str]:
    return [p.model.index(r, COLUMN_INDEX["number"]).data() for r in range(p.model.rowCount())]


def found(office: Office, text: str) -> set[str]:
    return {r.number for r in office.query.page(CaseFilter(text=text), limit=1000)}


# Stale results ------------------------------------------------------------------------------------
def test_a_search_overtaken_by_a_newer_one_is_dropped(qtbot, page, make_case, monkeypatch):
    leak = make_case(account="卫生间漏水")
    lift = make_case(account="电梯停在三楼不动")
    p = page()
    real = case_list.read_first_page
    release_first = threading.Event()
    first_started = threading.Event()

    def slow_for_leaks(query, f, *args, **kwargs):  # the real read, the first one held back
        if f.text == "漏水":
            first_started.set()
            assert release_first.wait(10)
        return real(query, f, *args, **kwargs)

    monkeypatch.setattr(case_list, "read_first_page", slow_for_leaks)
    p.search_edit.setText("漏水")
    p._apply()  # what the typing timer does
    assert first_started.wait(5)
    p.search_edit.setText("电梯")
    p._apply()
    qtbot.waitUntil(lambda: numbers_shown(p) == [lift.number])  # the second search, shown first
    release_first.set()  # now the first one finishes, last
    qtbot.waitUntil(lambda: not p.searching())
    qtbot.wait(50)  # its result has been delivered and looked at
    assert numbers_shown(p) == [lift.number]
    assert p.model.case_filter.text == "电梯" and p.total_label.text() == "共 1 件"
    assert leak.number not in numbers_shown(p)


def test_typing_reads_on_a_worker_thread_and_the_counts_follow(qtbot, page, make_case):
    make_case(account="卫生间漏水")
    make_case(account="厨房漏水")
    make_case(account="电梯异响")
    p = page()
    seen: list[bool] = []
    real = case_list.read_first_page

    def noting_thread(*args, **kwargs):
        seen.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    case_list.read_first_page = noting_thread  # type: ignore[assignment]
    try:
        p.search_edit.insert("漏水")
        qtbot.waitUntil(lambda: p.model.rowCount() == 2 and not p.searching())
    finally:
        case_list.read_first_page = real  # type: ignore[assignment]
    assert seen and not any(seen)  # never on the window's thread
    assert p.quick_buttons["全部"].text() == "全部 (2)"
    assert p.total_label.text() == "共 2 件"


# What digits and one character mean ---------------------------------------------------------------
def test_digits_find_a_phone_start_a_serial_and_a_room(office, make_case, admin):
    a = make_case(customer_phone="13812345678", room="1-1-501", account="楼道灯不亮")
    b = make_case(customer_phone="13987654321", room="2-1-502", account="门禁失灵")
    c = make_case(customer_phone="", room="3-2-501", account="水管爆裂")
    serial_of_b = b.number.rsplit("-", 1)[1]  # 00002
    with acting(admin):  # may reveal phones: the start of a number finds it
        assert found(office, "138") == {a.number}
        assert found(office, "1398") == {b.number}
        assert found(office, "501") == {a.number, c.number}  # rooms numbered 501
        assert found(office, serial_of_b) == {b.number}  # the whole serial
        assert found(office, serial_of_b.lstrip("0")) >= {b.number}  # without its zeros
        assert b.number in found(office, b.number[:-1])  # TS-2026-0000: a number's start
        assert found(office, b.number.lower()) == {b.number}
        assert found(office, "3-2-501") == {c.number}  # a room in full
    night = office.staff.save_staff("夜班", "night_duty", username="night", password="secret1")
    with acting(night):  # may not reveal phones: only the whole number
        assert a.number not in found(office, "138")
        assert found(office, "13812345678") == {a.number}


def test_one_character_finds_names_and_number_letters_not_the_text_index(office, make_case, admin):
    wang = make_case(customer_name="王芳", account="漏水")
    zhang = make_case(customer_name="张伟", account="王家的狗叫")
    with acting(admin):
        assert found(office, "王") == {wang.number}  # a surname, not every text with 王 in it
        assert found(office, "张") == {zhang.number}
        prefix = wang.number[0].lower()  # the letters a case number starts with
        assert found(office, prefix) >= {wang.number, zhang.number}
        assert found(office, "漏水") == {wang.number}  # two characters: the words
    for text in ("1", "王", "t", "3-2-501"):
        sql, _ = office.query.where(CaseFilter(text=text)).select(Case.id).sql()
        if text != "3-2-501":
            assert "case_fts" not in sql, text
        plan = " ".join(str(r[-1]) for r in db.execute_sql("EXPLAIN QUERY PLAN " + sql, _).fetchall())
        assert "VIRTUAL TABLE INDEX 0:M" not in plan or text == "3-2-501"  # no prefix query of the index


# Sorting ------------------------------------------------------------------------------------------
COLUMN_VALUE = {
    "number": lambda c: (c.id,),
    "received_at": lambda c: (c.received_at,),
    "kind": lambda c: (c.kind,),
    "severity": lambda c: (c.severity,),
    "category": lambda c: (c.category,),
    "state": lambda c: (c.state,),
    "resolve_due": lambda c: (c.resolve_due,),
    "customer": lambda c: (c.customer_name,),
    "room": lambda c: (0,) if c.room is None else (1, c.room.building, c.room.unit, c.room.number),
    "department": lambda c: (0,) if c.department_id is None else (1, c.department_id),
}


def expected_order(sort: str, descending: bool) -> list[int]:
    cases = list(Case.select())
    return [c.id for c in sorted(cases, key=lambda c: (COLUMN_VALUE[sort](c), c.id), reverse=descending)]


@pytest.fixture
def varied(office, make_case, admin, clock):
    rooms = ["10-1-101", "2-1-101", "2-1-1801", "9-2-301", "", "1-1-101", "2-1-101", ""]
    names = ["欧阳明", "王芳", "张伟", "李娜", "", "王芳", "赵敏", "孙丽"]
    kinds = ["报修", "投诉", "建议", "报修", "咨询", "投诉", "报修", "求助"]
    severities = ["轻微", "重大", "重要", "轻微", "重大", "重要", "轻微", "重大"]
    categories = [
        "设施设备维护",
        "服务态度",
        "公共事务",
        "漏水/渗漏",
        "其他",
        "服务态度",
        "设施设备维护",
        "其他",
    ]
    made = []
    for i in range(len(rooms)):
        fields = dict(
            room=rooms[i],
            customer_name=names[i],
            kind=kinds[i],
            severity=severities[i],
            category=categories[i],
            account=f"第{i}件",
        )
        if not names[i]:
            fields["anonymous"] = True
        made.append(make_case(**fields))
        clock.advance(minutes=7 * (i % 3) + 1)
    dep = Department.get(Department.name == "工程维修部")
    office.cases.dispatch(made[0], dep, admin)
    office.cases.dispatch(made[3], dep, admin)
    return made


@pytest.mark.parametrize("sort", list(SORTABLE))
def test_every_column_sorts_right_page_after_page(office, varied, sort):
    query = CaseQuery(office.clock)
    for descending in (False, True):
        want = expected_order(sort, descending)
        assert [r.id for r in query.page(CaseFilter(), limit=100, sort=sort, descending=descending)] == want
        pages: list[int] = []
        after = None
        while True:  # three rows a page, each after the last one read (keyset paging)
            rows = query.page(CaseFilter(), limit=3, sort=sort, descending=descending, after=after)
            if not rows:
                break
            pages.extend(r.id for r in rows)
            after = rows[-1]
        assert pages == want, (sort, descending)


def test_the_list_sorts_by_every_column_and_stays_sorted_after_a_save(
    qtbot, page, office, varied, admin, monkeypatch
):
    monkeypatch.setattr(case_model_module, "PAGE_SIZE", 3)  # several pages from 8 cases
    p = page()
    p.show()
    for i, column in enumerate(COLUMNS):
        if column.sort is None or column.key == "deadline":
            continue
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            p.sort_by(i, order)
            while p.model.canFetchMore(p.model.index(-1, -1)):
                p.model.fetchMore(p.model.index(-1, -1))
            shown = [p.model.case_id(r) for r in range(p.model.rowCount())]
            assert shown == expected_order(column.sort, order == Qt.SortOrder.DescendingOrder), column.key

    p.sort_by(COLUMN_INDEX["customer"], Qt.SortOrder.AscendingOrder)
    while p.model.canFetchMore(p.model.index(-1, -1)):
        p.model.fetchMore(p.model.index(-1, -1))
    moved = office.cases.get(varied[2].id)  # 张伟: near the end, moves to the start
    office.cases.update(moved, _input_of(moved, customer_name="艾青"), admin)
    p.refresh()
    shown = [p.model.case_id(r) for r in range(p.model.rowCount())]
    assert shown == expected_order("customer", False)
    assert p.model.index(shown.index(moved.id), COLUMN_INDEX["customer"]).data() == "艾青"


def _input_of(case: Case, **changes: object) -> CaseInput:
    """The intake fields of `case` as the form would send them again, with `changes`."""
    values = dict(
        account=case.account,
        kind=case.kind,
        room=case.room_label,
        customer_name=case.customer_name,
        customer_phone=case.customer_phone,
        severity=case.severity,
        category=case.category,
        subcategory=case.subcategory,
        anonymous=case.anonymous,
    )
    values.update(changes)
    return CaseInput(**values)  # type: ignore[arg-type]


def test_a_refresh_puts_a_new_case_in_its_place_and_drops_one_that_left_the_filter(
    qtbot, page, office, make_case, admin, monkeypatch
):
    monkeypatch.setattr(case_model_module, "PAGE_SIZE", 3)
    for i in range(7):
        make_case(account=f"第{i}件")
    p = page()
    p.set_filter(CaseFilter(state=domain.NEW))
    p.sort_by(COLUMN_INDEX["number"], Qt.SortOrder.AscendingOrder)
    p.model.fetchMore(p.model.index(-1, -1))  # 6 of 7 loaded
    first = p.model.case_id(0)
    office.cases.dispatch(office.cases.get(first), Department.get(Department.name == "工程维修部"), admin)
    newest = make_case(account="新的")
    p.refresh()
    shown = [p.model.case_id(r) for r in range(p.model.rowCount())]
    assert first not in shown  # dispatched: no longer 待派工
    assert newest.id not in shown  # sorts past the last row loaded: it comes with the next page
    assert p.model.total == 7 and p.total_label.text() == "共 7 件"
    while p.model.canFetchMore(p.model.index(-1, -1)):
        p.model.fetchMore(p.model.index(-1, -1))
    assert [p.model.case_id(r) for r in range(p.model.rowCount())] == [
        c.id for c in Case.select().where(Case.state == domain.NEW).order_by(Case.id)
    ]


# Migration 19 -------------------------------------------------------------------------------------
def test_migration_19_indexes_a_schema_18_folder(tmp_path, clock):
    folder = tmp_path / "old"
    office = Office.open(folder, clock)
    office.initialise("阳光花园物业服务中心", "admin", "secret1", "王管理")
    for name in dbmod.CASE_LIST_INDEXES:  # as a folder of schema 18 was
        db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
    Setting.replace(key="schema_version", value="18").execute()
    office.close()

    office = Office.login(folder, "admin", "secret1", clock)
    try:
        assert dbmod.schema_version() == dbmod.SCHEMA_VERSION >= 19
        names = {
            r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()
        }
        assert set(dbmod.CASE_LIST_INDEXES) <= names
        plan = db.execute_sql('EXPLAIN QUERY PLAN SELECT id FROM "case" ORDER BY customer_name, id LIMIT 5')
        assert "case_customer_name" in " ".join(str(r[-1]) for r in plan.fetchall())
        dbmod._migration_19(db.obj)  # a second time changes nothing
    finally:
        office.close()
    assert list(folder.glob("*.v18.*.bak"))  # the backup taken before


# The 工作台 -----------------------------------------------------------------------------------------
def test_the_dashboard_reads_its_figures_on_a_worker_thread(qtbot, office, make_case, clock):
    from app.dashboard import dashboard
    from ui.dashboard.page import DashboardPage

    make_case()
    threads: list[bool] = []

    def provider():
        threads.append(threading.current_thread() is threading.main_thread())
        return dashboard(office, clock.now().date())

    page = DashboardPage(provider, background=True)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.data is not None and not page.refreshing())
    assert threads == [False]
    first = page.data
    page.refresh()
    page.refresh()  # the first of these is overtaken: only the newest is shown
    qtbot.waitUntil(lambda: not page.refreshing())
    assert threads == [False, False, False] and page.data is not first
    assert page.data.overdue_cases == office.query.count(CaseFilter(overdue=True))


def test_the_dashboard_shows_no_number_before_its_figures_arrive(qtbot, office, make_case, clock):
    """Read on a worker, the tiles say 正在读取… with a dash until the figures come: never a 0
    that is not in the data."""
    from app.dashboard import dashboard
    from ui.dashboard.page import DashboardPage

    make_case()
    gate = threading.Event()

    def provider():
        gate.wait(10)
        return dashboard(office, clock.now().date())

    page = DashboardPage(provider, background=True)
    qtbot.addWidget(page)
    tile = page.tiles["due_today"]
    assert tile.number.text() == "—" and tile.hint.text() == "正在读取…"
    gate.set()
    qtbot.waitUntil(lambda: page.data is not None and not page.refreshing())
    assert tile.number.text() == str(page.data.due_today_cases)
