"""Filling ``{challenge}`` into the agenda's texts, so that the sentences read well."""

from __future__ import annotations

PLACEHOLDER = "{challenge}"
"""Replaced by the meeting's challenge in every text of the agenda (see ``Agenda.filled``)."""


def fill_challenge(text: str, challenge: str, language: str = "sv") -> str:
    """``text`` with ``{challenge}`` replaced by ``challenge``."""
    return text.replace(PLACEHOLDER, challenge)
