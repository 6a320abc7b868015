"""修改记录: everything the audit trail holds about one record (a case, an owner), oldest first.

Phones and ID numbers in the trail are shown masked here: this window is a history of
changes, not a way round the logged 显示 buttons of the owner's file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import audit
from app.audit_queries import AuditQueries
from app.audit_words import shown_access_detail
from app.i18n import term
from ui.i18n import QT_TR_NOOP, QT_TRANSLATE_NOOP
from ui.palette import ACCESS_ROW_BG, MUTED_TEXT
from ui.widgets import make_table

if TYPE_CHECKING:
    from app.models import AuditEntry

# The office's names of the fields the trail records. FIELD_LABELS holds a name that reads
# the same in every record; TABLE_FIELD_LABELS one that depends on the record (a visit's
# 期限 is its 回访期限, a dispatch slip's is 要求完成). Every field of every audited model
# has one (tests/test_ui_readable_numbers.py walks the models).
FIELD_LABELS = {
    "state": QT_TR_NOOP("状态"), "result": QT_TR_NOOP("处理结果"), "account": QT_TR_NOOP("内容"), "satisfaction": QT_TR_NOOP("满意度"), "request": QT_TR_NOOP("客户要求"),
    "kind": QT_TR_NOOP("性质"), "validity": QT_TR_NOOP("有效性"), "severity": QT_TR_NOOP("程度"), "category": QT_TR_NOOP("类别"), "subcategory": QT_TR_NOOP("细类"), "urgency": QT_TR_NOOP("紧急程度"),
    "channel": QT_TR_NOOP("渠道"), "received_at": QT_TR_NOOP("受理时间"), "department": QT_TR_NOOP("责任部门"), "room": QT_TR_NOOP("房号"), "owner": QT_TR_NOOP("业主"),
    "customer_name": QT_TR_NOOP("客户姓名"), "customer_phone": QT_TR_NOOP("联系电话"), "event_time": QT_TR_NOOP("发生时间"), "event_place": QT_TR_NOOP("发生地点"),
    "party": QT_TR_NOOP("被投诉对象"), "response_due": QT_TR_NOOP("首次回复期限"), "resolve_due": QT_TR_NOOP("办结期限"), "answer_due": QT_TR_NOOP("答复期限"),
    "first_response_at": QT_TR_NOOP("首次回复时间"), "resolved_at": QT_TR_NOOP("办结时间"), "closed_at": QT_TR_NOOP("关闭时间"), "merged_into": QT_TR_NOOP("并入"),
    "void_reason": QT_TR_NOOP("作废原因"), "typical": QT_TR_NOOP("典型案例"), "typical_note": QT_TR_NOOP("典型案例说明"), "anonymous": QT_TR_NOOP("匿名"),
    "ref": QT_TR_NOOP("台账编号"), "number": QT_TR_NOOP("编号"), "created_by": QT_TR_NOOP("登记人"),
    "name": QT_TR_NOOP("姓名"), "phone": QT_TR_NOOP("联系电话"), "id_number": QT_TR_NOOP("身份证号"), "occupant_type": QT_TR_NOOP("类型"), "move_in": QT_TR_NOOP("入住日期"),
    "note": QT_TR_NOOP("备注"), "active": QT_TR_NOOP("在用"), "role": QT_TR_NOOP("角色"), "buildings": QT_TR_NOOP("负责楼栋"), "username": QT_TR_NOOP("登录名"),
    "password_hash": QT_TR_NOOP("密码"), "password": QT_TR_NOOP("密码"), "locked_until": QT_TR_NOOP("锁定至"), "method": QT_TR_NOOP("回访方式"), "visitor": QT_TR_NOOP("回访人"), "due": QT_TR_NOOP("期限"),
    "findings": QT_TR_NOOP("回访内容"), "opinion": QT_TR_NOOP("客户意见"), "shortcomings": QT_TR_NOOP("不足之处"), "done_at": QT_TR_NOOP("完成时间"),
    "case": QT_TR_NOOP("案件"), "visit": QT_TR_NOOP("回访"), "reason": QT_TR_NOOP("原因"), "remarks": QT_TR_NOOP("备注"), "quarter": QT_TR_NOOP("季度"),
    "failed_logins": QT_TR_NOOP("密码连续输错次数"), "created_at": QT_TR_NOOP("建立时间"), "sort": QT_TR_NOOP("排序"), "building": QT_TR_NOOP("楼栋"), "unit": QT_TR_NOOP("单元"),
    "assignee": QT_TR_NOOP("指派给"), "instructions": QT_TR_NOOP("派工说明"), "dispatched_at": QT_TR_NOOP("派工时间"), "signed_at": QT_TR_NOOP("签收时间"),
    "signed_by": QT_TR_NOOP("签收人"), "finished_at": QT_TR_NOOP("完成时间"), "outcome": QT_TR_NOOP("处理情况"), "old_due": QT_TR_NOOP("原期限"), "new_due": QT_TR_NOOP("新期限"),
    "approver": QT_TR_NOOP("批准人"), "approver_role": QT_TR_NOOP("批准人职务"), "at": QT_TR_NOOP("时间"), "content": QT_TR_NOOP("投诉内容"), "cause": QT_TR_NOOP("原因分析"),
    "handling": QT_TR_NOOP("处理经过"), "lessons": QT_TR_NOOP("经验教训"), "corrective": QT_TR_NOOP("纠正和预防措施"), "submitted_at": QT_TR_NOOP("提交时间"),
    "submitted_by": QT_TR_NOOP("提交人"), "raised_at": QT_TR_NOOP("定为重大的时间"), "cancelled_at": QT_TR_NOOP("取消时间"), "cancel_reason": QT_TR_NOOP("取消原因"),
    "title": QT_TR_NOOP("标题"), "body": QT_TR_NOOP("正文"), "issued_at": QT_TR_NOOP("发出时间"), "issued_by": QT_TR_NOOP("发出人"), "purpose": QT_TR_NOOP("回访事由"),
    "attempt": QT_TR_NOOP("第几次回访"), "visitor_name": QT_TR_NOOP("回访人姓名"), "appointment": QT_TR_NOOP("预约时间"), "met_person": QT_TR_NOOP("受访人"),
    "site_checked": QT_TR_NOOP("已现场查看"), "worker_conduct": QT_TR_NOOP("维修人员表现"), "charges_checked": QT_TR_NOOP("已核实收费"), "form_no": QT_TR_NOOP("回访记录表编号"),
    "letter": QT_TR_NOOP("公开信"), "selected": QT_TR_NOOP("抽中回访"), "by_hand": QT_TR_NOOP("手工调整"), "decided_by": QT_TR_NOOP("决定人"), "decided_at": QT_TR_NOOP("决定时间"),
    "text": QT_TR_NOOP("通知内容"), "delivered_at": QT_TR_NOOP("送达时间"), "delivered_to": QT_TR_NOOP("接收人"), "signer": QT_TR_NOOP("签名人身份"),
    "rework_due": QT_TR_NOOP("告知业主的返工完成时间"), "owner_told_at": QT_TR_NOOP("告知业主时间"), "owner_told_by": QT_TR_NOOP("告知人"),
    "owner_told_method": QT_TR_NOOP("告知方式"), "linked_from": QT_TR_NOOP("由此案转来"),
    "signer_name": QT_TR_NOOP("签名人"), "relation": QT_TR_NOOP("与业主关系"), "strokes": QT_TR_NOOP("签名"), "pad_width": QT_TR_NOOP("签名板宽度"),
    "pad_height": QT_TR_NOOP("签名板高度"), "png": QT_TR_NOOP("签名图片"), "sha256": QT_TR_NOOP("校验码"), "level": QT_TR_NOOP("审核级别"), "reviewer": QT_TR_NOOP("审核人"),
    "archived_at": QT_TR_NOOP("归档时间"), "archived_by": QT_TR_NOOP("归档人"), "form_count": QT_TR_NOOP("份数"), "destroyed_on": QT_TR_NOOP("销毁日期"),
    "destroyed_by": QT_TR_NOOP("销毁人"), "recorded_at": QT_TR_NOOP("登记时间"), "recorded_by": QT_TR_NOOP("登记人"), "numbers": QT_TR_NOOP("表单编号"),
    "printed_at": QT_TR_NOOP("打印时间"), "alive_at": QT_TR_NOOP("打印作业心跳"), "printed_by": QT_TR_NOOP("打印人"), "taken_by": QT_TR_NOOP("领用人"), "taken_by_name": QT_TR_NOOP("领用人姓名"),
    "taken_at": QT_TR_NOOP("领用时间"), "visit_item": QT_TR_NOOP("回访项目"), "visit_count": QT_TR_NOOP("回访次数"), "returned_at": QT_TR_NOOP("交回时间"),
    "checked_by": QT_TR_NOOP("核对人"), "scan": QT_TR_NOOP("扫描件"), "scan_name": QT_TR_NOOP("扫描件文件名"), "voided_at": QT_TR_NOOP("作废时间"),
    "archived_in": QT_TR_NOOP("归档批次"), "destroyed_in": QT_TR_NOOP("销毁记录"), "period": QT_TR_NOOP("期间"), "measures": QT_TR_NOOP("改进措施"),
    "summary": QT_TR_NOOP("分析摘要"), "pdf": QT_TR_NOOP("报告文件"), "day": QT_TR_NOOP("日期"), "workday": QT_TR_NOOP("调休上班"), "form": QT_TR_NOOP("回访记录表"),
    "digest": QT_TR_NOOP("校验码"), "source_name": QT_TR_NOOP("来源文件"), "source_page": QT_TR_NOOP("来源页码"), "image": QT_TR_NOOP("扫描图像"),
    "width": QT_TR_NOOP("宽度(像素)"), "height": QT_TR_NOOP("高度(像素)"), "matched_by": QT_TR_NOOP("对应方式"), "imported_at": QT_TR_NOOP("导入时间"),
    "imported_by": QT_TR_NOOP("导入人"),
    "requested_date": QT_TR_NOOP("业主要求的时间"), "written_reply_only": QT_TR_NOOP("只要求书面答复"),
    "reply_letter_name": QT_TR_NOOP("复函"), "reply_letter_at": QT_TR_NOOP("复函附上时间"),
    "answered_at": QT_TR_NOOP("明确答复时间"), "answered_by": QT_TR_NOOP("答复人"), "answer_method": QT_TR_NOOP("答复方式"),
    "answer_text": QT_TR_NOOP("答复内容"),
    # The policy (制度设置): one entry per changed setting.
    "case_prefix": QT_TR_NOOP("编号前缀"), "case_prefixes": QT_TR_NOOP("各性质编号前缀"), "first_response": QT_TR_NOOP("首次回复时限"), "day_unit": QT_TR_NOOP("期限计法"),
    "resolve_days": QT_TR_NOOP("办结时限"), "major_answer_days": QT_TR_NOOP("重大投诉答复时限"), "major_report_workdays": QT_TR_NOOP("重大投诉报告时限"),
    "nearly_due_hours": QT_TR_NOOP("临期提醒"), "duplicate_window_days": QT_TR_NOOP("重复投诉判断天数"), "extension_approver": QT_TR_NOOP("延期审批人"),
    "categories": QT_TR_NOOP("类别"), "channels": QT_TR_NOOP("渠道"), "departments": QT_TR_NOOP("部门"), "visits": QT_TR_NOOP("回访制度"), "security": QT_TR_NOOP("登录安全"),
    "backup": QT_TR_NOOP("备份"), "repeat_window_days": QT_TR_NOOP("重复投诉、报修的统计天数"),
    "requested_date_rule": QT_TR_NOOP("业主要求时间的用法"),
    "referral": QT_TR_NOOP("转交开发商"),  # the policy's section (H22)
    "subcategories": QT_TR_NOOP("细类"),  # the policy's sub-category lists (H25)
    # 先行处置 and how an extension was approved (H21)
    "contain_needed": QT_TR_NOOP("需先行处置"), "contain_due": QT_TR_NOOP("先行处置期限"), "contained_at": QT_TR_NOOP("先行处置时间"),
    "contained_by": QT_TR_NOOP("先行处置人"), "containment": QT_TR_NOOP("先行处置措施"), "confirmed": QT_TR_NOOP("批准方式"),
    "contain_hours": QT_TR_NOOP("先行处置时限(小时)"),
    # Two visitors, each role's visit rate, the sample's replacement (H24)
    "large_loss": QT_TR_NOOP("业主损失较大"), "second_visitor": QT_TR_NOOP("第二回访人"), "second_visitor_name": QT_TR_NOOP("第二回访人姓名"),
    "second_role": QT_TR_NOOP("第二回访人角色"), "replaces": QT_TR_NOOP("替换的案件"), "visit_roles": QT_TR_NOOP("回访人员与各角色回访率"),
    # Leak test and contract dates, community activities (H23)
    "leak_test_on": QT_TR_NOOP("闭水试验日期"), "contract_start": QT_TR_NOOP("合同开始日期"), "contract_end": QT_TR_NOOP("合同结束日期"),
    "held_on": QT_TR_NOOP("举办日期"), "organiser": QT_TR_NOOP("组织者"), "planned_at": QT_TR_NOOP("抽取回访时间"), "activity": QT_TR_NOOP("社区活动"),
    "activity_rate": QT_TR_NOOP("社区活动回访率"), "activity_days": QT_TR_NOOP("社区活动回访天数"),
}  # fmt: skip
TABLE_FIELD_LABELS = {
    ("department", "name"): QT_TR_NOOP("部门名称"), ("staff", "department"): QT_TR_NOOP("所属部门"), ("staff", "active"): QT_TR_NOOP("在职"),
    ("owner", "active"): QT_TR_NOOP("在住"), ("room", "number"): QT_TR_NOOP("房号"), ("dispatch", "number"): QT_TR_NOOP("联系单号"),
    ("dispatch", "department"): QT_TR_NOOP("派往部门"), ("dispatch", "due"): QT_TR_NOOP("要求完成"), ("visit", "due"): QT_TR_NOOP("回访期限"),
    ("visit", "role"): QT_TR_NOOP("应由谁回访"), ("visit", "reason"): QT_TR_NOOP("安排原因"), ("visit", "state"): QT_TR_NOOP("回访状态"),
    ("visit", "done_at"): QT_TR_NOOP("回访时间"), ("visit", "created_at"): QT_TR_NOOP("安排时间"), ("visit_decision", "reason"): QT_TR_NOOP("抽样说明"),
    ("extension", "reason"): QT_TR_NOOP("延期原因"), ("extension", "at"): QT_TR_NOOP("批准时间"), ("major_report", "due"): QT_TR_NOOP("报告期限"),
    ("major_report", "result"): QT_TR_NOOP("处理结果"), ("rework_notice", "department"): QT_TR_NOOP("返工部门"), ("rework_notice", "due"): QT_TR_NOOP("返工期限"),
    ("rework_notice", "visit"): QT_TR_NOOP("不满意的回访"), ("visit_review", "opinion"): QT_TR_NOOP("审核意见"), ("visit_review", "at"): QT_TR_NOOP("审核时间"),
    ("form_sheet", "number"): QT_TR_NOOP("表单编号"), ("form_sheet", "state"): QT_TR_NOOP("表单状态"), ("holiday", "name"): QT_TR_NOOP("节日"),
    ("scan_page", "reason"): QT_TR_NOOP("说明"), ("open_letter", "issued_at"): QT_TR_NOOP("发布时间"), ("open_letter", "issued_by"): QT_TR_NOOP("发布人"),
    ("form_archive_batch", "quarter"): QT_TR_NOOP("归档季度"),
    ("survey_action", "plan"): QT_TR_NOOP("所属调查"), ("survey_action", "subject"): QT_TR_NOOP("调查项目"), ("survey_action", "measure"): QT_TR_NOOP("纠正措施"), ("survey_action", "responsible"): QT_TR_NOOP("责任人"), ("survey_scan", "plan"): QT_TR_NOOP("所属调查"), ("survey_scan", "sheet"): QT_TR_NOOP("调查表"), ("survey_scan", "page"): QT_TR_NOOP("页码"), ("survey_scan", "status"): QT_TR_NOOP("读取状态"), ("survey_sheet", "plan"): QT_TR_NOOP("所属调查"), ("survey_sheet", "room_label"): QT_TR_NOOP("房号"), ("survey_sheet", "why"): QT_TR_NOOP("抽中原因"), ("survey_sheet", "entered_by"): QT_TR_NOOP("录入人"), ("survey_plan", "starts"): QT_TR_NOOP("开始日期"), ("survey_plan", "ends"): QT_TR_NOOP("结束日期"), ("survey_plan", "sample_rate"): QT_TR_NOOP("抽样比例"), ("survey_plan", "sample_size"): QT_TR_NOOP("抽样户数"), ("survey_plan", "complainers"): QT_TR_NOOP("优先抽取的意见户数"), ("survey_plan", "leader"): QT_TR_NOOP("调查组长"), ("survey_plan", "members"): QT_TR_NOOP("调查人员"), ("survey_plan", "recovery_target"): QT_TR_NOOP("回收率目标"), ("survey_plan", "notes"): QT_TR_NOOP("注意事项"), ("survey_plan", "notice"): QT_TR_NOOP("告知业主"), ("survey_plan", "questionnaire"): QT_TR_NOOP("调查表内容"), ("survey_plan", "previous"): QT_TR_NOOP("上次调查"), ("survey_plan", "approved_at"): QT_TR_NOOP("批准时间"), ("survey_plan", "approved_by"): QT_TR_NOOP("批准人"),
    # H22: 工作联系函 to the developer and its follow-ups
    ("referral", "case"): QT_TR_NOOP("所属案件"), ("referral", "number"): QT_TR_NOOP("联系函编号"), ("referral", "to_whom"): QT_TR_NOOP("收函单位"), ("referral", "content"): QT_TR_NOOP("联系事项"), ("referral", "made_at"): QT_TR_NOOP("制函时间"), ("referral", "made_by"): QT_TR_NOOP("制函人"), ("referral", "sent_at"): QT_TR_NOOP("发出时间"), ("referral", "sent_by"): QT_TR_NOOP("发出经办人"), ("referral", "method"): QT_TR_NOOP("发出方式"), ("referral", "reply_due"): QT_TR_NOOP("回复期限"), ("referral", "replied_at"): QT_TR_NOOP("开发商回复时间"), ("referral", "reply_text"): QT_TR_NOOP("开发商回复"), ("referral", "closed_at"): QT_TR_NOOP("结束时间"), ("referral", "close_note"): QT_TR_NOOP("结束说明"), ("referral_follow_up", "referral"): QT_TR_NOOP("工作联系函"), ("referral_follow_up", "at"): QT_TR_NOOP("跟进时间"), ("referral_follow_up", "by"): QT_TR_NOOP("跟进人"), ("referral_follow_up", "note"): QT_TR_NOOP("跟进情况"), ("referral_follow_up", "next_date"): QT_TR_NOOP("下次跟进"),
    # H23: community activities and their participant rooms
    ("activity", "title"): QT_TR_NOOP("活动名称"), ("activity", "kind"): QT_TR_NOOP("活动类型"), ("activity_room", "reason"): QT_TR_NOOP("抽样说明"),
}  # fmt: skip
# What a value is, in words (app.audit.ShownValue.kind).
_EMPTY = QT_TRANSLATE_NOOP("History", "(空)")
_YES = QT_TRANSLATE_NOOP("History", "是")
_NO = QT_TRANSLATE_NOOP("History", "否")
_STROKES = QT_TRANSLATE_NOOP("History", "签名({0} 笔)")
_FILE = QT_TRANSLATE_NOOP("History", "文件({0})")
_HIDDEN = QT_TRANSLATE_NOOP("History", "******")
_CHANGED_HIDDEN = QT_TRANSLATE_NOOP("History", "(已更改,不记录内容)")
_SIGNERS = {
    "customer": QT_TRANSLATE_NOOP("History", "顾客"),
    "visitor": QT_TRANSLATE_NOOP("History", "回访人"),
}
_FIELD_VALUE = QT_TRANSLATE_NOOP("History", "{0}:{1}")  # a field and its value in a new record
_BETWEEN_FIELDS = QT_TRANSLATE_NOOP("History", ";")
# Fields whose values are the program's own words (states, kinds, levels), shown in the
# chosen language where it has them; what people typed stays as typed.
_WHO_WHERE = QT_TRANSLATE_NOOP("History", "{0}({1})")  # a form printed: by whom, where to
_VOCABULARY_FIELDS = {"state", "kind", "severity", "urgency", "validity", "channel", "method", "satisfaction",
                      "occupant_type", "relation", "level", "role", "approver_role", "category", "subcategory",
                      "purpose", "answer_method", "confirmed", "owner_told_method", "matched_by", "second_role",
                      "status", "department", "printer"}  # fmt: skip
# A word that reads otherwise in one field (一般 as an urgency, as a satisfaction): app.i18n.term's context.
_TERM_CONTEXT = {"urgency": "urgency", "satisfaction": "satisfaction"}
_ACCESS_COLOUR = QColor(ACCESS_ROW_BG)
_MAX_CELL = 300


def _translate(text: str) -> str:
    return QCoreApplication.translate("History", text)


def action_words(action: str) -> str:
    """What an audit entry did (新建, 修改, 显示号码…) in the chosen language: the program's catalog
    (app.audit marks them in the "audit" context), then the windows' own."""
    shown = term(action, "audit")
    return shown if shown != action else QCoreApplication.translate("AuditWindow", action)


def field_label(field: str, table: str = "") -> str:
    """The office's name of a field (in the source language; the caller translates)."""
    return TABLE_FIELD_LABELS.get((table, field)) or FIELD_LABELS.get(field, field)


def has_label(table: str, field: str) -> bool:
    return (table, field) in TABLE_FIELD_LABELS or field in FIELD_LABELS


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / 1024 / 1024:.1f} MB"
    return f"{max(1, round(count / 1024))} KB" if count >= 1024 else f"{count} B"


def value_words(shown: audit.ShownValue, field: str = "") -> str:
    """A value of the trail in the chosen language's words."""
    if shown.kind == "empty":
        return ""
    if shown.kind == "yes":
        return _translate(_YES)
    if shown.kind == "no":
        return _translate(_NO)
    if shown.kind == "strokes":
        return _translate(_STROKES).format(shown.count)
    if shown.kind == "file":
        return _translate(_FILE).format(_size(shown.count))
    if shown.kind == "hidden":
        return _translate(_HIDDEN)
    if shown.kind == "changed_hidden":
        return _translate(_CHANGED_HIDDEN)
    if field == "printed_by":  # "余慧敏(另存为 PDF)": who, and where it went (app/forms.py)
        who, bracket, where = shown.text.rstrip(")").partition("(")
        if bracket and where:
            return _translate(_WHO_WHERE).format(who, term(where))
    if field == "signer" and shown.text in _SIGNERS:
        return _translate(_SIGNERS[shown.text])
    if field in _VOCABULARY_FIELDS:  # the program's catalog (app.i18n), then the windows' own
        word = term(shown.text, _TERM_CONTEXT.get(field, ""))
        return word if word != shown.text else _translate(shown.text)
    return shown.text


def describe_change(entry: AuditEntry, reader: audit.Reader | None = None, full: bool = False) -> str:
    """What the entry did, in one line: 'old → new', the fields of a new record, or the read.

    `full` gives long texts whole (the tooltip, the export); otherwise they are shortened."""
    reader = reader or audit.Reader()
    if entry.action == "新建":  # data: the stored audit action
        parts = []
        for name, shown in reader.new_values(entry):
            words = shown.full if full and shown.full else value_words(shown, name)
            label = _translate(field_label(name, entry.table)) if name else ""
            parts.append(_translate(_FIELD_VALUE).format(label, words) if label else words)
        return _translate(_BETWEEN_FIELDS).join(parts)
    if entry.action == "修改":  # data
        empty = _translate(_EMPTY)
        limit = 100_000 if full else audit.SHORT_TEXT
        old = value_words(reader.value(entry.table, entry.field, entry.old, limit), entry.field)
        new = value_words(reader.value(entry.table, entry.field, entry.new, limit), entry.field)
        return f"{old or empty} → {new or empty}"
    text = shown_access_detail(entry.new or entry.old or "")  # a read, a deletion, an import: in words
    return text if full else audit.shorten(text, _MAX_CELL)


class HistoryDialog(QDialog):
    """The audit entries of one record: time, who, action, field, old → new."""

    COLUMNS = (
        QT_TR_NOOP("时间"),
        QT_TR_NOOP("人员"),
        QT_TR_NOOP("操作"),
        QT_TR_NOOP("项目"),
        QT_TR_NOOP("变更"),
    )

    def __init__(
        self, trail: AuditQueries, table: str, record_id: int, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.trail = trail
        self.setWindowTitle(self.tr("修改记录 — {0}").format(title))
        self.resize(980, 560)
        self.table_name = table
        self.record_id = record_id

        self.heading = QLabel(
            self.tr("<b>{0}</b> 的全部修改与查看记录(按时间先后,来自审计记录,不可更改)").format(title)
        )
        self.heading.setWordWrap(True)
        self.table = make_table(
            [self.tr(c) for c in self.COLUMNS],
            stretch=4,
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
            wrap=True,
        )
        self.empty = QLabel(self.tr("没有记录。"))
        self.empty.setStyleSheet(f"color: {MUTED_TEXT};")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        rows = self.trail.history(self.table_name, self.record_id)
        reader = self.trail.reader()
        self.table.setRowCount(len(rows))
        for r, entry in enumerate(rows):
            change = describe_change(entry, reader)
            values = (
                f"{entry.at:%Y-%m-%d %H:%M}",
                term(entry.actor),
                action_words(entry.action),
                self.tr(field_label(entry.field, entry.table)) if entry.field else "",
                change,
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 4:
                    item.setToolTip(describe_change(entry, reader, full=True)[:2000])
                if entry.action in audit.ACCESS_ACTIONS:
                    item.setBackground(QBrush(_ACCESS_COLOUR))
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not rows)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        # Rows measured again at the width the change column has once shown (wrapped text).
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def row_texts(self) -> list[list[str]]:
        """What the table shows, row by row (for tests and copying)."""
        return [
            [item.text() if (item := self.table.item(r, c)) else "" for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]
