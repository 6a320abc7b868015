"""Translations: every visible string has a 繁體中文 and an English translation, with the
same placeholders and accelerators; the compiled .qm load; the windows and printed forms
follow the chosen language. Regenerate with `.venv/bin/python tools/translations.py`."""

from __future__ import annotations

import ast
import io
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QTranslator

from app.paths import resource_path
from reports.labels import EN as FORM_EN
from reports.labels import ZH_TW as FORM_ZH_TW
from reports.printing import Printouts
from ui.i18n import LANGUAGES, install_translator, read_language, remove_translators, write_language

ROOT = Path(__file__).resolve().parent.parent
TS = {lang: resource_path("translations", f"huiyin_{lang}.ts") for lang in ("zh_TW", "en")}
PLACEHOLDER = re.compile(r"\{[0-9a-z_]*(?::[^}]*)?\}|%[0-9n]|%[sd]")
MARKERS = ("tr", "QT_TR_NOOP", "QT_TRANSLATE_NOOP", "translate")


def messages(lang: str) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS[lang]).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message.find("translation")))
    return out


def accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&)\S", text.replace("&&", "")))


def marked_strings() -> set[str]:
    """Every string literal handed to tr() / QT_TR_NOOP() / translate() in ui/*.py."""
    found: set[str] = set()
    for path in (ROOT / "ui").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in MARKERS:
                for arg in node.args:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found.add(arg.value)
    return found


@pytest.mark.parametrize("lang", sorted(TS))
def test_every_message_is_translated_alike(lang):
    found = messages(lang)
    assert len(found) > 900
    problems = []
    for context, source, translation in found:
        text = translation.text if translation is not None else None
        if not text or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{context}: {source!r} has no translation")
            continue
        if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: placeholders differ: {source!r} -> {text!r}")
        if accelerators(source) != accelerators(text):
            problems.append(f"{context}: accelerator differs: {source!r} -> {text!r}")
    assert not problems, "\n".join(problems[:30])


def test_every_marked_string_is_in_the_translations():
    """A new self.tr() string fails here until tools/translations.py has been run (and,
    for English, tools/translations_en.py has its entry)."""
    marked = {s for s in marked_strings() if s.strip() and s not in ("ui", "app")}
    for lang in TS:
        sources = {source for _, source, _ in messages(lang)}
        missing = sorted(s for s in marked - sources if not s.startswith("ui/"))
        assert not missing, f"{lang}: not in the .ts, run tools/translations.py: {missing[:20]}"


def test_office_terms_in_traditional_chinese():
    table = {source: t.text for _, source, t in messages("zh_TW")}
    assert table["回访记录表"] == "回訪記錄表"
    assert table["业主档案"] == "業主檔案"
    assert table["报修"] == "報修"
    assert table["被投诉对象"] == "被投訴對象"  # not OpenCC's software 物件
    assert table["工作台"] == "工作台"


@pytest.mark.parametrize(("lang", "source", "context", "expected"), [
    ("en", "工作台", "", "Dashboard"),
    ("en", "取消", "ActionDialog", "Cancel"),
    ("zh_TW", "回访日历", "", "回訪日曆"),
])  # fmt: skip
def test_compiled_qm_files_load(lang, source, context, expected):
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", f"huiyin_{lang}.qm")))
    assert translator.translate(context, source) == expected
    # the .qm says what the .ts says (file times are no guide in a fresh clone)
    stale = [source for ctx, source, t in messages(lang) if translator.translate(ctx, source) != t.text]
    assert not stale, f"huiyin_{lang}.qm differs from the .ts, run tools/translations.py: {stale[:10]}"


def test_language_choice_is_saved_per_pc(tmp_path):
    assert read_language(tmp_path) == "zh_CN"
    write_language(tmp_path, "en")
    assert read_language(tmp_path) == "en"
    assert (tmp_path / "window.ini").exists()
    assert set(LANGUAGES) == {"zh_CN", "zh_TW", "en"}
    with pytest.raises(ValueError):
        write_language(tmp_path, "fr")


@pytest.fixture
def english(qapp):
    installed = install_translator(qapp, "en")
    yield
    remove_translators(qapp, installed)


def test_main_window_in_english(qtbot, office, admin, english):
    from ui.main_window import MainWindow

    window = MainWindow(office, admin)
    qtbot.addWidget(window)
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels[:3] == ["Dashboard", "Intake", "Case"]
    assert "Form ledger" in labels
    assert "Open 0" in window.status_counts.text()
    assert QCoreApplication.translate("MainWindow", "设置(&S)") == "&Settings"


def test_settings_dialog_saves_the_language(qtbot, office, tmp_path):
    from app.holidays import HolidayService
    from ui.settings import SettingsDialog

    dialog = SettingsDialog(office.policies, office.staff, HolidayService(), year=2027, data_dir=tmp_path)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_TW"))
    dialog.save()
    assert read_language(tmp_path) == "zh_TW"


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_form_labels_cover_both_languages():
    assert set(FORM_EN) == set(FORM_ZH_TW)
    for source, english in FORM_EN.items():
        assert Counter(PLACEHOLDER.findall(source)) == Counter(PLACEHOLDER.findall(english)), source


@pytest.mark.parametrize(("lang", "title", "page"), [
    ("zh_TW", "回訪記錄表", "第 1 頁 / 共 1 頁"),
    ("en", "Follow-up visit record", "Page 1 of 1"),
    ("zh_CN", "回访记录表", "第 1 页 / 共 1 页"),
])  # fmt: skip
def test_printed_visit_form_follows_the_language(office, admin, lang, title, page):
    text = pdf_text(Printouts(office, admin, language=lang).blank_forms(1))
    assert title in text
    assert page in text


def test_printed_sheets_follow_the_language(office, admin, make_case):
    case = make_case()
    english = Printouts(office, admin, language="en")
    assert "Customer complaint record" in pdf_text(english.complaint_record(case))
    assert "Visit record form sign-out sheet" in pdf_text(english.ledger_pdf())
    traditional = pdf_text(Printouts(office, admin, language="zh_TW").complaint_record(case))
    assert "顧客投訴處理記錄表" in traditional
