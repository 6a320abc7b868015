"""The program icon in the forms installers want, drawn from resources/icons/huiyin.svg.

    python installer/icons.py OUT_DIR     # writes huiyin.ico (Windows) and huiyin-256.png

The SVG stays the one source: PyInstaller's spec calls `make_ico` at build time for the
.exe icon, and the .deb ships the SVG itself (hicolor/scalable).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "huiyin.svg"
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]


def render_png(size: int, out: Path, svg: Path = SVG) -> Path:
    """The SVG drawn at `size`×`size` pixels with Qt's own SVG renderer (no display needed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 - QPainter needs one
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"无法读取图标 {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise OSError(f"无法写入 {out}")
    return out


def make_ico(out: Path, svg: Path = SVG) -> Path:
    """A Windows .ico with the usual sizes, each drawn from the SVG at that size."""
    from PIL import Image

    pngs = [render_png(size, out.parent / f"huiyin-{size}.png", svg) for size in ICO_SIZES]
    images = [Image.open(p) for p in pngs]
    largest = images[-1]
    largest.save(out, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])
    for image in images:
        image.close()
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "build/icons")
    print(make_ico(target / "huiyin.ico"))
