"""The program's own ledger format, written: `export_cases` writes everything a case was, and
what only that export carries (beyond an office's ledger) is put back by
`app.ledger.restore` after the cases are stored by `app.ledger.case_import`.

Sheet 案件台账: the 25 ledger columns, then `LEDGER_EXTRA_HEADERS`. Sheets 回访 (every
visit in every state), 重大投诉报告, 回访记录表 (the form ledger) and 公开信, keyed by 编号."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import peewee as pw

from app import domain
from app.ledger.sheet import PROGRESS_EVERY
from app.ledger.writing import new_sheet, save_workbook, write_cell
from app.models import Case, Department, FormSheet, MajorReport, OpenLetter, Room, Visit, VisitDecision
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


def export_cases(office: Office, path: Path, progress: Callable[[int, int], None] | None = None) -> int:
    """Every case (merged and voided ones too, with their state) as a ledger that
    `import_ledger` reads back; returns the number of cases written.

    Sheet 案件台账: one row a case, the 25 ledger columns then `LEDGER_EXTRA_HEADERS`
    (the case number, deadlines, closing, voiding, the visit sample). The 回访 columns of
    that sheet show the latest completed visit for reading; the sheet 回访 holds every
    visit of every case (planned, done, refused, unreachable, cancelled), keyed by 编号,
    and is what the import reads when present. Sheets 重大投诉报告 and 公开信 hold the
    major-complaint reports and the open letters."""
    require_read(
        "ledger.export", "导出案件台账", f"全部案件(含来电人姓名、电话及回访)导出到 {Path(path).name}"
    )
    path = Path(path)
    cases = list(
        Case.select(Case, Room, Department)
        .join(Room, pw.JOIN.LEFT_OUTER, on=(Case.room == Room.id))
        .switch(Case)
        .join(Department, pw.JOIN.LEFT_OUTER, on=(Case.department == Department.id))
        .order_by(Case.id)
    )
    identity = {c.id: c.ref or c.number for c in cases}
    all_visits = list(
        Visit.select().where(Visit.case.is_null(False)).order_by(Visit.case, Visit.attempt, Visit.id)
    )
    latest: dict[int, Visit] = {}
    done = sorted((v for v in all_visits if v.state == domain.VISIT_DONE), key=lambda v: (v.done_at, v.id))
    for done_visit in done:
        latest[int(str(done_visit.case_id))] = done_visit  # the latest completed visit wins
    decisions = {int(str(d.case_id)): d for d in VisitDecision.select()}
    letters = {letter.id: letter for letter in OpenLetter.select()}
    total = len(cases)
    if progress:
        progress(0, total)
    wb, ws = new_sheet(EXPORT_HEADERS, title="案件台账")
    for n, case in enumerate(cases, start=1):
        room = case.room if case.room_id else None
        visit = latest.get(case.id)
        decision = decisions.get(case.id)
        sample = None
        if decision is not None:
            sample = next(
                w for w, v in SAMPLE_WORDS.items() if v == (bool(decision.selected), bool(decision.by_hand))
            )
        values: dict[str, Any] = {
            "编号": identity[case.id],
            "受理时间": case.received_at,
            "渠道": case.channel,
            "性质": case.kind,
            "有效性": case.validity or None,
            "程度": case.severity,
            "类别": case.category,
            "楼栋": room.building if room else None,
            "单元": (room.unit or None) if room else None,
            "房号": room.number if room else None,
            "匿名": "是" if case.anonymous else "否",
            "客户姓名": case.customer_name or None,
            "联系电话": case.customer_phone or None,
            "内容": case.account,
            "客户要求": case.request or None,
            "责任部门": case.department.name if case.department is not None else None,
            "状态": case.state,
            "办结时间": case.resolved_at,
            "处理结果": (case.result or None) if case.resolved_at else None,
            "回访时间": visit.done_at if visit else None,
            "回访方式": (visit.method or None) if visit else None,
            "满意度": visit.satisfaction if visit else None,
            "回访人": (visit.visitor_name or None) if visit else None,
            "回访意见": (visit.opinion or None) if visit else None,
            "并入": identity.get(case.merged_into_id) if case.merged_into_id else None,
            "案件号": case.number,
            "紧急程度": case.urgency,
            "事发时间": case.event_time,
            "事发地点": case.event_place or None,
            "被投诉方": case.party or None,
            "首次回复时间": case.first_response_at,
            "回复期限": case.response_due,
            "办结期限": case.resolve_due,
            "答复期限": case.answer_due,
            "关闭时间": case.closed_at,
            "作废原因": (case.void_reason or None) if case.state == domain.VOID else None,
            "回访抽样": sample,
            "抽样季度": decision.quarter if decision is not None else None,
            "抽样说明": decision.reason if decision is not None else None,
            "典型案例说明": (case.typical_note or "典型案例") if case.typical else None,
            "业主要求的时间": case.requested_date,
            "细类": case.subcategory or None,
            "转自": identity.get(case.linked_from_id) if case.linked_from_id else None,  # 返工后仍不合格
            "先行处置期限": case.contain_due if case.contain_needed else None,  # H21
            "先行处置时间": case.contained_at,
            "先行处置人": case.contained_by or None,
            "先行处置措施": case.containment or None,
        }
        ws.append([write_cell(ws, h, values[h]) for h in EXPORT_HEADERS])
        if progress and (n % PROGRESS_EVERY == 0 or n == total):
            progress(n, total)
    _, vs = new_sheet(VISIT_HEADERS, wb, VISIT_SHEET)
    for v in all_visits:
        letter = letters.get(int(v.letter_id)) if v.letter_id else None
        row = {
            "编号": identity.get(int(str(v.case_id))), "次数": v.attempt, "状态": v.state, "计划日期": v.due,
            "回访角色": domain.ROLES.get(v.role, v.role), "回访人": v.visitor_name or None,
            "回访方式": v.method or None, "预约时间": v.appointment, "回访时间": v.done_at,
            "满意度": v.satisfaction, "回访内容": v.findings or None, "不足之处": v.shortcomings or None,
            "回访意见": v.opinion or None, "见到的人": v.met_person or None,
            "现场查看": _yes_no_text(v.site_checked), "维修人员表现": v.worker_conduct or None,
            "收费核实": _yes_no_text(v.charges_checked), "表单编号": v.form_no,
            "公开信": letter.title if letter else None, "计划说明": v.reason or None,
        }  # fmt: skip
        vs.append([write_cell(vs, h, row[h]) for h in VISIT_HEADERS])
    _, ms = new_sheet(MAJOR_HEADERS, wb, MAJOR_SHEET)
    for report in MajorReport.select().order_by(MajorReport.case):
        row = {"编号": identity.get(int(str(report.case_id))), "报告期限": report.due, "提交时间": report.submitted_at,
               "提交人": report.submitted_by or None, "取消时间": report.cancelled_at,
               "取消原因": report.cancel_reason or None}  # fmt: skip
        row.update({label: getattr(report, name) or None for label, name in MAJOR_FIELDS.items()})
        ms.append([write_cell(ms, h, row[h]) for h in MAJOR_HEADERS])
    _, fs = new_sheet(FORM_HEADERS, wb, FORM_SHEET)
    visit_keys = {v.id: (identity.get(int(str(v.case_id))), v.attempt) for v in all_visits}
    for form in FormSheet.select().order_by(FormSheet.id):
        case_identity, attempt = (
            visit_keys.get(int(str(form.visit_id)), (None, None)) if form.visit_id else (None, None)
        )
        row = {
            "表单编号": form.number, "状态": form.state, "编号": case_identity, "次数": attempt,
            "打印时间": form.printed_at, "打印人": form.printed_by or None, "领用人": form.taken_by_name or None,
            "领用时间": form.taken_at, "回访事项": form.visit_item or None, "回访次数": form.visit_count,
            "交回时间": form.returned_at, "核对人": form.checked_by or None, "作废原因": form.void_reason or None,
            "作废时间": form.voided_at, "备注": form.remarks or None,
        }  # fmt: skip
        fs.append([write_cell(fs, h, row[h]) for h in FORM_HEADERS])
    _, ls = new_sheet(LETTER_HEADERS, wb, LETTER_SHEET)
    for letter in letters.values():
        row = {
            "标题": letter.title,
            "正文": letter.body,
            "发出时间": letter.issued_at,
            "发出人": letter.issued_by,
        }
        ls.append([write_cell(ls, h, row[h]) for h in LETTER_HEADERS])
    save_workbook(wb, path)
    return total


def _yes_no_text(value: bool | None) -> str | None:
    return None if value is None else ("是" if value else "否")
