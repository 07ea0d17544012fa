"""The ideas, grouped by round and table (or by theme), as a list one can move through."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cafe.core.state import Idea
from cafe.i18n import t


@dataclass(frozen=True, slots=True)
class IdeaRows:
    """What the list shows: the ideas, the theme names, which ideas are marked."""

    ideas: tuple[Idea, ...] = ()
    themes: tuple[tuple[str, str], ...] = ()
    """(theme id, name) pairs."""
    marked: frozenset[str] = field(default_factory=frozenset)
    group: str = "round"
    """``round`` (round and table headings), ``table`` (table headings) or ``none``."""
    circle: bool = False
    """The meeting sits in one circle: an idea with no table is the circle's."""
    merged: tuple[tuple[str, int], ...] = ()
    """(idea id, how many duplicates were merged into it) for ideas that have some."""


def group_heading(idea: Idea, group: str, *, circle: bool = False) -> str:
    nowhere = t("tui.ideas.circle" if circle else "tui.ideas.no_table")
    where = t("tui.ideas.table", table=idea.table) if idea.table else nowhere
    if group == "table":
        return where
    if group == "round":
        when = t("tui.ideas.round", round=idea.round) if idea.round else t("tui.ideas.no_round")
        return f"{when} · {where}"
    return ""


def sort_key(idea: Idea, group: str) -> tuple[int, int, int]:
    number = int(idea.id.lstrip("i") or 0) if idea.id[1:].isdigit() else 0
    if group == "round":
        return (idea.round, idea.table, number)
    if group == "table":
        return (idea.table, number, 0)
    return (number, 0, 0)


class IdeaList(OptionList):
    """One option per idea (id = idea id) under disabled group headings."""

    DEFAULT_CSS = """
    IdeaList { min-width: 12; scrollbar-gutter: stable; }
    """
    """The gutter is kept even without a scrollbar: when one appeared, ideas that wrapped
    to one more line at the narrower width lost their last line (seen at 80 columns)."""

    rows: reactive[IdeaRows] = reactive(IdeaRows)
    """Set by the parent; the list keeps the highlighted idea across updates."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)

    def watch_rows(self, rows: IdeaRows) -> None:
        keep = self.current_id
        themes = dict(rows.themes)
        merged = dict(rows.merged)
        options: list[Option] = []
        heading = None
        ideas = sorted(rows.ideas, key=lambda i: sort_key(i, rows.group))
        for idea in ideas:
            title = group_heading(idea, rows.group, circle=rows.circle)
            if title and title != heading:
                options.append(Option(title, disabled=True))
                heading = title
            mark = "■" if idea.id in rows.marked else "·"
            phone = " ☎" if idea.source not in ("tui", "") else ""
            theme = f"  [{themes[idea.theme]}]" if idea.theme in themes else ""
            twins = f"  {t('tui.ideas.merged', count=merged[idea.id])}" if idea.id in merged else ""
            options.append(Option(f"{mark} {idea.text}{twins}{theme}{phone}", id=idea.id))
        self.clear_options()
        self.add_options(options)
        if keep is not None and keep in {o.id for o in options}:
            self.highlighted = self.get_option_index(keep)
        elif options and ideas:
            self.highlighted = self.get_option_index(ideas[-1].id)

    @property
    def current_id(self) -> str | None:
        """The highlighted idea's id, if an idea is highlighted."""
        option = self.highlighted_option
        return option.id if option is not None and not option.disabled else None

    def show_idea(self, idea_id: str) -> None:
        """Highlight one idea (e.g. the one just captured)."""
        try:
            self.highlighted = self.get_option_index(idea_id)
        except Exception:
            return
