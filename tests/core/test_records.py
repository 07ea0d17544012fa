"""The meeting's records are frozen values: equal when their fields are, usable as keys,
changed only by making a new one, and normalised however they are made."""

from __future__ import annotations

import pytest
from msgspec.structs import replace

from cafe.core.agenda.model import Agenda, Step, StepKind
from cafe.core.errors import Message, Problem
from cafe.core.events import Event, EventKind
from cafe.core.participants import Participant, Sector
from cafe.core.seating.plan import Round, SeatingPlan, Table
from cafe.core.timer import Timer


def test_a_message_with_dict_values_is_a_key_and_equal_by_its_values() -> None:
    one = Message("text.bad_email", {"value": "a@"})
    same = Message("text.bad_email", {"value": "a@"})
    other = Message("text.bad_email", {"value": "b@"})
    assert one == same and hash(one) == hash(same)
    assert one != other
    problems = {Problem("people.csv:3", one, "email"), Problem("people.csv:3", same, "email")}
    assert len(problems) == 1, "the same problem twice is reported once"


def test_a_plan_is_equal_to_one_that_seats_everyone_alike_however_it_was_scored() -> None:
    rounds = (Round(1, (Table(1, "p1", ("p2", "p3")),)),)
    scored = SeatingPlan("tables", rounds, extras={"metrics": {"repeats": 0}})
    assert scored == SeatingPlan("tables", rounds)
    assert hash(scored) == hash(SeatingPlan("tables", rounds))
    moved = (Round(1, (Table(1, "p2", ("p1", "p3")),)),)
    assert scored != SeatingPlan("tables", moved)


def test_records_cannot_be_changed_in_place_and_are_normalised_when_replaced() -> None:
    step = Step(StepKind.CAFE_ROUND, "Runda", 20, question="Q")
    with pytest.raises(AttributeError):
        step.minutes = 5  # type: ignore[misc]
    assert replace(step, minutes=12.0).minutes == 12
    assert isinstance(replace(step, minutes=12.0).minutes, int), "whole minutes stay whole"
    agenda = Agenda(steps=(step, Step(StepKind.BREAK, "Paus", 10)))
    renumbered = replace(agenda, steps=[*agenda.steps, step])  # type: ignore[arg-type]
    assert isinstance(renumbered.steps, tuple)
    assert [s.round for s in renumbered.steps] == [1, None, 2]


def test_records_compare_by_type_and_fields() -> None:
    person = Participant("p1", "Åsa Ek", "Föreningen", Sector.CIVIL)
    assert person == replace(person)
    assert person != replace(person, present=not person.present)
    assert Timer(60.0) != Event(EventKind.TIMER_STARTED)  # no error, just unequal
    assert {Timer(60.0): "a"}[Timer(60.0)] == "a"
