"""The program's own ledger format: `export_cases` writes everything a case was, and what
only that export carries (beyond an office's ledger) is put back by `restore` after the
cases are stored by `app.ledger.import_ledger`.

Sheet 案件台账: the 25 ledger columns, then `LEDGER_EXTRA_HEADERS`. Sheets 回访 (every
visit in every state), 重大投诉报告, 回访记录表 (the form ledger) and 公开信, keyed by 编号.
A workbook is read as this export when its first sheet has the 案件号 column."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import peewee as pw

from app import audit, domain
from app.cases import actor_name
from app.ledger_sheet import (
    IMPORT_SIGNER,
    PROGRESS_EVERY,
    Row,
    Sheet,
    insert_rows,
    new_sheet,
    save_workbook,
    write_cell,
    yes_no,
)
from app.models import (
    Case,
    CaseEvent,
    Department,
    FormSheet,
    MajorReport,
    OpenLetter,
    Room,
    Sequence,
    Staff,
    Visit,
    VisitDecision,
    tuple_rows,
)
from app.permissions import require_read
from app.validation import MAX_TEXT
from app.visits import quarter_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.ledger import _LedgerRow
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
    "业主要求的时间",
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
_FORM_STATES = ["已打印", "已领用", "已交回", "已作废", "打印中"]  # app.forms' states
_MAJOR_FIELDS = {"投诉内容": "content", "原因": "cause", "处理经过": "handling", "处理结果": "result",
                 "经验教训": "lessons", "纠正预防措施": "corrective"}  # fmt: skip

# 回访抽样 as exported -> (selected, by hand)
SAMPLE_WORDS = {
    "抽中": (True, False),
    "未抽中": (False, False),
    "手工加入": (True, True),
    "手工取消": (False, True),
}


def is_own_export(sheet: Sheet) -> bool:
    """The program's own export (its other sheets are read with it): it has the 案件号 column."""
    return "案件号" in sheet.columns


@dataclass
class Extras:
    """The export's other sheets as read: visits and reports by the case row they belong to."""

    visits: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # case row number -> visits
    reports: dict[int, dict[str, Any]] = field(default_factory=dict)  # case row number -> report
    letters: dict[str, dict[str, Any]] = field(default_factory=dict)  # title -> letter
    forms: list[tuple[int | None, int | None, dict[str, Any]]] = field(default_factory=list)
    # (case row number, visit attempt, form) — blank forms have no case
    problems: list[str] = field(default_factory=list)  # rows naming no case of the file


def _sheet_row(values: dict[str, Any], headers: list[str]) -> Row:
    columns = {h: i for i, h in enumerate(headers)}
    return Row(int(values["__row__"]), [values.get(h) for h in headers], set(), columns, headers)


def parse_extras(sheet: Sheet, parsed: list[_LedgerRow], now: dt.datetime) -> Extras:
    """Reads the 回访 / 重大投诉报告 / 公开信 sheets; a bad value there is a problem of the
    case row it belongs to (named with the sheet, row and column), so the case is refused
    with it."""
    out = Extras()
    if not is_own_export(sheet):
        return out  # another workbook's sheet that happens to be called 回访 is not ours
    by_identity = {}
    for item in parsed:
        # 业主要求的时间 goes in with the intake (checked there: complaints, not before receipt).
        if "业主要求的时间" in item.row.columns and (asked := item.row.when("业主要求的时间")) is not None:
            item.inp.requested_date = asked.date()
        identity = item.inp.ref or item.number
        if identity:
            by_identity[identity] = item
    for values in sheet.extra.get(LETTER_SHEET, []):
        row = _sheet_row(values, LETTER_HEADERS)
        title = row.text("标题", 100)
        issued = row.when("发出时间")
        if title and issued is not None and not row.problems:
            out.letters[title] = {"title": title, "body": row.text("正文") or title, "issued_at": issued,
                                  "issued_by": row.text("发出人", 40)}  # fmt: skip
        else:
            out.problems += [
                f"工作表“{LETTER_SHEET}”{m}" for m in row.messages() or [f"第{row.number}行:缺标题或发出时间"]
            ]
    for values in sheet.extra.get(VISIT_SHEET, []):
        row = _sheet_row(values, VISIT_HEADERS)
        identity = row.text("编号", 40)
        owner = by_identity.get(identity)
        if owner is None:
            out.problems.append(f"工作表“{VISIT_SHEET}”第{row.number}行:编号“{identity}”在第一个工作表里没有")
            continue
        visit = _parse_sheet_visit(row, out.letters)
        for message in row.messages():
            owner.row.problem(f"#回访表{row.number}", f"工作表“{VISIT_SHEET}”{message}")
        if not row.problems:
            out.visits.setdefault(owner.row.number, []).append(visit)
    for values in sheet.extra.get(MAJOR_SHEET, []):
        row = _sheet_row(values, MAJOR_HEADERS)
        identity = row.text("编号", 40)
        owner = by_identity.get(identity)
        if owner is None:
            out.problems.append(f"工作表“{MAJOR_SHEET}”第{row.number}行:编号“{identity}”在第一个工作表里没有")
            continue
        report: dict[str, Any] = {name: row.text(label, MAX_TEXT) for label, name in _MAJOR_FIELDS.items()}
        report.update(due=row.when("报告期限", required=True), submitted_at=row.when("提交时间"),
                      submitted_by=row.text("提交人", 40), cancelled_at=row.when("取消时间"),
                      cancel_reason=row.text("取消原因", MAX_TEXT))  # fmt: skip
        for message in row.messages():
            owner.row.problem(f"#报告表{row.number}", f"工作表“{MAJOR_SHEET}”{message}")
        if not row.problems:
            out.reports[owner.row.number] = report
    numbers: dict[str, int] = {}
    for values in sheet.extra.get(FORM_SHEET, []):
        row = _sheet_row(values, FORM_HEADERS)
        form, identity, attempt = _parse_form(row, numbers)
        owner = by_identity.get(identity) if identity else None
        if identity and owner is None:
            out.problems.append(f"工作表“{FORM_SHEET}”第{row.number}行:编号“{identity}”在第一个工作表里没有")
            continue
        messages = [f"工作表“{FORM_SHEET}”{m}" for m in row.messages()]
        if owner is not None:
            for message in messages:
                owner.row.problem(f"#表单表{row.number}", message)
        else:
            out.problems += messages
        if not row.problems:
            out.forms.append((owner.row.number if owner else None, attempt, form))
    return out


def _parse_form(row: Row, numbers: dict[str, int]) -> tuple[dict[str, Any], str, int | None]:
    """One row of the 回访记录表 sheet: a numbered paper form as the form ledger keeps it."""
    number = row.text("表单编号", 20, required=True)
    if number in numbers:
        row.problem("表单编号", f"与第{numbers[number]}行的表单编号“{number}”重复")
    elif number and FormSheet.select().where(FormSheet.number == number).exists():
        row.problem("表单编号", f"表单编号“{number}”已在表单台账中")
    numbers[number] = row.number
    identity = row.text("编号", 40)
    attempt_text = row.text("次数")
    attempt = int(attempt_text) if attempt_text.isdigit() else None
    if identity and attempt is None:
        row.problem("次数", "填写了编号,必须填写第几次回访(整数)")
    count_text = row.text("回访次数") or "1"
    if not count_text.isdigit():
        row.problem("回访次数", f"“{count_text[:10]}”应为整数")
        count_text = "1"
    form = {
        "number": number,
        "state": row.choice("状态", _FORM_STATES, "已打印"),
        "printed_at": row.when("打印时间", required=True),
        "printed_by": row.text("打印人", 40),
        "taken_by_name": row.text("领用人", 40),
        "taken_at": row.when("领用时间"),
        "visit_item": row.text("回访事项", 100),
        "visit_count": int(count_text),
        "returned_at": row.when("交回时间"),
        "checked_by": row.text("核对人", 40),
        "void_reason": row.text("作废原因", 200),
        "voided_at": row.when("作废时间"),
        "remarks": row.text("备注", 200),
    }
    return form, identity, attempt


_VISIT_STATES = [domain.VISIT_PLANNED, domain.VISIT_DONE, domain.VISIT_UNREACHABLE, domain.VISIT_REFUSED,
                 domain.VISIT_CANCELLED]  # fmt: skip
_ROLE_KEYS = {label: key for key, label in domain.ROLES.items()}


def _parse_sheet_visit(row: Row, letters: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One row of the 回访 sheet: a visit in any state, as the program keeps it."""
    state = row.choice("状态", _VISIT_STATES, domain.VISIT_PLANNED)
    attempt_text = row.text("次数") or "1"
    if not attempt_text.isdigit() or not 1 <= int(attempt_text) <= 20:
        row.problem("次数", f"“{attempt_text[:10]}”应为 1 至 20 的整数")
        attempt_text = "1"
    due = row.when("计划日期", required=True)
    role_label = row.text("回访角色") or domain.ROLES["steward"]
    role = _ROLE_KEYS.get(role_label, role_label if role_label in domain.ROLES else "")
    if not role:
        row.problem("回访角色", f"“{role_label[:20]}”不在可选项中:{'、'.join(domain.ROLES.values())}")
    done_at = row.when("回访时间")
    satisfaction = row.choice("满意度", domain.SATISFACTION)
    letter = row.text("公开信", 100)
    if letter and letter not in letters:
        row.problem("公开信", f"工作表“{LETTER_SHEET}”里没有标题为“{letter[:20]}”的公开信")
    if state == domain.VISIT_DONE and done_at is None and "回访时间" not in row.problems:
        row.problem("回访时间", "状态为“已完成”,必须填写回访时间")
    if state == domain.VISIT_DONE and not satisfaction and not letter and "满意度" not in row.problems:
        row.problem("满意度", "已完成的回访必须填写满意度(以公开信答复的除外)")
    return {
        "attempt": int(attempt_text),
        "state": state,
        "due": due.date() if due else None,
        "role": role,
        "visitor_name": row.text("回访人", 40),
        "method": row.choice("回访方式", domain.VISIT_METHODS),
        "appointment": row.when("预约时间"),
        "done_at": done_at,
        "satisfaction": satisfaction or None,
        "findings": row.text("回访内容", MAX_TEXT),
        "shortcomings": row.text("不足之处", MAX_TEXT),
        "opinion": row.text("回访意见", MAX_TEXT),
        "met_person": row.text("见到的人", 40),
        "site_checked": yes_no(row, "现场查看"),
        "worker_conduct": row.text("维修人员表现", 100),
        "charges_checked": yes_no(row, "收费核实"),
        "form_no": row.text("表单编号", 20) or None,
        "letter": letter or None,
        "reason": row.text("计划说明", 200) or IMPORT_SIGNER,
    }


def restore(
    items: list[_LedgerRow],
    extras: Extras,
    staff_by_name: dict[str, Staff],
    now: dt.datetime,
    actor: Staff | None,
) -> None:
    """What the program's own export carries beyond intake and handling, put back on the
    stored cases: deadlines, first reply, closing time, voiding, the visit sample, every
    visit, the major-complaint report and the open letters."""
    stored = items
    items = [
        i
        for i in items
        if i.restore
        or i.state == domain.VOID
        or i.row.number in extras.visits
        or i.row.number in extras.reports
    ]
    if not items and not extras.forms:
        return
    who = actor_name(actor)
    actor_id = actor.id if actor else None
    letter_ids = {}
    for title, letter in extras.letters.items():
        found = OpenLetter.get_or_none(OpenLetter.title == title, OpenLetter.issued_at == letter["issued_at"])
        letter_ids[title] = (found or OpenLetter.create(**letter)).id
    visits: list[dict[str, Any]] = []
    decisions: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    cases: dict[int, Case] = {}
    for chunk in pw.chunked([i.case_id for i in items], 500):
        cases.update({c.id: c for c in Case.select().where(Case.id.in_(chunk))})
    for item in items:
        assert item.case_id is not None
        case = cases[item.case_id]
        r = item.restore
        changes: dict[Any, Any] = {}
        for name in ("first_response_at", "response_due", "resolve_due", "answer_due", "closed_at"):
            if name in r and (r[name] is not None or name in ("answer_due", "first_response_at")):
                if name == "closed_at" and case.state != domain.CLOSED:
                    continue
                changes[getattr(Case, name)] = r[name]
        if item.state == domain.VOID:
            changes[Case.state] = domain.VOID
            changes[Case.void_reason] = r["void_reason"]
            events.append(dict(case=case.id, at=now, kind=domain.EV_VOID, text=r["void_reason"],
                               actor=actor_id, actor_name=who))  # fmt: skip
        if "typical_note" in r:
            changes[Case.typical] = True
            changes[Case.typical_note] = "" if r["typical_note"] == "典型案例" else r["typical_note"]
        if changes:
            for column, value in changes.items():  # through save: the trail records each change
                setattr(case, column.name, value)
            case.save()
        if "decision" in r and case.resolved_at is not None:
            (selected, by_hand), reason, quarter = r["decision"]
            for old_decision in VisitDecision.select().where(VisitDecision.case == case.id):
                old_decision.delete_instance()  # 删除 in the trail
            decisions.append(dict(case=case.id, kind=case.kind, quarter=quarter or quarter_of(case.resolved_at),
                                  selected=selected, by_hand=by_hand, reason=reason or IMPORT_SIGNER,
                                  decided_by=IMPORT_SIGNER, decided_at=now))  # fmt: skip
        for v in extras.visits.get(item.row.number, []):
            visitor = staff_by_name.get(v["visitor_name"])
            visits.append(dict(
                v, case=case.id, room=case.room_id, visitor=visitor.id if visitor else None,
                letter=letter_ids.get(v["letter"]) if v["letter"] else None, created_at=now,
            ))  # fmt: skip
        report = extras.reports.get(item.row.number)
        if report is not None:
            existing = MajorReport.get_or_none(MajorReport.case == case.id)
            if existing is None:
                MajorReport.create(**report, case=case.id)
            else:
                for name, value in report.items():
                    setattr(existing, name, value)
                existing.save()
    before = {model: audit.last_id(model) for model in (Visit, VisitDecision)}
    insert_rows(Visit, visits)
    insert_rows(VisitDecision, decisions)
    insert_rows(CaseEvent, events)
    for model, last in before.items():  # written past AuditedModel.save: their 新建 entries
        audit.record_created_after(model, last)
    _restore_forms(stored, extras, staff_by_name)


def _restore_forms(items: list[_LedgerRow], extras: Extras, staff_by_name: dict[str, Staff]) -> None:
    """The form ledger's rows as they were (the ledger has no way to re-issue a number, so
    the rows are written as they stood); each year's form counter goes past the numbers."""
    if not extras.forms:
        return
    case_of_row = {i.row.number: i.case_id for i in items}
    visit_ids: dict[tuple[int, int], int] = {}
    for chunk in pw.chunked([c for c in case_of_row.values() if c is not None], 500):
        query = Visit.select(Visit.id, Visit.case, Visit.attempt).where(Visit.case.in_(chunk))
        for visit_id, case_id, attempt in tuple_rows(query.order_by(Visit.id)):
            visit_ids.setdefault((int(case_id), int(attempt)), int(visit_id))
    rows = []
    highest: dict[str, int] = {}
    for row_number, attempt, form in extras.forms:
        case_id = case_of_row.get(row_number) if row_number is not None else None
        if row_number is not None and case_id is None:
            continue  # its case was refused (skip_invalid): the form stays out with it
        visit = visit_ids.get((case_id, attempt)) if case_id is not None and attempt is not None else None
        taker = staff_by_name.get(form["taken_by_name"])
        rows.append(dict(form, visit=visit, taken_by=taker.id if taker else None))
        found = re.fullmatch(r"HF-(\d{4})-(\d+)", form["number"])
        if found:
            name = f"form-{found.group(1)}"
            highest[name] = max(highest.get(name, 0), int(found.group(2)))
    last = audit.last_id(FormSheet)
    insert_rows(FormSheet, rows)
    audit.record_created_after(FormSheet, last)
    for name, value in highest.items():
        Sequence.insert(name=name, value=value).on_conflict(
            conflict_target=[Sequence.name], update={Sequence.value: pw.fn.MAX(Sequence.value, value)}
        ).execute()


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
        row.update({label: getattr(report, name) or None for label, name in _MAJOR_FIELDS.items()})
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
