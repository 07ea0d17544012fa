"""The slide number stands apart from the footer's date: in one run, "Idémöte · 2026-11-12
27" read as part of the date. Checked in the file and as LibreOffice draws it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx.util import Inches

from cafe.reports.build import build_report
from cafe.reports.model import build_model
from cafe.reports.pptx_kit import FOOTER_SHAPE, NUMBER_SHAPE
from tests.reports.letter_meeting import letter_meeting
from tests.reports.rendered import convert_to_pdf, pdf_pages
from tests.reports.support import open_deck


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("footer")
    service = letter_meeting(root / "m")
    try:
        build_report(service, root / "out")
        model = build_model(service, "sv")
    finally:
        service.log.close()
    return root / "out" / "working-group.pptx", " · ".join(
        x for x in (model.title, model.date) if x
    )


def test_each_slide_has_the_footer_and_its_number_in_boxes_of_their_own(
    deck: tuple[Path, str],
) -> None:
    path, footer = deck
    slides = list(open_deck(path).slides)
    assert len(slides) > 5
    for number, slide in enumerate(slides[1:], start=2):  # the title slide has none
        shapes = {s.name: s for s in slide.shapes if s.name in (FOOTER_SHAPE, NUMBER_SHAPE)}
        assert shapes[FOOTER_SHAPE].text_frame.text == footer, f"slide {number}"
        assert shapes[NUMBER_SHAPE].text_frame.text == str(number)
        gap = shapes[NUMBER_SHAPE].left - (shapes[FOOTER_SHAPE].left + shapes[FOOTER_SHAPE].width)
        assert gap >= Inches(0.25)


def test_libreoffice_draws_the_number_far_from_the_date(
    deck: tuple[Path, str], tmp_path: Path
) -> None:
    path, footer = deck
    date = footer.rsplit(" ", 1)[-1]
    assert date == "2026-12-03"
    [pdf] = convert_to_pdf([path], tmp_path)
    pages = pdf_pages(pdf)
    for number, page in enumerate(pages[1:], start=2):
        [drawn_date] = [w for w in page.words if w.text == date]
        numbers = [
            w for w in page.words if w.text == str(number) and abs(w.top - drawn_date.top) < 2
        ]
        assert len(numbers) == 1, f"slide {number}: the number beside the footer"
        assert numbers[0].left - drawn_date.right > 0.5 * page.width, f"slide {number}"
