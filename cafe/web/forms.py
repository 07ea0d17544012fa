"""Reading the phone forms, and showing what the service said about them.

The forms only parse: strings out of the POST, the ideas split into lines, the consent
box, the themes ticked. Whether that may be stored is the service's business alone; its
problems come back as codes (``cafe.core.errors.Problem``), and ``field_errors`` puts
each into words in the phone's language, next to the field it is about. So a phone set
to English reads English while the laptop runs in Swedish, and no rule is written twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from cafe.core.errors import Message, Problem
from cafe.core.text import check_field, clean
from cafe.i18n import Translator
from cafe.web.seat_lookup import MIN_QUERY_LETTERS, query_letters

MAX_IDEAS_PER_SEND = 20
"""A send stores at most this many of a table's ideas: what one request may add to the
board (a tap costs the laptop one commit of at most 20 ideas, budgets pace the taps).
A longer list stores its first 20 and keeps the rest in the box, to send with another
tap: refused whole, the host had to count and cut lines on a phone."""

MAX_LINES_PER_SEND = 3 * MAX_IDEAS_PER_SEND
"""More new lines than this is not a table's list but a paste accident (a whole e-mail):
refused whole, as every long list once was, so none of it reaches the board."""

LIST_MARKER = re.compile(
    r"(?:[-–—*+•◦▪▫‣⁃·∙●○■□▸►➤➢✓✔☐☑☒]|\(?\d{1,2}[.)])(?:\s+\[[ xX✓]?\])?(?:\s+|$)"
)
"""A list's marker at the start of a pasted line ("• ", "- ", "1. ", "2) ", "☐ ", "- [ ] "):
a bullet, or a number of one or two digits with "." or ")", then a space or nothing
more. Not "-20 % på bussen" or "1 000 kr till …" (no space, or no "." or ")")."""


def without_list_marker(line: str) -> str:
    """``line`` (cleaned) without the marker a pasted list put before it, which would
    otherwise stay at the start of the idea on the board, the projector and the report."""
    return line[match.end() :] if (match := LIST_MARKER.match(line)) else line


PHONE_WORDING: dict[str, str] = {
    "text.required": "web.error.required",
    "service.no_ideas": "web.error.required",
    "text.too_long": "web.error.too_long",
    "text.bad_email": "web.error.bad_email",
    "text.bad_phone": "web.error.bad_phone",
    "service.no_such_theme": "web.error.themes_changed",
    "service.themes_needed": "web.error.themes_needed",
    "service.consent_needed": "web.error.consent_needed",
    "service.too_many_ideas": "web.error.too_many_ideas",
}
"""The service's codes as a phone form says them: next to the field, the field's name
is not repeated ("Please fill in this field."), and ids mean nothing to a phone."""


def phone_message(problem: Problem, tr: Translator) -> str:
    """``problem`` in the phone's language and the form's wording."""
    code = problem.code
    if code == "text.too_long" and "number" in problem.values:
        return Message("web.error.idea_too_long", problem.values).text(tr)
    if code in PHONE_WORDING:
        return Message(PHONE_WORDING[code], problem.values).text(tr)
    return problem.text(tr)


def field_errors(
    problems: Iterable[Problem], fields: Mapping[str, str], tr: Translator
) -> dict[str, str]:
    """One message per form field (the first problem about it); ``fields`` maps the
    service's field names to the form's, and a problem about no field goes on top."""
    errors: dict[str, str] = {}
    for problem in problems:
        errors.setdefault(fields.get(problem.field, "form"), phone_message(problem, tr))
    return errors


def read_signup(data: Mapping[str, Any]) -> dict[str, Any]:
    """The sign-up form: a name, your lists, and (with consent) a way to reach you."""
    values: dict[str, Any] = {
        name: str(data.get(name, "")) for name in ("name", "organisation", "email", "phone")
    }
    themes = data.get("themes", [])
    values["themes"] = list(dict.fromkeys([themes] if isinstance(themes, str) else themes))
    values["consent"] = data.get("consent", "") == "yes"
    return values


def read_ideas(data: Mapping[str, Any]) -> dict[str, Any]:
    """The table host's ideas: one per line, without a pasted list's markers; blank lines
    are ignored. ``round``: the round the page showed (``None`` if missing or not a
    number)."""
    raw = str(data.get("ideas", ""))
    lines = [without_list_marker(clean(line)) for line in raw.replace("\r", "").split("\n")]
    shown = str(data.get("round", ""))
    return {
        "raw": raw,
        "ideas": [line for line in lines if line],
        "round": int(shown) if shown.isdecimal() and len(shown) < 4 else None,
    }


def read_checkout(data: Mapping[str, Any]) -> dict[str, Any]:
    """One thought to take home."""
    return {"thought": str(data.get("thought", ""))}


def read_name_query(raw: str, tr: Translator) -> tuple[str, dict[str, str]]:
    """The name typed on "where do I sit?", and a message if it cannot be looked up.

    A search, not a command, so these checks are the web's own: a name that fits, with
    enough letters that an answer does not list half the room.
    """
    problems: list[Problem] = []
    name = check_field("name", raw, problems)
    errors = field_errors(problems, {"name": "name"}, tr)
    if not errors and 0 < query_letters(name) < MIN_QUERY_LETTERS:
        errors["name"] = tr("web.seat.too_short", count=MIN_QUERY_LETTERS)
    return name, errors
