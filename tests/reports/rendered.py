"""Decks as LibreOffice draws them: converted to PDF, read back word by word with poppler.

This is the independent check of ``cafe.reports.fitting``: LibreOffice lays the text out
with its own line breaking and whatever font it finds, and ``pdftotext -bbox-layout``
says where every word landed. A word outside its text box is an overflow, whatever the
fitting code believed.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

EMU_PER_PT = 12700
TOLERANCE_PT = 1.0
"""Slack for rounding between LibreOffice, the PDF and poppler (a hair, not a line)."""
INK_TRIM = 0.15
"""Share of poppler's word box above and below the letters themselves.

poppler's box runs from the font's ascent to its descent as the PDF states them; LibreOffice
states none, so poppler takes 0.95 and 0.35 em, 1.3 em in all. Trimming 15 % at each end
leaves capital height above the baseline and most of a descender below it: the letters a
reader sees, which must lie inside the box."""
DRAWN_MARKS = {"•", "☐"}
"""Characters LibreOffice draws that are not in a shape's text (bullets) or are alone."""


def convert_to_pdf(decks: list[Path], into: Path) -> list[Path]:
    """Each deck as a PDF, converted by LibreOffice with a private profile.

    A missing ``soffice`` fails the test with the package to install: the check must run
    in CI, which installs it.
    """
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail(
            "soffice (LibreOffice) is missing: install libreoffice-impress-nogui "
            "(the README's test command does) to check the decks' rendering"
        )
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install poppler-utils (the README's test command does)")
    profile = into / "lo-profile"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(into),
            *map(str, decks),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    pdfs = [into / f"{deck.stem}.pdf" for deck in decks]
    missing = [p.name for p in pdfs if not p.is_file()]
    assert not missing, f"LibreOffice did not write {missing}: {result.stdout}\n{result.stderr}"
    return pdfs


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Page:
    width: float
    height: float
    words: tuple[Word, ...]


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(
    r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>'
)


def pdf_pages(pdf: Path) -> list[Page]:
    """Every page's size and words with their boxes, in points from the top left."""
    layout = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    pages = []
    for width, height, body in _PAGE.findall(layout):
        words = tuple(
            Word(html.unescape(text), float(x0), float(y0), float(x1), float(y1))
            for x0, y0, x1, y1, text in _WORD.findall(body)
        )
        pages.append(Page(float(width), float(height), words))
    return pages


@dataclass(frozen=True, slots=True)
class TextShape:
    """A shape with text on a slide: its name, rectangle in points, and text."""

    name: str
    left: float
    top: float
    right: float
    bottom: float
    text: str

    def holds(self, word: Word) -> bool:
        """Whether the letters of ``word`` lie inside this shape's rectangle."""
        trim = (word.bottom - word.top) * INK_TRIM
        return (
            word.left >= self.left - TOLERANCE_PT
            and word.right <= self.right + TOLERANCE_PT
            and word.top + trim >= self.top - TOLERANCE_PT
            and word.bottom - trim <= self.bottom + TOLERANCE_PT
        )


def _pt(emu: int) -> float:
    return Emu(emu) / EMU_PER_PT


def text_shapes(deck: Path) -> list[list[TextShape]]:
    """Per slide, every shape that shows text (text boxes, placeholders, tables)."""
    slides = []
    for slide in Presentation(str(deck)).slides:
        shapes = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                text = shape.text_frame.text
            elif getattr(shape, "has_table", False) and shape.has_table:
                text = "\n".join(c.text for row in shape.table.rows for c in row.cells)
            else:
                continue
            if text.strip():
                left, top = _pt(shape.left), _pt(shape.top)
                shapes.append(
                    TextShape(
                        shape.name,
                        left,
                        top,
                        left + _pt(shape.width),
                        top + _pt(shape.height),
                        text,
                    )
                )
        slides.append(shapes)
    return slides


def squeeze(text: str) -> str:
    """Text compared as drawn: compatibility forms folded (ligatures), case and spaces gone."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def overflows(deck: Path, pdf: Path) -> list[str]:
    """Every word LibreOffice drew outside the slide, or outside the shape it belongs to.

    A word belongs to the shapes whose text contains it; it must lie inside one of them.
    """
    shapes_per_slide = text_shapes(deck)
    pages = pdf_pages(pdf)
    assert len(pages) == len(shapes_per_slide), f"{pdf.name}: pages are not the slides"
    problems = []
    for number, (page, shapes) in enumerate(zip(pages, shapes_per_slide, strict=True), 1):
        for word in page.words:
            where = f"{deck.name} slide {number}: {word.text!r} at ({word.left:.0f}, {word.top:.0f})-({word.right:.0f}, {word.bottom:.0f})"
            if (
                word.left < -TOLERANCE_PT
                or word.top < -TOLERANCE_PT
                or word.right > page.width + TOLERANCE_PT
                or word.bottom > page.height + TOLERANCE_PT
            ):
                problems.append(f"{where} is off the slide")
                continue
            owners = [
                s
                for s in shapes
                if word.text in DRAWN_MARKS or squeeze(word.text) in squeeze(s.text)
            ]
            if not owners:
                problems.append(f"{where} is in no shape's text")
            elif not any(s.holds(word) for s in owners):
                boxes = ", ".join(
                    f"{s.name} ({s.left:.0f}, {s.top:.0f})-({s.right:.0f}, {s.bottom:.0f})"
                    for s in owners
                )
                problems.append(f"{where} lies outside {boxes}")
    return problems


def drawn_words(pdf: Path) -> set[str]:
    """Every word on every page, as ``words_of`` cuts a text (to check nothing was cut)."""
    return {w for page in pdf_pages(pdf) for word in page.words for w in words_of(word.text)}


def words_of(text: str) -> list[str]:
    """The words of ``text`` without punctuation, compared as drawn.

    "Ekström-Nyberg" gives two words: LibreOffice may break the line at the hyphen.
    """
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())
