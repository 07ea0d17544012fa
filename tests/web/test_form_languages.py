"""A phone reads what the service said about its form in the phone's own language.

The laptop runs in the other language each time, so a message translated where it was
raised (in the laptop's language) would show up here as a sentence from the wrong one.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from cafe.core.service import MeetingService
from cafe.i18n import Translator, catalogue, forms, set_language
from cafe.storage.folder import table_token
from tests.web.support import hidden_fields, start_round

_FIELD_ERROR = re.compile(r'<p class="field-error" id="([\w-]+)-error">(.*?)</p>', re.S)

TOO_MANY = "\n".join(f"Idé {n}" for n in range(61))  # a paste accident, refused whole

# (form, what is typed, the field the message belongs to, key, values)
CASES: list[tuple[str, dict[str, Any], str, str, dict[str, Any]]] = [
    ("signup", {"name": ""}, "name", "web.error.required", {}),
    ("signup", {"name": "Å" * 121}, "name", "web.error.too_long", {"limit": 120, "length": 121}),
    ("signup", {"email": "asa(at)example"}, "email", "web.error.bad_email", {}),
    ("signup", {"phone": "ring mig"}, "phone", "web.error.bad_phone", {}),
    ("signup", {"consent": ""}, "consent", "web.error.consent_needed", {}),
    ("signup", {"themes": []}, "themes", "web.error.themes_needed", {}),
    ("signup", {"themes": ["t999"]}, "themes", "web.error.themes_changed", {}),
    ("checkout", {"thought": "  "}, "thought", "web.error.required", {}),
    ("checkout", {"thought": "x" * 1001}, "thought", "web.error.too_long",
     {"limit": 1000, "length": 1001}),
    ("ideas", {"ideas": "\n \n"}, "ideas", "web.error.required", {}),
    ("ideas", {"ideas": TOO_MANY}, "ideas", "web.error.too_many_ideas", {"count": 20, "limit": 20}),
    ("ideas", {"ideas": "Fika\n" + "y" * 2001}, "ideas", "web.error.idea_too_long",
     {"number": 2, "limit": 2000, "length": 2001}),
]  # fmt: skip


def _other(lang: str) -> str:
    return "en" if lang == "sv" else "sv"


def _sentences_only_in(lang: str) -> list[str]:
    """The fixed part of every form and service message that reads differently in the
    other language: none of them may appear on a page in that other language."""
    mine, theirs = catalogue(lang), catalogue(_other(lang))
    found = []
    for key, entry in mine.items():
        if not key.startswith(("web.error.", "text.", "service.")):
            continue
        for wording in forms(entry):
            fixed = wording.split("{")[0].strip()
            if len(fixed) >= 12 and all(fixed not in w for w in forms(theirs.get(key, ""))):
                found.append(fixed)
    return found


async def _post(
    client: TestClient, service: MeetingService, form: str, typed: dict[str, Any], lang: str
) -> str:
    theme = service.create_theme("Mötesplatser", signup=True)
    path, fields = {
        "signup": (
            f"/m/{_token(service)}/signup",
            {"name": "Åsa Öberg", "email": "asa@example.org", "phone": "", "consent": "yes",
             "themes": [theme.id]},
        ),
        "checkout": (f"/m/{_token(service)}/checkout", {"thought": "Hopp"}),
        "ideas": (f"/t/{table_token(service, 2)}/", {"ideas": "Fika"}),
    }[form]  # fmt: skip
    shown = await client.get(f"{path}?lang={lang}")
    assert shown.status == 200
    response = await client.post(
        path, data={**hidden_fields(await shown.text()), **fields, **typed}
    )
    assert response.status == 400, f"{form} {typed} was accepted"
    return await response.text()


def _token(service: MeetingService) -> str:
    from cafe.storage.folder import meeting_token

    return meeting_token(service)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize(
    ("form", "typed", "field", "key", "values"),
    CASES,
    ids=[f"{form}-{key.rsplit('.', 1)[1]}" for form, _, _, key, _ in CASES],
)
async def test_the_form_shows_the_services_message_in_the_phones_language(
    client: TestClient,
    service: MeetingService,
    lang: str,
    form: str,
    typed: dict[str, Any],
    field: str,
    key: str,
    values: dict[str, Any],
) -> None:
    start_round(service, 1)
    set_language(_other(lang))  # the laptop reads the other language
    html = await _post(client, service, form, typed, lang)
    errors = {name: unescape(text) for name, text in _FIELD_ERROR.findall(html)}
    assert errors.get(field) == Translator(lang)(key, **values), errors
    assert f'lang="{lang}"' in html
    for sentence in _sentences_only_in(_other(lang)):
        assert sentence not in unescape(html), f"{sentence!r} on a {lang} page"
    assert not service.state.signups and not service.state.checkout
    assert not [i for i in service.state.ideas.values() if i.source == "web"]
