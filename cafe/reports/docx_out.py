"""Letters as Word documents (python-docx): what a municipal officer opens, edits, prints.

The look follows the decks: the same title colour and orange accent, calm body text, A4.
The document's language is set (sv-SE or en-GB), so Word checks the spelling in the right
language and a screen reader reads it with the right voice.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from cafe.reports.letters import Block
from cafe.reports.pptx_kit import PALETTE
from cafe.reports.properties import LANGUAGE_TAGS, DocumentInfo, stamp
from cafe.reports.safe import safe_text

FONT = "Calibri"
"""Word's default; LibreOffice substitutes the metric-compatible Carlito."""


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour)


def _set_language(document: object, lang: str) -> None:
    """Every style's runs in ``lang`` (``w:lang`` in the document defaults)."""
    styles = document.styles.element  # type: ignore[attr-defined]
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        rpr.append(lang_el)
    tag = LANGUAGE_TAGS.get(lang, "sv-SE")
    lang_el.set(qn("w:val"), tag)
    lang_el.set(qn("w:eastAsia"), tag)
    lang_el.set(qn("w:bidi"), tag)


def _bottom_rule(paragraph: Paragraph, colour: str) -> None:
    """An accent line under a heading, as the summary's h2 has."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", "2"), ("w:color", colour)):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def _styles(document: object) -> None:
    styles = document.styles  # type: ignore[attr-defined]
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.font.color.rgb = _rgb(PALETTE.text)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size in (("Title", 22), ("Heading 1", 14)):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = _rgb(PALETTE.title)
        style.paragraph_format.space_before = Pt(14 if name != "Title" else 0)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
        rfonts = style.element.rPr.rFonts
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
    title_ppr = styles["Title"].element.get_or_add_pPr()
    for old in title_ppr.findall(qn("w:pBdr")):  # the default template's blue rule
        title_ppr.remove(old)


def _run(paragraph: Paragraph, text: str, *, bold: bool = False, colour: str = "") -> None:
    lines = text.split("\n")
    for number, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold = bold
        if colour:
            run.font.color.rgb = _rgb(colour)
        if number < len(lines) - 1:
            run.add_break()


def _facts(document: object, pairs: Sequence[tuple[str, str]]) -> None:
    table = document.add_table(rows=0, cols=2)  # type: ignore[attr-defined]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for label, value in pairs:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = Cm(3.2), Cm(13.3)
        _run(cells[0].paragraphs[0], label, bold=True, colour=PALETTE.muted)
        _run(cells[1].paragraphs[0], value)
    for column, width in zip(table.columns, (Cm(3.2), Cm(13.3)), strict=True):
        column.width = width  # the grid LibreOffice reads; the cells' widths are Word's
    for row in table.rows:
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.space_after = Pt(3)


def build_docx(blocks: Sequence[Block], info: DocumentInfo) -> bytes:
    """A .docx of ``blocks`` that Word and LibreOffice open without repair; ``info``
    gives its title, authors, date and language."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    _styles(document)
    _set_language(document, info.lang)
    stamp(document.core_properties, document.part.package, info)
    for block in blocks:
        text = safe_text(block.text, multiline=True)
        if block.kind == "title":
            document.add_paragraph(text, style="Title")
        elif block.kind == "heading":
            heading = document.add_paragraph(text, style="Heading 1")
            heading.paragraph_format.keep_with_next = True  # never alone at a page's foot
            _bottom_rule(heading, PALETTE.accent)
        elif block.kind == "lead":
            _run(document.add_paragraph(), text, bold=True, colour=PALETTE.muted)
        elif block.kind == "bullets":
            for item in block.items:
                paragraph = document.add_paragraph(style="List Bullet")
                paragraph.paragraph_format.space_after = Pt(2)
                _run(paragraph, safe_text(item, multiline=True))
        elif block.kind == "numbered":
            # The number is text before a tab, not Word's list numbering: LibreOffice set
            # the numbering's own tab (0.63 cm) and printed "10.Sign-up lists".
            for number, item in enumerate(block.items, start=1):
                paragraph = document.add_paragraph()
                paragraph.paragraph_format.space_after = Pt(2)
                paragraph.paragraph_format.left_indent = Cm(0.9)
                paragraph.paragraph_format.first_line_indent = Cm(-0.9)
                paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(0.9))
                _run(paragraph, f"{number}.\t{safe_text(item, multiline=True)}")
        elif block.kind == "facts":
            _facts(document, [(safe_text(a), safe_text(b)) for a, b in block.pairs])
        elif block.kind == "small":
            paragraph = document.add_paragraph()
            _run(paragraph, text, colour=PALETTE.muted)
            for run in paragraph.runs:
                run.font.size = Pt(9)
        elif block.kind == "signature":
            _run(document.add_paragraph(), text, bold=True)
        else:
            _run(document.add_paragraph(), text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
