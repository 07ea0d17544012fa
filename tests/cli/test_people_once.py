"""One person, once: `cafe people add` refuses someone already in the meeting.

The issue: importing a list with Åsa Öberg and then typing `cafe people add DIR "Åsa
Öberg"` at the door made a second Åsa, who was then seated twice and counted twice. The
rule lives in the domain core (``same_person``); the CLI says who is already there and how
to add another person of that name (``--again``).
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from rich.cells import cell_len

from cafe.cli import main
from cafe.core.errors import ValidationError
from cafe.core.participants import AlreadyInMeeting, Participant, PersonInput, same_person
from cafe.storage.folder import open_meeting
from tests.meetings import new_meeting

LIST = "Namn;Organisation;Sektor\nÅsa Öberg;Röda Korset;förening\nPer Ek;Kommunen;kommun\n"


def _people(folder: Path) -> list[dict[str, object]]:
    reader = open_meeting(folder)
    try:
        return [
            {"id": p.id, "name": p.name, "organisation": p.organisation}
            for p in reader.state.participants.values()
        ]
    finally:
        reader.log.close()


def _event_count(folder: Path) -> int:
    reader = open_meeting(folder)
    try:
        return len(list(reader.events()))
    finally:
        reader.log.close()


@pytest.fixture
def imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A meeting folder with a list already imported, as in the issue; cwd is tmp_path."""
    monkeypatch.chdir(tmp_path)
    new_meeting(tmp_path / "moten" / "ensamhet").log.close()
    (tmp_path / "anmalda.csv").write_text(LIST, encoding="utf-8")
    assert main(["people", "import", "moten/ensamhet", "anmalda.csv"]) == 0
    return Path("moten/ensamhet")


ASA = Participant("p1", "Åsa Öberg", "Röda Korset")


@pytest.mark.parametrize(
    ("name", "organisation", "same"),
    [
        ("Åsa Öberg", "Röda Korset", True),
        ("asa oberg", "Röda Korset", True),
        ("ÅSA   ÖBERG ", "röda korset", True),
        ("Asa Oberg", "Roda Korset", True),
        ("Åsa Öberg", "", True),  # an empty organisation matches any
        ("asa oberg", "   ", True),
        ("Åsa Öberg", "PRO", False),
        ("Åsa Öberg-Lind", "Röda Korset", False),
        ("Åsa", "Röda Korset", False),
        ("", "Röda Korset", False),
    ],
)
def test_same_name_and_organisation_is_the_same_person(
    name: str, organisation: str, same: bool
) -> None:
    assert same_person(name, organisation, ASA) is same


def test_an_existing_person_without_organisation_matches_any() -> None:
    assert same_person("asa oberg", "Röda Korset", Participant("p1", "Åsa Öberg"))


def test_the_service_refuses_a_second_asa_and_adds_one_when_told(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    asa = service.add_participant(PersonInput("Åsa Öberg", "Röda Korset", "förening"))
    with pytest.raises(AlreadyInMeeting) as caught:
        service.add_participant(PersonInput("asa oberg", "", "kommun"))
    assert caught.value.existing == asa
    assert str(caught.value) == "Åsa Öberg (Röda Korset) finns redan i mötet (id p1)."
    assert list(service.state.participants) == ["p1"], "nothing was stored"
    other = service.add_participant(PersonInput("Åsa Öberg", "PRO"))  # another Åsa
    assert other.id == "p2"
    twin = service.add_participant(PersonInput("Åsa Öberg", "Röda Korset"), allow_duplicate=True)
    assert [p.name for p in service.state.participants.values()] == ["Åsa Öberg"] * 3
    assert twin.id == "p3"


def test_bad_fields_are_reported_before_the_duplicate(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    service.add_participant(PersonInput("Åsa Öberg"))
    with pytest.raises(ValidationError) as caught:
        service.add_participant(PersonInput("Åsa Öberg", email="inte-en-adress"))
    assert not isinstance(caught.value, AlreadyInMeeting)
    assert [p.where for p in caught.value.problems] == ["email"]


def test_a_removed_person_can_be_added_again(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    asa = service.add_participant(PersonInput("Åsa Öberg"))
    service.remove_participant(asa.id)
    assert service.add_participant(PersonInput("Åsa Öberg")).id == "p2"


def test_the_csv_import_keeps_its_own_rule(tmp_path: Path) -> None:
    """``add_participants`` (the import) is unchanged: the CLI checks with --skip-existing."""
    service = new_meeting(tmp_path / "m")
    service.add_participant(PersonInput("Åsa Öberg", "Röda Korset"))
    added = service.add_participants([PersonInput("Åsa Öberg", "Röda Korset")])
    assert [p.id for p in added] == ["p2"]


def test_people_add_after_import_refuses_in_swedish(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _event_count(imported)
    capsys.readouterr()
    code = main(["people", "add", str(imported), "asa oberg", "--sector", "förening", "--present"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "Åsa Öberg (Röda Korset) finns redan i mötet (id p1).",
        "Är det en annan person med samma namn? Lägg till ändå med:",
        "  cafe people add moten/ensamhet 'asa oberg' --sector förening --present --again",
    ]
    assert _event_count(imported) == before, "the refused person was stored"
    assert "Traceback" not in err


def test_people_add_after_import_refuses_in_english(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code = main(
        ["people", "add", str(imported), "Åsa Öberg", "--org", "röda korset", "--lang", "en"]
    )
    _, err = capsys.readouterr()
    assert code == 1
    assert err.splitlines() == [
        "Åsa Öberg (Röda Korset) is already in the meeting (id p1).",
        "Someone else with the same name? Add them anyway with:",
        "  cafe people add moten/ensamhet 'Åsa Öberg' --org 'röda korset' --again",
    ]


def test_the_printed_command_adds_the_other_person(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["people", "add", str(imported), "Åsa Öberg", "--email", "asa2@example.se"])
    command = capsys.readouterr().err.splitlines()[-1].strip()
    assert command.endswith("--again")
    assert main(shlex.split(command)[1:]) == 0
    assert "Lade till Åsa Öberg (p3)" in capsys.readouterr().out
    assert [p["name"] for p in _people(imported)] == ["Åsa Öberg", "Per Ek", "Åsa Öberg"]


def test_another_organisation_is_another_person(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["people", "add", str(imported), "Åsa Öberg", "--org", "PRO"]) == 0
    capsys.readouterr()
    assert main(["people", "list", str(imported), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(p["name"], p["organisation"]) for p in listed] == [
        ("Åsa Öberg", "Röda Korset"),
        ("Per Ek", "Kommunen"),
        ("Åsa Öberg", "PRO"),
    ]


def test_the_readme_sequence_registers_asa_once(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README step 2: import the list, then add Åsa at the door: she is there already."""
    code = main(
        [
            "people",
            "add",
            "moten/ensamhet",
            "Åsa Öberg",
            "--org",
            "Röda Korset",
            "--sector",
            "förening",
            "--present",
        ]
    )
    assert code == 1
    assert "(id p1)" in capsys.readouterr().err
    assert main(["people", "present", "moten/ensamhet", "p1"]) == 0
    assert [p["id"] for p in _people(imported)] == ["p1", "p2"]


def test_the_list_lines_up_names_of_wide_letters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """李伟 takes four columns: padded by characters, every column after it slid left."""
    folder = tmp_path / "m"
    service = new_meeting(folder)
    for name in ("Li Wei 李伟", "Åsa Öberg", "Mohammed Al-Hassan"):
        service.add_participant(PersonInput(name, "Föreningen"))
    capsys.readouterr()
    assert main(["people", "list", str(folder)]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if "Föreningen" in line]
    assert len(rows) == 3
    assert len({cell_len(line.split("Föreningen")[0]) for line in rows}) == 1, rows
