"""Reading a case for its windows: `CaseDetail` (everything the case window shows), the work
slips, the extensions, the major-complaint report and the timeline."""

from __future__ import annotations

from dataclasses import dataclass

from app import case_states
from app.cases.core import CaseCore
from app.late_replies import FirstReply, Overrun, clear_answer_overrun, first_reply
from app.models import Case, CaseEvent, Dispatch, Extension, MajorReport, Visit


@dataclass
class CaseDetail:
    """What the case window shows of one case (`CaseService.detail`)."""

    case: Case
    slips: list[Dispatch]
    extensions: list[Extension]
    visits: list[Visit]
    report: MajorReport | None
    merged: list[str]  # the numbers of the cases merged into this one
    timeline: list[CaseEvent]
    actions: list[str]  # the steps the case's status and the case itself allow (app/case_states.py)
    # 首次回复 as measured (app/late_replies.py), and how late the 明确答复 is or was (None: not late).
    first_reply: FirstReply | None = None
    answer_late: Overrun | None = None


class Reads(CaseCore):
    """What the case window and the action dialogs read of a case."""

    def detail(self, case_id: int) -> CaseDetail:
        """One case with everything its window shows: slips, extensions, visits, the
        major-complaint report, the cases merged into it, the timeline, the steps open."""
        case = self.get(case_id)
        report = self.major_report(case)
        now, policy, calendar = self.clock.now(), self.policy(), self.calendar()
        answer_late = None
        if case.answer_due is not None and report is not None and report.cancelled_at is None:
            answer_late = clear_answer_overrun(
                case.answer_due, report.answered_at, now, policy.day_unit, calendar
            )
        return CaseDetail(
            case=case,
            slips=self.slips(case),
            extensions=self.extensions(case),
            visits=list(Visit.select().where(Visit.case == case).order_by(Visit.attempt, Visit.id)),
            report=report,
            merged=[c.number for c in case.merged.order_by(Case.id)],
            timeline=self.timeline(case),
            actions=case_states.allowed_actions(case),
            first_reply=first_reply(
                case.anonymous,
                case.state,
                case.response_due,
                case.first_response_at,
                now,
                policy.first_response.unit,
                calendar,
            ),
            answer_late=answer_late,
        )

    def slips(self, case: Case, unsigned_only: bool = False) -> list[Dispatch]:
        """The case's work slips (工作联系单) in the order they were made."""
        query = case.dispatches
        if unsigned_only:
            query = query.where(Dispatch.signed_at.is_null())
        return list(query.order_by(Dispatch.id))

    def extensions(self, case: Case) -> list[Extension]:
        """The case's approved extensions (延期), oldest first."""
        return list(case.extensions.order_by(Extension.id))

    def slip(self, slip_id: int) -> Dispatch | None:
        return Dispatch.get_or_none(Dispatch.id == slip_id)

    def major_report(self, case: Case) -> MajorReport | None:
        """The case's major-complaint report (重大投诉报告), None when it never had one."""
        return MajorReport.get_or_none(MajorReport.case == case)

    def timeline(self, case: Case) -> list[CaseEvent]:
        return list(case.events.order_by(CaseEvent.at, CaseEvent.id))
