"""The idea board: merge duplicates, group ideas into themes, choose the sign-up lists.

Keys act on the focused pane only (ideas left, themes right), so a key meant for one
never changes the other. Every change pushes its own undo, and Ctrl+Z takes them back
newest first, saying what it undid. Moving several ideas out of their themes asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, Static

from cafe.core.errors import CafeError
from cafe.core.events import EventKind
from cafe.core.service import MeetingService
from cafe.i18n import t
from cafe.tui.bindings import NARROW_WIDTH, ROOMY_WIDTH, install, keys_in, set_narrow
from cafe.tui.board_data import idea_rows, theme_rows
from cafe.tui.messages import MeetingChanged
from cafe.tui.notices import say, withdraw
from cafe.tui.screens.choice_modal import ChoiceModal
from cafe.tui.screens.confirm_modal import ConfirmModal
from cafe.tui.screens.idea_modal import IdeaModal
from cafe.tui.screens.prompt_modal import PromptModal
from cafe.tui.seen_text import SeenText
from cafe.tui.widgets.filter_input import FilterInput
from cafe.tui.widgets.idea_list import IdeaList
from cafe.tui.widgets.key_footer import KeyFooter
from cafe.tui.widgets.meeting_header import MeetingHeader
from cafe.tui.widgets.suggestion_panel import SuggestionPanel
from cafe.tui.widgets.theme_list import ThemeList

_PANE_ACTIONS = frozenset(
    {
        "mark",
        "merge",
        "new_theme",
        "move_to_theme",
        "edit",
        "toggle_signup",
        "delete",
        "suggest",
        "filter",
        "unthemed",
    }
)
"""The panes' keys (and s, which shows the suggestions): off while the suggestions have the
focus, so the footer has room for theirs."""
_IDEA_ACTIONS = frozenset({"mark", "merge", "new_theme", "move_to_theme", "filter", "unthemed"})
"""Keys that act on the idea list's marked ideas: off in the theme list, where the footer
showed "x Mark  m Merge" instead of the theme's own keys."""
_IDEA_KEYS = frozenset(
    single.strip()
    for key in keys_in("board")
    if key.action in _IDEA_ACTIONS
    for single in key.keys.split(",")
)

UndoStep = tuple[str, Callable[[], bool | None]]
"""What a change was, and how to take it back (``False``: nothing was left to take back)."""
"""What Ctrl+Z says it undid (a catalogue key under ``tui.board.undo``), and how."""


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
        self.filter_words = ""
        """Words the idea list is narrowed to (``/``); marks on ideas out of sight stay."""
        self.unthemed_only = False
        """Only ideas in no theme (``u``): what is left to sort."""
        self.lists_by_cohost: dict[str, int] = {}
        """Themes whose list the co-host opened or closed last, with the event's seq: the
        next l here on such a theme says so rather than take it back. Two co-hosts who
        both opened a new list 0.2 s apart left it closed, and neither was told."""
        self.lists_answered: dict[str, int] = {}
        """The last seq each theme's list was acted on here (a co-host change it saw)."""

    def compose(self) -> ComposeResult:
        header = MeetingHeader()
        header.title = self.service.agenda.meta.title
        header.challenge = self.service.agenda.meta.challenge
        header.mode = t("tui.board.mode")
        yield header
        with Horizontal(id="board-body"):
            with Vertical(id="board-left"):
                yield Label("", id="board-ideas-title", classes="column-title", markup=False)
                yield FilterInput(placeholder=t("tui.board.filter_placeholder"), id="board-filter")
                yield IdeaList(id="board-ideas")
            with Vertical(id="board-right"):
                yield Label(t("tui.themes.title"), id="themes-title", classes="column-title")
                yield ThemeList(id="board-themes")
                yield Label("", id="theme-ideas-title", classes="column-title", markup=False)
                yield Static("", id="theme-ideas", markup=False)
            yield SuggestionPanel(id="board-suggestions")
        yield KeyFooter()

    def on_mount(self) -> None:
        install(self.query_one(ThemeList), "themes")
        self.refresh_board()
        self.query_one(IdeaList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_board()

    @on(MeetingChanged)
    def meeting_changed(self, message: MeetingChanged) -> None:
        self.query_one(SuggestionPanel).heard(message.events)
        for event in message.events:
            if event.kind is EventKind.THEME_SIGNUP_SET:
                theme_id = event.data["id"]
                if event.data.get("by") != "console":
                    self.lists_by_cohost.pop(theme_id, None)
                elif event.seq > self.lists_answered.get(theme_id, 0):
                    self.lists_by_cohost[theme_id] = event.seq
        elsewhere = set()  # ideas the co-host's console hid or merged in these events
        for event in message.events:
            if event.data.get("by") != "console":
                continue
            if event.kind is EventKind.IDEA_DELETED:
                elsewhere.add(event.data["id"])
            elif event.kind is EventKind.IDEAS_MERGED:
                elsewhere.update(event.data["ids"])
        gone = {i.id for i in self.service.state.ideas.values() if not i.visible}
        lost = self.marked & elsewhere & gone
        self.refresh_board()
        if lost:  # hidden or merged on the other screen: the count went down, unsaid
            self.notify(t("tui.board.marks_gone", count=len(lost)), severity="warning")

    def refresh_board(self) -> None:
        rows = idea_rows(
            self.service,
            marked=frozenset(self.marked),
            words=self.filter_words,
            unthemed=self.unthemed_only,
        )
        everyone = self.service.state.visible_ideas()
        self.marked &= {i.id for i in everyone}
        title = t("tui.board.ideas_title", count=len(everyone), marked=len(self.marked))
        if self.filter_words.strip() or self.unthemed_only:
            narrowed = "tui.board.ideas_unthemed" if self.unthemed_only else "tui.board.ideas_found"
            title = t(narrowed, shown=len(rows.ideas), count=len(everyone), marked=len(self.marked))
        self.query_one("#board-ideas-title", Label).update(title)
        self.query_one(IdeaList).rows = rows
        self.query_one(ThemeList).themes = theme_rows(self.service)
        self.show_theme_ideas()
        panel = self.query_one(SuggestionPanel)
        if panel.display:
            panel.refresh_panel()

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
        """The marked ideas (those out of sight behind a search too), or the highlighted
        one when none is marked."""
        if self.marked:
            order = [i.id for i in self.service.state.visible_ideas()]
            return [i for i in order if i in self.marked]
        current = self.query_one(IdeaList).current_id
        return [current] if current else []

    def on_resize(self) -> None:
        # The board has more keys than 120 columns hold: the footer shows the ones for the
        # width (80: x, m, Ctrl+Z, s, ?), the rest are bound and listed under ?.
        width = self.size.width
        narrow, roomy = width < NARROW_WIDTH, width >= ROOMY_WIDTH
        set_narrow(self, narrow, roomy=roomy)
        set_narrow(self.query_one(SuggestionPanel), narrow, roomy=roomy)
        set_narrow(self.query_one(ThemeList), narrow, roomy=roomy)
        set_narrow(self.app, narrow)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the suggestions have the focus, the footer lists their keys, not the panes';
        while the themes have it, not the keys that act on marked ideas (nor, at 80
        columns, s: Esc, the theme's keys and ? fill the line)."""
        if action in _PANE_ACTIONS and self.query_one(SuggestionPanel).has_focus_within:
            return False
        if action == "suggest" and self._themes_focused():
            return self.size.width >= NARROW_WIDTH
        return not (action in _IDEA_ACTIONS and self._themes_focused())

    def on_key(self, event: events.Key) -> None:
        """An idea key in the theme list (off there, so the footer shows the theme's keys)
        still says where it works instead of doing nothing; s, left out of a narrow
        footer there, still shows the suggestions."""
        if event.key in _IDEA_KEYS and self._themes_focused():
            event.stop()
            self._ideas_focused()
        elif event.key == "s" and self._themes_focused() and self.size.width < NARROW_WIDTH:
            event.stop()
            self.action_suggest()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The title of the list the keys act on stands out ("e" renamed a theme or rewrote
        an idea, by a focus nobody could see on a mirrored projector)."""
        focused = self.focused
        ideas, themes = self.query_one(IdeaList), self.query_one(ThemeList)
        self.query_one("#board-ideas-title").set_class(focused is ideas, "-keys-here")
        self.query_one("#themes-title").set_class(focused is themes, "-keys-here")
        panel = self.query_one(SuggestionPanel)
        panel.query_one("#suggestion-title").set_class(panel.has_focus_within, "-keys-here")

    def _themes_focused(self) -> bool:
        return self.focused is self.query_one(ThemeList)

    def _ideas_focused(self) -> bool:
        """Idea keys (x, m, g, o) work in the idea list only; elsewhere they say where to go."""
        if self.focused is self.query_one(IdeaList):
            return True
        self.notify(t("tui.board.ideas_pane_first"), severity="warning")
        return False

    def _remember(self, what: str, undo: Callable[[], bool | None]) -> None:
        self.undo_steps.append((what, undo))

    def _themes_of(self, ideas: list[str]) -> dict[str, str]:
        return {i: self.service.state.ideas[i].theme for i in ideas}

    def _still_as(self, before: dict[str, str]) -> list[str]:
        """The ideas of ``before`` still on the board in the theme they were in then: an
        idea the co-host moved, hid or merged since a dialog opened is left as it is."""
        ideas = self.service.state.ideas
        return [i for i, theme in before.items() if ideas[i].visible and ideas[i].theme == theme]

    def _moved_since(self, left_in: dict[str, str]) -> set[str]:
        """Ideas no longer where a change made here left them: the co-host has moved them
        since (the laptop's Ctrl+Z took back the co-host's sorting, unsaid)."""
        ideas = self.service.state.ideas
        return {i for i, theme_id in left_in.items() if ideas[i].theme != theme_id}

    def _restore_themes(self, before: dict[str, str], keep: AbstractSet[str] = frozenset()) -> bool:
        """Put ideas back where they were, except those in ``keep``, which stay where the
        co-host put them; the laptop says how many. ``False`` if every one was kept."""
        live = {th.id for th in self.service.state.live_themes()}
        for idea_id, theme_id in before.items():
            if idea_id not in keep and self.service.state.ideas[idea_id].theme != theme_id:
                self.service.set_idea_theme(idea_id, theme_id if theme_id in live else "")
        self._say_kept(len(keep))
        return any(idea_id not in keep for idea_id in before)

    def _say_kept(self, count: int, key: str = "tui.board.undo_kept") -> None:
        if count:
            self.notify(t(key, count=count), severity="warning", timeout=10)

    def _leaving_themes(self, ideas: list[str], target: str) -> int:
        """How many of ``ideas`` would leave a theme they are in now."""
        live = {th.id for th in self.service.state.live_themes()}
        return sum(
            1
            for i in ideas
            if self.service.state.ideas[i].theme in live
            and self.service.state.ideas[i].theme != target
        )

    # -- narrowing the list ----------------------------------------------------------------

    def action_filter(self) -> None:
        """Type words to narrow the idea list; Enter goes back to it, Esc clears."""
        field = self.query_one(FilterInput)
        field.add_class("-open")
        field.focus()

    @on(Input.Changed, "#board-filter")
    def _filter_typed(self, event: Input.Changed) -> None:
        self.filter_words = event.value
        self.refresh_board()

    @on(Input.Submitted, "#board-filter")
    def _filter_done(self) -> None:
        self.query_one(IdeaList).focus()

    @on(FilterInput.Cleared)
    def _filter_cleared(self) -> None:
        self.query_one(FilterInput).remove_class("-open")
        self.query_one(IdeaList).focus()

    def action_back(self) -> None:
        """Esc: a search or "only unthemed" first shows all again, then back to the meeting.

        After g on a search's ideas, Esc left the board with the search still on, and the
        u that followed (meant: ideas without a theme) opened the meeting's sign-up dialog."""
        if self.filter_words or self.unthemed_only:
            self.filter_words, self.unthemed_only = "", False
            field = self.query_one(FilterInput)
            with field.prevent(Input.Changed):
                field.value = ""
            field.remove_class("-open")
            self.refresh_board()
            self.query_one(IdeaList).focus()
            return
        self.app.action_show("meeting")

    def action_unthemed(self) -> None:
        """Only the ideas in no theme, or all again: what is left to sort."""
        self.unthemed_only = not self.unthemed_only
        self.refresh_board()

    # -- actions -------------------------------------------------------------------------

    def action_mark(self) -> None:
        if not self._ideas_focused():
            return
        current = self.query_one(IdeaList).current_id
        if current is None:
            return
        self.marked ^= {current}
        self.refresh_board()
        self.query_one(IdeaList).action_cursor_down()

    def action_merge(self) -> None:
        """Fold the marked ideas into the highlighted one; its wording can be edited."""
        if not self._ideas_focused():
            return
        into = self.query_one(IdeaList).current_id
        others = [i for i in self._chosen_ideas() if i != into]
        if into is None or not others:
            self.notify(t("tui.board.merge_how"), severity="warning")
            return
        text = self.service.state.ideas[into].text
        merged: list[str] = []

        def merge(wording: str) -> None:
            kept = self.service.merge_ideas(into, others, text=wording)
            ideas = self.service.state.ideas
            merged.extend(i for i in others if ideas[i].merged_into == into)
            self.notify(t("tui.board.merged_into", count=len(merged), into=kept.text))
            self._say_kept(len(others) - len(merged), "tui.board.kept_by_cohost")

        def undo() -> None:
            for idea_id in merged:  # not one the co-host hid meanwhile: it stays hidden
                self.service.restore_idea(idea_id)
            self.service.edit_idea(into, text=text)

        def done(result: str | None) -> None:
            if result is not None:
                self._remember("merged", undo)
                self.marked.clear()
                self.refresh_board()

        self.app.push_screen(
            PromptModal(t("tui.board.merge_title", count=len(others) + 1), text, submit=merge),
            done,
        )

    def action_new_theme(self) -> None:
        if not self._ideas_focused():
            return
        ideas = self._chosen_ideas()
        before = self._themes_of(ideas)
        created: list[str] = []

        def create(name: str) -> None:
            # The co-host may have moved, hidden or merged some while the name was typed:
            # those stay where the co-host left them (the last to act took them back, unsaid).
            take = self._still_as(before)
            created.append(self.service.create_theme(name, ideas=take).id)
            self._say_kept(len(ideas) - len(take), "tui.board.kept_by_cohost")

        def undo() -> None:
            keep = self._moved_since(dict.fromkeys(ideas, created[0]))
            self.service.delete_theme(created[0])
            self._restore_themes(before, keep)

        def done(result: str | None) -> None:
            if result is not None and created:
                self._remember("theme_created", undo)
                self.marked.clear()
                self.refresh_board()

        def ask() -> None:
            self.app.push_screen(
                PromptModal(
                    t("tui.board.new_theme_title", count=len(ideas)),
                    placeholder=t("tui.board.theme_name"),
                    submit=create,
                ),
                done,
            )

        self._confirm_leaving(ideas, "", ask)

    def _confirm_leaving(self, ideas: list[str], target: str, then: Callable[[], None]) -> None:
        """Ask before taking several ideas out of the themes they are in; else go on."""
        leaving = self._leaving_themes(ideas, target)
        if leaving < 2:
            then()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                then()

        question = t("tui.board.confirm_leave", count=leaving)  # only makes sure: Enter goes on
        self.app.push_screen(ConfirmModal(question, default=True), answered)

    def action_move_to_theme(self) -> None:
        if not self._ideas_focused():
            return
        ideas = self._chosen_ideas()
        if not ideas:
            return
        choices = [(th.id, th.name) for th in self.service.state.live_themes()]
        choices.append(("", t("tui.board.no_theme")))
        before = self._themes_of(ideas)

        def move_now(theme_id: str) -> None:
            take = self._still_as(before)
            for idea_id in take:
                if not self._run(self.service.set_idea_theme, idea_id, theme_id):
                    return
            self._say_kept(len(ideas) - len(take), "tui.board.kept_by_cohost")
            left_in = dict.fromkeys(take, theme_id)
            self._remember(
                "moved", lambda: self._restore_themes(before, self._moved_since(left_in))
            )
            self.marked.clear()
            self.refresh_board()

        def chosen(theme_id: str | None) -> None:
            if theme_id is not None:
                self._confirm_leaving(ideas, theme_id, lambda: move_now(theme_id))

        self.app.push_screen(
            ChoiceModal(t("tui.board.move_title", count=len(ideas)), choices), chosen
        )

    def action_edit(self) -> None:
        if self._themes_focused():
            theme_id = self.query_one(ThemeList).current_id
            if theme_id is None:
                return
            seen = SeenText(self.service.state.themes[theme_id].name)

            def rename(name: str) -> None:
                old_name = seen.rename_theme(self.service, theme_id, name)
                given = self.service.state.themes[theme_id].name

                def undo() -> bool:
                    if self.service.state.themes[theme_id].name != given:  # renamed since
                        self._say_kept(1, "tui.board.undo_kept_name")
                        return False
                    self.service.rename_theme(theme_id, old_name)
                    return True

                self._remember("renamed", undo)

            self.app.push_screen(PromptModal(t("tui.board.rename_title"), seen.text, submit=rename))
            return
        idea_id = self.query_one(IdeaList).current_id
        if idea_id is None:
            return
        idea = self.service.state.ideas[idea_id]
        seen = SeenText(idea.text)

        def edit(text: str, table: int) -> None:
            before = self.service.state.ideas[idea_id].table
            replaced = seen.edit_idea(self.service, idea_id, text, table)
            self._remember(
                "edited", lambda: self.service.edit_idea(idea_id, text=replaced, table=before)
            )

        self.app.push_screen(IdeaModal(idea.text, idea.table, edit))

    def action_toggle_signup(self) -> None:
        """Open the list if the row showed none, close it if it showed one.

        What the row showed, not what the state holds by the time the key is read: the
        co-host may have just done the same (then nothing is left to do, and l says so)
        or the opposite (then l says so and takes it back only when pressed again)."""
        themes = self.query_one(ThemeList)
        theme_id = themes.current_id
        if theme_id is None:
            self.notify(t("tui.themes.none"), severity="warning")
            return
        shown = next(row.signup for row in themes.themes if row.id == theme_id)
        wanted = not shown
        theme = self.service.state.themes[theme_id]
        if theme.signup == wanted or theme_id in self.lists_by_cohost:
            self._tell_list_cohost(theme_id, theme.name, done=theme.signup == wanted)
            return

        def toggle(yes: bool | None = True) -> None:
            if yes and self._run(self.service.set_theme_signup, theme_id, wanted):
                self._remember("signup", lambda: self.service.set_theme_signup(theme_id, shown))
                withdraw(self.app, f"list:{theme_id}")  # "press l again" is done
                self.refresh_board()  # the row shows it now: a second l reads what it did

        people = self._signed_up(theme_id)
        if shown and people:  # one stray l closed a list of 8 and it left the wall
            question = t("tui.board.close_list", count=people, name=theme.name)
            self.app.push_screen(ConfirmModal(question), toggle)
        else:
            toggle()

    def _tell_list_cohost(self, theme_id: str, name: str, *, done: bool) -> None:
        """The co-host opened or closed this list since the row was drawn (``done``: as
        this l wanted), or just before: say so, change nothing; the next l acts."""
        self.lists_by_cohost.pop(theme_id, None)
        self.lists_answered[theme_id] = self.service.state.last_seq
        is_open = self.service.state.themes[theme_id].signup
        key = ("already" if done else "just") + ("_open" if is_open else "_closed")
        say(self.app, t(f"tui.board.list_{key}", name=name), about=f"list:{theme_id}", timeout=10)
        self.refresh_board()

    def _signed_up(self, theme_id: str) -> int:
        """How many people have signed up for ``theme_id``."""
        return self.service.state.signed_up_per_theme()[theme_id]

    def action_delete(self) -> None:
        if self._themes_focused():
            theme_id = self.query_one(ThemeList).current_id
            if theme_id is None:
                return
            theme = self.service.state.themes[theme_id]
            members = [i.id for i in self.service.state.visible_ideas() if i.theme == theme_id]
            name = theme.name

            def recreate() -> None:
                keep = self._moved_since(dict.fromkeys(members, ""))  # sorted again since
                back = [i for i in members if i not in keep]
                self.service.create_theme(theme.name, signup=theme.signup, ideas=back)
                self._say_kept(len(keep))

            def confirmed(yes: bool | None) -> None:
                if yes and self._run(self.service.delete_theme, theme_id):
                    self._remember("theme_deleted", recreate)

            people = self._signed_up(theme_id)
            question = (
                t("tui.board.delete_theme_signed", name=name, count=people)
                if people
                else t("tui.board.delete_theme", name=name)
            )
            self.app.push_screen(ConfirmModal(question), confirmed)
            return
        if self.focused is not self.query_one(IdeaList):
            self.notify(t("tui.board.ideas_pane_first"), severity="warning")
            return
        ideas = self._chosen_ideas()
        for idea_id in ideas:
            if not self._run(self.service.delete_idea, idea_id):
                return
        if ideas:

            def restore() -> None:
                for idea_id in ideas:
                    self.service.restore_idea(idea_id)

            self._remember("deleted", restore)
            self.marked.clear()
            self.notify(t("tui.capture.deleted"))

    def action_suggest(self) -> None:
        """Theme suggestions and duplicates beside the board, computed in a worker."""
        self.query_one(SuggestionPanel).start()

    def action_undo(self) -> None:
        """Take back the newest change made here, and say which."""
        if not self.undo_steps:
            self.notify(t("tui.capture.nothing_to_undo"))
            return
        what, undo = self.undo_steps.pop()
        result: list[bool | None] = []
        if self._run(lambda: result.append(undo())):
            if result[0] is not False:  # else only "moved since, it stays" was said
                self.notify(t("tui.board.undone_what", what=t(f"tui.board.undo.{what}")))
            self.refresh_board()

    @on(OptionList.OptionSelected, "#board-ideas")
    def mark_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_mark()

    @on(OptionList.OptionSelected, "#board-themes")
    def rename_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()
