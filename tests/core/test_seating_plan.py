"""The typed seating plan: read from the stored form, asked the questions the screens ask.

Small plans written by hand, so every answer can be checked by eye; the stored form is
the one the ``seating_planned`` event has always held, so old meetings read the same.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from cafe.core.errors import ValidationError
from cafe.core.event_rules import checked_events
from cafe.core.events import Event, EventKind
from cafe.core.participants import Sector
from cafe.core.seating import SeatingPerson, seat
from cafe.core.seating.names import is_full_name, name_matches
from cafe.core.seating.plan import EMPTY, Seat, SeatingPlan, read_table_plan, stored_plan
from cafe.i18n import set_language
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


# -- the one reader: every malformed part named ----------------------------------------


def _problems(data: object, source: str = "old.json") -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        SeatingPlan.from_stored(data, source)
    return [(p.code, p.where) for p in caught.value.problems]


def test_the_planners_plan_and_the_stored_form_convert_both_ways() -> None:
    people = [
        SeatingPerson(f"p{i}", f"Org {i // 3}", [Sector.PUBLIC, Sector.CIVIL][i % 2])
        for i in range(30)
    ]
    result = seat(people, 3, 4)
    assert result.plan is not None
    plan = SeatingPlan.from_planner(result)
    data = plan.to_stored()
    assert data is not None and data["tables"] == len(result.plan.rounds[0].tables)
    assert all(t["host"] not in t["members"] for r in data["rounds"] for t in r["tables"])
    assert SeatingPlan.from_stored(data) == plan and plan.to_planner() == result.plan
    assert data == result.to_json(), "what the CLI prints is what the meeting stores"


def test_every_malformed_part_is_a_problem_naming_where() -> None:
    assert _problems({"rounds": [{"tables": [{"table": 1, "host": 3}]}, {}]}) == [
        ("seating.history_bad_table", "old.json: rounds[0].tables[0]"),
        ("seating.history_bad_round", "old.json: rounds[1]"),
    ]
    assert _problems([1, 2]) == [("seating.history_not_plan", "old.json")]
    assert _problems({}) == _problems({"mode": "tables", "rounds": 3}) == _problems([1, 2])
    numbers = {
        "rounds": [
            {"round": 0, "tables": []},
            {"round": True, "tables": []},
            {"tables": [{"table": 0, "host": "a", "members": []}]},
            {"tables": [{"table": True, "host": "a", "members": []}]},
            {"tables": [{"table": 1, "host": "a", "members": ["b", 7]}]},
            {"tables": [{"table": 1, "members": ["b"]}]},
        ]
    }
    assert _problems(numbers) == [
        ("seating.history_bad_round_number", "old.json: rounds[0].round"),
        ("seating.history_bad_round_number", "old.json: rounds[1].round"),
        *[("seating.history_bad_table", f"old.json: rounds[{r}].tables[0]") for r in (2, 3, 4, 5)],
    ]


def test_nobody_is_seated_twice_in_a_round_but_a_host_may_list_themselves() -> None:
    two_tables = {
        "rounds": [
            {
                "tables": [
                    {"table": 1, "host": "a", "members": ["b"]},
                    {"table": 2, "host": "c", "members": ["b"]},
                ]
            }
        ]
    }
    assert _problems(two_tables) == [("seating.history_twice", "old.json: rounds[0].tables[1]")]
    set_language("en")
    with pytest.raises(ValidationError, match='"b" is seated twice'):
        SeatingPlan.from_stored(two_tables, "old.json")
    same_table = {"rounds": [{"tables": [{"table": 1, "host": "a", "members": ["b", "b"]}]}]}
    assert _problems(same_table) == [("seating.history_twice", "old.json: rounds[0].tables[0]")]
    listed = {"rounds": [{"tables": [{"table": 1, "host": "a", "members": ["b", "a"]}]}]}
    assert SeatingPlan.from_stored(listed).tables(1)[0].people == ("a", "b")


def test_a_circle_is_checked_and_is_no_history_for_a_re_plan() -> None:
    assert _problems({"mode": "circle", "order": "ab"}) == [
        ("seating.history_bad_order", "old.json: order")
    ]
    assert _problems({"mode": "circle", "order": ["a", "b", "a"]}) == [
        ("seating.history_twice", "old.json: order[2]")
    ]
    for not_tables in ({"mode": "circle", "order": ["a"]}, None):
        with pytest.raises(ValidationError) as caught:
            read_table_plan(not_tables, "plan.json")
        assert [(p.code, p.where) for p in caught.value.problems] == [
            ("seating.history_not_plan", "plan.json")
        ]
    assert read_table_plan(STORED, "plan.json") == SeatingPlan.from_stored(STORED)


def _planned(plan: object) -> list[Event]:
    data = {"plan": plan, "from_round": 1}
    return [Event(EventKind.SEATING_PLANNED, data, at=1.0, seq=1)]


def test_an_import_checks_a_plan_with_the_same_reader() -> None:
    """a meeting seated in a circle imports; a damaged plan is named inside its event"""

    def where(index: int, event: Event, field: str) -> str:
        return f"events[{index}]{field}"

    for plan in ({"mode": "circle", "order": ["a", "b"]}, STORED, None):
        assert len(checked_events(_planned(plan), 3, where)) == 1
    bad = {**STORED, "rounds": [{"tables": [{"table": 1, "host": "a"}]}]}
    with pytest.raises(ValidationError) as caught:
        checked_events(_planned(bad), 3, where)
    assert [(p.code, p.where) for p in caught.value.problems] == [
        ("seating.history_bad_table", "events[0].data.plan: rounds[0].tables[0]")
    ]


@pytest.mark.parametrize("n", [13, 24, 30])
def test_kept_hosts_stay_at_their_tables_even_beside_new_volunteers(n: int) -> None:
    """A re-plan of round 1 keeps the hosts printed on the cards: the swaps that mix the
    tables moved them to other tables or made them guests (audit R S3)."""
    sectors = list(Sector)
    people = [
        SeatingPerson(f"p{i}", f"org{i % 7}", sectors[i % 4], volunteer_host=i % 5 == 0)
        for i in range(n)
    ]
    first = seat(people, 4, 4, circle_below=0)
    assert first.plan is not None
    kept = {t.table: t.host for t in first.plan.rounds[0].tables}
    # The hosts are people who did not volunteer; volunteers arrive late.
    late = [SeatingPerson(f"v{i}", f"new{i}", sectors[i % 4], volunteer_host=True) for i in (1, 2)]
    again = seat([*people, *late], 4, 4, circle_below=0, keep_hosts=kept)
    assert again.plan is not None
    for entry in again.plan.rounds:
        hosts = {t.table: t.host for t in entry.tables}
        assert {no: hosts[no] for no in kept} == kept
