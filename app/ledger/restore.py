"""The program's own export read back (`app.ledger.export` writes it): a workbook whose first
sheet has the 案件号 column is such an export (`is_own_export`); its other sheets (回访,
重大投诉报告, 回访记录表, 公开信) are read by `parse_extras` and put back by `restore` once the
cases are stored: deadlines, closing and voiding, the visit sample, every visit, the major
reports, the form ledger and the open letters."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import peewee as pw

from app import audit, domain
from app.bulk import insert_rows
from app.cases import actor_name
from app.i18n import tr
from app.ledger.export import (
    FORM_HEADERS,
    FORM_SHEET,
    LETTER_HEADERS,
    LETTER_SHEET,
    MAJOR_FIELDS,
    MAJOR_HEADERS,
    MAJOR_SHEET,
    VISIT_HEADERS,
    VISIT_SHEET,
)
from app.ledger.row import Row, choices, yes_no
from app.ledger.sheet import IMPORT_SIGNER, Sheet
from app.models import (
    Case,
    CaseEvent,
    FormSheet,
    MajorReport,
    OpenLetter,
    Sequence,
    Staff,
    Visit,
    VisitDecision,
    tuple_rows,
)
from app.periods import quarter_key
from app.validation import MAX_TEXT

if TYPE_CHECKING:
    from app.ledger.rows import LedgerRow

_FORM_STATES = ["已打印", "已领用", "已交回", "已作废", "打印中"]  # app.forms' states


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


def parse_extras(sheet: Sheet, parsed: list[LedgerRow], now: dt.datetime) -> Extras:
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
                tr("工作表“{sheet}”{message}", sheet=LETTER_SHEET, message=m)
                for m in row.messages() or [tr("第{row}行:缺标题或发出时间", row=row.number)]
            ]
    for values in sheet.extra.get(VISIT_SHEET, []):
        row = _sheet_row(values, VISIT_HEADERS)
        identity = row.text("编号", 40)
        owner = by_identity.get(identity)
        if owner is None:
            out.problems.append(
                tr(
                    "工作表“{sheet}”第{row}行:编号“{identity}”在第一个工作表里没有",
                    sheet=VISIT_SHEET,
                    row=row.number,
                    identity=identity,
                )
            )
            continue
        visit = _parse_sheet_visit(row, out.letters)
        for message in row.messages():
            owner.row.problem(
                f"#回访表{row.number}", tr("工作表“{sheet}”{message}", sheet=VISIT_SHEET, message=message)
            )
        if not row.problems:
            out.visits.setdefault(owner.row.number, []).append(visit)
    for values in sheet.extra.get(MAJOR_SHEET, []):
        row = _sheet_row(values, MAJOR_HEADERS)
        identity = row.text("编号", 40)
        owner = by_identity.get(identity)
        if owner is None:
            out.problems.append(
                tr(
                    "工作表“{sheet}”第{row}行:编号“{identity}”在第一个工作表里没有",
                    sheet=MAJOR_SHEET,
                    row=row.number,
                    identity=identity,
                )
            )
            continue
        report: dict[str, Any] = {name: row.text(label, MAX_TEXT) for label, name in MAJOR_FIELDS.items()}
        report.update(due=row.when("报告期限", required=True), submitted_at=row.when("提交时间"),
                      submitted_by=row.text("提交人", 40), cancelled_at=row.when("取消时间"),
                      cancel_reason=row.text("取消原因", MAX_TEXT))  # fmt: skip
        for message in row.messages():
            owner.row.problem(
                f"#报告表{row.number}", tr("工作表“{sheet}”{message}", sheet=MAJOR_SHEET, message=message)
            )
        if not row.problems:
            out.reports[owner.row.number] = report
    numbers: dict[str, int] = {}
    for values in sheet.extra.get(FORM_SHEET, []):
        row = _sheet_row(values, FORM_HEADERS)
        form, identity, attempt = _parse_form(row, numbers)
        owner = by_identity.get(identity) if identity else None
        if identity and owner is None:
            out.problems.append(
                tr(
                    "工作表“{sheet}”第{row}行:编号“{identity}”在第一个工作表里没有",
                    sheet=FORM_SHEET,
                    row=row.number,
                    identity=identity,
                )
            )
            continue
        messages = [tr("工作表“{sheet}”{message}", sheet=FORM_SHEET, message=m) for m in row.messages()]
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
        row.problem("表单编号", tr("与第{row}行的表单编号“{number}”重复", row=numbers[number], number=number))
    elif number and FormSheet.select().where(FormSheet.number == number).exists():
        row.problem("表单编号", tr("表单编号“{number}”已在表单台账中", number=number))
    numbers[number] = row.number
    identity = row.text("编号", 40)
    attempt_text = row.text("次数")
    attempt = int(attempt_text) if attempt_text.isdigit() else None
    if identity and attempt is None:
        row.problem("次数", tr("填写了编号,必须填写第几次回访(整数)"))
    count_text = row.text("回访次数") or "1"
    if not count_text.isdigit():
        row.problem("回访次数", tr("“{value}”应为整数", value=count_text[:10]))
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
        row.problem("次数", tr("“{value}”应为 1 至 20 的整数", value=attempt_text[:10]))
        attempt_text = "1"
    due = row.when("计划日期", required=True)
    role_label = row.text("回访角色") or domain.ROLES["steward"]
    role = _ROLE_KEYS.get(role_label, role_label if role_label in domain.ROLES else "")
    if not role:
        row.problem(
            "回访角色",
            tr(
                "“{value}”不在可选项中:{choices}",
                value=role_label[:20],
                choices=choices(list(domain.ROLES.values())),
            ),
        )
    done_at = row.when("回访时间")
    satisfaction = row.choice("满意度", domain.SATISFACTION)
    letter = row.text("公开信", 100)
    if letter and letter not in letters:
        row.problem(
            "公开信",
            tr("工作表“{sheet}”里没有标题为“{value}”的公开信", sheet=LETTER_SHEET, value=letter[:20]),
        )
    if state == domain.VISIT_DONE and done_at is None and "回访时间" not in row.problems:
        row.problem("回访时间", tr("状态为“已完成”,必须填写回访时间"))
    if state == domain.VISIT_DONE and not satisfaction and not letter and "满意度" not in row.problems:
        row.problem("满意度", tr("已完成的回访必须填写满意度(以公开信答复的除外)"))
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
    items: list[LedgerRow],
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
        if "linked_from" in r:  # 返工后仍不合格 (H25): the first case is stored by now
            name = r["linked_from"]
            first = Case.get_or_none(Case.ref == name) or Case.get_or_none(Case.number == name)
            if first is not None:
                changes[Case.linked_from] = first.id
            else:
                events.append(dict(case=case.id, at=now, kind=domain.EV_NOTE, actor=actor_id, actor_name=who,
                                   text=f"台账中写明转自 {r['linked_from']},但找不到该案件"))  # fmt: skip
        if "contain" in r:  # 先行处置 (H21)
            changes[Case.contain_needed] = True
            changes[Case.contain_due], changes[Case.contained_at], by, what = r["contain"]
            changes[Case.contained_by], changes[Case.containment] = by, what
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
            decisions.append(dict(case=case.id, kind=case.kind, quarter=quarter or quarter_key(case.resolved_at),
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


def _restore_forms(items: list[LedgerRow], extras: Extras, staff_by_name: dict[str, Staff]) -> None:
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
