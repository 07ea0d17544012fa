"""The footer of key bindings, drawn as one widget.

Textual's ``Footer`` is a scrolling container with a widget per key (each styled twice
more for its two parts), composed empty and rebuilt after the first frame and on every
change of focus or bindings: on the meeting screen, 11 of its 51 widgets and a rebuild
after every key press. This footer draws the same line from the screen's active bindings:
the same layout, colours and theme variables (the snapshots are unchanged), keys that
respond to a click, a tooltip on hover, and the command palette's key on the right.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import ClassVar, Literal, NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from cafe.tui.widgets.line_drawn import LineDrawn

Role = Literal["key", "description", "plain", "separator"]


class _Piece(NamedTuple):
    text: str
    role: Role
    key: int | None = None
    """Index of the key this piece belongs to (``None``: spacing, labels)."""


class PlacedKey(NamedTuple):
    """A key as drawn: where it is, so a click or a test can find it."""

    key: str
    """Textual's key name (pressed when the key is clicked)."""
    start: int
    end: int
    """Columns ``[start, end)`` in the footer (what is drawn of the key)."""
    whole: bool
    """Its text is drawn whole: not cut off by the screen's edge or the palette's key."""
    enabled: bool
    tooltip: str


class _KeyInfo(NamedTuple):
    key: str
    enabled: bool
    tooltip: str


class KeyFooter(LineDrawn, can_focus=False):
    """The keys that work on this screen now, and what they do."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--separator",
        "key-footer--hover",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-footer--separator { color: $foreground 20%; }
        & > .key-footer--hover { background: $block-hover-background; }
    }
    """

    hovered: reactive[int | None] = reactive(None)
    """Index of the key under the mouse pointer."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        self.refresh()

    # -- what is shown ------------------------------------------------------------------

    def _pieces(self) -> tuple[list[_Piece], list[_Piece], list[_KeyInfo]]:
        """The left part, the palette's part on the right, and the keys, as ``Footer``
        lays them out (one key per action; a group's keys together before its label)."""
        active = self.screen.active_bindings
        by_action: dict[str, list[tuple[Binding, bool, str]]] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show:
                by_action.setdefault(binding.action, []).append((binding, enabled, tooltip))
        left: list[_Piece] = []
        keys: list[_KeyInfo] = []

        def add_key(binding: Binding, enabled: bool, tooltip: str) -> int:
            keys.append(_KeyInfo(binding.key, enabled, tooltip))
            return len(keys) - 1

        for group, runs in groupby(by_action.values(), lambda run: run[0][0].group):
            actions = list(runs)
            if group is not None and len(actions) > 1:
                left.append(_Piece(" ", "plain"))
                for binding, enabled, tooltip in (run[0] for run in actions):
                    index = add_key(binding, enabled, tooltip or binding.description)
                    left.append(_Piece(self.app.get_key_display(binding), "key", index))
                left += [_Piece(" ", "plain"), _Piece(group.description, "description")]
                left.append(_Piece(" ", "plain"))
                continue
            for binding, enabled, tooltip in (run[0] for run in actions):
                index = add_key(binding, enabled, tooltip)
                shown = self.app.get_key_display(binding)
                if binding.description:
                    left.append(_Piece(f" {shown} ", "key", index))
                    left.append(_Piece(f"{binding.description} ", "description", index))
                else:
                    left.append(_Piece(shown, "key", index))
        right: list[_Piece] = []
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            _node, binding, enabled, tooltip = palette
            index = add_key(binding, enabled, binding.tooltip or binding.description)
            right = [
                _Piece("▏", "separator"),
                _Piece(self.app.get_key_display(binding), "key", index),
                _Piece(f" {binding.description}", "description", index),
                _Piece(" ", "plain"),
            ]
        return left, right, keys

    def placed_keys(self) -> list[PlacedKey]:
        """Each key shown, where it is drawn at the footer's present width."""
        return [placed for _index, placed in self._placed(*self._pieces())]

    def _placed(
        self, left: list[_Piece], right: list[_Piece], keys: list[_KeyInfo]
    ) -> Iterator[tuple[int, PlacedKey]]:
        """Each key's index and place; the palette's key is docked on the right, over
        whatever of the left part does not fit."""
        width = self.size.width
        right_width = sum(cell_len(piece.text) for piece in right)
        room = max(0, width - right_width)
        for part, origin, limit in ((left, 0, room), (right, room, width)):
            spans: dict[int, list[int]] = {}  # start, end, end of the last non-blank
            x = origin
            for piece in part:
                if piece.key is not None:
                    span = spans.setdefault(piece.key, [x, x, x])
                    span[1] = x + cell_len(piece.text)
                    span[2] = x + cell_len(piece.text.rstrip())
                x += cell_len(piece.text)
            for index, (start, end, ink) in spans.items():
                info = keys[index]
                whole = ink <= limit  # a trailing blank under the palette's edge is no loss
                end = min(end, limit)
                yield index, PlacedKey(info.key, start, end, whole, info.enabled, info.tooltip)

    def render(self) -> Text:
        left, right, keys = self._pieces()
        styles = {
            role: self.get_component_rich_style(f"key-footer--{role}")
            for role in ("key", "description", "separator")
        }
        hover = self.get_component_rich_style("key-footer--hover")
        plain = Style()

        def draw(pieces: list[_Piece]) -> Text:
            runs: list[tuple[str, Style]] = []
            for piece in pieces:
                style = styles.get(piece.role, plain)
                if piece.key is not None:
                    if not keys[piece.key].enabled:
                        style += Style(dim=True)
                    if piece.key == self.hovered:
                        style += Style(bgcolor=hover.bgcolor)
                if runs and runs[-1][1] == style:  # one run, as a group's keys were drawn
                    runs[-1] = (runs[-1][0] + piece.text, style)
                else:
                    runs.append((piece.text, style))
            return Text.assemble(*runs, end="", no_wrap=True, overflow="crop")

        width = self.size.width
        right_text = draw(right)
        room = max(0, width - right_text.cell_len)
        line = draw(left)
        line.truncate(room, overflow="crop", pad=True)
        line.append_text(right_text)
        line.truncate(width, overflow="crop")
        # Spacing carries the footer's background only, as the gaps between Footer's
        # widgets did (a foreground colour on blanks would change nothing but the SVGs).
        line.stylize_before(Style(bgcolor=self.rich_style.bgcolor))
        return line

    # -- the mouse ------------------------------------------------------------------------

    def _key_at(self, x: int) -> tuple[int, PlacedKey] | None:
        for index, placed in self._placed(*self._pieces()):
            if placed.start <= x < placed.end and placed.whole:
                return index, placed
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        found = self._key_at(event.x)
        self.hovered = found[0] if found else None
        self.tooltip = (found[1].tooltip or None) if found else None

    def on_leave(self) -> None:
        self.hovered = None
        self.tooltip = None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        found = self._key_at(event.x)
        if found is None:
            return
        if found[1].enabled:
            self.app.simulate_key(found[1].key)
        else:
            self.app.bell()
