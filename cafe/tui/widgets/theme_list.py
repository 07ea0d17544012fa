"""The themes on the idea board: name, how many ideas, whether it has a sign-up list."""

from __future__ import annotations

from dataclasses import dataclass

from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cafe.i18n import t


@dataclass(frozen=True, slots=True)
class ThemeRow:
    id: str
    name: str
    ideas: int
    signup: bool
    signups: int = 0


class ThemeList(OptionList):
    """One option per theme (id = theme id)."""

    DEFAULT_CSS = """
    ThemeList { min-width: 12; }
    """

    themes: reactive[tuple[ThemeRow, ...]] = reactive(())
    """Set by the parent from the state's live themes."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)

    def watch_themes(self, themes: tuple[ThemeRow, ...]) -> None:
        keep = self.current_id
        self.clear_options()
        self.add_options(
            Option(
                t(
                    "tui.themes.row_signup" if row.signup else "tui.themes.row",
                    count=row.ideas,
                    name=row.name,
                    ideas=row.ideas,
                    signups=row.signups,
                ),
                id=row.id,
            )
            for row in themes
        )
        if keep is not None and any(row.id == keep for row in themes):
            self.highlighted = self.get_option_index(keep)
        elif themes:
            self.highlighted = 0

    @property
    def current_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None
