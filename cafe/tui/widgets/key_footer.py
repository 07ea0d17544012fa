"""The footer of key bindings, rebuilt only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's ``Footer``, without the rebuilds that change nothing.

    ``Footer`` rebuilds all its keys (a dozen widgets with heavy styles) each time the
    screen says its bindings changed: when it is shown, on every change of focus and after
    every action, several times per refresh. Rebuilding was a quarter of ``cafe run``'s
    time to its first frame, and it reappears on every key press. This footer rebuilds at
    most once per refresh, and only when the keys shown, their labels or whether they are
    enabled differ from what it shows.
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: Hashable | None = None
        self._rebuild_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._rebuild_pending:
            return
        if self.is_attached and screen is self.screen:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild_if_changed)

    def _keys_shown(self) -> Hashable:
        return tuple(
            (binding.key, binding.description, binding.action, binding.show, enabled, tooltip)
            for (_node, binding, enabled, tooltip) in self.screen.active_bindings.values()
        )

    async def _rebuild_if_changed(self) -> None:
        self._rebuild_pending = False
        if not self.is_attached:
            return
        shown = self._keys_shown()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
