"""The office's rates, each defined once: 满意率, 回访率 against its target, the Pareto cut
(柏拉图, the categories making up the first 80 %), and how a rate is written ("96.7%", "—").

Windows, PDFs, the Excel export, the dashboard, the command line and the bench take them
from here. No Qt, no database: counts in, numbers out. A rate with nothing to rate (no
visits, nothing due) is None, never a division by zero and never 0 %.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app import domain
from app.i18n import tr

# 满意 and better: the levels a 满意率 counts (domain.SATISFACTION is best first).
SATISFIED = ("很满意", "满意")
UNSATISFIED = ("不满意", "很不满意")
PARETO_CUT = 0.8  # the "vital few": categories up to 80 % of all cases
NO_RATE = "—"  # what shows where there is nothing to rate
TOLERANCE = 1e-9  # 2 of 3 visited against a target of 2/3 is met, whatever the float rounding


def share(part: int | float, whole: int | float) -> float | None:
    """part ÷ whole; None when whole is 0 (nothing to divide among)."""
    return part / whole if whole else None


def rated(levels: Mapping[str, int]) -> int:
    """Visits rated at a level of `domain.SATISFACTION`; `levels` counts visits by level
    ({"满意": 2, "不满意": 1, …}). A level outside the scale (an old or empty value) is not
    counted."""
    return sum(n for level, n in levels.items() if level in domain.SATISFACTION)


def satisfied(levels: Mapping[str, int]) -> int:
    """Visits rated 很满意 or 满意."""
    return sum(levels.get(level, 0) for level in SATISFIED)


def satisfaction_rate(levels: Mapping[str, int]) -> float | None:
    """满意率: visits rated 很满意 or 满意 ÷ visits rated at any level; None when no visit
    was rated."""
    return share(satisfied(levels), rated(levels))


def visit_rate(visited: int, due: int) -> float | None:
    """回访率: cases visited ÷ cases that should have been visited by the report's day;
    None when none was due."""
    return share(visited, due)


def target_met(visited: int, due: int, target: float) -> bool | None:
    """达标: the visit rate reaches the kind's target. None when nothing was due yet or the
    kind has no target (a 0 % kind is visited by hand, never "met")."""
    rate = visit_rate(visited, due)
    if rate is None or target <= 0:
        return None
    return rate + TOLERANCE >= target


def reaches(rate: float, target: float) -> bool:
    """A rate drawn against its target (the bars): at or above it, float rounding aside."""
    return rate + TOLERANCE >= target


def change(current: float | None, previous: float | None, digits: int = 0) -> float | None:
    """This period's figure less the previous period's, rounded to `digits` (0 is 持平);
    None when either is missing (nothing to compare). A rate's change is in 百分点: pass
    both rates ×100."""
    if current is None or previous is None:
        return None
    return round(current - previous, digits)


def percent(value: float | None, digits: int = 1) -> str:
    """0.9667 -> "96.7%"; None -> "—" (nothing to rate)."""
    return NO_RATE if value is None else f"{100 * value:.{digits}f}%"


@dataclass(frozen=True)
class ParetoRow:
    """One bar of the 柏拉图: a category, its count, its share and the running share."""

    name: str
    count: int
    share: float  # count ÷ total
    cumulative_count: int
    cumulative: float  # cumulative_count ÷ total
    vital: bool  # within the cut: among the categories that first reach 80 % together


def pareto(items: Iterable[tuple[str, int]], cut: float = PARETO_CUT) -> list[ParetoRow]:
    """Categories largest first (ties by name), zeros left out, each with its running share.

    The vital few are the categories taken in that order until their running count reaches
    `cut` of the total: 5, 3, 1, 1 (total 10) → the first two (8 = 80 %)."""
    ordered = sorted(((name, int(n)) for name, n in items if n > 0), key=lambda x: (-x[1], x[0]))
    total = sum(n for _, n in ordered)
    rows: list[ParetoRow] = []
    running = 0
    reached = False
    for name, n in ordered:
        running += n
        rows.append(ParetoRow(name, n, n / total, running, running / total, not reached))
        reached = reached or running >= cut * total
    return rows


def vital_few(rows: list[ParetoRow]) -> list[ParetoRow]:
    """The rows within the cut (see `pareto`)."""
    return [r for r in rows if r.vital]


def pareto_bars(rows: list[ParetoRow], max_bars: int) -> list[ParetoRow]:
    """The bars a chart draws: past `max_bars` the smallest are gathered into one last bar
    "其他(n类)", which reaches the whole (cumulative 100 %)."""
    if len(rows) <= max_bars:
        return rows
    kept, rest = rows[: max_bars - 1], rows[max_bars - 1 :]
    count = sum(r.count for r in rest)
    total = rest[-1].cumulative_count
    other = ParetoRow(tr("其他({count}类)", count=len(rest)), count, count / total, total, 1.0, rest[0].vital)
    return [*kept, other]
