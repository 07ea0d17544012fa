"""Cleaning and checking what people type, before it is stored.

Text arrives from keyboards, phones and spreadsheets. It is normalised (NFC, so "å"
typed two ways is one name), stripped of control and invisible formatting characters that
could hide or spoof content (joiners that emoji and Persian need are kept), and capped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from cafe.core.errors import Message, Problem, Where

LIMITS: dict[str, int] = {
    "name": 120,
    "organisation": 160,
    "email": 254,
    "phone": 40,
    "idea": 2000,
    "theme": 120,
    "checkout": 1000,
    "author": 120,
}
"""Maximum characters per field; longer input is refused with a message, not cut."""

_JOINERS = {"\u200c", "\u200d"}
"""Zero width non-joiner and joiner: Persian, Indic scripts and emoji sequences need them,
so they are kept between two visible characters of such a script (or emoji) and dropped
anywhere else (between Latin letters they only hide a difference: "Å\u200dsa" is not "Åsa")."""

_INVISIBLE_LETTERS = {
    "\u034f",  # combining grapheme joiner
    "\u115f",  # hangul choseong filler
    "\u1160",  # hangul jungseong filler
    "\u3164",  # hangul filler
    "\uffa0",  # halfwidth hangul filler
}
"""Characters outside the format category (Cf) that draw nothing and make a name look blank."""

_VISIBLE_CATEGORIES = ("L", "M", "N", "S", "P")
"""A joiner survives only between two characters of these categories (not spaces)."""

_NO_JOINER_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_PHONE = re.compile(r"^\+?[0-9 ()\-]{6,}$")


def _joinable(char: str) -> bool:
    """A visible character of a script or symbol set that joiners can shape (not ASCII,
    Latin, Greek or Cyrillic, which never need one)."""
    return (
        ord(char) >= 0x0590
        and unicodedata.category(char)[0] in _VISIBLE_CATEGORIES
        and not unicodedata.name(char, "").startswith(_NO_JOINER_SCRIPTS)
    )


def _invisible(char: str) -> bool:
    """Format characters (bidi marks and overrides, soft hyphen, tag characters, byte
    order mark, ...) and blank fillers: they can hide, reorder or spoof what is shown."""
    return unicodedata.category(char) == "Cf" or char in _INVISIBLE_LETTERS


_FILLERS = re.compile("[" + "".join(sorted(_INVISIBLE_LETTERS)) + "]")


def clean(text: str, *, multiline: bool = False) -> str:
    """Normalised text without control or invisible formatting characters."""
    text = unicodedata.normalize("NFC", text)
    if text.isprintable() and not _FILLERS.search(text):
        # Nearly every name and idea: no control, format (joiners included), separator
        # other than the space, unassigned or private character, and no blank filler, so
        # there is nothing to drop, only spaces to collapse (a list of 100,000 people is
        # 600,000 fields: character by character they took most of an import's time).
        return " ".join(text.split())
    return _clean_each(text, multiline=multiline)


def _clean_each(text: str, *, multiline: bool = False) -> str:
    """``clean`` for text with characters to look at one by one (already NFC)."""
    kept: list[str] = []
    for index, char in enumerate(text):
        if char in _JOINERS:
            following = text[index + 1 : index + 2]
            if kept and _joinable(kept[-1]) and following and _joinable(following):
                kept.append(char)
        elif _invisible(char):
            continue
        elif char in "\n\t" and multiline:
            kept.append(char)
        elif char in "\r\n\t":
            kept.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn"):
            continue
        else:
            kept.append(char)
    result = "".join(kept)
    if multiline:
        lines = [" ".join(line.split()) for line in result.replace("\r", "").split("\n")]
        return "\n".join(lines).strip()
    return " ".join(result.split())


def _field_name(field: str) -> Message:
    """``name``, ``e-mail``, ``the idea`` ...: put into words with the message."""
    return Message(f"text.field.{field}")


def check_field(
    field: str,
    value: str,
    problems: list[Problem],
    *,
    where: Where = "",
    required: bool = False,
    multiline: bool = False,
    limit_key: str | None = None,
) -> str:
    """Clean ``value`` and record a problem (``text.required``, ``text.too_long``) if it
    is missing or too long; the problem names ``field`` and sits at ``where``."""
    cleaned = clean(value or "", multiline=multiline)
    label = where or field
    limit = LIMITS.get(limit_key or field, 1000)
    if required and not cleaned:
        problems.append(
            Problem.coded("text.required", field=field, where=label, name=_field_name(field))
        )
    elif len(cleaned) > limit:
        problems.append(
            Problem.coded(
                "text.too_long",
                field=field,
                where=label,
                name=_field_name(field),
                limit=limit,
                length=len(cleaned),
            )
        )
    return cleaned


def check_email(value: str, problems: list[Problem], where: Where = "email") -> str:
    """A cleaned e-mail address, or a ``text.bad_email`` problem."""
    cleaned = check_field("email", value, problems, where=where)
    if cleaned and not _EMAIL.match(cleaned):
        problems.append(Problem.coded("text.bad_email", field="email", where=where, value=cleaned))
    return cleaned


def check_phone(value: str, problems: list[Problem], where: Where = "phone") -> str:
    """A cleaned phone number, or a ``text.bad_phone`` problem."""
    cleaned = check_field("phone", value, problems, where=where)
    digits = sum(ch.isdigit() for ch in cleaned)
    if cleaned and (not _PHONE.match(cleaned) or digits < 6):
        problems.append(Problem.coded("text.bad_phone", field="phone", where=where, value=cleaned))
    return cleaned


_YES = {"yes", "y", "ja", "j", "x", "1", "true", "sant"}
_NO = {"no", "n", "nej", "0", "false", "falskt", ""}


def parse_yes_no(value: str) -> bool | None:
    """``True``/``False`` for yes/no in Swedish or English (``x`` ticks too); else ``None``."""
    key = clean(value).lower()
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None


_SWEDISH_LETTERS = {"å": "\ue001", "ä": "\ue002", "æ": "\ue002", "ö": "\ue003", "ø": "\ue003"}
"""Private-use characters sort after every letter, so å, ä, ö come after z in that order."""


def collation_key(text: str, lang: str = "sv") -> str:
    """Alphabetical order as readers of ``lang`` expect it, case and other accents ignored.

    Swedish: ... X, Y, Z, Å, Ä, Ö (so "Ängla" comes after "Åsa", and "Émile" with the
    E's); English: every accent folded away. Used for every list of names people read.
    """
    folded = unicodedata.normalize("NFC", " ".join(text.casefold().split()))
    if lang == "sv":
        folded = "".join(_SWEDISH_LETTERS.get(char, char) for char in folded)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def most_careful(spellings: Sequence[str]) -> str:
    """The most carefully written of ``spellings`` of one name ("PRO Hageby" over a
    phone's "PRO hageby"); equally careful ones: the latest.

    Care is: words with a capital first letter (a whole word in capitals counts only if
    short, like "PRO"), then any capital, then accented letters.
    """
    return max(reversed(spellings), key=_care)


def _care(text: str) -> tuple[int, int, int]:
    words = text.split()
    capitalised = sum(1 for w in words if w[0].isupper() and (not w.isupper() or len(w) <= 3))
    accented = sum(1 for c in text if c.isalpha() and not c.isascii())
    return capitalised, int(any(c.isupper() for c in text)), accented
