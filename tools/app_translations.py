"""Regenerate the catalogs of the words made in app/ and reports/ (see app/i18n.py).

    .venv/bin/python tools/app_translations.py          # write resources/translations/app_*.json
    .venv/bin/python tools/app_translations.py --check  # fail if a marked word has no English,
                                                        # or the catalogs are not up to date

A word that reads differently in one context is marked N_(text, context) and has a second
entry "context\x04text"; tools/app_en gives it as "context\x04text" too (write the key as
ctx("context", "text")). A word is marked by being the literal first argument of ``tr(...)`` or ``N_(...)`` in a
module under app/, reports/ or huiyin/ (the command line). English comes from tools/app_en/ (then from the windows'
tools/translations_en.py for a word both use); the words of the policy's default lists
(categories, channels, departments…: policy_words) are taken too; 繁體中文 from OpenCC as for the windows
(tools/translations.py: to_traditional). Each catalog lists its words sorted, so a change
shows as a small diff.
"""

from __future__ import annotations

import argparse
import ast
import json
import string
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.i18n import CONTEXT_SEPARATOR  # noqa: E402
from tools.app_en import merged  # noqa: E402
from tools.translations_en import EN as WINDOW_EN  # noqa: E402

FOLDER = ROOT / "resources" / "translations"
SCANNED = ("app", "reports", "huiyin")
MARKERS = {"tr", "N_"}


def marked(root: Path = ROOT) -> dict[str, list[str]]:
    """Every marked literal -> where it is (file:line), in source order."""
    found: dict[str, list[str]] = {}
    for folder in SCANNED:
        for path in sorted((root / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                name = node.func.id if isinstance(node.func, ast.Name) else None
                first = node.args[0]
                if name in MARKERS and isinstance(first, ast.Constant) and isinstance(first.value, str):
                    where = f"{path.relative_to(root)}:{node.lineno}"
                    found.setdefault(first.value, []).append(where)
                    context = _context(node) if name == "N_" else ""
                    if context:
                        found.setdefault(f"{context}{CONTEXT_SEPARATOR}{first.value}", []).append(where)
    return found


# The policy's default lists (resources/policy_default.json) are the office's editable data but
# start as our words: each is shown through term(), so a default keeps its English while a word
# the office adds stays as typed. English in tools/app_en/policy_words.py.
POLICY_DEFAULTS = ROOT / "resources" / "policy_default.json"


def policy_words(path: Path = POLICY_DEFAULTS) -> dict[str, list[str]]:
    """The words of the policy's default lists -> where they are ("policy_default.json:channels")."""
    data = json.loads(path.read_text(encoding="utf-8"))
    lists: dict[str, list[str]] = {
        "categories": list(data.get("categories", [])),
        "subcategories": [w for words in data.get("subcategories", {}).values() for w in words],
        "channels": list(data.get("channels", [])),
        "departments": list(data.get("departments", [])),
        "referral": [data.get("referral", {}).get("to", "")]
        + list(data.get("referral", {}).get("categories", [])),
        "visit_roles": [t.get("label", "") for t in data.get("visit_roles", {}).get("targets", [])],
        "visits": [
            rule_part.get("name", "")
            for rule in data.get("visits", {}).get("rules", {}).values()
            for rule_part in rule.get("sub_rules", [])
        ],
    }
    found: dict[str, list[str]] = {}
    for key, words in lists.items():
        for word in words:
            if word:
                found.setdefault(word, []).append(f"{path.name}:{key}")
    return found


def _context(node: ast.Call) -> str:
    """The literal context of N_(text, context) or N_(text, context=...), or ""."""
    given = (
        node.args[1]
        if len(node.args) > 1
        else next((k.value for k in node.keywords if k.arg == "context"), None)
    )
    return given.value if isinstance(given, ast.Constant) and isinstance(given.value, str) else ""


def fields(text: str) -> list[str]:
    """The str.format fields of a template, sorted (a translation must keep the same ones)."""
    try:
        return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)
    except ValueError:
        return ["<unbalanced braces>"]


def build() -> tuple[dict[str, dict], list[str]]:
    """The catalogs (language -> JSON document) and the problems (missing or unfit English)."""
    from tools.translations import to_traditional

    words = marked()
    for word, where in policy_words().items():
        words.setdefault(word, []).extend(where)
    english, problems = merged()
    problems = [f"two translations: {c}" for c in problems]
    catalogs: dict[str, dict] = {"en": {}, "zh_TW": {}}
    for source in sorted(words):
        text = english.get(source) or WINDOW_EN.get(source)
        if not text:
            problems.append(f"no English yet: {source!r} ({words[source][0]})")
        elif fields(text) != fields(source):
            problems.append(f"English keeps other fields: {source!r} -> {text!r}")
        else:
            catalogs["en"][source] = text
        catalogs["zh_TW"][source] = to_traditional(source.rpartition(CONTEXT_SEPARATOR)[2])
    return {lang: {"language": lang, "messages": messages} for lang, messages in catalogs.items()}, problems


def render(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check", action="store_true", help="change nothing; fail on a problem or a stale catalog"
    )
    args = parser.parse_args(argv)
    documents, problems = build()
    stale = []
    for language, document in documents.items():
        path = FOLDER / f"app_{language}.json"
        text = render(document)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path.relative_to(ROOT)))
        else:
            path.write_text(text, encoding="utf-8")
    for problem in problems:
        print(problem, file=sys.stderr)
    for path in stale:
        print(f"not up to date: {path} (run tools/app_translations.py)", file=sys.stderr)
    print(f"{len(documents['en']['messages'])} words in English; {len(problems)} problems", file=sys.stderr)
    return 1 if args.check and (problems or stale) else 0


if __name__ == "__main__":
    sys.exit(main())
