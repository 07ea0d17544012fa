"""QR codes in every form the meeting needs: terminal, SVG for pages, PNG for slides.

Error correction M tolerates a smudged printout or a projector's glare while keeping
the code small enough to scan from the back of a room.
"""

from __future__ import annotations

import io

import qrcode
import qrcode.constants
import qrcode.image.svg


def _code(data: str, border: int = 4) -> qrcode.QRCode:
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=10, border=border
    )
    code.add_data(data)
    code.make(fit=True)
    return code


def qr_matrix(data: str, border: int = 2) -> list[list[bool]]:
    """Dark (``True``) and light modules, quiet zone included."""
    return [list(row) for row in _code(data, border).get_matrix()]


def qr_svg(data: str) -> str:
    """A standalone SVG (one path), scaling crisply to any size on a page."""
    image = qrcode.make(
        data,
        image_factory=qrcode.image.svg.SvgPathImage,
        border=4,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
    )
    return image.to_string(encoding="unicode")


def qr_png(data: str, box_size: int = 10) -> bytes:
    """PNG bytes, for slides and print."""
    code = _code(data)
    code.box_size = box_size
    buffer = io.BytesIO()
    code.make_image(fill_color="#000000", back_color="#ffffff").save(buffer, format="PNG")
    return buffer.getvalue()


def qr_halfblocks(data: str, border: int = 2) -> list[list[tuple[bool, bool]]]:
    """Rows of (top, bottom) module pairs: one terminal cell is two modules tall.

    A widget draws each pair as "▀" with the top as foreground and the bottom as
    background, in exact hex black and white (named colours get remapped by themes).
    """
    matrix = qr_matrix(data, border)
    if len(matrix) % 2:
        matrix.append([False] * len(matrix[0]))
    return [list(zip(matrix[y], matrix[y + 1], strict=True)) for y in range(0, len(matrix), 2)]
