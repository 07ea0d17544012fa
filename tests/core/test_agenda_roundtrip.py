"""Writing an agenda and reading it back gives the same agenda (property-based)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from cafe.core.agenda import (
    MAX_MINUTES,
    Agenda,
    AgendaMeta,
    CoHost,
    Privacy,
    Step,
    StepKind,
    TableRules,
    WebSettings,
    agenda_from_dict,
    agenda_to_dict,
    dump_agenda,
    parse_agenda,
)
from cafe.core.participants import Sector

# Any text a person could type or paste, including newlines, quotes, backslashes,
# control characters, emoji and every script (surrogates cannot be encoded at all).
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
nonblank = texts.filter(
    lambda s: "".join(c for c in s if c in "\n\t" or " " <= c < "\x7f" or c >= "\xa0").strip()
)
"""Not blank once the agenda has dropped control characters from it."""
minutes = st.one_of(
    st.integers(1, MAX_MINUTES),
    st.floats(min_value=0.01, max_value=MAX_MINUTES, allow_nan=False, allow_infinity=False),
)


@st.composite
def steps(draw: st.DrawFn) -> Step:
    kind = draw(st.sampled_from(list(StepKind)))
    question = draw(nonblank) if kind in (StepKind.CAFE_ROUND, StepKind.CHECKOUT) else draw(texts)
    return Step(kind, draw(nonblank), draw(minutes), draw(texts), draw(texts), question)


@st.composite
def agendas(draw: st.DrawFn) -> Agenda:
    size_min = draw(st.integers(2, 10))
    size_target = draw(st.integers(size_min, 12))
    size_max = draw(st.integers(size_target, 30))
    meta = AgendaMeta(
        title=draw(nonblank),
        challenge=draw(texts),
        date=draw(st.one_of(st.just(""), st.dates(dt.date(1900, 1, 1)).map(dt.date.isoformat))),
        place=draw(texts),
        language=draw(st.sampled_from(["sv", "en"])),
        cohosts=tuple(
            draw(
                st.lists(st.builds(CoHost, texts, texts, st.sampled_from(list(Sector))), max_size=3)
            )
        ),
    )
    middle = draw(st.lists(steps(), max_size=6))
    round_step = Step(StepKind.CAFE_ROUND, draw(nonblank), draw(minutes), question=draw(nonblank))
    return Agenda(
        meta,
        TableRules(size_min, size_target, size_max, draw(st.integers(0, 1000))),
        Privacy(draw(st.integers(1, 3650))),
        WebSettings(draw(st.booleans())),
        tuple([*middle, round_step]),
    )


@settings(max_examples=300, deadline=None)
@given(agendas())
def test_dump_then_parse_gives_the_same_agenda(agenda: Agenda) -> None:
    text = dump_agenda(agenda)
    assert parse_agenda(text) == agenda
    assert agenda_from_dict(agenda_to_dict(agenda)) == agenda


@settings(max_examples=100, deadline=None)
@given(agendas(), texts)
def test_filling_keeps_the_agenda_valid(agenda: Agenda, challenge: str) -> None:
    filled = agenda.with_meta(challenge=challenge).filled()
    assert parse_agenda(dump_agenda(filled)) == filled
    assert [s.round for s in filled.steps] == [s.round for s in agenda.steps]
    if challenge.strip() and "{challenge}" not in challenge:
        assert all("{challenge}" not in s.question for s in filled.steps)


def test_carriage_returns_become_newlines() -> None:
    step = Step(StepKind.CHECKOUT, "Ut\r\ncheckning", 5, notes="a\r\nb\rc", question="Q")
    assert (step.title, step.notes) == ("Ut\ncheckning", "a\nb\nc")
    assert AgendaMeta(place="Aulan\r\n").place == "Aulan\n"
    assert CoHost("Å\rsa").name == "Å\nsa"
