"""Text that survives anything a participant typed.

``safe_text`` makes any value fit for XML (slides), CSV and Markdown. (Files are written
all or none by ``cafe.storage.output``.)
"""

from __future__ import annotations

import re
import unicodedata

from cafe.core.text import collation_key

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]")


def safe_text(value: object, *, multiline: bool = False) -> str:
    """``value`` as text that XML, CSV and Markdown can hold: NFC, no control characters.

    Bidi overrides are removed (they can reorder what a reader sees); right-to-left
    letters themselves are kept. Without ``multiline`` all whitespace runs become one space.
    """
    text = "" if value is None else str(value)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", _NOT_XML.sub("", text.replace("\t", " ")))
    if multiline:
        lines = [" ".join(line.split()) for line in text.split("\n")]
        return "\n".join(line for line in lines if line).strip()
    return " ".join(text.split())


def sort_key(text: str) -> str:
    """Alphabetical order as a Swede expects it: å, ä and ö after z."""
    return collation_key(text, "sv")
