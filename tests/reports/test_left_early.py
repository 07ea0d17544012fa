"""Someone who leaves after round 2 took part; the no-show did not.

A facilitator's audit: Kerstin sat at the tables in rounds 1 and 2 and went home in the
break, marked "not here" with the door's one toggle. The report then treated her as the
no-show: not counted, her organisation missing, no feedback letter though she gave her
e-mail ("give feedback to everyone who took part", meeting.md).
"""

from __future__ import annotations

from pathlib import Path

from cafe.core.figures import meeting_figures
from cafe.core.participants import PersonInput
from cafe.reports.model import build_model
from cafe.storage.folder import open_meeting
from tests.meetings import new_meeting


def test_one_who_left_is_counted_and_thanked_the_no_show_is_not(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    service = new_meeting(folder)
    stay, kerstin, _no_show, wrong = service.add_participants(
        [
            PersonInput("Åsa Öberg", organisation="Röda Korset", email="asa@example.se"),
            PersonInput("Kerstin Berg", organisation="Kultur", email="kerstin@example.se"),
            PersonInput("Olle Pettersson", organisation="Bygdegården", email="olle@example.se"),
            PersonInput("Per Fel", organisation="Fel AB", email="per@example.se"),
        ]
    )
    service.start_step(0)  # the door: a wrong tick, taken back, is not taking part
    for person in (stay, kerstin, wrong):
        service.set_present(person.id, True)
    service.set_present(wrong.id, False)
    for index in range(1, 6):  # the opening, the purpose ... the rounds
        service.start_step(index)
    service.set_present(kerstin.id, False)  # gone home in the break
    service.log.close()

    service = open_meeting(folder)  # the same from the log
    figures = meeting_figures(service.state)
    assert (figures.present, figures.took_part) == (1, 2)
    model = build_model(service, "sv")
    assert model.present == 2, "Åsa and Kerstin were there"
    assert "Kultur" in model.organisations and "Bygdegården" not in model.organisations
    assert set(model.feedback_addresses) == {"asa@example.se", "kerstin@example.se"}
    there = {p.name: p.present for p in model.people}
    assert there == {
        "Åsa Öberg": True,
        "Kerstin Berg": True,
        "Olle Pettersson": False,
        "Per Fel": False,
    }
    service.log.close()
