"""Text that Markdown shows as written: the reports' Markdown escapes every value."""

from __future__ import annotations

import re

from cafe.reports.safe import safe_text

_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")


def md_escape(value: object) -> str:
    """Text that Markdown shows literally: no emphasis, links, HTML or headings."""
    lines = []
    for line in safe_text(value, multiline=True).split("\n"):
        line = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", line))
        lines.append(_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line))
    return "\n".join(lines)


def md_block(value: object, indent: int = 0) -> str:
    """``md_escape`` for text inside a list item: each line break kept, lines indented."""
    return ("\\\n" + " " * indent).join(md_escape(value).split("\n"))
