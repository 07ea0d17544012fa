"""Participants: who they are, which sector they come from, and sector aliases.

The sector matters because every café table should mix the municipality and civil
society; facilitators type it in Swedish or English, and registration lists exported from
Excel say it in many ways ("Ideell förening", "Kommunal verksamhet", "Privat företag"),
so many words are accepted, whatever their case and accents.

One person is registered once: ``same_person`` is the rule every front end uses before it
adds someone (the service refuses a second "Åsa Öberg" unless told the twin is real).
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import msgspec

from cafe.core.errors import Message, Problem, Translate, ValidationError
from cafe.i18n import current_language


class Sector(StrEnum):
    """The four sectors a participant can represent."""

    PUBLIC = "public"
    CIVIL = "civil"
    BUSINESS = "business"
    OTHER = "other"


def match_key(text: str) -> str:
    """``text`` compared as people mean it: case, accents and extra spaces ignored.

    ``match_key("  Åsa   ÖBERG ") == match_key("asa oberg")``. Invisible and control
    characters (which a pasted name may carry) are dropped too.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = (
        c
        for c in decomposed
        if not unicodedata.combining(c) and unicodedata.category(c) not in ("Cc", "Cf")
    )
    return " ".join("".join(kept).split())


_SWEDISH_WORDS: dict[Sector, tuple[str, ...]] = {
    Sector.PUBLIC: (
        "offentlig",
        "offentlig sektor",
        "kommun",
        "kommunen",
        "kommunal",
        "kommunal verksamhet",
        "kommunalt bolag",
        "region",
        "landsting",
        "myndighet",
        "statlig",
        "statlig myndighet",
    ),
    Sector.CIVIL: (
        "förening",
        "ideell förening",
        "ideell",
        "ideell organisation",
        "idéburen",
        "idéburen organisation",
        "idéburen sektor",
        "civilsamhälle",
        "civilsamhället",
        "trossamfund",
        "församling",
        "stiftelse",
    ),
    Sector.BUSINESS: (
        "företag",
        "privat företag",
        "näringsliv",
        "näringslivet",
        "privat sektor",
        "bolag",
        "aktiebolag",
        # A social enterprise sells goods or services to reach a social aim; Tillväxtverket
        # and the ESF count it as an enterprise, and at the table it brings the business
        # view. One run as an idéburen organisation (an ideell or ekonomisk förening that
        # reinvests its surplus) can say förening or idéburen instead.
        "socialt företag",
    ),
    Sector.OTHER: (
        "annat",
        "annan",
        "övrigt",
        "övrig",
        "privatperson",
    ),
}

_ENGLISH_WORDS: dict[Sector, tuple[str, ...]] = {
    # As broad as the Swedish words: what English registration lists write in the column
    # ("Non-profit association", "Religious community", "Municipal company"). The guides
    # list every word under "Sector words" / "Sektorord"; a test keeps them in step.
    Sector.PUBLIC: (
        "public",
        "public sector",
        "municipality",
        "the municipality",
        "municipal",
        "municipal services",
        "municipal company",
        "council",
        "local authority",
        "local government",
        "region",
        "regional",
        "county council",
        "government",
        "government agency",
        "agency",
        "public authority",
        "state",
        "state agency",
    ),
    Sector.CIVIL: (
        "civil",
        "civil society",
        "civil society organisation",
        "civil society organization",
        "association",
        "non-profit",
        "nonprofit",
        "non-profit association",
        "non-profit organisation",
        "non-profit organization",
        "voluntary organisation",
        "voluntary organization",
        "voluntary sector",
        "ngo",
        "charity",
        "foundation",
        "faith community",
        "religious community",
        "church",
        "parish",
        "congregation",
    ),
    Sector.BUSINESS: (
        "business",
        "company",
        "private company",
        "private business",
        "private sector",
        "enterprise",
        "limited company",
        "social enterprise",
    ),
    Sector.OTHER: ("other", "individual", "private person", "private individual"),
}

_SECTOR_ALIASES: dict[str, Sector] = {
    match_key(word): sector
    for table in (_ENGLISH_WORDS, _SWEDISH_WORDS)
    for sector, words in table.items()
    for word in words
}


@lru_cache(maxsize=1024)
def parse_sector(text: str) -> Sector | None:
    """The sector named by ``text`` (English or a Swedish word, any case), or ``None``.

    Remembered: a list of 100,000 people says its sectors a handful of ways, and working
    each out again (accents folded character by character) took a tenth of an import.
    """
    return _SECTOR_ALIASES.get(match_key(text))


def sector_by_start(text: str) -> Sector | None:
    """The one sector whose words begin with ``text`` ("civ": civil society), else ``None``.

    The console's sector field suggests the rest of a word as it is typed; Enter on the
    start ("civ", the suggestion "civil" shown) used to be refused as an unknown sector.
    """
    start = match_key(text)
    found = {sector for word, sector in _SECTOR_ALIASES.items() if start and word.startswith(start)}
    return found.pop() if len(found) == 1 else None


def sector_guess(text: str) -> str | None:
    """The sector word ``text`` most likely means, for "did you mean", or ``None``.

    A Swedish compound ends on what it is ("idrottsförening" is a "förening"), and a
    typo is one or two letters off ("ideel förening"). Only suggested, never taken: a
    "bostadsbolag" may be the municipality's.
    """
    key = match_key(text)
    if not key:
        return None
    spelt = {match_key(word): word for word in sector_names()}
    endings = [word for word in spelt if len(word) >= 5 and key.endswith(word) and word != key]
    if endings:
        return spelt[max(endings, key=len)]
    close = difflib.get_close_matches(key, list(spelt), n=1, cutoff=0.85)
    return spelt[close[0]] if close else None


def sector_names() -> list[str]:
    """Every accepted word, as it is spelt (for suggestions while typing)."""
    return sorted(
        {
            word
            for table in (_SWEDISH_WORDS, _ENGLISH_WORDS)
            for words in table.values()
            for word in words
        }
    )


def sector_words(language: str | None = None) -> dict[Sector, list[str]]:
    """The words accepted for each sector, for messages: Swedish ones in Swedish, and in
    English the English ones followed by the Swedish ones (lists are often Swedish)."""
    if (language or current_language()) == "sv":
        return {sector: list(words) for sector, words in _SWEDISH_WORDS.items()}
    return {
        sector: list(dict.fromkeys([*_ENGLISH_WORDS[sector], *_SWEDISH_WORDS[sector]]))
        for sector in Sector
    }


@dataclass(frozen=True, slots=True)
class _SectorWords:
    """The words for one sector in the language a message is shown in (a ``Wording``)."""

    sector: Sector

    def text(self, translate: Translate | None = None) -> str:
        return ", ".join(sector_words(getattr(translate, "lang", None))[self.sector])


def unknown_sector(code: str, value: str) -> Message:
    """Why ``value`` is not a sector, with every word that is, in the reader's language.

    The one list for every place a sector is typed (a CSV cell, the door, ``--sector``):
    the door used to name four words while it accepted the forty a list may use.
    """
    words = {sector.value: _SectorWords(sector) for sector in Sector}
    return Message(code, {"value": value, **words})


_ON_THEIR_OWN = frozenset(
    match_key(word)
    for word in ("privatperson", "privat", "private person", "private individual", "individual")
)
"""What registration lists and phones put in the organisation field for someone who comes
on their own behalf: the sector words for a private person, and "privat"."""


def is_private_person(organisation: str) -> bool:
    """Whether ``organisation`` says the person came on their own behalf: left empty (the
    door and the phone's form do not ask for one) or "Privatperson", as registration
    lists often fill the column. Reports count such people; naming "Privatperson" among
    the organisations made it look like one, and counted it as one."""
    key = match_key(organisation)
    return not key or key in _ON_THEIR_OWN


class Participant(msgspec.Struct, frozen=True):
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
    took_part: bool = False
    """Was here while the meeting was under way (present when a step after the door's
    check-in started, or marked present after): someone who leaves after round 2 is no
    longer ``present`` but took part, and is counted and thanked as the no-show is not.
    Kept by the state, not typed."""


class PersonInput(msgspec.Struct, frozen=True):
    """A participant as typed or imported, before it has an id."""

    name: str
    organisation: str = ""
    sector: str = "other"
    email: str = ""
    phone: str = ""
    host: bool = False
    present: bool = False


def same_person(name: str, organisation: str, other: Participant) -> bool:
    """Whether someone typed as ``name`` from ``organisation`` is ``other``.

    The same name and the same organisation, ignoring case, accents and extra spaces
    ("asa oberg" is "Åsa Öberg"); an organisation left empty on either side matches any,
    since the door often does not ask for it.
    """
    wanted = match_key(name)
    if not wanted or wanted != match_key(other.name):
        return False
    mine, theirs = match_key(organisation), match_key(other.organisation)
    return not mine or not theirs or mine == theirs


def find_same_person(
    name: str, organisation: str, existing: Iterable[Participant]
) -> Participant | None:
    """The first of ``existing`` who is the person typed (``same_person``), or ``None``."""
    return next((p for p in existing if same_person(name, organisation, p)), None)


class AlreadyInMeeting(ValidationError):
    """Adding this person would register ``existing`` a second time.

    The front ends add how to add them anyway (``--again``, a second Enter).
    """

    def __init__(self, existing: Participant) -> None:
        self.existing = existing
        who = existing.name
        if existing.organisation:
            who = f"{who} ({existing.organisation})"
        super().__init__([Problem.coded("service.already_here", who=who, id=existing.id)])


def namesake_organisations(people: Iterable[Participant]) -> dict[str, str]:
    """The organisation of each person whose name another person also has ("Emma Berg" of
    Hageby municipality and "Emma Berg" of the Red Cross), by id: what the projector and
    the console add in brackets to tell them apart, as the phone's seat page does.

    Names are compared as people mean them (case, accents and spaces ignored); a person
    without an organisation, or namesakes all of one organisation, get nothing, since the
    brackets would not tell them apart.
    """
    by_name: dict[str, list[Participant]] = {}
    for person in people:
        by_name.setdefault(match_key(person.name), []).append(person)
    told: dict[str, str] = {}
    for namesakes in by_name.values():
        if len({match_key(p.organisation) for p in namesakes}) < 2:
            continue
        told.update({p.id: p.organisation.strip() for p in namesakes if p.organisation.strip()})
    return told


def told_apart(name: str, organisation: str | None) -> str:
    """``name``, with ``organisation`` in brackets when it tells a namesake apart."""
    return f"{name} ({organisation})" if organisation else name
