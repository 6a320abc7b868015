"""The Excel case ledger and owners list: import, its checks, the rejected file, export."""

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest

from app import domain, ledger, search
from app.cases import CaseInput
from app.cli import main
from app.clock import FixedClock
from app.errors import UserError
from app.models import Case, Department, MajorReport, Owner, Room, Sequence, Visit, db
from app.office import Office

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
    report = ledger.import_ledger(office, write_xlsx(tmp_path / "l.xlsx", rows))
    assert report.problems == []
    assert report.imported == 3
    assert report.summary() == "导入 3 件"
    first, second, third = Case.select().order_by(Case.id)
    assert first.ref == "A-001" and first.number == "TS-2026-00001"
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
    report = ledger.import_ledger(office, path)
    assert report.imported == 1, report.problems
    case = Case.get()
    assert (case.account, case.customer_name, case.channel, case.severity) == ("漏水", "王芳", "电话", "轻微")


BAD_VALUES = [
    ({"受理时间": "昨天下午"}, "受理时间", "不是日期时间"),
    ({"受理时间": "2026-10-30 09:00"}, "受理时间", "不能晚于现在"),
    ({"受理时间": 46000}, "受理时间", "是数字,不是日期"),
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
    ({"满意度": "还行"}, "满意度", "不在可选项中"),
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
    report = ledger.import_ledger(office, path)
    assert report.imported == 0
    assert any(p.startswith(f"第3行 列“{column}”:") and reason in p for p in report.problems), report.problems
    assert Case.select().count() == 0


def test_float_phone_refused_int_phone_accepted(office, tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [good_row(联系电话=13812345678), good_row(联系电话=13812345678.5)])
    report = ledger.import_ledger(office, path, skip_invalid=True)
    assert report.imported == 1 and Case.get().customer_phone == "13812345678"
    assert report.problems[0].startswith("第3行 列“联系电话”:号码被 Excel 当作数字存过")
    row = ledger._Row(5, [1.3812345678e10], set(), {"联系电话": 0})
    assert row.phone("联系电话") == "" and "当作数字" in row.problems["联系电话"]


def test_one_bad_row_imports_nothing_and_lists_every_problem(office, tmp_path):
    rows = [good_row(), good_row(性质="投拆", 联系电话="12345"), good_row(), good_row(内容=None)]
    report = ledger.import_ledger(office, write_xlsx(tmp_path / "l.xlsx", rows))
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
    report = ledger.import_ledger(office, path, skip_invalid=True)
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
    again = ledger.import_ledger(office, report.rejected_file)
    assert again.imported == 1 and Case.select().count() == 3


def test_new_category_and_department_are_added(office, tmp_path):
    rows = [
        good_row(类别="电梯", 责任部门="电梯维保组"),
        good_row(类别="电梯"),
        good_row(类别="外墙", 性质="投拆"),
    ]
    path = write_xlsx(tmp_path / "l.xlsx", rows)
    assert ledger.import_ledger(office, path).imported == 0
    assert "电梯" not in office.policies.load().categories  # nothing kept from a refused file
    assert not Department.select().where(Department.name == "电梯维保组").exists()
    report = ledger.import_ledger(office, path, skip_invalid=True)
    assert report.added_categories == ["电梯"] and report.added_departments == ["电梯维保组"]
    assert office.policies.load().categories[-1] == "电梯"  # 外墙 was on a rejected row only
    assert "新增类别:电梯;新增部门:电梯维保组" in report.summary()
    assert Case.select().where(Case.category == "电梯").count() == 2


def test_duplicate_ref_in_file_and_in_data(office, tmp_path, make_case):
    make_case(ref="OLD-1")
    rows = [good_row(编号="N-1"), good_row(编号="N-1"), good_row(编号="OLD-1")]
    report = ledger.import_ledger(office, write_xlsx(tmp_path / "l.xlsx", rows))
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
    report = ledger.import_ledger(office, path, skip_invalid=True)
    assert report.problems == ["第2行 列“内容”:是公式,请复制该列后用“选择性粘贴→数值”变成普通值再导入"]
    assert Case.get().account == "=== 紧急 ==="


def test_id_number_typed_as_number_is_refused(office, tmp_path):
    row = ledger._Row(7, [1.101011990030785e17], set(), {"身份证号": 0})
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
        ledger.import_ledger(office, tmp_path / "l.xlsx")


def test_not_an_excel_file(office, tmp_path):
    (tmp_path / "l.xlsx").write_text("姓名,电话\n")
    with pytest.raises(UserError, match="不是有效的 Excel 文件"):
        ledger.import_ledger(office, tmp_path / "l.xlsx")
    with pytest.raises(UserError, match=r"只能导入 \.xlsx"):
        (tmp_path / "l.xls").write_text("")
        ledger.import_ledger(office, tmp_path / "l.xls")


def test_cancelling_imports_nothing(office, tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [good_row(类别="新类") for _ in range(60)])
    seen: list[tuple[int, int]] = []
    report = ledger.import_ledger(
        office, path, progress=lambda d, t: seen.append((d, t)), cancelled=lambda: True
    )
    assert report.cancelled and report.imported == 0 and report.summary() == "已取消,未导入任何内容"
    assert Case.select().count() == 0 and "新类" not in office.policies.load().categories
    calls = iter([False] * 3 + [True] * 100)  # cancelled half way
    report = ledger.import_ledger(office, path, cancelled=lambda: next(calls))
    assert report.cancelled and Case.select().count() == 0
    assert seen[0] == (0, 60)


def test_progress_reports_to_the_total(office, tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [good_row() for _ in range(250)])
    seen: list[tuple[int, int]] = []
    ledger.import_ledger(office, path, progress=lambda d, t: seen.append((d, t)))
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
    report = ledger.import_ledger(
        office, write_xlsx(tmp_path / "l.xlsx", rows, [*HEADERS, "状态"]), actor=admin
    )
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
    assert ledger.export_cases(office, first) == 5
    ws = openpyxl.load_workbook(first).active
    header = [c.value for c in ws[1]]
    assert header == ledger.LEDGER_HEADERS
    phone = ws.cell(2, header.index("联系电话") + 1)
    assert (phone.value, phone.data_type, phone.number_format) == ("13812345678", "s", "@")
    received = ws.cell(2, header.index("受理时间") + 1)
    assert received.value == dt.datetime(2025, 11, 3, 8, 10) and received.number_format == "yyyy-mm-dd hh:mm"
    office.close()

    fresh = Office.open(tmp_path / "fresh", FixedClock(dt.datetime(2026, 9, 28, 9, 30)))
    try:
        fresh.initialise("新服务中心", "admin", "secret1")
        report = ledger.import_ledger(fresh, first)
        assert report.problems == [] and report.imported == 5
        second = tmp_path / "second.xlsx"
        ledger.export_cases(fresh, second)
        assert _sheet_values(second) == _sheet_values(first)
        # The same case numbers were handed out again, in the same order.
        assert [c.number for c in Case.select().order_by(Case.id)] == [
            "TS-2025-00001", "TS-2025-00002", "TS-2026-00001", "TS-2026-00002", "TS-2026-00003",
        ]  # fmt: skip
        states = [c.state for c in Case.select().order_by(Case.id)]
        assert states == [domain.CLOSED, domain.MERGED, domain.IN_PROGRESS, domain.DISPATCHED, domain.NEW]
        # Importing the same file again is refused row by row, not doubled.
        again = ledger.import_ledger(fresh, first)
        assert again.imported == 0 and len(again.problems) == 5
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
    report = ledger.import_owners(office, path)
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
    report = ledger.import_owners(office, write_xlsx(path, rows, headers))
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
    report = ledger.import_owners(office, path)
    assert report.imported == 0 and Owner.select().count() == 0
    assert [p.split(":")[0] for p in report.problems] == [
        "第2行 列“身份证号”", "第3行 列“类型”", "第4行 列“姓名”", "第4行 列“联系电话”", "第5行 列“身份证号”",
    ]  # fmt: skip
    report = ledger.import_owners(office, path, skip_invalid=True)
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
    report = ledger.import_ledger(office, path)  # its time is measured in bench/
    assert report.imported == n, report.problems[:3]


# The command line ------------------------------------------------------------------------
def _init(data: Path, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("secret1\n"))
    assert main(["--data-dir", str(data), "init", "--office", "X", "--admin", "a", "--password-stdin"]) == 0


def test_cli_import_and_export(tmp_path, monkeypatch, capsys):
    data = tmp_path / "d"
    _init(data, monkeypatch)
    good = write_xlsx(tmp_path / "good.xlsx", [good_row(受理时间="2025-06-01 08:00", 办结时间=None,
                      处理结果=None, 回访时间=None, 满意度=None, 回访方式=None, 回访人=None, 回访意见=None)])  # fmt: skip
    assert main(["--data-dir", str(data), "import-ledger", str(good)]) == 0
    assert "导入 1 件" in capsys.readouterr().out
    bad = write_xlsx(tmp_path / "bad.xlsx", [good_row(受理时间="2025-06-01 08:00", 性质="投拆")])
    assert main(["--data-dir", str(data), "import-ledger", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "第2行 列“性质”" in err
    assert (
        main(["--data-dir", str(data), "import-ledger", str(bad), "--skip-invalid"]) == 2
    )  # nothing good in it
    capsys.readouterr()
    empty = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(empty)
    assert main(["--data-dir", str(data), "import-ledger", str(empty)]) == 2
    assert "是空的" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "import-ledger", str(tmp_path / "none.xlsx")]) == 2
    out = tmp_path / "out.xlsx"
    assert main(["--data-dir", str(data), "export-cases", str(out)]) == 0
    assert "已导出 1 件" in capsys.readouterr().out
    assert len(_sheet_values(out)) == 2
    owners = write_xlsx(
        tmp_path / "o.xlsx", [{"楼栋": "1", "房号": "101", "姓名": "甲"}], ["楼栋", "房号", "姓名"]
    )
    assert main(["--data-dir", str(data), "import-owners", str(owners)]) == 0
