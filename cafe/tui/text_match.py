"""Matching names as people type them: case and accents ignored ("asa" finds "Åsa")."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
