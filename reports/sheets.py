"""The other printed sheets: 《回访记录签收表》, 《顾客投诉处理记录表》 and the 工作联系单."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.printdata import ComplaintRecordData, DispatchSlipData, LedgerRow
from reports.base import SHADE, Report, grid_table, text
from reports.labels import SOURCE_LANGUAGE
from reports.visit_form import when

WIDTH = 180 * mm


class FormLedgerReport(Report):
    """《回访记录签收表》: serial, form number, taken by, visit item, visits, remarks, returned, checked."""

    title = "回访记录签收表"
    landscape = True

    def __init__(
        self, office_name: str, rows: list[LedgerRow], period: str = "", language: str = SOURCE_LANGUAGE
    ) -> None:
        super().__init__(office_name, language)
        self.rows = rows
        self.period = period

    def _story(self) -> list[Flowable]:
        header = [
            "序号",
            "表单编号",
            "领用人",
            "领用时间",
            "回访事项",
            "回访次数",
            "状态",
            "交回时间",
            "核对人",
            "备注",
        ]
        rows: list[list[Any]] = [[self.cell_label(h) for h in header]]
        for r in self.rows:
            rows.append(
                [
                    str(r.serial),
                    r.number,
                    r.taken_by,
                    when(r.taken_at, "%Y-%m-%d"),
                    text(r.visit_item, 9),
                    str(r.visit_count),
                    r.state,
                    when(r.returned_at, "%Y-%m-%d"),
                    r.checked_by,
                    text(r.remarks, 9),
                ]
            )
        widths = [12 * mm, 32 * mm, 20 * mm, 23 * mm, 55 * mm, 16 * mm, 16 * mm, 23 * mm, 20 * mm, 50 * mm]
        subtitle = self.label("{0}  {1}  共 {2} 份").format(self.office_name, self.period, len(self.rows))
        return [
            *self.heading(self.label("回访记录签收表"), subtitle),
            Spacer(1, 4 * mm),
            grid_table(rows, widths, header_rows=1),
        ]


def _pairs(rows: list[tuple[str, Any, str, Any]]) -> list[list[Any]]:
    return [[a, b, c, d] if c else [a, b, "", ""] for a, b, c, d in rows]


def _form_table(rows: list[tuple[str, Any, str, Any]]) -> Flowable:
    label = 26 * mm
    value = (WIDTH - 2 * label) / 2
    cells = _pairs(rows)
    spans = [("SPAN", (1, i), (3, i)) for i, r in enumerate(rows) if not r[2]]
    shade = [("BACKGROUND", (0, 0), (0, -1), SHADE), ("ALIGN", (0, 0), (0, -1), "CENTER")]
    shade += [("BACKGROUND", (2, i), (2, i), SHADE) for i, r in enumerate(rows) if r[2]]
    shade += [("ALIGN", (2, i), (2, i), "CENTER") for i, r in enumerate(rows) if r[2]]
    return grid_table(cells, [label, value, label, value], style=spans + shade)


class ComplaintRecordReport(Report):
    """《顾客投诉处理记录表》 for a case open more than one working day (seed 001)."""

    title = "顾客投诉处理记录表"

    def __init__(self, office_name: str, data: ComplaintRecordData, language: str = SOURCE_LANGUAGE) -> None:
        super().__init__(office_name, language)
        self.data = data

    def _story(self) -> list[Flowable]:
        d = self.data
        rows: list[tuple[str, Any, str, Any]] = [
            ("编号", d.number, "受理时间", when(d.received_at)),
            ("客户", d.customer, "房号", d.room),
            ("联系电话", d.phone, "受理渠道", d.channel),
            ("性质", f"{d.kind} {d.validity}".strip(), "程度", d.severity),
            ("类别", d.category, "被投诉方", d.party),
            ("事发时间地点", d.event, "", ""),
            ("投诉内容", text(d.account), "", ""),
            ("客户要求", text(d.request), "", ""),
            ("责任部门", d.department, "状态", d.state),
            ("首次回复期限", when(d.response_due), "办结期限", when(d.resolve_due)),
            ("延期", text("\n".join(d.extensions) or self.label("无")), "", ""),
            ("处理结果", text(d.result or "\n\n"), "", ""),
            ("办结时间", when(d.resolved_at), "", ""),
            ("回访", text("\n".join(d.visits) or self.label("尚无")), "", ""),
        ]
        title = self.heading(self.label("顾客投诉处理记录表"))
        story: list[Flowable] = [*title, Spacer(1, 4 * mm), _form_table(self._labelled(rows))]
        story.append(Paragraph(self.label("处理经过"), self.styles["h2"]))
        timeline: list[list[Any]] = [[self.cell_label(h) for h in ("时间", "事项", "内容", "经办人")]]
        for at, kind, body, who in d.timeline:
            timeline.append([when(at), kind, text(body), who])
        story.append(grid_table(timeline, [32 * mm, 22 * mm, 104 * mm, 22 * mm], header_rows=1))
        story.append(Spacer(1, 6 * mm))
        story.append(
            _form_table(self._labelled([("经办人签名", "", "日期", ""), ("主管审核", "", "日期", "")]))
        )
        return story

    def _labelled(self, rows: list[tuple[str, Any, str, Any]]) -> list[tuple[Any, Any, Any, Any]]:
        return [(self.cell_label(a), b, self.cell_label(c) if c else "", d) for a, b, c, d in rows]


class DispatchSlipReport(Report):
    """工作联系单 (派工单): what the department is asked to do, and its sign-for."""

    title = "工作联系单"

    def __init__(
        self, office_name: str, slips: list[DispatchSlipData], language: str = SOURCE_LANGUAGE
    ) -> None:
        super().__init__(office_name, language)
        self.slips = slips

    def _story(self) -> list[Flowable]:
        from reportlab.platypus import PageBreak

        story: list[Flowable] = []
        for i, d in enumerate(self.slips):
            if i:
                story.append(PageBreak())
            rows: list[tuple[str, Any, str, Any]] = [
                ("联系单号", d.number, "案件编号", d.case_number),
                ("接收部门", d.department, "指派人员", d.assignee),
                ("派工时间", when(d.dispatched_at), "完成期限", when(d.due)),
                ("房号", d.room, "客户", d.customer),
                ("联系电话", d.phone, "紧急程度", d.urgency),
                ("事项", f"{d.kind}·{d.category}", "", ""),
                ("内容", text(d.account), "", ""),
                ("客户要求", text(d.request), "", ""),
                ("派工说明", text(d.instructions), "", ""),
                ("签收人", d.signed_by, "签收时间", when(d.signed_at)),
                ("处理结果", text(d.outcome or "\n\n\n"), "", ""),
                ("完成时间", when(d.finished_at), "验收人", ""),
            ]
            labelled = [(self.cell_label(a), b, self.cell_label(c) if c else "", e) for a, b, c, e in rows]
            story += [
                *self.heading(self.label("工作联系单"), self.office_name),
                Spacer(1, 4 * mm),
                _form_table(labelled),
            ]
            if not d.outcome:
                story.append(Spacer(1, 2 * mm))
                story.append(
                    Paragraph(self.label("处理结果请如实填写,完成后交回客服中心。"), self.styles["small"])
                )
        return story
