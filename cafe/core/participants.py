"""Participants: who they are, which sector they come from, and sector aliases.

The sector matters because every café table should mix the municipality and civil
society; facilitators type it in Swedish or English, so aliases are accepted.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum


class Sector(StrEnum):
    """The four sectors a participant can represent."""

    PUBLIC = "public"
    CIVIL = "civil"
    BUSINESS = "business"
    OTHER = "other"


_SECTOR_ALIASES: dict[str, Sector] = {
    "public": Sector.PUBLIC,
    "kommun": Sector.PUBLIC,
    "region": Sector.PUBLIC,
    "offentlig": Sector.PUBLIC,
    "offentlig sektor": Sector.PUBLIC,
    "municipality": Sector.PUBLIC,
    "civil": Sector.CIVIL,
    "civil society": Sector.CIVIL,
    "förening": Sector.CIVIL,
    "forening": Sector.CIVIL,
    "civilsamhälle": Sector.CIVIL,
    "civilsamhället": Sector.CIVIL,
    "idéburen": Sector.CIVIL,
    "ideburen": Sector.CIVIL,
    "business": Sector.BUSINESS,
    "företag": Sector.BUSINESS,
    "foretag": Sector.BUSINESS,
    "näringsliv": Sector.BUSINESS,
    "naringsliv": Sector.BUSINESS,
    "other": Sector.OTHER,
    "annat": Sector.OTHER,
    "annan": Sector.OTHER,
}


def parse_sector(text: str) -> Sector | None:
    """The sector named by ``text`` (English or a Swedish alias), or ``None``."""
    key = " ".join(unicodedata.normalize("NFC", text).strip().lower().split())
    return _SECTOR_ALIASES.get(key)


def sector_names() -> list[str]:
    """Every accepted spelling, for error messages."""
    return sorted(_SECTOR_ALIASES)


@dataclass(frozen=True, slots=True)
class Participant:
    """A person at (or registered for) the meeting.

    ``id`` is stable for the life of the meeting and is what seating plans refer to.
    """

    id: str
    name: str
    organisation: str = ""
    sector: Sector = Sector.OTHER
    email: str = ""
    phone: str = ""
    host: bool = False
    """Volunteers to stay at a table as its host."""
    present: bool = False


@dataclass(frozen=True, slots=True)
class PersonInput:
    """A participant as typed or imported, before it has an id."""

    name: str
    organisation: str = ""
    sector: str = "other"
    email: str = ""
    phone: str = ""
    host: bool = False
    present: bool = False
