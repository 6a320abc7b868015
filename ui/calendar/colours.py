"""How each shown visit state looks in the calendar: (background, text), from the palette.

The word is always drawn as well: the colour never carries the state alone."""

from __future__ import annotations

from app import domain
from app.visits import OVERDUE
from ui.palette import (
    INFO_BG,
    INFO_TEXT,
    NEARLY_DUE_BG,
    NEARLY_DUE_TEXT,
    OK_BG,
    OK_TEXT,
    OVERDUE_BG,
    OVERDUE_TEXT,
    PAPER,
    REFUSED_BG,
    REFUSED_TEXT,
    STRONG_TEXT,
)

STATE_COLOURS: dict[str, tuple[str, str]] = {
    domain.VISIT_PLANNED: (INFO_BG, INFO_TEXT),
    OVERDUE: (OVERDUE_BG, OVERDUE_TEXT),
    domain.VISIT_DONE: (OK_BG, OK_TEXT),
    domain.VISIT_UNREACHABLE: (NEARLY_DUE_BG, NEARLY_DUE_TEXT),
    domain.VISIT_REFUSED: (REFUSED_BG, REFUSED_TEXT),
}
PLAIN = (PAPER, STRONG_TEXT)  # a state without its own colours


def state_colours(state: str) -> tuple[str, str]:
    return STATE_COLOURS.get(state, PLAIN)
