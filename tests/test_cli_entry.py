"""The program is put together at the top (`huiyin/`): `app/` imports neither the windows
nor the PDFs, and `python -m huiyin` is the command (no Qt in this file)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

IMPORT_EVERY_APP_MODULE = """
import importlib, pkgutil, sys
import app

names = sorted(
    m.name for m in pkgutil.walk_packages(app.__path__, "app.") if m.name != "app.__main__"
)
for name in names:
    importlib.import_module(name)
upward = sorted(
    n for n in sys.modules
    if n.split(".")[0] in ("ui", "reports", "huiyin", "PySide6")
)
print(len(names))
print(" ".join(upward))
"""


def test_importing_every_app_module_imports_no_window_pdf_or_entry_module() -> None:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_APP_MODULE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    count, upward = (result.stdout.splitlines() + ["", ""])[:2]
    assert int(count) > 40  # every module was imported, not an empty walk
    assert upward == "", f"app/ pulled in: {upward}"


def test_no_app_module_names_ui_or_reports_even_in_a_late_import() -> None:
    """A late import inside a function is not run by importing the module: read the source."""
    found = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                if name.split(".")[0] in ("ui", "reports", "huiyin"):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    assert found == []


def test_python_m_huiyin_is_the_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "huiyin", "--version"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("回音 ")


def test_python_m_app_says_the_new_command_in_words() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--user", "admin", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == "回音的启动命令已改为 python -m huiyin。请运行:python -m huiyin --user admin check"
    )
