"""Reading the phone forms, with messages in the phone's own language.

The service is the authority on what may be stored and checks everything again; these
checks run first, with the same rules (``cafe.core.text``), so that a phone set to
English gets English messages while the laptop runs in Swedish.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cafe.core.errors import Problem
from cafe.core.text import LIMITS, check_email, check_field, check_phone, clean
from cafe.i18n import Translator
from cafe.web.seat_lookup import MIN_QUERY_LETTERS, query_letters

MAX_IDEAS_PER_SEND = 20
"""A table host sends a handful of ideas at a time; more is a paste accident."""


@dataclass
class Form:
    """What was typed, cleaned, plus a message per field that needs fixing."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def _text(
    form: Form,
    name: str,
    raw: str,
    tr: Translator,
    *,
    kind: str,
    required: bool = False,
    multiline: bool = False,
) -> str:
    scratch: list[Problem] = []
    cleaned = check_field(kind, raw, scratch, required=required, multiline=multiline)
    if scratch:
        if required and not cleaned:
            form.errors[name] = tr("web.error.required")
        else:
            form.errors[name] = tr("web.error.too_long", limit=LIMITS[kind], length=len(cleaned))
    return cleaned


def _contact(form: Form, name: str, raw: str, tr: Translator) -> str:
    scratch: list[Problem] = []
    checker = check_email if name == "email" else check_phone
    cleaned = checker(raw, scratch)
    if scratch:
        if len(cleaned) > LIMITS[name]:
            form.errors[name] = tr("web.error.too_long", limit=LIMITS[name], length=len(cleaned))
        else:
            form.errors[name] = tr(f"web.error.bad_{name}")
    return cleaned


def read_signup(
    data: Mapping[str, str], themes: list[str], open_themes: set[str], tr: Translator
) -> Form:
    """The sign-up form: a name, your lists, and (with consent) a way to reach you.

    Contact details are optional, but only stored with consent, as the service requires;
    without them the working group reaches the person through the hosts.
    """
    form = Form()
    form.values["name"] = _text(form, "name", data.get("name", ""), tr, kind="name", required=True)
    form.values["organisation"] = _text(
        form, "organisation", data.get("organisation", ""), tr, kind="organisation"
    )
    form.values["email"] = _contact(form, "email", data.get("email", ""), tr)
    form.values["phone"] = _contact(form, "phone", data.get("phone", ""), tr)
    chosen = list(dict.fromkeys(themes))
    form.values["themes"] = chosen
    if any(theme not in open_themes for theme in chosen):
        form.errors["themes"] = tr("web.error.themes_changed")
    elif open_themes and not chosen:
        form.errors["themes"] = tr("web.error.themes_needed")
    form.values["consent"] = data.get("consent", "") == "yes"
    if (form.values["email"] or form.values["phone"]) and not form.values["consent"]:
        form.errors["consent"] = tr("web.error.consent_needed")
    return form


def read_ideas(data: Mapping[str, str], tr: Translator) -> Form:
    """The table host's ideas: one per line; blank lines are ignored."""
    form = Form()
    raw = data.get("ideas", "")
    lines = [clean(line) for line in raw.replace("\r", "").split("\n")]
    ideas = [line for line in lines if line]
    form.values["raw"] = raw
    form.values["ideas"] = ideas
    if not ideas:
        form.errors["ideas"] = tr("web.error.required")
    elif len(ideas) > MAX_IDEAS_PER_SEND:
        form.errors["ideas"] = tr(
            "web.error.too_many_ideas", count=MAX_IDEAS_PER_SEND, limit=MAX_IDEAS_PER_SEND
        )
    else:
        for number, idea in enumerate(ideas, start=1):
            if len(idea) > LIMITS["idea"]:
                form.errors["ideas"] = tr(
                    "web.error.idea_too_long", number=number, limit=LIMITS["idea"], length=len(idea)
                )
                break
    return form


def read_checkout(data: Mapping[str, str], tr: Translator) -> Form:
    """One thought to take home."""
    form = Form()
    form.values["thought"] = _text(
        form, "thought", data.get("thought", ""), tr, kind="checkout", required=True, multiline=True
    )
    return form


def read_name_query(raw: str, tr: Translator) -> Form:
    """The name typed on "where do I sit?"."""
    form = Form()
    form.values["name"] = _text(form, "name", raw, tr, kind="name")
    if "name" not in form.errors and 0 < query_letters(form.values["name"]) < MIN_QUERY_LETTERS:
        form.errors["name"] = tr("web.seat.too_short", count=MIN_QUERY_LETTERS)
    return form
