"""The signature pad, dialog and field, driven with the mouse as a signer would."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from app.models import Visit
from app.visits import VisitResult
from ui.signature_dialog import SignatureDialog, SignatureField
from ui.signature_pad import SignaturePad, signature_pixmap

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def draw(pad, points: list[tuple[float, float]]) -> None:
    """One stroke: press at the first point, move through the rest, release at the last."""
    first = QPoint(round(points[0][0]), round(points[0][1]))
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, first)
    for x, y in points[1:]:
        QTest.mouseMove(pad, QPoint(round(x), round(y)))
    last = QPoint(round(points[-1][0]), round(points[-1][1]))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, last)


def loop(x0: float, y0: float, n: int = 30) -> list[tuple[float, float]]:
    return [(x0 + i * 4 + 18 * math.cos(i / 3), y0 + 30 * math.sin(i / 2.5)) for i in range(n)]


def sign(pad) -> None:
    draw(pad, loop(80, 150))
    draw(pad, loop(260, 140))
    draw(pad, [(420 + i * 6, 170 - i * 2) for i in range(20)])


@pytest.fixture
def pad(qtbot):
    p = SignaturePad()
    p.resize(900, 320)
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    return p


def test_mouse_strokes_undo_and_clear(qtbot, pad):
    assert pad.is_empty() and pad.reason() == "没有签名"
    with qtbot.waitSignal(pad.changed):
        draw(pad, loop(80, 150))
    strokes = pad.strokes()
    assert len(strokes) == 1 and len(strokes[0]) >= 20
    x, y, t, pressure = strokes[0][0]
    assert (x, y) == (pytest.approx(98, abs=1), pytest.approx(150, abs=1))
    assert pressure == 0.5 and t >= 0
    assert all(0 <= p[0] <= 900 and 0 <= p[1] <= 320 for p in strokes[0])
    draw(pad, loop(260, 140))
    assert len(pad.strokes()) == 2 and pad.reason() is None
    pad.undo()
    assert len(pad.strokes()) == 1 and pad.strokes() == strokes
    pad.clear()
    assert pad.is_empty() and pad.strokes() == []
    pad.undo()  # nothing left to undo: no error
    assert pad.is_empty()


def test_capture_carries_strokes_size_and_signer(pad):
    sign(pad)
    capture = pad.capture(" 张伟 ", "家属")
    assert capture.signer_name == "张伟" and capture.relation == "家属"
    assert (capture.width, capture.height) == (900, 320)
    assert capture.strokes == pad.strokes()


def test_dialog_refuses_a_dot_and_a_missing_name(qtbot):
    d = SignatureDialog("客户签名", "张伟")
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    assert d.width() <= 1366 and d.height() <= 720  # fits a 1366×768 screen
    assert not d.undo_button.isEnabled()
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert d.isVisible() and d.reason_label.text() == "没有签名"
    QTest.mouseClick(d.pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(300, 150))
    assert len(d.pad.strokes()) == 1  # the dot is there, drawn
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert d.isVisible() and d.capture is None
    assert "太短" in d.reason_label.text() and d.reason_label.isVisible()
    d.undo_button.click()
    sign(d.pad)
    assert not d.reason_label.isVisible()  # drawing again takes the old reason away
    d.name_edit.clear()
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert d.isVisible() and d.name_error.text() == "请填写签名人姓名"
    d.name_edit.setText("张伟")
    d.relation_box.setCurrentText("租户")
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert d.result() == QDialog.DialogCode.Accepted
    assert d.capture is not None and d.capture.relation == "租户" and len(d.capture.strokes) == 3


def test_capture_round_trips_through_an_onsite_visit(qtbot, office, admin, make_case, clock):
    case = make_case(kind="投诉", category="服务态度")
    office.cases.resolve(case, "已道歉并整改", admin)
    clock.advance(days=1)
    visit = Visit.get(Visit.case == case)

    field = SignatureField("客户签名", "张伟")
    qtbot.addWidget(field)
    field.show()
    assert field.capture() is None and field.thumbnail.text() == "未签名"
    dialog = field.open_dialog()
    qtbot.waitExposed(dialog)
    assert dialog.name_edit.text() == "张伟"
    sign(dialog.pad)
    with qtbot.waitSignal(field.changed):
        dialog.ok_button.click()
    capture = field.capture()
    assert capture is not None and capture.signer_name == "张伟"
    assert not field.thumbnail.pixmap().isNull() and "张伟(业主本人)" in field.signer_label.text()

    office.visits.complete(
        visit,
        VisitResult(method="上门", satisfaction="满意", findings="已整改", customer_signature=capture),
        admin,
    )
    stored = office.visits.signatures_of(visit)["customer"]
    assert stored.signer_name == "张伟" and stored.pad_width == capture.width
    assert stored.png.startswith(b"\x89PNG")
    assert office.visits.verify_signature(stored)

    with qtbot.waitSignal(field.changed):
        field.clear()
    assert field.capture() is None and field.thumbnail.text() == "未签名"


def test_reopening_the_field_keeps_the_signature_until_cancelled(qtbot):
    field = SignatureField("回访人签名", "赵物管", ask_relation=False)
    qtbot.addWidget(field)
    dialog = field.open_dialog()
    assert not dialog.relation_box.isVisibleTo(dialog)
    sign(dialog.pad)
    dialog.ok_button.click()
    first = field.capture()
    assert first is not None and first.relation == ""
    again = field.open_dialog()
    assert again.pad.strokes() == first.strokes
    again.pad.clear()
    again.cancel_button.click()
    assert field.capture() == first


def test_pad_renders_at_device_pixel_ratio_two(qtbot, pad):
    sign(pad)
    image = QPixmap(QSize(900, 320) * 2)
    image.setDevicePixelRatio(2)
    pad.render(image)
    picture = image.toImage()
    assert picture.width() == 1800
    inked = sum(
        1
        for x in range(0, 1800, 6)
        for y in range(0, 640, 6)
        if picture.pixelColor(x, y).blue() < 140 and picture.pixelColor(x, y).red() < 80
    )
    assert inked > 20
    grabbed = pad.grab()
    assert not grabbed.isNull()
    # The stored strokes are in logical pixels whatever the screen: the same at ratio 2.
    thumb = signature_pixmap(pad.strokes(), QSize(220, 72), 2.0)
    assert thumb.width() == 440 and thumb.devicePixelRatio() == 2


def test_pen_pressure_changes_the_width(qtbot, pad):
    from ui.signature_pad import pen_width

    assert pen_width(1.0) > pen_width(0.5) > pen_width(0.1)
    pad.set_strokes([[(10 + i * 5, 50.0, i * 8, 0.2 + i * 0.04) for i in range(20)]])
    assert pad.reason() is None and pad.strokes()[0][-1][3] == pytest.approx(0.96)
    pad.grab()  # draws with varying widths, no error


def test_touch_draws_a_stroke(qtbot, pad):
    from PySide6.QtGui import QPointingDevice

    device = QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)
    QTest.touchEvent(pad, device).press(0, QPoint(100, 100)).commit()
    for i in range(1, 12):
        QTest.touchEvent(pad, device).move(0, QPoint(100 + i * 8, 100 + i * 3)).commit()
    QTest.touchEvent(pad, device).release(0, QPoint(196, 136)).commit()
    strokes = pad.strokes()
    assert len(strokes) == 1 and len(strokes[0]) >= 10
    assert strokes[0][0][:2] == (pytest.approx(100, abs=3), pytest.approx(100, abs=3))
    assert strokes[0][-1][:2] == (pytest.approx(196, abs=3), pytest.approx(136, abs=3))
