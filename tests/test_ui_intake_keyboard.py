"""A phone complaint taken by keyboard alone: Ctrl+N, the caller, the matter, Ctrl+S, the next call.

Every key goes to whatever widget has the focus, as on the clerk's keyboard; Chinese text is
committed by the input method (one commit per phrase), so the test also counts what a clerk types.
"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.models import Case
from tests.helpers.qt_input import type_text
from ui.intake import IntakeForm
from ui.main_window import MainWindow


class Keyboard:
    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.keys = 0  # key presses (ASCII typed, Tab, arrows, shortcuts)
        self.phrases = 0  # phrases committed by the input method

    def focus(self):  # type: ignore[no-untyped-def]
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.focus(), key, modifier)
        self.keys += 1

    def type(self, text: str) -> None:
        type_text(self.qtbot, self.focus(), text)
        if text.isascii():
            self.keys += len(text)
        else:
            self.phrases += 1


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_phone_complaint_by_keyboard_alone(qtbot, office, admin):
    window = MainWindow(office, admin)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.nav.setFocus()
    kb = Keyboard(qtbot)

    kb.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.pages.currentWidget()
    assert isinstance(form, IntakeForm)
    assert kb.focus() is form.room  # the cursor is where the call starts

    kb.type("3-2-501")
    kb.press(Qt.Key.Key_Tab)
    assert kb.focus() is form.phone
    kb.type("13812345678")
    kb.press(Qt.Key.Key_Tab)
    assert kb.focus() is form.name
    kb.type("张伟")
    kb.press(Qt.Key.Key_Tab)  # 匿名
    kb.press(Qt.Key.Key_Tab)
    assert kb.focus() is form.kind and form.kind.currentText() == "投诉"
    kb.press(Qt.Key.Key_Tab)  # 有效性
    kb.press(Qt.Key.Key_Tab)
    assert kb.focus() is form.severity
    kb.press(Qt.Key.Key_Down)  # 轻微 -> 重要
    assert form.severity.currentText() == "重要"
    kb.press(Qt.Key.Key_Tab)  # 紧急程度
    kb.press(Qt.Key.Key_Tab)  # 需先行处置 (H21)
    kb.press(Qt.Key.Key_Tab)
    assert kb.focus() is form.category
    kb.press(Qt.Key.Key_Down)  # the first category
    category = form.category.currentText()
    assert category and form.category.currentIndex() >= 0
    while kb.focus() is not form.account:
        kb.press(Qt.Key.Key_Tab)
        assert kb.keys < 60, "Tab never reaches 内容"
    kb.type("楼上漏水到我家卫生间天花板")
    kb.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    case = Case.get()
    assert (case.room_label, case.customer_phone, case.customer_name) == ("3-2-501", "13812345678", "张伟")
    assert (case.kind, case.severity, case.category) == ("投诉", "重要", category)
    assert case.account == "楼上漏水到我家卫生间天花板"
    assert kb.focus() is form.room and form.room.text() == ""  # ready for the next call
    # 7 + 11 characters typed, Ctrl+N, Ctrl+S, and the Tabs and arrows between the fields.
    print(f"\nkeystrokes: {kb.keys}, input-method phrases: {kb.phrases}")
    assert kb.keys <= 40 and kb.phrases == 2
