"""Fonts: the system's own Chinese UI font where there is one, the bundled one as the fallback.

A clerk on Windows expects 微软雅黑 (Microsoft YaHei UI), on UOS or Kylin the system's Chinese
font; the bundled WenQuanYi Micro Hei stands behind it for any character the system font lacks,
and on a machine with no Chinese font at all. Printed forms always use the bundled font
(reports/fonts.py), so paper looks the same on every PC.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.paths import resource_path

FONT_FILE = "wqy-microhei.ttc"
UI_POINT_SIZE = 10

# The system fonts to prefer, best first, per platform and script.
SYSTEM_FONTS: dict[str, dict[str, list[str]]] = {
    "win32": {
        "zh_CN": ["Microsoft YaHei UI", "Microsoft YaHei", "微软雅黑"],  # data: font family names
        "zh_TW": ["Microsoft JhengHei UI", "Microsoft JhengHei", "微軟正黑體", "Microsoft YaHei UI"],  # data
    },
    "darwin": {"zh_CN": ["PingFang SC"], "zh_TW": ["PingFang TC", "PingFang SC"]},
    "linux": {  # Debian/Ubuntu/UOS/Kylin ship Noto or Source Han; UOS also has its own
        "zh_CN": [
            "Noto Sans CJK SC",
            "Source Han Sans SC",
            "Source Han Sans CN",
            "UnionTech",
            "Noto Sans SC",
        ],
        "zh_TW": ["Noto Sans CJK TC", "Source Han Sans TC", "Source Han Sans TW", "Noto Sans CJK SC"],
    },
}

_bundled: str | None = None


def ui_families(available: list[str], platform: str, language: str, bundled: str) -> list[str]:
    """The families the windows use, best first: a system font that is installed, then the
    bundled one (Qt falls back along the list for characters a font lacks)."""
    script = "zh_TW" if language == "zh_TW" else "zh_CN"  # English text still shows Chinese data
    key = "linux" if platform.startswith("linux") else platform
    installed = {name.casefold() for name in available}
    chosen = [f for f in SYSTEM_FONTS.get(key, {}).get(script, []) if f.casefold() in installed][:1]
    return chosen + ([bundled] if bundled and bundled not in chosen else [])


def bundled_family() -> str:
    """Register the bundled font once; its family name (empty if it could not be loaded)."""
    global _bundled
    if _bundled is None:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", FONT_FILE)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _bundled = families[0] if families else ""
    return _bundled


def register_fonts(app: QApplication, language: str = "zh_CN") -> list[str]:
    """Make the system's Chinese UI font (or the bundled one) the application's font."""
    families = ui_families(QFontDatabase.families(), sys.platform, language, bundled_family())
    if families:
        font = QFont()
        font.setFamilies(families)
        font.setPointSize(UI_POINT_SIZE)
        app.setFont(font)
    return families
