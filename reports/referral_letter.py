"""工作联系函: a developer-caused (二类) case written to the developer's customer centre (seed 001:
涉及地产的投诉以书面形式报送地产客户服务中心). One A4 page: the number, to whom, the date, the
case's facts as the office may disclose them (the caller's phone masked unless the policy
says otherwise; never an ID number), what the office asks, the reply's due date, boxes for
the handler's signature and the centre's stamp, and the developer's 回复 box to fill in."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from app.referrals import ReferralLetterData
from reports.base import SIGN_HEIGHT, lines, text
from reports.labels import labels
from reports.sheets import _FormSheet
from reports.visit_form import when

# The letter's own fixed words (the shared ones come from reports/labels.py).
EN: dict[str, str] = {
    "工作联系函": "Letter of referral",
    "联系函编号": "Letter no.",
    "致": "To",
    "发函日期": "Date",
    "发出方式": "Sent by",
    "案件编号": "Case no.",
    "受理时间": "Received",
    "房号": "Unit",
    "业主/客户": "Owner / customer",
    "联系电话": "Phone",
    "性质": "Nature",
    "类别": "Category",
    "事发时间地点": "Time and place",
    "投诉内容": "What happened",
    "客户要求": "Customer's request",
    "联系事项": "What we ask",
    "回复期限": "Reply by",
    "请于 {0} 前书面回复本中心。": "Please reply to our centre in writing by {0}.",
    "请于收函后 {0} 个工作日内书面回复本中心。": "Please reply to our centre in writing within {0} working days.",
    "请于收函后 {0} 日内书面回复本中心。": "Please reply to our centre in writing within {0} days.",
    "收函后 {0} 个工作日内": "Within {0} working days",
    "收函后 {0} 日内": "Within {0} days",
    "经办人": "Handled by",
    "服务中心(盖章)": "Service centre (stamp)",
    "日期": "Date",
    "开发商回复": "Developer's reply",
    "回复人签名": "Replied by",
    "开发商(盖章)": "Developer (stamp)",
    "此函涉及业主个人信息,仅用于处理本事项,请妥善保管。": (
        "This letter holds an owner's personal data: use it only for this matter and keep it safe."
    ),
    "匿名": "Anonymous",
    "送达": "By hand",
    "邮寄": "Post",
    "电子邮件": "Email",
}
ZH_TW: dict[str, str] = {
    "工作联系函": "工作聯繫函",
    "联系函编号": "聯繫函編號",
    "致": "致",
    "发函日期": "發函日期",
    "发出方式": "發出方式",
    "案件编号": "案件編號",
    "受理时间": "受理時間",
    "房号": "房號",
    "业主/客户": "業主/客戶",
    "联系电话": "聯絡電話",
    "性质": "性質",
    "类别": "類別",
    "事发时间地点": "事發時間地點",
    "投诉内容": "投訴內容",
    "客户要求": "客戶要求",
    "联系事项": "聯繫事項",
    "回复期限": "回覆期限",
    "请于 {0} 前书面回复本中心。": "請於 {0} 前書面回覆本中心。",
    "请于收函后 {0} 个工作日内书面回复本中心。": "請於收函後 {0} 個工作日內書面回覆本中心。",
    "请于收函后 {0} 日内书面回复本中心。": "請於收函後 {0} 日內書面回覆本中心。",
    "收函后 {0} 个工作日内": "收函後 {0} 個工作日內",
    "收函后 {0} 日内": "收函後 {0} 日內",
    "经办人": "經辦人",
    "服务中心(盖章)": "服務中心(蓋章)",
    "日期": "日期",
    "开发商回复": "開發商回覆",
    "回复人签名": "回覆人簽名",
    "开发商(盖章)": "開發商(蓋章)",
    "此函涉及业主个人信息,仅用于处理本事项,请妥善保管。": "此函涉及業主個人資訊,僅用於處理本事項,請妥善保管。",
    "匿名": "匿名",
    "送达": "送達",
    "邮寄": "郵寄",
    "电子邮件": "電子郵件",
}
STAMP_HEIGHT = 28 * mm  # room for a round company seal


def letter_labels(language: str) -> Callable[[str], str]:
    """The letter's words in `language`: its own table first, then the forms' shared one."""
    own = {"zh_TW": ZH_TW, "en": EN}.get(language, {})
    shared = labels(language)
    return lambda source: own.get(source) or shared(source)


class ReferralLetterReport(_FormSheet):
    """工作联系函 (helper H22): one page per letter."""

    title = "工作联系函"

    def __init__(self, office_name: str, data: ReferralLetterData, language: str | None = None) -> None:
        super().__init__(office_name, language)
        self.label = letter_labels(self.language)
        self.data = data

    def _reply_rule(self) -> tuple[str, str]:
        """(the due cell, the sentence under the facts)."""
        d = self.data
        if d.reply_due is not None:
            day = when(d.reply_due, "%Y-%m-%d")
            return day, self.label("请于 {0} 前书面回复本中心。").format(day)
        working = d.reply_unit == "working"
        cell = self.label("收函后 {0} 个工作日内" if working else "收函后 {0} 日内").format(d.reply_days)
        sentence = self.label(
            "请于收函后 {0} 个工作日内书面回复本中心。" if working else "请于收函后 {0} 日内书面回复本中心。"
        ).format(d.reply_days)
        return cell, sentence

    def _story(self) -> list[Flowable]:
        d = self.data
        due_cell, due_sentence = self._reply_rule()
        customer = self.label("匿名") if d.customer == "匿名" else d.customer
        nature = " · ".join(self.stored(p) for p in (d.kind, d.validity) if p)
        head: list[tuple[str, Any, str, Any, float]] = [
            ("联系函编号", d.number, "发函日期", when(d.sent_at or d.made_at, "%Y-%m-%d"), 0),
            ("致", d.to_whom, "", "", 0),
        ]
        if d.method:
            head.append(("发出方式", self.label(d.method), "回复期限", due_cell, 0))
        else:
            head.append(("回复期限", due_cell, "", "", 0))
        facts: list[tuple[str, Any, str, Any, float]] = [
            ("案件编号", d.case_number, "受理时间", when(d.received_at), 0),
            ("房号", d.room, "业主/客户", customer, 0),
            ("联系电话", d.phone, "类别", self.stored(d.category), 0),
            ("性质", nature, "", "", 0),
            ("事发时间地点", d.event, "", "", 0 if d.event else 8 * mm),
            ("投诉内容", text(d.account), "", "", 0),
            ("客户要求", text(d.request) if d.request else lines("", 1), "", "", 0),
            ("联系事项", text(d.content), "", "", 14 * mm),
        ]
        guide = self.date_guide()
        signatures: list[tuple[str, Any, str, Any, float]] = [
            ("经办人", d.made_by, "日期", when(d.sent_at or d.made_at, "%Y-%m-%d"), SIGN_HEIGHT),
            ("服务中心(盖章)", "", "日期", guide, STAMP_HEIGHT),
        ]
        reply_text = text(d.reply_text) if d.reply_text else lines("", 4)
        reply: list[tuple[str, Any, str, Any, float]] = [
            ("开发商回复", reply_text, "", "", 0),
            ("回复人签名", "", "日期", when(d.replied_at, "%Y-%m-%d") or guide, SIGN_HEIGHT),
            ("开发商(盖章)", "", "日期", guide, STAMP_HEIGHT),
        ]
        return [
            *self.heading(self.label("工作联系函"), self.office_name),
            Spacer(1, 3 * mm),
            self._table(head),
            Spacer(1, 3 * mm),
            self._table(facts),
            Spacer(1, 2 * mm),
            Paragraph(due_sentence, self.styles["body"]),
            Spacer(1, 3 * mm),
            KeepTogether([self._table(signatures)]),
            Spacer(1, 4 * mm),
            KeepTogether([self._table(reply)]),
            Spacer(1, 2 * mm),
            Paragraph(self.label("此函涉及业主个人信息,仅用于处理本事项,请妥善保管。"), self.styles["small"]),
        ]
