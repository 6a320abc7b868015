"""The case windows, the intake page and the night log reach storage only through services:
no model import (except for type hints), no transaction, no global database. No Qt."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(
    [
        *(ROOT / "ui" / "case_detail").rglob("*.py"),
        *(ROOT / "ui" / "case_actions").rglob("*.py"),
        *(ROOT / "ui" / "intake").rglob("*.py"),
        ROOT / "ui" / "case_model.py",
        ROOT / "ui" / "case_list.py",
        ROOT / "ui" / "room_picker.py",
        ROOT / "ui" / "nightlog.py",
    ]
)


def _type_checking_blocks(tree: ast.AST) -> set[int]:
    """Line numbers inside `if TYPE_CHECKING:` blocks."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_storage_in_the_window(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hints_only = _type_checking_blocks(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in ("app.models", "app.db"):
            if node.lineno not in hints_only:
                found.append(f"{node.lineno}: from {node.module} import …")
        elif isinstance(node, ast.Attribute) and node.attr in (
            "atomic",
            "select",
            "get_or_none",
            "get_by_id",
        ):
            found.append(f"{node.lineno}: .{node.attr}")
        elif isinstance(node, ast.Name) and node.id == "db":
            found.append(f"{node.lineno}: db")
    assert not found, found


def test_the_guard_sees_the_files():
    assert len(FILES) >= 12
