"""One count and one open-themes rule for every screen (issue 17 item 2).

The closing screen, the check-in head count and the reports read the core's figures;
the sign-up form, the console's and the projector's lists read the state's open themes.
Each test builds a real meeting folder and asks every reader.
"""

from __future__ import annotations

from pathlib import Path

from cafe.core.figures import meeting_figures
from cafe.core.participants import PersonInput, Sector
from cafe.core.service import MeetingService
from cafe.reports.model import build_model
from cafe.tui.widgets.steps.signup_step import signup_lists as console_lists
from cafe.web.room import signup_lists as projector_lists
from tests.meetings import new_meeting


def _people(service: MeetingService, present: set[int]) -> None:
    sectors = ["public", "business", "civil", "civil", "public", "business", "other"]
    service.add_participants(
        [
            PersonInput(f"Person {n}", organisation=f"Org {n}", sector=s, present=n in present)
            for n, s in enumerate(sectors)
        ]
    )


def test_before_anyone_is_marked_present_everyone_registered_is_counted(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    _people(service, present=set())
    figures = meeting_figures(service.state)
    model = build_model(service, "sv")
    assert (figures.registered, figures.present) == (model.registered, model.present) == (7, 0)
    assert figures.by_sector == model.sector_counts
    assert figures.by_sector == (
        (Sector.PUBLIC, 2), (Sector.CIVIL, 2), (Sector.BUSINESS, 2), (Sector.OTHER, 1),
    )  # fmt: skip


def test_once_people_arrive_only_they_are_counted_everywhere(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    _people(service, present={0, 2, 3})
    figures = meeting_figures(service.state)
    model = build_model(service, "sv")
    assert (figures.registered, figures.present) == (model.registered, model.present) == (7, 3)
    assert figures.by_sector == model.sector_counts == ((Sector.PUBLIC, 1), (Sector.CIVIL, 2))
    assert [p.name for p in figures.counted] == ["Person 0", "Person 2", "Person 3"]


def test_open_themes_are_the_listed_ones_or_all_and_every_list_shows_them(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    plain = service.create_theme("Mötesplatser")
    gone = service.create_theme("Borttaget")
    service.delete_theme(gone.id)
    assert [th.name for th in service.state.open_themes()] == ["Mötesplatser"], "none listed: all"
    listed = service.create_theme("Digital vardag", signup=True)
    assert [th.id for th in service.state.open_themes()] == [listed.id]
    assert [row["name"] for row in projector_lists(service)] == ["Digital vardag"]
    shown = console_lists(service)
    assert "Digital vardag" in shown and plain.name not in shown
    service.sign_up(name="Åsa Öberg", themes=[listed.id])
    assert meeting_figures(service.state).signups_by_theme == (("Digital vardag", 1),)
