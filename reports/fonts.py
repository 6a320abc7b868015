"""The CJK font for every PDF: bundled TrueType outlines, embedded (subset) in each file."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resource_path

FONT = "WQY"
FONT_FILE = "wqy-microhei.ttc"


def register() -> str:
    """Register the bundled font once; returns its ReportLab name."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", FONT_FILE)), subfontIndex=0))
        # The one family for bold and italic too, and the default of canvases and charts,
        # so no PDF falls back to Helvetica (not embedded, and without Chinese glyphs).
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT, baseFontFor="canvas graphics"
        )
    return FONT
