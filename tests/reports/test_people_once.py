"""One person who signs up twice (at the opening with no theme, later for a theme) is one
person everywhere: the projector, the TUI's numbers, the summary, the deck, signups.csv."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pptx import Presentation

from cafe.cli import main
from cafe.core.clock import FakeClock
from cafe.core.figures import meeting_figures
from cafe.storage.folder import open_meeting
from cafe.web.snapshot import screen_state
from tests.meetings import new_meeting


def _slides(path: Path) -> list[str]:
    return [
        "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
        for slide in Presentation(str(path)).slides
    ]


def test_a_person_who_signs_up_twice_is_one_person_everywhere(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    clock = FakeClock(1_800_000_000.0)
    service = new_meeting(folder, clock=clock)
    places = service.create_theme("Mötesplatser", signup=True)
    service.create_theme("Besöksvänner", signup=True)
    service.sign_up(name="Åsa Öberg", email="asa@example.org", consent=True, source="web")
    clock.advance(3600)
    service.sign_up(
        name="ÅSA OBERG", email="Asa@Example.org", themes=[places.id], consent=True, source="web"
    )
    service.sign_up(name="Per Persson", phone="070-123 45 67", consent=True)
    service.sign_up(name="Per Persson", phone="+46 70 123 45 67", consent=True)
    # Same phone session, another spelling of the name: still one person.
    service.sign_up(name="Li Wei", source="web", session="tag-1")
    service.sign_up(name="Li  Wei (Röda Korset)", source="web", session="tag-1")
    # A namesake with other contact details is another person.
    service.sign_up(name="Åsa Öberg", email="asa.oberg@kommun.se", consent=True)

    assert len(service.state.signups) == 7
    people = service.state.live_signups()
    assert len(people) == 4
    [asa] = [p for p in people if p.email.casefold() == "asa@example.org"]
    assert asa.themes == (places.id,), "no theme, then a theme: the theme"

    assert screen_state(service)["counts"]["signups"] == 4
    assert meeting_figures(service.state).signup_people == 4

    out = tmp_path / "out"
    assert main(["report", str(folder), "--out", str(out)]) == 0
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert "### Inget tema valt" in summary, "Per, Li and the namesake chose none"
    general = summary.split("### Inget tema valt")[1].split("\n## ")[0]
    assert "asa@example.org" not in general.casefold(), "Åsa chose a theme: not here too"
    assert general.count("Per Persson") == 1 and general.count("Li") == 1
    lists = summary.split("## Vill fortsätta")[1]
    places_list = lists.split("### Mötesplatser")[1].split("###")[0]
    assert "asa@example.org" in places_list.casefold()
    rows = list(
        csv.DictReader(io.StringIO((out / "signups.csv").read_text("utf-8-sig")), delimiter=";")
    )
    assert len(rows) == 4, rows
    slides = _slides(out / "working-group.pptx")
    general_slides = [text for text in slides if "inget tema valt" in text.casefold()]
    assert general_slides, "Per, Li and the namesake are on the no-theme slide"
    general_text = "\n".join(general_slides)
    assert "ÅSA OBERG" not in general_text, "Åsa chose a theme: not under no theme too"
    assert general_text.count("Åsa Öberg") == 1, "only the namesake from the municipality"
    assert general_text.count("Per Persson") == 1

    again = open_meeting(folder, clock=clock)
    assert len(again.state.live_signups()) == 4, "the same after a restart"
