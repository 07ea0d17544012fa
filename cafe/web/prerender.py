"""Pages rendered once per shape, then filled in per request.

Five hundred phones signing up at once each get a confirmation page that is the same for
everyone reading the same language, except for a few texts: the name, the lists chosen.
Rendering it with Jinja cost about 0.3 ms a page, a third of the server's work per
sign-up. ``Prerendered`` renders each shape once with a stand-in for every text (a NUL,
random digits drawn at start-up, the text's number, a NUL: nothing an agenda or a catalogue
holds), cuts the result at the stand-ins, and per request joins the pieces with the texts
escaped as Jinja's autoescape would. The page a phone gets is byte for byte the one
Jinja renders (``tests/web/test_prerendered_pages.py`` compares them).

What the caller promises: the ``shape`` key determines everything the template reads
except the texts, and the template only prints a text (or passes it to ``t()``, whose
catalogue strings insert it as it is); a test or a filter on a text (``|length``) would
see the stand-in. So every ``{% if %}`` on a text is in the key (``bool(organisation)``).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Hashable, Sequence

from markupsafe import escape

_WORD = f"{secrets.randbelow(10**16):016d}"
"""Digits, so no filter that changes case can change a stand-in unseen."""
_STAND_IN = re.compile(f"\x00{_WORD}([0-9]+)\x00")

MAX_SHAPES = 256
"""Shapes kept (two languages times which fields were filled in: a few dozen at most)."""


def stand_ins(count: int) -> list[str]:
    """``count`` texts that pass through a template, ``t()`` and autoescape unchanged."""
    return [f"\x00{_WORD}{index}\x00" for index in range(count)]


class Prerendered:
    """Rendered pages cut at their texts' stand-ins, one per shape."""

    def __init__(self, max_shapes: int = MAX_SHAPES) -> None:
        self.max_shapes = max_shapes
        self._pieces: dict[Hashable, list[str | int]] = {}

    def fill(
        self, shape: Hashable, texts: Sequence[str], render: Callable[[list[str]], str]
    ) -> str:
        """The page of ``shape`` with ``texts`` in it, escaped.

        ``render(stand_ins)`` renders the page with ``stand_ins[i]`` in place of
        ``texts[i]``; it is only called the first time a shape is asked for.
        """
        pieces = self._pieces.get(shape)
        if pieces is None:
            pieces = self._cut(render(stand_ins(len(texts))), len(texts))
            if len(self._pieces) >= self.max_shapes:
                self._pieces.clear()
            self._pieces[shape] = pieces
        escaped = [str(escape(text)) for text in texts]
        return "".join(p if isinstance(p, str) else escaped[p] for p in pieces)

    @staticmethod
    def _cut(html: str, count: int) -> list[str | int]:
        """The page as text pieces and stand-in numbers, in order."""
        parts = _STAND_IN.split(html)
        pieces: list[str | int] = []
        for index, part in enumerate(parts):
            if index % 2 == 0:
                if _WORD in part:
                    raise ValueError("a stand-in was changed by the template")
                if part:
                    pieces.append(part)
            else:
                number = int(part)
                if number >= count:
                    raise ValueError(f"stand-in {number} for {count} texts")
                pieces.append(number)
        return pieces
