"""Chinese line breaking for printed forms.

ReportLab's CJK wrap breaks anywhere, so a line may start with "，" or "。". Here lines
are broken by measured width with the Chinese rules (禁则): no line starts with closing
punctuation and no line ends with an opening one; Latin words and numbers stay whole.
"""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

CANNOT_START = set("，。！？；：”’、）》」』】〕…—,.!?;:)]}%·")
CANNOT_END = set("“‘（《「『【〔([{")
_TOKEN = re.compile(r"[A-Za-z0-9@#&_+\-./:%]+|\s|.", re.DOTALL)


def _tokens(paragraph: str) -> list[str]:
    return _TOKEN.findall(paragraph)


def break_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """The lines `text` takes in a column `width` points wide."""
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        tokens = _tokens(paragraph)
        current: list[str] = []
        current_width = 0.0
        for token in tokens:
            w = stringWidth(token, font, size)
            if current and current_width + w > width and not token.isspace():
                moved: list[str] = []
                # Closing punctuation may not open a line: take the previous token along.
                if token[0] in CANNOT_START and len(current) > 1:
                    moved.insert(0, current.pop())
                # Opening punctuation may not close a line.
                while current and len(current) > 1 and current[-1][-1] in CANNOT_END:
                    moved.insert(0, current.pop())
                lines.append("".join(current).rstrip())
                current = moved
                current_width = sum(stringWidth(t, font, size) for t in current)
            if token.isspace() and not current:
                continue
            if w > width and len(token) > 1:  # a very long Latin run: break it by characters
                for ch in token:
                    cw = stringWidth(ch, font, size)
                    if current and current_width + cw > width:
                        carry = [current.pop()] if ch in CANNOT_START and len(current) > 1 else []
                        lines.append("".join(current))
                        current = carry
                        current_width = sum(stringWidth(t, font, size) for t in current)
                    current.append(ch)
                    current_width += cw
                continue
            current.append(token)
            current_width += w
        lines.append("".join(current).rstrip())
    return lines


class CJKText(Flowable):
    """A block of plain text wrapped by `break_lines`, split across pages by whole lines."""

    def __init__(self, text: str, font: str, size: float = 10, leading: float | None = None) -> None:
        super().__init__()
        self.text = text
        self.font = font
        self.size = size
        self.leading = leading or size * 1.45
        self.lines: list[str] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.lines = break_lines(self.text, self.font, self.size, avail_width)
        self.height = len(self.lines) * self.leading
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        fit = int(avail_height // self.leading)
        if fit <= 0 or fit >= len(self.lines):
            return [] if fit <= 0 else [self]
        first = CJKText("\n".join(self.lines[:fit]), self.font, self.size, self.leading)
        rest = CJKText("\n".join(self.lines[fit:]), self.font, self.size, self.leading)
        return [first, rest]

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(self.font, self.size)
        y = self.height - self.size
        for line in self.lines:
            canvas.drawString(0, y, line)
            y -= self.leading


WRITING_PITCH = 8 * 72 / 25.4  # 8 mm between ruled lines: room for a handwritten line
RULE_GREY = (0.62, 0.62, 0.62)


class RuledLines(Flowable):
    """Lines to write on by hand, `pitch` apart, with any printed text sitting on the first ones.

    The cell's own bottom border is the last line, so only the rules above it are drawn.
    Printed text longer than the lines prints as plain text at its normal leading instead
    (nothing is left to write there, and a long text stays as short as it can)."""

    def __init__(
        self, text: str, font: str, size: float = 9.5, lines: int = 1, pitch: float = WRITING_PITCH
    ) -> None:
        super().__init__()
        self.text = text or ""
        self.font = font
        self.size = size
        self.min_lines = max(1, lines)
        self.pitch = pitch
        self.lines: list[str] = []
        self.ruled = True

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.lines = break_lines(self.text, self.font, self.size, avail_width) if self.text.strip() else []
        self.ruled = len(self.lines) <= self.min_lines
        if self.ruled:
            self.height = self.min_lines * self.pitch
        else:
            self.height = len(self.lines) * self.size * 1.45
        return avail_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        if self.ruled:
            canvas.saveState()
            canvas.setStrokeColorRGB(*RULE_GREY)
            canvas.setLineWidth(0.4)
            for i in range(1, self.min_lines):
                y = self.height - i * self.pitch
                canvas.line(0, y, self.width, y)
            canvas.restoreState()
        canvas.setFont(self.font, self.size)
        leading = self.pitch if self.ruled else self.size * 1.45
        for i, line in enumerate(self.lines):
            if self.ruled:  # sitting on its rule
                y = self.height - (i + 1) * leading + leading * 0.22
            else:
                y = self.height - self.size - i * leading
            canvas.drawString(0, y, line)
