"""受理登记, the intake page: `view` holds its widgets, `side` the panel beside the form,
`controller` the flow (lookups, drafts, night-log entries, saving through the case service)."""

from ui.intake.controller import IntakeForm

__all__ = ["IntakeForm"]
