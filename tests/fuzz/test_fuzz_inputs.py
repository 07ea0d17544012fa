"""Hypothesis against everything that reads outside input: agenda files, CSV imports and
the phones' forms. Each run is bounded (examples, not time) so CI stays predictable.

The property is the same everywhere: any input gives a result or a ``CafeError`` with a
message, never another exception; and for the forms, the service either stores what
was sent or says what to fix on one of the form's fields, so a phone never gets a 500.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cafe.core.agenda import parse_agenda
from cafe.core.errors import CafeError
from cafe.core.people_csv import read_people_csv
from cafe.core.service import MeetingService
from cafe.i18n import Translator
from cafe.web.forms import read_ideas
from tests.fuzz.store_forms import send_checkout, send_ideas, send_signup
from tests.meetings import new_meeting

ROOT = Path(__file__).resolve().parents[2]
AGENDA = (ROOT / "agendas" / "idemote.sv.toml").read_text(encoding="utf-8")
CSV = (ROOT / "tests" / "data" / "seating_people.csv").read_bytes()
BOUNDED = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TR = Translator("sv")

# Text as people and attackers type it: every plane, controls, RTL marks, zero-width.
ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=300)


@st.composite
def mutated(draw: st.DrawFn, original: str | bytes) -> str | bytes:
    """``original`` with a few slices cut, repeated or replaced by random content."""
    data = original
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 80)))
        kind = draw(st.sampled_from(["cut", "repeat", "replace"]))
        if isinstance(data, bytes):
            noise = draw(st.binary(max_size=40))
        else:
            noise = draw(st.text(max_size=40))
        if kind == "cut":
            data = data[:start] + data[end:]
        elif kind == "repeat":
            data = data[:end] + data[start:end] + data[end:]
        else:
            data = data[:start] + noise + data[end:]
    return data


@BOUNDED
@given(st.one_of(mutated(AGENDA), ANY_TEXT))
def test_agenda_parser_answers_every_text_with_an_agenda_or_messages(text: str) -> None:
    try:
        agenda = parse_agenda(text, "fuzz.toml")
    except CafeError as error:
        assert error.problems and all(str(p) for p in error.problems)
        assert all(p.place().startswith("fuzz.toml") for p in error.problems)
    else:
        assert agenda.steps


@BOUNDED
@given(st.one_of(mutated(CSV), st.binary(max_size=2_000)))
def test_csv_importer_answers_every_file_with_people_or_messages(raw: bytes) -> None:
    try:
        people = read_people_csv(raw, "fuzz.csv")
    except CafeError as error:
        assert error.problems and all(p.place().startswith("fuzz.csv") for p in error.problems)
    else:
        assert all(person.name.strip() for person in people.people)


_MEETING: list[MeetingService] = []


def _meeting() -> MeetingService:
    """One real meeting folder for all examples (a fresh one each would be slow)."""
    if not _MEETING:
        folder = Path(tempfile.mkdtemp(prefix="cafe-fuzz-")) / "m"
        service = new_meeting(folder)
        service.next_step()
        _MEETING.append(service)
    return _MEETING[0]


@BOUNDED
@given(
    name=ANY_TEXT,
    organisation=ANY_TEXT,
    email=st.one_of(ANY_TEXT, st.emails()),
    phone=st.one_of(ANY_TEXT, st.from_regex(r"\+?[0-9 -]{6,15}", fullmatch=True)),
    consent=st.booleans(),
)
def test_a_signup_form_is_stored_or_told_what_to_fix(
    name: str, organisation: str, email: str, phone: str, consent: bool
) -> None:
    service = _meeting()
    data = {"name": name, "organisation": organisation, "email": email, "phone": phone}
    before = len(service.state.signups)
    errors = send_signup(service, {**data, "consent": "yes" if consent else ""}, TR)
    assert len(service.state.signups) == before + (0 if errors else 1)


@BOUNDED
@given(ideas=st.one_of(ANY_TEXT, st.lists(ANY_TEXT, max_size=25).map("\n".join)))
def test_an_ideas_form_is_stored_or_told_what_to_fix(ideas: str) -> None:
    service = _meeting()
    before = len(service.state.ideas)
    errors = send_ideas(service, {"ideas": ideas}, TR)
    stored = len(service.state.ideas) - before
    assert stored == (0 if errors else len(read_ideas({"ideas": ideas})["ideas"]))


@BOUNDED
@given(thought=ANY_TEXT)
def test_a_checkout_form_is_stored_or_told_what_to_fix(thought: str) -> None:
    service = _meeting()
    before = len(service.state.checkout)
    errors = send_checkout(service, {"thought": thought}, TR)
    assert len(service.state.checkout) == before + (0 if errors else 1)
