"""Paper for the room: a card per table with its QR code, and sign-up sheets as a fallback.

Printed the day before on A4 (landscape), so the QR codes must point where the server
will answer on the day: the table tokens are stored in the meeting, and the address uses
the fixed default port.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.util import Pt

from cafe.core.agenda import challenge_in_sentence, one_question_mark
from cafe.i18n import Translator
from cafe.reports.fitting import MARGIN_X, Box, Para, fit_list, fit_size, typeface
from cafe.reports.model import ReportModel
from cafe.reports.pptx_kit import A4_LANDSCAPE, PALETTE, Deck, LayoutKind
from cafe.reports.properties import document_info
from cafe.reports.safe import safe_text

CARD_NUMBER_SHAPE = "TableNumber"
SHEET_ROWS_MIN = 8


@dataclass(frozen=True, slots=True)
class TableCard:
    """One table's card: its number, its host (if planned) and its idea page."""

    number: int
    host: str
    url: str
    png: bytes
    label: str = ""
    """Shown instead of "Table N" (the circle)."""
    appointed: bool = False
    """The planner chose this host (nobody volunteered): the card's speaker notes, which
    only the co-hosts see, say to brief them; the card itself just names the host."""
    circle: bool = False
    """The meeting sits in one circle: nobody hosts a table, someone writes the ideas."""


def build_table_cards(
    model: ReportModel, cards: Sequence[TableCard], *, template: Path | None = None
) -> bytes:
    """One slide per table, as .pptx bytes."""
    tr = Translator(model.lang)
    title = tr("reports.properties.table_cards", title=model.title)
    deck = Deck(template, size=A4_LANDSCAPE, info=document_info(model, title))
    with typeface(deck.body_font):
        for card in cards:
            slide = deck.slide(LayoutKind.BLANK)
            area = deck.full_box()
            top_h = int(area.height * 0.12)
            header = Box(area.left, area.top, area.width, top_h)
            paras = [
                Para(
                    " · ".join(x for x in (model.title, model.challenge) if x), color=PALETTE.muted
                )
            ]
            fitted, size = fit_list(paras, header, (20, 18, 16, 14, 12), lambda n: "")
            deck.text(slide, header, fitted, size)

            body = Box(area.left, area.top + top_h, area.width, area.height - top_h)
            left, right = body.split_columns(2, gap=int(body.width * 0.04))
            notes = [tr("reports.cards.table", table=card.number), card.url]
            if card.appointed and card.host and not card.circle:
                # For the co-hosts only: the card stands on the table, where "appointed,
                # brief them" was printed large for the whole table to read.
                notes.append(tr("reports.cards.host_appointed", name=safe_text(card.host)))
            deck.notes(slide, "\n".join(notes))
            if card.label:
                number = [Para(card.label, bold=True, color=PALETTE.title)]
            else:
                number = [
                    Para(tr("reports.cards.label"), bold=True, scale=0.3, color=PALETTE.muted),
                    Para(str(card.number), bold=True, color=PALETTE.title),
                ]
            host = (
                tr("reports.cards.host", name=safe_text(card.host))
                if card.host and not card.circle
                else tr("reports.cards.writer_blank" if card.circle else "reports.cards.host_blank")
            )
            number_box = Box(left.left, left.top, left.width, int(left.height * 0.62))
            fitted, size = fit_list(
                number, number_box, (200, 180, 160, 140, 120, 100, 80, 64, 48), lambda n: "", keep=1
            )
            shape = deck.text(slide, number_box, fitted, size, anchor=MSO_ANCHOR.MIDDLE)
            shape.name = CARD_NUMBER_SHAPE
            host_box = Box(
                left.left, number_box.bottom, left.width, left.height - number_box.height
            )
            fitted, size = fit_list([Para(host)], host_box, (28, 24, 20, 18, 16), lambda n: "")
            deck.text(slide, host_box, fitted, size)

            caption_h = int(right.height * 0.22)
            side = min(right.width, right.height - caption_h)
            deck.picture(slide, card.png, Box(right.left, right.top, right.width, side))
            caption = Box(right.left, right.top + side, right.width, right.height - side)
            paras = [
                Para(
                    tr("reports.cards.scan_circle" if card.circle else "reports.cards.scan"),
                    bold=True,
                    align="center",
                    color=PALETTE.title,
                ),
                Para(card.url, scale=0.55, align="center", color=PALETTE.muted),
            ]
            fitted, size = fit_list(
                paras, caption, (24, 22, 20, 18, 16, 14, 12), lambda n: "", keep=2
            )
            deck.text(slide, caption, fitted, size)
    return deck.to_bytes()


def build_signup_sheets(
    model: ReportModel, themes: Sequence[str], *, template: Path | None = None
) -> bytes:
    """A paper sign-up sheet per theme, plus a general one; as .pptx bytes."""
    tr = Translator(model.lang)
    title = tr("reports.properties.signup_sheets", title=model.title)
    deck = Deck(template, size=A4_LANDSCAPE, info=document_info(model, title))
    with typeface(deck.body_font):
        base = [
            (tr("reports.sheets.name"), 0.24),
            (tr("reports.sheets.organisation"), 0.23),
            (tr("reports.sheets.email"), 0.25),
            (tr("reports.sheets.phone"), 0.14),
            (tr("reports.sheets.ok"), 0.14),
        ]
        with_theme = [
            (tr("reports.sheets.name"), 0.18),
            (tr("reports.sheets.organisation"), 0.18),
            (tr("reports.sheets.theme"), 0.16),
            (tr("reports.sheets.email"), 0.2),
            (tr("reports.sheets.phone"), 0.14),
            (tr("reports.sheets.ok"), 0.14),
        ]
        sheets = [(tr("reports.sheets.title", theme=name), base) for name in themes]
        challenge = challenge_in_sentence(model.challenge or model.title, model.lang)
        general = one_question_mark(tr("reports.sheets.title_general", challenge=challenge))
        sheets.append((general, with_theme))
        for title, columns in sheets:
            slide = deck.slide(LayoutKind.TITLE_ONLY, title)
            area = deck.content_box(slide)
            intro_h = int(area.height * 0.2)
            intro = Box(area.left, area.top, area.width, intro_h)
            lines = [tr("reports.sheets.intro"), tr("reports.sheets.consent")]
            if model.retention_days:
                lines.append(
                    tr(
                        "reports.retention",
                        count=model.retention_days,
                        days=model.retention_days,
                        until=model.retention_until,
                    )
                )
            paras = [Para(line, color=PALETTE.muted) for line in lines]
            fitted, size = fit_list(paras, intro, (16, 14, 12, 11, 10), lambda n: "")
            deck.text(slide, intro, fitted, size)
            table_box = Box(area.left, area.top + intro_h, area.width, area.height - intro_h)
            _sheet_table(deck, slide, table_box, columns)
    return deck.to_bytes()


def _sheet_table(deck: Deck, slide: object, box: Box, columns: list[tuple[str, float]]) -> None:
    row_h = Pt(30)
    rows = max(SHEET_ROWS_MIN, int(box.height // row_h))
    row_h = box.height // rows
    frame = slide.shapes.add_table(rows, len(columns), box.left, box.top, box.width, box.height)  # type: ignore[attr-defined]
    frame.name = "SignupTable"
    table = frame.table
    used = 0
    for index, (_, share) in enumerate(columns):
        width = int(box.width * share) if index < len(columns) - 1 else box.width - used
        table.columns[index].width = width
        used += width
    for row in table.rows:
        row.height = row_h
    header_sizes = [
        fit_size(
            [Para(label, bold=True)], Box(0, 0, table.columns[col].width, row_h), (13, 12, 11, 10)
        )
        or 10
        for col, (label, _) in enumerate(columns)
    ]
    for col, (label, _) in enumerate(columns):
        for r in range(rows):
            cell = table.cell(r, col)
            text = label if r == 0 else ("☐" if col == len(columns) - 1 else "")
            cell.text = text
            frame_ = cell.text_frame
            frame_.word_wrap = True
            frame_.auto_size = MSO_AUTO_SIZE.NONE
            cell.margin_left = cell.margin_right = MARGIN_X
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            for paragraph in frame_.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(header_sizes[col] if r == 0 else 16)
                    run.font.bold = r == 0
                    run.font.language_id = deck.info.language_id
                    if not deck.branded:
                        run.font.color.rgb = RGBColor.from_string(
                            "FFFFFF" if r == 0 else PALETTE.text
                        )
            if not deck.branded:
                cell.fill.solid()
                cell.fill.fore_color.rgb = RGBColor.from_string(
                    PALETTE.title if r == 0 else ("FFFFFF" if r % 2 else PALETTE.soft)
                )
