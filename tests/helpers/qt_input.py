"""Typing into widgets as a clerk does: ASCII on the keys, Chinese committed by the input
method (拼音输入法). QTest's key clicks cannot carry Chinese characters."""

import re

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication


def type_text(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)
