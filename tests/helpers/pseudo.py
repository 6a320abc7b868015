"""A pseudo-translation run: every translated word on screen comes out as ⟪English⟫.

The windows' catalog (resources/translations/huiyin_en.ts) is rewritten with each English
translation wrapped in ⟪⟫ and compiled to a .qm; app/i18n.py's "pseudo" language does the same for
the words app/ makes. A window is then walked widget by widget:

- an **untranslated** word is Chinese on screen, outside ⟪⟫, that the program itself wrote: the
  whole Chinese run is one of the program's source strings (a window's, or app/'s), or fits one of
  its templates. Data people typed (a name, a room, the customer's words) is not a source string
  and is left alone.
- a **clipped** text is a label, button, tab or column header narrower than its own words (the
  pseudo text is English plus two marks, a little longer than English: room for both).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QScrollArea,
    QTabBar,
    QWidget,
)

from app.i18n import CONTEXT_SEPARATOR, PSEUDO_CLOSE, PSEUDO_OPEN
from app.paths import resource_path

CJK_RUN = re.compile(
    r"[\u3400-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e·…—、]*"
)
WRAPPED = re.compile(f"{PSEUDO_OPEN}.*?{PSEUDO_CLOSE}", re.S)
TAGS = re.compile(r"<[^>]+>")
SEPARATORS = re.compile(r"\n|\s[·/|]\s|[,;,;::()()]|\s{2,}")
EDGES = " \t0123456789.%-+/·…,。:;!?()()[]【】<>《》“”\"'"
FIELD = re.compile(r"\{[^{}]*\}|%\d|%n")


@dataclass(frozen=True)
class Finding:
    kind: str  # "untranslated" or "clipped"
    where: str  # the widget's class and object path
    text: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.where}: {self.text!r}"


def _lrelease() -> str:
    here = Path(sys.executable).parent
    for candidate in (here / "pyside6-lrelease", here / "pyside6-lrelease.exe"):
        if candidate.exists():
            return str(candidate)
    return "pyside6-lrelease"


def make_pseudo_qm(folder: Path) -> Path:
    """The windows' English catalog with every translation wrapped in ⟪⟫, compiled."""
    tree = ET.parse(resource_path("translations", "huiyin_en.ts"))
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.text and translation.get("type") != "unfinished":
            translation.text = f"{PSEUDO_OPEN}{translation.text}{PSEUDO_CLOSE}"
    ts = folder / "huiyin_pseudo.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = ts.with_suffix(".qm")
    subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


class Sources:
    """The program's own Chinese: every source string of the windows and of app/."""

    def __init__(self) -> None:
        words: set[str] = set()
        tree = ET.parse(resource_path("translations", "huiyin_en.ts"))
        words.update(m.findtext("source") or "" for m in tree.iter("message"))
        catalog = json.loads(resource_path("translations", "app_en.json").read_text(encoding="utf-8"))
        words.update(k.rpartition(CONTEXT_SEPARATOR)[2] for k in catalog["messages"])
        words = {w for w in words if CJK_RUN.search(w)}
        self.plain = {w for w in words if not FIELD.search(w)}
        # a template as a pattern: its fixed Chinese must be there, the fields anything
        self.templates = []
        for word in words - self.plain:
            pieces = [re.escape(p) for p in FIELD.split(word)]
            if sum(len(run) for p in FIELD.split(word) for run in CJK_RUN.findall(p)) < 2:
                continue  # 周{0} would take every name beginning 周 for itself
            self.templates.append(re.compile("^" + "(?:.*?)".join(pieces) + "$", re.S))

    def untranslated(self, text: str) -> list[str]:
        """The pieces of `text`, outside ⟪⟫, that are the program's own Chinese: a piece (between
        translated words, tags, line breaks and separators) that is wholly a source string or fits
        a source template. Data that merely contains such a word (a room "5栋1单元") is not one."""
        found = []
        for piece in SEPARATORS.split(TAGS.sub("\n", WRAPPED.sub("\n", text))):
            piece = piece.strip(EDGES)
            if not piece or not CJK_RUN.search(piece):
                continue
            if piece in self.plain or any(t.match(piece) for t in self.templates):
                found.append(piece)
        return found


def _where(widget: QWidget) -> str:
    path = []
    node: QWidget | None = widget
    while node is not None and len(path) < 4:
        path.append(node.objectName() or type(node).__name__)
        node = node.parentWidget()
    return "/".join(reversed(path))


def _texts(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel):
        return [widget.text()]
    if isinstance(widget, QAbstractButton):
        return [widget.text(), widget.toolTip()]
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    if isinstance(widget, QLineEdit):
        return [widget.placeholderText()]
    if isinstance(widget, QComboBox):
        return [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QTabBar):
        return [widget.tabText(i) for i in range(widget.count())]
    return []


def _clipped(widget: QWidget) -> str | None:
    """The text of a widget narrower than its words, or None."""
    if not widget.isVisible() or widget.width() <= 1:
        return None
    if isinstance(widget, QLabel) and not widget.wordWrap() and widget.textFormat() != Qt.TextFormat.RichText:
        text = widget.text()
        if widget.buddy() is not None or "&" in text:  # the mnemonic's & is not drawn
            text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        if text and "\n" not in text and "<" not in text:
            need = widget.fontMetrics().horizontalAdvance(text) + 2 * widget.margin()
            if need > widget.contentsRect().width() + 1:
                return text
    if isinstance(widget, QAbstractButton) and widget.text():
        if (
            widget.sizeHint().width() > widget.width() + 1
            and widget.minimumSizeHint().width() > widget.width() + 1
        ):
            return widget.text()
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            text = widget.tabText(i)
            if widget.fontMetrics().horizontalAdvance(text) > widget.tabRect(i).width():
                return text
    return None


def _view_findings(view: QAbstractItemView, sources: Sources, rows: int) -> list[Finding]:
    findings: list[Finding] = []
    model = view.model()
    if model is None:
        return findings
    where = _where(view)
    header = getattr(view, "horizontalHeader", lambda: None)()
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model keeps columnCount private: one column
        columns = 1
    for column in range(columns):
        title = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if not isinstance(title, str) or not title:
            continue
        findings += [Finding("untranslated", where + ".header", run) for run in sources.untranslated(title)]
        if header is not None and not header.isSectionHidden(column) and header.isVisible():
            need = header.fontMetrics().horizontalAdvance(title) + 8
            if need > header.sectionSize(column) and header.sectionSize(column) > 0:
                findings.append(Finding("clipped", where + ".header", title))
    for row in range(min(rows, model.rowCount(QModelIndex()))):
        for column in range(columns):
            value = model.data(model.index(row, column, QModelIndex()), Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                findings += [
                    Finding("untranslated", f"{where}[{row},{column}]", run)
                    for run in sources.untranslated(value)
                ]
    return findings


def scan(root: QWidget, sources: Sources, rows: int = 40, data_views: tuple[str, ...] = ()) -> list[Finding]:
    """Every untranslated or clipped text in `root` and its visible children. `data_views` names
    pages whose lists are the office's own words being edited (shown as stored, on purpose)."""
    QApplication.processEvents()
    findings: list[Finding] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible():
            continue
        where = _where(widget)
        for text in _texts(widget):
            if text:
                findings += [Finding("untranslated", where, run) for run in sources.untranslated(text)]
        if widget.windowTitle() and widget.isWindow():
            findings += [
                Finding("untranslated", where + ".title", r)
                for r in sources.untranslated(widget.windowTitle())
            ]
        clipped = _clipped(widget)
        if clipped:
            findings.append(Finding("clipped", where, clipped))
        if isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            # a form that does not fit the window's width (a list may scroll sideways; a form not)
            need = widget.widget().minimumSizeHint().width() if widget.widget() is not None else 0
            findings.append(
                Finding(
                    "clipped",
                    where,
                    f"needs a horizontal scrollbar ({need} px in {widget.viewport().width()})",
                )
            )
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            if any(page in where for page in data_views):
                continue
            findings += _view_findings(widget, sources, rows)
    for menu in root.findChildren(QMenu):  # menus are words too, shown or not
        for action in menu.actions():
            for text in (action.text(), menu.title()):
                findings += [
                    Finding("untranslated", f"menu {menu.title()!r}", r) for r in sources.untranslated(text)
                ]
    return list(dict.fromkeys(findings))
