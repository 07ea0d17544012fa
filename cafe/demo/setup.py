"""Making the demo's meeting folder: default agenda, realistic challenge and people."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cafe.core.agenda import load_agenda, resolve_agenda
from cafe.core.clock import Clock
from cafe.core.service import MeetingService
from cafe.demo.content import CHALLENGE
from cafe.demo.people import SimulatedPerson, simulated_people
from cafe.storage.folder import create_meeting_folder, open_meeting

AGENDA_BY_LANGUAGE = {"sv": "idemote.sv", "en": "idea-meeting.en"}


def create_demo_meeting(
    folder: Path, *, people: int, lang: str, clock: Clock | None = None
) -> tuple[MeetingService, list[SimulatedPerson]]:
    """A new meeting folder with ``people`` simulated participants checked in."""
    agenda = load_agenda(resolve_agenda(AGENDA_BY_LANGUAGE.get(lang, "idemote.sv"))).with_meta(
        challenge=CHALLENGE.get(lang, CHALLENGE["sv"]),
        date=dt.date.today().isoformat(),
        place="Stadsbiblioteket" if lang == "sv" else "The city library",
        language=lang,
    )
    create_meeting_folder(folder, agenda).close()
    service = open_meeting(folder, clock=clock)
    crowd = simulated_people(people)
    service.add_participants([p.person for p in crowd])
    return service, crowd
