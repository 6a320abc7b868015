"""签名: the pad the customer signs on with a finger, a pen or the mouse, and what wraps it.

`SignaturePad` keeps each stroke as points (x, y, ms since the first point, pressure 0..1)
in the pad's logical pixels, so a high-DPI screen gives the same strokes as any other.
It draws them smoothly: quadratic curves through the midpoints of the points, the width
following the pen's pressure (a mouse counts as 0.5). `SignatureDialog` is the large
window for signing, `SignatureField` the compact line a form embeds (未签名 or a
thumbnail, and a 签名… button).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QElapsedTimer, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QInputDevice,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QPointingDevice,
    QResizeEvent,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.signatures import SIGNER_RELATIONS, Point, SignatureCapture, Stroke, check_strokes
from app.validation import clean_text
from ui.widgets import ErrorLabel

INK = QColor(20, 30, 90)  # the same blue-black as `app.signatures.render_png`
PAPER = QColor("#ffffff")
BASELINE = QColor("#9aa3b5")
HINT = QColor("#c9ced8")
MOUSE_PRESSURE = 0.5
BASE_WIDTH = 3.5  # logical pixels at pressure 0.5, as the stored PNG draws it
MIN_STEP = 0.8  # logical pixels: closer points add nothing but noise


def pen_width(pressure: float, scale: float = 1.0) -> float:
    return max(0.8, BASE_WIDTH * scale * (0.55 + 0.9 * max(0.0, min(1.0, pressure))))


def draw_strokes(painter: QPainter, strokes: Sequence[Sequence[Point]], scale: float = 1.0) -> None:
    """Draw strokes smoothly: a quadratic curve from midpoint to midpoint through each point,
    each piece as wide as the (lightly averaged) pressure at its control point."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    pen = QPen(INK)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    for stroke in strokes:
        pts = [QPointF(p[0] * scale, p[1] * scale) for p in stroke]
        pressures = [float(p[3]) if len(p) > 3 else MOUSE_PRESSURE for p in stroke]
        if not pts:
            continue
        if len(pts) == 1:  # a dot
            width = pen_width(pressures[0], scale)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(INK)
            painter.drawEllipse(pts[0], width / 2, width / 2)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            continue
        smooth = [
            (pressures[max(0, i - 1)] + 2 * pressures[i] + pressures[min(len(pressures) - 1, i + 1)]) / 4
            for i in range(len(pressures))
        ]
        mids = [(a + b) / 2 for a, b in zip(pts, pts[1:], strict=False)]
        pieces: list[tuple[QPainterPath, float]] = []
        first = QPainterPath(pts[0])
        first.lineTo(mids[0])
        pieces.append((first, smooth[0]))
        for i in range(1, len(pts) - 1):
            piece = QPainterPath(mids[i - 1])
            piece.quadTo(pts[i], mids[i])
            pieces.append((piece, smooth[i]))
        last = QPainterPath(mids[-1])
        last.lineTo(pts[-1])
        pieces.append((last, smooth[-1]))
        for path, pressure in pieces:
            pen.setWidthF(pen_width(pressure, scale))
            painter.setPen(pen)
            painter.drawPath(path)


def strokes_bounds(strokes: Sequence[Sequence[Point]]) -> QRectF:
    xs = [p[0] for s in strokes for p in s]
    ys = [p[1] for s in strokes for p in s]
    if not xs:
        return QRectF()
    return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def signature_pixmap(strokes: Sequence[Sequence[Point]], size: QSize, dpr: float = 1.0) -> QPixmap:
    """The strokes scaled to fit `size` (logical pixels), on a transparent background."""
    pixmap = QPixmap(max(1, round(size.width() * dpr)), max(1, round(size.height() * dpr)))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    bounds = strokes_bounds(strokes)
    if bounds.isNull() and not any(strokes):
        return pixmap
    margin = 4.0
    w = max(bounds.width(), 1.0)
    h = max(bounds.height(), 1.0)
    scale = min((size.width() - 2 * margin) / w, (size.height() - 2 * margin) / h, 1.0)
    painter = QPainter(pixmap)
    painter.translate(
        (size.width() - w * scale) / 2 - bounds.left() * scale,
        (size.height() - h * scale) / 2 - bounds.top() * scale,
    )
    draw_strokes(painter, strokes, scale)
    painter.end()
    return pixmap


class SignaturePad(QWidget):
    """Where the signature is drawn: mouse, pen (with pressure) or finger."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self._clock = QElapsedTimer()
        self._cache: QPixmap | None = None  # the finished strokes, at the screen's resolution
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(360, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("签名板"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(900, 320)

    # What the pad holds ----------------------------------------------------------------
    def strokes(self) -> list[Stroke]:
        return [list(s) for s in self._strokes]

    def set_strokes(self, strokes: Sequence[Sequence[Point]]) -> None:
        """Show strokes signed before (re-opening the dialog keeps the signature)."""
        self._strokes = [
            [(float(p[0]), float(p[1]), int(p[2]), float(p[3])) for p in s] for s in strokes if s
        ]
        self._current = None
        self._invalidate()

    def is_empty(self) -> bool:
        return not self._strokes and not self._current

    def reason(self) -> str | None:
        """Why this is not yet a signature (in Chinese), or None."""
        return check_strokes(self._strokes)

    def capture(self, signer_name: str, relation: str = "业主本人") -> SignatureCapture:
        bounds = strokes_bounds(self._strokes)
        width = max(self.width(), int(bounds.right()) + 1)
        height = max(self.height(), int(bounds.bottom()) + 1)
        return SignatureCapture(
            strokes=self.strokes(),
            width=width,
            height=height,
            signer_name=clean_text(signer_name),
            relation=relation,
        )

    def clear(self) -> None:
        if self.is_empty():
            return
        self._strokes = []
        self._current = None
        self._invalidate()

    def undo(self) -> None:
        """Take back the last stroke."""
        if self._current:
            self._current = None
        elif self._strokes:
            self._strokes.pop()
        else:
            return
        self._invalidate()

    def _invalidate(self) -> None:
        self._cache = None
        self.update()
        self.changed.emit()

    # Input -----------------------------------------------------------------------------
    def _begin(self, pos: QPointF, pressure: float) -> None:
        if not self._strokes and self._current is None:
            self._clock.start()
        self._current = []
        self._add(pos, pressure)

    def _add(self, pos: QPointF, pressure: float) -> None:
        if self._current is None:
            return
        x = min(max(pos.x(), 0.0), float(self.width()))
        y = min(max(pos.y(), 0.0), float(self.height()))
        t = self._clock.elapsed() if self._clock.isValid() else 0
        if self._current:
            last = self._current[-1]
            if abs(last[0] - x) < MIN_STEP and abs(last[1] - y) < MIN_STEP:
                return
        self._current.append((round(x, 1), round(y, 1), int(t), round(pressure, 3)))
        # Repaint only around the newest piece of the curve.
        near = self._current[-3:]
        xs, ys = [p[0] for p in near], [p[1] for p in near]
        pad = BASE_WIDTH * 2 + 2
        self.update(
            QRectF(
                min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad
            ).toAlignedRect()
        )

    def _end(self) -> None:
        if self._current is None:
            return
        stroke, self._current = self._current, None
        if stroke:
            self._strokes.append(stroke)
            self._cache = None
            self.update()
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), MOUSE_PRESSURE)
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._current is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._add(event.position(), MOUSE_PRESSURE)
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._current is not None:
            self._add(event.position(), MOUSE_PRESSURE)
            self._end()
            event.accept()

    @staticmethod
    def _pressure(device: QPointingDevice | None, value: float) -> float:
        if device is not None and device.capabilities() & QInputDevice.Capability.Pressure:
            return max(0.05, min(1.0, value))
        return MOUSE_PRESSURE

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        # Accepted, so Qt does not also send the mouse events it would make of it.
        pressure = self._pressure(event.pointingDevice(), event.pressure())
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position(), pressure)
        elif kind == QEvent.Type.TabletMove:
            self._add(event.position(), pressure)
        elif kind == QEvent.Type.TabletRelease:
            self._end()
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            assert isinstance(event, QTouchEvent)
            self._touch(event)
            event.accept()
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        points = event.points()
        if event.type() == QEvent.Type.TouchCancel or not points:
            self._end()
            return
        point = points[0]  # one finger signs; a second one resting on the glass is ignored
        pressure = self._pressure(event.pointingDevice(), point.pressure())
        if event.type() == QEvent.Type.TouchBegin:
            self._begin(point.position(), pressure)
        elif event.type() == QEvent.Type.TouchUpdate:
            self._add(point.position(), pressure)
        else:
            self._add(point.position(), pressure)
            self._end()

    # Drawing ---------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._cache = None
        super().resizeEvent(event)

    def baseline_y(self) -> float:
        return self.height() * 0.72

    def _background(self, painter: QPainter) -> None:
        painter.fillRect(self.rect(), PAPER)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        margin = self.width() * 0.06
        y = self.baseline_y()
        pen = QPen(BASELINE, 1.2)
        painter.setPen(pen)
        painter.drawLine(QPointF(margin, y), QPointF(self.width() - margin, y))
        mark = QFont(self.font())
        mark.setPixelSize(max(14, round(self.height() * 0.09)))
        painter.setFont(mark)
        painter.drawText(
            QRectF(margin - 2, y - mark.pixelSize() * 1.5, mark.pixelSize() * 1.5, mark.pixelSize() * 1.4),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            "×",
        )
        if self.is_empty():
            hint = QFont(self.font())
            hint.setPixelSize(max(20, round(self.height() * 0.22)))
            hint.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 130)
            painter.setFont(hint)
            painter.setPen(HINT)
            painter.drawText(
                QRectF(0, 0, self.width(), y - 6),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                self.tr("签名"),
            )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        dpr = painter.device().devicePixelRatioF()
        if self._cache is None or self._cache.devicePixelRatioF() != dpr:
            self._cache = QPixmap(max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr)))
            self._cache.setDevicePixelRatio(dpr)
            cache_painter = QPainter(self._cache)
            self._background(cache_painter)
            draw_strokes(cache_painter, self._strokes)
            cache_painter.end()
        painter.drawPixmap(
            event.rect(),
            self._cache,
            QRectF(event.rect().topLeft() * dpr, event.rect().size() * dpr).toRect(),
        )
        if self._current:
            draw_strokes(painter, [self._current])
        painter.end()


class SignatureDialog(QDialog):
    """签名: the signer's name, who they are, and the pad; 确定 refuses a dot or nothing."""

    def __init__(
        self,
        title: str | None = None,
        signer_name: str = "",
        relation: str = "业主本人",
        ask_relation: bool = True,
        previous: SignatureCapture | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("客户签名"))
        self.capture: SignatureCapture | None = None
        self.ask_relation = ask_relation

        self.name_edit = QLineEdit(signer_name)
        self.name_edit.setMaxLength(40)
        self.name_edit.setPlaceholderText(self.tr("签名人姓名"))
        self.name_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 12)
        self.relation_box = QComboBox()
        self.relation_box.addItems(SIGNER_RELATIONS)
        if relation in SIGNER_RELATIONS:
            self.relation_box.setCurrentText(relation)
        self.name_error = ErrorLabel()

        heading = QLabel(title)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.35)
        big.setBold(True)
        heading.setFont(big)
        instructions = QLabel(
            self.tr("请在下方白色区域内签名(手指、触控笔或鼠标均可)。写错了可“撤销”上一笔或“清除”重签。")
        )
        instructions.setWordWrap(True)
        instructions.setStyleSheet("color: #555;")

        who = QGridLayout()
        who.setHorizontalSpacing(8)
        who.setVerticalSpacing(2)
        who.addWidget(QLabel(self.tr("签名人")), 0, 0)
        who.addWidget(self.name_edit, 0, 1)
        relation_label = QLabel(self.tr("身份"))
        who.addWidget(relation_label, 0, 2)
        who.addWidget(self.relation_box, 0, 3)
        who.addWidget(self.name_error, 1, 1, 1, 3)
        who.setColumnStretch(4, 1)
        relation_label.setVisible(ask_relation)
        self.relation_box.setVisible(ask_relation)

        self.pad = SignaturePad()
        if previous is not None:
            self.pad.set_strokes(previous.strokes)
        frame = QFrame()
        frame.setObjectName("padFrame")
        frame.setStyleSheet(
            "QFrame#padFrame { border: 1px solid #8a94a8; border-radius: 4px; background: white; }"
        )
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(1, 1, 1, 1)
        frame_layout.addWidget(self.pad)

        self.reason_label = ErrorLabel()
        self.clear_button = QPushButton(self.tr("清除"))
        self.undo_button = QPushButton(self.tr("撤销"))
        self.ok_button = QPushButton(self.tr("确定"))
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("取消"))
        for button in (self.clear_button, self.undo_button, self.ok_button, self.cancel_button):
            button.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 5)
            button.setMinimumHeight(34)
        self.clear_button.clicked.connect(self.pad.clear)
        self.undo_button.clicked.connect(self.pad.undo)
        self.ok_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self.pad.changed.connect(self._pad_changed)

        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addLayout(who)
        layout.addWidget(instructions)
        layout.addWidget(frame, 1)
        layout.addWidget(self.reason_label)
        layout.addLayout(buttons)
        self._pad_changed()
        self.resize(960, 540)  # fits a 1366×768 screen with its task bar

    def _pad_changed(self) -> None:
        self.reason_label.set_error(None)
        self.undo_button.setEnabled(not self.pad.is_empty())
        self.clear_button.setEnabled(not self.pad.is_empty())

    def accept(self) -> None:
        name = clean_text(self.name_edit.text())
        self.name_error.set_error(None if name else self.tr("请填写签名人姓名"))
        reason = self.pad.reason()
        self.reason_label.set_error(reason)
        if not name:
            self.name_edit.setFocus()
            return
        if reason:
            self.pad.setFocus()
            return
        relation = self.relation_box.currentText() if self.ask_relation else ""
        self.capture = self.pad.capture(name, relation)
        super().accept()


class SignatureField(QWidget):
    """A form's signature line: 未签名 or a thumbnail of the signature, and 签名…."""

    changed = Signal()
    THUMB = QSize(220, 72)

    def __init__(
        self, title: str, default_name: str = "", parent: QWidget | None = None, *, ask_relation: bool = True
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.default_name = default_name
        self.ask_relation = ask_relation
        self._capture: SignatureCapture | None = None
        self.dialog: SignatureDialog | None = None

        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(self.THUMB + QSize(4, 4))
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet(
            "QLabel { border: 1px dashed #9aa3b5; border-radius: 3px; background: white; color: #888; }"
        )
        self.signer_label = QLabel()
        self.signer_label.setStyleSheet("color: #444;")
        self.sign_button = QPushButton(self.tr("签名…"))
        self.sign_button.clicked.connect(self.open_dialog)
        self.clear_button = QPushButton(self.tr("清除"))
        self.clear_button.clicked.connect(self.clear)

        side = QVBoxLayout()
        side.setSpacing(4)
        side.addWidget(self.signer_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        side.addLayout(buttons)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.thumbnail)
        layout.addLayout(side, 1)
        self._show()

    def capture(self) -> SignatureCapture | None:
        return self._capture

    def set_default_name(self, name: str) -> None:
        """The name the dialog starts with (the person met), until someone signs."""
        self.default_name = name

    def clear(self) -> None:
        if self._capture is None:
            return
        self._capture = None
        self._show()
        self.changed.emit()

    def open_dialog(self) -> SignatureDialog:
        previous = self._capture
        self.dialog = SignatureDialog(
            self.title,
            previous.signer_name if previous else self.default_name,
            previous.relation if previous and previous.relation else "业主本人",
            ask_relation=self.ask_relation,
            previous=previous,
            parent=self,
        )
        self.dialog.accepted.connect(self._signed)
        self.dialog.open()
        return self.dialog

    def _signed(self) -> None:
        if self.dialog is not None and self.dialog.capture is not None:
            self._capture = self.dialog.capture
            self._show()
            self.changed.emit()

    def _show(self) -> None:
        capture = self._capture
        if capture is None:
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(self.tr("未签名"))
            self.signer_label.setText(self.title)
            self.sign_button.setText(self.tr("签名…"))
            self.clear_button.hide()
            return
        self.thumbnail.setPixmap(signature_pixmap(capture.strokes, self.THUMB, self.devicePixelRatioF()))
        who = capture.signer_name + (f"({capture.relation})" if capture.relation else "")
        self.signer_label.setText(self.tr("{0}:{1}").format(self.title, who))
        self.sign_button.setText(self.tr("重签…"))
        self.clear_button.show()
