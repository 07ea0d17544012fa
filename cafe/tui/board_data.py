"""What the idea lists and theme lists show, read from the meeting's state."""

from __future__ import annotations

from cafe.core.seating.names import fold
from cafe.core.service import MeetingService
from cafe.tui.widgets.idea_list import IdeaRows
from cafe.tui.widgets.theme_list import ThemeRow


def idea_rows(
    service: MeetingService,
    *,
    round_number: int | None = None,
    marked: frozenset[str] = frozenset(),
    group: str = "round",
    words: str = "",
    unthemed: bool = False,
) -> IdeaRows:
    """The visible ideas (of one round, or all) with the theme names; with ``words``,
    only ideas holding every one of them (accents and case aside), and with
    ``unthemed``, only ideas in no theme: the harvest's 100 ideas were found by arrow
    keys alone (90 presses to mark the four about "anhörig")."""
    state = service.state
    ideas = [i for i in state.visible_ideas() if round_number is None or i.round == round_number]
    live = {th.id for th in state.live_themes()}
    if unthemed:
        ideas = [i for i in ideas if i.theme not in live]
    needles = fold(words).split()
    if needles:
        ideas = [i for i in ideas if all(n in fold(i.text) for n in needles)]
    themes = tuple((th.id, th.name) for th in state.live_themes())
    marked = marked & {i.id for i in ideas}
    shown = {i.id for i in ideas}
    merged = tuple((k, len(v)) for k, v in sorted(state.merged_duplicates().items()) if k in shown)
    return IdeaRows(
        tuple(ideas), themes, marked, group, circle=service.sits_in_circle, merged=merged
    )


def theme_rows(service: MeetingService) -> tuple[ThemeRow, ...]:
    """Every live theme with its idea and sign-up counts."""
    state = service.state
    counts: dict[str, int] = {}
    for idea in state.visible_ideas():
        if idea.theme:
            counts[idea.theme] = counts.get(idea.theme, 0) + 1
    signups: dict[str, int] = {}
    for signup in state.live_signups():
        for theme in signup.themes:
            signups[theme] = signups.get(theme, 0) + 1
    return tuple(
        ThemeRow(th.id, th.name, counts.get(th.id, 0), th.signup, signups.get(th.id, 0))
        for th in state.live_themes()
    )
