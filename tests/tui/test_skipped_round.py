"""A round skipped with `s` before its time ran was not held: the agenda marks it skipped
(not ✓), and the reports do not list its question as one the meeting talked about.

A facilitator's audit: round 4, skipped before its timer started, showed "✓ 8. Runda 4
0/20′" like a held round, and "Frågorna" in the summary and the slide "Frågorna vi
samtalade om" listed its question.
"""

from __future__ import annotations

from pathlib import Path

from cafe.core.service import MeetingService
from cafe.reports.build import build_report
from cafe.storage.folder import open_meeting
from cafe.tui.app import CafeApp
from cafe.tui.widgets.agenda_rail import RailSteps
from tests.reports.support import all_text, open_deck
from tests.tui.helpers import FakePhoneServer, meeting, step_index


def _rail_line(app: CafeApp, index: int) -> str:
    rail = app.screen.query_one(RailSteps)
    return str(rail.render()).splitlines()[index + 1]


def _held_rounds_one_and_two(service: MeetingService) -> None:
    for index in range(step_index(service, "cafe_round", 3)):
        service.start_step(index)
        if service.agenda.steps[index].kind == "cafe_round":
            service.timer_start()


async def test_a_round_skipped_before_its_time_ran_is_marked_and_not_reported(
    meeting_dir: Path,
) -> None:
    service, clock = meeting(meeting_dir, registered=12, present=True)
    _held_rounds_one_and_two(service)
    third, fourth = (step_index(service, "cafe_round", n) for n in (3, 4))
    service.start_step(third)
    service.timer_start()
    clock.advance(5 * 60)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")  # round 3 ended early: held
        await pilot.pause()
        assert service.state.current_step == fourth
        await pilot.press("s")  # round 4 before its timer: skipped
        await pilot.pause(0.3)
        assert service.state.current_step == fourth + 1
        assert _rail_line(app, third).startswith("✓ 7. Runda 3")
        skipped = _rail_line(app, fourth)
        assert skipped.startswith("– 8. Runda 4") and skipped.endswith(" överhoppad"), skipped
        assert "✓" not in skipped and "/20′" not in skipped
    assert service.state.skipped == {fourth}

    questions = [s.question for s in service.agenda.steps if s.kind == "cafe_round"]
    service.log.close()
    service = open_meeting(meeting_dir, clock=clock)  # from the log, as `cafe report` reads it
    assert service.state.skipped == {fourth}
    out = meeting_dir.parent / "out"
    build_report(service, out)
    summary = (out / "summary.md").read_text(encoding="utf-8")
    listed = summary.split("## Frågorna", 1)[1].split("\n## ", 1)[0]
    deck = all_text(open_deck(out / "working-group.pptx"))
    for held in questions[:3]:
        first_words = " ".join(held.split()[:4])
        assert first_words in listed and first_words in deck, first_words
    skipped_words = " ".join(questions[3].split()[:4])
    assert skipped_words not in listed and skipped_words not in deck
    # Audit M M3: the letter thanked for what round 4 would have asked ("vad som skulle
    # bli möjligt om civilsamhället och kommunen kombinerade sina resurser").
    letter = (out / "feedback.md").read_text(encoding="utf-8")
    assert "kombinerade sina resurser" not in letter
    assert "samtalat om vad utmaningen betyder för oss" in letter
    service.log.close()


def test_going_back_to_a_skipped_round_and_holding_it_counts_it_held(meeting_dir: Path) -> None:
    service, _clock = meeting(meeting_dir, registered=12, present=True)
    _held_rounds_one_and_two(service)
    third = step_index(service, "cafe_round", 3)
    service.start_step(third)
    assert service.skip_step()
    assert service.state.skipped == {third}
    assert not service.state.was_held(third)
    service.previous_step()
    service.timer_start()  # the room did talk about it after all
    assert service.state.skipped == set() and service.state.was_held(third)
    assert service.skip_step()  # ended early now: still held
    assert service.state.skipped == set()
    assert service.state.was_held(third + 1), "entered: under way"
    assert not service.state.was_held(third + 2), "never entered"
