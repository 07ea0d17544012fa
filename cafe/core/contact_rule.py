"""Rule 1: who may be written to, and whose contact details the working group may see.

An e-mail address given when registering for the meeting (the import or the door) was
collected partly so that everyone gets the meeting's own feedback letter: it may be used
for that letter, and for nothing else. An address or phone number given on a sign-up
list goes to the working group, and to the letter, only when the consent box was ticked.
Every output (the letter's recipients, ``cafe send``, participants.csv, signups.csv, the
summary and the decks) asks this one function, so they cannot disagree.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum


class Source(StrEnum):
    """Where an address came from."""

    REGISTRATION = "registration"
    """The participant list: imported, or typed in at the door."""
    SIGNUP = "signup"
    """A sign-up list for continuing in the working group (paper, phone or console)."""


class Purpose(StrEnum):
    """What an address is about to be used for."""

    FEEDBACK_LETTER = "feedback_letter"
    """The meeting's own letter to everyone who took part."""
    WORKING_GROUP = "working_group"
    """Shown to the working group (lists, CSV files, the summary, the decks)."""


def may_use(source: Source, purpose: Purpose, *, consent: bool) -> bool:
    """Rule 1: may a contact detail from ``source`` be used for ``purpose``?"""
    if source is Source.REGISTRATION and purpose is Purpose.FEEDBACK_LETTER:
        return True
    return consent


def address_key(address: str) -> str:
    """How the log remembers that the letter reached an address: a hash, however the
    address is spelt (``Anna@X.se`` = ``anna@x.se``), so the log holds no address itself."""
    return hashlib.sha256(address.strip().casefold().encode("utf-8")).hexdigest()
