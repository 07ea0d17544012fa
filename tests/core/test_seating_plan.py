"""The typed seating plan: read from the stored form, asked the questions the screens ask.

Small plans written by hand, so every answer can be checked by eye; the stored form is
the one the ``seating_planned`` event has always held, so old meetings read the same.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from cafe.core.seating.names import is_full_name, name_matches
from cafe.core.seating.plan import EMPTY, Seat, SeatingPlan, stored_plan
from cafe.storage.folder import open_meeting
from tests.meetings import new_meeting

LANDED = Path(__file__).resolve().parents[1] / "data" / "meetings" / "landed-2026-11-27"

STORED = {
    "mode": "tables",
    "tables": 2,
    "rounds": [
        {
            "round": 1,
            "tables": [
                {"table": 1, "host": "p1", "members": ["p2", "p3"]},
                {"table": 2, "host": "p4", "members": ["p5"]},
            ],
        },
        {
            "round": 2,
            "tables": [
                {"table": 1, "host": "p1", "members": ["p5"]},
                {"table": 2, "host": "p4", "members": ["p2", "p3"]},
            ],
        },
    ],
    "metrics": {"repeated_pairs": 1},
    "lower_bound": {"repeated_pairs": 1},
}


@dataclass(frozen=True)
class Person:
    id: str
    name: str


def test_the_stored_form_reads_and_writes_back_unchanged() -> None:
    plan = SeatingPlan.from_stored(STORED)
    assert plan.to_stored() == STORED
    assert plan.is_tables and not plan.is_circle and bool(plan)
    circle = {"mode": "circle", "order": ["p2", "p1"]}
    assert SeatingPlan.from_stored(circle).to_stored() == circle
    assert SeatingPlan.from_stored(None) is EMPTY and not EMPTY and EMPTY.to_stored() is None


def test_tables_hosts_and_people_of_a_round() -> None:
    plan = SeatingPlan.from_stored(STORED)
    assert [t.number for t in plan.tables(2)] == [1, 2]
    assert plan.tables(2)[1].people == ("p4", "p2", "p3"), "the host first"
    assert plan.tables(3) == ()
    assert plan.hosts(1) == {1: "p1", 2: "p4"}
    assert (plan.table_count(), plan.table_count(1), plan.table_count(9)) == (2, 2, 0)
    assert plan.people(2) == {"p1", "p2", "p3", "p4", "p5"}
    assert plan.people() == plan.people(1) and plan.first_round == 1


def test_where_one_person_sits() -> None:
    plan = SeatingPlan.from_stored(STORED)
    assert plan.table_of("p5", 2) == Seat(2, 1, False)
    assert plan.table_of("p4", 1) == Seat(1, 2, True)
    assert plan.table_of("p5", 3) is None and plan.table_of("nobody", 1) is None
    assert plan.itinerary("p2") == (Seat(1, 1, False), Seat(2, 2, False))
    assert plan.itinerary("nobody") == ()


def test_a_circle_has_one_table_and_no_rounds() -> None:
    plan = SeatingPlan.from_stored({"mode": "circle", "order": ["p2", "p1"]})
    assert plan.is_circle and plan.order == ("p2", "p1")
    assert plan.table_count() == 1 and plan.tables(1) == () and plan.itinerary("p1") == ()
    assert plan.people() == {"p1", "p2"} and plan.people(1) == {"p1", "p2"}


def test_a_plan_without_mode_is_a_table_plan_and_the_host_is_not_counted_twice() -> None:
    bare = {"rounds": [{"round": 1, "tables": [{"table": 3, "host": "a", "members": ["a", "b"]}]}]}
    plan = SeatingPlan.from_stored(bare)
    assert plan.is_tables and plan.tables(1)[0].people == ("a", "b")
    assert plan.to_stored()["rounds"][0]["tables"][0]["members"] == ["b"]


def test_one_rule_for_names() -> None:
    assert name_matches("asa", "Åsa Öberg") and name_matches("OBE å", "Åsa Öberg")
    assert name_matches("anna holm", "Anna-Karin Holm"), "hyphens split words"
    assert not name_matches("berg", "Åsa Öberg"), "words begin, they are not searched inside"
    assert not name_matches("per persson", "Åsa Persson"), "one word of the name per word typed"
    assert name_matches("per persson", "Per Persson") and name_matches("pers per", "Per Persson")
    assert not name_matches("", "Åsa") and not name_matches("  - ", "Åsa")
    assert is_full_name("öberg åsa", "Åsa Öberg") and is_full_name("eva", "Eva")
    assert not is_full_name("åsa", "Åsa Öberg") and not is_full_name("åsa öb", "Åsa Öberg")


def test_find_gives_each_match_with_its_tables() -> None:
    plan = SeatingPlan.from_stored(STORED)
    people = [Person("p1", "Åsa Öberg"), Person("p2", "Åsa Lind"), Person("p9", "Åke Ny")]
    found = plan.find("åsa", people)
    assert [(f.person.id, len(f.seats)) for f in found] == [("p1", 2), ("p2", 2)]
    assert [f.seats for f in plan.find("ake", people)] == [()], "found, but not seated"
    assert plan.find("lind asa", people)[0].seats == plan.itinerary("p2")


def test_the_state_reads_the_plan_once_per_stored_plan(tmp_path: Path) -> None:
    service = open_meeting(_copy(tmp_path))
    plan = service.state.seating_plan
    assert plan is service.state.seating_plan, "cached while the stored plan is the same"
    assert plan.to_stored() == {**service.state.seating, "tables": plan.table_count()}
    assert stored_plan(dict(service.state.seating)) == plan


def test_the_landed_meetings_plan_answers_like_its_stored_form(tmp_path: Path) -> None:
    """yesterday's meeting: every seat the stored dict lists is where the plan says"""
    service = open_meeting(_copy(tmp_path))
    stored = service.state.seating
    plan = service.state.seating_plan
    assert plan.is_tables and len(plan.rounds) == len(stored["rounds"]) > 0
    for entry in stored["rounds"]:
        for table in entry["tables"]:
            for pid in [table["host"], *table["members"]]:
                seat = plan.table_of(pid, entry["round"])
                assert seat == Seat(entry["round"], table["table"], pid == table["host"])


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "meeting"
    shutil.copytree(LANDED, folder)
    return folder


def test_the_service_stores_any_plan_in_the_one_form_and_it_survives_reopening(
    tmp_path: Path,
) -> None:
    service = new_meeting(tmp_path / "m")
    bare = {"rounds": [{"round": 1, "tables": [{"table": 3, "host": "a", "members": ["a", "b"]}]}]}
    service.store_seating(bare)
    written = {
        "mode": "tables",
        "tables": 1,
        "rounds": [{"round": 1, "tables": [{"table": 3, "host": "a", "members": ["b"]}]}],
    }
    assert service.state.seating == written
    reopened = open_meeting(tmp_path / "m").state
    assert reopened.seating == written and reopened.seating_plan.table_of("b", 1) == Seat(
        1, 3, False
    )
    service.store_seating(SeatingPlan.from_stored({"mode": "circle", "order": ["b", "a"]}))
    assert open_meeting(tmp_path / "m").state.seating_plan.order == ("b", "a")
