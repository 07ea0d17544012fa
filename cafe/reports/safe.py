"""Text and files that survive anything a participant typed.

``safe_text`` makes any value fit for XML (slides), CSV and Markdown; ``write_atomically``
replaces a file in one step, so a crash mid-report leaves the old file or the whole new
one, never half of either.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

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


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a synced temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
