"""先行处置 overdue (H21): the open cases marked 需先行处置 whose containment is not recorded
and whose deadline has passed, for the dashboard (工作台). Cases merged or voided are not
counted: their harm is handled in the case they went into, or there was none."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app import domain
from app.models import Case


@dataclass(frozen=True)
class ContainDue:
    case_id: int
    number: str
    due: dt.datetime


def containments_overdue(now: dt.datetime) -> list[ContainDue]:
    """Open cases past their 先行处置 deadline with no containment recorded, most overdue first."""
    rows = (
        Case.select(Case.id, Case.number, Case.contain_due)
        .where(
            Case.contain_needed == True,  # noqa: E712
            Case.contained_at.is_null(),
            Case.contain_due < now,
            Case.state.in_(domain.OPEN_STATES),
        )
        .order_by(Case.contain_due)
    )
    return [ContainDue(c.id, c.number, c.contain_due) for c in rows if c.contain_due is not None]
