"""The suggestions the idea board shows: themes and duplicate pairs, by idea id.

Computed from ``cafe.core.harvest`` on the ideas still without a theme; kept up to date as
the board changes (an idea themed or merged elsewhere leaves every suggestion). The engine
(stemmers, stop words, the lexicon: about 0.15 s to import) is imported when first used,
not when ``cafe run`` starts.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

from cafe.core.state import MeetingState
from cafe.i18n import t


@dataclass
class BoardSuggestion:
    """One suggested theme the co-hosts may accept, rename, trim or reject."""

    name: str
    ideas: list[str]
    other: bool = False

    @property
    def shown_name(self) -> str:
        return t("harvest.other") if self.other else self.name


@dataclass
class BoardSuggestions:
    themes: list[BoardSuggestion] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)

    def prune(self, state: MeetingState, keep: tuple[str, str] | None = None) -> None:
        """Drop ideas that got a theme, were merged or removed; then empty suggestions.

        ``keep``: the duplicate pair on screen stays, whatever became of its ideas, until
        the co-host moves on from it."""
        from cafe.core.harvest.meeting import ideas_to_theme

        open_ids = {idea.id for idea in ideas_to_theme(state)}
        for theme in self.themes:
            theme.ideas = [i for i in theme.ideas if i in open_ids]
        self.themes = [th for th in self.themes if th.ideas]
        visible = {idea.id for idea in state.visible_ideas()}
        self.duplicates = [
            p for p in self.duplicates if p == keep or (p[0] in visible and p[1] in visible)
        ]


def compute(
    texts: list[str],
    ids: list[str],
    lang: str,
    origins: Sequence[Hashable | None] | None = None,
    challenge: str = "",
) -> BoardSuggestions:
    """Suggestions for the ideas ``ids`` (with ``texts``); runs in a worker thread."""
    from cafe.core.harvest.suggest import suggest

    result = suggest(texts, lang, origins=origins, challenge=challenge)
    themes = [
        BoardSuggestion(th.name or t("harvest.other"), [ids[i] for i in th.ideas], th.other)
        for th in result.themes
    ]
    duplicates = [(ids[i], ids[j]) for i, j in result.duplicates]
    return BoardSuggestions(themes, duplicates)
