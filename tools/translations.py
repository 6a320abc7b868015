"""Regenerate the translations: lupdate over ui/*.py, fill zh_TW and en, lrelease.

    .venv/bin/python tools/translations.py          # update .ts and .qm
    .venv/bin/python tools/translations.py --check  # fail if a string has no English

The source language is Simplified Chinese (the strings in the code).
- 繁體中文 (zh_TW) is converted from the source with OpenCC ("s2twp": Taiwan
  characters and vocabulary) plus the office-term fixes in ZH_TW_FIXES. OpenCC is
  needed only here, never at run time:  .venv/bin/pip install opencc-python-reimplemented
  (the generated .ts/.qm are committed, so neither requirements file lists it).
- English comes from tools/translations_en.py (source -> English), written by hand;
  its EN_IN_CONTEXT holds the few sources that read differently in one context (日 the
  weekday is Sun, not Day).

Both .ts files are rewritten each run and compiled to .qm next to them
(resources/translations/), which the program loads through ui/i18n.py.
"""

from __future__ import annotations

import argparse
import functools
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.translations_en import EN, EN_IN_CONTEXT  # noqa: E402

FOLDER = ROOT / "resources" / "translations"
TS_FILES = {"zh_TW": FOLDER / "huiyin_zh_TW.ts", "en": FOLDER / "huiyin_en.ts"}

# After OpenCC: where its IT vocabulary misreads an office term (对象 is the party
# complained about, not a software 物件; 项目 is a field, not a 專案; 类型 a kind, not a
# programming 型別), and 臺 -> 台 as offices write it (工作台, 台賬). 聯絡單 is kept.
ZH_TW_FIXES: dict[str, str] = {
    "臺": "台",
    "物件": "對象",
    "專案": "項目",
    "型別": "類型",
    "許可權": "權限",
    "稽核": "審核",
    "資料資料夾": "數據資料夾",
    "迴音": "回音",  # the program's name, not OpenCC's 迴音 (echo)
}


def _tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to the running Python (the venv)."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return name


def lupdate() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
         "-source-language", "zh_CN", *sources, "-ts", *(str(p) for p in TS_FILES.values())],
        cwd=ROOT, check=True,
    )  # fmt: skip


@functools.cache
def _converter():  # type: ignore[no-untyped-def]
    import opencc  # only this tool needs it (see the module docstring)

    return opencc.OpenCC("s2twp")  # loading its dictionaries is the slow part: once


def to_traditional(text: str) -> str:
    converted = _converter().convert(text)
    for wrong, right in ZH_TW_FIXES.items():
        converted = converted.replace(wrong, right)
    return converted


def fill(path: Path, translate) -> list[str]:
    """Write a translation for every message; returns the sources left without one.
    `translate(source, context)` gives the text, or None."""
    tree = ET.parse(path)
    missing: list[str] = []
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            _fill_message(message, name, translate, missing)
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return missing


def _fill_message(message: ET.Element, context: str, translate, missing: list[str]) -> None:
    source = message.findtext("source") or ""
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    text = translate(source, context)
    if text:
        translation.text = text
        translation.attrib.pop("type", None)
    else:
        translation.text = None
        translation.set("type", "unfinished")
        missing.append(source)


def english(source: str, context: str) -> str | None:
    """EN_IN_CONTEXT first (a source that reads differently in one context), then EN."""
    return EN_IN_CONTEXT.get((context, source)) or EN.get(source)


def lrelease() -> None:
    for path in TS_FILES.values():
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(path), "-qm", str(path.with_suffix(".qm"))], check=True
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="only report strings without English")
    args = parser.parse_args(argv)
    FOLDER.mkdir(parents=True, exist_ok=True)
    lupdate()
    fill(TS_FILES["zh_TW"], lambda source, _context: to_traditional(source))
    missing = fill(TS_FILES["en"], english)
    lrelease()
    for source in dict.fromkeys(missing):
        print(f"no English yet: {source!r}", file=sys.stderr)
    if args.check and missing:
        return 1
    print(f"{len(set(EN))} English strings; {len(set(missing))} missing", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
