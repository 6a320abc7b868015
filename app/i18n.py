"""The words made outside the windows, in the chosen language: messages, states, kinds, labels.

The windows' own strings go through Qt (``self.tr()`` and the .qm files, ui/i18n.py). What
``app/`` and ``reports/`` make — a refusal, a reason, a period's label, a case's state, the
quarterly report's headings — is Simplified Chinese in the code and goes through this module:

    raise UserError(tr("第{row}行:房号 {room} 不存在", row=5, room="3-2-501"))
    STATES = [N_("待派工"), N_("处理中")]       # marked here, shown later with term(state)

- ``tr(template, *args, **kwargs)`` translates a template, then fills it (``str.format``).
- ``term(value)`` shows a stored word (a state, a kind, a role, a default category) in the
  chosen language; a word the catalog does not know — something an office typed — is shown
  as typed. It never formats, so data with braces is safe.
- ``N_(text)`` only marks a literal for the catalog and gives it back unchanged.

The language is one per process: the window sets it at start from the PC's choice
(window.ini), the command line from ``--lang`` or the same file. The catalogs are
resources/translations/app_<language>.json, made by tools/app_translations.py from the marked
literals (English written by hand in tools/app_en/, 繁體 converted by OpenCC); the program
needs no converter at run time. Simplified Chinese needs no catalog: it is the source.

"pseudo" is a language for tests: every translated word comes back as ⟪English⟫, so a word on
screen outside ⟪⟫ that the program made is a word nobody translated.
"""

from __future__ import annotations

import configparser
import json
import logging
import threading
from pathlib import Path

from app.paths import resource_path

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "zh_TW", "en")
PSEUDO = "pseudo"
PSEUDO_OPEN, PSEUDO_CLOSE = "⟪", "⟫"

_lock = threading.Lock()
_language = SOURCE_LANGUAGE
_catalog: dict[str, str] = {}


CONTEXT_SEPARATOR = "\x04"  # gettext's: "context\x04source" keys a word that reads otherwise in one context


def N_(text: str, context: str = "") -> str:  # noqa: N802 (the conventional marker's name)
    """Marks `text` for the catalog (shown later through term() or tr()); gives it back.
    `context` names where it reads differently (一般 as an urgency is "Normal", as a
    satisfaction "Neutral"): show it with term(value, context)."""
    return text


def catalog_path(language: str) -> Path:
    return resource_path("translations", f"app_{language}.json")


def load_catalog(language: str) -> dict[str, str]:
    """The catalog of `language` (empty for the source language, or when its file is missing)."""
    if language == SOURCE_LANGUAGE:
        return {}
    path = catalog_path("en" if language == PSEUDO else language)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning(
            "no catalog for %s (%s): words made by the program stay Simplified Chinese", language, exc
        )
        return {}
    messages = data.get("messages", {}) if isinstance(data, dict) else {}
    return {str(k): str(v) for k, v in messages.items() if v}


def set_language(language: str) -> None:
    """Use `language` (zh_CN, zh_TW, en, or pseudo for tests) from now on, in this process."""
    global _language, _catalog
    if language not in LANGUAGES and language != PSEUDO:
        raise ValueError(f"unknown language {language!r}")
    catalog = load_catalog(language)
    with _lock:
        _language, _catalog = language, catalog


def language() -> str:
    return _language


def term(value: str, context: str = "") -> str:
    """A stored word (state, kind, role, default category…) in the chosen language; other
    values (what people typed) as they are. `context` as the word was marked with N_()."""
    if _language == SOURCE_LANGUAGE or not isinstance(value, str) or not value:
        return value
    found = _catalog.get(f"{context}{CONTEXT_SEPARATOR}{value}") if context else None
    if found is None:
        found = _catalog.get(value)
    if found is None:
        return value
    return f"{PSEUDO_OPEN}{found}{PSEUDO_CLOSE}" if _language == PSEUDO else found


def tr(template: str, /, *args: object, **kwargs: object) -> str:
    """`template` (Simplified Chinese, str.format fields) in the chosen language, filled in."""
    text = template
    if _language != SOURCE_LANGUAGE:
        found = _catalog.get(template)
        if found is not None:
            text = f"{PSEUDO_OPEN}{found}{PSEUDO_CLOSE}" if _language == PSEUDO else found
    if not args and not kwargs:
        return text
    try:
        return text.format(*args, **kwargs)
    except (IndexError, KeyError, ValueError) as exc:  # a translation that lost a field
        log.error("translation of %r does not fit its fields (%s); shown in the source", template, exc)
        return template.format(*args, **kwargs)


def language_of_folder(data_dir: Path) -> str:
    """The language chosen on this PC for `data_dir` (window.ini, written by the window's
    settings), read without Qt so the command line speaks it too."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(Path(data_dir) / "window.ini", encoding="utf-8")
    except (OSError, configparser.Error):
        return SOURCE_LANGUAGE
    value = parser.get("ui", "language", fallback=SOURCE_LANGUAGE)
    return value if value in LANGUAGES else SOURCE_LANGUAGE
