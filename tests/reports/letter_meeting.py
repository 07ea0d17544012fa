"""A meeting made as a facilitator would: `cafe new` with time, place and both co-hosts,
a few people (one with a long Swedish name), ideas in every round, themes and lists."""

from __future__ import annotations

from pathlib import Path

from cafe.cli import main
from cafe.core.participants import PersonInput
from cafe.core.service import MeetingService
from cafe.storage.folder import open_meeting

HOST_MUNICIPALITY = "Anna Lindqvist, Socialförvaltningen <anna.lindqvist@hageby.se>"
HOST_CIVIL = "Kalle Öberg, Röda Korset Hageby <kalle.oberg@rodakorset.se>"
PARTICIPANT_ADDRESSES = ("asa@example.se", "per@kommun.se", "maja.aberg@pro.se")


def letter_meeting(folder: Path, *, lang: str = "sv") -> MeetingService:
    """The meeting in ``folder``, opened; the caller closes ``service.log``."""
    argv = [
        "new",
        str(folder),
        "--challenge",
        "ensamhet bland äldre" if lang == "sv" else "loneliness among older people",
        "--date",
        "2026-12-03",
        "--start",
        "18:00",
        "--end",
        "21:00",
        "--register-by",
        "2026-11-26",
        "--place",
        "Hageby bibliotek, Storgatan 1",
        "--host-municipality",
        HOST_MUNICIPALITY,
        "--host-civil",
        HOST_CIVIL,
        "--lang",
        lang,
    ]
    assert main(argv) == 0
    service = open_meeting(folder)
    service.add_participants(
        [
            PersonInput(
                "Åsa Öberg", "Röda Korset", "förening", email="asa@example.se", present=True
            ),
            PersonInput("Per Lindström", "Kommunen", "kommun", email="per@kommun.se", present=True),
            PersonInput(
                "Maja Åberg", "PRO Hageby", "civil", email="maja.aberg@pro.se", present=True
            ),
            PersonInput("Jonas Ek", "Svenska kyrkan", "civil", present=True),
        ]
    )
    for round_number in (1, 2, 3, 4):
        service.capture_idea(
            f"Idé från runda {round_number} om äldres vardag", table=1, round=round_number
        )
    theme = service.create_theme(
        "Mötesplatser", signup=True, ideas=[i for i in service.state.ideas]
    )
    service.sign_up(
        name="Åsa Öberg",
        organisation="Röda Korset",
        email="asa@example.se",
        themes=[theme.id],
        consent=True,
    )
    return service
