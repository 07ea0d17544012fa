"""Pages rendered once per shape (``cafe.web.prerender``) are the pages Jinja renders.

The sign-up confirmation is filled in from a page rendered once per language and shape;
these tests post real forms to the app and compare every answer, byte for byte, with
the page Jinja renders from the stored sign-up, across languages, contact fields, theme
lists and texts that need escaping.
"""

from __future__ import annotations

from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from cafe.core.agenda import challenge_in_sentence
from cafe.core.service import MeetingService
from cafe.core.state import Signup
from cafe.i18n import Translator
from cafe.web.context import CONTEXT, retention_days, seat_page_enabled
from cafe.web.pages import Pages
from cafe.web.prerender import Prerendered, stand_ins
from tests.web.support import open_form, submit

PEOPLE: list[dict[str, Any]] = [
    {"name": "Åsa Öberg", "organisation": "Röda Korset", "email": "asa@example.org"},
    {"name": 'Bo <b>"Bosse"</b> & Co', "organisation": "", "phone": "070-123 45 67"},
    {"name": "Cia O'Neil", "organisation": "<script>alert(1)</script>", "email": ""},
    {"name": "David {name} %s \\x00", "organisation": "Förening {0}"},
    {"name": "Eva", "email": "eva@example.org", "phone": "+46 70 765 43 21"},
]


def jinja_page(client: TestClient, signup: Signup, lang: str, token: str) -> str:
    """The confirmation as Jinja renders it for ``signup`` (what phones got before)."""
    ctx = client.app[CONTEXT]
    tr = Translator(lang)
    other = "en" if lang == "sv" else "sv"
    themes = ctx.service.state.themes
    nav = {"signup": f"/m/{token}/signup", "checkout": f"/m/{token}/checkout"}
    if seat_page_enabled(ctx.agenda):
        nav["seat"] = f"/m/{token}/seat"
    challenge = ctx.agenda.meta.challenge
    return Pages().render(
        "signup_done.html",
        t=tr,
        lang=lang,
        switch_lang=other,
        switch_url=f"?lang={other}",
        meeting_title=ctx.agenda.meta.title,
        challenge=challenge_in_sentence(challenge, lang),
        nav=nav,
        signup=signup,
        theme_names=[themes[t].name for t in signup.themes],
        days=retention_days(ctx.agenda),
    )


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_confirmations_are_the_pages_jinja_renders(
    client: TestClient, service: MeetingService, token: str, lang: str
) -> None:
    lists = [
        service.create_theme("Mötesplatser & <caféer>", signup=True),
        service.create_theme("Besöksvänner", signup=True),
        service.create_theme('"Transport"', signup=True),
    ]
    path = f"/m/{token}/?lang={lang}"
    for number, person in enumerate(PEOPLE * 2):
        chosen = [t.id for t in lists[: 1 + number % 3]]
        fields = {"organisation": "", "email": "", "phone": "", **person, "consent": "yes"}
        if number >= len(PEOPLE):  # the second time round, different lists and names
            fields["name"] = f"{person['name']} {number}"
            chosen = chosen[::-1]
        done = await submit(client, path, {**fields, "themes": chosen})
        assert done.status == 200, await done.text()
        signup = max(service.state.signups.values(), key=lambda s: int(s.id[1:]))
        assert signup.name == fields["name"] and list(signup.themes) == chosen
        assert await done.text() == jinja_page(client, signup, lang, token)
    assert len(client.app[CONTEXT].pages.prerendered._pieces) < len(PEOPLE) * 2, (
        "shapes are shared: only the texts differ between most pages"
    )


async def test_a_resent_form_gets_the_same_confirmation(
    client: TestClient, service: MeetingService, token: str
) -> None:
    path = f"/m/{token}/"
    hidden = await open_form(client, path)
    fields = {"name": "Åsa & <Öberg>", "organisation": "", "email": "", "phone": ""}
    first = await client.post(path, data={**hidden, **fields, "consent": "yes"})
    again = await client.post(path, data={**hidden, **fields, "consent": "yes"})
    assert first.status == again.status == 200
    assert await first.text() == await again.text()
    assert "Åsa &amp; &lt;Öberg&gt;" in await first.text()
    assert len(service.state.signups) == 1


def test_texts_are_escaped_once_and_never_read_as_stand_ins() -> None:
    cache = Prerendered()
    rendered: list[list[str]] = []

    def render(marks: list[str]) -> str:
        rendered.append(marks)
        return f"<p>{marks[0]}</p><ul><li>{marks[1]}</li></ul>"

    tricky = stand_ins(2)[1]
    page = cache.fill("shape", ["<Åsa> & co", tricky], render)
    assert page == "<p>&lt;Åsa&gt; &amp; co</p><ul><li>" + tricky + "</li></ul>"
    assert cache.fill("shape", ["Bo", "x"], render) == "<p>Bo</p><ul><li>x</li></ul>"
    assert len(rendered) == 1, "a shape is rendered once"


def test_a_template_that_changes_a_text_is_refused() -> None:
    cache = Prerendered()
    with pytest.raises(ValueError, match="changed"):
        cache.fill("upper", ["Åsa"], lambda marks: marks[0].replace("\x00", "", 1))
    with pytest.raises(ValueError, match="stand-in 3"):
        cache.fill("extra", ["Åsa"], lambda marks: stand_ins(4)[3])


def test_a_nul_in_the_page_itself_is_kept() -> None:
    """An agenda's title could hold a NUL: it is page text, not a stand-in."""
    cache = Prerendered()
    page = cache.fill("nul", ["Åsa"], lambda marks: f"<h1>\x00 \x001\x00</h1>{marks[0]}")
    assert page == "<h1>\x00 \x001\x00</h1>Åsa"


def test_the_cache_stays_small() -> None:
    cache = Prerendered(max_shapes=4)
    for shape in range(10):
        assert cache.fill(shape, [str(shape)], lambda marks: f"<p>{marks[0]}</p>") == (
            f"<p>{shape}</p>"
        )
    assert len(cache._pieces) <= 4
