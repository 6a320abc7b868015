"""The program's colours, by what they mean. Every window takes its colours from here.

Values are hex strings (`QColor(OVERDUE_BG)` and style sheets both take them). Near-duplicates
that had grown in the windows (eight dark reds, eight browns, six greens…) are merged into one
role each; a role that looks like another but means something else (an overdue row, a refused
visit) keeps its own name so it can change on its own. `style(...)` writes the small style
sheets the windows set on a label or a frame.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

# --- Red: overdue, refused input, errors ------------------------------------------------------
ERROR_RED = (
    "#c62828"  # a field's refusal reason, error lines, the dashboard's alert figures, status-bar warnings
)
OVERDUE_BG = (
    "#fde4e2"  # tint of an overdue row/chip (case list, planner, tasks, calendar), error boxes, bad cells
)
OVERDUE_TEXT = "#a31d12"  # text on OVERDUE_BG; overdue counts; weekend/holiday day names in the calendar
ALERT_BORDER = "#e99a94"  # border of an error box/banner and of an alert card on the dashboard
ALERT_CARD_BG = "#fdf3f2"  # background of a dashboard card that needs attention (lighter than OVERDUE_BG)

# --- Amber: nearly due, waiting, warnings -----------------------------------------------------
NEARLY_DUE_BG = (
    "#fff3d1"  # tint of a nearly-due row, a warning banner, a stale night-log entry, an unreachable visit
)
NEARLY_DUE_TEXT = (
    "#7a5200"  # text on NEARLY_DUE_BG; "waiting"/"logged" notes; warning figures on the dashboard
)
WARN_BORDER = "#e6c34a"  # border of a warning banner, the duplicate-case box, a warning card
WARN_CARD_BG = "#fffaeb"  # background of a warning card and of one possible duplicate in intake
ACCESS_ROW_BG = "#fff4e0"  # rows recording that someone opened an owner's file (audit window, history)
REST_DAY_BG = "#fbf8f2"  # weekends and holidays in the visit calendar, lightly

# --- Green: done, saved, good -----------------------------------------------------------------
OK = "#2e7d32"  # "saved"/"backup fine" status text, good figures, a valid drop target, a chosen row
OK_BG = "#e7f4e8"  # tint of a done/resolved chip and of a success banner or box
OK_TEXT = "#1b5e20"  # text on OK_BG; a confirmed preview line
OK_BORDER = "#8cc69a"  # border of a success banner or box

# --- Blue: information, links, today, the program's accent -----------------------------------
INFO_BG = "#e8f1fb"  # tint of an info banner, a new/dispatched case chip, a planned visit, the selected day
INFO_TEXT = "#0d3c75"  # text on INFO_BG
INFO_BORDER = "#9cc2e8"  # border of an info banner and of a checked toggle button
SELECTED_BG = "#d6e6f8"  # a selected cell or a checked toggle where the system highlight is too strong
LINK_BLUE = "#1565c0"  # today's date in the calendar, "found in the register" notes
ACCENT = "#1f6f8b"  # the navigation list's selection, checked segment buttons, the dashboard's accent

# --- Purple: a refused visit ------------------------------------------------------------------
REFUSED_BG = "#e6e0ef"  # chip of a visit the owner refused (calendar)
REFUSED_TEXT = "#45325f"  # text on REFUSED_BG

# --- Neutral blue-greys: text, lines, surfaces ------------------------------------------------
STRONG_TEXT = "#263238"  # figures and day numbers drawn by hand (charts, dials, calendar)
HEADING_TEXT = "#37474f"  # section titles, card titles, chart labels, plain body text in boxes
MUTED_TEXT = (
    "#546e7a"  # hints, legends, greyed rows (not chosen, faded, closed), secondary lines; 4.5:1 on white
)
LINE = "#cfd8dc"  # borders of boxes and buttons, separators, the signature hint, last period's bars
STRONG_LINE = "#90a4ae"  # borders that must show on white (segment buttons, signature frame, dashed guides)
GRID = "#e0e6ea"  # chart grid lines, the dial's track, calendar cell borders
PANEL_BG = "#f4f7fa"  # side panels, the navigation list, read-only text boxes, days outside the month
HEADER_BG = "#eef2f5"  # header strips (calendar weekday row), unchecked toggle buttons
CLOSED_BG = "#eceff1"  # chip of a closed or merged case
PAPER = "#ffffff"  # white: cards, the signature pad, calendar cells
PREVIEW_BACKDROP = "#7d8591"  # behind the pages of a PDF preview
CHART_BAR = "#5b9bb5"  # this period's bars in the statistics charts
CHART_LINE = "#e65100"  # the Pareto cumulative line
CHART_LINE_TEXT = "#bf360c"  # labels on the Pareto line

# Banner kinds: (background, border, text).
BANNER = {
    "info": (INFO_BG, INFO_BORDER, INFO_TEXT),
    "success": (OK_BG, OK_BORDER, OK_TEXT),
    "warn": (NEARLY_DUE_BG, WARN_BORDER, NEARLY_DUE_TEXT),
    "error": (OVERDUE_BG, ALERT_BORDER, OVERDUE_TEXT),
}


def qcolor(value: str) -> QColor:
    """A QColor of a palette value (painters and item brushes take QColor)."""
    return QColor(value)


def style(
    color: str | None = None,
    background: str | None = None,
    border: str | None = None,
    *,
    bold: bool = False,
    padding: int | None = None,
    radius: int | None = None,
    selector: str | None = None,
) -> str:
    """A small style sheet: `style(OVERDUE_TEXT, OVERDUE_BG, ALERT_BORDER, padding=6)` gives
    "color: #a31d12; background: #fde4e2; border: 1px solid #e99a94; padding: 6px;". With
    `selector` the rules are wrapped, e.g. `selector="QLabel#errorBox"`."""
    parts = []
    if color:
        parts.append(f"color: {color};")
    if background:
        parts.append(f"background: {background};")
    if border:
        parts.append(f"border: 1px solid {border};")
    if radius is not None:
        parts.append(f"border-radius: {radius}px;")
    if padding is not None:
        parts.append(f"padding: {padding}px;")
    if bold:
        parts.append("font-weight: bold;")
    rules = " ".join(parts)
    return f"{selector} {{ {rules} }}" if selector else rules


# A refusal shown in a box under a form (action dialogs, the case page's error line).
ERROR_BOX_STYLE = style(OVERDUE_TEXT, OVERDUE_BG, ALERT_BORDER, radius=3, padding=6)
# A confirmation shown in a box (audit chain verified, and the like).
OK_BOX_STYLE = style(OK_TEXT, OK_BG, OK_BORDER, radius=3, padding=6)
