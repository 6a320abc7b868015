"""A timeline line in the chosen language, at display time (`shown_event_text`).

The timeline's lines are stored as the program wrote them, in the source language: they are
data (what happened, read back by exports, the quarterly report and the audit), so a clerk
working in English must not store English. To show one in English or 繁體, the lines the
program writes are recognised here by their template and written again in the chosen
language, the stored words in them (a channel, a kind, a severity, a visit's method and
satisfaction) through `term()`. A line written by a person (a progress note, a result) or one
not listed here is shown as stored. A line the program writes from parts joined by ";" (the
受理 line) is shown part by part when every part is recognised.

The templates here are the ones the services write with (app/cases/intake.py, lifecycle.py,
containment.py, replies.py, app/visits/recorder.py, visitors.py);
tests/test_app_messages_cases.py writes each through its service and reads it back here.
"""

from __future__ import annotations

import re
import string

from app.i18n import N_, SOURCE_LANGUAGE, language, term, tr

# A field's pattern when the text around it could also match it (a time has a space).
_FIELD_PATTERNS = {
    "at": r"\d\d-\d\d \d\d:\d\d",
    "due": r"(?:\d{4}-)?\d\d-\d\d \d\d:\d\d|无",
    "old": r"\d{4}-\d\d-\d\d \d\d:\d\d",
    "new": r"\d{4}-\d\d-\d\d \d\d:\d\d",
    "date": r"\d{4}-\d\d-\d\d",
    "number": r"[A-Za-z]*-?\d{4}-\d+",
    "channel": r"[^:;(]+",
    "kind": r"[^·;]+",
    "severity": r"[^;,]+",
}

# (template, the fields that are stored words shown through term(), with their context)
EVENT_LINES: list[tuple[str, dict[str, str]]] = [
    # 受理 (app/cases/intake.py received_text), part by part
    (N_("{channel}受理:{kind}·{severity}"), {"channel": "", "kind": "", "severity": ""}),
    (N_("业主要求 {date} 前办结,办结期限按业主要求定为 {due}"), {}),
    (N_("业主要求 {date} 前办结"), {}),
    (N_("业主只要求书面答复(不回访,复函附于案件)"), {}),
    (N_("需先行处置,期限 {due}"), {}),
    # 派工, 签收, 延期, 关闭, 合并, 典型案例 (app/cases/lifecycle.py)
    (N_("派往{department}({person}),联系单 {number}。{instructions}"), {}),
    (N_("派往{department},联系单 {number}。{instructions}"), {}),
    (N_("{department} {person} 签收联系单 {number}"), {}),
    (N_("期限由 {old} 延至 {new},{person}批准({confirmed})。原因:{reason}"), {"confirmed": ""}),
    (N_("已关闭"), {}),
    (N_("并入 {number}"), {}),
    (N_("合并 {number}({at} {channel}):{account}"), {"channel": ""}),
    (N_("标记为典型案例:{note}"), {}),
    (N_("取消典型案例"), {}),
    # 先行处置 (app/cases/containment.py)
    (N_("标记为需先行处置,期限 {due}"), {}),
    (N_("{person}先行处置(超过先行处置期限 {due}):{what}"), {}),
    (N_("{person}先行处置:{what}"), {}),
    # 书面答复, 记录表 (app/cases/replies.py)
    (N_("业主只要求书面答复:不回访,复函附于案件"), {}),
    (N_("取消“只要求书面答复”:办结后按制度回访"), {}),
    (N_("打印《顾客投诉处理记录表》"), {}),
    (N_("重大投诉报告已提交品质部及总经理"), {}),
    # 回访 (app/visits/recorder.py _visit_line, app/visits/visitors.py)
    (
        N_("第{attempt}次回访({method}):{satisfaction}。{opinion}"),
        {"method": "", "satisfaction": "satisfaction"},
    ),
    (N_("业主损失较大:按制度两人同时回访"), {}),
    (N_("取消“业主损失较大”"), {}),
]


def _pattern(template: str) -> re.Pattern[str]:
    """The template as a regular expression: its fields named groups, the last one taking
    the rest of the line."""
    parts = list(string.Formatter().parse(template))
    out = []
    for i, (literal, name, _, _) in enumerate(parts):
        out.append(re.escape(literal))
        if name is not None:
            last = i == len(parts) - 1
            out.append(f"(?P<{name}>{_FIELD_PATTERNS.get(name, '.*' if last else '.*?')})")
    return re.compile("".join(out) + r"\Z", re.DOTALL)


_COMPILED = [(template, _pattern(template), words) for template, words in EVENT_LINES]


def _one(text: str) -> str | None:
    """`text` written again in the chosen language, or None when no template fits."""
    for template, pattern, words in _COMPILED:
        found = pattern.match(text)
        if found is not None:
            fields = {k: term(v, words[k]) if k in words else v for k, v in found.groupdict().items()}
            return tr(template, **fields)
    return None


def shown_event_text(text: str) -> str:
    """A stored timeline line as the person reading it now should see it (see the module)."""
    if language() == SOURCE_LANGUAGE or not text:
        return text
    whole = _one(text)
    if whole is not None:
        return whole
    if ";" in text:
        parts = [_one(part) for part in text.split(";")]
        if all(p is not None for p in parts):
            return tr(";").join(p for p in parts if p is not None)
    return term(text)
