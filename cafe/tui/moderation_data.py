"""What the co-hosts moderate: every sign-up, check-out thought and phone idea, newest first.

Plain rows read from the state, so the moderation screen and its tests share one source.
Removed items stay listed (marked), because a removal can be undone.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Literal

from cafe.core.service import MeetingService
from cafe.core.state import Idea
from cafe.i18n import t

Kind = Literal["signup", "checkout", "idea"]


@dataclass(frozen=True, slots=True)
class ModerationRow:
    """One item a co-host may remove (or bring back)."""

    kind: Kind
    id: str
    at: float
    text: str
    removed: bool
    source: str


def _clock(at: float) -> str:
    return time.strftime("%H:%M", time.localtime(at)) if at else "--:--"


def signup_rows(service: MeetingService, theme_names: dict[str, str]) -> list[ModerationRow]:
    rows = []
    twins = service.state.maybe_same_people()
    for signup in service.state.signups.values():
        themes = ", ".join(theme_names.get(t, t) for t in signup.themes)
        who = signup.name + (f" ({signup.organisation})" if signup.organisation else "")
        text = f"{_clock(signup.at)}  {who}" + (f" · {themes}" if themes else "")
        if signup.id in twins and not signup.withdrawn:
            text += "  " + t("tui.moderation.maybe_same", name=twins[signup.id])
        rows.append(
            ModerationRow("signup", signup.id, signup.at, text, signup.withdrawn, signup.source)
        )
    return sorted(rows, key=lambda r: (r.at, r.id), reverse=True)


def checkout_rows(service: MeetingService) -> list[ModerationRow]:
    rows = []
    for note in service.state.checkout.values():
        text = f"{_clock(note.at)}  “{' '.join(note.text.split())}”"
        if note.author:
            text += f" — {note.author}"
        rows.append(ModerationRow("checkout", note.id, note.at, text, note.removed, note.source))
    return sorted(rows, key=lambda r: (r.at, r.id), reverse=True)


def phone_idea_rows(service: MeetingService) -> list[ModerationRow]:
    """Ideas sent from the tables' phones (typed ones are edited on the board)."""
    rows = []
    for idea in service.state.ideas.values():
        if idea.source != "web" or idea.merged_into:
            continue
        # Where and when it was said: a late round 2 idea is told from round 1's.
        where = idea_where(idea)
        text = f"{_clock(idea.at)}  {where}  {' '.join(idea.text.split())}"
        rows.append(ModerationRow("idea", idea.id, idea.at, text, idea.deleted, idea.source))
    return sorted(rows, key=lambda r: (r.at, r.id), reverse=True)


def idea_where(idea: Idea) -> str:
    """ "bord 3, runda 2:" (or "ringen, runda 2:"); before the rounds, "bord 3:" (it
    said "runda 0")."""
    if not idea.round:
        return t("tui.moderation.idea_table", table=idea.table) if idea.table else ""
    key = "tui.moderation.idea_where" if idea.table else "tui.moderation.idea_circle"
    return t(key, table=idea.table, round=idea.round)
