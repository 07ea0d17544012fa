"""Two co-hosts moving the step at once (audit Q, S2): the laptop's n and the console's
"Nästa steg" 0-300 ms apart each moved the meeting on, and a round was never held. A
move within ``STEP_GRACE`` of the other co-host's is refused with a word; a move after it,
or the same co-host's own quick presses, go through."""

from __future__ import annotations

from pathlib import Path

import pytest

from cafe.core.errors import JustMoved
from cafe.core.service import STEP_GRACE
from tests.meetings import new_meeting


def test_the_console_right_after_the_laptop_moves_nothing(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    service.start_step(2)  # the presentation round
    service.clock.advance(600)  # type: ignore[attr-defined]
    service.next_step()  # the laptop's n: round 1
    service.clock.advance(0.3)  # type: ignore[attr-defined]
    with pytest.raises(JustMoved) as refused:
        service.next_step(by="console")  # the co-host's tap, on its way already
    assert service.state.current_step == 3, "round 1 is held, not skipped"
    assert "Datorn bytte just till steg 4, Runda 1." in str(refused.value)
    with pytest.raises(JustMoved):
        service.skip_step(by="console")
    with pytest.raises(JustMoved):
        service.previous_step(by="console")
    service.clock.advance(STEP_GRACE)  # type: ignore[attr-defined]
    assert service.next_step(by="console"), "pressed again after reading: it goes"
    assert service.state.current_step == 4


def test_the_laptop_right_after_the_console_moves_nothing(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    service.start_step(2)
    service.clock.advance(600)  # type: ignore[attr-defined]
    service.next_step(by="console")
    service.clock.advance(0.1)  # type: ignore[attr-defined]
    with pytest.raises(JustMoved) as refused:
        service.next_step()
    assert "Medvärden bytte just till steg 4, Runda 1, på konsolen" in str(refused.value)
    assert service.state.current_step == 3


def test_one_co_host_may_press_on_quickly(tmp_path: Path) -> None:
    """Opening, purpose, presentation: the laptop's n three times in a row."""
    service = new_meeting(tmp_path / "m")
    service.start_step(0)
    for expected in (1, 2, 3):
        service.clock.advance(0.2)  # type: ignore[attr-defined]
        assert service.next_step()
        assert service.state.current_step == expected
