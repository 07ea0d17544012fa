"""Where a key path (``steps[3].minutes``) is written in an agenda's text.

The TOML parser gives values, not positions; co-hosts need the line to fix, so a cheap scan of
the text maps each key path to the line and column that define it.
"""

from __future__ import annotations

import re

_BARE_OR_QUOTED = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = rf"{_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*"
_KEY_LINE = re.compile(rf"^(\s*)({_DOTTED})\s*=")
_ARRAY_HEADER = re.compile(rf"^(\s*)\[\[\s*({_DOTTED})\s*\]\]")
_TABLE_HEADER = re.compile(rf"^(\s*)\[\s*({_DOTTED})\s*\]")
_KEY_PART = re.compile(_BARE_OR_QUOTED)


def _key_parts(dotted: str) -> list[str]:
    parts = []
    for match in _KEY_PART.finditer(dotted):
        part = match.group(0)
        if part[:1] in "\"'":
            part = part[1:-1]
        parts.append(part)
    return parts


def _multiline_toggle(line: str, open_quote: str | None) -> str | None:
    """Track whether the next line is inside a ``\"\"\"`` or ``'''`` string (best effort)."""
    if open_quote is not None:
        return None if line.count(open_quote) % 2 == 1 else open_quote
    for quote in ('"""', "'''"):
        if line.count(quote) % 2 == 1:
            return quote
    return None


class KeyLocator:
    """Maps key paths (``steps[3].minutes``) to the line and column that define them.

    A cheap scan of the text, not a second parser: it follows table headers, arrays of
    tables and key/value lines, and skips multi-line strings. Keys it cannot place (in
    inline tables, say) fall back to their nearest parent that it can.
    """

    def __init__(self, text: str) -> None:
        self.where: dict[str, tuple[int, int]] = {}
        self.twice: dict[int, tuple[str, int]] = {}
        """Line -> (key path, earlier line) for a key or [table] defined a second time."""
        defined: dict[str, int] = {}
        counts: dict[str, int] = {}
        prefix = ""
        open_quote: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if open_quote is not None:
                open_quote = _multiline_toggle(line, open_quote)
                continue
            stripped = line.strip()
            if stripped.startswith("#"):
                continue
            if match := _ARRAY_HEADER.match(line):
                parts = _key_parts(match.group(2))
                name = ".".join(parts)
                counts[name] = counts.get(name, 0) + 1
                for other in [k for k in counts if k.startswith(name + ".")]:
                    del counts[other]
                prefix = self._path(parts, counts)
                self._record(parent_path(prefix), number, len(match.group(1)) + 1)
                self._record(prefix, number, len(match.group(1)) + 1)
            elif match := _TABLE_HEADER.match(line):
                parts = _key_parts(match.group(2))
                prefix = self._path(parts, counts)
                self._record(prefix, number, len(match.group(1)) + 1)
                self._define(defined, prefix, number)
            elif match := _KEY_LINE.match(line):
                parts = _key_parts(match.group(2))
                column = len(match.group(1)) + 1
                for depth in range(1, len(parts) + 1):
                    path = ".".join([prefix, *parts[:depth]]) if prefix else ".".join(parts[:depth])
                    self._record(path, number, column)
                self._define(defined, path, number)
            open_quote = _multiline_toggle(line, None)

    @staticmethod
    def _path(parts: list[str], counts: dict[str, int]) -> str:
        path = []
        for depth, part in enumerate(parts, start=1):
            name = ".".join(parts[:depth])
            path.append(f"{part}[{counts[name]}]" if name in counts else part)
        return ".".join(path)

    def _define(self, defined: dict[str, int], path: str, line: int) -> None:
        if path in defined:
            self.twice.setdefault(line, (path, defined[path]))
        else:
            defined[path] = line

    def _record(self, path: str, line: int, column: int) -> None:
        self.where.setdefault(path, (line, column))

    def __call__(self, path: str) -> tuple[int, int] | None:
        while path:
            if path in self.where:
                return self.where[path]
            path = parent_path(path)
        return None


def parent_path(path: str) -> str:
    if path.endswith("]"):
        return path[: path.rindex("[")]
    return path.rpartition(".")[0]
