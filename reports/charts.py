"""Charts for the printed reports: small functions that return a ReportLab `Drawing`.

Every text is set in the bundled CJK font (never Helvetica, which has no Chinese and is
not embedded), and every value is written as a number beside its bar, point or slice, so
a chart still reads when printed in black and white. Empty data gives a "本期无数据" box
instead of an error.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from app import rates
from app.i18n import N_, tr
from reports.fonts import register

WIDTH = 180 * mm
HEIGHT = 70 * mm

INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#666666")
AXIS = colors.HexColor("#444444")
GRIDLINE = colors.HexColor("#dddddd")
# Tones that stay apart when printed in grey; the numbers carry the meaning anyway.
PALETTE = [
    colors.HexColor("#2f5d8a"),
    colors.HexColor("#9bb7d4"),
    colors.HexColor("#d08c3c"),
    colors.HexColor("#5b8c5a"),
    colors.HexColor("#b35656"),
    colors.HexColor("#7d6aa8"),
    colors.HexColor("#c9b458"),
    colors.HexColor("#5fa8a8"),
    colors.HexColor("#8c8c8c"),
    colors.HexColor("#d4a0b8"),
]
BAR = PALETTE[0]
LINE = colors.HexColor("#c0392b")

TITLE_SIZE = 10
LABEL_SIZE = 8
VALUE_SIZE = 7.5
EMPTY_TEXT = N_("本期无数据")  # shown through tr() in the chosen language

Format = Callable[[float], str]


def count_format(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


def percent_format(value: float) -> str:
    """For values already in per cent (0–100)."""
    return f"{value:.0f}%" if value == round(value) else f"{value:.1f}%"


def _drawing(title: str, width: float, height: float) -> Drawing:
    d = Drawing(width, height)
    if title:
        d.add(
            String(
                width / 2,
                height - TITLE_SIZE - 2,
                title,
                fontName=register(),
                fontSize=TITLE_SIZE,
                fillColor=INK,
                textAnchor="middle",
            )
        )
    return d


def empty(title: str, width: float = WIDTH, height: float = 30 * mm) -> Drawing:
    """The box printed where a chart has nothing to show."""
    d = _drawing(title, width, height)
    top = height - (TITLE_SIZE + 8 if title else 4)
    box_h = min(top - 4, 20 * mm)
    box = Rect(
        width * 0.2,
        top - box_h,
        width * 0.6,
        box_h,
        fillColor=colors.HexColor("#f7f7f7"),
        strokeColor=colors.HexColor("#aaaaaa"),
        strokeWidth=0.6,
        strokeDashArray=[3, 2],
    )
    d.add(box)
    d.add(
        String(
            width / 2,
            top - box_h / 2 - 4,
            tr(EMPTY_TEXT),
            fontName=register(),
            fontSize=11,
            fillColor=MUTED,
            textAnchor="middle",
        )
    )
    return d


def _nice_max(value: float, ticks: int = 5, integer: bool = False) -> tuple[float, float]:
    """An axis top at or above `value` and a round step that divides it (a whole step for counts)."""
    if value <= 0:
        return 1.0, 1.0
    raw = value / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    steps = (1, 2, 5, 10) if integer else (1, 2, 2.5, 5, 10)
    step = next(m * magnitude for m in steps if m * magnitude >= raw)
    if integer:
        step = max(1.0, round(step))
    top = math.ceil(value / step - 1e-9) * step
    return top, step


_SEPARATORS = re.compile(r"([/·、,,\s()()]+)")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def label_words(label: str) -> list[str]:
    """A category name cut where a line may break without cutting a word: after a
    separator (安保/|秩序), between spaced words, before an opening bracket, and in a run of
    Chinese characters every two (设施|设备|维护), an odd run keeping its last three
    together (给排水)."""
    words: list[str] = []
    opening = ""
    for part in _SEPARATORS.split(label):
        if not part:
            continue
        if _SEPARATORS.fullmatch(part):
            closing = re.sub(r"[((]+$", "", part)
            if words and closing:
                words[-1] += closing  # a separator stays at the end of its line
            opening += part[len(closing) :]  # an opening bracket goes with the next word
            continue
        pieces: list[str] = []
        pos = 0
        for run in _HAN_RUN.finditer(part):
            if run.start() > pos:
                pieces.append(part[pos : run.start()])
            text = run.group()
            cuts = list(range(0, len(text) - 1, 2)) if len(text) % 2 else list(range(0, len(text), 2))
            pieces += [text[a:b] for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)] or [text]
            pos = run.end()
        if pos < len(part):
            pieces.append(part[pos:])
        if pieces:
            pieces[0] = opening + pieces[0]
            opening = ""
        words += pieces
    if opening:
        words.append(opening)
    return words or [label]


def wrap_words(label: str, fits: Callable[[str], bool], max_lines: int = 3) -> list[str]:
    """The label in at most `max_lines` lines that each `fits`, broken between words; when it
    needs more, the last line ends after a whole word with "…" (never inside a word)."""
    if fits(label):
        return [label]
    lines: list[str] = []
    current = ""
    for word in label_words(label):
        if current and not fits((current + word).rstrip()):
            lines.append(current.rstrip())
            current = ""
        current += word
    lines.append(current.rstrip())
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    last = kept[-1]
    words = label_words(last)
    while len(words) > 1 and not fits("".join(words) + "…"):
        words.pop()
    kept[-1] = re.sub(r"[/·、,,\s]+$", "", "".join(words)) + "…"
    return kept


def _wrap_label(label: str, slot: float, size: float = LABEL_SIZE, max_lines: int = 3) -> str:
    """Break a category name into lines that fit `slot` points, between words."""
    return "\n".join(wrap_words(label, lambda text: stringWidth(text, register(), size) <= slot, max_lines))


def _style_axes(chart: VerticalBarChart | HorizontalLineChart, fmt: Format) -> None:
    font = register()
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -3
    chart.categoryAxis.labels.leading = LABEL_SIZE + 1.5
    chart.categoryAxis.strokeColor = AXIS
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.labelTextFormat = fmt
    chart.valueAxis.strokeColor = AXIS
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRIDLINE
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.valueMin = 0


def _bar_chart(
    d: Drawing,
    categories: list[str],
    data: list[list[float]],
    fmt: Format,
    *,
    left: float,
    right: float,
    bottom: float,
    top: float,
    label_lines: list[str] | None = None,
) -> VerticalBarChart:
    chart = VerticalBarChart()
    chart.x, chart.y = left, bottom
    chart.width, chart.height = d.width - left - right, top - bottom
    chart.data = data
    slot = chart.width / max(len(categories), 1)
    names = [_wrap_label(c, slot - 4) for c in categories]
    if label_lines:
        names = [f"{n}\n{extra}" for n, extra in zip(names, label_lines, strict=True)]
    chart.categoryAxis.categoryNames = names
    peak = max((v for row in data for v in row), default=0)
    whole = all(v == int(v) for row in data for v in row)
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = _nice_max(peak * 1.12 if peak else 1, integer=whole)
    _style_axes(chart, fmt)
    chart.barLabelFormat = fmt
    chart.barLabels.fontName = register()
    chart.barLabels.fontSize = VALUE_SIZE
    chart.barLabels.fillColor = INK
    chart.barLabels.nudge = 6
    chart.barLabels.boxAnchor = "s"
    chart.barLabels.dy = -3
    chart.barSpacing = 1
    chart.groupSpacing = max(4.0, slot * (0.35 if len(data) == 1 else 0.22))
    chart.bars.strokeColor = None
    for i in range(len(data)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
    d.add(chart)
    return chart


def _label_depth(categories: list[str], extra_lines: int = 0) -> float:
    """Points under the axis the (wrapped) category labels take."""
    lines = max((c.count("\n") + 1 for c in categories), default=1) + extra_lines
    return lines * (LABEL_SIZE + 1.5) + 6


def bar(
    items: Sequence[tuple[str, float]],
    title: str,
    *,
    fmt: Format = count_format,
    width: float = WIDTH,
    height: float = HEIGHT,
) -> Drawing:
    """One bar per item, in the order given, each with its value written above it."""
    items = list(items)
    if not items or not any(v for _, v in items):
        return empty(title, width)
    d = _drawing(title, width, height)
    slot = (width - 40) / len(items)
    depth = _label_depth([_wrap_label(c, slot - 4) for c, _ in items])
    _bar_chart(
        d,
        [c for c, _ in items],
        [[float(v) for _, v in items]],
        fmt,
        left=32,
        right=8,
        bottom=depth,
        top=height - TITLE_SIZE - 12,
    )
    return d


def grouped_bars(
    categories: Sequence[str],
    series: dict[str, list[float]],
    title: str,
    *,
    fmt: Format = count_format,
    width: float = WIDTH,
    height: float = HEIGHT,
) -> Drawing:
    """Bars side by side per category, one colour per series (e.g. this quarter and the last)."""
    categories = list(categories)
    if not categories or not series or not any(v for values in series.values() for v in values):
        return empty(title, width)
    names = list(series)
    for name in names:
        if len(series[name]) != len(categories):
            raise ValueError(f"系列“{name}”的数据个数与类别数不一致")
    d = _drawing(title, width, height)
    legend_h = 14
    slot = (width - 40) / len(categories)
    depth = _label_depth([_wrap_label(c, slot - 4) for c in categories])
    top = height - TITLE_SIZE - 12 - legend_h
    _bar_chart(
        d,
        categories,
        [[float(v) for v in series[n]] for n in names],
        fmt,
        left=32,
        right=8,
        bottom=depth,
        top=top,
    )
    legend = Legend()
    legend.fontName = register()
    legend.fontSize = LABEL_SIZE
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 8
    legend.deltax = 12
    legend.dxTextSpace = 4
    legend.strokeColor = None
    legend.boxAnchor = "ne"
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], n) for i, n in enumerate(names)]
    legend.deltax = max(stringWidth(n, register(), LABEL_SIZE) for n in names) + 24
    legend.x = (
        width - 8 - legend.deltax * (len(names) - 1) - stringWidth(names[-1], register(), LABEL_SIZE) - 16
    )
    legend.y = height - TITLE_SIZE - 8
    legend.boxAnchor = "nw"
    d.add(legend)
    return d


def pareto(
    items: Sequence[tuple[str, int]],
    title: str,
    *,
    width: float = WIDTH,
    height: float = 80 * mm,
    max_bars: int = 10,
) -> Drawing:
    """Bars sorted by count, descending, with the cumulative share as a line on a 0–100% right
    axis and the 80% mark. Past `max_bars` the smallest are gathered into one "其他" bar."""
    rows = rates.pareto(items)  # largest first, zeros left out, with the running count
    if not rows:
        return empty(title, width)
    bars = rates.pareto_bars(rows, max_bars)
    items = [(r.name, r.count) for r in bars]
    if len(bars) < len(rows):  # the last bar gathers the smallest: 其他(n类) in the chosen language
        items[-1] = (tr("其他({count}类)", count=len(rows) - len(bars) + 1), items[-1][1])
    total = rows[-1].cumulative_count
    cumulative = [100.0 * r.cumulative_count / total for r in bars]

    d = _drawing(title, width, height)
    left, right = 32, 36
    slot = (width - left - right) / len(items)
    wrapped = [_wrap_label(c, slot - 4) for c, _ in items]
    depth = _label_depth(wrapped, extra_lines=1)
    top = height - TITLE_SIZE - 22
    chart = _bar_chart(
        d,
        [c for c, _ in items],
        [[float(n) for _, n in items]],
        count_format,
        left=left,
        right=right,
        bottom=depth,
        top=top,
        label_lines=[tr("累计{share}", share=percent_format(round(p, 1))) for p in cumulative],
    )
    # The left axis reaches the total, so the first point of the line sits on the first bar.
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = _nice_max(total, integer=True)
    font = register()
    x0, y0, w, h = chart.x, chart.y, chart.width, chart.height

    # Right axis: 0–100 %, with the 80 % line.
    d.add(Line(x0 + w, y0, x0 + w, y0 + h, strokeColor=AXIS, strokeWidth=0.6))
    for tick in range(0, 101, 20):
        y = y0 + h * tick / 100
        d.add(Line(x0 + w, y, x0 + w + 3, y, strokeColor=AXIS, strokeWidth=0.6))
        d.add(String(x0 + w + 5, y - 3, f"{tick}%", fontName=font, fontSize=LABEL_SIZE, fillColor=MUTED))
    y80 = y0 + h * rates.PARETO_CUT
    d.add(Line(x0, y80, x0 + w, y80, strokeColor=LINE, strokeWidth=0.6, strokeDashArray=[4, 3]))
    d.add(
        String(x0 + 3, y80 + 2, f"{rates.PARETO_CUT:.0%}", fontName=font, fontSize=VALUE_SIZE, fillColor=LINE)
    )

    # The cumulative curve (累计曲线) from the origin through the right edge of each bar's slot,
    # as quality handbooks draw it; its values are written under the axis labels.
    points: list[float] = [x0, y0]
    for i, pct in enumerate(cumulative):
        points += [x0 + slot * (i + 1), y0 + h * pct / 100]
    d.add(PolyLine(points, strokeColor=LINE, strokeWidth=1.2))
    for i in range(1, len(cumulative) + 1):
        marker = makeMarker(
            "FilledCircle", x=points[2 * i], y=points[2 * i + 1], size=3.5, fillColor=LINE, strokeColor=LINE
        )
        d.add(marker)

    # Axis captions and a key.
    count_word, cumulative_word = tr("件数"), tr("累计占比")
    d.add(
        String(
            x0 - 4,
            y0 + h + 6,
            count_word,
            fontName=font,
            fontSize=LABEL_SIZE,
            fillColor=MUTED,
            textAnchor="end",
        )
    )
    d.add(
        String(x0 + w + 4, y0 + h + 6, cumulative_word, fontName=font, fontSize=LABEL_SIZE, fillColor=MUTED)
    )
    key_y = height - TITLE_SIZE - 14
    key_x = x0 + 4
    d.add(Rect(key_x, key_y - 1, 8, 7, fillColor=BAR, strokeColor=None))
    key = tr("件数(合计 {total} 件)", total=total)
    d.add(String(key_x + 11, key_y, key, fontName=font, fontSize=LABEL_SIZE, fillColor=INK))
    key_x += 11 + stringWidth(key, font, LABEL_SIZE) + 14
    d.add(Line(key_x, key_y + 2.5, key_x + 14, key_y + 2.5, strokeColor=LINE, strokeWidth=1.2))
    d.add(String(key_x + 18, key_y, cumulative_word, fontName=font, fontSize=LABEL_SIZE, fillColor=INK))
    return d


def pie(
    items: Sequence[tuple[str, int]], title: str, *, width: float = WIDTH, height: float = 60 * mm
) -> Drawing:
    """A pie whose slices are labelled "类别 N件 (x%)" in a list beside it, numbered on the slices."""
    items = [(c, int(n)) for c, n in items if n > 0]
    if not items:
        return empty(title, width)
    total = sum(n for _, n in items)
    d = _drawing(title, width, height)
    font = register()
    size = min(height - TITLE_SIZE - 16, width * 0.45)
    chart = Pie()
    chart.x, chart.y = 12, (height - TITLE_SIZE - 8 - size) / 2
    chart.width = chart.height = size
    chart.data = [n for _, n in items]
    chart.startAngle = 90
    chart.direction = "clockwise"
    chart.slices.strokeColor = colors.white
    chart.slices.strokeWidth = 0.8
    chart.slices.fontName = font
    chart.slices.fontSize = VALUE_SIZE
    chart.slices.fontColor = INK
    chart.slices.labelRadius = 1.13
    # The slice carries only its number (①…); the list beside it gives name, count and share,
    # so small slices never push their labels over each other.
    chart.labels = [_circled(i) for i in range(len(items))]
    for i in range(len(items)):
        chart.slices[i].fillColor = PALETTE[i % len(PALETTE)]
    d.add(chart)

    rows = [
        tr(
            "{mark} {name}  {count}件 ({share})",
            mark=_circled(i),
            name=c,
            count=n,
            share=f"{100 * n / total:.1f}%",
        )
        for i, (c, n) in enumerate(items)
    ]
    line_h = LABEL_SIZE + 6
    list_x = chart.x + size + 28
    list_top = chart.y + size / 2 + line_h * len(rows) / 2
    for i, row in enumerate(rows):
        y = list_top - (i + 1) * line_h + 3
        d.add(Rect(list_x, y - 1, 8, 8, fillColor=PALETTE[i % len(PALETTE)], strokeColor=None))
        d.add(String(list_x + 12, y, row, fontName=font, fontSize=LABEL_SIZE + 0.5, fillColor=INK))
    d.add(
        String(
            list_x + 12,
            list_top - (len(rows) + 1) * line_h + 3,
            tr("合计 {total} 件", total=total),
            fontName=font,
            fontSize=LABEL_SIZE + 0.5,
            fillColor=MUTED,
        )
    )
    return d


def _circled(i: int) -> str:
    return chr(0x2460 + i) if i < 20 else f"({i + 1})"


def line(
    points: Sequence[tuple[str, float]],
    title: str,
    *,
    fmt: Format = count_format,
    width: float = WIDTH,
    height: float = HEIGHT,
    value_max: float | None = None,
) -> Drawing:
    """A line over ordered categories (months, quarters), each point with its value written on it."""
    points = list(points)
    if not points:
        return empty(title, width)
    d = _drawing(title, width, height)
    chart = HorizontalLineChart()
    slot = (width - 40) / len(points)
    names = [_wrap_label(c, slot - 4) for c, _ in points]
    chart.x, chart.y = 32, _label_depth(names)
    chart.width, chart.height = width - 40, height - TITLE_SIZE - 16 - chart.y
    chart.data = [[float(v) for _, v in points]]
    chart.categoryAxis.categoryNames = names
    peak = max(v for _, v in points)
    if value_max is None:
        chart.valueAxis.valueMax, chart.valueAxis.valueStep = _nice_max(peak * 1.15 if peak else 1)
    else:
        chart.valueAxis.valueMax, chart.valueAxis.valueStep = value_max, _nice_max(value_max)[1]
    _style_axes(chart, fmt)
    chart.joinedLines = 1
    chart.lines[0].strokeColor = BAR
    chart.lines[0].strokeWidth = 1.4
    chart.lines[0].symbol = makeMarker("FilledCircle", size=4, fillColor=BAR, strokeColor=BAR)
    chart.lineLabelFormat = fmt
    chart.lineLabels.fontName = register()
    chart.lineLabels.fontSize = VALUE_SIZE
    chart.lineLabels.fillColor = INK
    chart.lineLabels.boxAnchor = "s"
    chart.lineLabels.dy = 4
    d.add(chart)
    return d
