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
from app.i18n import term, tr
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
        self.title = tr("{period}客户意见处理情况公告", period=stats.period.title)
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
        comma = tr("、")
        parts = [
            tr("{kind} {count} 件", kind=term(k), count=n)
            for k in [*domain.KINDS, *sorted(set(s.cases_received) - set(domain.KINDS))]
            if (n := s.cases_received.get(k, 0))
        ]
        issues = comma.join(
            tr("{category}({count} 件)", category=term(c), count=n) for c, n in s.complaints_by_category[:5]
        ) or tr("无集中反映的问题")
        done = sum(s.satisfaction.values())
        rate = satisfaction_rate(s.satisfaction)
        handling = tr("本月受理的事项办结率 {rate}", rate=percent(s.resolution_rate))
        if s.resolution_time.median_hours is not None:
            handling += tr(",一般在 {hours} 小时内办结", hours=f"{s.resolution_time.median_hours:.0f}")
        if rate is not None:
            handling += tr(";回访 {count} 次,满意及以上占 {share}", count=done, share=percent(rate))
        handling += tr(";未办结的事项正在跟进,办结后将逐一回访。")
        return tr(
            "本月({period}){so_far}客户服务中心共受理业主来电、来访及各类意见 {total} 件({kinds}),"
            "办结率 {rate}。业主反映的主要问题:{issues}。处理情况:{handling}",
            period=self.stats.period.label,
            so_far=self._so_far(),
            total=total,
            kinds=comma.join(parts) or tr("无"),
            rate=percent(s.resolution_rate),
            issues=issues,
            handling=handling,
        )

    def _so_far(self) -> str:
        """ "截至 10 月 29 日," while the month is not over (a notice printed before its end)."""
        through = self.stats.period.through
        return (
            tr("截至 {month} 月 {day} 日,", month=through.month, day=through.day)
            if through is not None
            else ""
        )

    def _rows(self) -> list[list[Any]]:
        counts = dict(self.stats.complaints_by_category)
        examples: dict[str, tuple[str, str]] = {}
        for category, account, result in self.examples:
            examples.setdefault(category, (account, result))
        order = [c for c, _ in self.stats.complaints_by_category[:TOP_ROWS]]
        order += [c for c in examples if c not in order][: max(0, TOP_ROWS - len(order))]
        rows: list[list[Any]] = [[tr("类别"), tr("件数"), tr("业主反映的问题"), tr("处理结果")]]
        for category in order:
            account, result = examples.get(category, ("", ""))
            n = counts.get(category)
            rows.append(
                [
                    text(term(category), 10),
                    "—" if n is None else str(n),
                    text(account or tr("(详见各项记录)"), 10),
                    text(result or tr("已安排专人跟进处理。"), 10),
                ]
            )
        return rows

    def _story(self) -> list[Flowable]:
        story: list[Flowable] = [
            *self.heading(tr("公  告"), tr("{period}客户意见处理情况", period=self.stats.period.title)),
            Spacer(1, 6 * mm),
            Paragraph(tr("致全体业主:"), self.styles["salute"]),
            Paragraph(self._summary(), self.styles["letter"]),
            Spacer(1, 4 * mm),
            Paragraph(tr("本月常见问题及处理情况如下:"), self.styles["letter"]),
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
            story.append(Paragraph(tr("本月无集中反映的问题。"), self.styles["letter"]))
        story.append(Spacer(1, 5 * mm))
        # The closing words and the signature stay together.
        story.append(
            KeepTogether(
                [
                    Paragraph(
                        tr(
                            "感谢各位业主对我们工作的理解与支持。如有意见或建议,欢迎到客户服务中心前台反映,"
                            "我们将及时处理并回复。"
                        ),
                        self.styles["letter"],
                    ),
                    Spacer(1, 8 * mm),
                    Paragraph(self.office_name, self.styles["sign"]),
                    Paragraph(
                        tr(
                            "{year}年{month}月{day}日",
                            year=self.generated.year,
                            month=self.generated.month,
                            day=self.generated.day,
                        ),
                        self.styles["sign"],
                    ),
                ]
            )
        )
        return story
