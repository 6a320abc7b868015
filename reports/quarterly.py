"""The quarterly 客户投诉与回访分析报告: the quarter's figures beside the previous quarter's.

Every figure comes from `app.stats` (a `Comparison`); this module only lays them out:
key figures, 《回访统计表》, complaint analysis, handling, the cases flagged for corrective
action (不合格项纠正和预防措施), the visitors, the manager's measures and the definitions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app import domain, rates
from app.i18n import N_, term, tr
from app.rates import PARETO_CUT, pareto, percent, satisfaction_rate, share, visit_rate, vital_few
from app.stats import DEFINITIONS, NOT_JUDGED, UNASSIGNED, Comparison, Group, PeriodStats, Timing
from reports import charts
from reports.base import SHADE, Report, for_language, grid_table, head_cell, is_cjk, text
from reports.fonts import register

WIDTH = 180 * mm
DASH = "—"


def _two_counts(a: int, b: int) -> list[str]:
    """本期, 上期 and the change of a count, as the overview's rows show them."""
    return [str(a), str(b), change(a, b)]


WARN = colors.HexColor("#fbe9e7")

# Notes on the figures this report derives itself, printed after `app.stats.DEFINITIONS`.
REPORT_NOTES = [
    N_("满意率:很满意与满意的回访次数 ÷ 本期完成的回访次数。"),
    N_("投诉率:本期受理的投诉件数 ÷ 户数(房号数),表中按每百户计。"),
    N_("变化:本期减上期;比率的变化以百分点计。"),
]


def hours(value: float | None) -> str:
    return DASH if value is None else f"{value:.1f}"


def change(current: float | None, previous: float | None, *, unit: str = "", digits: int = 0) -> str:
    """'+3', '−1.5 小时', '持平'; a rate's change is given in 百分点 by the caller."""
    diff = rates.change(current, previous, digits)
    if diff is None:
        return DASH
    if diff == 0:
        return tr("持平")
    sign = "+" if diff > 0 else "−"
    number = f"{abs(diff):.{digits}f}"
    return f"{sign}{number}{unit}"


def kinds_of(*stats: PeriodStats) -> list[str]:
    """The fixed kinds first, then any other kind found in the data (stored words: show them
    with term())."""
    extra = sorted({k for s in stats for k in [*s.visit_stats, *s.cases_received]} - set(domain.KINDS))
    return [*domain.KINDS, *extra]


class QuarterlyReport(Report):
    """《客户投诉与回访分析报告》 for a quarter (or any period), with the previous one beside it."""

    def __init__(self, office_name: str, data: Comparison, generated: dt.date | None = None) -> None:
        super().__init__(office_name)
        self.data = data
        self.generated = generated or dt.date.today()
        self.title = tr("{period} 客户投诉与回访分析报告", period=data.current.period.title)
        font = register()
        self.styles["h2"] = ParagraphStyle(
            "h2k",
            parent=self.styles["h2"],
            fontSize=13,
            leading=18,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=True,
        )
        self.styles["h3"] = ParagraphStyle(
            "h3",
            fontName=font,
            fontSize=10.5,
            leading=15,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=True,
            textColor=colors.HexColor("#1f3f5f"),
        )
        self.styles["cover_office"] = ParagraphStyle(
            "cover_office", fontName=font, fontSize=14, leading=20, alignment=1, spaceBefore=6
        )

    # Helpers --------------------------------------------------------------------------
    @property
    def cur(self) -> PeriodStats:
        return self.data.current

    @property
    def prev(self) -> PeriodStats:
        return self.data.previous

    def h2(self, title: str) -> Paragraph:
        return Paragraph(title, self.styles["h2"])

    def h3(self, title: str) -> Paragraph:
        return Paragraph(title, self.styles["h3"])

    def note(self, value: str) -> Flowable:
        return text(value, 9.5)

    def table(
        self,
        rows: list[list[Any]],
        widths: Sequence[float],
        *,
        numeric_from: int = 1,
        style: list[Any] | None = None,
        header_rows: int = 1,
    ) -> Table:
        """A grid with a shaded, repeated header and numbers aligned right."""
        commands: list[Any] = (
            [("ALIGN", (numeric_from, header_rows), (-1, -1), "RIGHT")] if numeric_from >= 0 else []
        )
        scale = WIDTH / sum(widths)
        return grid_table(
            rows, [w * scale for w in widths], header_rows=header_rows, style=commands + (style or [])
        )

    def nothing(self, value: str = "") -> Flowable:
        return self.note(value or tr("本期无。"))

    def head(self, cells: list[str]) -> list[Any]:
        """A table's header row: as is in Chinese; in English (longer words) wrapped paragraphs."""
        return [head_cell(c, self.styles["head_en"]) for c in cells]

    @staticmethod
    def widths(chinese: list[float], english: list[float]) -> list[float]:
        """A table's column widths: the English ones give room to its longer words."""
        return for_language(chinese, english)

    def name_cell(self, value: str, size: float = 9.5) -> Any:
        """A row's name in the first column: wrapped in English, where names run longer."""
        return value if is_cjk() else text(value, size)

    # The story -------------------------------------------------------------------------
    def _story(self) -> list[Flowable]:
        story: list[Flowable] = self._cover()
        for section in (
            self._overview,
            self._visit_table,
            self._complaints,
            self._handling,
            self._flags,
            self._visitors,
            self._measures,
            self._notes,
        ):
            story += section()
        return story

    def _cover(self) -> list[Flowable]:
        cur, prev = self.cur.period, self.prev.period
        if cur.through is not None:
            # Not over yet: up to the report's day, against the same days of the period before.
            compared = tr(
                "对比期间:{period}同期前 {days} 天({start} 至 {end})",
                period=prev.label,
                days=prev.days,
                start=f"{prev.start:%Y-%m-%d}",
                end=f"{prev.last_day:%Y-%m-%d}",
            )
        else:
            compared = tr(
                "对比期间:{period}({start} 至 {end})",
                period=prev.label,
                start=f"{prev.start:%Y-%m-%d}",
                end=f"{prev.last_day:%Y-%m-%d}",
            )
        lines = [
            tr("统计期间:{range}    {compared}", range=cur.range_text, compared=compared),
            tr("生成日期:{date}", date=f"{self.generated:%Y-%m-%d}"),
        ]
        if self.data.archived_at:
            lines[-1] += tr("    改进措施存档:{at}", at=f"{self.data.archived_at:%Y-%m-%d %H:%M}")
        out: list[Flowable] = [
            Paragraph(self.office_name, self.styles["cover_office"]),
            Paragraph(self.title, self.styles["title"]),
        ]
        out += [Paragraph(line, self.styles["subtitle"]) for line in lines]
        out.append(Spacer(1, 2 * mm))
        out.append(self._headline())
        return out

    def _headline(self) -> Flowable:
        """Four key figures in boxes under the title."""
        s = self.cur
        figures = [
            (
                tr("受理件数"),
                str(sum(s.cases_received.values())),
                tr("上期 {value}", value=sum(self.prev.cases_received.values())),
            ),
            (
                tr("办结率"),
                percent(s.resolution_rate),
                tr("上期 {value}", value=percent(self.prev.resolution_rate)),
            ),
            (
                tr("回访满意率"),
                percent(satisfaction_rate(s.satisfaction)),
                tr("上期 {value}", value=percent(satisfaction_rate(self.prev.satisfaction))),
            ),
            (tr("逾期件数"), str(s.overdue), tr("上期 {value}", value=self.prev.overdue)),
        ]
        font = register()
        big = ParagraphStyle("big", fontName=font, fontSize=16, leading=20, alignment=1)
        small = ParagraphStyle(
            "smallc",
            fontName=font,
            fontSize=8.5,
            leading=11,
            alignment=1,
            textColor=colors.HexColor("#555555"),
        )
        cells = [
            [
                [Paragraph(label, small), Paragraph(value, big), Paragraph(before, small)]
                for label, value, before in figures
            ]
        ]
        table = Table(cells, colWidths=[WIDTH / 4] * 4)
        table.setStyle(
            _style(
                [
                    ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#333333")),
                    ("INNERGRID", (0, 0), (-1, -1), 0.6, colors.HexColor("#333333")),
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f6f8fa")),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        return table

    # 一、概况 --------------------------------------------------------------------------------
    def _overview(self) -> list[Flowable]:
        s, p = self.cur, self.prev
        header = [tr("指标"), *(x.period.title.replace("(", "\n(") for x in (s, p)), tr("变化")]
        rows: list[list[Any]] = [self.head(header)]
        points, hours_unit = tr(" 个百分点"), tr(" 小时")
        kinds = kinds_of(s, p)
        for kind in kinds:
            a, b = s.cases_received.get(kind, 0), p.cases_received.get(kind, 0)
            rows.append([tr("受理件数·{kind}", kind=term(kind)), str(a), str(b), change(a, b)])
        total_a, total_b = sum(s.cases_received.values()), sum(p.cases_received.values())
        rows.append([tr("受理件数·合计"), str(total_a), str(total_b), change(total_a, total_b)])
        first_total_row = len(rows) - 1
        rows.append(
            [
                tr("办结率"),
                percent(s.resolution_rate),
                percent(p.resolution_rate),
                change(100 * s.resolution_rate, 100 * p.resolution_rate, unit=points, digits=1),
            ]
        )
        rows.append([tr("逾期件数"), str(s.overdue), str(p.overdue), change(s.overdue, p.overdue)])
        late_a, late_b = sum(s.late_first_replies.values()), sum(p.late_first_replies.values())
        rows.append([tr("首次回复超时件数"), str(late_a), str(late_b), change(late_a, late_b)])
        rows.append(
            [
                self.name_cell(tr("明确答复超时件数(重大投诉)")),
                *_two_counts(len(s.late_clear_answers), len(p.late_clear_answers)),
            ]
        )
        for median, p90, attr in (
            (tr("首次响应时间·中位数(小时)"), tr("首次响应时间·P90(小时)"), "response_time"),
            (tr("办结时间·中位数(小时)"), tr("办结时间·P90(小时)"), "resolution_time"),
        ):
            a_t: Timing = getattr(s, attr)
            b_t: Timing = getattr(p, attr)
            rows.append(
                [
                    self.name_cell(median),
                    hours(a_t.median_hours),
                    hours(b_t.median_hours),
                    change(a_t.median_hours, b_t.median_hours, unit=hours_unit, digits=1),
                ]
            )
            rows.append(
                [
                    self.name_cell(p90),
                    hours(a_t.p90_hours),
                    hours(b_t.p90_hours),
                    change(a_t.p90_hours, b_t.p90_hours, unit=hours_unit, digits=1),
                ]
            )
        rows.append(
            [tr("延期次数"), str(s.extensions), str(p.extensions), change(s.extensions, p.extensions)]
        )
        rows.append([tr("户数"), str(s.households), str(p.households), change(s.households, p.households)])
        rows.append(
            [
                tr("投诉率(件/百户)"),
                f"{100 * s.complaint_rate:.2f}",
                f"{100 * p.complaint_rate:.2f}",
                change(100 * s.complaint_rate, 100 * p.complaint_rate, digits=2),
            ]
        )
        sat_a, sat_b = satisfaction_rate(s.satisfaction), satisfaction_rate(p.satisfaction)
        rows.append(
            [
                tr("回访满意率"),
                percent(sat_a),
                percent(sat_b),
                change(
                    None if sat_a is None else 100 * sat_a,
                    None if sat_b is None else 100 * sat_b,
                    unit=points,
                    digits=1,
                ),
            ]
        )
        style = [("BACKGROUND", (0, first_total_row), (-1, first_total_row), colors.HexColor("#f6f8fa"))]
        chart = charts.grouped_bars(
            [term(k) for k in kinds],
            {
                s.period.title: [float(s.cases_received.get(k, 0)) for k in kinds],
                p.period.title: [float(p.cases_received.get(k, 0)) for k in kinds],
            },
            tr("各性质受理件数:本期与上期"),
            height=62 * mm,
        )
        return [
            self.h2(tr("一、概况")),
            self.table(rows, [70, 40, 40, 30], style=style),
            Spacer(1, 3 * mm),
            KeepTogether([chart]),
        ]

    # 二、回访统计表 --------------------------------------------------------------------------
    def _visit_table(self) -> list[Flowable]:
        s, p = self.cur, self.prev
        rows: list[list[Any]] = [
            self.head(
                [
                    tr("性质"),
                    tr("处理\n宗数"),
                    tr("匿名"),
                    tr("只要求\n书面答复"),
                    tr("联系不上\n/拒访"),
                    tr("未到期"),
                    tr("取消\n回访"),
                    tr("应回访\n宗数"),
                    tr("回访\n宗数"),
                    tr("回访率"),
                    tr("目标"),
                    tr("达标"),
                    tr("上期\n回访率"),
                ]
            )
        ]
        met_col = 11
        style: list[Any] = [("ALIGN", (met_col, 1), (met_col, -1), "CENTER")]
        totals = [0] * 8  # handled, anonymous, written, unreachable, not due, cancelled, due, visited
        late: list[str] = []
        for kind in kinds_of(s, p):
            k = s.visit_stats.get(kind)
            if k is None:
                continue
            before = p.visit_stats.get(kind)
            counts = [
                k.handled,
                k.anonymous,
                k.written_reply,
                k.unreachable,
                k.not_due,
                k.cancelled,
                k.due,
                k.visited,
            ]
            totals = [a + b for a, b in zip(totals, counts, strict=True)]
            late += k.late_cases
            met = DASH if k.met is None else (tr("达标") if k.met else tr("未达标"))
            if k.met is False:
                style.append(("BACKGROUND", (met_col, len(rows)), (met_col, len(rows)), WARN))
            rows.append(
                [
                    self.name_cell(term(kind), 9),
                    *(str(n) for n in counts),
                    percent(visit_rate(k.visited, k.due)),
                    percent(k.target, 0) if k.target else tr("不要求"),
                    met,
                    percent(visit_rate(before.visited, before.due)) if before else DASH,
                ]
            )
        due, visited = totals[6], totals[7]
        rows.append([tr("合计"), *(str(n) for n in totals), percent(visit_rate(visited, due)), "", "", ""])
        style.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.HexColor("#f6f8fa")))
        out: list[Flowable] = [
            self.h2(tr("二、回访统计表")),
            self.table(
                rows,
                self.widths(
                    [20, 14, 12, 18, 18, 14, 12, 16, 14, 18, 16, 14, 18],
                    [22, 15, 16, 16, 17, 12, 15, 14, 13, 15, 13, 11, 16],  # English: longer kinds and words
                ),
                style=style,
            ),
        ]
        if self.cur.period.through is not None:
            out.append(
                self.note(
                    tr(
                        "本期尚未结束,统计截至 {date};回访期限在此日及以后的计入“未到期”。",
                        date=f"{self.cur.period.through:%Y-%m-%d}",
                    )
                )
            )
        out.append(
            self.note(
                tr(
                    "应访未访 {count} 件(回访期限已过仍未回访):{cases}。",
                    count=len(late),
                    cases=tr("、").join(late),
                )
                if late
                else tr("应访未访:无,应回访的案件均已回访。")
            )
        )

        # Satisfaction: a table and the pie beside it.
        out.append(self.h3(tr("满意度分布(本期完成的回访,每次计一次)")))
        total_a, total_b = sum(s.satisfaction.values()), sum(p.satisfaction.values())
        sat_rows: list[list[Any]] = [
            self.head([tr("满意程度"), tr("本期"), tr("占比"), tr("上期"), tr("占比")])
        ]
        for level in domain.SATISFACTION:
            a, b = s.satisfaction.get(level, 0), p.satisfaction.get(level, 0)
            sat_rows.append(
                [
                    self.name_cell(term(level, "satisfaction"), 9),
                    str(a),
                    percent(share(a, total_a)),
                    str(b),
                    percent(share(b, total_b)),
                ]
            )
        sat_rows.append([tr("合计"), str(total_a), "", str(total_b), ""])
        left = 80 * mm
        sat_table = grid_table(
            sat_rows,
            [w * mm for w in self.widths([18, 14, 17, 14, 17], [26, 12, 14, 13, 14])],
            header_rows=1,
            style=[("ALIGN", (1, 1), (-1, -1), "RIGHT")],
        )
        pie = charts.pie(
            [(term(lv, "satisfaction"), s.satisfaction.get(lv, 0)) for lv in domain.SATISFACTION],
            tr("本期满意度"),
            width=WIDTH - left,
            height=52 * mm,
        )
        pair = Table([[sat_table, pie]], colWidths=[left, WIDTH - left])
        pair.setStyle(
            _style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        out.append(pair)

        out.append(self.h3(tr("不满意回访({count} 次)", count=len(s.unsatisfied))))
        if not s.unsatisfied:
            out.append(self.nothing(tr("本期无不满意回访。")))
        else:
            rows = [
                self.head(
                    [
                        tr("回访日期"),
                        tr("案件编号"),
                        tr("房号"),
                        tr("满意程度"),
                        tr("第几次"),
                        tr("回访人"),
                        tr("业主意见"),
                    ]
                )
            ]
            for u in s.unsatisfied:
                rows.append(
                    [
                        u["date"],
                        u["case"] or DASH,
                        u["room"] or DASH,
                        self.name_cell(term(u["satisfaction"], "satisfaction"), 9),
                        str(u["attempt"]),
                        u["visitor"] or DASH,
                        text(u["opinion"] or DASH, 9),
                    ]
                )
            out.append(
                self.table(
                    rows,
                    self.widths([20, 27, 19, 17, 12, 17, 48], [20, 27, 19, 19, 14, 17, 44]),
                    numeric_from=-1,
                    style=[("ALIGN", (4, 1), (4, -1), "CENTER")],
                )
            )
        return out

    # 三、投诉分析 ------------------------------------------------------------------------------
    def _complaints(self) -> list[Flowable]:
        s, p = self.cur, self.prev
        out: list[Flowable] = []
        total = sum(n for _, n in s.complaints_by_category)
        before = dict(p.complaints_by_category)
        out.append(
            KeepTogether(
                [
                    self.h2(tr("三、投诉分析")),
                    self.h3(tr("1. 按类别(本期受理投诉 {count} 件)", count=total)),
                    charts.pareto(
                        [(term(c), n) for c, n in s.complaints_by_category],
                        tr("投诉类别排列图(柏拉图)"),
                        height=78 * mm,
                    ),
                ]
            )
        )
        if s.complaints_by_category:
            out.append(self.note(_vital_few(s.complaints_by_category)))
            rows: list[list[Any]] = [
                self.head(
                    [
                        tr("序号"),
                        tr("类别"),
                        tr("件数"),
                        tr("占比"),
                        tr("累计占比"),
                        tr("上期件数"),
                        tr("变化"),
                    ]
                )
            ]
            for i, row in enumerate(pareto(s.complaints_by_category), 1):
                rows.append(
                    [
                        str(i),
                        text(term(row.name), 9),
                        str(row.count),
                        percent(row.share),
                        percent(row.cumulative),
                        str(before.get(row.name, 0)),
                        change(row.count, before.get(row.name, 0)),
                    ]
                )
            for category, n in p.complaints_by_category:
                if category not in dict(s.complaints_by_category):
                    rows.append(["", text(term(category), 9), "0", percent(0), "", str(n), change(0, n)])
            out.append(Spacer(1, 2 * mm))
            out.append(
                self.table(
                    rows,
                    [12, 44, 20, 20, 22, 22, 20],
                    numeric_from=2,
                    style=[("ALIGN", (0, 1), (0, -1), "CENTER")],
                )
            )

        out.append(self.h3(tr("2. 按有效性与程度")))
        validity_names = [*domain.VALIDITY_LABELS.values(), NOT_JUDGED]
        validity_names += sorted(
            (set(s.complaints_by_validity) | set(p.complaints_by_validity)) - set(validity_names)
        )
        v_rows: list[list[Any]] = [self.head([tr("有效性"), tr("本期"), tr("上期")])]
        for name in validity_names:
            a, b = s.complaints_by_validity.get(name, 0), p.complaints_by_validity.get(name, 0)
            if a or b or name != NOT_JUDGED:
                v_rows.append([self.name_cell(term(name), 9), str(a), str(b)])
        sev_rows: list[list[Any]] = [self.head([tr("程度"), tr("本期"), tr("上期")])]
        for name in [*domain.SEVERITIES, *sorted(set(s.complaints_by_severity) - set(domain.SEVERITIES))]:
            sev_rows.append(
                [
                    self.name_cell(term(name), 9),
                    str(s.complaints_by_severity.get(name, 0)),
                    str(p.complaints_by_severity.get(name, 0)),
                ]
            )
        half = (WIDTH - 8 * mm) / 2
        v_table = grid_table(
            v_rows,
            [half * 0.5, half * 0.25, half * 0.25],
            header_rows=1,
            style=[("ALIGN", (1, 1), (-1, -1), "RIGHT")],
        )
        s_table = grid_table(
            sev_rows,
            [half * 0.5, half * 0.25, half * 0.25],
            header_rows=1,
            style=[("ALIGN", (1, 1), (-1, -1), "RIGHT")],
        )
        pair = Table([[v_table, "", s_table]], colWidths=[half, 8 * mm, half])
        pair.setStyle(
            _style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        out.append(pair)
        if s.referrals is not None and (s.referrals.letters or (p.referrals and p.referrals.letters)):
            dev, dev_before = s.referrals, p.referrals.referred if p.referrals else 0
            out.append(  # H22: 二类 cases forwarded to the developer in writing (seed 001)
                self.note(
                    tr(
                        "转交开发商(工作联系函):本期 {referred} 件(上期 {before} 件),联系函 {letters} 份,"
                        "已发出 {sent} 份,开发商已回复 {answered} 份,逾期未回复 {overdue} 份。",
                        referred=dev.referred,
                        before=dev_before,
                        letters=dev.letters,
                        sent=dev.sent,
                        answered=dev.answered,
                        overdue=dev.overdue,
                    )
                )
            )

        buildings = [(_building(b), n) for b, n in s.complaints_by_building]
        out.append(
            KeepTogether(
                [
                    self.h3(tr("3. 按楼栋")),
                    charts.bar(buildings, tr("各楼栋投诉件数(匿名及无房号的不计)"), height=62 * mm),
                ]
            )
        )

        out.append(self.h3(tr("4. 按被投诉部门/人员")))
        if not s.complaints_by_party:
            out.append(self.nothing(tr("本期投诉未填写被投诉方。")))
        else:
            party_before = dict(p.complaints_by_party)
            party_total = sum(n for _, n in s.complaints_by_party)
            rows = [self.head([tr("被投诉部门/人员"), tr("件数"), tr("占比"), tr("上期件数")])]
            for party, n in s.complaints_by_party:
                rows.append(
                    [text(party, 9), str(n), percent(n / party_total), str(party_before.get(party, 0))]
                )
            out.append(self.table(rows, [80, 30, 30, 30]))

        out.append(self.h3(tr("5. 典型案例({count} 件)", count=len(s.typical_cases))))
        if not s.typical_cases:
            out.append(self.nothing(tr("本期未标记典型案例。")))
        for case in s.typical_cases:
            label = 24 * mm
            kind, category = term(case.get("kind", "")), term(case.get("category", ""))
            rows = [
                [self.name_cell(tr("案件编号"), 9), f"{case.get('case', '')}    {kind}·{category}"],
                [self.name_cell(tr("投诉内容"), 9), text(case.get("account", "") or DASH, 9.5)],
                [self.name_cell(tr("处理结果"), 9), text(case.get("result", "") or tr("尚未办结"), 9.5)],
                [self.name_cell(tr("案例点评"), 9), text(case.get("note", "") or DASH, 9.5)],
            ]
            block = grid_table(
                rows,
                [label, WIDTH - label],
                style=[("BACKGROUND", (0, 0), (0, -1), SHADE), ("ALIGN", (0, 0), (0, -1), "CENTER")],
            )
            out += [KeepTogether([block]), Spacer(1, 3 * mm)]
        return out

    # 四、处理情况 ------------------------------------------------------------------------------
    def _handling(self) -> list[Flowable]:
        s, p = self.cur, self.prev
        rows: list[list[Any]] = [
            self.head(
                [
                    tr("时间(小时)"),
                    tr("本期中位数"),
                    tr("本期 P90"),
                    tr("本期件数"),
                    tr("上期中位数"),
                    tr("上期 P90"),
                    tr("上期件数"),
                ]
            ),
        ]
        for name, a, b in (
            (tr("首次响应"), s.response_time, p.response_time),
            (tr("办结"), s.resolution_time, p.resolution_time),
        ):
            rows.append(
                [
                    self.name_cell(name, 9),
                    hours(a.median_hours),
                    hours(a.p90_hours),
                    str(a.count),
                    hours(b.median_hours),
                    hours(b.p90_hours),
                    str(b.count),
                ]
            )
        received = sum(s.cases_received.values())
        out: list[Flowable] = [
            self.h2(tr("四、处理情况")),
            self.table(rows, [28, 22, 22, 20, 22, 22, 20]),
            Spacer(1, 2 * mm),
        ]
        share = tr(",占受理件数的 {share}", share=percent(s.overdue / received)) if received else ""
        out.append(
            self.note(
                tr(
                    "本期受理 {received} 件,期末前办结率 {rate};逾期 {overdue} 件{share}"
                    "(上期 {overdue_before} 件);办理期间申请延期 {extensions} 次(上期 {extensions_before} 次)。",
                    received=received,
                    rate=percent(s.resolution_rate),
                    overdue=s.overdue,
                    share=share,
                    overdue_before=p.overdue,
                    extensions=s.extensions,
                    extensions_before=p.extensions,
                )
            )
        )
        out.append(self.h3(tr("逾期案件({count} 件)", count=s.overdue)))
        if not s.overdue_cases:
            out.append(self.nothing(tr("本期无逾期案件。")))
        else:
            out.append(_number_grid(s.overdue_cases))
        # 首次回复超时 (办结 is not a first reply) and the major complaints' 明确答复 late.
        late, late_p = len(s.late_first_reply_cases), sum(p.late_first_replies.values())
        rate = s.late_first_reply_rate
        rate_words = tr(",占应回复的 {share}", share=percent(rate)) if rate is not None else ""
        out.append(
            self.h3(
                tr(
                    "首次回复超时({count} 件{share};上期 {before} 件)",
                    count=late,
                    share=rate_words,
                    before=late_p,
                )
            )
        )
        if not s.late_first_reply_cases:
            out.append(self.nothing(tr("本期首次回复均在时限内。")))
        else:
            out.append(_number_grid(s.late_first_reply_cases))
        out.append(
            self.h3(
                tr(
                    "重大投诉明确答复超时({count} 件;上期 {before} 件)",
                    count=len(s.late_clear_answers),
                    before=len(p.late_clear_answers),
                )
            )
        )
        if not s.late_clear_answers:
            out.append(self.nothing(tr("本期重大投诉均在时限内明确答复。")))
        else:
            out.append(_number_grid(s.late_clear_answers))
        return out

    # 五、不合格项纠正和预防措施 --------------------------------------------------------------------
    def _flags(self) -> list[Flowable]:
        s = self.cur
        out: list[Flowable] = [self.h2(tr("五、不合格项纠正和预防措施"))]
        out.append(self.note(tr("下列事项须逐项分析原因,由责任部门填写纠正和预防措施,经理审核。")))
        out.append(self.h3(tr("1. 回访不满意({count} 次)", count=len(s.unsatisfied))))
        if not s.unsatisfied:
            out.append(self.nothing())
        else:
            rows: list[list[Any]] = [
                self.head(
                    [
                        tr("序号"),
                        tr("案件编号"),
                        tr("房号"),
                        tr("满意程度"),
                        tr("回访日期"),
                        tr("纠正和预防措施"),
                    ]
                )
            ]
            for i, u in enumerate(s.unsatisfied, 1):
                level = self.name_cell(term(u["satisfaction"], "satisfaction"), 9)
                rows.append([str(i), u["case"] or DASH, u["room"] or DASH, level, u["date"], ""])
            out.append(self._flag_table(rows, [12, 30, 22, 20, 24, 72]))
        for title, groups in (
            (
                tr("2. 重复投诉(同一房号同一类别 2 次及以上):{count} 组", count=len(s.repeat_complaints)),
                s.repeat_complaints,
            ),
            (
                tr("3. 重复维修(同一房号、类别、细类 3 次及以上):{count} 组", count=len(s.repeat_repairs)),
                s.repeat_repairs,
            ),
        ):
            out.append(self.h3(title))
            out.append(self._group_table(groups) if groups else self.nothing())
        return out

    def _group_table(self, groups: list[Group]) -> Table:
        rows: list[list[Any]] = [
            self.head([tr("序号"), tr("房号"), tr("类别"), tr("次数"), tr("案件编号"), tr("纠正和预防措施")])
        ]
        for i, g in enumerate(groups, 1):
            rows.append(
                [str(i), g.room, text(g.shown_item, 9), str(g.count), text("\n".join(g.cases), 9), ""]
            )
        return self._flag_table(rows, [12, 22, 38, 12, 34, 62])  # 类别·细类 on one line (H25)

    def _flag_table(self, rows: list[list[Any]], widths: list[float]) -> Table:
        # Roomy rows: the measures column is written by hand.
        scale = WIDTH / sum(widths)
        return grid_table(
            rows,
            [w * scale for w in widths],
            header_rows=1,
            style=[
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (3, 1), (3, -1), "CENTER"),
                ("TOPPADDING", (0, 1), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 7),
            ],
        )

    # 六、回访人员 -------------------------------------------------------------------------------
    def _visitors(self) -> list[Flowable]:
        s = self.cur
        out: list[Flowable] = [self.h2(tr("六、回访人员"))]
        if not s.visitors:
            return [*out, self.nothing(tr("本期无回访安排。"))]
        rows: list[list[Any]] = [
            self.head([tr("回访人"), tr("岗位"), tr("计划回访"), tr("已完成"), tr("逾期未访"), tr("不满意")])
        ]
        for v in s.visitors:
            name = term(v.name) if v.name == UNASSIGNED else v.name
            role = self.name_cell(term(v.role), 9) if v.role else DASH
            rows.append([name, role, str(v.planned), str(v.done), str(v.overdue), str(v.unsatisfied)])
        rows.append(
            [
                tr("合计"),
                "",
                *[
                    str(sum(getattr(v, a) for v in s.visitors))
                    for a in ("planned", "done", "overdue", "unsatisfied")
                ],
            ]
        )
        style = [("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.HexColor("#f6f8fa"))]
        out.append(self.table(rows, [34, 34, 28, 28, 28, 28], numeric_from=2, style=style))
        out.append(Spacer(1, 1.5 * mm))
        out.append(
            Paragraph(
                tr("计划回访:期限在本期内的回访;已完成、不满意:本期内完成的回访;逾期未访:期限已过仍未回访。"),
                self.styles["small"],
            )
        )
        out.extend(self._role_rates())
        return out

    def _role_rates(self) -> list[Flowable]:
        """各角色回访率 against the policy's targets (H24, app/role_rates.py)."""
        roles = self.cur.role_visits.roles if self.cur.role_visits is not None else []
        if not roles:
            return []
        rows: list[list[Any]] = [
            self.head(
                [
                    tr("制度称谓"),
                    tr("角色"),
                    tr("性质"),
                    tr("参与回访"),
                    tr("基数"),
                    tr("回访率"),
                    tr("目标"),
                    tr("结论"),
                ]
            )
        ]
        for r in roles:
            verdict = {True: tr("达标"), False: tr("未达标"), None: DASH}[r.met]
            base = (
                tr("{count}(应回访)", count=r.base_count)
                if r.base == "due"
                else tr("{count}(已回访)", count=r.base_count)
            )
            rate = DASH if r.rate is None else f"{r.rate:.1%}"
            kinds = tr("、").join(term(k) for k in r.kinds) or tr("全部")
            rows.append(
                [
                    text(term(r.label), 9),
                    text(term(r.role_name), 9),
                    text(kinds, 9),
                    str(r.visited),
                    text(base, 9),
                    rate,
                    f"≥{r.target:.0%}",
                    verdict,
                ]
            )
        return [
            Spacer(1, 3 * mm),
            self.h3(tr("各角色回访率")),
            self.table(rows, [24, 24, 18, 18, 26, 18, 16, 18], numeric_from=3),
            Spacer(1, 1.5 * mm),
            Paragraph(
                tr(
                    "参与回访:本期办结并已回访的案件中,该角色人员作为回访人(含两人同时回访)的件数;"
                    "基数按回访制度为应回访宗数或已回访宗数。"
                ),
                self.styles["small"],
            ),
        ]

    # 七、改进措施 -------------------------------------------------------------------------------
    def _measures(self) -> list[Flowable]:
        out: list[Flowable] = [CondPageBreak(60 * mm), self.h2(tr("七、改进措施"))]
        measures = self.data.measures.strip()
        if measures:
            box = Table([[text(measures, 10)]], colWidths=[WIDTH])
            box.setStyle(
                _style(
                    [
                        ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#333333")),
                        ("TOPPADDING", (0, 0), (-1, -1), 6),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                        ("LEFTPADDING", (0, 0), (-1, -1), 6),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                    ]
                )
            )
            out.append(box)
        else:
            out.append(self.note(tr("(由管理处经理填写)")))
            ruled = Table([[""] for _ in range(10)], colWidths=[WIDTH], rowHeights=[9 * mm] * 10)
            ruled.setStyle(_style([("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.HexColor("#888888"))]))
            out.append(ruled)
        out.append(Spacer(1, 8 * mm))
        signed, dated = tr("经理签名:"), tr("日期:")
        font = register()
        widths = [max(22 * mm, stringWidth(signed, font, 10) + 8), 60 * mm]
        widths += [max(14 * mm, stringWidth(dated, font, 10) + 8), 40 * mm]
        sign = Table([[signed, "", dated, ""]], colWidths=widths, hAlign="RIGHT")
        sign.setStyle(
            _style(
                [
                    ("FONTNAME", (0, 0), (-1, -1), register()),
                    ("FONTSIZE", (0, 0), (-1, -1), 10),
                    ("LINEBELOW", (1, 0), (1, 0), 0.5, colors.black),
                    ("LINEBELOW", (3, 0), (3, 0), 0.5, colors.black),
                ]
            )
        )
        out.append(sign)
        return out

    # 八、说明 -------------------------------------------------------------------------------
    def _notes(self) -> list[Flowable]:
        out: list[Flowable] = [self.h2(tr("八、说明"))]
        for i, definition in enumerate([*DEFINITIONS, *REPORT_NOTES], 1):
            out.append(text(f"{i}. {tr(definition)}", 8.5))
            out.append(Spacer(1, 1 * mm))
        return [KeepTogether(out)]


def _vital_few(categories: list[tuple[str, int]]) -> str:
    """The sentence naming the categories that make up the first 80% (the Pareto "vital few")."""
    few = vital_few(pareto(categories))
    return tr(
        "累计占比达到 {cut} 的类别:{names}(共 {count} 类,{cases} 件,占 {share}),应作为下季度改进的重点。",
        cut=f"{PARETO_CUT:.0%}",
        names=tr("、").join(term(r.name) for r in few),
        count=len(few),
        cases=few[-1].cumulative_count,
        share=percent(few[-1].cumulative),
    )


def _building(name: str) -> str:
    """A building as the chart names it: 3栋 (Building 3); an office's own 3座 or 紫荆阁 as typed."""
    return name if not name or name.endswith(("栋", "座", "幢")) else tr("{building}栋", building=name)


def _number_grid(numbers: Sequence[str], columns: int = 5) -> Table:
    """Case numbers in a compact grid, read row by row."""
    rows = [list(numbers[i : i + columns]) for i in range(0, len(numbers), columns)]
    rows[-1] += [""] * (columns - len(rows[-1]))
    table = Table(rows, colWidths=[WIDTH / columns] * columns)
    table.setStyle(
        _style(
            [
                ("FONTNAME", (0, 0), (-1, -1), register()),
                ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _style(commands: list[Any]) -> TableStyle:
    """A table style that sets the CJK font first, so no cell falls back to Helvetica."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), register()), *commands])
