"""Text fitted to a line budget, without PowerPoint's autofit.

PowerPoint's autofit only shrinks text when PowerPoint itself re-renders the slide, and
LibreOffice and viewers on phones ignore it, so nothing here relies on it. Instead every
text box is filled against an explicit budget: the lines a paragraph needs are counted by
wrapping its words, each measured in the font the deck names (``cafe.reports.fonts``:
the real font file, its metric twin, or DejaVu Sans), and a list that needs more lines
than the box has is cut into pages. ``measure_frame`` measures a saved slide the same way;
the tests check the decks against LibreOffice's own rendering, so a wrong measure fails.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache

from pptx.text.text import TextFrame
from pptx.util import Inches

from cafe.reports.fonts import Face, line_em, text_em

EMU_PER_PT = 12700
LINE_HEIGHT = 1.2
"""PowerPoint's single spacing as a multiple of the font size; a taller font takes more."""
DEFAULT_FAMILY = "Calibri"
"""The font python-pptx's default template (and so cafe's default look) names."""
MARGIN_X = Inches(0.1)
MARGIN_Y = Inches(0.05)
BULLET_INDENT = Inches(0.35)


# -- estimating lines ---------------------------------------------------------------


_FAMILY: ContextVar[str] = ContextVar("measured_family", default=DEFAULT_FAMILY)


@contextmanager
def typeface(family: str) -> Iterator[None]:
    """Measure with ``family`` (the deck's theme font) inside the block."""
    token = _FAMILY.set(family or DEFAULT_FAMILY)
    try:
        yield
    finally:
        _FAMILY.reset(token)


def face_of(para: Para | None = None) -> Face:
    """The face ``para`` is written in: the deck's family in the paragraph's style."""
    if para is None:
        return Face(_FAMILY.get())
    return Face(_FAMILY.get(), para.bold, para.italic)


def line_height(face: Face) -> float:
    """Line height in em: the font's own, never less than PowerPoint's single spacing."""
    return max(LINE_HEIGHT, line_em(face))


_WORDS = re.compile(r"\S+\s*|\s+")


def wrapped_lines(text: str, width_em: float, face: Face | None = None) -> int:
    """Lines ``text`` needs when word-wrapped at ``width_em`` (newlines break too).

    Each word is measured in ``face`` (default: the deck's regular face) as a whole, so
    kerning and combining marks count as the renderer draws them. Cached: fitting a box
    tries the same paragraphs at the same few sizes many times.
    """
    return _wrapped_lines(text, width_em, face or face_of())


@lru_cache(maxsize=32768)
def _wrapped_lines(text: str, width_em: float, face: Face) -> int:
    if width_em <= 0:
        return 10**6
    total = 0
    for line in text.replace("\v", "\n").split("\n"):
        lines, x = 1, 0.0
        for token in _WORDS.findall(line):
            word = token.rstrip()
            word_w, token_w = text_em(face, word), text_em(face, token)
            if x > 0 and x + word_w > width_em:
                lines, x = lines + 1, 0.0
            if word_w > width_em:  # a word longer than the line breaks anywhere
                for char in word:
                    w = text_em(face, char)
                    if x + w > width_em and x > 0:
                        lines, x = lines + 1, 0.0
                    x += w
                x += token_w - word_w
            else:
                x += token_w
        total += lines
    return total


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on a slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    @property
    def bottom(self) -> int:
        return self.top + self.height

    def inner_pt(self) -> tuple[float, float]:
        """Width and height available for text inside the standard margins, in points."""
        return (
            (self.width - 2 * MARGIN_X) / EMU_PER_PT,
            (self.height - 2 * MARGIN_Y) / EMU_PER_PT,
        )

    def split_columns(self, count: int, gap: int = Inches(0.3)) -> list[Box]:
        width = (self.width - gap * (count - 1)) // count
        return [
            Box(self.left + i * (width + gap), self.top, width, self.height) for i in range(count)
        ]

    def split_rows(self, count: int, gap: int = Inches(0.2)) -> list[Box]:
        height = (self.height - gap * (count - 1)) // count
        return [
            Box(self.left, self.top + i * (height + gap), self.width, height) for i in range(count)
        ]


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph to write. ``scale`` multiplies the box's font size."""

    text: str
    bold: bool = False
    italic: bool = False
    bullet: bool = False
    scale: float = 1.0
    space_before: float = 0.0
    """Space above, as a fraction of this paragraph's font size."""
    keep_with_next: bool = False
    """A heading: never left alone at the bottom of a page."""
    color: str | None = None
    align: str = "left"


def para_height_pt(para: Para, size: float, width_pt: float) -> float:
    """Points ``para`` needs at box font size ``size`` in a box ``width_pt`` wide."""
    pt = size * para.scale
    width = width_pt - (BULLET_INDENT / EMU_PER_PT if para.bullet else 0)
    face = face_of(para)
    lines = wrapped_lines(para.text, width / pt, face)
    return lines * pt * line_height(face) + para.space_before * pt


def _words_fit(para: Para, size: float, width_pt: float) -> bool:
    pt = size * para.scale
    width = width_pt - (BULLET_INDENT / EMU_PER_PT if para.bullet else 0)
    face = face_of(para)
    return all(text_em(face, word) * pt <= width for word in para.text.split())


def fits(paras: Sequence[Para], box: Box, size: float, *, whole_words: bool = False) -> bool:
    """Whether ``paras`` fit ``box`` at ``size``.

    With ``whole_words`` a word wider than the line does not fit either: large display
    text should shrink rather than break "samverkans-idéer" in the middle of a word.
    """
    width, height = box.inner_pt()
    if whole_words and not all(_words_fit(p, size, width) for p in paras):
        return False
    return sum(para_height_pt(p, size, width) for p in paras) <= height


def single_line(para: Para, box: Box, size: float) -> bool:
    """Whether ``para`` fits on one line of ``box`` at ``size`` (and in its height)."""
    width, _ = box.inner_pt()
    lines = wrapped_lines(para.text, width / (size * para.scale), face_of(para))
    return lines == 1 and fits([para], box, size)


@dataclass(frozen=True, slots=True)
class Page:
    """Paragraphs that fit one box at one font size."""

    paras: tuple[Para, ...]
    size: float


def paginate(paras: Sequence[Para], box: Box, size: float, min_size: float = 10) -> list[Page]:
    """Cut ``paras`` into pages that each fit ``box``.

    Paragraphs are never split across pages unless one alone is too long for an empty
    page at ``min_size``; a long one gets a page of its own at the largest size that fits.
    """
    width, height = box.inner_pt()
    pages: list[Page] = []
    current: list[Para] = []
    used = 0.0
    for para in paras:
        first = replace(para, space_before=0.0) if not current else para
        need = para_height_pt(first, size, width)
        if current and used + need > height:
            carried: list[Para] = []
            while current and current[-1].keep_with_next and len(current) > 1:
                carried.insert(0, current.pop())
            pages.append(Page(tuple(current), size))
            current = [replace(carried[0], space_before=0.0), *carried[1:]] if carried else []
            used = sum(para_height_pt(p, size, width) for p in current)
            first = para if current else replace(para, space_before=0.0)
            need = para_height_pt(first, size, width)
        if not current and need > height:
            pages.extend(_alone(first, box, size, min_size))
            continue
        current.append(first)
        used += need
    if current or not pages:
        pages.append(Page(tuple(current), size))
    return pages


def _alone(para: Para, box: Box, size: float, min_size: float) -> list[Page]:
    smaller = size
    while smaller > min_size:
        smaller = max(min_size, smaller - 2)
        if fits([para], box, smaller):
            return [Page((para,), smaller)]
    return [Page((piece,), min_size) for piece in split_to_fit(para, box, min_size)]


def split_to_fit(para: Para, box: Box, size: float) -> list[Para]:
    """Cut one very long paragraph at word boundaries into pieces that each fit ``box``.

    Pieces after the first start with "…" and all but the last end with it, so a reader
    sees the text continue; joining the pieces without those marks gives the text back.
    """
    words = _WORDS.findall(para.text)
    pieces: list[Para] = []
    current = ""
    for word in words:
        candidate = current + word
        lead = "… " if pieces else ""
        if current and not fits([replace(para, text=f"{lead}{candidate} …")], box, size):
            pieces.append(replace(para, text=f"{lead}{current.rstrip()} …"))
            current = word
        else:
            current = candidate
        while current.strip() and not fits(
            [replace(para, text=f"{'… ' if pieces else ''}{current} …")], box, size
        ):
            cut = _longest_prefix(current, para, box, size, bool(pieces))
            pieces.append(replace(para, text=f"{'… ' if pieces else ''}{current[:cut]} …"))
            current = current[cut:]
    lead = "… " if pieces else ""
    pieces.append(replace(para, text=f"{lead}{current.rstrip()}"))
    return pieces


def _longest_prefix(text: str, para: Para, box: Box, size: float, continued: bool) -> int:
    lead = "… " if continued else ""
    low, high = 1, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if fits([replace(para, text=f"{lead}{text[:mid]} …")], box, size):
            low = mid
        else:
            high = mid - 1
    return low


def fit_size(
    paras: Sequence[Para], box: Box, sizes: Iterable[float], *, whole_words: bool = True
) -> float | None:
    """The largest of ``sizes`` at which ``paras`` fit, or ``None``.

    Sizes at which no word has to break are preferred; if there is none (a URL, a word
    in a narrow box), the largest size that fits with broken words is taken.
    """
    ordered = sorted(sizes, reverse=True)
    for strict in (True, False) if whole_words else (False,):
        for size in ordered:
            if fits(paras, box, size, whole_words=strict):
                return size
    return None


def fit_list(
    paras: Sequence[Para],
    box: Box,
    sizes: Iterable[float],
    more: Callable[[int], str],
    keep: int = 0,
    *,
    fill: bool = False,
) -> tuple[list[Para], float]:
    """Fit ``paras`` at the largest size; if none fits, drop items and say how many.

    The first ``keep`` paragraphs (headings) always stay; an item that is still too long
    is shortened with "…". For boxes that show a sample and point to the full list
    elsewhere (the summary, the CSV). With ``fill``, for items in no particular order, a
    long item that does not fit is passed over for shorter ones after it, so the box
    is filled instead of showing one item and "… och 28 till" above empty space.
    """
    sizes = sorted(sizes, reverse=True)
    size = fit_size(paras, box, sizes)
    if size is not None:
        return list(paras), size
    size = sizes[-1]
    if fill:
        filled = _fill(paras, box, size, more, keep)
        if len(filled[0]) > keep:
            return filled[0], size
    shown = list(paras)
    while len(shown) > keep + 1:
        shown.pop()
        attempt = [*shown, *more_line(more, len(paras) - len(shown))]
        if fits(attempt, box, size):
            return attempt, size
    after = more_line(more, len(paras) - len(shown))
    last = truncate(shown[-1], box, size, before=shown[:-1], after=after)
    return [*shown[:-1], last, *after], size


def _fill(
    paras: Sequence[Para], box: Box, size: float, more: Callable[[int], str], keep: int
) -> tuple[list[Para], int]:
    """The headings and, in order, every item that still fits with the "… N more" line
    below; returns the paragraphs and how many items were left out."""
    shown = list(paras[:keep])
    items = list(paras[keep:])
    left_out = 0
    for number, item in enumerate(items):
        hidden_after = left_out + len(items) - number - 1
        if fits([*shown, item, *more_line(more, hidden_after)], box, size):
            shown.append(item)
        else:
            left_out += 1
    return [*shown, *more_line(more, left_out)], left_out


def more_line(more: Callable[[int], str], hidden: int) -> list[Para]:
    """The "… and N more" paragraph, or nothing when nothing is hidden or unsaid."""
    text = more(hidden) if hidden else ""
    return [Para(text, italic=True)] if text else []


def truncate(
    para: Para,
    box: Box,
    size: float,
    *,
    before: Sequence[Para] = (),
    after: Sequence[Para] = (),
) -> Para:
    """``para`` cut with "…" so that it fits ``box`` between ``before`` and ``after``."""
    if fits([*before, para, *after], box, size):
        return para
    low, high = 0, len(para.text)
    while low < high:
        mid = (low + high + 1) // 2
        candidate = replace(para, text=para.text[:mid].rstrip() + " …")
        if fits([*before, candidate, *after], box, size):
            low = mid
        else:
            high = mid - 1
    return replace(para, text=para.text[:low].rstrip() + " …")


# -- reading a saved frame back ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class FrameFit:
    """Estimated lines a saved text frame needs, and how many its box has room for.

    Both are in lines of the frame's largest font; paragraphs at other sizes or with
    space above count by their height.
    """

    lines: float
    budget: float

    @property
    def ok(self) -> bool:
        return self.lines <= self.budget + 1e-6


def measure_frame(shape: object) -> FrameFit:
    """The measured lines of a text shape as saved, in the deck's font (see the module
    docstring); a run that names its own font is measured in that font."""
    frame: TextFrame = shape.text_frame  # type: ignore[attr-defined]
    width_pt = (shape.width - frame.margin_left - frame.margin_right) / EMU_PER_PT  # type: ignore[attr-defined]
    height_pt = (shape.height - frame.margin_top - frame.margin_bottom) / EMU_PER_PT  # type: ignore[attr-defined]
    used, largest = 0.0, 0.0
    for paragraph in frame.paragraphs:
        sizes = [r.font.size.pt for r in paragraph.runs if r.font.size is not None]
        size = max(sizes) if sizes else 18.0
        largest = max(largest, size)
        ppr = paragraph._p.pPr
        indent = int(ppr.get("marL", "0")) / EMU_PER_PT if ppr is not None else 0.0
        runs = paragraph.runs
        family = next((r.font.name for r in runs if r.font.name), None) or _FAMILY.get()
        face = Face(family, any(r.font.bold for r in runs), any(r.font.italic for r in runs))
        width = (width_pt - indent) / size
        space = paragraph.space_before.pt if paragraph.space_before is not None else 0.0
        used += wrapped_lines(paragraph.text, width, face) * size * line_height(face) + space
    line = (largest or 18.0) * line_height(face_of())
    return FrameFit(lines=used / line, budget=height_pt / line)
