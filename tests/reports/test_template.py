"""--template: an organisation's own .pptx lends its layouts, size and theme to every deck."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from cafe.core.errors import CafeError
from cafe.reports.build import build_before, build_report
from cafe.reports.pptx_kit import LayoutKind, find_layout
from cafe.reports.working_deck import IDEAS_SHAPE
from tests.reports.support import (
    PUBLIC,
    all_text,
    deck_idea_texts,
    open_deck,
    overflowing,
    paragraphs,
    report_meeting,
)

BRAND_FONT = b"Georgia"


def make_template(path: Path) -> None:
    """python-pptx's template, 4:3, with Swedish layout names, a sample slide, own fonts."""
    prs = Presentation()
    renamed = {"Title and Content": "Rubrik och innehåll", "Title Only": "Bara rubrik"}
    for layout in prs.slide_layouts:
        layout.name = renamed.get(layout.name, layout.name)
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    theme._blob = theme.blob.replace(b'typeface="Calibri"', b'typeface="' + BRAND_FONT + b'"')
    sample = prs.slides.add_slide(prs.slide_layouts[0])
    sample.shapes.title.text = "EXEMPELBILD FRÅN MALLEN"
    prs.save(str(path))


@pytest.fixture(scope="module")
def branded(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, Path, Path]:
    folder = tmp_path_factory.mktemp("brand")
    template = folder / "brand.pptx"
    make_template(template)
    meeting = report_meeting(folder / "m", extra_ideas=12)
    build_report(meeting.service, folder / "out", template=template)
    build_before(meeting.service, folder / "out", public_base=PUBLIC, template=template)
    return meeting, folder / "out", template


def test_layouts_are_found_by_name_or_by_their_placeholders(tmp_path: Path) -> None:
    template = tmp_path / "brand.pptx"
    make_template(template)
    prs = Presentation(str(template))
    assert find_layout(prs, LayoutKind.TITLE).name == "Title Slide"
    assert find_layout(prs, LayoutKind.BLANK).name == "Blank"
    assert find_layout(prs, LayoutKind.TITLE_ONLY).name == "Bara rubrik"
    assert find_layout(prs, LayoutKind.CONTENT).name == "Rubrik och innehåll"


@pytest.mark.parametrize(
    "name", ["working-group.pptx", "meeting.pptx", "table-cards.pptx", "signup-sheets.pptx"]
)
def test_every_deck_uses_the_templates_size_layouts_and_theme(
    branded: tuple[object, Path, Path], name: str
) -> None:
    _, out, template = branded
    source = Presentation(str(template))
    prs = open_deck(out / name)
    assert (prs.slide_width, prs.slide_height) == (source.slide_width, source.slide_height)
    layout_names = {layout.name for layout in source.slide_layouts}
    assert {slide.slide_layout.name for slide in prs.slides} <= layout_names
    assert "EXEMPELBILD" not in all_text(prs), "the template's own slides are dropped"
    theme = prs.slide_master.part.part_related_by(RT.THEME).blob
    assert b'typeface="' + BRAND_FONT + b'"' in theme
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    for run in paragraph.runs:
                        assert run.font.color.type is None, "colours come from the theme"
    assert overflowing(prs) == []


def test_branded_deck_still_has_every_idea_once(branded: tuple[object, Path, Path]) -> None:
    meeting, out, _ = branded
    prs = open_deck(out / "working-group.pptx")
    assert sorted(paragraphs(prs, IDEAS_SHAPE)) == sorted(deck_idea_texts(meeting))  # type: ignore[arg-type]
    idea_layouts = {
        slide.slide_layout.name
        for slide in prs.slides
        if any(shape.name == IDEAS_SHAPE for shape in slide.shapes)
    }
    assert idea_layouts == {"Bara rubrik"}
    checkout = next(
        s for s in prs.slides if s.shapes.title.text_frame.text == "Tankar vi bär med oss"
    )
    assert checkout.slide_layout.name == "Rubrik och innehåll"
    body = [s for s in checkout.placeholders if s.placeholder_format.idx == 1]
    assert body and "biblioteket blir navet" in body[0].text_frame.text, "the body placeholder"


def test_a_file_that_is_no_presentation_is_refused_with_a_message(tmp_path: Path) -> None:
    meeting = report_meeting(tmp_path / "m")
    bogus = tmp_path / "brand.pptx"
    bogus.write_text("not a presentation", encoding="utf-8")
    with pytest.raises(CafeError, match=r"brand\.pptx"):
        build_report(meeting.service, tmp_path / "out", template=bogus)
    with pytest.raises(CafeError, match=r"saknas\.pptx"):
        build_report(meeting.service, tmp_path / "out", template=tmp_path / "saknas.pptx")
    assert not (tmp_path / "out").exists()
