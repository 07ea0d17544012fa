"""What the phone forms do with what was typed, for the fuzzers (no HTTP): parse it, ask
the service as ``phone_forms`` does, and put what the service said on the form's fields."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from cafe.core.errors import ValidationError
from cafe.core.service import MeetingService
from cafe.i18n import Translator
from cafe.web import forms
from cafe.web.phone_forms import CHECKOUT, SIGNUP, TABLE_IDEAS, PhoneForm


def _ask(form: PhoneForm, command: Callable[[], Any], tr: Translator) -> dict[str, str]:
    """The messages the form shows: none when the service stored it, else at least one,
    each on one of the form's fields and never empty."""
    try:
        command()
    except ValidationError as error:
        errors = forms.field_errors(error.problems, form.fields, tr)
        assert errors and all(message.strip() for message in errors.values())
        assert set(errors) <= set(form.fields.values()), f"a message for no field: {errors}"
        return errors
    return {}


def send_signup(
    service: MeetingService, fields: Mapping[str, Any], tr: Translator
) -> dict[str, str]:
    signup = forms.read_signup(fields)
    return _ask(SIGNUP, lambda: service.sign_up(
        name=signup["name"], organisation=signup["organisation"], email=signup["email"],
        phone=signup["phone"], themes=signup["themes"], consent=signup["consent"],
        source="web", theme_required=True,
    ), tr)  # fmt: skip


def send_ideas(
    service: MeetingService, fields: Mapping[str, Any], tr: Translator
) -> dict[str, str]:
    ideas = forms.read_ideas(fields)["ideas"]
    return _ask(TABLE_IDEAS, lambda: service.capture_ideas(
        ideas, table=1, source="web", at_most=forms.MAX_IDEAS_PER_SEND
    ), tr)  # fmt: skip


def send_checkout(
    service: MeetingService, fields: Mapping[str, Any], tr: Translator
) -> dict[str, str]:
    thought = forms.read_checkout(fields)["thought"]
    return _ask(CHECKOUT, lambda: service.note_checkout(thought, source="web"), tr)
