"""The program's own ledger format, written: `export_cases` writes everything a case was, and
what only that export carries (beyond an office's ledger) is put back by
`app.ledger.restore` after the cases are stored by `app.ledger.case_import`.

Sheet 案件台账: the 25 ledger columns, then `LEDGER_EXTRA_HEADERS`. Sheets 回访 (every
visit in every state), 重大投诉报告, 回访记录表 (the form ledger) and 公开信, keyed by 编号."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import peewee as pw

from app import domain
from app.errors import UserError
from app.i18n import tr
from app.ledger.sheet import PROGRESS_EVERY
from app.ledger.writing import discard_workbook, new_sheet, save_workbook, write_cell
from app.models import Case, FormSheet, MajorReport, OpenLetter, Room, Visit, VisitDecision, db
from app.permissions import require_read

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.office import Office


# The case ledger's columns, in the order export writes them.
LEDGER_HEADERS = [
    "编号", "受理时间", "渠道", "性质", "有效性", "程度", "类别", "楼栋", "单元", "房号", "匿名",
    "客户姓名", "联系电话", "内容", "客户要求", "责任部门", "状态", "办结时间", "处理结果",
    "回访时间", "回访方式", "满意度", "回访人", "回访意见", "并入",
]  # fmt: skip


LEDGER_REQUIRED = ["受理时间", "性质", "内容"]


# What the export adds after those 25, so that everything a case was comes back; a file
# without them (an older export, an office's own sheet) imports as before.
LEDGER_EXTRA_HEADERS = [
    "案件号", "紧急程度", "事发时间", "事发地点", "被投诉方", "首次回复时间", "回复期限", "办结期限",
    "答复期限", "关闭时间", "作废原因", "回访抽样", "抽样季度", "抽样说明", "典型案例说明",
    "业主要求的时间", "细类", "转自", "先行处置期限", "先行处置时间", "先行处置人", "先行处置措施",
]  # fmt: skip


EXPORT_HEADERS = LEDGER_HEADERS + LEDGER_EXTRA_HEADERS


# The export's other sheets, keyed by 编号 (an office keeps its visits the same way).
VISIT_SHEET = "回访"


VISIT_HEADERS = [
    "编号", "次数", "状态", "计划日期", "回访角色", "回访人", "回访方式", "预约时间", "回访时间", "满意度",
    "回访内容", "不足之处", "回访意见", "见到的人", "现场查看", "维修人员表现", "收费核实", "表单编号",
    "公开信", "计划说明",
]  # fmt: skip


MAJOR_SHEET = "重大投诉报告"


MAJOR_HEADERS = ["编号", "报告期限", "投诉内容", "原因", "处理经过", "处理结果", "经验教训", "纠正预防措施",
                 "提交时间", "提交人", "取消时间", "取消原因"]  # fmt: skip


LETTER_SHEET = "公开信"


LETTER_HEADERS = ["标题", "正文", "发出时间", "发出人"]


# The form ledger (表单台账): every numbered paper form, with the case and visit it is for.
FORM_SHEET = "回访记录表"


FORM_HEADERS = ["表单编号", "状态", "编号", "次数", "打印时间", "打印人", "领用人", "领用时间", "回访事项",
                "回访次数", "交回时间", "核对人", "作废原因", "作废时间", "备注"]  # fmt: skip


EXTRA_SHEETS = {VISIT_SHEET: VISIT_HEADERS, MAJOR_SHEET: MAJOR_HEADERS, LETTER_SHEET: LETTER_HEADERS,
                 FORM_SHEET: FORM_HEADERS}  # fmt: skip


MAJOR_FIELDS = {"投诉内容": "content", "原因": "cause", "处理经过": "handling", "处理结果": "result",
                 "经验教训": "lessons", "纠正预防措施": "corrective"}  # fmt: skip


# 回访抽样 as exported -> (selected, by hand)
SAMPLE_WORDS = {
    "抽中": (True, False),
    "未抽中": (False, False),
    "手工加入": (True, True),
    "手工取消": (False, True),
}


class ExportCancelled(UserError):
    """The export was stopped (取消) before its file was written: nothing was written, and a
    file already at the path is as it was."""

    def __init__(self) -> None:
        super().__init__(tr("导出已取消,没有写出文件。"))


def export_cases(
    office: Office,
    path: Path,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Every case (merged and voided ones too, with their state) as a ledger that
    `import_ledger` reads back; returns the number of cases written.

    Sheet 案件台账: one row a case, the 25 ledger columns then `LEDGER_EXTRA_HEADERS`
    (the case number, deadlines, closing, voiding, the visit sample). The 回访 columns of
    that sheet show the latest completed visit for reading; the sheet 回访 holds every
    visit of every case (planned, done, refused, unreachable, cancelled), keyed by 编号,
    and is what the import reads when present. Sheets 重大投诉报告 and 公开信 hold the
    major-complaint reports and the open letters.

    The rows stream from the database to a write-only workbook (one read transaction, so
    every sheet shows one state of the data; nothing of all the rows kept in memory).
    `progress(rows written, rows in all sheets)` is called as they go; `cancelled()`, asked
    as often, stops the export with `ExportCancelled` and leaves no file behind."""
    require_read(  # the trail keeps these words as they are (never translated)
        "ledger.export", "导出案件台账", f"全部案件(含来电人姓名、电话及回访)导出到 {Path(path).name}"
    )
    path = Path(path)
    wb, ws = new_sheet(EXPORT_HEADERS, title="案件台账")
    try:
        with db.atomic():  # one read snapshot for every sheet
            cases = Case.select().count()
            total = cases + sum(_count(sql) for sql in _OTHER_COUNTS)
            done = 0

            def step() -> None:
                nonlocal done
                done += 1
                if done % PROGRESS_EVERY == 0:
                    if cancelled is not None and cancelled():
                        raise ExportCancelled
                    if progress is not None:
                        progress(done, total)

            if progress is not None:
                progress(0, total)
            for values in _rows(_CASE_SQL, _CASE_FIELDS, domain.VISIT_DONE):
                ws.append(
                    [write_cell(ws, h, v) for h, v in zip(EXPORT_HEADERS, _case_row(values), strict=True)]
                )
                step()
            _, vs = new_sheet(VISIT_HEADERS, wb, VISIT_SHEET)
            for v in _rows(_VISIT_SQL, _VISIT_FIELDS):
                vs.append(
                    [write_cell(vs, h, value) for h, value in zip(VISIT_HEADERS, _visit_row(v), strict=True)]
                )
                step()
            _, ms = new_sheet(MAJOR_HEADERS, wb, MAJOR_SHEET)
            for m in _rows(_MAJOR_SQL, _MAJOR_FIELDS):
                row = {"编号": m["identity"], "报告期限": m["due"], "提交时间": m["submitted_at"],
                       "提交人": m["submitted_by"] or None, "取消时间": m["cancelled_at"],
                       "取消原因": m["cancel_reason"] or None}  # fmt: skip
                row.update({label: m[name] or None for label, name in MAJOR_FIELDS.items()})
                ms.append([write_cell(ms, h, row[h]) for h in MAJOR_HEADERS])
                step()
            _, fs = new_sheet(FORM_HEADERS, wb, FORM_SHEET)
            for f in _rows(_FORM_SQL, _FORM_FIELDS):
                row = {
                    "表单编号": f["number"], "状态": f["state"], "编号": f["identity"], "次数": f["attempt"],
                    "打印时间": f["printed_at"], "打印人": f["printed_by"] or None, "领用人": f["taken_by_name"] or None,
                    "领用时间": f["taken_at"], "回访事项": f["visit_item"] or None, "回访次数": f["visit_count"],
                    "交回时间": f["returned_at"], "核对人": f["checked_by"] or None, "作废原因": f["void_reason"] or None,
                    "作废时间": f["voided_at"], "备注": f["remarks"] or None,
                }  # fmt: skip
                fs.append([write_cell(fs, h, row[h]) for h in FORM_HEADERS])
                step()
            _, ls = new_sheet(LETTER_HEADERS, wb, LETTER_SHEET)
            for letter in _rows(_LETTER_SQL, _LETTER_FIELDS):
                row = {"标题": letter["title"], "正文": letter["body"], "发出时间": letter["issued_at"],
                       "发出人": letter["issued_by"]}  # fmt: skip
                ls.append([write_cell(ls, h, row[h]) for h in LETTER_HEADERS])
                step()
        if cancelled is not None and cancelled():
            raise ExportCancelled
        save_workbook(wb, path)
    except BaseException:
        discard_workbook(wb)
        raise
    if progress is not None:
        progress(total, total)
    return cases


# The rows each sheet is written from: one query each, read from the cursor as it goes. A
# column is named by the field it reads (its value converted as the model would), or by a
# plain name (`None`: the value as stored).
_Columns = list[tuple[str, str, "pw.Field | None"]]


def _identity(alias: str) -> str:
    """A case's 编号 in the export: the office's own number, else the case number."""
    return f"COALESCE(NULLIF({alias}.ref, ''), {alias}.number)"


def _columns(alias: str, model: type[pw.Model], names: list[str], prefix: str = "") -> _Columns:
    fields = model._meta.fields
    return [(prefix + name, f'{alias}."{fields[name].column_name}"', fields[name]) for name in names]


_CASE_FIELDS: _Columns = [
    ("identity", _identity("c"), None),
    *_columns("c", Case, ["id", "number", "received_at", "channel", "kind", "validity", "severity", "category",
                          "anonymous", "customer_name", "customer_phone", "account", "request", "state",
                          "resolved_at", "result", "urgency", "event_time", "event_place", "party",
                          "first_response_at", "response_due", "resolve_due", "answer_due", "closed_at",
                          "void_reason", "typical", "typical_note", "requested_date", "subcategory",
                          "contain_needed", "contain_due", "contained_at", "contained_by", "containment"]),
    ("room", "r.id", None),
    *_columns("r", Room, ["building", "unit", "number"], "room_"),
    ("department", "d.name", None),
    ("merged_into", f"CASE WHEN c.merged_into_id IS NULL THEN NULL ELSE {_identity('m')} END", None),
    ("linked_from", f"CASE WHEN c.linked_from_id IS NULL THEN NULL ELSE {_identity('l')} END", None),
    ("visit", "lv.id", None),
    *_columns("lv", Visit, ["done_at", "method", "satisfaction", "visitor_name", "opinion"], "visit_"),
    ("decision", "vd.id", None),
    *_columns("vd", VisitDecision, ["selected", "by_hand", "quarter", "reason"], "decision_"),
]  # fmt: skip
_CASE_SQL = (
    'SELECT {columns} FROM "case" AS c '
    'LEFT JOIN "room" AS r ON r.id = c.room_id '
    'LEFT JOIN "department" AS d ON d.id = c.department_id '
    'LEFT JOIN "case" AS m ON m.id = c.merged_into_id '
    'LEFT JOIN "case" AS l ON l.id = c.linked_from_id '
    # the latest completed visit of the case (by when it was done, then by id)
    'LEFT JOIN "visit" AS lv ON lv.id = (SELECT v2.id FROM "visit" AS v2 WHERE v2.case_id = c.id '
    "AND v2.state = ? ORDER BY v2.done_at DESC, v2.id DESC LIMIT 1) "
    'LEFT JOIN "visit_decision" AS vd ON vd.case_id = c.id '
    "ORDER BY c.id"
)
_VISIT_FIELDS: _Columns = [
    ("identity", f"CASE WHEN c.id IS NULL THEN NULL ELSE {_identity('c')} END", None),
    ("letter_title", "ol.title", None),
    *_columns("v", Visit, ["attempt", "state", "due", "role", "visitor_name", "method", "appointment", "done_at",
                           "satisfaction", "findings", "shortcomings", "opinion", "met_person", "site_checked",
                           "worker_conduct", "charges_checked", "form_no", "reason"]),
]  # fmt: skip
_VISIT_SQL = (
    'SELECT {columns} FROM "visit" AS v LEFT JOIN "case" AS c ON c.id = v.case_id '
    'LEFT JOIN "open_letter" AS ol ON ol.id = v.letter_id '
    "WHERE v.case_id IS NOT NULL ORDER BY v.case_id, v.attempt, v.id"
)
_MAJOR_FIELDS: _Columns = [
    ("identity", f"CASE WHEN c.id IS NULL THEN NULL ELSE {_identity('c')} END", None),
    *_columns("mr", MajorReport, ["due", "submitted_at", "submitted_by", "cancelled_at", "cancel_reason",
                                  *MAJOR_FIELDS.values()]),
]  # fmt: skip
_MAJOR_SQL = (
    'SELECT {columns} FROM "major_report" AS mr LEFT JOIN "case" AS c ON c.id = mr.case_id '
    "ORDER BY mr.case_id, mr.id"
)
_FORM_FIELDS: _Columns = [
    ("identity", f"CASE WHEN c.id IS NULL THEN NULL ELSE {_identity('c')} END", None),
    ("attempt", "v.attempt", None),
    *_columns("f", FormSheet, ["number", "state", "printed_at", "printed_by", "taken_by_name", "taken_at",
                               "visit_item", "visit_count", "returned_at", "checked_by", "void_reason",
                               "voided_at", "remarks"]),
]  # fmt: skip
_FORM_SQL = (  # a form's 编号 and 次数 are its visit's, when that visit is a case's
    'SELECT {columns} FROM "form_sheet" AS f '
    'LEFT JOIN "visit" AS v ON v.id = f.visit_id AND v.case_id IS NOT NULL '
    'LEFT JOIN "case" AS c ON c.id = v.case_id ORDER BY f.id'
)
_LETTER_FIELDS: _Columns = _columns("ol", OpenLetter, ["title", "body", "issued_at", "issued_by"])
_LETTER_SQL = 'SELECT {columns} FROM "open_letter" AS ol ORDER BY ol.id'
_OTHER_COUNTS = (
    'SELECT COUNT(*) FROM "visit" WHERE case_id IS NOT NULL',
    'SELECT COUNT(*) FROM "major_report"',
    'SELECT COUNT(*) FROM "form_sheet"',
    'SELECT COUNT(*) FROM "open_letter"',
)
_CONVERTED = (pw.DateTimeField, pw.DateField, pw.BooleanField)


def _count(sql: str) -> int:
    return int(db.execute_sql(sql).fetchone()[0])


def _rows(sql: str, columns: _Columns, *params: Any) -> Iterator[dict[str, Any]]:
    """The query's rows one at a time, by column name, times and flags as the model reads them."""
    names = [name for name, _, _ in columns]
    convert = [(i, f.python_value) for i, (_, _, f) in enumerate(columns) if isinstance(f, _CONVERTED)]
    cursor = db.execute_sql(sql.format(columns=", ".join(expr for _, expr, _ in columns)), params)
    try:
        for row in cursor:
            values = list(row)
            for i, python_value in convert:
                if values[i] is not None:
                    values[i] = python_value(values[i])
            yield dict(zip(names, values, strict=True))
    finally:
        cursor.close()


def _case_row(c: dict[str, Any]) -> list[Any]:
    """One row of 案件台账, in `EXPORT_HEADERS`' order."""
    room, visit, decision = c["room"] is not None, c["visit"] is not None, c["decision"] is not None
    sample = None
    if decision:
        chosen = (bool(c["decision_selected"]), bool(c["decision_by_hand"]))
        sample = next(w for w, v in SAMPLE_WORDS.items() if v == chosen)
    state = c["state"]
    return [
        c["identity"], c["received_at"], c["channel"], c["kind"], c["validity"] or None, c["severity"],
        c["category"], c["room_building"] if room else None, (c["room_unit"] or None) if room else None,
        c["room_number"] if room else None, "是" if c["anonymous"] else "否", c["customer_name"] or None,
        c["customer_phone"] or None, c["account"], c["request"] or None, c["department"], state,
        c["resolved_at"], (c["result"] or None) if c["resolved_at"] else None,
        c["visit_done_at"] if visit else None, (c["visit_method"] or None) if visit else None,
        c["visit_satisfaction"] if visit else None, (c["visit_visitor_name"] or None) if visit else None,
        (c["visit_opinion"] or None) if visit else None, c["merged_into"],
        # LEDGER_EXTRA_HEADERS
        c["number"], c["urgency"], c["event_time"], c["event_place"] or None, c["party"] or None,
        c["first_response_at"], c["response_due"], c["resolve_due"], c["answer_due"], c["closed_at"],
        (c["void_reason"] or None) if state == domain.VOID else None, sample,
        c["decision_quarter"] if decision else None, c["decision_reason"] if decision else None,
        (c["typical_note"] or "典型案例") if c["typical"] else None, c["requested_date"], c["subcategory"] or None,
        c["linked_from"],  # 转自: 返工后仍不合格
        c["contain_due"] if c["contain_needed"] else None, c["contained_at"],  # 先行处置 (H21)
        c["contained_by"] or None, c["containment"] or None,
    ]  # fmt: skip


def _visit_row(v: dict[str, Any]) -> list[Any]:
    """One row of the sheet 回访, in `VISIT_HEADERS`' order."""
    return [
        v["identity"], v["attempt"], v["state"], v["due"], domain.ROLES.get(v["role"], v["role"]),
        v["visitor_name"] or None, v["method"] or None, v["appointment"], v["done_at"], v["satisfaction"],
        v["findings"] or None, v["shortcomings"] or None, v["opinion"] or None, v["met_person"] or None,
        _yes_no_text(v["site_checked"]), v["worker_conduct"] or None, _yes_no_text(v["charges_checked"]),
        v["form_no"], v["letter_title"], v["reason"] or None,
    ]  # fmt: skip


def _yes_no_text(value: bool | None) -> str | None:
    return None if value is None else ("是" if value else "否")
