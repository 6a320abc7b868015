"""The words app/, reports/ and the command line make, in the chosen language (app/i18n.py)."""

from __future__ import annotations

import json

import pytest

from app import i18n
from app.i18n import N_, term, tr
from app.paths import resource_path
from tools.app_translations import fields, marked


@pytest.fixture
def language():
    """Set the process's language for one test and put the source back after."""
    yield i18n.set_language
    i18n.set_language(i18n.SOURCE_LANGUAGE)


def _catalog(language: str) -> dict[str, str]:
    return json.loads(resource_path("translations", f"app_{language}.json").read_text(encoding="utf-8"))[
        "messages"
    ]


def test_every_marked_word_has_english_and_traditional_with_the_same_fields():
    english, traditional = _catalog("en"), _catalog("zh_TW")
    words = marked()
    assert words, "nothing is marked: the scan found no tr()/N_()"
    missing = [w for w in words if w not in english]
    assert not missing, (
        f"no English in resources/translations/app_en.json (run tools/app_translations.py): {missing[:20]}"
    )
    assert not [w for w in words if w not in traditional]
    unfit = [w for w in words if fields(english[w]) != fields(w)]
    assert not unfit


def test_source_language_is_the_code_itself(language):
    language("zh_CN")
    assert term("待派工") == "待派工"
    assert tr("第{row}行:{reason}", row=3, reason="房号不对") == "第3行:房号不对"


def test_english_and_traditional_translate_templates_then_fill_them(language):
    language("en")
    assert term("待派工") == "To dispatch"
    assert term("3-2-501 业主自己写的") == "3-2-501 业主自己写的"  # data stays as typed
    assert term("一般", "satisfaction") == "Neutral" and term("一般", "urgency") == "Normal"
    language("zh_TW")
    assert term("已办结") == "已辦結"
    assert term("系统管理员") == "系統管理員"


def test_a_word_the_catalog_lacks_is_shown_in_the_source_and_braces_in_data_are_safe(language):
    language("en")
    assert tr("没有翻译的句子 {0}", "x") == "没有翻译的句子 x"
    assert term("{not a field}") == "{not a field}"


def test_pseudo_wraps_every_translated_word(language):
    language("pseudo")
    assert term("已作废") == "⟪Void⟫"
    assert term("王五") == "王五"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        i18n.set_language("fr")


def test_the_command_line_reads_the_language_chosen_for_the_folder(tmp_path):
    assert i18n.language_of_folder(tmp_path) == "zh_CN"
    (tmp_path / "window.ini").write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    assert i18n.language_of_folder(tmp_path) == "en"
    (tmp_path / "window.ini").write_text("[ui]\nlanguage=xx\n", encoding="utf-8")
    assert i18n.language_of_folder(tmp_path) == "zh_CN"


def test_marker_gives_the_word_back():
    assert N_("已办结") == "已办结" and N_("一般", "urgency") == "一般"
