"""participants.csv's "Bordsvärd" and `cafe people list`'s "host" name the people the
stored seating plan makes table hosts in any round, the planner's appointees as well as
the volunteers, as the table cards and `cafe seating show` do; before a plan, those who
volunteered."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from cafe.cli import main
from cafe.storage.folder import open_meeting
from tests.meetings import new_meeting

PEOPLE = Path(__file__).resolve().parents[2] / "tests" / "data" / "seating_people.csv"


def _hosts_column(out: Path) -> dict[str, str]:
    text = (out / "participants.csv").read_bytes().decode("utf-8-sig")
    return {
        row["Namn"]: row["Bordsvärd"] for row in csv.DictReader(io.StringIO(text), delimiter=";")
    }


def _listed_hosts(folder: Path, capsys: pytest.CaptureFixture[str]) -> set[str]:
    capsys.readouterr()
    assert main(["people", "list", str(folder), "--json"]) == 0
    return {p["id"] for p in json.loads(capsys.readouterr().out) if p["host"]}


def test_the_plans_hosts_are_the_hosts_everywhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "möte"
    new_meeting(folder).log.close()
    assert main(["people", "import", str(folder), str(PEOPLE)]) == 0
    service = open_meeting(folder)
    try:
        people = dict(service.state.participants)
        service.capture_idea("Besöksvänner på biblioteket", table=1, round=1)
    finally:
        service.log.close()
    volunteers = {i for i, p in people.items() if p.host}
    assert main(["people", "present", str(folder), *people]) == 0

    assert main(["report", str(folder), "--out", str(tmp_path / "before-plan")]) == 0
    column = _hosts_column(tmp_path / "before-plan")
    assert {name for name, said in column.items() if said == "ja"} == {
        people[i].name for i in volunteers
    }
    assert _listed_hosts(folder, capsys) == volunteers

    assert main(["seating", "plan", str(folder), "--seed", "7"]) == 0
    service = open_meeting(folder)
    try:
        stored = service.state.seating
    finally:
        service.log.close()
    hosting = {t["host"] for entry in stored["rounds"] for t in entry["tables"] if t["host"]}
    assert hosting - volunteers, "the planner appointed hosts of its own"

    assert main(["report", str(folder), "--out", str(tmp_path / "out")]) == 0
    column = _hosts_column(tmp_path / "out")
    assert {name for name, said in column.items() if said == "ja"} == {
        people[i].name for i in hosting
    }
    assert set(column.values()) == {"ja", "nej"}
    assert _listed_hosts(folder, capsys) == hosting
