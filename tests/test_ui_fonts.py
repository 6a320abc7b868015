"""The windows use the system's Chinese font where there is one, the bundled font behind it."""

from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication, QLabel

from ui.fonts import bundled_family, register_fonts, ui_families

WQY = "WenQuanYi Micro Hei"


def test_windows_prefers_microsoft_yahei_then_the_bundled_font():
    available = ["Arial", "Microsoft YaHei UI", "Microsoft YaHei", "SimSun", "Microsoft JhengHei UI"]
    assert ui_families(available, "win32", "zh_CN", WQY) == ["Microsoft YaHei UI", WQY]
    assert ui_families(available, "win32", "en", WQY) == ["Microsoft YaHei UI", WQY]
    assert ui_families(available, "win32", "zh_TW", WQY) == ["Microsoft JhengHei UI", WQY]


def test_linux_takes_the_systems_cjk_font_or_only_the_bundled_one():
    assert ui_families(["DejaVu Sans", "Noto Sans CJK SC"], "linux", "zh_CN", WQY) == [
        "Noto Sans CJK SC",
        WQY,
    ]
    assert ui_families(["DejaVu Sans"], "linux", "zh_CN", WQY) == [WQY]  # a machine with no Chinese font
    assert ui_families([], "linux", "zh_CN", "") == []


def test_the_bundled_font_draws_chinese_when_the_system_has_none(qapp):
    bundled = bundled_family()
    assert bundled == WQY
    families = register_fonts(QApplication.instance())
    assert families[-1] == WQY
    assert set(families[:-1]) <= set(QFontDatabase.families())
    label = QLabel("回访记录表")
    assert QFontInfo(label.font()).family() in families
