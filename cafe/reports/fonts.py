"""Text widths measured with the font a deck names, so fitting need not guess.

A deck names its fonts in its theme (python-pptx's default: Calibri). The font file is
looked up by family name in the standard font folders; a missing font is replaced by its
metric-compatible twin (Calibri by Carlito, Arial by Liberation Sans, as LibreOffice
does), else by DejaVu Sans, which is wider than the usual office fonts, so text fitted
with it fits when the real font is there. Only when no font can be found at all does a
generous per-character estimate stand in.

Widths are in em (multiples of the font size) and cached per word: a deck repeats the
same words many times while a box is fitted, and measuring is the slow part.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

REFERENCE_PX = 1000
"""Size fonts are measured at; widths scale linearly, so 1000 px gives 0.1 % precision."""
FALLBACK_FAMILY = "DejaVu Sans"
TWINS = {
    "calibri": ("Carlito",),
    "cambria": ("Caladea",),
    "arial": ("Liberation Sans", "Arimo"),
    "helvetica": ("Liberation Sans", "Arimo"),
    "times new roman": ("Liberation Serif", "Tinos"),
    "courier new": ("Liberation Mono", "Cousine"),
}
"""Metric-compatible replacements, the ones LibreOffice itself uses."""
_FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
_OTHER_WEIGHTS = ("light", "thin", "medium", "semibold", "black", "heavy", "condensed", "narrow")


def font_folders() -> list[Path]:
    """The standard folders fonts are installed in, on Linux, macOS and Windows."""
    home = Path.home()
    folders = [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".fonts",
        home / ".local/share/fonts",
    ]
    if sys.platform == "darwin":
        folders += [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    if sys.platform == "win32":
        folders.append(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            folders.append(Path(local) / "Microsoft/Windows/Fonts")
    return folders


def _font_files() -> Iterator[Path]:
    for folder in font_folders():
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.suffix.lower() in _FONT_SUFFIXES:
                    yield path


def _style_rank(style: str, bold: bool, italic: bool) -> int | None:
    """How well a face's style name serves the wanted style (lower is better; None: no)."""
    words = style.casefold().replace("-", " ").split()
    if any(w in _OTHER_WEIGHTS or w.startswith("extra") for w in words):
        return None
    is_bold = "bold" in words
    is_italic = "italic" in words or "oblique" in words
    if is_bold == bold and is_italic == italic:
        return 0
    if not is_bold and not is_italic:
        return 1  # the renderer synthesises the style from the regular face
    return None


@lru_cache(maxsize=1)
def font_index() -> dict[str, list[tuple[str, Path]]]:
    """Every installed font file by casefolded family name, with its style name.

    Built once per process: opening a few hundred font files takes well under a second.
    """
    index: dict[str, list[tuple[str, Path]]] = {}
    for path in _font_files():
        try:
            family, style = ImageFont.truetype(str(path), 12).getname()
        except OSError:
            continue  # not a font FreeType can read (or a bitmap-only collection)
        if family:
            index.setdefault(family.casefold(), []).append((style or "Regular", path))
    return index


def find_font(family: str, *, bold: bool = False, italic: bool = False) -> Path | None:
    """The installed file of ``family`` closest to the wanted style, or ``None``."""
    ranked = [
        (rank, str(path), path)
        for style, path in font_index().get(family.strip().casefold(), [])
        if (rank := _style_rank(style, bold, italic)) is not None
    ]
    return min(ranked)[2] if ranked else None


@dataclass(frozen=True, slots=True)
class Face:
    """A family in one style; what a run of text is measured with."""

    family: str
    bold: bool = False
    italic: bool = False


@lru_cache(maxsize=64)
def _loaded(face: Face) -> ImageFont.FreeTypeFont | None:
    """The font that stands in for ``face``: itself, its twin, else DejaVu Sans."""
    twins = TWINS.get(face.family.strip().casefold(), ())
    for family in (face.family, *twins, FALLBACK_FAMILY):
        path = find_font(family, bold=face.bold, italic=face.italic)
        if path is not None:
            return ImageFont.truetype(str(path), REFERENCE_PX)
    return None


def resolved(face: Face) -> str:
    """The family and style actually measured with for ``face`` (for messages and tests)."""
    font = _loaded(face)
    return " ".join(font.getname()) if font is not None else "estimate"


@lru_cache(maxsize=64)
def _notdef(face: Face) -> tuple[float, bytes]:
    """Width and picture of the "missing glyph" box, to tell which characters lack one."""
    font = _loaded(face)
    assert font is not None
    small = font.font_variant(size=32)
    probe = "\U000f0000"  # a private-use character no text font draws
    return font.getlength(probe), bytes(small.getmask(probe))


@lru_cache(maxsize=16384)
def _char_em(face: Face, char: str) -> float:
    """One character's width, for characters the face has no glyph for."""
    font = _loaded(face)
    wide = unicodedata.east_asian_width(char) in ("W", "F")
    if font is None or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return estimate_em(char)  # a mark alone would be measured on a dotted circle
    length = font.getlength(char)
    if ord(char) > 0x7F and not char.isspace() and length == _notdef(face)[0]:
        small = font.font_variant(size=32)
        if bytes(small.getmask(char)) == _notdef(face)[1]:
            # another font will draw it: DejaVu if it has it, else a generous estimate
            fallback = Face(FALLBACK_FAMILY, face.bold, face.italic)
            if face.family != FALLBACK_FAMILY and _loaded(fallback) is not None:
                return _char_em(fallback, char)
            return max(estimate_em(char), 1.0)
    width = length / REFERENCE_PX
    return max(width, 1.2) if wide else width  # colour emoji fonts draw wider


@lru_cache(maxsize=65536)
def text_em(face: Face, text: str) -> float:
    """The width of ``text`` (one word, or a word and its space) in ``face``, in em."""
    font = _loaded(face)
    if font is None:
        return sum(estimate_em(c) for c in text)
    if text.isascii():
        return font.getlength(text) / REFERENCE_PX
    whole = font.getlength(text) / REFERENCE_PX
    corrected = sum(_char_em(face, c) for c in text)
    return max(whole, corrected)  # glyphs from another font can only widen the word


@lru_cache(maxsize=64)
def line_em(face: Face) -> float:
    """The font's own line height (ascent, descent and line gap), in em."""
    font = _loaded(face)
    return font.font.height / REFERENCE_PX if font is not None else 1.2


def estimate_em(char: str) -> float:
    """A generous width, only for a machine with no font at all (see the module docstring)."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.2
    if char == " ":
        return 0.35
    return 0.85 if char.isupper() or char in "mwMW@%&" else 0.65
