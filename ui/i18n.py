"""The language the windows speak: 简体中文 (the source), 繁體中文 or English.

The strings in ui/*.py are Simplified Chinese and go through ``self.tr()``;
resources/translations/huiyin_<lang>.qm hold the other languages (made by
tools/translations.py with Qt's lupdate/lrelease). Data values (kinds, states,
categories, names) stay in the office's Chinese: they are data, not UI text.

The choice is saved per PC in the data folder's window.ini and read before any
window is built, so changing it takes effect at the next start.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator

from app.paths import resource_path


# Marks for lupdate, which finds them by name in the source: a label kept in a list or a dict,
# translated later where it is shown. PySide6 types its own as returning `object`; these give
# the label back as the `str` it is, so the windows type-check.
def QT_TR_NOOP(text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    return text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802
    return text


SOURCE_LANGUAGE = "zh_CN"
# code -> how the language names itself (shown in Settings in its own script)
LANGUAGES: dict[str, str] = {"zh_CN": "简体中文", "zh_TW": "繁體中文", "en": "English"}  # data
SETTINGS_FILE = "window.ini"

# The weekday as 周X / 星期X write it (Monday first), in their own context: 一 or 日 alone
# would be ambiguous. Shown through weekday().
WEEKDAYS = [QT_TRANSLATE_NOOP("Weekday", "一"), QT_TRANSLATE_NOOP("Weekday", "二"), QT_TRANSLATE_NOOP("Weekday", "三"),
            QT_TRANSLATE_NOOP("Weekday", "四"), QT_TRANSLATE_NOOP("Weekday", "五"), QT_TRANSLATE_NOOP("Weekday", "六"),
            QT_TRANSLATE_NOOP("Weekday", "日")]  # fmt: skip


def weekday(day: dt.date | int) -> str:
    """一…日 in Chinese (for 周X / 星期X), Mon…Sun in English; takes a date or date.weekday()."""
    index = day if isinstance(day, int) else day.weekday()
    return QCoreApplication.translate("Weekday", WEEKDAYS[index])


SETTINGS_KEY = "ui/language"


class _Translator(QTranslator):
    """A .qm translator that also looks in the context-free messages.

    Labels kept in lists or dicts are marked with QT_TR_NOOP (lupdate files them
    without a context) and shown later through some class's ``self.tr(label)``.
    """

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        found = super().translate(context, source, disambiguation, n)
        if not found and context:
            found = super().translate("", source, disambiguation, n)
        # None (a null QString) means "not here": Qt then tries the next translator or
        # shows the source; an empty string would be taken as the translation.
        return found or None


def qm_path(language: str) -> Path:
    return resource_path("translations", f"huiyin_{language}.qm")


def _settings(data_dir: Path) -> QSettings:
    return QSettings(str(Path(data_dir) / SETTINGS_FILE), QSettings.Format.IniFormat)


def read_language(data_dir: Path) -> str:
    """The language chosen on this PC (the default is Simplified Chinese)."""
    value = _settings(data_dir).value(SETTINGS_KEY, SOURCE_LANGUAGE)
    return value if isinstance(value, str) and value in LANGUAGES else SOURCE_LANGUAGE


def write_language(data_dir: Path, language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    settings = _settings(data_dir)
    settings.setValue(SETTINGS_KEY, language)
    settings.sync()


def install_translator(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the program's and Qt's own translators for `language`; returns them
    (keep them: a translator that is garbage-collected stops working)."""
    installed: list[QTranslator] = []
    # Qt's own strings (standard buttons, file dialogs) for the Chinese variants;
    # Qt's source language is English, so English needs none.
    qt_own = {"zh_CN": "qtbase_zh_CN", "zh_TW": "qtbase_zh_TW"}.get(language)
    if qt_own:
        base = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if base.load(qt_own, folder):
            app.installTranslator(base)
            installed.append(base)
    if language != SOURCE_LANGUAGE and language in LANGUAGES:
        own = _Translator(app)
        if own.load(str(qm_path(language))):
            app.installTranslator(own)
            installed.append(own)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def deadline_lines(deadlines) -> list[str]:  # type: ignore[no-untyped-def]
    """app.policy.Deadlines as its describe() says it, a deadline a line, in the chosen language."""

    def line(text: str, when: dt.datetime) -> str:
        return QCoreApplication.translate("Deadlines", text).format(f"{when:%m-%d %H:%M}")

    lines = [
        line(QT_TRANSLATE_NOOP("Deadlines", "首次回复 {0} 前"), deadlines.response_due),
        line(QT_TRANSLATE_NOOP("Deadlines", "办结 {0} 前"), deadlines.resolve_due),
    ]
    if deadlines.answer_due:
        lines.append(line(QT_TRANSLATE_NOOP("Deadlines", "明确答复 {0} 前"), deadlines.answer_due))
    if deadlines.major_report_due:
        lines.append(line(QT_TRANSLATE_NOOP("Deadlines", "重大投诉报告 {0} 前"), deadlines.major_report_due))
    return lines
