"""《顾客满意度调查报告》 (seed 001 篇3 §4.5.2), as PDF and as an Excel workbook.

The report has the fixed parts the procedure asks for: 调查情况简介, 调查分析方法, 公司总体情况
分析, 各单项服务满意度分析, 各单项服务满意度横向对比分析 (subjects, buildings, the previous
survey, a Pareto chart of dissatisfaction), the importance/satisfaction quadrant (四分图:
优势区、修补区、机会区、维持区), 开放性问题统计 and 调查总结. Every figure comes from
`app.survey.compute_results`; nothing is computed here but the words around it.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from app import survey
from app.domain import SATISFACTION
from app.i18n import N_, term, tr
from reports import charts
from reports.base import Report, for_language, grid_table, head_cell
from reports.fonts import register

ZONE_WORDS = {  # shown through tr()
    survey.ZONE_ADVANTAGE: N_("重要且满意,继续保持"),
    survey.ZONE_FIX: N_("重要但不满意,首先改进(列入纠正措施)"),
    survey.ZONE_OPPORTUNITY: N_("不太重要也不太满意,有余力时改进"),
    survey.ZONE_MAINTAIN: N_("不太重要但满意,维持现状"),
}


ITEM = N_("项目", "survey")  # a questionnaire's item (调查项目), shown with term(ITEM, "survey")


def _levels() -> list[str]:
    """The five satisfaction levels (stored words) in the chosen language."""
    return [term(level, "satisfaction") for level in SATISFACTION]


def _num(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def quadrant(
    points: list[survey.QuadrantPoint], source: str, width: float = 170 * mm, height: float = 105 * mm
) -> Drawing:
    """The 四分图: importance across, satisfaction up, split at the means of the subjects."""
    title = tr("重要性—满意度四分图")
    if len(points) < 2:
        return charts.empty(title, width)
    font = register()
    d = Drawing(width, height)
    d.add(String(width / 2, height - 12, title, fontName=font, fontSize=10, textAnchor="middle"))
    left, bottom, right, top = 36, 26, width - 12, height - 22
    xs = [p.importance for p in points]
    ys = [p.satisfaction for p in points]
    pad_x = (max(xs) - min(xs)) * 0.12 or 0.1
    pad_y = (max(ys) - min(ys)) * 0.12 or 0.1
    x0, x1 = min(xs) - pad_x, max(xs) + pad_x
    y0, y1 = min(ys) - pad_y, max(ys) + pad_y
    mid_x, mid_y = sum(xs) / len(xs), sum(ys) / len(ys)

    def at(x: float, y: float) -> tuple[float, float]:
        return left + (x - x0) / (x1 - x0) * (right - left), bottom + (y - y0) / (y1 - y0) * (top - bottom)

    d.add(
        Rect(
            left, bottom, right - left, top - bottom, fillColor=None, strokeColor=charts.AXIS, strokeWidth=0.6
        )
    )
    mx, my = at(mid_x, mid_y)
    for line in (Line(mx, bottom, mx, top), Line(left, my, right, my)):
        line.strokeColor, line.strokeDashArray, line.strokeWidth = charts.MUTED, [3, 2], 0.6
        d.add(line)
    corner = dict(fontName=font, fontSize=9, fillColor=colors.HexColor("#888888"))
    d.add(String(right - 4, top - 11, term(survey.ZONE_ADVANTAGE), textAnchor="end", **corner))
    d.add(String(left + 4, top - 11, term(survey.ZONE_MAINTAIN), **corner))
    d.add(String(right - 4, bottom + 4, term(survey.ZONE_FIX), textAnchor="end", **corner))
    d.add(String(left + 4, bottom + 4, term(survey.ZONE_OPPORTUNITY), **corner))
    for p in points:
        x, y = at(p.importance, p.satisfaction)
        colour = charts.LINE if p.zone == survey.ZONE_FIX else charts.BAR
        d.add(Circle(x, y, 2.6, fillColor=colour, strokeColor=colour))
        d.add(String(x + 4, y + 3, term(p.title), fontName=font, fontSize=7.5, fillColor=charts.INK))
    axis = tr("重要性(与总体情况的相关系数)") if source == "derived" else tr("重要性(业主评定,平均分)")
    d.add(
        String(
            (left + right) / 2, 8, axis, fontName=font, fontSize=8, textAnchor="middle", fillColor=charts.INK
        )
    )
    label = Group(
        String(
            0, 0, tr("满意度(平均分)"), fontName=font, fontSize=8, textAnchor="middle", fillColor=charts.INK
        )
    )
    label.transform = (0, 1, -1, 0, 12, (bottom + top) / 2)  # turned a quarter, along the axis
    d.add(label)
    d.add(String(left, bottom - 10, _num(x0), fontName=font, fontSize=7, fillColor=charts.MUTED))
    d.add(
        String(
            right, bottom - 10, _num(x1), fontName=font, fontSize=7, textAnchor="end", fillColor=charts.MUTED
        )
    )
    d.add(
        String(
            left - 3, bottom, _num(y0), fontName=font, fontSize=7, textAnchor="end", fillColor=charts.MUTED
        )
    )
    d.add(
        String(
            left - 3, top - 7, _num(y1), fontName=font, fontSize=7, textAnchor="end", fillColor=charts.MUTED
        )
    )
    return d


def summary_text(r: survey.SurveyResults) -> str:
    """A first 调查总结 from the figures, for the leader to edit (kept on the plan)."""
    parts = [
        tr(
            "本次调查发放调查表 {sheets} 份,收回 {returned} 份,回收率 {recovery}",
            sheets=r.sheets,
            returned=r.returned,
            recovery=f"{r.recovery:.1f}%",
        )
    ]
    parts[-1] += (
        tr("(达到目标)。")
        if r.recovery >= r.target
        else tr("(未达到 {target} 的目标)。", target=f"{r.target:.0f}%")
    )
    if r.overall is not None and r.overall.average is not None:
        parts.append(
            tr(
                "总体情况平均 {average} 分,满意率 {share}。",
                average=f"{r.overall.average:.2f}",
                share=f"{_num(r.overall.satisfied, 1)}%",
            )
        )
    rated = [s for s in r.subjects if s.average is not None and (r.overall is None or s.key != r.overall.key)]
    if rated:
        best = max(rated, key=lambda s: s.average or 0)
        worst = min(rated, key=lambda s: s.average or 0)
        parts.append(
            tr(
                "满意度最高的是“{best}”({best_average} 分),最低的是“{worst}”({worst_average} 分)。",
                best=term(best.title),
                best_average=f"{best.average:.2f}",
                worst=term(worst.title),
                worst_average=f"{worst.average:.2f}",
            )
        )
    fix = [term(q.title) for q in r.quadrant if q.zone == survey.ZONE_FIX]
    if fix:
        parts.append(tr("处于修补区、需要首先改进的项目:{items},已列入纠正措施。", items=tr("、").join(fix)))
    return "".join(parts)


class SurveyReport(Report):
    title = "顾客满意度调查报告"

    def __init__(
        self,
        office_name: str,
        plan: survey.SurveyPlan,
        results: survey.SurveyResults,
        actions: Iterable[survey.SurveyAction] = (),
    ) -> None:
        super().__init__(office_name)
        self.title = tr("顾客满意度调查报告")  # the running header's, in the chosen language
        self.plan = plan
        self.r = results
        self.actions = list(actions)

    def _p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(text.replace("\n", "<br/>"), self.styles[style])

    def _h(self, text: str) -> list[Flowable]:
        return [CondPageBreak(40 * mm), Paragraph(text, self.styles["h2"])]

    def _story(self) -> list[Flowable]:
        r, plan = self.r, self.plan
        out: list[Flowable] = self.heading(
            tr("《{title}》", title=self.title), f"{r.plan_title}    {r.period}"
        )
        out += self._h(tr("一、调查情况简介"))
        sample = (
            tr("全面普查,每户一份")
            if r.kind == survey.CENSUS
            else (
                tr("抽样调查,抽取 {count} 户", count=plan.sample_size)
                if plan.sample_size
                else tr("抽样调查,抽样比例 {rate}", rate=f"{plan.sample_rate:g}%")
            )
        )
        reached = tr("已达到") if r.recovery >= r.target else tr("未达到")
        rows = [
            [
                tr("调查时间"),
                r.period,
                tr("调查方式"),
                tr("{method};{sample}", method=term(r.method), sample=sample),
            ],
            [tr("参加部门"), plan.departments or "—", tr("调查组长"), plan.leader or "—"],
            [
                tr("调查人员"),
                plan.members or "—",
                tr("批准"),
                f"{plan.approved_by} {plan.approved_at:%Y-%m-%d}" if plan.approved_at else "—",
            ],
            [tr("发放份数"), str(r.sheets), tr("收回份数"), str(r.returned)],
            [
                tr("回收率"),
                f"{r.recovery:.1f}%",
                tr("回收率目标"),
                tr("{target}({reached})", target=f"{r.target:g}%", reached=reached),
            ],
        ]
        out.append(
            grid_table(
                [[self._p(c, "cell") for c in row] for row in rows],
                [w * mm for w in for_language([24, 66, 24, 66], [32, 58, 32, 58])],
            )
        )
        out += self._h(tr("二、调查分析方法"))
        method = tr(
            "每个项目按“很满意、满意、一般、不满意、很不满意”五级评价,依次记 5、4、3、2、1 分;"
            "平均分为答了该项的调查表的平均;满意率 =(很满意 + 满意)÷ 答了该项的份数。"
            "各项目对比用柱状图,不满意(不满意 + 很不满意)的份数用排列图(帕累托图)找出主要问题。"
        )
        if r.importance_source == "stated":
            method += tr("四分图的重要性由业主在调查表上评定(很重要 5 分 … 不重要 1 分),取平均分。")
        elif r.importance_source == "derived":
            method += tr(
                "调查表没有请业主评定重要性,四分图的重要性由各项目得分与“总体情况”得分的相关系数推算:"
                "相关越强,说明该项目对业主的总体评价影响越大。"
            )
        method += tr(
            "四分图以各项目重要性和满意度的平均值分成四个区:{zones}。",
            zones=tr(";").join(
                tr("{zone}——{words}", zone=term(z), words=tr(w)) for z, w in ZONE_WORDS.items()
            ),
        )
        if r.pending_review:
            method += tr("另有 {count} 处答案尚待核对或录入,未计入本报告。", count=r.pending_review)
        out.append(self._p(method))

        out += self._h(tr("三、公司总体情况分析"))
        if r.overall is not None and r.overall.average is not None:
            o = r.overall
            overall = tr(
                "总体情况平均 {average} 分,满意率 {share}(共 {answered} 份作答);全部单项平均 {mean} 分。",
                average=f"{o.average:.2f}",
                share=f"{_num(o.satisfied, 1)}%",
                answered=o.answered,
                mean=_num(r.mean_score),
            )
            if o.previous is not None:
                overall += tr(
                    "上次调查(“{title}”)总体情况 {average} 分。",
                    title=r.previous_title,
                    average=f"{o.previous:.2f}",
                )
            out.append(self._p(overall))
            out.append(
                KeepTogether(
                    [
                        charts.bar(
                            list(zip(_levels(), o.counts, strict=True)),
                            tr("总体情况评价分布(份)"),
                            height=55 * mm,
                        )
                    ]
                )
            )
        else:
            out.append(self._p(tr("没有“总体情况”的有效答案。")))

        out += self._h(tr("四、各单项服务满意度分析"))
        head = [term(ITEM, "survey"), tr("作答")] + _levels() + [tr("平均分"), tr("满意率"), tr("上次")]
        table: list[list[Any]] = [
            [c if i < 1 else head_cell(c, self.styles["head_en"]) for i, c in enumerate(head)]
        ]
        for s in r.subjects:
            table.append(
                [term(s.title), str(s.answered)]
                + [str(c) for c in s.counts]
                + [
                    _num(s.average),
                    _num(s.satisfied, 1) + ("%" if s.satisfied is not None else ""),
                    _num(s.previous),
                ]
            )
        widths = [
            w * mm
            for w in for_language(
                [38, 12, 14, 14, 14, 14, 14, 16, 16, 14], [34, 16, 15, 15, 14, 16, 17, 17, 18, 18]
            )
        ]
        out.append(
            grid_table(
                [[self._p(c, "cell") if i == 0 else c for i, c in enumerate(row)] for row in table],
                widths,
                header_rows=1,
                style=[("ALIGN", (1, 1), (-1, -1), "CENTER"), ("FONTSIZE", (0, 0), (-1, -1), 8.5)],
            )
        )

        out += self._h(tr("五、各单项服务满意度横向对比分析"))
        scored = [s for s in r.subjects if s.average is not None]
        out.append(
            KeepTogether(
                [
                    charts.bar(
                        [(term(s.title), s.average or 0) for s in scored],
                        tr("各项目平均分"),
                        fmt=lambda v: f"{v:.2f}",
                    )
                ]
            )
        )
        out.append(Spacer(1, 3 * mm))
        out.append(
            KeepTogether(
                [
                    charts.bar(
                        [(term(s.title), s.satisfied or 0) for s in scored],
                        tr("各项目满意率"),
                        fmt=charts.percent_format,
                    )
                ]
            )
        )
        if any(s.previous is not None for s in scored):
            out.append(Spacer(1, 3 * mm))
            out.append(KeepTogether([charts.grouped_bars(
                [term(s.title) for s in scored],
                {tr("本次"): [s.average or 0 for s in scored], tr("上次"): [s.previous or 0 for s in scored]},
                tr("与上次调查对比(平均分)"),
                fmt=lambda v: f"{v:.2f}",
            )]))  # fmt: skip
        out.append(Spacer(1, 3 * mm))
        out.append(
            KeepTogether(
                [
                    charts.pareto(
                        [(term(s.title), s.dissatisfied) for s in r.subjects],
                        tr("不满意排列图(不满意 + 很不满意 份数)"),
                    )
                ]
            )
        )
        if r.buildings:
            out += [Spacer(1, 3 * mm), self._p(tr("各楼栋平均分:"))]
            shown = [s for s in r.subjects if s.average is not None][:8]
            table = [[tr("楼栋"), tr("份数")] + [term(s.title) for s in shown]]
            for b, values in r.buildings.items():
                table.append([b, str(r.building_counts.get(b, 0))] + [_num(values.get(s.key)) for s in shown])
            width = (180 * mm - 30 * mm) / max(1, len(shown))
            out.append(
                grid_table(
                    [[self._p(c, "cell") for c in row] for row in table],
                    [16 * mm, 14 * mm] + [width] * len(shown),
                    header_rows=1,
                )
            )

        out += self._h(tr("六、重要性—满意度四分图"))
        out.append(KeepTogether([quadrant(r.quadrant, r.importance_source)]))
        if r.quadrant:
            table = [[tr("区"), term(ITEM, "survey"), tr("说明")]]
            for zone, words in ZONE_WORDS.items():
                names = [term(q.title) for q in r.quadrant if q.zone == zone]
                table.append([term(zone), tr("、").join(names) or "—", tr(words)])
            out.append(
                grid_table(
                    [[self._p(c, "cell") for c in row] for row in table],
                    [w * mm for w in for_language([20, 90, 70], [30, 80, 70])],
                    header_rows=1,
                )
            )

        if r.choices:
            out += self._h(tr("七、其他调查项目"))
            for title, tally in r.choices:
                shown_tally = [(term(label), n) for label, n in tally]
                out.append(KeepTogether([charts.bar(shown_tally, term(title), height=50 * mm)]))
        out += self._h(tr("八、开放性问题统计"))
        if r.open_answers:
            for group, items in sorted(r.open_answers.items(), key=lambda x: -len(x[1])):
                out.append(self._p(tr("{group}({count} 条)", group=term(group), count=len(items)), "h2"))
                same = Counter(text for _, text in items)  # the same words from several owners, once
                for text, n in same.most_common(40):
                    out.append(self._p(f"· {text}" + (tr("({count} 人)", count=n) if n > 1 else ""), "cell"))
                if len(same) > 40:
                    more = tr("……另有 {count} 种意见,见 Excel 的“开放意见”。", count=len(same) - 40)
                    out.append(self._p(more, "small"))
        else:
            out.append(self._p(tr("没有收到书面意见。")))
        out += self._h(tr("九、调查总结"))
        out.append(self._p(plan.summary.strip() or summary_text(r)))
        if self.actions:
            out.append(Spacer(1, 2 * mm))
            table = [[term(ITEM, "survey"), tr("纠正措施"), tr("责任人"), tr("期限"), tr("状态")]]
            for a in self.actions:
                table.append(
                    [
                        term(a.title),
                        a.result or a.measure,
                        a.responsible or "—",
                        f"{a.due:%Y-%m-%d}" if a.due else "—",
                        term(a.state),
                    ]
                )
            out.append(
                grid_table(
                    [[self._p(c, "cell") for c in row] for row in table],
                    [30 * mm, 86 * mm, 22 * mm, 24 * mm, 18 * mm],
                    header_rows=1,
                )
            )
        out += [
            Spacer(1, 10 * mm),
            self._p(
                tr("调查组长:____________    品质管理部经理审核:____________    管理者代表审批:____________")
            ),
        ]
        return out


def workbook(plan: survey.SurveyPlan, results: survey.SurveyResults) -> bytes:
    """The same figures as a workbook: 汇总, 明细 (one row per sheet), 楼栋, 四分图, 开放意见."""
    r = results
    book = Workbook()
    bold = Font(bold=True)
    shade = PatternFill("solid", fgColor="EEF2F5")

    def header(sheet: Any, values: list[str]) -> None:
        sheet.append(values)
        for cell in sheet[sheet.max_row]:
            cell.font, cell.fill = bold, shade
            cell.alignment = Alignment(horizontal="center", wrap_text=True)

    summary = book.active
    summary.title = tr("汇总")
    summary.append([r.plan_title, r.period, term(r.kind), term(r.method)])
    summary.append(
        [
            tr("发放"),
            r.sheets,
            tr("收回"),
            r.returned,
            tr("回收率%"),
            round(r.recovery, 1),
            tr("目标%"),
            r.target,
        ]
    )
    summary.append([])
    header(
        summary,
        [term(ITEM, "survey"), tr("作答")]
        + _levels()
        + [tr("平均分"), tr("满意率%"), tr("上次平均分"), tr("重要性")],
    )
    for s in r.subjects:
        summary.append(
            [term(s.title), s.answered, *s.counts, s.average, s.satisfied, s.previous, s.importance]
        )
    summary.column_dimensions["A"].width = 24

    detail = book.create_sheet(tr("明细"))
    form = plan.form()
    questions = survey.plan_questions(plan)
    opens = [(o.key, o.title) for o in form.open]
    header(
        detail,
        [tr("编号"), tr("楼栋"), tr("房号"), tr("方式")]
        + [term(t) for _, t, _, _ in questions]
        + [term(t) for _, t in opens],
    )
    for sheet, answers in survey.iter_answer_rows(plan):
        row: list[Any] = [sheet.number, sheet.building, sheet.room_label, term(sheet.method)]
        for key, _, options, _ in questions:
            value = answers.get(key, "")
            row.append(
                tr("、").join(
                    term(options[int(i)], "satisfaction")
                    for i in value.split(",")
                    if i.isdigit() and int(i) < len(options)
                )
            )
        row += [answers.get(k, "") for k, _ in opens]
        detail.append(row)

    buildings = book.create_sheet(tr("楼栋"))
    header(buildings, [tr("楼栋"), tr("份数")] + [term(s.title) for s in r.subjects])
    for b, values in r.buildings.items():
        buildings.append([b, r.building_counts.get(b, 0)] + [values.get(s.key) for s in r.subjects])

    quad = book.create_sheet(tr("四分图"))
    source = tr("业主评定") if r.importance_source == "stated" else tr("与总体情况的相关系数")
    quad.append([tr("重要性来源"), source])
    header(quad, [term(ITEM, "survey"), tr("重要性"), tr("满意度(平均分)"), tr("区")])
    for q in r.quadrant:
        quad.append([term(q.title), q.importance, q.satisfaction, term(q.zone)])

    remarks = book.create_sheet(tr("开放意见"))
    header(remarks, [tr("分类"), tr("问题"), tr("意见")])
    for group, items in r.open_answers.items():
        for title, text in items:
            remarks.append([term(group), term(title), text])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
