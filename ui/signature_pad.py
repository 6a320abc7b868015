"""签名: the pad the customer signs on with a finger, a pen or the mouse.

`SignaturePad` keeps each stroke as points (x, y, ms since the first point, pressure 0..1)
in the pad's logical pixels, so a high-DPI screen gives the same strokes as any other.
It draws them smoothly: quadratic curves through the midpoints of the points, the width
following the pen's pressure (a mouse counts as 0.5). The window for signing and the
compact line a form embeds are in ui/signature_dialog.py.
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
    QSizePolicy,
    QWidget,
)

from app.signatures import Point, SignatureCapture, Stroke, check_strokes
from app.validation import clean_text
from ui import palette

INK = QColor(20, 30, 90)  # the same blue-black as `app.signatures.render_png`
PAPER = QColor(palette.PAPER)
BASELINE = QColor(palette.STRONG_LINE)  # where to sign
HINT = QColor(palette.LINE)  # "请在此签名" on the empty pad
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
