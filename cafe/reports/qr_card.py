"""A table's QR code as a card to print: the code, "Bord 3" under it, and what to do.

``cafe qr DIR --table N --out bord-N.png`` is how the help says to print a code per
table; a bare code would make six printed cards that nobody can tell apart. The label
is drawn in DejaVu Sans (installed with the README's set-up), the words are the table
cards' own (``table-cards.pptx``), in the meeting's language.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from cafe.i18n import Translator
from cafe.qr import qr_png
from cafe.reports.fonts import FALLBACK_FAMILY, find_font

BOX = 20
"""Pixels per module: twice the bare code's, so the card prints sharp at A6 and up."""
LABEL_SHARE = 0.24
"""The table number's letters are this share of the card's width tall: read across a
table, as a printed card's number must be."""
LINE_SHARE = 0.06
"""The instruction's letters, a share of the width: readable at arm's length."""
MARGIN_SHARE = 0.06
"""White around the text, a share of the width (the code has its own quiet zone)."""

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def _font(size: int, *, bold: bool) -> Font:
    """DejaVu Sans at ``size`` px, else Pillow's own scalable font (no font installed)."""
    path = find_font(FALLBACK_FAMILY, bold=bold)
    if path is not None:
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def _fitted(text: str, size: int, width: int, *, bold: bool) -> Font:
    """The font at ``size``, or smaller until ``text`` fits in ``width`` px."""
    font = _font(size, bold=bold)
    while size > 8 and font.getlength(text) > width:
        size = max(8, int(size * width / font.getlength(text)))
        font = _font(size, bold=bold)
    return font


def table_card_png(url: str, table: int, lang: str) -> bytes:
    """PNG bytes: ``url``'s code, with "Bord ``table``" and the instruction under it."""
    tr = Translator(lang)
    code = Image.open(io.BytesIO(qr_png(url, box_size=BOX))).convert("RGB")
    width = code.width
    margin = int(width * MARGIN_SHARE)
    inner = width - 2 * margin
    label = tr("reports.cards.table", table=table)
    line = tr("reports.cards.scan")
    label_font = _fitted(label, int(width * LABEL_SHARE), inner, bold=True)
    line_font = _fitted(line, int(width * LINE_SHARE), inner, bold=False)
    measure = ImageDraw.Draw(code)
    label_box = measure.textbbox((0, 0), label, font=label_font, anchor="ls")
    line_box = measure.textbbox((0, 0), line, font=line_font, anchor="ls")
    gap = margin // 2
    height = code.height + (label_box[3] - label_box[1]) + gap + (line_box[3] - line_box[1])
    card = Image.new("RGB", (width, height + margin), "white")
    card.paste(code, (0, 0))
    draw = ImageDraw.Draw(card)
    baseline = code.height - label_box[1]
    draw.text((width // 2, baseline), label, fill="black", font=label_font, anchor="ms")
    baseline += label_box[3] + gap - line_box[1]
    draw.text((width // 2, baseline), line, fill="black", font=line_font, anchor="ms")
    buffer = io.BytesIO()
    card.save(buffer, format="PNG")
    return buffer.getvalue()
