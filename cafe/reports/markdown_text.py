"""Text that Markdown shows as written: the reports' Markdown escapes every value."""

from __future__ import annotations

import re

from cafe.reports.safe import safe_text

_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(
    r"^(\s*)(>|#{1,6}(?=\s|$)|[+\-](?=\s|$)|\d{1,9}[.)](?=\s|$)|[=\-]+(?=\s*$))"
)
"""What makes a line a quote, heading, list item or heading underline; nothing else.
A phone number ("+46 70 …") or "1.5 miljoner" is text, so it keeps no backslash."""


def md_escape(value: object) -> str:
    """Text that Markdown shows literally: no emphasis, links, HTML or headings."""
    lines = []
    for line in safe_text(value, multiline=True).split("\n"):
        line = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", line))
        lines.append(_LINE_START.sub(_escape_start, line))
    return "\n".join(lines)


def _escape_start(found: re.Match[str]) -> str:
    """A backslash where Markdown reads one: "\\- punkt", "1\\. lista" (not "\\1.")."""
    indent, mark = found.group(1), found.group(2)
    if mark[0].isdigit():
        return f"{indent}{mark[:-1]}\\{mark[-1]}"
    return f"{indent}\\{mark}"


def md_block(value: object, indent: int = 0) -> str:
    """``md_escape`` for text inside a list item: each line break kept, lines indented."""
    return ("\\\n" + " " * indent).join(md_escape(value).split("\n"))
