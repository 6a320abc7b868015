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
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in MARKERS:
                # translate(context, text) and QT_TRANSLATE_NOOP(context, text): the text
                for arg in node.args[1:] if name in ("translate", "QT_TRANSLATE_NOOP") else node.args:
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
    from ui.settings import SettingsDialog

    dialog = SettingsDialog(office.policies, office.staff, office.holidays, year=2027, data_dir=tmp_path)
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


# Every visible string is translated ---------------------------------------------------------
CJK = re.compile(r"[\u4e00-\u9fff]")
DATA_COMMENT = re.compile(r"#\s*data\b")
# Where a string is handed to the font metrics only: measured, never shown.
MEASURING = ("horizontalAdvance", "boundingRect")
# Names that hold ValidationError / FieldErrors problems keyed by field.
ERROR_HOLDERS = ("problems", "errors", "field_errors", "widgets", "_error_labels")


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _key_nodes(node: ast.AST):
    """The nodes `node` uses as the field key of a ValidationError or of FieldErrors."""
    if isinstance(node, ast.Call):
        func = node.func
        if _name(func) == "ValidationError" or (
            isinstance(func, ast.Attribute)
            and func.attr in ("show", "bind", "set", "get")
            and _name(func.value) in ERROR_HOLDERS
        ):
            for arg in node.args[:1]:
                yield from (arg.keys if isinstance(arg, ast.Dict) else [arg])
    elif isinstance(node, ast.Subscript) and _name(node.value) in ERROR_HOLDERS:
        yield node.slice
    elif isinstance(node, ast.Compare) and any(_name(c) in ERROR_HOLDERS for c in node.comparators):
        yield node.left
    elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
        if any(_name(t) in ERROR_HOLDERS for t in node.targets):
            yield from node.value.keys


def field_keys() -> set[str]:
    """The field names problems are keyed by (内容, 联系电话…), read from app/ and ui/: the
    services' ValidationErrors and the forms' FieldErrors bindings, including names handed
    on through a helper's parameter or a `for name, … in ((…), …)` loop."""
    trees = [
        ast.parse(p.read_text(encoding="utf-8"))
        for d in ("app", "ui")
        for p in sorted((ROOT / d).rglob("*.py"))
    ]
    key_params: dict[str, set[tuple[int, str]]] = {}
    found: list[ast.AST] = []
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                params = [a.arg for a in node.args.args]
                offset = 1 if params[:1] == ["self"] else 0
                used = {n.id for sub in ast.walk(node) for n in _key_nodes(sub) if isinstance(n, ast.Name)}
                for i, param in enumerate(params):
                    if param in used:
                        key_params.setdefault(node.name, set()).add((i - offset, param))
            elif isinstance(node, ast.For) and isinstance(node.target, ast.Tuple):
                targets = [_name(t) for t in node.target.elts]
                used = {
                    n.id
                    for sub in node.body
                    for s in ast.walk(sub)
                    for n in _key_nodes(s)
                    if isinstance(n, ast.Name)
                }
                if isinstance(node.iter, (ast.Tuple, ast.List)):
                    for i, target in enumerate(targets):
                        if target in used:
                            found += [
                                e.elts[i]
                                for e in node.iter.elts
                                if isinstance(e, ast.Tuple) and i < len(e.elts)
                            ]
    for tree in trees:
        for node in ast.walk(tree):
            found += _key_nodes(node)
            if isinstance(node, ast.Call) and _name(node.func) in key_params:
                for i, param in key_params[_name(node.func)]:
                    found += node.args[i : i + 1] or [k.value for k in node.keywords if k.arg == param]
    # a field name marked for the catalog where it is defined (N_("重开原因"), app/i18n.py) is still its key
    found = [n.args[0] if isinstance(n, ast.Call) and _name(n.func) == "N_" and n.args else n for n in found]
    return {
        n.value
        for n in found
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and CJK.search(n.value)
    }


def data_values() -> set[str]:
    """What stays in the office's Chinese in every language: stored or compared values."""
    from app import audit, domain, signatures, visits

    values = {*domain.KINDS, *domain.VALIDITIES, *domain.VALIDITY_LABELS.values(), *domain.SEVERITIES}
    values |= {*domain.URGENCIES, *domain.OCCUPANT_TYPES, *domain.STATES, *domain.ROLES.values()}
    values |= {
        *domain.VISIT_METHODS,
        *domain.SATISFACTION,
        *audit.ACCESS_ACTIONS,
        *signatures.SIGNER_RELATIONS,
    }
    values |= {v for k, v in vars(domain).items() if k.startswith(("EV_", "VISIT_")) and isinstance(v, str)}
    values |= {
        *visits.OPEN_VISIT_STATES,
        *visits.CALENDAR_STATES,
        *visits.ATTEMPT_OUTCOMES,
        *visits.UNSATISFIED,
    }
    values |= set(visits.PERIODIC_PURPOSES)
    return values | field_keys()


def untranslated_strings() -> list[str]:
    """Chinese string constants in ui/*.py that reach the screen without tr(): not marked,
    not a docstring, not a data value or field key, not measured only, no `# data` comment."""
    allowed = data_values()
    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        tree = ast.parse(source)
        skip: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in MARKERS + MEASURING:
                skip.update(id(arg) for arg in node.args)
            elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
                skip.add(id(node.value))  # docstrings and bare strings
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Constant) and isinstance(node.value, str) and CJK.search(node.value)
            ):
                continue
            if id(node) in skip or node.value in allowed:
                continue
            if any(
                DATA_COMMENT.search(lines[n - 1])
                for n in range(node.lineno, (node.end_lineno or node.lineno) + 1)
            ):
                continue
            found.append(f"ui/{path.name}:{node.lineno}: {node.value!r}")
    return found


def test_every_visible_string_goes_through_tr():
    """Wrap it: self.tr("…{0}…").format(x), QT_TR_NOOP in module-level lists, or
    QCoreApplication.translate in functions; a stored or compared value gets `# data`."""
    assert "内容" in field_keys() and "被投诉部门/人员" in field_keys()
    found = untranslated_strings()
    assert not found, f"{len(found)} Chinese strings without tr():\n" + "\n".join(found)
