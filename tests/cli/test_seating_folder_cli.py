"""`cafe seating plan DIR` and `cafe seating show DIR`: a meeting folder's own plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cafe.cli import main
from cafe.core import meeting_seating as seating
from cafe.core.seating.plan import SeatingPlan
from cafe.storage.folder import open_meeting
from tests.meetings import new_meeting

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = ROOT / "tests" / "data" / "seating_people.csv"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A Swedish meeting with the 30 people of the seating fixture, all present."""
    path = tmp_path / "möte"
    new_meeting(path).log.close()
    assert main(["people", "import", str(path), str(PEOPLE)]) == 0
    service = open_meeting(path)
    ids = [p.id for p in service.state.participants.values()]
    service.log.close()
    assert main(["people", "present", str(path), *ids]) == 0
    capsys.readouterr()
    return path


def test_plan_stores_the_plan_the_meeting_then_uses(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "seating", "plan", str(folder), "--json")
    assert code == 0, err
    printed = json.loads(out)
    service = open_meeting(folder)
    assert service.state.seating == printed, "the printed plan is the stored plan"
    present = {p.id for p in service.state.present()}
    rounds = seating.cafe_round_count(service)
    assert [entry["round"] for entry in printed["rounds"]] == list(range(1, rounds + 1))
    typed = SeatingPlan.from_stored(printed)
    for number in range(1, rounds + 1):
        assert typed.people(number) == present
        sizes = [len(t.people) for t in typed.tables(number)]
        rules = service.agenda.tables
        assert all(rules.size_min <= size <= rules.size_max for size in sizes)
    assert printed["metrics"]["repeated_pairs"] == 0
    assert printed["metrics"]["single_sector_tables"] == 0


def test_show_prints_a_round_and_itineraries_with_names(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "seating", "show", str(folder))
    assert code == 1 and "cafe seating plan" in err, "no plan yet: say how to make one"
    assert run(capsys, "seating", "plan", str(folder))[0] == 0
    plan = open_meeting(folder).state.seating_plan
    code, out, err = run(capsys, "seating", "show", str(folder), "--round", "2")
    assert code == 0, err
    lines = out.strip().splitlines()
    assert lines[0] == "Runda 2:"
    tables = plan.tables(2)
    assert len(lines) == 1 + len(tables)
    names = {p.id: p.name for p in open_meeting(folder).state.participants.values()}
    for line, table in zip(lines[1:], tables, strict=True):
        assert line.startswith(f"Bord {table.number} (värd {names[table.host]}):")
        for member in table.guests:
            assert names[member] in line
    code, out, _ = run(capsys, "seating", "show", str(folder))
    assert code == 0
    asa = next(line for line in out.splitlines() if "Åsa A." in line)
    asa_id = next(pid for pid, name in names.items() if name == "Åsa A.")
    tables_of_asa = [str(s.table) for s in plan.itinerary(asa_id)]
    assert asa.strip() == f"Åsa A.: bord {', '.join(tables_of_asa)} (värd, sitter kvar)"
    code, _, err = run(capsys, "seating", "show", str(folder), "--round", "9")
    assert code == 1 and "--round 9" in err and "4 rundor" in err


def test_replan_from_a_round_keeps_earlier_rounds_and_hosts(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "seating", "plan", str(folder))[0] == 0
    first = open_meeting(folder).state.seating
    leaving = SeatingPlan.from_stored(first).tables(1)[0].guests[0]
    assert main(["people", "present", str(folder), leaving, "--absent"]) == 0
    assert main(["people", "add", str(folder), "Örjan Ny", "--sector", "kommun", "--present"]) == 0
    code, out, err = run(capsys, "seating", "plan", str(folder), "--from-round", "3", "--json")
    assert code == 0, err
    second = json.loads(out[out.index("{") :])
    assert second["rounds"][:2] == first["rounds"][:2], "rounds already played stay"
    hosts = [t["host"] for t in first["rounds"][0]["tables"]]
    for entry in second["rounds"][2:]:
        assert [t["host"] for t in entry["tables"]] == hosts
    present = {p.id for p in open_meeting(folder).state.present()}
    assert SeatingPlan.from_stored(second).people(3) == present
    assert leaving not in SeatingPlan.from_stored(second).people(4)


def test_folder_usage_errors(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (
        ["seating", "plan"],
        ["seating", "plan", str(folder), "--participants", str(PEOPLE)],
        ["seating", "plan", str(folder), "--rounds", "3"],
    ):
        with pytest.raises(SystemExit) as caught:
            main(args)
        assert caught.value.code == 2
        assert "Traceback" not in capsys.readouterr().err


def test_nobody_present_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tomt"
    new_meeting(path).log.close()
    code, out, err = run(capsys, "seating", "plan", str(path))
    assert code == 1 and out == "" and "Ingen är närvarande" in err
    assert open_meeting(path).state.seating is None


def test_the_tables_can_be_planned_before_the_doors_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit M M8: the guide suggests printing itineraries beforehand, but with nobody
    checked in the plan was refused without saying how; marking 16 ids by hand was the
    only way."""
    from cafe.core.participants import PersonInput

    path = tmp_path / "m"
    service = new_meeting(path)
    service.add_participants(
        [PersonInput(f"Person {n}", organisation=f"F{n % 5}") for n in range(16)]
    )
    service.log.close()
    code, _, err = run(capsys, "seating", "plan", str(path))
    assert code == 1 and "cafe people present MAPP --all" in err, err
    code, _, err = run(capsys, "people", "present", str(path), "--all")
    assert code == 0, err
    assert len(open_meeting(path).state.present()) == 16
    code, _, err = run(capsys, "seating", "plan", str(path))
    assert code == 0, err
    assert open_meeting(path).state.seating is not None
    for wrong in (
        ["people", "present", str(path)],
        ["people", "present", str(path), "p1", "--all"],
    ):
        with pytest.raises(SystemExit) as caught:
            main(wrong)
        assert caught.value.code == 2
        assert "id eller --all" in capsys.readouterr().err


def _round_one_hosts(folder: Path) -> dict[int, str]:
    return open_meeting(folder).state.seating_plan.hosts(1)


@pytest.mark.parametrize("from_round", [[], ["--from-round", "1"]])
def test_a_late_registration_keeps_every_printed_host_at_its_table(
    folder: Path, capsys: pytest.CaptureFixture[str], from_round: list[str]
) -> None:
    """Audit R S3: the cards were printed, one more person registered, and planning
    again made other people hosts at every table; the cards named the wrong hosts."""
    assert run(capsys, "seating", "plan", str(folder))[0] == 0
    printed = _round_one_hosts(folder)
    assert (
        main(["people", "add", str(folder), "Nils Nyman", "--sector", "förening", "--present"]) == 0
    )
    code, _, err = run(capsys, "seating", "plan", str(folder), *from_round)
    assert code == 0, err
    assert _round_one_hosts(folder) == printed, "the same host at every table"
    assert "värd" not in err.casefold(), "nothing to reprint"
    plan = open_meeting(folder).state.seating_plan
    present = {p.id for p in open_meeting(folder).state.present()}
    assert plan.people(1) == present
    for number in range(1, len(plan.rounds) + 1):
        assert plan.hosts(number) == printed, "hosts stay every round"


def test_a_host_marked_absent_is_replaced_only_at_that_table_and_named(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "seating", "plan", str(folder))[0] == 0
    printed = _round_one_hosts(folder)
    table = sorted(printed)[1]
    assert main(["people", "present", str(folder), printed[table], "--absent"]) == 0
    assert (
        main(["people", "add", str(folder), "Nils Nyman", "--sector", "förening", "--present"]) == 0
    )
    code, _, err = run(capsys, "seating", "plan", str(folder))
    assert code == 0, err
    now = _round_one_hosts(folder)
    assert set(now) == set(printed)
    assert {no for no in now if now[no] != printed[no]} == {table}
    assert f"Värden vid bord {table} är en annan nu" in err
    assert "skriv ut det igen" in err


def test_fewer_tables_keep_the_hosts_still_here_and_name_the_changed_tables(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Six people leave: fewer tables. The host of the first table no longer used takes
    over the table whose host left; every other host stays where the cards say."""
    assert run(capsys, "seating", "plan", str(folder))[0] == 0
    printed = _round_one_hosts(folder)
    last = max(printed)
    gone_host = printed[1]
    plan = open_meeting(folder).state.seating_plan
    guests = [g for t in plan.tables(1) if t.number not in (1, last) for g in t.guests][:5]
    leaving = [gone_host, *guests]
    assert main(["people", "present", str(folder), *leaving, "--absent"]) == 0
    code, _, err = run(capsys, "seating", "plan", str(folder))
    assert code == 0, err
    now = _round_one_hosts(folder)
    dropped = sorted(set(printed) - set(now))
    assert dropped and set(now) < set(printed)
    assert now[1] == printed[dropped[0]], "the host of a table no longer used hosts again"
    assert all(now[no] == printed[no] for no in now if no != 1)
    named = ", ".join(str(no) for no in [1, *dropped])
    assert f"Värdarna vid bord {named} är andra nu" in err
