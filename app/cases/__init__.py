"""The case service: intake, the lifecycle (派工、签收、进展、延期、办结、关闭、重开、合并)
and the duplicate check. The windows, the command line, the ledger import and the demo all go
through `CaseService`, so every rule holds the same everywhere.

One service made of parts, a module each by what it does:

- `core`      what every part shares: the policy, finding a case, a line on its timeline, the
              status table's check and step (app/case_states.py), the save with its search entry;
- `intake`    taking a case in: `CaseInput`, the check, create and register, many at once
              (the batch writer, app/case_batch.py), the occupant by phone, likely duplicates;
- `lifecycle` the steps after intake: dispatch, sign, note, extend, resolve, close, reopen,
              merge, void, mark as typical;
- `regrade`   corrections: update, regrade, and the deadlines computed again;
- `replies`   the major-complaint report, written replies and reply letters, the clear answer;
- `containment` 先行处置: a case that harms the owner now, contained first (H21);
- `reads`     what the case window shows (`CaseDetail`): slips, extensions, the timeline.

The parts are mixins of the one `CaseService` class rather than objects it hands calls on
to: the steps call each other (registering merges, a correction checks as intake does and
computes the deadlines again), they share the private helpers that make every write the same
(`_require`, `_step`, `_event`, `_touch`), and the batch writer and the visit service take
the service whole. Callers import from `app.cases`; the modules are where to read.
"""

from __future__ import annotations

from app.cases.containment import Containment, contain_late, contain_status
from app.cases.core import actor_name, next_number, rebuild_search_index
from app.cases.intake import REQUESTED_DATE_RULES, CaseInput, CheckedInput, owner_resolve_due
from app.cases.reads import CaseDetail, Reads
from app.cases.regrade import Regrading
from app.cases.replies import ANSWER_METHODS, Replies, clear_answer_late, first_reply_late

__all__ = [
    "ANSWER_METHODS",
    "REQUESTED_DATE_RULES",
    "CaseDetail",
    "CaseInput",
    "CaseService",
    "CheckedInput",
    "actor_name",
    "clear_answer_late",
    "contain_late",
    "contain_status",
    "first_reply_late",
    "next_number",
    "owner_resolve_due",
    "rebuild_search_index",
]


class CaseService(Regrading, Replies, Reads, Containment):
    """Cases as the rest of the program sees them: `CaseService(clock, policies)`. Its
    `resolved_listeners` are called inside the transaction that resolves a case (the visit
    planner listens)."""
