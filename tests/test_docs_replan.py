"""What `r` does is said the same, true way in the guides, docs/tui.md and the help screen.

MeetingScreen.action_replan re-seats from the current round, or from the next one once
the current round's timer runs (nobody moves mid-conversation).
"""

from __future__ import annotations

from pathlib import Path

from cafe.i18n import t

ROOT = Path(__file__).resolve().parents[1]


def _line(path: str, needle: str) -> str:
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    return next(line for line in lines if needle in line)


def test_r_re_seats_from_this_round_or_else_the_next_everywhere() -> None:
    swedish = [_line("docs/guide.sv.md", "`r` placerar om"), t("tui.keys.replan", "sv")]
    english = [
        _line("docs/guide.en.md", "`r` re-seats"),
        _line("docs/tui.md", "| meeting | `r` |"),
        t("tui.keys.replan", "en"),
    ]
    for text in swedish:
        assert "denna runda" in text and "nästa" in text, text
    for text in english:
        assert "this round" in text and "next" in text, text
