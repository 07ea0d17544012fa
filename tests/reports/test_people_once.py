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


def test_a_phone_passed_round_a_table_signs_up_each_person_apart(tmp_path: Path) -> None:
    """One phone, four people: each keeps their own name, themes and contact details.
    They used to merge into one person (the same phone session), who took the last name
    and the last e-mail given: Johan stood on Maria's list with Karin's address."""
    folder = tmp_path / "m"
    clock = FakeClock(1_800_000_000.0)
    service = new_meeting(folder, clock=clock)
    alone = service.create_theme("Nå dem som är ensamma", signup=True)
    notice = service.create_theme("Se vem som är ensam", signup=True)
    table = {"source": "web", "session": "tag-table-3", "consent": True}
    service.sign_up(name="Maria Lind", email="maria@example.se", themes=[alone.id], **table)
    service.sign_up(name="Karin Svensson", email="karin@example.se", themes=[alone.id], **table)
    service.sign_up(name="Ahmed Ali", themes=[alone.id, notice.id], **table)
    service.sign_up(name="Johan Svensson", themes=[notice.id], **table)
    # The same phone again, Maria adding a theme: still Maria, one person.
    service.sign_up(name="maria lind", themes=[notice.id], **table)

    people = {p.name: p for p in service.state.live_signups()}
    assert sorted(people) == ["Ahmed Ali", "Johan Svensson", "Karin Svensson", "Maria Lind"]
    assert people["Maria Lind"].email == "maria@example.se"
    assert set(people["Maria Lind"].themes) == {alone.id, notice.id}
    assert people["Johan Svensson"].email == "" and people["Johan Svensson"].themes == (notice.id,)
    assert people["Karin Svensson"].email == "karin@example.se"
    assert screen_state(service)["counts"]["signups"] == 4
    assert meeting_figures(service.state).signup_people == 4
    assert dict(meeting_figures(service.state).signups_by_theme) == {
        "Nå dem som är ensamma": 3,
        "Se vem som är ensam": 3,
    }

    out = tmp_path / "out"
    assert main(["report", str(folder), "--out", str(out)]) == 0
    rows = list(
        csv.DictReader(io.StringIO((out / "signups.csv").read_text("utf-8-sig")), delimiter=";")
    )
    assert len(rows) == 6, rows  # one row per person and theme
    by_name: dict[str, set[str]] = {}
    for row in rows:
        values = list(row.values())
        name = next(v for v in values if v in people)
        by_name.setdefault(name, set()).update(v for v in values if "@" in v)
    assert by_name == {
        "Maria Lind": {"maria@example.se"},
        "Karin Svensson": {"karin@example.se"},
        "Ahmed Ali": set(),
        "Johan Svensson": set(),
    }


def test_names_one_person_may_have_typed_are_alike() -> None:
    from cafe.core.state import _alike_names

    assert _alike_names("Li Wei", "Li  Wei (Röda Korset)")
    assert _alike_names("Ana Svensson", "Anna Svensson")
    assert _alike_names("Åsa", "Åsa Öberg")
    assert not _alike_names("Maria Svensson", "Karin Svensson")
    assert not _alike_names("Johan Svensson", "Karin Svensson")
    assert not _alike_names("Ali", "Ari")  # too short to call it a slip
    assert not _alike_names("", "Ahmed Ali")


def test_the_same_name_and_organisation_without_contacts_is_that_person_again(
    tmp_path: Path,
) -> None:
    """Åsa signed up on her phone with her e-mail, then on a friend's phone without it:
    she counted twice, and stood twice on the core team's list."""
    service = new_meeting(tmp_path / "m", clock=FakeClock(1_800_000_000.0))
    places = service.create_theme("Mötesplatser", signup=True)
    visits = service.create_theme("Besöksvänner", signup=True)
    service.sign_up(
        name="Åsa Öberg", organisation="Röda Korset", email="asa@example.org",
        themes=[places.id], consent=True, source="web", session="asa-phone",
    )  # fmt: skip
    service.sign_up(
        name="åsa öberg", organisation="röda korset", themes=[visits.id],
        source="web", session="friends-phone",
    )  # fmt: skip
    service.sign_up(name="Åsa Öberg", organisation="Kommunen", source="web", session="x")
    people = service.state.live_signups()
    assert len(people) == 2, people
    [red_cross] = [p for p in people if p.email]
    assert set(red_cross.themes) == {places.id, visits.id}
    assert red_cross.email == "asa@example.org", "her address stays hers"
    assert meeting_figures(service.state).signup_people == 2


def test_a_sign_up_without_contacts_joins_a_later_one_with_them(tmp_path: Path) -> None:
    """Lena signed up first without her e-mail, later with it and another theme: the
    projector said "15 vill jobba vidare" for 14 people. Only a contactless sign-up that
    came after one with contacts used to join it."""
    service = new_meeting(tmp_path / "m", clock=FakeClock(1_800_000_000.0))
    places = service.create_theme("Mötesplatser", signup=True)
    visits = service.create_theme("Besöksvänner", signup=True)
    service.sign_up(name="Lena Björk", organisation="PRO Hageby", themes=[places.id], source="web")
    service.sign_up(
        name="Lena Björk", organisation="PRO Hageby", email="lena@example.org",
        themes=[visits.id], consent=True, source="web",
    )  # fmt: skip
    # Two namesakes from one organisation with their own addresses stay two people, and
    # a third sign-up of that name without an address does not make them one.
    service.sign_up(name="Per Ek", organisation="SPF", themes=[places.id], source="web")
    for email in ("per@example.org", "per.ek@kommun.se"):
        service.sign_up(name="Per Ek", organisation="SPF", email=email, consent=True)

    people = service.state.live_signups()
    assert len(people) == 3, people
    [lena] = [p for p in people if p.name == "Lena Björk"]
    assert lena.email == "lena@example.org"
    assert set(lena.themes) == {places.id, visits.id}
    assert sorted(p.email for p in people if p.name == "Per Ek") == [
        "per.ek@kommun.se",
        "per@example.org",
    ]
    assert screen_state(service)["counts"]["signups"] == 3
    assert meeting_figures(service.state).signup_people == 3
    assert dict(meeting_figures(service.state).signups_by_theme) == {
        "Mötesplatser": 2,
        "Besöksvänner": 1,
    }


def test_a_person_keeps_the_best_written_spelling_of_their_name(tmp_path: Path) -> None:
    """Åsa's second sign-up, quickly typed on a friend's phone, was "åsa öberg, Röda
    korset": that spelling replaced hers on every list, the summary, signups.csv and the
    deck, even on the list only the first sign-up chose."""
    folder = tmp_path / "m"
    service = new_meeting(folder, clock=FakeClock(1_800_000_000.0))
    visits = service.create_theme("Besöksvänner", signup=True)
    together = service.create_theme("Samordning", signup=True)
    service.sign_up(
        name="Åsa Öberg", organisation="Röda Korset", email="asa@example.org",
        themes=[visits.id, together.id], consent=True, source="web",
    )  # fmt: skip
    service.sign_up(name="åsa öberg", organisation="Röda korset", themes=[visits.id], source="web")
    # A later sign-up that corrects the name (not only its case) still decides it.
    service.sign_up(name="Ana Lind", email="ana@example.org", consent=True, source="web")
    service.sign_up(name="Anna Lind", email="ana@example.org", consent=True, source="web")

    people = {p.email: p for p in service.state.live_signups()}
    assert (people["asa@example.org"].name, people["asa@example.org"].organisation) == (
        "Åsa Öberg",
        "Röda Korset",
    )
    assert people["ana@example.org"].name == "Anna Lind"

    out = tmp_path / "out"
    assert main(["report", str(folder), "--out", str(out)]) == 0
    summary = (out / "summary.md").read_text(encoding="utf-8")
    csv_text = (out / "signups.csv").read_text("utf-8-sig")
    deck = "\n".join(_slides(out / "working-group.pptx"))
    for where, text in (("summary.md", summary), ("signups.csv", csv_text), ("deck", deck)):
        assert "åsa öberg" not in text and "Röda korset" not in text, where
        assert "Åsa Öberg" in text and "Röda Korset" in text, where
