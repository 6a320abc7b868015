"""The other printed sheets: 《回访记录签收表》, 《顾客投诉处理记录表》 and the 工作联系单."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from app.cases.shown import shown_event_text
from app.printdata import ComplaintRecordData, DispatchSlipData, LedgerRow
from reports.base import SHADE, SIGN_HEIGHT, WRITE_HEIGHT, Report, grid_table, lines, ruled_cells, text
from reports.visit_form import when

WIDTH = 180 * mm


class FormLedgerReport(Report):
    """《回访记录签收表》 (seed 000 4.2): serial, form number, taken by and their signature, visit
    item, number of the visit, returned with a signature, checked by, remarks.

    Rows are tall enough to sign in; the two signature columns stay empty for the pen."""

    title = "回访记录签收表"
    landscape = True
    row_height = 10 * mm

    def __init__(
        self,
        office_name: str,
        rows: list[LedgerRow],
        start: dt.date | None = None,
        end: dt.date | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__(office_name, language)
        self.rows = rows
        self.start = start
        self.end = end

    def period(self) -> str:
        """The date range in the title area: 2026-07-01 至 2026-09-30."""
        if self.start is None and self.end is None:
            return ""
        start = self.start.isoformat() if self.start else "…"
        end = self.end.isoformat() if self.end else "…"
        return self.label("{0} 至 {1}").format(start, end)

    def _story(self) -> list[Flowable]:
        header = [
            "序号",
            "表单编号",
            "领用人",
            "领用人签字",
            "领用时间",
            "回访事项",
            "回访次数",
            "状态",
            "交回时间",
            "交回签字",
            "核对人",
            "备注",
        ]
        rows: list[list[Any]] = [[self.cell_label(h) for h in header]]
        for r in self.rows:
            rows.append(
                [
                    str(r.serial),
                    r.number,
                    text(r.taken_by, 9),
                    "",  # 领用人签字: signed by hand
                    when(r.taken_at, "%Y-%m-%d"),
                    text(r.visit_item, 9),
                    "" if r.visit_count is None else str(r.visit_count),
                    text(self.stored(r.state), 9),
                    when(r.returned_at, "%Y-%m-%d"),
                    "",  # 交回签字: signed by hand
                    text(r.checked_by, 9),
                    text(r.remarks, 8),
                ]
            )
        widths = [m * mm for m in (10, 29, 16, 25, 21, 38, 17, 14, 21, 25, 16, 35)]
        if self.language == "en":  # room for "Returned" and "Cancelled" in the state column
            widths = [m * mm for m in (10, 29, 16, 25, 21, 34, 15, 19, 21, 25, 16, 36)]
        subtitle = " ".join(
            x for x in (self.office_name, self.period(), self.label("共 {0} 份").format(len(self.rows))) if x
        )
        min_heights = [0.0] + [self.row_height] * len(self.rows)
        return [
            *self.heading(self.label("回访记录签收表"), subtitle),
            Spacer(1, 4 * mm),
            grid_table(
                rows,
                widths,
                header_rows=1,
                min_heights=min_heights,
                style=[
                    ("FONTSIZE", (0, 1), (-1, -1), 9),
                    ("ALIGN", (0, 1), (0, -1), "CENTER"),
                    ("ALIGN", (6, 1), (6, -1), "CENTER"),
                ],
            ),
        ]


Row = tuple[Any, Any, Any, Any]  # label, value, second label ("" to span the value), value


def _form_table(rows: list[Row], min_heights: list[float] | None = None) -> Flowable:
    label = 26 * mm
    value = (WIDTH - 2 * label) / 2
    cells = [[a, b, c, d] if c else [a, b, "", ""] for a, b, c, d in rows]
    spans = [("SPAN", (1, i), (3, i)) for i, r in enumerate(rows) if not r[2]]
    shade = [("BACKGROUND", (0, 0), (0, -1), SHADE), ("ALIGN", (0, 0), (0, -1), "CENTER")]
    shade += [("BACKGROUND", (2, i), (2, i), SHADE) for i, r in enumerate(rows) if r[2]]
    shade += [("ALIGN", (2, i), (2, i), "CENTER") for i, r in enumerate(rows) if r[2]]
    return grid_table(
        cells, [label, value, label, value], style=spans + shade + ruled_cells(cells), min_heights=min_heights
    )


class _FormSheet(Report):
    """A one-page sheet of label/value rows; rows filled in by hand get room to write."""

    def _table(self, rows: list[tuple[str, Any, str, Any, float]]) -> Flowable:
        """Rows of (label, value, second label, value, minimum height); labels in the language."""
        labelled: list[Row] = [
            (self.cell_label(a), b, self.cell_label(c) if c else "", d) for a, b, c, d, _ in rows
        ]
        return _form_table(labelled, [r[4] for r in rows])

    def filled(self, value: str) -> float:
        """A one-line field: tall enough to write in when it is empty."""
        return 0.0 if value else WRITE_HEIGHT


class ComplaintRecordReport(_FormSheet):
    """《顾客投诉处理记录表》 for a case open more than one working day (seed 001).

    While the case is open, the result, further handling and the signatures are written by
    hand: ruled lines, empty rows in 处理经过 and empty signature boxes."""

    title = "顾客投诉处理记录表"
    blank_steps = 3  # empty rows under 处理经过 for handwritten steps while the case is open

    def __init__(self, office_name: str, data: ComplaintRecordData, language: str | None = None) -> None:
        super().__init__(office_name, language)
        self.data = data

    def _story(self) -> list[Flowable]:
        d = self.data
        f = self.filled
        rows: list[tuple[str, Any, str, Any, float]] = [
            ("编号", d.number, "受理时间", when(d.received_at), 0),
            ("客户", d.customer, "房号", d.room, 0),
            ("联系电话", d.phone, "受理渠道", self.stored(d.channel), 0),
            (
                "性质",
                f"{self.stored(d.kind)} {self.stored(d.validity)}".strip(),
                "程度",
                self.stored(d.severity),
                0,
            ),
            ("类别", self.stored(d.category), "被投诉方", d.party, f(d.party)),
            ("事发时间地点", d.event, "", "", f(d.event)),
            ("投诉内容", text(d.account), "", "", 0),
            ("客户要求", text(d.request) if d.request else lines("", 1), "", "", 0),
            ("责任部门", d.department, "状态", self.stored(d.state), f(d.department)),
            ("首次回复期限", when(d.response_due), "办结期限", when(d.resolve_due), 0),
            ("延期", text("\n".join(d.extensions) or self.label("无")), "", "", 0),
            ("处理结果", text(d.result) if d.result else lines("", 3), "", "", 0),
            ("办结时间", when(d.resolved_at), "", "", f(when(d.resolved_at))),
            ("回访", text("\n".join(d.visits) or self.label("尚无")), "", "", 0),
        ]
        title = self.heading(self.label("顾客投诉处理记录表"))
        story: list[Flowable] = [*title, Spacer(1, 4 * mm), self._table(rows)]
        story.append(Paragraph(self.label("处理经过"), self.styles["h2"]))
        timeline: list[list[Any]] = [[self.cell_label(h) for h in ("时间", "事项", "内容", "经办人")]]
        for at, kind, body, who in d.timeline:
            # the program's own lines in the chosen language; what people wrote as written
            timeline.append([when(at), text(self.stored(kind), 9), text(shown_event_text(body)), who])
        blank = self.blank_steps if d.resolved_at is None else 0
        timeline += [["", "", "", ""] for _ in range(blank)]
        heights = [0.0] * (len(timeline) - blank) + [WRITE_HEIGHT] * blank
        story.append(
            grid_table(timeline, [32 * mm, 22 * mm, 104 * mm, 22 * mm], header_rows=1, min_heights=heights)
        )
        story.append(Spacer(1, 6 * mm))
        guide = self.date_guide()
        signatures: list[tuple[str, Any, str, Any, float]] = [
            ("经办人签名", "", "日期", guide, SIGN_HEIGHT),
            ("主管审核意见", lines("", 2), "", "", 0),
            ("主管签名", "", "日期", guide, SIGN_HEIGHT),
        ]
        story.append(KeepTogether([self._table(signatures)]))
        return story


class DispatchSlipReport(_FormSheet):
    """工作联系单 (派工单): what the department is asked to do, its sign-for, and what was done.

    完成情况, 用料, 工时 and the owner's confirmation (业主确认签字) are filled in by hand
    where the program has nothing yet; the result already recorded prints on the lines."""

    title = "工作联系单"

    def __init__(self, office_name: str, slips: list[DispatchSlipData], language: str | None = None) -> None:
        super().__init__(office_name, language)
        self.slips = slips

    def _story(self) -> list[Flowable]:
        story: list[Flowable] = []
        guide = self.date_guide()
        f = self.filled
        for i, d in enumerate(self.slips):
            if i:
                story.append(PageBreak())
            signed_at = when(d.signed_at) or guide
            finished_at = when(d.finished_at) or guide
            rows: list[tuple[str, Any, str, Any, float]] = [
                ("联系单号", d.number, "案件编号", d.case_number, 0),
                ("接收部门", d.department, "指派人员", d.assignee, f(d.assignee)),
                ("派工时间", when(d.dispatched_at), "完成期限", when(d.due), 0),
                ("房号", d.room, "客户", d.customer, 0),
                ("联系电话", d.phone, "紧急程度", self.stored(d.urgency, "urgency"), 0),
                ("事项", f"{self.stored(d.kind)}·{self.stored(d.category)}", "", "", 0),
                ("内容", text(d.account), "", "", 0),
                ("客户要求", text(d.request) if d.request else lines("", 1), "", "", 0),
                ("派工说明", text(d.instructions) if d.instructions else lines("", 1), "", "", 0),
                ("签收人", d.signed_by, "签收时间", signed_at, SIGN_HEIGHT if not d.signed_by else 0),
                ("完成情况", lines(d.outcome, 3), "", "", 0),
                ("用料", lines("", 2), "", "", 0),
                ("工时", "", "完成时间", finished_at, WRITE_HEIGHT),
                ("业主确认签字", "", "日期", guide, SIGN_HEIGHT),
                ("验收人", "", "日期", guide, SIGN_HEIGHT),
            ]
            story += [
                *self.heading(self.label("工作联系单"), self.office_name),
                Spacer(1, 4 * mm),
                self._table(rows),
                Spacer(1, 2 * mm),
                Paragraph(
                    self.label("完成情况、用料和工时请如实填写,请业主签字确认后交回客服中心。"),
                    self.styles["small"],
                ),
            ]
        return story
