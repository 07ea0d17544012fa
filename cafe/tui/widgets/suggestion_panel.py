"""Theme suggestions beside the idea board: accept, rename, trim or reject; then duplicates.

The suggestions are computed in a worker thread, so the board stays responsive. Every
change goes through the ``MeetingService`` as the board's own keys do (create a theme with
its ideas, merge two ideas) and pushes an undo step on the board, so Ctrl+Z takes it back.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from cafe.core.events import Event, EventKind
from cafe.i18n import t
from cafe.tui.bindings import install
from cafe.tui.moderation_data import idea_where
from cafe.tui.screens.choice_modal import ChoiceModal
from cafe.tui.screens.prompt_modal import PromptModal
from cafe.tui.suggestion_data import BoardSuggestion, BoardSuggestions, compute

if TYPE_CHECKING:
    from cafe.core.state import Idea
    from cafe.tui.screens.board_screen import BoardScreen

_THEME_ACTIONS = frozenset({"accept", "rename", "move_out", "reject", "duplicates"})
"""Keys for a suggested theme (and d, which leaves them for the pairs): hidden while a
duplicate pair is shown, where Esc goes back to the themes."""
_PAIR_ACTIONS = frozenset({"merge_pair", "next_pair"})
"""Keys for a duplicate pair: hidden while the themes are shown."""


class SuggestionPanel(Vertical):
    """Hidden until ``s`` on the board; Esc hides it again."""

    can_focus = True
    """So its keys work while a duplicate pair is shown (the list is hidden then)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        install(self, "suggestions")
        self.suggestions = BoardSuggestions()
        self.pair_index: int | None = None
        """Where the duplicate pair shown is in the list, or ``None`` while the themes are
        shown."""
        self.shown_pair: tuple[str, str] | None = None
        """The pair on screen, held by its ideas: when the co-host hid one of them, the pane
        moved to the next pair unsaid, and the next ``m`` merged a pair nobody had read."""
        self.removed_by: dict[str, str] = {}
        """Who hid or merged an idea (``console``, ``tui``), as the meeting's events said."""
        self.rejected: set[frozenset[str]] = set()
        """The ideas of each suggestion rejected here: the same grouping, computed again
        the next time s was pressed, came back as if never rejected."""

    def compose(self) -> ComposeResult:
        yield Label(t("harvest.tui.title"), id="suggestion-title", classes="column-title")
        yield OptionList(id="suggestion-list", markup=False)
        yield Static("", id="suggestion-ideas", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer lists the keys of the mode shown: themes or a duplicate pair."""
        if action in _THEME_ACTIONS:
            return self.pair_index is None
        if action in _PAIR_ACTIONS:
            return self.pair_index is not None
        return True

    @property
    def board(self) -> BoardScreen:
        return self.screen  # type: ignore[return-value]

    # -- computing -----------------------------------------------------------------------

    def start(self) -> None:
        """Show the panel and compute suggestions for the ideas without a theme."""
        from cafe.core.harvest.meeting import ideas_to_theme, origin  # not at start-up

        self.display = True
        self.pair_index = None
        self.shown_pair = None
        service = self.board.service
        ideas = ideas_to_theme(service.state)
        self.suggestions = BoardSuggestions()
        self._show_message(t("harvest.tui.computing"))
        work = partial(
            compute,
            [i.text for i in ideas],
            [i.id for i in ideas],
            service.agenda.meta.language,
            [origin(i) for i in ideas],
            challenge=service.agenda.meta.challenge,
        )
        self.run_worker(work, thread=True, exclusive=True, group="suggestions")
        self.query_one("#suggestion-list", OptionList).focus()

    @on(Worker.StateChanged)
    def computed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.SUCCESS and isinstance(event.worker.result, BoardSuggestions):
            self.suggestions = event.worker.result
            self.suggestions.themes = [
                th for th in self.suggestions.themes if frozenset(th.ideas) not in self.rejected
            ]
            self.refresh_panel()
            if self.pair_index is None:
                self.query_one("#suggestion-list", OptionList).focus()

    # -- showing -------------------------------------------------------------------------

    def _show_message(self, text: str) -> None:
        self.query_one("#suggestion-list", OptionList).clear_options()
        self.query_one("#suggestion-ideas", Static).update(text)

    def heard(self, events: list[Event]) -> None:
        """Note who hid, merged or brought back an idea, so a pair that lost one can say so."""
        for event in events:
            if event.kind is EventKind.IDEA_DELETED:
                self.removed_by[event.data["id"]] = event.data.get("by", "")
            elif event.kind is EventKind.IDEAS_MERGED:
                self.removed_by.update(dict.fromkeys(event.data["ids"], event.data.get("by", "")))
            elif event.kind is EventKind.IDEA_RESTORED:
                self.removed_by.pop(event.data["id"], None)

    def refresh_panel(self) -> None:
        """Drop what the board has changed meanwhile, then show themes or the current pair
        (kept on screen, with what became of it, when the co-host took one of its ideas)."""
        self.suggestions.prune(self.board.service.state, keep=self.shown_pair)
        self.refresh_bindings()
        self.query_one("#suggestion-list", OptionList).display = self.pair_index is None
        if self.pair_index is not None:
            self._show_pair()
            return
        self.query_one("#suggestion-title", Label).update(t("harvest.tui.title"))
        options = self.query_one("#suggestion-list", OptionList)
        keep = options.highlighted
        options.clear_options()
        if not self.suggestions.themes:
            self._show_message(t("harvest.tui.none"))
            return
        options.add_options(
            Option(t("harvest.tui.theme_row", name=th.shown_name, count=len(th.ideas)))
            for th in self.suggestions.themes
        )
        options.highlighted = min(keep or 0, len(self.suggestions.themes) - 1)
        self.show_ideas()

    @on(OptionList.OptionHighlighted, "#suggestion-list")
    def show_ideas(self) -> None:
        chosen = self.current
        if chosen is None or self.pair_index is not None:
            return
        ideas = self.board.service.state.ideas
        self.query_one("#suggestion-ideas", Static).update(
            "\n".join(f"· {ideas[i].text}" for i in chosen.ideas)
        )

    @property
    def current(self) -> BoardSuggestion | None:
        index = self.query_one("#suggestion-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.suggestions.themes):
            return None
        return self.suggestions.themes[index]

    # -- themes --------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#suggestion-list")
    def selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_accept()

    def action_accept(self) -> None:
        """Make the highlighted suggestion a theme with its ideas (one undo step)."""
        chosen = self.current
        if chosen is None or self.pair_index is not None:
            return
        if chosen.other:
            self.notify(t("harvest.tui.other_not_theme"), severity="warning")
            return
        board, service = self.board, self.board.service
        before = {i: service.state.ideas[i].theme for i in chosen.ideas}
        created: list[str] = []
        if not board._run(
            lambda: created.append(service.create_theme(chosen.name, ideas=chosen.ideas).id)
        ):
            return
        self.suggestions.themes.remove(chosen)

        def undo() -> None:
            keep = board._moved_since(dict.fromkeys(chosen.ideas, created[0]))
            service.delete_theme(created[0])
            board._restore_themes(before, keep)
            self.suggestions.themes.append(chosen)
            self.refresh_panel()

        board._remember("suggestion_accepted", undo)
        self.notify(t("harvest.tui.accepted", name=chosen.name))
        board.refresh_board()

    def action_rename(self) -> None:
        chosen = self.current
        if chosen is None or chosen.other or self.pair_index is not None:
            return

        def rename(name: str) -> None:
            chosen.name = name.strip() or chosen.name
            self.refresh_panel()

        self.app.push_screen(PromptModal(t("harvest.tui.rename_title"), chosen.name, submit=rename))

    def action_move_out(self) -> None:
        """Take one idea out of the suggestion (it stays without a theme)."""
        chosen = self.current
        if chosen is None or self.pair_index is not None:
            return
        ideas = self.board.service.state.ideas
        choices = [(i, ideas[i].text) for i in chosen.ideas]

        def picked(idea_id: str | None) -> None:
            if idea_id and idea_id in chosen.ideas:
                chosen.ideas.remove(idea_id)
                self.notify(t("harvest.tui.moved_out"))
                self.refresh_panel()

        self.app.push_screen(ChoiceModal(t("harvest.tui.move_out_title"), choices), picked)

    def action_reject(self) -> None:
        chosen = self.current
        if chosen is None or self.pair_index is not None:
            return
        self.suggestions.themes.remove(chosen)
        self.rejected.add(frozenset(chosen.ideas))
        self.notify(t("harvest.tui.rejected", name=chosen.shown_name))
        self.refresh_panel()

    # -- duplicates ----------------------------------------------------------------------

    def action_duplicates(self) -> None:
        """Offer the likely duplicates for merging, one pair at a time."""
        self.pair_index = 0
        self.shown_pair = None
        self.refresh_panel()
        self.focus()

    def _live(self, pair: tuple[str, str]) -> bool:
        ideas = self.board.service.state.ideas
        return all(ideas[i].visible for i in pair)

    def _gone(self, pair: tuple[str, str]) -> str:
        """What became of the pair's ideas that are no longer on the board ("" if none)."""
        ideas = self.board.service.state.ideas
        said = []
        for number, idea_id in enumerate(pair, start=1):
            idea = ideas[idea_id]
            where = "cohost" if self.removed_by.get(idea_id) == "console" else "here"
            if idea.merged_into:
                into = ideas[idea.merged_into].text
                said.append(t(f"harvest.tui.gone_merged_{where}", number=number, into=into))
            elif idea.deleted:
                said.append(t(f"harvest.tui.gone_hidden_{where}", number=number))
        return " ".join(said)

    def _show_pair(self) -> None:
        pairs = self.suggestions.duplicates
        self.query_one("#suggestion-list", OptionList).clear_options()
        body = self.query_one("#suggestion-ideas", Static)
        if self.shown_pair not in pairs:
            self.shown_pair = pairs[(self.pair_index or 0) % len(pairs)] if pairs else None
        if self.shown_pair is None:
            self.pair_index = 0
            self.query_one("#suggestion-title", Label).update(t("harvest.tui.title"))
            body.update(t("harvest.tui.no_duplicates"))
            return
        self.pair_index = pairs.index(self.shown_pair)
        first, second = self.shown_pair
        ideas = self.board.service.state.ideas
        self.query_one("#suggestion-title", Label).update(
            t("harvest.tui.duplicate_title", count=sum(self._live(p) for p in pairs))
        )
        text = (
            f"1 · {_said_where(ideas[first])}{ideas[first].text}\n\n"
            f"2 · {_said_where(ideas[second])}{ideas[second].text}"
        )
        gone = self._gone(self.shown_pair)
        if gone:
            text += f"\n\n{gone}\n{t('harvest.tui.gone_next')}"
        body.update(text)

    def action_next_pair(self) -> None:
        """The next pair still on the board; a pair that lost an idea is dropped now."""
        if self.pair_index is None or self.shown_pair is None:
            return
        pairs = self.suggestions.duplicates
        start = pairs.index(self.shown_pair)
        following = pairs[start + 1 :] + pairs[:start]
        live = [p for p in following if self._live(p)]
        if live:
            self.shown_pair = live[0]
        elif not self._live(self.shown_pair):
            self.shown_pair = None
        self.refresh_panel()

    def action_merge_pair(self) -> None:
        """Merge the pair shown: the second idea folds into the first (one undo step).

        Only the pair on screen, and only while both its ideas are on the board."""
        if self.pair_index is None or self.shown_pair is None:
            return
        board, service = self.board, self.board.service
        into, other = pair = self.shown_pair
        if not self._live(pair):
            self.refresh_panel()  # the pane says what became of it, if it did not yet
            why = self._gone(pair)
            self.notify(t("harvest.tui.merge_refused", why=why), severity="warning", timeout=10)
            return
        text, other_text = service.state.ideas[into].text, service.state.ideas[other].text
        if not board._run(service.merge_ideas, into, [other]):
            return

        def undo() -> None:
            service.restore_idea(other)
            service.edit_idea(into, text=text)

        board._remember("merged", undo)
        self.notify(t("harvest.tui.merged", other=other_text, into=text))
        self.action_next_pair()
        board.refresh_board()

    def action_close(self) -> None:
        """Back to the themes from the pairs; from the themes, hide the panel."""
        if self.pair_index is not None:
            self.action_back_to_themes()
            return
        self.display = False
        self.board.query_one("#board-ideas").focus()

    def action_back_to_themes(self) -> None:
        self.pair_index = None
        self.shown_pair = None
        self.refresh_panel()
        self.query_one("#suggestion-list", OptionList).focus()


def _said_where(idea: Idea) -> str:
    """ "bord 3, runda 2: ", so the co-hosts see whether two tables said it (a sign of
    weight) or one table twice; the pair showed the two texts only."""
    where = idea_where(idea)
    return f"{where} " if where else ""
