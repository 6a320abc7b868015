"""The language the windows speak: 简体中文 (the source), 繁體中文 or English.

The strings in ui/*.py are Simplified Chinese and go through ``self.tr()``;
resources/translations/huiyin_<lang>.qm hold the other languages (made by
tools/translations.py with Qt's lupdate/lrelease). Data values (kinds, states,
categories, names) stay in the office's Chinese: they are data, not UI text.

The choice is saved per PC in the data folder's window.ini and read before any
window is built, so changing it takes effect at the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator

from app.paths import resource_path

SOURCE_LANGUAGE = "zh_CN"
# code -> how the language names itself (shown in Settings in its own script)
LANGUAGES: dict[str, str] = {"zh_CN": "简体中文", "zh_TW": "繁體中文", "en": "English"}
SETTINGS_FILE = "window.ini"
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
