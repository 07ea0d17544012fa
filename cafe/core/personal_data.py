"""What counts as personal data in a meeting, and how free text is cleared of it.

Names, e-mail addresses and phone numbers sit in their own fields (a participant, a
sign-up, a check-out thought's author), but people also type them into free text: "ring
mig på 070-123 45 67" in a check-out thought, a name in an idea, a sole trader whose
organisation is their own name. A purge blanks the fields and masks the rest; the same
rules decide what ``cafe purge`` looks for in the other files of the meeting folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import msgspec

from cafe.core.events import Event, EventKind

MASK = "[…]"
"""What a masked name, address or number becomes in free text."""

PERSONAL_FIELDS: dict[EventKind, frozenset[str]] = {
    EventKind.PARTICIPANT_ADDED: frozenset({"name", "email", "phone"}),
    EventKind.PARTICIPANT_CHANGED: frozenset({"name", "email", "phone"}),
    EventKind.SIGNED_UP: frozenset({"name", "email", "phone"}),
    EventKind.CHECKOUT_NOTED: frozenset({"author"}),
}
"""The fields of each kind of event that identify a person: blanked by a purge."""

FREE_TEXT_FIELDS: dict[EventKind, frozenset[str]] = {
    EventKind.PARTICIPANT_ADDED: frozenset({"organisation"}),
    EventKind.PARTICIPANT_CHANGED: frozenset({"organisation"}),
    EventKind.SIGNED_UP: frozenset({"organisation"}),
    EventKind.IDEA_CAPTURED: frozenset({"text"}),
    EventKind.IDEA_EDITED: frozenset({"text"}),
    EventKind.IDEAS_MERGED: frozenset({"text"}),
    EventKind.THEME_CREATED: frozenset({"name"}),
    EventKind.THEME_RENAMED: frozenset({"name"}),
    EventKind.CHECKOUT_NOTED: frozenset({"text"}),
}
"""Fields people type freely: kept by a purge, with names and contacts masked."""

EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w+])\+?\d[\d ()\-]{5,}\d(?!\w)")
MIN_PHONE_DIGITS = 7
"""Fewer digits are a year, a count or an amount, not a number to call."""
MIN_NAME_LENGTH = 3
"""Shorter names ("Bo") are blanked in their fields only: masking every "bo" in free text
would eat words, and searching files for them would find them everywhere."""


def _is_phone(text: str) -> bool:
    digits = sum(c.isdigit() for c in text)
    return MIN_PHONE_DIGITS <= digits <= 15 and (text.startswith(("+", "0")))


def contacts_in(text: str) -> list[str]:
    """E-mail addresses and phone numbers written in ``text``."""
    found = [m.group() for m in EMAIL.finditer(text)]
    found += [m.group().strip() for m in PHONE.finditer(text) if _is_phone(m.group().strip())]
    return found


class PersonalData(msgspec.Struct, frozen=True):
    """Every name, address and number a meeting's log holds, to blank, mask and look for."""

    names: frozenset[str]
    contacts: frozenset[str]

    @property
    def needles(self) -> list[str]:
        """What must not be left in any file: long enough names, every contact."""
        words = {n for n in self.names if len(n) >= MIN_NAME_LENGTH}
        return sorted(words | self.contacts, key=len, reverse=True)

    def pattern(self) -> re.Pattern[str] | None:
        """One pattern for all of it: whole words, any case, a genitive ``s`` included."""
        if not self.needles:
            return None
        alternatives = "|".join(re.escape(n) for n in self.needles)
        return re.compile(rf"(?<!\w)(?:{alternatives})s?(?!\w)", re.IGNORECASE)

    def mask(self, text: str) -> str:
        """``text`` with every name, address and number replaced by ``MASK``."""
        for contact in contacts_in(text):
            text = text.replace(contact, MASK)
        pattern = self.pattern()
        return pattern.sub(MASK, text) if pattern else text

    def found_in(self, text: str) -> bool:
        """Whether any of it is in ``text`` (as ``mask`` would find it)."""
        pattern = self.pattern()
        return bool(pattern and pattern.search(text))


def personal_data(events: Iterable[Event]) -> PersonalData:
    """The names and contacts in ``events``: personal fields, and contacts in free text."""
    names: set[str] = set()
    contacts: set[str] = set()
    for event in events:
        for field in PERSONAL_FIELDS.get(event.kind, ()):
            value = event.data.get(field)
            if not isinstance(value, str) or not value.strip():
                continue
            if field in ("name", "author"):
                names.add(value.strip())
            else:
                contacts.add(value.strip())
        for field in FREE_TEXT_FIELDS.get(event.kind, ()):
            value = event.data.get(field)
            if isinstance(value, str):
                contacts.update(contacts_in(value))
    return PersonalData(frozenset(names), frozenset(contacts))


def cleared(event: Event, found: PersonalData) -> dict[str, object] | None:
    """``event``'s payload with personal fields blanked and free text masked.

    ``None`` when there is nothing to change, so a purge rewrites only what it must.
    """
    data = dict(event.data)
    for field in PERSONAL_FIELDS.get(event.kind, ()):
        if data.get(field):
            data[field] = ""
    for field in FREE_TEXT_FIELDS.get(event.kind, ()):
        value = data.get(field)
        if isinstance(value, str):
            data[field] = found.mask(value)
    return None if data == event.data else data
