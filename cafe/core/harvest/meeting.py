"""Which of a meeting's ideas the suggestions are for, and where each was written."""

from __future__ import annotations

from cafe.core.state import Idea, MeetingState


def ideas_to_theme(state: MeetingState) -> list[Idea]:
    """Visible ideas in no live theme, in the order they were captured.

    Ideas already themed by the co-hosts stay where they are; suggestions cover the rest.
    """
    live = {theme.id for theme in state.live_themes()}
    return [idea for idea in state.visible_ideas() if idea.theme not in live]


def origin(idea: Idea) -> tuple[int, int] | None:
    """The table and round an idea was written at, or ``None`` when either is unknown.

    Two ideas from one table in one round are not offered as duplicates: a duplicate is
    the same idea reached again by other people, at another table or in another round.
    """
    return (idea.table, idea.round) if idea.table and idea.round else None
