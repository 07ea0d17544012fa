"""Decks in cafe's default look or an organisation's template, with layouts found by name.

The default look is python-pptx's own template restyled in code (16:9, a calm palette,
large type) rather than a committed .pptx, so there is no binary to drift. With a
template, its size, theme and layouts are used as they are and only the text is ours.
Every text written here is fitted first (``cafe.reports.fitting``).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide, SlideLayout
from pptx.text.text import TextFrame
from pptx.util import Emu, Inches, Pt

from cafe.reports.fitting import (
    BULLET_INDENT,
    MARGIN_X,
    MARGIN_Y,
    Box,
    Page,
    Para,
    fit_list,
    fits,
    more_line,
    paginate,
    single_line,
    typeface,
)
from cafe.reports.properties import DocumentInfo, stamp
from cafe.reports.safe import safe_text

WIDE_SLIDE = (Inches(13.333), Inches(7.5))
FOOTER_SHAPE = "Footer"
NUMBER_SHAPE = "SlideNumber"
A4_LANDSCAPE = (Emu(10692000), Emu(7560000))


@dataclass(frozen=True, slots=True)
class Palette:
    """The default look: calm, high contrast, readable from the back of a hall."""

    background: str = "FBF8F3"
    title: str = "1D4E5F"
    text: str = "26323A"
    muted: str = "5E6B73"
    accent: str = "D9774B"
    soft: str = "E6EEF0"


PALETTE = Palette()


# -- templates and layouts ------------------------------------------------------------


class LayoutKind(Enum):
    """The four layouts the decks use, by their usual PowerPoint names."""

    TITLE = "Title Slide"
    CONTENT = "Title and Content"
    TITLE_ONLY = "Title Only"
    BLANK = "Blank"


_TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
_BODIES = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT}


def _kinds(layout: SlideLayout) -> list[PP_PLACEHOLDER]:
    return [ph.placeholder_format.type for ph in layout.placeholders]


def _score(layout: SlideLayout, kind: LayoutKind) -> int:
    """How well a layout serves ``kind`` by its placeholders (higher is better; <0: no)."""
    kinds = _kinds(layout)
    has_title = any(k in _TITLES for k in kinds)
    bodies = sum(k in _BODIES for k in kinds)
    pictures = sum(k == PP_PLACEHOLDER.PICTURE for k in kinds)
    if kind is LayoutKind.TITLE:
        return (
            (3 if PP_PLACEHOLDER.CENTER_TITLE in kinds else 1 if has_title else -1)
            + (2 if PP_PLACEHOLDER.SUBTITLE in kinds else 0)
            - pictures
        )
    if kind is LayoutKind.CONTENT:
        return (2 if has_title else -9) + (3 if bodies == 1 else 1 if bodies else -9) - pictures
    if kind is LayoutKind.TITLE_ONLY:
        return (3 if has_title else -9) - 2 * bodies - pictures - (PP_PLACEHOLDER.SUBTITLE in kinds)
    return (3 if not has_title else -1) - bodies - pictures


def find_layout(prs: PresentationType, kind: LayoutKind) -> SlideLayout:
    """The layout named like ``kind``; else the one whose placeholders serve it best."""
    layouts = list(prs.slide_layouts)
    for layout in layouts:
        if layout.name.strip().casefold() == kind.value.casefold():
            return layout
    return max(layouts, key=lambda layout: _score(layout, kind))


def _drop_slides(prs: PresentationType) -> None:
    """Remove a template's own example slides; its layouts, masters and theme stay."""
    id_list = prs.slides._sldIdLst
    for slide_id in list(id_list):
        prs.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)


def _restyle_default(prs: PresentationType, size: tuple[int, int], language: str) -> None:
    """Give python-pptx's plain 4:3 template our size, background and language (its
    masters and layouts say en-US: text typed into the deck later is checked as that)."""
    old_w, old_h = prs.slide_width, prs.slide_height
    prs.slide_width, prs.slide_height = size
    sx, sy = size[0] / old_w, size[1] / old_h
    masters = list(prs.slide_masters)
    for owner in [*masters, *prs.slide_layouts]:
        for shape in owner.shapes:
            if getattr(shape._element, "xfrm", None) is None:
                continue  # inherits its place from the master, which is scaled already
            left, top, width, height = shape.left, shape.top, shape.width, shape.height
            shape.left, shape.width = int(left * sx), int(width * sx)
            shape.top, shape.height = int(top * sy), int(height * sy)
    for master in masters:
        fill = master.background.fill
        fill.solid()
        fill.fore_color.rgb = RGBColor.from_string(PALETTE.background)
    for element in (prs.part._element, *(x._element for x in [*masters, *prs.slide_layouts])):
        for tagged in element.iter():
            if tagged.get("lang") == "en-US":
                tagged.set("lang", language)


class Deck:
    """A presentation being built: our default look, or an organisation's template."""

    def __init__(
        self,
        template: Path | None = None,
        *,
        size: tuple[int, int] = WIDE_SLIDE,
        info: DocumentInfo | None = None,
    ) -> None:
        self.branded = template is not None
        self.info = info or DocumentInfo()
        """The file's properties, and the language every run written is tagged with."""
        if template is None:
            self.prs = Presentation()
            _restyle_default(self.prs, size, self.info.tag)
        else:
            self.prs = Presentation(str(template))
            _drop_slides(self.prs)
        self.width = int(self.prs.slide_width)
        self.height = int(self.prs.slide_height)
        self.footer = ""
        self.title_font, self.body_font = theme_fonts(self.prs)
        """The families the theme names for headings and for body text (fitting uses them)."""

    # geometry

    @property
    def margin(self) -> int:
        return int(self.width * 0.045)

    def full_box(self) -> Box:
        """The slide inside its margins."""
        m = self.margin
        return Box(m, int(self.height * 0.06), self.width - 2 * m, int(self.height * 0.84))

    def title_box(self, slide: Slide | SlideLayout) -> Box:
        """Where the title of ``slide`` (or of slides from a layout) is."""
        title = self._title_shape(slide)
        if title is not None and title.width and title.top < self.height / 3:
            return Box(int(title.left), int(title.top), int(title.width), int(title.height))
        m = self.margin
        return Box(m, int(self.height * 0.04), self.width - 2 * m, int(self.height * 0.15))

    def content_box(self, slide: Slide | SlideLayout) -> Box:
        """The body placeholder's area, else the area under the title, above the footer."""
        body = self._body_shape(slide)
        if body is not None:
            return Box(int(body.left), int(body.top), int(body.width), int(body.height))
        title = self.title_box(slide)
        top = title.bottom + int(self.height * 0.02)
        bottom = int(self.height * 0.92)
        return Box(title.left, top, title.width, max(bottom - top, int(self.height * 0.3)))

    # slides

    def slide(self, kind: LayoutKind, title: str = "", *, notes: str = "") -> Slide:
        """A new slide from the template's ``kind`` layout, its title set and fitted."""
        slide = self.prs.slides.add_slide(find_layout(self.prs, kind))
        if title:
            self.set_title(slide, title, title_slide=kind is LayoutKind.TITLE)
        if notes:
            self.notes(slide, notes)
        if not self.branded and kind is not LayoutKind.TITLE and title:
            self._accent(slide)
        if not self.branded and self.footer and kind is not LayoutKind.TITLE:
            self._footer(slide)
        return slide

    def _title_shape(self, slide: Slide | SlideLayout) -> object | None:
        for shape in slide.placeholders:
            if shape.placeholder_format.type in _TITLES:
                return shape
        return None

    def _body_shape(self, slide: Slide | SlideLayout) -> object | None:
        for shape in slide.placeholders:
            if shape.placeholder_format.type in _BODIES:
                return shape
        return None

    def subtitle_shape(self, slide: Slide) -> object | None:
        for shape in slide.placeholders:
            if shape.placeholder_format.type in (PP_PLACEHOLDER.SUBTITLE, *_BODIES):
                return shape
        return None

    def set_title(self, slide: Slide, text: str, *, title_slide: bool = False) -> None:
        shape = self._title_shape(slide)
        box = self.title_box(slide)
        if shape is None:
            shape = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
        _pin(shape, box)
        sizes = (44, 40, 36, 32, 28, 24) if title_slide else (36, 32, 28, 24, 20)
        para = Para(safe_text(text), bold=not self.branded, color=PALETTE.title)
        with typeface(self.title_font):
            one_line = next((s for s in sizes if s >= 24 and single_line(para, box, s)), None)
            if one_line is not None:
                paras, size = [para], float(one_line)
            else:
                paras, size = fit_list([para], box, sizes, lambda n: "")
        anchor = None
        if not self.branded:
            anchor = MSO_ANCHOR.MIDDLE if title_slide else MSO_ANCHOR.BOTTOM
        self.write(shape.text_frame, paras, size, anchor=anchor)
        if not self.branded:
            for p in shape.text_frame.paragraphs:
                p.alignment = PP_ALIGN.CENTER if title_slide else PP_ALIGN.LEFT

    def body_text(self, slide: Slide, paras: Sequence[Para], size: float) -> Shape:
        """Write fitted ``paras`` into the slide's body placeholder (a text box if none).

        Going through the placeholder keeps a template's body styling (indents, bullets,
        spacing) where ``Title and Content`` slides are used.
        """
        shape = self._body_shape(slide)
        box = self.content_box(slide)
        if shape is None:
            return self.text(slide, box, paras, size)
        _pin(shape, box)
        self.write(shape.text_frame, paras, size)
        return shape  # type: ignore[return-value]

    def text(
        self,
        slide: Slide,
        box: Box,
        paras: Sequence[Para],
        size: float,
        *,
        anchor: MSO_ANCHOR | None = None,
    ) -> Shape:
        """A new text box at ``box`` holding ``paras`` (which the caller has fitted)."""
        shape = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
        self.write(shape.text_frame, paras, size, anchor=anchor)
        return shape

    def write(
        self,
        frame: TextFrame,
        paras: Sequence[Para],
        size: float,
        *,
        anchor: MSO_ANCHOR | None = None,
    ) -> None:
        """Replace ``frame``'s text with ``paras`` at ``size``: wrap on, autofit off."""
        frame.clear()
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.margin_left = frame.margin_right = MARGIN_X
        frame.margin_top = frame.margin_bottom = MARGIN_Y
        if anchor is not None:
            frame.vertical_anchor = anchor
        for index, para in enumerate(paras or [Para("")]):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            pt = size * para.scale
            lines = safe_text(para.text, multiline=True).split("\n")
            for number, line in enumerate(lines):
                if number:
                    paragraph.add_line_break()
                run = paragraph.add_run()
                run.text = line
                font = run.font
                font.size = Pt(pt)
                font.bold = para.bold
                font.italic = para.italic
                font.language_id = self.info.language_id
                if not self.branded:
                    font.color.rgb = RGBColor.from_string(para.color or PALETTE.text)
            paragraph.space_before = Pt(para.space_before * pt)
            paragraph.line_spacing = 1.0
            _bullet(paragraph, para.bullet)
            if para.align == "center":
                paragraph.alignment = PP_ALIGN.CENTER
            elif para.align == "right":
                paragraph.alignment = PP_ALIGN.RIGHT
            elif not self.branded or para.bullet:
                paragraph.alignment = PP_ALIGN.LEFT

    def notes(self, slide: Slide, text: str) -> None:
        frame = slide.notes_slide.notes_text_frame
        frame.text = safe_text(text, multiline=True)
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run.font.language_id = self.info.language_id

    def picture(self, slide: Slide, png: bytes, box: Box) -> None:
        """A square image (a QR code) as large as fits ``box``, centred in it."""
        side = min(box.width, box.height)
        left = box.left + (box.width - side) // 2
        top = box.top + (box.height - side) // 2
        slide.shapes.add_picture(io.BytesIO(png), left, top, side, side)

    def band(self, slide: Slide, box: Box, color: str) -> None:
        """A plain coloured rectangle (decoration; only in the default look)."""
        if self.branded:
            return
        shape = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, box.left, box.top, box.width, box.height
        )
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(color)
        shape.line.fill.background()
        shape.shadow.inherit = False

    def _accent(self, slide: Slide) -> None:
        title = self.title_box(slide)
        self.band(
            slide,
            Box(title.left + MARGIN_X, title.bottom, Inches(1.2), Inches(0.06)),
            PALETTE.accent,
        )

    def _footer(self, slide: Slide) -> None:
        """The meeting and date at the left, the slide's number alone at the right: in one
        run the number read as part of the date ("2026-11-12 27")."""
        top, height = int(self.height * 0.935), Inches(0.4)
        line = self.title_box(slide)  # the footer lines up with the title and the text
        number_width = Inches(0.8)
        number_box = Box(line.left + line.width - number_width, top, number_width, height)
        text_box = Box(line.left, top, number_box.left - Inches(0.3) - line.left, height)
        paras, size = fit_list(
            [Para(self.footer, color=PALETTE.muted)], text_box, (12, 11, 10), lambda n: ""
        )
        self.text(slide, text_box, paras, size).name = FOOTER_SHAPE
        number = Para(str(len(self.prs.slides)), color=PALETTE.muted, align="right")
        self.text(slide, number_box, [number], 12).name = NUMBER_SHAPE

    def list_slides(
        self,
        title: str,
        paras: Sequence[Para],
        tr: Callable[..., str],
        *,
        columns: int = 1,
        size: float = 20,
        min_size: float = 10,
        notes: str = "",
        shape_name: str = "",
    ) -> list[Slide]:
        """As many slides as ``paras`` need, ``columns`` text columns each.

        Every page is fitted to the same column box, so a slide never overflows and the
        titles say "(2/3)" when a list continues.
        """
        area = self.content_box(find_layout(self.prs, LayoutKind.TITLE_ONLY))
        if columns > 1:  # a short list fills one wide column, not half the slide, wrapped
            whole = paginate(paras, area, size, min_size)
            if len(whole) == 1 and whole[0].size >= size:
                columns = 1
        boxes = area.split_columns(columns) if columns > 1 else [area]
        pages = paginate(paras, boxes[0], size, min_size)
        pages = self._no_thin_last_slide(paras, boxes[0], pages, size, min_size, columns)
        groups = [pages[i : i + columns] for i in range(0, len(pages), columns)]
        slides = []
        for group, heading in zip(groups, page_titles(title, len(groups), tr), strict=True):
            slide = self.slide(LayoutKind.TITLE_ONLY, heading, notes=notes)
            for page, box in zip(group, boxes, strict=False):
                shape = self.text(slide, box, page.paras, page.size)
                if shape_name:
                    shape.name = shape_name
            slides.append(slide)
        return slides

    @staticmethod
    def _no_thin_last_slide(
        paras: Sequence[Para],
        box: Box,
        pages: list[Page],
        size: float,
        min_size: float,
        columns: int,
    ) -> list[Page]:
        """``pages``, or the same list a step or two smaller when that saves a last slide
        that would hold only a few items ("Organisationer (2/2)" with two of 30)."""
        slides = -(-len(pages) // columns)
        last = sum(len(page.paras) for page in pages[(slides - 1) * columns :])
        if slides < 2 or last * 4 > len(paras) / slides:
            return pages
        for smaller in (size - 2, size - 4):
            if smaller < max(min_size, 14):
                break
            fewer = paginate(paras, box, smaller, min_size)
            if -(-len(fewer) // columns) < slides:
                return fewer
        return pages

    def grid(
        self,
        slide: Slide,
        cells: Sequence[Sequence[Para]],
        columns: int,
        *,
        keeps: Sequence[int] | None = None,
        sizes: Iterable[float] = (20, 18, 16, 14, 12),
        floor: float = 16,
        more: Callable[[int], str] = lambda n: "",
        area: Box | None = None,
    ) -> None:
        """Boxes in ``columns`` columns; each cell starts with ``keeps[i]`` heading lines.

        All cells share one font size, so the grid looks even: the largest at which every
        cell fits whole, down to ``floor``; below that, the largest at which every cell
        shows its headings and first item, and a longer cell shows what fits and
        "… N more" (the full list is in the summary).
        """
        area = area or self.content_box(slide)
        keeps = keeps or [1] * len(cells)
        rows = -(-len(cells) // columns)
        row_boxes = area.split_rows(rows, gap=Inches(0.15))
        boxes = [b for row in row_boxes for b in row.split_columns(columns, gap=Inches(0.2))]
        sizes = sorted(sizes, reverse=True)

        def shortest(cell: Sequence[Para], keep: int) -> list[Para]:
            shown = list(cell[: keep + 1])
            return shown + more_line(more, len(cell) - len(shown))

        def all_fit(size: float, shorten: bool) -> bool:
            return all(
                fits(shortest(c, k) if shorten else c, b, size, whole_words=True)
                for c, k, b in zip(cells, keeps, boxes, strict=False)
            )

        common = next((s for s in sizes if s >= floor and all_fit(s, False)), None)
        if common is None:  # something must be cut: at ``floor`` the most is still shown
            common = next((s for s in sizes if s <= floor and all_fit(s, True)), sizes[-1])
        for cell, keep, box in zip(cells, keeps, boxes, strict=False):
            self.band(slide, box, PALETTE.soft)
            paras, size = fit_list(cell, box, [common], more, keep=keep, fill=True)
            self.text(slide, box, paras, size)

    def drop_last_slide(self) -> None:
        """Take back the slide just added (when its content turned out not to fit)."""
        id_list = self.prs.slides._sldIdLst
        last = id_list[-1]
        self.prs.part.drop_rel(last.rId)
        id_list.remove(last)

    def remove_unused_placeholders(self, slide: Slide) -> None:
        """Drop empty placeholders so no "Click to add text" prompt is left behind."""
        for shape in list(slide.placeholders):
            if shape.has_text_frame and not shape.text_frame.text.strip():
                element = shape._element
                element.getparent().remove(element)

    def to_bytes(self) -> bytes:
        for slide in self.prs.slides:
            self.remove_unused_placeholders(slide)
        stamp(
            self.prs.core_properties, self.prs.part.package, self.info, Slides=len(self.prs.slides)
        )
        buffer = io.BytesIO()
        self.prs.save(buffer)
        return buffer.getvalue()


def theme_fonts(prs: PresentationType) -> tuple[str, str]:
    """The Latin heading and body families of the first master's theme ("" if unnamed).

    A template with no readable theme is measured in the default font rather than refused:
    PowerPoint opens such a file with its own default theme too.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        theme = prs.slide_masters[0].part.part_related_by(RT.THEME)
        root = etree.fromstring(theme.blob, parser)
    except (KeyError, IndexError, etree.XMLSyntaxError):
        return "", ""
    found = []
    for kind in ("majorFont", "minorFont"):
        latin = root.find(f".//{qn('a:fontScheme')}/{qn(f'a:{kind}')}/{qn('a:latin')}")
        found.append(latin.get("typeface", "") if latin is not None else "")
    return found[0], found[1]


def _pin(shape: object, box: Box) -> None:
    """Write the geometry into the slide itself, so readers need not chase the layout."""
    shape.left, shape.top, shape.width, shape.height = box.left, box.top, box.width, box.height  # type: ignore[attr-defined]


def _bullet(paragraph: object, on: bool) -> None:
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    for tag in ("a:buNone", "a:buChar", "a:buAutoNum", "a:buFont"):
        for old in ppr.findall(qn(tag)):
            ppr.remove(old)
    if on:
        ppr.set("marL", str(int(BULLET_INDENT)))
        ppr.set("indent", str(-int(BULLET_INDENT)))
        etree.SubElement(ppr, qn("a:buFont"), typeface="Arial")
        etree.SubElement(ppr, qn("a:buChar"), char="•")
    else:
        ppr.set("marL", "0")
        ppr.set("indent", "0")
        etree.SubElement(ppr, qn("a:buNone"))


def page_titles(title: str, count: int, tr: Callable[..., str]) -> list[str]:
    """``title`` for one page; "title (2/3)" for each of several."""
    if count <= 1:
        return [title]
    return [tr("reports.continued", title=title, page=i, pages=count) for i in range(1, count + 1)]
