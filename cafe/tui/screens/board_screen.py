"""The idea board: merge duplicates, group ideas into themes, choose the sign-up lists."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Static

from cafe.core.errors import CafeError
from cafe.core.service import MeetingService
from cafe.i18n import t
from cafe.tui.bindings import install
from cafe.tui.board_data import idea_rows, theme_rows
from cafe.tui.messages import MeetingChanged
from cafe.tui.screens.choice_modal import ChoiceModal
from cafe.tui.screens.confirm_modal import ConfirmModal
from cafe.tui.screens.idea_modal import IdeaModal
from cafe.tui.screens.prompt_modal import PromptModal
from cafe.tui.widgets.idea_list import IdeaList
from cafe.tui.widgets.meeting_header import MeetingHeader
from cafe.tui.widgets.theme_list import ThemeList

UndoStep = tuple[Literal["deleted", "merged"], tuple[str, ...]]


class BoardScreen(Screen[None]):
    """Ideas left (mark several with ``x``), themes right; Tab moves between them."""

    CSS_PATH = "board_screen.tcss"
    SCOPE = "board"

    def __init__(self, service: MeetingService) -> None:
        super().__init__(id="board")
        install(self, "board")
        self.service = service
        self.marked: set[str] = set()
        """Ideas marked for a merge, a new theme or a move."""
        self.undo_steps: list[UndoStep] = []

    def compose(self) -> ComposeResult:
        header = MeetingHeader()
        header.title = self.service.agenda.meta.title
        header.challenge = self.service.agenda.meta.challenge
        header.mode = t("tui.board.mode")
        yield header
        with Horizontal(id="board-body"):
            with Vertical(id="board-left"):
                yield Label("", id="board-ideas-title", classes="column-title")
                yield IdeaList(id="board-ideas")
            with Vertical(id="board-right"):
                yield Label(t("tui.themes.title"), classes="column-title")
                yield ThemeList(id="board-themes")
                yield Label("", id="theme-ideas-title", classes="column-title")
                yield Static("", id="theme-ideas", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_board()
        self.query_one(IdeaList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_board()

    @on(MeetingChanged)
    def refresh_board(self) -> None:
        rows = idea_rows(self.service, marked=frozenset(self.marked))
        self.marked &= {i.id for i in rows.ideas}
        self.query_one("#board-ideas-title", Label).update(
            t("tui.board.ideas_title", count=len(rows.ideas), marked=len(self.marked))
        )
        self.query_one(IdeaList).rows = rows
        self.query_one(ThemeList).themes = theme_rows(self.service)
        self.show_theme_ideas()

    @on(OptionList.OptionHighlighted, "#board-themes")
    def show_theme_ideas(self) -> None:
        theme_id = self.query_one(ThemeList).current_id
        theme = self.service.state.themes.get(theme_id or "")
        title = self.query_one("#theme-ideas-title", Label)
        body = self.query_one("#theme-ideas", Static)
        if theme is None:
            title.update("")
            body.update(t("tui.themes.none"))
            return
        ideas = [i for i in self.service.state.visible_ideas() if i.theme == theme.id]
        title.update(t("tui.board.in_theme", name=theme.name))
        body.update("\n".join(f"· {i.text}" for i in ideas) or t("tui.board.theme_empty"))

    # -- helpers -----------------------------------------------------------------------

    def _run(self, command: Callable[..., object], *args: object, **kwargs: object) -> bool:
        try:
            command(*args, **kwargs)
        except CafeError as error:
            self.notify(str(error), severity="warning")
            return False
        return True

    def _chosen_ideas(self) -> list[str]:
        """The marked ideas, or the highlighted one when none is marked."""
        if self.marked:
            order = [i.id for i in self.query_one(IdeaList).rows.ideas]
            return [i for i in order if i in self.marked]
        current = self.query_one(IdeaList).current_id
        return [current] if current else []

    def _themes_focused(self) -> bool:
        return self.focused is self.query_one(ThemeList)

    # -- actions -------------------------------------------------------------------------

    def action_mark(self) -> None:
        current = self.query_one(IdeaList).current_id
        if current is None:
            return
        self.marked ^= {current}
        self.refresh_board()
        self.query_one(IdeaList).action_cursor_down()

    def action_merge(self) -> None:
        """Fold the marked ideas into the highlighted one; its wording can be edited."""
        into = self.query_one(IdeaList).current_id
        others = [i for i in self._chosen_ideas() if i != into]
        if into is None or not others:
            self.notify(t("tui.board.merge_how"), severity="warning")
            return
        text = self.service.state.ideas[into].text

        def merge(wording: str) -> None:
            self.service.merge_ideas(into, others, text=wording)

        def done(result: str | None) -> None:
            if result is not None:
                self.undo_steps.append(("merged", tuple(others)))
                self.marked.clear()
                self.refresh_board()

        self.app.push_screen(
            PromptModal(t("tui.board.merge_title", count=len(others) + 1), text, submit=merge),
            done,
        )

    def action_new_theme(self) -> None:
        ideas = self._chosen_ideas()

        def create(name: str) -> None:
            self.service.create_theme(name, ideas=ideas)

        def done(result: str | None) -> None:
            if result is not None:
                self.marked.clear()
                self.refresh_board()

        self.app.push_screen(
            PromptModal(
                t("tui.board.new_theme_title", count=len(ideas)),
                placeholder=t("tui.board.theme_name"),
                submit=create,
            ),
            done,
        )

    def action_move_to_theme(self) -> None:
        ideas = self._chosen_ideas()
        if not ideas:
            return
        choices = [(th.id, th.name) for th in self.service.state.live_themes()]
        choices.append(("", t("tui.board.no_theme")))

        def move(theme_id: str | None) -> None:
            if theme_id is None:
                return
            for idea_id in ideas:
                if not self._run(self.service.set_idea_theme, idea_id, theme_id):
                    return
            self.marked.clear()
            self.refresh_board()

        self.app.push_screen(
            ChoiceModal(t("tui.board.move_title", count=len(ideas)), choices), move
        )

    def action_edit(self) -> None:
        if self._themes_focused():
            theme_id = self.query_one(ThemeList).current_id
            if theme_id is None:
                return
            theme = self.service.state.themes[theme_id]
            self.app.push_screen(
                PromptModal(
                    t("tui.board.rename_title"),
                    theme.name,
                    submit=lambda name: self.service.rename_theme(theme_id, name),
                )
            )
            return
        idea_id = self.query_one(IdeaList).current_id
        if idea_id is None:
            return
        idea = self.service.state.ideas[idea_id]
        self.app.push_screen(
            IdeaModal(
                idea.text,
                idea.table,
                lambda text, table: self.service.edit_idea(idea_id, text=text, table=table),
            )
        )

    def action_toggle_signup(self) -> None:
        theme_id = self.query_one(ThemeList).current_id
        if theme_id is None:
            self.notify(t("tui.themes.none"), severity="warning")
            return
        theme = self.service.state.themes[theme_id]
        self._run(self.service.set_theme_signup, theme_id, not theme.signup)

    def action_delete(self) -> None:
        if self._themes_focused():
            theme_id = self.query_one(ThemeList).current_id
            if theme_id is None:
                return
            name = self.service.state.themes[theme_id].name

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self._run(self.service.delete_theme, theme_id)

            self.app.push_screen(ConfirmModal(t("tui.board.delete_theme", name=name)), confirmed)
            return
        ideas = self._chosen_ideas()
        for idea_id in ideas:
            if not self._run(self.service.delete_idea, idea_id):
                return
        if ideas:
            self.undo_steps.append(("deleted", tuple(ideas)))
            self.marked.clear()
            self.notify(t("tui.capture.deleted"))

    def action_undo(self) -> None:
        if not self.undo_steps:
            self.notify(t("tui.capture.nothing_to_undo"))
            return
        _, ideas = self.undo_steps.pop()
        for idea_id in ideas:
            self._run(self.service.restore_idea, idea_id)
        self.notify(t("tui.board.undone"))

    @on(OptionList.OptionSelected, "#board-ideas")
    def mark_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_mark()

    @on(OptionList.OptionSelected, "#board-themes")
    def rename_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()
