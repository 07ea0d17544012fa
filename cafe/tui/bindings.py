"""One registry of key bindings: the footer, the help screen and the command palette read it.

Bindings are data here rather than ``BINDINGS`` class attributes because their
descriptions are translated, and the language is only known when the app is built
(tests build Swedish and English apps in one process). ``install`` gives a screen or the
app its scope's bindings in the current language.
"""

from __future__ import annotations

from typing import Literal, NamedTuple
from weakref import WeakKeyDictionary

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from cafe.i18n import t

Scope = Literal[
    "app",
    "meeting",
    "door",
    "capture",
    "board",
    "themes",
    "suggestions",
    "moderation",
    "modal",
    "demo",
]
SCOPES: tuple[Scope, ...] = (
    "meeting",
    "app",
    "door",
    "capture",
    "board",
    "themes",
    "suggestions",
    "moderation",
)
"""Order of the sections on the help screen (the demo's keys show in its footer only).
The keys that open the other screens (door, board, where, projector, co-host) come beside
the meeting's: last, they were below the fold at 120x40 and looked missing."""


class Key(NamedTuple):
    """One key (or several keys) bound to an action in one scope."""

    keys: str
    """Textual key names, comma-separated (``question_mark,f1``)."""
    action: str
    """Action run on the scope's node (the app or a screen)."""
    label: str
    """Catalogue key under ``tui.keys``."""
    scope: Scope
    footer: bool = False
    """Shown in the footer (the few the co-hosts need all the time)."""
    palette: bool = True
    """Offered in the command palette."""
    priority: bool = False
    display: str | None = None
    """How the key is shown when Textual's own name would be unclear."""
    group: str | None = None
    """Catalogue key under ``tui.keys`` of a footer group (``+`` and ``-`` share one)."""
    brief: bool = False
    """Still in the footer when the terminal is narrow (80 columns): the rest is under ?."""
    roomy: bool = False
    """In the footer only from ``ROOMY_WIDTH`` columns (the board has more keys than 120
    columns hold); bound and under ? at every width."""
    narrow_display: str | None = None
    """How the key is shown in a narrow footer (``?`` for ``? / F1``: room for Esc)."""
    listed: bool = True
    """On the help screen. Off for a screen's own version of a key listed under
    "everywhere" (one key, one line: ``i`` was listed twice with two meanings)."""

    @property
    def description(self) -> str:
        return t(f"tui.keys.{self.label}")

    @property
    def shown_keys(self) -> str:
        """The keys as people type them, for the help screen."""
        if self.keys == "space":
            return t("tui.keys.space_name")
        if self.display:
            return self.display
        return " / ".join(_KEY_NAMES.get(k, k) for k in self.keys.split(","))


_KEY_NAMES = {
    "question_mark": "?",
    "plus": "+",
    "minus": "-",
    "escape": "Esc",
    "enter": "Enter",
    "delete": "Del",
    "backspace": "⌫",
    "ctrl+q": "Ctrl+Q",
    "ctrl+p": "Ctrl+P",
    "ctrl+z": "Ctrl+Z",
    "f1": "F1",
    "f5": "F5",
    "f6": "F6",
    "tab": "Tab",
}

NARROW_WIDTH = 100
"""Below this many columns a footer shows only the ``brief`` keys."""
ROOMY_WIDTH = 140
"""From this many columns a screen's footer has room for its ``roomy`` keys too."""

REGISTRY: tuple[Key, ...] = (
    # The meeting screen: moving through the agenda and the timer.
    Key("n", "next_step", "next_step", "meeting", footer=True, brief=True),
    Key("p", "previous_step", "previous_step", "meeting", footer=True, brief=True),
    Key("space", "timer_toggle", "timer_toggle", "meeting", footer=True, display="␣", brief=True),
    Key(
        "plus",
        "timer_adjust(60)",
        "timer_plus",
        "meeting",
        footer=True,
        display="+",
        group="timer_adjust",
    ),
    Key(
        "minus",
        "timer_adjust(-60)",
        "timer_minus",
        "meeting",
        footer=True,
        display="-",
        group="timer_adjust",
    ),
    Key("s", "skip", "skip", "meeting"),
    Key("k", "next_speaker", "next_speaker", "meeting"),
    Key("r", "replan", "replan", "meeting"),
    Key("h", "toggle_notes", "notes", "meeting", footer=True),
    Key("u", "manual_signup", "manual_signup", "meeting"),
    # The app's i, where the check-out step takes the thought instead (listed there).
    Key("i", "input", "capture", "meeting", palette=False, listed=False),
    Key("escape", "leave_field", "leave_field", "meeting", palette=False),
    # The door: check-in.
    Key("escape", "app.show('meeting')", "back", "door", footer=True),
    Key("h", "toggle_host", "toggle_host", "door", footer=True),
    Key("f2", "focus_name", "focus_name", "door", footer=True, display="F2"),
    # Capturing ideas after a round.
    Key("escape", "app.show('meeting')", "back", "capture", footer=True),
    Key("ctrl+z", "undo", "undo", "capture", footer=True, priority=True),
    Key("f2", "edit_idea", "edit_idea", "capture", footer=True, display="F2"),
    Key("f8", "delete_idea", "delete_idea", "capture", footer=True, display="F8"),
    Key("f7", "earlier_round", "earlier_round", "capture", footer=True, display="F7"),
    # The idea board and themes.
    Key("escape", "back", "back", "board", footer=True, brief=True),
    Key("x", "mark", "mark", "board", footer=True, brief=True),
    Key("m", "merge", "merge", "board", footer=True, brief=True),
    Key("g", "new_theme", "new_theme", "board", footer=True),
    Key("o", "move_to_theme", "move_to_theme", "board", footer=True, roomy=True),
    Key("e", "edit", "edit", "board"),
    Key("l", "toggle_signup", "toggle_signup", "board", footer=True, roomy=True),
    Key("delete", "delete", "delete", "board"),
    Key("ctrl+z", "undo", "undo", "board", footer=True, brief=True),
    Key("s", "suggest", "suggest", "board", footer=True, brief=True),
    Key("slash", "filter", "search", "board", footer=True, display="/"),
    Key("u", "unthemed", "unthemed", "board"),
    # The board's theme list, while it has the focus: the keys that act on the theme (the
    # footer showed the idea list's x and m there, and no word of l).
    Key("e", "screen.edit", "rename_theme", "themes", footer=True, brief=True),
    Key("l", "screen.toggle_signup", "theme_signup", "themes", footer=True, brief=True),
    Key("delete", "screen.delete", "delete_theme", "themes", footer=True),
    # Theme suggestions beside the board (keys of the panel while it has the focus; the
    # panel shows only the keys of its mode, themes or a duplicate pair).
    Key(
        "enter",
        "accept",
        "suggestion_accept",
        "suggestions",
        footer=True,
        brief=True,
        priority=True,  # before the list's own Enter, so the footer shows what it does
    ),
    Key("e", "rename", "suggestion_rename", "suggestions", footer=True, roomy=True),
    Key("o", "move_out", "suggestion_move_out", "suggestions", footer=True, roomy=True),
    Key("delete", "reject", "suggestion_reject", "suggestions", footer=True),
    Key("d", "duplicates", "suggestion_duplicates", "suggestions", footer=True, brief=True),
    Key("m", "merge_pair", "duplicate_merge", "suggestions", footer=True, brief=True),
    Key("n", "next_pair", "duplicate_next", "suggestions", footer=True, brief=True),
    Key("escape", "close", "suggestion_close", "suggestions", footer=True, brief=True),
    # Moderation: sign-ups, check-out thoughts and phone ideas taken off (and back).
    Key("escape", "app.show('meeting')", "back", "moderation", footer=True),
    Key("slash", "search", "search", "moderation", footer=True, display="/"),
    Key("delete", "toggle_removed", "remove_toggle", "moderation", footer=True),
    Key("ctrl+z", "undo", "undo_removal", "moderation", footer=True, priority=True),
    # Everywhere.
    Key("d", "show('door')", "door", "app"),
    Key("i", "show('capture')", "capture", "app"),
    Key("t", "show('board')", "board", "app"),
    Key("f3", "show('moderation')", "moderation", "app", display="F3"),
    Key("w", "where", "where", "app"),
    Key("v", "projector", "projector", "app"),
    Key("f4", "cohost", "cohost", "app", display="F4"),
    Key("a", "add_person", "add_person", "app"),
    Key("c", "toggle_contrast", "contrast", "app"),
    Key(
        "question_mark,f1",
        "help",
        "help",
        "app",
        footer=True,
        display="? / F1",
        brief=True,
        narrow_display="?",
    ),
    Key("ctrl+p", "command_palette", "palette", "app", palette=False, priority=True),
    Key("ctrl+q", "quit", "quit", "app", footer=True, priority=True),
    # `cafe demo` and `cafe rehearse`: the simulated room.
    Key(
        "f5",
        "demo_pause",
        "demo_pause",
        "demo",
        footer=True,
        priority=True,
        display="F5",
        brief=True,
    ),
    Key(
        "f6",
        "demo_take_over",
        "demo_take_over",
        "demo",
        footer=True,
        priority=True,
        display="F6",
        brief=True,
    ),
)


def keys_in(scope: Scope) -> list[Key]:
    """The registry's keys for one scope, in registry order."""
    return [key for key in REGISTRY if key.scope == scope]


def bindings(scope: Scope, *, narrow: bool = False, roomy: bool = True) -> list[Binding]:
    """Textual bindings for ``scope`` with descriptions in the current language.

    ``narrow``: the footer shows only the ``brief`` keys (n, p, space, ?, the demo's F5
    and F6), which fit in 80 columns; ``roomy``: the footer may show the ``roomy`` keys.
    Every key stays bound and listed under ``?``.
    """
    return [
        Binding(
            key.keys,
            key.action,
            key.description,
            show=key.footer and (key.brief or not narrow) and (roomy or not key.roomy),
            key_display=(key.narrow_display if narrow else None) or key.display,
            priority=key.priority,
            group=Binding.Group(t(f"tui.keys.{key.group}"), compact=True) if key.group else None,
        )
        for key in keys_in(scope)
    ]


_INSTALLED: WeakKeyDictionary[DOMNode, list[Scope]] = WeakKeyDictionary()
"""The scopes installed on each node, so ``set_narrow`` can install them again."""


def install(node: DOMNode, scope: Scope, *, narrow: bool = False, roomy: bool = True) -> None:
    """Add ``scope``'s translated bindings to ``node`` (after its class bindings).

    A registry key replaces a class binding on the same key (``ctrl+q`` gets a
    translated description), so the footer never shows Textual's English.
    """
    scopes = _INSTALLED.setdefault(node, [])
    if scope not in scopes:
        scopes.append(scope)
    merged = dict(node._bindings.key_to_bindings)
    for binding in bindings(scope, narrow=narrow, roomy=roomy):
        for single in binding.key.split(","):
            merged[single.strip()] = [
                Binding(
                    single.strip(),
                    binding.action,
                    binding.description,
                    show=binding.show,
                    key_display=binding.key_display,
                    priority=binding.priority,
                    group=binding.group,
                )
            ]
    node._bindings = BindingsMap.from_keys(merged)


def set_narrow(node: DOMNode, narrow: bool, *, roomy: bool = True) -> None:
    """Show only the ``brief`` keys in the footer (``narrow``) or all footer keys again;
    without ``roomy``, leave out the ``roomy`` keys."""
    for scope in list(_INSTALLED.get(node, ())):
        install(node, scope, narrow=narrow, roomy=roomy)
