"""The monthly 公告 to all owners: how many matters came in, the common issues, how they were handled.

It goes on the notice boards, so it carries no personal data: no names, no phone numbers,
no rooms. The figures come from `PeriodStats`; the examples' texts are scrubbed of phone
numbers, ID numbers and room numbers, and of any names the caller asks to redact.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from app import domain
from app.periods import Period
from app.rates import percent, satisfaction_rate
from app.stats import PeriodStats
from reports.base import Report, grid_table, text
from reports.fonts import register

WIDTH = 180 * mm
TOP_ROWS = 8  # the table and the letter fit one A4 page

_PHONE = re.compile(
    r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)|(?<!\d)0\d{2,3}[- ]?\d{7,8}(?!\d)"
    r"|(?<!\d)\d{7,8}(?!\d)"
)
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_ROOM = re.compile(
    r"(?<![\d-])\d{1,3}\s*[-－]\s*\d{1,2}\s*[-－]\s*\d{2,4}(?![\d-])|\d{1,3}\s*栋\s*\d{0,2}\s*单元?\s*\d{2,4}\s*室?"
    r"|\d{1,2}\s*单元\s*\d{2,4}\s*室?|(?<!\d)\d{3,4}\s*室"
)

_NEIGHBOUR = re.compile(r"(楼上|楼下|隔壁|对门|对面)\s*\d{3,4}(?!\d)")


def scrub(value: str, names: Iterable[str] = ()) -> str:
    """`value` without phone numbers, ID numbers, rooms, or any of `names`."""
    value = _ID_NUMBER.sub("***", value)
    value = _PHONE.sub("***", value)
    value = _ROOM.sub("某户", value)
    value = _NEIGHBOUR.sub(r"\1住户", value)
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        value = value.replace(name, "某业主")
    return value


def notice_period(today: dt.date) -> Period:
    """The month a notice printed on `today` covers: the same month, up to today (截至).

    Seed 001 asks for the month's common issues published 每月30日前, so the notice printed
    on 10-29 is October's so far, not September's."""
    return Period.month(today.year, today.month).running(today)


class MonthlyNotice(Report):
    """《客户意见处理情况公告》 for a month: counts, the common issues and how they were handled."""

    def __init__(
        self,
        office_name: str,
        stats: PeriodStats,
        handled_examples: list[tuple[str, str, str]],
        generated: dt.date | None = None,
        redact: Iterable[str] = (),
    ) -> None:
        super().__init__(office_name)
        self.stats = stats
        self.redact = list(redact)
        self.examples = [(c, scrub(a, self.redact), scrub(r, self.redact)) for c, a, r in handled_examples]
        self.generated = generated or dt.date.today()
        self.title = f"{stats.period.title}客户意见处理情况公告"
        self.styles["letter"] = ParagraphStyle(
            "letter", fontName=register(), fontSize=11.5, leading=20, wordWrap="CJK", firstLineIndent=23
        )
        self.styles["salute"] = ParagraphStyle("salute", fontName=register(), fontSize=11.5, leading=20)
        self.styles["sign"] = ParagraphStyle(
            "sign", fontName=register(), fontSize=11.5, leading=20, alignment=2
        )

    def _summary(self) -> str:
        s = self.stats
        total = sum(s.cases_received.values())
        parts = [
            f"{k} {n} 件"
            for k in [*domain.KINDS, *sorted(set(s.cases_received) - set(domain.KINDS))]
            if (n := s.cases_received.get(k, 0))
        ]
        issues = "、".join(f"{c}({n} 件)" for c, n in s.complaints_by_category[:5]) or "无集中反映的问题"
        done = sum(s.satisfaction.values())
        rate = satisfaction_rate(s.satisfaction)
        handling = f"本月受理的事项办结率 {percent(s.resolution_rate)}"
        if s.resolution_time.median_hours is not None:
            handling += f",一般在 {s.resolution_time.median_hours:.0f} 小时内办结"
        if rate is not None:
            handling += f";回访 {done} 次,满意及以上占 {percent(rate)}"
        handling += ";未办结的事项正在跟进,办结后将逐一回访。"
        return (
            f"本月({self.stats.period.label}){self._so_far()}客户服务中心共受理业主来电、来访及各类意见 {total} 件"
            f"({'、'.join(parts) or '无'}),办结率 {percent(s.resolution_rate)}。"
            f"业主反映的主要问题:{issues}。处理情况:{handling}"
        )

    def _so_far(self) -> str:
        """ "截至 10 月 29 日," while the month is not over (a notice printed before its end)."""
        through = self.stats.period.through
        return f"截至 {through.month} 月 {through.day} 日," if through is not None else ""

    def _rows(self) -> list[list[Any]]:
        counts = dict(self.stats.complaints_by_category)
        examples: dict[str, tuple[str, str]] = {}
        for category, account, result in self.examples:
            examples.setdefault(category, (account, result))
        order = [c for c, _ in self.stats.complaints_by_category[:TOP_ROWS]]
        order += [c for c in examples if c not in order][: max(0, TOP_ROWS - len(order))]
        rows: list[list[Any]] = [["类别", "件数", "业主反映的问题", "处理结果"]]
        for category in order:
            account, result = examples.get(category, ("", ""))
            n = counts.get(category)
            rows.append(
                [
                    text(category, 10),
                    "—" if n is None else str(n),
                    text(account or "(详见各项记录)", 10),
                    text(result or "已安排专人跟进处理。", 10),
                ]
            )
        return rows

    def _story(self) -> list[Flowable]:
        story: list[Flowable] = [
            *self.heading("公  告", f"{self.stats.period.title}客户意见处理情况"),
            Spacer(1, 6 * mm),
            Paragraph("致全体业主:", self.styles["salute"]),
            Paragraph(self._summary(), self.styles["letter"]),
            Spacer(1, 4 * mm),
            Paragraph("本月常见问题及处理情况如下:", self.styles["letter"]),
            Spacer(1, 2 * mm),
        ]
        rows = self._rows()
        if len(rows) > 1:
            story.append(
                grid_table(
                    rows,
                    [26 * mm, 14 * mm, 70 * mm, 70 * mm],
                    header_rows=1,
                    style=[("ALIGN", (1, 1), (1, -1), "CENTER"), ("FONTSIZE", (0, 0), (-1, -1), 10)],
                )
            )
        else:
            story.append(Paragraph("本月无集中反映的问题。", self.styles["letter"]))
        story.append(Spacer(1, 5 * mm))
        # The closing words and the signature stay together.
        story.append(
            KeepTogether(
                [
                    Paragraph(
                        "感谢各位业主对我们工作的理解与支持。如有意见或建议,欢迎到客户服务中心前台反映,"
                        "我们将及时处理并回复。",
                        self.styles["letter"],
                    ),
                    Spacer(1, 8 * mm),
                    Paragraph(self.office_name, self.styles["sign"]),
                    Paragraph(
                        f"{self.generated.year}年{self.generated.month}月{self.generated.day}日",
                        self.styles["sign"],
                    ),
                ]
            )
        )
        return story
