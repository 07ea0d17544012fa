"""The issue's meeting: a registration list of 31 people, everyone with an e-mail address,
imported with ``cafe people import``; 29 came, 6 signed up (4 with consent; the service
refuses contact details without it), and one
person who never registered signed up on a phone with consent."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cafe.cli import main
from cafe.core.service import MeetingService
from cafe.storage.folder import open_meeting
from tests.meetings import new_meeting

FIRST = ["Anna", "Björn", "Cecilia", "David", "Elin", "Fredrik", "Gunilla", "Hassan"]
LAST = ["Lindqvist", "Åberg", "Öst", "Ärlig"]
ORGS = ["Hageby kommun", "Röda Korset", "PRO Hageby", "Svenska kyrkan", "IFK Hageby"]
SECTORS = ["kommun", "förening", "civil", "trossamfund", "förening"]


@dataclass(frozen=True)
class ThirtyOne:
    folder: Path
    registered: list[str]
    """The 31 registration addresses, in list order."""
    absent: list[str]
    """Registration addresses of the 2 who did not come."""
    consent_other: str
    """A consenting sign-up's second address (not the one registered)."""
    walk_in: str
    """The address of someone who never registered but signed up with consent."""


def thirty_one(folder: Path) -> ThirtyOne:
    """Build the meeting in ``folder`` through the real CLI import and the service."""
    new_meeting(folder).log.close()
    rows = ["Namn;Organisation;Sektor;E-post;Telefon;Närvarande"]
    registered = []
    for n in range(31):
        name = f"{FIRST[n % 8]} {LAST[n // 8]}"
        first = name.split()[0].lower().replace("ö", "o")
        address = f"{first}.{n + 1}@hageby.se"
        present = "nej" if n in (29, 30) else "ja"
        rows.append(f"{name};{ORGS[n % 5]};{SECTORS[n % 5]};{address};070-{n:03d} 11 22;{present}")
        registered.append(address)
    csv_path = folder.parent / "anmalda.csv"
    csv_path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["people", "import", str(folder), str(csv_path)]) == 0
    service = open_meeting(folder)
    try:
        _sign_ups(service)
    finally:
        service.log.close()
    return ThirtyOne(
        folder=folder,
        registered=registered,
        absent=registered[29:],
        consent_other="anna.privat@example.org",
        walk_in="vera.inkommen@example.org",
    )


def _sign_ups(service: MeetingService) -> None:
    places = service.create_theme("Mötesplatser", signup=True)
    visits = service.create_theme("Besöksvänner", signup=True)
    for round_number, text in ((1, "Ensamheten syns inte"), (3, "Röda Korset har besöksvänner")):
        service.capture_idea(text, table=1, round=round_number)
    people = list(service.state.participants.values())
    service.sign_up(
        name=people[0].name,
        organisation=people[0].organisation,
        email="anna.privat@example.org",
        themes=[places.id],
        consent=True,
    )
    for person in people[1:4]:
        service.sign_up(
            name=person.name,
            organisation=person.organisation,
            email=person.email,
            themes=[visits.id],
            consent=True,
        )
    service.sign_up(name=people[4].name, organisation=people[4].organisation, themes=[places.id])
    service.sign_up(name=people[5].name, organisation=people[5].organisation)
    service.sign_up(
        name="Vera Inkommen",
        organisation="Hageby bibliotek",
        email="vera.inkommen@example.org",
        themes=[visits.id],
        consent=True,
        source="web",
    )
