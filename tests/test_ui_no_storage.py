"""Every window reaches storage only through the services in app/: no model import (except for
type hints), no query, no transaction, no global database (issue 12). No Qt."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "ui").rglob("*.py"))


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
            # Catching the database's own error (a damaged file) is not reaching storage.
            errors_only = all(a.name.endswith(("Error", "ERRORS")) for a in node.names)
            if node.lineno not in hints_only and not errors_only:
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
    assert len(FILES) >= 100
