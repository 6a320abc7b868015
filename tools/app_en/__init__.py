"""English for the words made in app/ and reports/ (source: Simplified Chinese -> English).

One module per area, so that people translating different areas do not edit one file;
``ENGLISH`` merges them (a source given twice must read the same, checked by
tools/app_translations.py). The windows' strings are in tools/translations_en.py, which is
also consulted for a word both use.
"""

from __future__ import annotations

import importlib
import pkgutil

from app.i18n import CONTEXT_SEPARATOR


def ctx(context: str, source: str) -> str:
    """The key of a word that reads differently in `context` (marked N_(source, context))."""
    return f"{context}{CONTEXT_SEPARATOR}{source}"


AREAS = sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def merged() -> tuple[dict[str, str], list[str]]:
    """All areas' English, and the sources two areas translate differently."""
    english: dict[str, str] = {}
    conflicts: list[str] = []
    for area in AREAS:
        table: dict[str, str] = importlib.import_module(f"{__name__}.{area}").EN
        for source, text in table.items():
            if source in english and english[source] != text:
                conflicts.append(f"{area}: {source!r}: {english[source]!r} / {text!r}")
            english.setdefault(source, text)
    return english, conflicts
