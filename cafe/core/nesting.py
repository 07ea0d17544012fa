"""How deeply lists and tables nest in a TOML or JSON text, found before parsing it.

The TOML parser (tomli) and ``json`` parse nesting by recursion, so a file nested a few
thousand levels deep stops them with ``RecursionError`` (a traceback, not a message).
Counting brackets first, outside strings and comments, lets the readers refuse such a
file with its line and column. The count is a guard, not a parser: a text it misreads is
one the parser then reports as a syntax error.
"""

from __future__ import annotations

import re

_TOKENS = re.compile(
    r'"""(?:\\.|[^\\])*?"""'  # TOML multi-line basic string
    r"|'''.*?'''"  # TOML multi-line literal string
    r'|"(?:\\.|[^"\\\n])*"'  # basic (and JSON) string
    r"|'[^'\n]*'"  # TOML literal string
    r"|#[^\n]*"  # TOML comment
    r"|[\[\]{}]",
    re.DOTALL,
)


def too_deep(text: str, limit: int) -> tuple[int, int] | None:
    """The 1-based line and column where nesting first goes past ``limit``, or ``None``."""
    depth = 0
    for token in _TOKENS.finditer(text):
        mark = token.group()
        if mark in "[{":
            depth += 1
            if depth > limit:
                position = token.start()
                line = text.count("\n", 0, position) + 1
                column = position - (text.rfind("\n", 0, position) + 1) + 1
                return line, column
        elif mark in "]}":
            depth = max(depth - 1, 0)
    return None
