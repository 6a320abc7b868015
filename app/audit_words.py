"""The words of a read in the audit trail (显示号码, 打印记录表, 导出…) in the chosen language.

A read's detail is stored as the program wrote it, in the source language, and sealed into the
keyed trail: it is evidence and is never rewritten. To show it in English or 繁體 the details the
program writes (app/owner_files.py, app/forms.py, app/cases/replies.py, app/ledger/export.py) are
recognised here by their template and written again, names and numbers as stored; a detail not
recognised is shown as stored.
"""

from __future__ import annotations

import re

from app.i18n import N_, SOURCE_LANGUAGE, language, term, tr

# (stored template as a pattern, the template to show, fields shown through term())
_DETAILS: list[tuple[re.Pattern[str], str, set[str]]] = [
    (re.compile(r"(?P<name>.+) 的联系电话"), N_("{name} 的联系电话"), set()),
    (re.compile(r"(?P<name>.+) 的身份证号"), N_("{name} 的身份证号"), set()),
    (re.compile(r"导出 (?P<count>\d+) 人到 (?P<file>.+)"), N_("导出 {count} 人到 {file}"), set()),
    (
        re.compile(r"回访 #(?P<id>\d+)((?P<what>.*))的回访记录表"),
        N_("回访 #{id}({what})的回访记录表"),
        {"what"},
    ),
    (
        re.compile(r"(?P<number>\S+) 的投诉处理记录表(来电人 (?P<caller>.*))"),
        N_("{number} 的投诉处理记录表(来电人 {caller})"),
        set(),
    ),
    (
        re.compile(r"(?P<number>\S+) 来电人 (?P<caller>.*) 的联系电话"),
        N_("{number} 来电人 {caller} 的联系电话"),
        set(),
    ),
    (
        re.compile(r"全部案件(含来电人姓名、电话及回访)导出到 (?P<file>.+)"),
        N_("全部案件(含来电人姓名、电话及回访)导出到 {file}"),
        set(),
    ),
]


def shown_access_detail(text: str) -> str:
    """A read's stored detail as the person reading the trail now should see it."""
    if language() == SOURCE_LANGUAGE or not text:
        return text
    for pattern, template, words in _DETAILS:
        found = pattern.fullmatch(text)
        if found is not None:
            return tr(template, **{k: term(v) if k in words else v for k, v in found.groupdict().items()})
    return term(text)
