"""The service is the one writer: validate, store, fold, notify."""

from __future__ import annotations

from pathlib import Path

import pytest

from cafe.core.clock import FakeClock
from cafe.core.errors import CafeError, ValidationError, row_where
from cafe.core.event_rules import checked_events
from cafe.core.events import Event, EventKind
from cafe.core.participants import PersonInput, Sector
from cafe.core.people_csv import RowPlaces
from cafe.core.state import MeetingState, fold
from cafe.core.timer import TimerPhase
from cafe.i18n import Translator
from cafe.storage.folder import open_meeting
from tests.meetings import new_meeting


def test_participants_are_validated_stored_and_reloaded(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    asa = service.add_participant(
        PersonInput("Åsa Öberg", "Röda Korset", "förening", host=True, present=True)
    )
    assert (asa.id, asa.sector, asa.host) == ("p1", Sector.CIVIL, True)
    with pytest.raises(ValidationError) as caught:
        service.add_participant(PersonInput("", sector="rymden", email="nope"))
    assert [p.where for p in caught.value.problems] == ["name", "sector", "email"]
    service.update_participant("p1", organisation="Svenska Röda Korset")
    service.remove_participant("p1")
    per = service.add_participant(PersonInput("Per", "Kommunen", "kommun"))
    assert per.id == "p2", "ids are never reused"
    reopened = open_meeting(tmp_path / "m")
    assert list(reopened.state.participants) == ["p2"]


def test_batch_is_all_or_nothing(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    with pytest.raises(ValidationError):
        service.add_participants([PersonInput("A"), PersonInput("")], wheres=["row 2", "row 3"])
    assert service.state.participants == {}
    assert service.events() == []


def test_each_bad_field_of_a_batch_is_placed_at_its_own_person(tmp_path: Path) -> None:
    """The same bad value in two people of a batch is named at each of them (a value's
    check is remembered, its position is not)."""
    service = new_meeting(tmp_path / "m")
    people = [PersonInput("A", phone="12"), PersonInput("B"), PersonInput("C", phone="12")]
    with pytest.raises(ValidationError) as caught:
        service.add_participants(people, wheres=["row 2", "row 3", "row 4"])
    assert [(p.where, p.code) for p in caught.value.problems] == [
        ("row 2 phone", "text.bad_phone"),
        ("row 4 phone", "text.bad_phone"),
    ]
    with pytest.raises(ValidationError) as caught:
        service.add_participants(people)
    assert [p.where for p in caught.value.problems] == ["phone", "phone"]
    assert service.events() == []


def test_an_imported_persons_place_is_their_row_in_the_file(tmp_path: Path) -> None:
    """``RowPlaces`` makes a row's position only when asked: the service asks for it on a
    problem, and it still names the file, the row and the cell."""
    service = new_meeting(tmp_path / "m")
    places = RowPlaces("lista.csv", [2, 5, 9])
    assert len(places) == 3 and places[-1] == row_where("lista.csv", 9)
    assert list(places[1:]) == [row_where("lista.csv", 5), row_where("lista.csv", 9)]
    people = [PersonInput("A"), PersonInput(" "), PersonInput("C", email="c@")]
    with pytest.raises(ValidationError) as caught:
        service.add_participants(people, wheres=places)
    assert [p.line(Translator("sv")) for p in caught.value.problems] == [
        'lista.csv rad 5, kolumn "name": namn måste fyllas i',
        'lista.csv rad 9, kolumn "email": "c@" ser inte ut som en e-postadress',
    ]
    assert service.state.participants == {}


def test_subscribers_hear_every_commit(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    heard: list[list[Event]] = []
    unsubscribe = service.subscribe(heard.append)
    service.start_step(0)
    service.capture_ideas(["idé ett", "idé två"], table=2)
    assert [[e.kind for e in batch] for batch in heard] == [
        [EventKind.STEP_STARTED],
        [EventKind.IDEA_CAPTURED, EventKind.IDEA_CAPTURED],
    ]
    unsubscribe()
    service.capture_idea("tre", table=1)
    assert len(heard) == 2


def test_timer_follows_the_clock_and_survives_reopen(tmp_path: Path) -> None:
    clock = FakeClock()
    service = new_meeting(tmp_path / "m", clock=clock)
    round_one = next(i for i, s in enumerate(service.agenda.steps) if s.kind == "cafe_round")
    service.start_step(round_one)
    planned = service.agenda.steps[round_one].minutes * 60
    service.timer_start()
    clock.advance(300)
    service.timer_adjust(60)
    clock.advance(100)
    service.timer_pause()
    clock.advance(1000)
    timer = open_meeting(tmp_path / "m", clock=clock).timer()
    assert timer is not None
    assert timer.remaining(clock.now()) == planned + 60 - 400
    assert timer.phase(clock.now()) is TimerPhase.PAUSED
    service.timer_toggle()
    clock.advance(planned)
    assert service.timer().phase(clock.now()) is TimerPhase.OVERTIME


def test_rounds_and_ideas(tmp_path: Path) -> None:
    clock = FakeClock()
    service = new_meeting(tmp_path / "m", clock=clock)
    assert service.current_round == 0
    rounds = [i for i, s in enumerate(service.agenda.steps) if s.kind == "cafe_round"]
    service.start_step(rounds[1])
    assert service.current_round == 2
    assert service.capture_round == 1, "round 2 not begun: the tables still send round 1's"
    service.timer_start()
    assert service.capture_round == 2
    a = service.capture_idea("Fixarträff på biblioteket", table=3)
    assert (a.round, a.table) == (2, 3)
    b = service.capture_idea("fixarträff på bibblan", table=1)
    service.merge_ideas(a.id, [b.id])
    assert [i.id for i in service.state.visible_ideas()] == [a.id]
    service.restore_idea(b.id)
    service.delete_idea(a.id)
    assert [i.id for i in service.state.visible_ideas()] == [b.id]
    theme = service.create_theme("Mötesplatser", ideas=[b.id])
    service.set_theme_signup(theme.id, True)
    assert service.state.ideas[b.id].theme == theme.id
    with pytest.raises(CafeError):
        service.set_idea_theme(b.id, "t99")


def test_a_key_stores_each_line_once_whatever_its_place_in_a_resend(tmp_path: Path) -> None:
    """One key, sent again with lines dropped, added or repeated: each line is stored once,
    an equal line twice in one sending twice (the caller decides what is a duplicate)."""
    service = new_meeting(tmp_path / "m")
    first = service.capture_ideas(["Fika", "Cykel"], table=1, key="k")
    again = service.capture_ideas(["Cykel", "Bokcirkel"], table=1, key="k")
    assert again[0].id == first[1].id, "the stored line, not a new one"
    service.capture_ideas(["Bokcirkel", "Fika", "Te", "Te"], table=1, key="k")
    assert [i.text for i in service.state.visible_ideas()] == [
        "Fika",
        "Cykel",
        "Bokcirkel",
        "Te",
        "Te",
    ]


def test_ideas_go_to_the_round_that_was_talked_about(tmp_path: Path) -> None:
    """Between rounds (the next round's rotation shown, its timer not started) the tables
    still send what they said: those ideas belong to the round before."""
    service = new_meeting(tmp_path / "m", clock=FakeClock())
    steps = service.agenda.steps
    rounds = [i for i, s in enumerate(steps) if s.kind == "cafe_round"]
    service.start_step(rounds[0])
    assert service.capture_round == 1, "before round 1 starts, still round 1"
    service.timer_start()
    service.start_step(rounds[1])
    assert service.capture_idea("Sent in the rotation", table=2).round == 1
    service.timer_start()
    assert service.capture_idea("Said in round 2", table=2).round == 2
    service.start_step(rounds[1] + 1)  # the break
    assert steps[rounds[1] + 1].kind == "break" and service.capture_round == 2
    service.start_step(len(steps) - 1)  # the closing
    assert service.capture_round == 4
    assert service.capture_idea("Late", table=1, round=3).round == 3, "an explicit round"


def test_signup_needs_consent_for_contacts_and_is_idempotent(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    theme = service.create_theme("Mötesplatser", signup=True)
    with pytest.raises(ValidationError, match="samtycke"):
        service.sign_up(name="Åsa", email="asa@example.se", themes=[theme.id])
    first = service.sign_up(
        name="Åsa", email="asa@example.se", themes=[theme.id], consent=True, key="k1"
    )
    again = service.sign_up(
        name="Åsa", email="asa@example.se", themes=[theme.id], consent=True, key="k1"
    )
    assert first == again
    assert len(service.state.signups) == 1
    note = service.note_checkout("Hopp om fler mötesplatser", key="c1")
    assert service.note_checkout("Hopp om fler mötesplatser", key="c1") == note


def test_snapshot_gives_the_same_state_as_replay(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    service._snapshot_every = 7
    for n in range(30):
        service.add_participant(
            PersonInput(f"Person {n}", f"Org {n % 4}", "kommun" if n % 2 else "förening")
        )
        service.capture_idea(f"idé {n}", table=n % 5)
    assert service.log.latest_snapshot() is not None
    reopened = open_meeting(tmp_path / "m")
    replayed = fold(service.events(), MeetingState())
    assert reopened.state.to_dict() == replayed.to_dict() == service.state.to_dict()


def test_undoing_edits_walks_back_to_the_tables_own_words_and_survives_a_reload(
    tmp_path: Path,
) -> None:
    service = new_meeting(tmp_path / "m", clock=FakeClock(1_800_000_000.0))
    idea = service.capture_idea("Fika varje vardag", table=1)
    with pytest.raises(CafeError):
        service.undo_idea_edit(idea.id)  # nothing edited yet
    service.edit_idea(idea.id, text="Fika varje dag")
    service.edit_idea(idea.id, table=2)  # a table's move is no text to undo
    service.edit_idea(idea.id, text="Fika")
    assert service.undo_idea_edit(idea.id).text == "Fika varje dag"
    service.log.close()

    again = open_meeting(tmp_path / "m", clock=FakeClock(1_800_000_000.0))
    assert again.state.ideas[idea.id].earlier_texts == ("Fika varje vardag",)
    back = again.undo_idea_edit(idea.id)
    assert (back.text, back.table, back.earlier_texts) == ("Fika varje vardag", 2, ())
    assert fold(list(again.log.read())).ideas[idea.id] == back, "the log folds to the same"
    again.log.close()


def test_merged_duplicates_follow_a_merge_of_a_merge_and_leave_out_hidden_ones(
    tmp_path: Path,
) -> None:
    service = new_meeting(tmp_path / "m", clock=FakeClock(1_800_000_000.0))
    a, b, c, d = (service.capture_idea(f"Läxhjälp {n}", table=n, round=1) for n in (1, 2, 3, 4))
    service.merge_ideas(b.id, [a.id])  # table 1's into table 2's
    service.merge_ideas(c.id, [b.id])  # and that into table 3's
    service.merge_ideas(c.id, [d.id])
    service.delete_idea(d.id)  # hidden after all: not a place it came up
    found = service.state.merged_duplicates()
    assert sorted((k, sorted(i.table for i in v)) for k, v in found.items()) == [(c.id, [1, 2])]
    service.restore_idea(b.id)  # b back on the board: a is b's again
    found = service.state.merged_duplicates()
    assert {k: [i.id for i in v] for k, v in found.items()} == {b.id: [a.id]}


def test_high_contrast_is_kept_with_the_meeting(tmp_path: Path) -> None:
    """The room's screens in high contrast (``c``) hold after a restart and an export."""
    service = new_meeting(tmp_path / "m")
    service.set_high_contrast(True)
    service.set_high_contrast(True)  # already on: nothing more stored
    kinds = [e.kind for e in service.events()]
    assert kinds.count(EventKind.HIGH_CONTRAST_SET) == 1
    assert MeetingState.from_dict(service.state.to_dict()).high_contrast
    assert checked_events(service.events(), len(service.agenda.steps), lambda *_: "")
    service.log.close()
    assert open_meeting(tmp_path / "m").state.high_contrast


def test_a_merge_leaves_ideas_the_other_screen_hid_or_merged_as_they_are(tmp_path: Path) -> None:
    """The laptop's m, read a moment after the co-host hid the idea it merged into,
    folded a table's idea into one nobody could see any more."""
    service = new_meeting(tmp_path / "m", clock=FakeClock(1_800_000_000.0))
    a, b, c, d = service.capture_ideas(["Fika", "Fika varje dag", "Kaffe ihop", "Te"], table=1)
    service.delete_idea(a.id, by="console")
    with pytest.raises(CafeError, match="finns inte längre på tavlan"):
        service.merge_ideas(a.id, [b.id])
    assert service.state.ideas[b.id].visible, "not folded into a hidden idea"
    service.delete_idea(d.id, by="console")
    merged = service.merge_ideas(b.id, [c.id, d.id])
    assert merged.visible and service.state.ideas[c.id].merged_into == b.id
    assert service.state.ideas[d.id].merged_into == "", "the hidden one stays hidden, unmerged"
    with pytest.raises(CafeError, match="De andra idéerna"):
        service.merge_ideas(b.id, [c.id, d.id])


def test_ideas_after_a_skipped_round_go_to_the_last_round_held(tmp_path: Path) -> None:
    """Audit M S3: round 4 skipped with s, then round 3's paper notes typed in at the
    closing were filed under round 4, a round that never took place."""
    clock = FakeClock()
    service = new_meeting(tmp_path / "m", clock=clock)
    rounds = [i for i, s in enumerate(service.agenda.steps) if s.kind == "cafe_round"]
    service.start_step(rounds[2])
    service.timer_start()
    clock.advance(60)
    service.start_step(rounds[3])  # round 4's rotation shown, its time never run
    assert service.skip_step()
    assert rounds[3] in service.state.skipped
    assert service.capture_round == 3
    assert service.capture_idea("Bussresor för äldre", table=2).round == 3
    service.start_step(len(service.agenda.steps) - 1)  # the closing
    assert service.capture_round == 3
