"""The Excel case ledger and owners list: import, its checks, the rejected file, export."""

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from app import domain, search
from app.cases import CaseInput
from app.clock import FixedClock
from app.errors import UserError
from app.ledger.case_import import import_ledger
from app.ledger.export import EXPORT_HEADERS, LEDGER_HEADERS, export_cases
from app.ledger.owner_import import import_owners
from app.ledger.preview import preview_file, remember_mapping, remembered_mapping
from app.ledger.row import Row as SheetRow
from app.models import Case, Department, MajorReport, Owner, Room, Sequence, Visit, db
from app.office import Office
from tests.helpers import cli

HEADERS = ["编号", "受理时间", "渠道", "性质", "有效性", "程度", "类别", "楼栋", "单元", "房号",
           "客户姓名", "联系电话", "内容", "客户要求", "责任部门", "办结时间", "处理结果",
           "回访时间", "回访方式", "满意度", "回访人", "回访意见"]  # fmt: skip


def good_row(**over: object) -> dict[str, object]:
    row: dict[str, object] = {
        "编号": None, "受理时间": "2026-09-01 09:15", "渠道": "电话", "性质": "报修", "类别": "设施设备维护",
        "楼栋": "3", "单元": "2", "房号": "501", "客户姓名": "张伟", "联系电话": "13812345678",
        "内容": "楼道灯不亮", "责任部门": "工程维修部", "办结时间": dt.datetime(2026, 9, 1, 15, 0),
        "处理结果": "已更换灯泡", "回访时间": dt.datetime(2026, 9, 2, 10, 0), "回访方式": "电话",
        "满意度": "满意", "回访人": "李客服", "回访意见": "很快",
    }  # fmt: skip
    row.update(over)
    return row


def write_xlsx(path: Path, rows: list[dict[str, object]], headers: list[str] = HEADERS) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(headers)
    for row in rows:
        ws.append([row.get(h) for h in headers])
    wb.save(path)
    return path


def test_good_ledger_imports_every_part(office, tmp_path):
    rows = [
        good_row(编号="A-001"),
        good_row(编号="A-002", 性质="投诉", 有效性="一类", 程度="重要", 类别="服务态度", 内容="保安态度差",
                 办结时间=None, 处理结果=None, 回访时间=None, 回访方式=None, 满意度=None, 回访人=None,
                 回访意见=None, 受理时间=dt.datetime(2026, 9, 27, 8, 0)),
        good_row(客户姓名=None, 联系电话=None, 楼栋=None, 单元=None, 房号=None, 渠道="意见箱",
                 性质="建议", 内容="希望增加儿童游乐设施", 回访时间=None, 满意度=None, 回访方式=None,
                 回访人=None, 回访意见=None),
    ]  # fmt: skip
    report = import_ledger(office, write_xlsx(tmp_path / "l.xlsx", rows))
    assert report.problems == []
    assert report.imported == 3
    assert report.summary() == "导入 3 件"
    first, second, third = Case.select().order_by(Case.id)
    prefix = office.cases.policy().case_prefix_for("报修")  # BX- where the policy numbers by kind
    assert first.ref == "A-001" and first.number == f"{prefix}-2026-00001"
    assert first.received_at == dt.datetime(2026, 9, 1, 9, 15)
    assert first.state == domain.RESOLVED and first.result == "已更换灯泡"
    assert first.resolved_at == dt.datetime(2026, 9, 1, 15, 0)
    assert first.room.label == "3-2-501" and first.department.name == "工程维修部"
    visit = Visit.get(Visit.case == first)
    assert (visit.state, visit.method, visit.satisfaction, visit.visitor_name, visit.opinion) == (
        domain.VISIT_DONE, "电话", "满意", "李客服", "很快",
    )  # fmt: skip
    assert visit.due == dt.date(2026, 9, 2) and visit.attempt == 1 and visit.room_id == first.room_id
    assert [e.kind for e in office.cases.timeline(first)] == [domain.EV_RECEIVED, domain.EV_RESOLVED]
    assert second.state == domain.NEW and second.validity == "一类" and second.severity == "重要"
    assert third.anonymous and third.channel == "意见箱" and third.room_id is None
    assert Sequence.get_by_id("case-2026").value == 3
    # Found by the search index like any case typed in by hand.
    found = db.execute_sql(
        f"SELECT rowid FROM {search.TABLE} WHERE {search.TABLE} MATCH ?", (search.match_expression("游乐"),)
    ).fetchall()
    assert found == [(third.id,)]


def test_columns_in_any_order_and_unknown_ones_ignored(office, tmp_path):
    headers = ["序号", "内容", "性质", "备注说明", "受理时间", "客户姓名"]
    path = write_xlsx(tmp_path / "l.xlsx", [{"序号": 1, "内容": "漏水", "性质": "报修",
                      "受理时间": "2026/09/01 08:00", "客户姓名": "王芳", "备注说明": "x"}], headers)  # fmt: skip
    report = import_ledger(office, path)
    assert report.imported == 1, report.problems
    case = Case.get()
    assert (case.account, case.customer_name, case.channel, case.severity) == ("漏水", "王芳", "电话", "轻微")


BAD_VALUES = [
    ({"受理时间": "昨天下午"}, "受理时间", "不是日期时间"),
    ({"受理时间": "2026-10-30 09:00"}, "受理时间", "不能晚于现在"),
    ({"受理时间": 1234}, "受理时间", "是数字,不是日期"),  # an Excel date number (46000) is read
    ({"受理时间": None}, "受理时间", "必须填写"),
    ({"性质": "投拆"}, "性质", "不在可选项中"),
    ({"渠道": "飞鸽传书"}, "渠道", "不在可选项中"),
    ({"有效性": "一类"}, "有效性", "只有投诉才分有效性"),
    ({"程度": "严重"}, "程度", "不在可选项中"),
    ({"联系电话": 13812345678.5}, "联系电话", "当作数字"),
    ({"联系电话": "1.38123E+10"}, "联系电话", "科学计数法"),
    ({"联系电话": "12345"}, "联系电话", "电话号码"),
    ({"内容": None}, "内容", "必须填写"),
    ({"内容": "长" * 2001}, "内容", "太长(2001 字)"),
    ({"办结时间": dt.datetime(2026, 8, 1, 8, 0)}, "办结时间", "不能早于受理时间"),
    ({"处理结果": None}, "处理结果", "办结"),
    ({"回访时间": dt.datetime(2026, 8, 30, 8, 0)}, "回访时间", "不能早于受理时间"),
    ({"满意度": None}, "满意度", "必须填写满意度"),
    ({"满意度": "马马虎虎"}, "满意度", "不在可选项中"),
    ({"回访方式": "飞鸽"}, "回访方式", "不在可选项中"),
    ({"楼栋": None, "单元": None}, "楼栋", "必须同时填写楼栋"),
    ({"房号": "5#01"}, "房号", "只能是字母或数字"),
    ({"房号": dt.datetime(2026, 3, 2)}, "房号", "被 Excel 当作日期"),
    ({"客户姓名": "名" * 41}, "客户姓名", "太长"),
    ({"类别": "类" * 21}, "类别", "太长"),
]


@pytest.mark.parametrize(("change", "column", "reason"), BAD_VALUES)
def test_each_bad_value_names_row_and_column(office, tmp_path, change, column, reason):
    path = write_xlsx(tmp_path / "l.xlsx", [good_row(), good_row(**change)])
    report = import_ledger(office, path)
    assert report.imported == 0
    assert any(p.startswith(f"第3行 列“{column}”:") and reason in p for p in report.problems), report.problems
    assert Case.select().count() == 0


def test_float_phone_refused_int_phone_accepted(office, tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [good_row(联系电话=13812345678), good_row(联系电话=13812345678.5)])
    report = import_ledger(office, path, skip_invalid=True)
    assert report.imported == 1 and Case.get().customer_phone == "13812345678"
    assert report.problems[0].startswith("第3行 列“联系电话”:号码被 Excel 当作数字存过")
    row = SheetRow(5, [1.3812345678e10], set(), {"联系电话": 0})
    assert row.phone("联系电话") == "" and "当作数字" in row.problems["联系电话"]


def test_one_bad_row_imports_nothing_and_lists_every_problem(office, tmp_path):
    rows = [good_row(), good_row(性质="投拆", 联系电话="12345"), good_row(), good_row(内容=None)]
    report = import_ledger(office, write_xlsx(tmp_path / "l.xlsx", rows))
    assert report.imported == 0
    assert Case.select().count() == 0 and Visit.select().count() == 0
    assert [p.split(":")[0] for p in report.problems] == [
        "第3行 列“性质”",
        "第3行 列“联系电话”",
        "第5行 列“内容”",
    ]
    assert report.summary().startswith("发现 3 处错误,未导入任何内容")
    assert not (tmp_path / "l.rejected.xlsx").exists()


def test_skip_invalid_imports_good_rows_and_writes_rejected_file(office, tmp_path):
    rows = [good_row(), good_row(性质="投拆", 联系电话="13800000000"), good_row(编号="X-1")]
    path = write_xlsx(tmp_path / "台账.xlsx", rows)
    report = import_ledger(office, path, skip_invalid=True)
    assert report.imported == 2
    assert report.rejected_file == tmp_path / "台账.rejected.xlsx"
    assert report.summary() == f"导入 2 件;跳过 1 行,已写入 {report.rejected_file}"
    ws = openpyxl.load_workbook(report.rejected_file).active
    values = [[c.value for c in r] for r in ws.iter_rows()]
    assert values[0] == HEADERS + ["错误原因"]
    assert values[1][HEADERS.index("性质")] == "投拆"
    assert values[1][HEADERS.index("联系电话")] == "13800000000"
    assert values[1][-1].startswith("原第3行:性质:“投拆”不在可选项中")
    # The clerk fixes the rejected file and imports it: the 错误原因 column is ignored.
    ws.cell(2, HEADERS.index("性质") + 1).value = "报修"
    ws.parent.save(report.rejected_file)
    again = import_ledger(office, report.rejected_file)
    assert again.imported == 1 and Case.select().count() == 3


def test_new_category_and_department_are_added(office, tmp_path):
    rows = [
        good_row(类别="电梯", 责任部门="电梯维保组"),
        good_row(类别="电梯"),
        good_row(类别="外墙", 性质="投拆"),
    ]
    path = write_xlsx(tmp_path / "l.xlsx", rows)
    assert import_ledger(office, path).imported == 0
    assert "电梯" not in office.policies.load().categories  # nothing kept from a refused file
    assert not Department.select().where(Department.name == "电梯维保组").exists()
    report = import_ledger(office, path, skip_invalid=True)
    assert report.added_categories == ["电梯"] and report.added_departments == ["电梯维保组"]
    assert office.policies.load().categories[-1] == "电梯"  # 外墙 was on a rejected row only
    assert "新增类别:电梯;新增部门:电梯维保组" in report.summary()
    assert Case.select().where(Case.category == "电梯").count() == 2


def test_duplicate_ref_in_file_and_in_data(office, tmp_path, make_case):
    make_case(ref="OLD-1")
    rows = [good_row(编号="N-1"), good_row(编号="N-1"), good_row(编号="OLD-1")]
    report = import_ledger(office, write_xlsx(tmp_path / "l.xlsx", rows))
    assert report.problems == [
        "第3行 列“编号”:与第2行的编号“N-1”重复",
        "第4行 列“编号”:编号“OLD-1”已被另一件使用",
    ]


def test_formula_refused_text_starting_with_equals_kept(office, tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [good_row(), good_row()])
    wb = openpyxl.load_workbook(path)
    wb.active.cell(2, HEADERS.index("内容") + 1).value = '="灯"&"坏"'
    cell = wb.active.cell(3, HEADERS.index("内容") + 1)
    cell.value = "=== 紧急 ==="
    cell.data_type = "s"
    wb.save(path)
    report = import_ledger(office, path, skip_invalid=True)
    assert report.problems == ["第2行 列“内容”:是公式,请复制该列后用“选择性粘贴→数值”变成普通值再导入"]
    assert Case.get().account == "=== 紧急 ==="


def test_id_number_typed_as_number_is_refused(office, tmp_path):
    row = SheetRow(7, [1.101011990030785e17], set(), {"身份证号": 0})
    assert row.id_number("身份证号") == ""
    assert "末几位已丢失" in row.problems["身份证号"]


@pytest.mark.parametrize(
    ("headers", "rows", "message"),
    [
        ([], [], "是空的"),
        (["甲", "乙"], [["x", "y"]], "没有找到表头"),
        (["受理时间", "内容"], [["2026-09-01 08:00", "x"]], "缺少必需的列:性质"),
        (["受理时间", "性质", "内容", "内容"], [], "出现了两次"),
    ],
)
def test_unusable_sheet_is_a_clear_error(office, tmp_path, headers, rows, message):
    wb = openpyxl.Workbook()
    if headers:
        wb.active.append(headers)
    for r in rows:
        wb.active.append(r)
    wb.save(tmp_path / "l.xlsx")
    with pytest.raises(UserError, match=message):
        import_ledger(office, tmp_path / "l.xlsx")


def test_not_an_excel_file(office, tmp_path):
    (tmp_path / "l.xlsx").write_text("姓名,电话\n")
    with pytest.raises(UserError, match="不是有效的 Excel 文件"):
        import_ledger(office, tmp_path / "l.xlsx")
    with pytest.raises(UserError, match=r"只能导入 \.xlsx"):
        (tmp_path / "l.xls").write_text("")
        import_ledger(office, tmp_path / "l.xls")


def test_cancelling_imports_nothing(office, tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [good_row(类别="新类") for _ in range(60)])
    seen: list[tuple[int, int]] = []
    report = import_ledger(office, path, progress=lambda d, t: seen.append((d, t)), cancelled=lambda: True)
    assert report.cancelled and report.imported == 0 and report.summary() == "已取消,未导入任何内容"
    assert Case.select().count() == 0 and "新类" not in office.policies.load().categories
    calls = iter([False] * 3 + [True] * 100)  # cancelled half way
    report = import_ledger(office, path, cancelled=lambda: next(calls))
    assert report.cancelled and Case.select().count() == 0
    assert seen[0] == (0, 60)


def test_progress_reports_to_the_total(office, tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [good_row() for _ in range(250)])
    seen: list[tuple[int, int]] = []
    import_ledger(office, path, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 250) and seen[-1] == (250, 250)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def _comparable(case: Case) -> dict[str, object]:
    data = dict(case.__data__)
    for key in ("id", "updated_at"):
        data.pop(key)
    return data


def test_fast_path_writes_what_the_service_writes(office, tmp_path, clock, admin):
    """The bulk writer must stay equal to CaseService.create + resolve + close."""
    rows = [
        good_row(编号="F-1", 性质="投诉", 程度="重大", 类别="服务质量", 回访时间=None, 满意度=None,
                 回访方式=None, 回访人=None, 回访意见=None, 受理时间="2026-09-27 10:00",
                 办结时间=dt.datetime(2026, 9, 28, 8, 0)),
        good_row(编号="F-2", 办结时间=None, 处理结果=None, 回访时间=None, 满意度=None, 回访方式=None,
                 回访人=None, 回访意见=None, 联系电话="021-62345678"),
        good_row(编号="F-3", 受理时间="2025-03-01 10:00", 办结时间=dt.datetime(2025, 3, 2, 8, 0), 回访时间=None,
                 满意度=None, 回访方式=None, 回访人=None, 回访意见=None),
    ]  # fmt: skip
    rows[2]["状态"] = "已关闭"
    report = import_ledger(office, write_xlsx(tmp_path / "l.xlsx", rows, [*HEADERS, "状态"]), actor=admin)
    assert report.imported == 3, report.problems
    svc = office.cases
    made = []
    for ref, received, kind, sev, cat, phone, resolved, close in [
        (
            "S-1",
            "2026-09-27 10:00",
            "投诉",
            "重大",
            "服务质量",
            "13812345678",
            dt.datetime(2026, 9, 28, 8),
            False,
        ),
        ("S-2", "2026-09-01 09:15", "报修", "轻微", "设施设备维护", "021-62345678", None, False),
        (
            "S-3",
            "2025-03-01 10:00",
            "报修",
            "轻微",
            "设施设备维护",
            "13812345678",
            dt.datetime(2025, 3, 2, 8),
            True,
        ),
    ]:
        case = svc.create(CaseInput(account="楼道灯不亮", kind=kind, severity=sev, category=cat,
                                    received_at=received, room="3-2-501", customer_name="张伟",
                                    customer_phone=phone, department="工程维修部", ref=ref), admin)  # fmt: skip
        if resolved:
            svc.resolve(case, "已更换灯泡", admin, at=resolved)
        if close:
            svc.close(case, admin)
        made.append(Case.get_by_id(case.id))
    imported = list(Case.select().where(Case.ref.startswith("F-")).order_by(Case.id))
    for a, b in zip(imported, made, strict=True):
        da, db_ = _comparable(a), _comparable(b)
        assert da.pop("ref")[1:] == db_.pop("ref")[1:]
        assert da.pop("number")[:8] == db_.pop("number")[:8]
        assert da == db_
        ev = [(e.kind, e.at, e.text, e.actor_name) for e in svc.timeline(a)]
        assert ev == [(e.kind, e.at, e.text, e.actor_name) for e in svc.timeline(b)]
        assert (
            MajorReport.select().where(MajorReport.case == a).count()
            == MajorReport.select().where(MajorReport.case == b).count()
        )

        def body(c: Case) -> list[str]:
            """The indexed pairs after those of the number and the ref (which differ here)."""
            text = db.execute_sql(f"SELECT body FROM {search.TABLE} WHERE rowid = ?", (c.id,)).fetchone()[0]
            return text.split()[len(search.pairs(c.number)) + len(search.pairs(c.ref)) :]

        assert body(a) == body(b)
    # The visit planner was asked about the handled cases on both paths alike.
    planned = [[(v.state, v.due, v.role) for v in Visit.select().where(Visit.case == c)] for c in imported]
    assert planned == [
        [(v.state, v.due, v.role) for v in Visit.select().where(Visit.case == c)] for c in made
    ]
    assert planned[0] and not planned[2]  # a recent case gets its visit planned, old history does not


def _sheet_values(path: Path) -> list[list[object]]:
    ws = openpyxl.load_workbook(path).active
    return [[c.value for c in row] for row in ws.iter_rows()]


def _fill_demo_like(office: Office, admin) -> None:
    svc = office.cases
    base = dict(room="3-2-501", customer_name="张伟", customer_phone="13812345678")
    a = svc.create(CaseInput(account="电梯异响", kind="报修", category="设施设备维护",
                             received_at="2025-11-03 08:10", **base), admin)  # fmt: skip
    svc.resolve(a, "已调整导轨", admin, at=dt.datetime(2025, 11, 3, 16, 0))
    Visit.create(case=a, room=a.room, due=dt.date(2025, 11, 5), state=domain.VISIT_DONE, method="上门",
                 done_at=dt.datetime(2025, 11, 5, 10, 0), satisfaction="很满意", visitor_name="赵管家",
                 opinion="", created_at=office.clock.now())  # fmt: skip
    svc.close(a, admin)
    b = svc.create(CaseInput(account="电梯又响", kind="报修", category="设施设备维护",
                             received_at="2025-11-03 09:00", **base), admin)  # fmt: skip
    svc.merge(b, a, admin)
    c = svc.create(CaseInput(account="=== 保安态度差 ===", kind="投诉", validity="一类", severity="重要",
                             category="服务态度", received_at="2026-09-20 19:30", ref="KF-0001",
                             room="12-0801", customer_phone="021-62345678", request="道歉"), admin)  # fmt: skip
    dep = Department.get(Department.name == "秩序维护部")
    slip = svc.dispatch(c, dep, admin)
    svc.sign_for(slip, "刘队长", admin)
    d = svc.create(CaseInput(account="垃圾桶满了", kind="投诉", category="环境卫生", channel="意见箱",
                             anonymous=True, received_at="2026-09-25 07:00"), admin)  # fmt: skip
    svc.dispatch(d, Department.get(Department.name == "保洁部"), admin)
    svc.create(CaseInput(account="咨询停车费", kind="咨询", category="停车", received_at="2026-01-05 10:00",
                         customer_name="陈静"), admin)  # fmt: skip


def test_export_then_import_into_fresh_office_gives_same_cells(office, admin, tmp_path):
    _fill_demo_like(office, admin)
    first = tmp_path / "first.xlsx"
    assert export_cases(office, first) == 5
    ws = openpyxl.load_workbook(first).active
    header = [c.value for c in ws[1]]
    assert header == EXPORT_HEADERS and header[:25] == LEDGER_HEADERS
    phone = ws.cell(2, header.index("联系电话") + 1)
    assert (phone.value, phone.data_type, phone.number_format) == ("13812345678", "s", "@")
    received = ws.cell(2, header.index("受理时间") + 1)
    assert received.value == dt.datetime(2025, 11, 3, 8, 10) and received.number_format == "yyyy-mm-dd hh:mm"
    numbers = [c.number for c in Case.select().order_by(Case.id)]
    office.close()

    fresh = Office.open(tmp_path / "fresh", FixedClock(dt.datetime(2026, 9, 28, 9, 30)))
    try:
        fresh.initialise("新服务中心", "admin", "secret1")
        report = import_ledger(fresh, first)
        assert report.problems == [] and report.imported == 5
        second = tmp_path / "second.xlsx"
        export_cases(fresh, second)
        assert _sheet_values(second) == _sheet_values(first)
        # The same case numbers came back (the 案件号 column), in the same order.
        assert [c.number for c in Case.select().order_by(Case.id)] == numbers
        states = [c.state for c in Case.select().order_by(Case.id)]
        assert states == [domain.CLOSED, domain.MERGED, domain.IN_PROGRESS, domain.DISPATCHED, domain.NEW]
        # Importing the same file again is refused row by row, not doubled.
        again = import_ledger(fresh, first)
        assert again.imported == 0 and len({p.split(" ")[0] for p in again.problems}) == 5
        assert all("已被" in p for p in again.problems)
    finally:
        fresh.close()


def test_owners_import(office, tmp_path):
    headers = ["楼栋", "单元", "房号", "姓名", "类型", "联系电话", "身份证号", "入住日期", "备注"]
    rows = [
        {"楼栋": "3", "单元": "2", "房号": "501", "姓名": "张伟", "联系电话": "13812345678",
         "身份证号": "11010519491231002X", "入住日期": dt.datetime(2020, 5, 1)},
        {"楼栋": "12", "房号": "0801", "姓名": "王芳", "类型": "租户", "联系电话": 13912345678,
         "入住日期": "2021-03-15", "备注": "养狗"},
    ]  # fmt: skip
    path = write_xlsx(tmp_path / "owners.xlsx", rows, headers)
    report = import_owners(office, path)
    assert report.problems == [] and report.summary() == "导入 2 人"
    zhang = Owner.get(Owner.name == "张伟")
    assert (zhang.room.label, zhang.occupant_type, zhang.id_number, zhang.move_in) == (
        "3-2-501", "业主", "11010519491231002X", dt.date(2020, 5, 1),
    )  # fmt: skip
    wang = Owner.get(Owner.name == "王芳")
    assert (wang.room.label, wang.occupant_type, wang.phone, wang.note) == (
        "12-0801",
        "租户",
        "13912345678",
        "养狗",
    )
    # Importing again updates the same people instead of adding them twice.
    rows[1]["备注"] = "养猫"
    report = import_owners(office, write_xlsx(path, rows, headers))
    assert report.imported == 2 and report.updated == 2 and Owner.select().count() == 2
    assert Owner.get(Owner.name == "王芳").note == "养猫" and Room.select().count() == 2


def test_owners_bad_rows(office, tmp_path):
    headers = ["楼栋", "房号", "姓名", "类型", "联系电话", "身份证号"]
    rows = [
        {"楼栋": "3", "房号": "501", "姓名": "张伟", "身份证号": 1.101011990030785e17},
        {"楼栋": "3", "房号": "502", "姓名": "李娜", "类型": "房东"},
        {"楼栋": "3", "房号": "503", "姓名": "", "联系电话": "1.38123E+10"},
        {"楼栋": "3", "房号": "504", "姓名": "周杰", "身份证号": "110105194912310021"},
        {"楼栋": "3", "房号": "505", "姓名": "吴敏"},
    ]
    path = write_xlsx(tmp_path / "o.xlsx", rows, headers)
    report = import_owners(office, path)
    assert report.imported == 0 and Owner.select().count() == 0
    assert [p.split(":")[0] for p in report.problems] == [
        "第2行 列“身份证号”", "第3行 列“类型”", "第4行 列“姓名”", "第4行 列“联系电话”", "第5行 列“身份证号”",
    ]  # fmt: skip
    report = import_owners(office, path, skip_invalid=True)
    assert report.imported == 1 and report.rejected_file == tmp_path / "o.rejected.xlsx"
    assert report.summary() == f"导入 1 人;跳过 4 行,已写入 {report.rejected_file}"


def test_bigger_import_is_whole(office, tmp_path):
    """2,000 rows in the suite; 20,000 are measured in bench/."""
    n = 2000
    start = dt.datetime(2025, 1, 1, 8, 0)
    rows = []
    for i in range(n):
        at = start + dt.timedelta(minutes=37 * i)
        rows.append(good_row(编号=f"B{i:05d}", 受理时间=at, 办结时间=at + dt.timedelta(hours=5),
                             回访时间=at + dt.timedelta(days=1), 房号=f"{i % 30 + 1}01",
                             性质="投诉" if i % 3 == 0 else "报修"))  # fmt: skip
    path = write_xlsx(tmp_path / "big.xlsx", rows)
    report = import_ledger(office, path)  # its time is measured in bench/
    assert report.imported == n, report.problems[:3]


# The command line ------------------------------------------------------------------------
def _init(data: Path, monkeypatch) -> None:
    assert cli.init(data, office="X") == 0


def test_cli_import_and_export(tmp_path, monkeypatch, capsys):
    data = tmp_path / "d"
    _init(data, monkeypatch)
    good = write_xlsx(tmp_path / "good.xlsx", [good_row(受理时间="2025-06-01 08:00", 办结时间=None,
                      处理结果=None, 回访时间=None, 满意度=None, 回访方式=None, 回访人=None, 回访意见=None)])  # fmt: skip
    assert cli.run(data, *["import-ledger", str(good)]) == 0
    assert "导入 1 件" in capsys.readouterr().out
    bad = write_xlsx(tmp_path / "bad.xlsx", [good_row(受理时间="2025-06-01 08:00", 性质="投拆")])
    assert cli.run(data, *["import-ledger", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "第2行 列“性质”" in err
    assert cli.run(data, *["import-ledger", str(bad), "--skip-invalid"]) == 2  # nothing good in it
    capsys.readouterr()
    empty = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(empty)
    assert cli.run(data, *["import-ledger", str(empty)]) == 2
    assert "是空的" in capsys.readouterr().err
    assert cli.run(data, *["import-ledger", str(tmp_path / "none.xlsx")]) == 2
    out = tmp_path / "out.xlsx"
    assert cli.run(data, *["export-cases", str(out)]) == 0
    assert "已导出 1 件" in capsys.readouterr().out
    assert len(_sheet_values(out)) == 2
    owners = write_xlsx(
        tmp_path / "o.xlsx", [{"楼栋": "1", "房号": "101", "姓名": "甲"}], ["楼栋", "房号", "姓名"]
    )
    assert cli.run(data, *["import-owners", str(owners)]) == 0


# An office's own Excel, built the way offices build it ------------------------------------
OFFICE_HEADERS = ["序号", "日期", "投诉人", "房号", "联系方式", "投诉事由", "处理部门", "处理情况", "完成日期",
                  "回访情况", "满意度", "回访人"]  # fmt: skip


def office_ledger(path: Path, rows: list[list[object]], title: str = "2026年阳光花园投诉登记台账") -> Path:
    """A merged title in row 1, a blank row, the office's own headers in row 3."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "投诉登记"
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(OFFICE_HEADERS))
    ws.append([])
    ws.append(OFFICE_HEADERS)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


OFFICE_ROWS: list[list[object]] = [
    [1, "2026.9.5", "张伟", "3-2-501", "138 1234 5678", "楼上漏水到我家卫生间", "工程维修部", "已上门堵漏",
     "2026.9.6", "电话回访,业主满意", None, "李客服"],
    [2, "2026年9月4日", "王芳", "5栋1单元1203室", "139-1234-5678", "电梯异响", "工程维修部", "已联系电梯公司检修",
     "9月5日", "已回访", "很满意", "李客服"],
    [3, dt.datetime(2026, 9, 3, 10, 20), "刘强", "5号楼1单元1203", "021-6234 5678", "保安态度差", "秩序维护部",
     "已批评教育当班保安", dt.datetime(2026, 9, 4), None, None, None],
    [4, 46269, "陈静", "A座1203", "13612345678", "垃圾没有及时清运", "保洁部", None, None, None, None, None],
    [5, "2026/9/5 14:30", "赵敏", "12#0801", " 137 1234 5678 ", "绿化带杂草多", "绿化部", "已清理", "2026-09-07",
     "未回访", None, None],
]  # fmt: skip


def test_office_ledger_as_it_is(office, tmp_path):
    path = office_ledger(tmp_path / "台账.xlsx", OFFICE_ROWS)
    preview = preview_file(office, "ledger", path)
    assert preview.header_row == 3 and preview.year == 2026 and preview.default_kind == "投诉"
    mapping = preview.as_mapping()
    assert mapping == {
        "序号": "不导入", "日期": "受理时间", "投诉人": "客户姓名", "房号": "房号", "联系方式": "联系电话",
        "投诉事由": "内容", "处理部门": "责任部门", "处理情况": "处理结果", "完成日期": "办结时间",
        "回访情况": "回访意见", "满意度": "满意度", "回访人": "回访人",
    }  # fmt: skip
    assert [r.problems for r in preview.rows] == [{}] * 5 and [r.other_problems for r in preview.rows] == [
        []
    ] * 5
    report = import_ledger(office, path)
    assert report.problems == [] and report.imported == 5, report.problems
    cases = list(Case.select().order_by(Case.id))
    assert [c.kind for c in cases] == ["投诉"] * 5  # from the title
    assert [c.received_at for c in cases] == [
        dt.datetime(2026, 9, 5), dt.datetime(2026, 9, 4), dt.datetime(2026, 9, 3, 10, 20),
        dt.datetime(2026, 9, 4), dt.datetime(2026, 9, 5, 14, 30),
    ]  # fmt: skip
    assert [c.room.label for c in cases] == ["3-2-501", "5-1-1203", "5-1-1203", "A-1203", "12-0801"]
    assert [c.customer_phone for c in cases] == ["13812345678", "13912345678", "021-62345678", "13612345678",
                                                 "13712345678"]  # fmt: skip
    assert cases[1].resolved_at == dt.datetime(2026, 9, 5)  # "9月5日", the year from the title
    assert cases[3].state == domain.NEW and cases[0].state == domain.RESOLVED
    assert cases[0].department.name == "工程维修部"
    visits = {v.case_id: v for v in Visit.select().where(Visit.state == domain.VISIT_DONE)}
    # "电话回访,业主满意": satisfaction and method read from the words; dated by 完成日期.
    first = visits[cases[0].id]
    assert (first.satisfaction, first.method, first.visitor_name) == ("满意", "电话", "李客服")
    assert first.done_at == dt.datetime(2026, 9, 6) and first.opinion == "电话回访,业主满意"
    assert visits[cases[1].id].satisfaction == "很满意"
    assert cases[4].id not in visits  # 回访情况 "未回访"


def test_office_ledger_problems_named_by_row_and_office_column(office, tmp_path):
    rows = [
        [1, "2026.13.5", "张伟", "3-2-501", "138 1234 5678", "漏水", None, None, None, None, None, None],
        [2, "9月4日", "王芳", "五栋一单元", "12345", "电梯异响", None, None, None, None, "马马虎虎", None],
    ]
    path = office_ledger(tmp_path / "台账.xlsx", rows, title="阳光花园投诉登记台账")  # no year anywhere
    preview = preview_file(office, "ledger", path)
    assert "受理时间" in preview.rows[0].problems and "房号" in preview.rows[1].problems
    report = import_ledger(office, path)
    assert report.imported == 0 and Case.select().count() == 0
    assert report.problems == [
        "第4行 列“日期”(受理时间):“2026.13.5”不是有效的日期",
        "第5行 列“日期”(受理时间):“9月4日”没有年份,表格标题和文件名里也找不到年份,请写成 YYYY-MM-DD",
        "第5行 列“房号”:“五栋一单元”看不出楼栋和房号,应为 楼栋-单元-房号(例如 3-2-501)或 5栋1单元1203室",
        "第5行 列“联系方式”(联系电话):不是有效的大陆电话号码",
        "第5行 列“满意度”:“马马虎虎”不在可选项中:很满意、满意、一般、不满意、很不满意",
        "第5行 列“回访情况”(回访意见):有回访记录,但表中没有回访日期,也没有完成日期,请补上回访日期列",
    ]


def test_mapping_corrected_by_the_clerk(office, tmp_path):
    path = office_ledger(tmp_path / "台账.xlsx", OFFICE_ROWS[:2])
    skip = "不导入"
    mapping = {
        "序号": "编号",
        "处理情况": skip,
        "完成日期": skip,
        "回访情况": skip,
        "满意度": skip,
        "回访人": skip,
    }
    preview = preview_file(office, "ledger", path, mapping)
    assert {c.header: c.field for c in preview.choices}["序号"] == "编号"
    assert not next(c for c in preview.choices if c.header == "序号").automatic
    report = import_ledger(office, path, mapping=mapping)
    assert report.imported == 2, report.problems
    assert [c.ref for c in Case.select().order_by(Case.id)] == ["1", "2"]
    assert all(c.resolved_at is None for c in Case.select())
    # Remembered for the next file with the same headers.
    remember_mapping(office, "ledger", preview.headers, preview.as_mapping())
    assert remembered_mapping(office, "ledger", list(OFFICE_HEADERS)) == preview.as_mapping()
    assert remembered_mapping(office, "ledger", ["日期", "内容"]) is None


def test_two_columns_to_one_field_refused(office, tmp_path):
    path = office_ledger(tmp_path / "台账.xlsx", OFFICE_ROWS[:1])
    with pytest.raises(UserError, match="都对应“内容”"):
        import_ledger(office, path, mapping={"处理情况": "内容"})


def test_separate_date_and_time_columns_and_kinds_in_words(office, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2026年客服中心来电登记表"])
    ws.append(["日期", "时间", "类型", "地址", "业主", "电话", "问题描述"])
    ws.append(
        [
            dt.datetime(2026, 9, 1),
            dt.time(14, 30),
            "维修",
            "阳光花园3栋2单元501室",
            "张伟",
            "13812345678",
            "灯坏",
        ]
    )
    ws.append(["2026-09-02", "9:05", "咨询", "3-2-501", "张伟", "13812345678", "停车费"])
    ws.append(["2026-09-02", "下班后", "表扬信", "3-2-501", "张伟", "13812345678", "感谢保安"])
    wb.save(tmp_path / "l.xlsx")
    report = import_ledger(office, tmp_path / "l.xlsx")
    assert report.problems == ["第5行 列“时间”(受理时刻):“下班后”不是时间,应为 HH:MM,例如 14:30"]
    report = import_ledger(office, tmp_path / "l.xlsx", skip_invalid=True)
    cases = list(Case.select().order_by(Case.id))
    assert [(c.kind, c.received_at, c.room.label) for c in cases] == [
        ("报修", dt.datetime(2026, 9, 1, 14, 30), "3-2-501"),
        ("咨询", dt.datetime(2026, 9, 2, 9, 5), "3-2-501"),
    ]


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("2026.9.5", None, dt.datetime(2026, 9, 5)),
        ("2026年9月4日", None, dt.datetime(2026, 9, 4)),
        ("9月4日", 2026, dt.datetime(2026, 9, 4)),
        ("2026/9/5 14:30", None, dt.datetime(2026, 9, 5, 14, 30)),
        ("2026年9月4日14时30分", None, dt.datetime(2026, 9, 4, 14, 30)),
        ("20260905", None, dt.datetime(2026, 9, 5)),
        ("2026-9-5 下午3:10", None, dt.datetime(2026, 9, 5, 15, 10)),
    ],
)
def test_dates_as_offices_type_them(text, year, expected):
    from app.ledger.columns import parse_office_datetime

    assert parse_office_datetime(text, year) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3-2-501", ("3", "2", "501")),
        ("5栋1单元1203室", ("5", "1", "1203")),
        ("5号楼1单元1203", ("5", "1", "1203")),
        ("A座1203", ("A", "", "1203")),
        ("12#0801", ("12", "", "0801")),
        ("阳光花园3栋2单元501室", ("3", "2", "501")),
        ("3/2/501", ("3", "2", "501")),
    ],
)
def test_room_in_one_cell(text, expected):
    from app.ledger.columns import parse_room_text

    assert parse_room_text(text) == expected


def test_office_owner_roster(office, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["阳光花园业主花名册(2026年8月)"])
    ws.merge_cells("A1:F1")
    ws.append(["序号", "楼号", "房间号", "业主姓名", "手机", "身份"])
    ws.append([1, "3栋", "2-501", "张伟", "138 1234 5678", "自住"])
    ws.append([2, "5", "1203", "王芳", "139-1234-5678", "租客"])
    ws.append([3, "5", "1204", "刘强", "1391234", "业主"])
    wb.save(tmp_path / "花名册.xlsx")
    preview = preview_file(office, "owners", tmp_path / "花名册.xlsx")
    assert preview.header_row == 2
    assert preview.as_mapping() == {"序号": "不导入", "楼号": "楼栋", "房间号": "房号", "业主姓名": "姓名",
                                    "手机": "联系电话", "身份": "类型"}  # fmt: skip
    report = import_owners(office, tmp_path / "花名册.xlsx")
    assert report.imported == 0 and report.problems == ["第5行 列“手机”(联系电话):不是有效的大陆电话号码"]
    report = import_owners(office, tmp_path / "花名册.xlsx", skip_invalid=True)
    owners = [(o.room.label, o.name, o.phone, o.occupant_type) for o in Owner.select().order_by(Owner.id)]
    assert owners == [("3-2-501", "张伟", "13812345678", "业主"), ("5-1203", "王芳", "13912345678", "租户")]


def test_owner_roster_with_room_in_one_cell(office, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["房屋", "户主", "联系电话"])
    ws.append(["5栋1单元1203室", "王芳", "13912345678"])
    wb.save(tmp_path / "o.xlsx")
    report = import_owners(office, tmp_path / "o.xlsx")
    assert report.imported == 1, report.problems
    assert Owner.get().room.label == "5-1-1203"


def test_cli_office_ledger_prints_the_mapping_and_takes_corrections(tmp_path, monkeypatch, capsys):
    data = tmp_path / "d"
    _init(data, monkeypatch)
    path = office_ledger(tmp_path / "台账.xlsx", OFFICE_ROWS[:2])
    assert cli.run(data, *["import-ledger", str(path), "--map", "处理情况=内容"]) == 2
    assert "都对应“内容”" in capsys.readouterr().err
    assert cli.run(data, *["import-ledger", str(path), "--map", "备注=内容"]) == 2
    assert "列“备注”在第3行的表头里没有" in capsys.readouterr().err
    assert cli.run(data, *["import-ledger", str(path), "--map", "序号=编码"]) == 2
    assert "“编码”不是可导入的字段" in capsys.readouterr().err
    assert cli.run(data, *["import-ledger", str(path), "--map", "序号=编号"]) == 0
    out = capsys.readouterr().out
    assert "表头在第3行。列的对应:序号→编号、日期→受理时间、投诉人→客户姓名" in out
    assert "按标题全部记为“投诉”" in out and "导入 2 件" in out


def test_cli_owners_round_trip(tmp_path, monkeypatch, capsys):
    data = tmp_path / "d"
    _init(data, monkeypatch)
    roster = tmp_path / "花名册.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["楼号", "房间号", "业主姓名", "手机", "身份证号码"])
    wb.active.append(["3", "2-501", "张伟", "138 1234 5678", "11010519491231002X"])
    wb.save(roster)
    assert cli.run(data, *["import-owners", str(roster)]) == 0
    assert (
        "楼号→楼栋、房间号→房号、业主姓名→姓名、手机→联系电话、身份证号码→身份证号" in capsys.readouterr().out
    )
    out = tmp_path / "owners.xlsx"
    assert cli.run(data, *["export-owners", str(out)]) == 0
    assert "已导出 1 人" in capsys.readouterr().out
    rows = _sheet_values(out)
    assert rows[1][:6] == ["3", "2", "501", "张伟", "业主", "13812345678"]
    fresh = tmp_path / "fresh"
    _init(fresh, monkeypatch)
    assert cli.run(fresh, *["import-owners", str(out)]) == 0
    assert "导入 1 人" in capsys.readouterr().out


def test_old_ledger_with_voided_rows_and_an_unrelated_visit_sheet(office, tmp_path):
    """A 25-column ledger (an older export): a voided row stays voided; a sheet of the
    office's own called 回访 is not taken for the export's."""
    rows = [good_row(), good_row(办结时间=None, 处理结果=None, 回访时间=None, 满意度=None, 回访方式=None,
                                 回访人=None, 回访意见=None)]  # fmt: skip
    rows[1]["状态"] = "已作废"
    path = write_xlsx(tmp_path / "l.xlsx", rows, [*HEADERS, "状态"])
    wb = openpyxl.load_workbook(path)
    wb.create_sheet("回访").append(["日期", "说明"])
    wb["回访"].append(["2026-09-02", "电话回访"])
    wb.save(path)
    report = import_ledger(office, path)
    assert report.problems == [] and report.imported == 2
    first, second = Case.select().order_by(Case.id)
    assert second.state == domain.VOID and "原台账中已作废" in second.void_reason
    assert Visit.get(Visit.case == first).satisfaction == "满意"  # from the first sheet, as before
    assert not Visit.select().where(Visit.case == second).exists()
