"""The bundled CJK font, registered with Qt so Chinese shows on any machine."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.paths import resource_path

FONT_FILE = "wqy-microhei.ttc"
_family: str | None = None


def register_fonts(app: QApplication) -> str:
    """Add the bundled font and make it the application's default; returns its family."""
    global _family
    if _family is None:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", FONT_FILE)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _family = families[0] if families else ""
    if _family:
        font = QFont(_family)
        font.setPointSize(10)
        app.setFont(font)
    return _family
