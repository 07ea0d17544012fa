"""The command palette (Ctrl+P): every action of the bindings registry, translated.

Descriptions and key names are handed to the palette as text, never as Textual markup: a
translation or a key shown as ``[`` must not be read as a tag.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from cafe.tui.bindings import REGISTRY, Key


class CafeCommands(Provider):
    """Offers the app's actions and those of the screen the palette was opened over."""

    def _keys(self) -> list[Key]:
        scope = getattr(self.screen, "SCOPE", None)
        return [k for k in REGISTRY if k.palette and k.scope in ("app", scope)]

    def _runner(self, key: Key) -> Callable[[], Coroutine[Any, Any, None]]:
        namespace = self.app if key.scope == "app" else self.screen

        async def run() -> None:
            await self.app.run_action(key.action, namespace)

        return run

    async def discover(self) -> Hits:
        for key in self._keys():
            yield DiscoveryHit(
                Content(key.description),
                self._runner(key),
                text=key.description,
                help=escape(key.shown_keys),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for key in self._keys():
            score = matcher.match(key.description)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(escape(key.description)),
                    self._runner(key),
                    text=key.description,
                    help=escape(key.shown_keys),
                )
