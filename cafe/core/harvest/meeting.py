"""Which of a meeting's ideas the suggestions are for: those still without a theme."""

from __future__ import annotations

from cafe.core.state import Idea, MeetingState


def ideas_to_theme(state: MeetingState) -> list[Idea]:
    """Visible ideas in no live theme, in the order they were captured.

    Ideas already themed by the co-hosts stay where they are; suggestions cover the rest.
    """
    live = {theme.id for theme in state.live_themes()}
    return [idea for idea in state.visible_ideas() if idea.theme not in live]
