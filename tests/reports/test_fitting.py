"""The line budget: measured words, pages, fitting, and reading a saved frame back."""

from __future__ import annotations

import io
from pathlib import Path

from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Inches

from cafe.reports.fitting import (
    Box,
    Para,
    face_of,
    fit_list,
    fits,
    measure_frame,
    paginate,
    split_to_fit,
    typeface,
    wrapped_lines,
)
from cafe.reports.fonts import Face, resolved, text_em
from cafe.reports.pptx_kit import Deck, LayoutKind

BOX = Box(0, 0, Inches(6), Inches(3))


def test_lines_are_counted_from_measured_words() -> None:
    one_x = text_em(face_of(), "x")
    assert 0.4 < one_x < 0.8, "a real font's x, in em"
    assert wrapped_lines("", 10) == 1
    assert wrapped_lines("aaaa bbbb", 100) == 1
    assert wrapped_lines("aaaa bbbb", text_em(face_of(), "aaaa ") + 0.1) == 2, "wraps at the space"
    assert wrapped_lines("a\nb\vc", 100) == 3, "line breaks count"
    assert wrapped_lines("x" * 50, one_x * 10.5) == 5, "a word longer than the line breaks anywhere"
    assert wrapped_lines("漢" * 10, 6) == 2, "wide characters are at least 1.2 em"
    accented = "e\u0301" * 10
    assert text_em(face_of(), accented) == text_em(face_of(), "e" * 10), "marks take no room"
    assert wrapped_lines(accented, 10 * text_em(face_of(), "e") + 0.01) == 1


def test_bold_is_measured_in_the_bold_face() -> None:
    text = "Samverkan mellan föreningar"
    regular, bold = Para(text), Para(text, bold=True)
    assert text_em(face_of(bold), text) > text_em(face_of(regular), text) * 1.05
    assert resolved(face_of(bold)) != resolved(face_of(regular))


def test_pages_fit_keep_order_and_lose_nothing() -> None:
    paras = [Para(f"Idé nummer {n} " + "ord " * (n % 7 * 5), bullet=True) for n in range(60)]
    pages = paginate(paras, BOX, 20)
    assert len(pages) > 3
    assert [p.text for page in pages for p in page.paras] == [p.text for p in paras]
    for page in pages:
        assert fits(page.paras, BOX, page.size)


def test_a_heading_is_never_left_at_the_bottom_of_a_page() -> None:
    paras = []
    for n in range(12):
        paras += [Para(f"Runda {n}", bold=True, keep_with_next=True), Para("Fråga " * 12)]
    pages = paginate(paras, BOX, 20)
    assert len(pages) > 1
    assert all(not page.paras[-1].keep_with_next for page in pages)


def test_one_paragraph_too_long_for_a_page_shrinks_then_splits() -> None:
    long = Para("ord " * 150)
    pages = paginate([Para("kort"), long], BOX, 20, min_size=10)
    assert pages[1].size < 20 and pages[1].paras == (long,)
    huge = Para(" ".join(f"ord{n}" for n in range(900)))
    pieces = split_to_fit(huge, BOX, 10)
    assert len(pieces) > 1 and all(fits([p], BOX, 10) for p in pieces)
    rebuilt = " ".join(p.text.removeprefix("… ").removesuffix(" …") for p in pieces)
    assert rebuilt.split() == huge.text.split()


def test_a_list_that_cannot_fit_says_how_many_are_left_out() -> None:
    items = [Para("Organisation " * 3, bullet=True) for _ in range(40)]
    shown, size = fit_list(
        [Para("Rubrik", bold=True), *items], BOX, (20, 16), lambda n: f"och {n} till", keep=1
    )
    assert size == 16 and shown[0].text == "Rubrik"
    hidden = 40 - (len(shown) - 2)
    assert shown[-1].text == f"och {hidden} till"
    assert fits(shown, BOX, size)


def test_measure_frame_reads_back_what_was_fitted() -> None:
    deck = Deck()
    slide = deck.slide(LayoutKind.TITLE_ONLY, "Rubrik")
    paras = [Para("ett två tre " * 8, bullet=True, space_before=0.3) for _ in range(6)]
    page = paginate(paras, BOX, 20)[0]
    deck.text(slide, BOX, page.paras, page.size)
    prs = Presentation(io.BytesIO(deck.to_bytes()))
    shapes = [s for s in prs.slides[0].shapes if s.has_text_frame and s.text_frame.text.strip()]
    for shape in shapes:
        assert measure_frame(shape).ok
    body = max(shapes, key=lambda s: measure_frame(s).lines)
    assert measure_frame(body).lines > measure_frame(body).budget * 0.6, "the page is used"
    deck2 = Deck()
    slide2 = deck2.slide(LayoutKind.BLANK)
    deck2.text(slide2, BOX, [Para("ord " * 400)], 20)  # deliberately unfitted
    shape = Presentation(io.BytesIO(deck2.to_bytes())).slides[0].shapes[0]
    assert not measure_frame(shape).ok, "an overfull box is caught"


def test_the_font_the_theme_names_is_the_one_measured(tmp_path: Path) -> None:
    prs = Presentation()
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    theme._blob = theme.blob.replace(b'typeface="Calibri"', b'typeface="DejaVu Serif"')
    prs.save(str(tmp_path / "serif.pptx"))
    deck = Deck(tmp_path / "serif.pptx")
    assert (deck.title_font, deck.body_font) == ("DejaVu Serif", "DejaVu Serif")
    word = "Mötesplatser"
    with typeface(deck.body_font):
        serif = face_of(Para(word))
        assert resolved(serif) == "DejaVu Serif Book"
        assert resolved(face_of(Para(word, bold=True, italic=True))) == "DejaVu Serif Bold Italic"
    assert text_em(serif, word) != text_em(face_of(), word), "another font, another width"
    unknown = Face("Ingen Sådan Font", bold=True)
    assert resolved(unknown) == "DejaVu Sans Bold", "a missing font falls back to DejaVu Sans"


def test_a_template_without_a_readable_theme_is_measured_in_the_default_font(
    tmp_path: Path,
) -> None:
    prs = Presentation()
    prs.slide_master.part.part_related_by(RT.THEME)._blob = b"<not xml"
    prs.save(str(tmp_path / "broken-theme.pptx"))
    deck = Deck(tmp_path / "broken-theme.pptx")
    assert (deck.title_font, deck.body_font) == ("", "")
    with typeface(deck.body_font):
        assert face_of() == Face("Calibri")
