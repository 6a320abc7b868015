"""Scans made the way an office makes them, from the program's real printed PDFs.

The printed PDF is rendered by poppler's `pdftoppm` (a different renderer from the one the
program reads scans with), then spoilt as paper and scanners and phones spoil it: turned a
few degrees or upside down, speckled, blurred, saved as a rough JPEG, photographed at an
angle on a desk. Used by tests/test_form_scans.py and the scan-import benchmark.
"""

from __future__ import annotations

import io
import random
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import zxingcpp
from PIL import Image, ImageChops, ImageDraw, ImageFilter


def render(pdf: bytes, dpi: int, gray: bool = True) -> list[Image.Image]:
    """Every page of `pdf` as a picture at `dpi`, drawn by pdftoppm."""
    with tempfile.TemporaryDirectory(prefix="huiyin-scan-") as tmp:
        source = Path(tmp) / "in.pdf"
        source.write_bytes(pdf)
        args = ["pdftoppm", "-r", str(dpi), "-png", *(["-gray"] if gray else []), str(source), f"{tmp}/p"]
        subprocess.run(args, check=True, capture_output=True, timeout=600)
        pages = []
        for path in sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1])):
            with Image.open(path) as image:
                pages.append(image.copy())
        return pages


def turned(image: Image.Image, degrees: float) -> Image.Image:
    """The sheet laid a little crooked on the glass (white around it)."""
    fill = 255 if image.mode == "L" else (255, 255, 255)
    return image.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=fill)


def upside_down(image: Image.Image) -> Image.Image:
    return image.rotate(180)


def speckled(image: Image.Image, sigma: float = 40.0, seed: int = 1) -> Image.Image:
    """Sensor noise: gaussian noise of `sigma` grey levels added to every pixel."""
    random.seed(seed)
    noise = Image.effect_noise(image.size, sigma)
    base = image.convert("L")
    return ImageChops.add(base, noise, 1.0, -128)


def blurred(image: Image.Image, radius: float = 1.5) -> Image.Image:
    return image.filter(ImageFilter.GaussianBlur(radius))


def rough_jpeg(image: Image.Image, quality: int = 50) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    buffer.seek(0)
    with Image.open(buffer) as again:
        return again.copy()


def _solve(matrix: list[list[float]], values: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (8 × 8: no numpy needed)."""
    n = len(values)
    rows = [row[:] + [v] for row, v in zip(matrix, values, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(n):
            if r != col:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return [rows[i][n] / rows[i][i] for i in range(n)]


def _perspective_coeffs(
    target: Sequence[tuple[float, float]], source: Sequence[tuple[float, float]]
) -> list[float]:
    """Coefficients for Image.transform(PERSPECTIVE): output point `target[i]` samples `source[i]`."""
    matrix: list[list[float]] = []
    values: list[float] = []
    for (x, y), (u, v) in zip(target, source, strict=True):
        matrix.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        values.append(u)
        matrix.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        values.append(v)
    return _solve(matrix, values)


def phone_photo(image: Image.Image, seed: int = 1, size: tuple[int, int] = (3024, 4032)) -> Image.Image:
    """The sheet photographed on a desk: seen at an angle (a trapezoid), smaller than the
    frame, on a darker background, a little uneven light, in colour."""
    rng = random.Random(seed)
    width, height = size
    page = image.convert("RGB")
    pw_, ph_ = page.size
    margin_x, margin_y = width * 0.08, height * 0.06
    # where the page's corners land in the photo: top edge narrower (camera tilted back)
    inset = width * rng.uniform(0.04, 0.08)
    corners = [
        (margin_x + inset + rng.uniform(-20, 20), margin_y + rng.uniform(-20, 20)),
        (width - margin_x - inset + rng.uniform(-20, 20), margin_y + rng.uniform(-20, 20)),
        (width - margin_x + rng.uniform(-20, 20), height - margin_y + rng.uniform(-20, 20)),
        (margin_x + rng.uniform(-20, 20), height - margin_y + rng.uniform(-20, 20)),
    ]
    source = [(0, 0), (pw_, 0), (pw_, ph_), (0, ph_)]
    coeffs = _perspective_coeffs(corners, source)
    photo = page.transform(
        size, Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR, fillcolor=(96, 84, 70)
    )
    # light falling off towards the bottom
    shade = Image.linear_gradient("L").resize(size).point(lambda v: 255 - v // 5)
    photo = ImageChops.multiply(photo, Image.merge("RGB", (shade, shade, shade)))
    return photo


def without_code(image: Image.Image) -> Image.Image:
    """The same page with its QR code covered (a sticky note, a coffee stain): no code to read."""
    page = image.copy()
    codes = zxingcpp.read_barcodes(page, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
    if not codes:
        raise ValueError("no code on this page to cover")
    draw = ImageDraw.Draw(page)
    for code in codes:
        p = code.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        pad = (max(xs) - min(xs)) // 4
        fill = 235 if page.mode == "L" else (235, 225, 150)
        draw.rectangle((min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad), fill=fill)
    return page


def blank_page(size: tuple[int, int] = (1654, 2339), sigma: float = 12.0) -> Image.Image:
    """The empty back of a sheet, as a duplex scanner sends it (a little noise)."""
    return speckled(Image.new("L", size, 250), sigma)


def to_pdf(pages: Sequence[Image.Image], path: Path, dpi: int = 200, quality: int = 75) -> Path:
    """A multi-page PDF of JPEG pictures, as an office scanner writes it."""
    first, *rest = [p.convert("L") if p.mode not in ("L", "RGB") else p for p in pages]
    first.save(path, "PDF", save_all=True, append_images=rest, resolution=dpi, quality=quality)
    return path


def to_jpeg(image: Image.Image, path: Path, quality: int = 85, exif_orientation: int | None = None) -> Path:
    """A phone's JPEG; with `exif_orientation` the pixels are stored turned and the EXIF tag
    says how to turn them back (as phones do)."""
    picture = image.convert("RGB")
    exif = Image.Exif()
    if exif_orientation == 6:  # stored turned 90° anticlockwise; viewers turn it clockwise
        picture = picture.rotate(90, expand=True)
        exif[0x0112] = 6
    elif exif_orientation == 3:
        picture = picture.rotate(180)
        exif[0x0112] = 3
    picture.save(path, "JPEG", quality=quality, exif=exif.tobytes())
    return path
