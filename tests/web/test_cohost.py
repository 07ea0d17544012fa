"""The co-host console (``/c/{token}/``): the other co-host runs the agenda and moderates.

Real meeting folders, the real application (the ``client`` fixture) or the real server on
127.0.0.1 (``LanServer``), and the real commands (``cafe qr``, ``export``, ``import``,
``report``). A removal made on the console must leave the projector's live feed and every
file the meeting writes; only the console's own token opens it, and a new one revokes the
old while the server runs.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import ClientResponse, web
from aiohttp.test_utils import TestClient
from pptx import Presentation

from cafe import links
from cafe.cli import main
from cafe.core.agenda import StepKind
from cafe.core.meeting_seating import needs_plan, speaking_order
from cafe.core.participants import PersonInput
from cafe.core.service import STEP_GRACE, MeetingService
from cafe.core.text import LIMITS
from cafe.i18n import Translator
from cafe.storage.folder import cohost_token, meeting_token, open_meeting, table_token
from cafe.web.logs import check_token_routes, token_prefixes
from cafe.web.server import LanServer, build_app
from cafe.web.views import routes
from tests.meetings import new_meeting
from tests.web.support import PUBLIC, step_index

ROOT = Path(__file__).resolve().parents[2]

# -- reading the console's forms ---------------------------------------------------------


class _Forms(HTMLParser):
    """Every form on a page, keyed by its button's id: fields, label, disabled. A button
    outside its form (``form="…"``, a row's Remove) gets that form's fields and its own
    name and value, as a browser sends them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: dict[str, dict[str, Any]] = {}
        self._fields: dict[str, str] | None = None
        self._form_id = ""
        self._by_form: dict[str, dict[str, str]] = {}
        self._outside: list[dict[str, Any]] = []
        self._select: str | None = None
        self._button: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._fields = {}
            self._form_id = a.get("id", "")
        elif tag == "button" and "form" in a:
            self._button = {"id": a.get("id", ""), "disabled": "disabled" in a, "label": ""}
            self._button["owner"] = a["form"]
            self._button["own"] = {a["name"]: a.get("value", "")} if a.get("name") else {}
        elif self._fields is None:
            return
        elif tag == "input" and a.get("name"):
            self._fields[a["name"]] = a.get("value", "")
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and "selected" in a:
            self._fields[self._select] = a.get("value", "")
        elif tag == "button":
            self._button = {"id": a.get("id", ""), "disabled": "disabled" in a, "label": ""}

    def handle_data(self, data: str) -> None:
        if self._button is not None:
            self._button["label"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "button" and self._button is not None and "owner" in self._button:
            self._outside.append(self._button)
            self._button = None
        elif tag == "button" and self._button is not None and self._fields is not None:
            self.forms[self._button["id"]] = {**self._button, "fields": dict(self._fields)}
            self._button = None
        elif tag == "form":
            if self._form_id and self._fields is not None:
                self._by_form[self._form_id] = dict(self._fields)
            self._fields = None

    def close(self) -> None:
        super().close()
        for button in self._outside:
            fields = {**self._by_form.get(button.pop("owner"), {}), **button.pop("own")}
            self.forms[button["id"]] = {**button, "fields": fields}


def forms(html: str) -> dict[str, dict[str, Any]]:
    parser = _Forms()
    parser.feed(html)
    parser.close()
    return parser.forms


async def console(client: TestClient, path: str) -> tuple[str, dict[str, dict[str, Any]]]:
    response = await client.get(path)
    assert response.status == 200, await response.text()
    html = await response.text()
    return html, forms(html)


async def press(client: TestClient, path: str, button: str, **changes: str) -> ClientResponse:
    """Open the console, then post the form of ``button`` (with ``changes``) as a phone would."""
    _, found = await console(client, path)
    assert button in found, f"no button {button} on the console"
    assert not found[button]["disabled"], f"{button} is disabled"
    return await client.post(
        path, data={**found[button]["fields"], **changes}, allow_redirects=False
    )


async def next_event(response: ClientResponse, timeout: float = 5.0) -> dict[str, Any]:
    data = []
    async with asyncio.timeout(timeout):
        while True:
            line = (await response.content.readline()).decode()
            if line.startswith("data: "):
                data.append(line[6:].rstrip("\n"))
            elif line == "\n" and data:
                return json.loads("".join(data))
            elif line == "":
                raise EOFError("the stream ended")


async def state_after(response: ClientResponse, seq: int) -> dict[str, Any]:
    """The first full state message at or after ``seq`` (ticks are skipped)."""
    while True:
        message = await next_event(response)
        if message["type"] == "state" and message["seq"] >= seq:
            return message


# -- a meeting with something to moderate ------------------------------------------------


def busy_meeting(service: MeetingService) -> dict[str, str]:
    """Themes, sign-ups with contact details, check-out thoughts and phone ideas."""
    places = service.create_theme("Mötesplatser för äldre", signup=True)
    visits = service.create_theme("Besöksvänner", signup=True)
    asa = service.sign_up(
        name="Åsa Öberg", organisation="Röda Korset", email="asa@example.org",
        phone="070-111 22 33", themes=[places.id], consent=True, source="web",
    )  # fmt: skip
    service.clock.advance(60)  # type: ignore[attr-defined]
    per = service.sign_up(
        name="Per Persson", organisation="Kommunen", email="per@example.org",
        themes=[visits.id], consent=True, source="web",
    )  # fmt: skip
    service.clock.advance(60)  # type: ignore[attr-defined]
    junk = service.note_checkout("Spamtanke köp billiga klockor", source="web")
    kept = service.note_checkout("Hopp om fler mötesplatser", source="web")
    round_one = step_index(service, StepKind.CAFE_ROUND, 1)
    service.start_step(round_one)
    hidden, shown = service.capture_ideas(
        ["Reklamidé olämplig text", "Fika på biblioteket"], table=2, source="web"
    )
    service.capture_idea("Skjuts till träffar", table=1)
    return {
        "places": places.id, "visits": visits.id, "asa": asa.id, "per": per.id,
        "junk": junk.id, "kept": kept.id, "hidden": hidden.id, "shown": shown.id,
    }  # fmt: skip


@pytest.fixture
def cohost(service: MeetingService) -> str:
    return f"/c/{cohost_token(service)}/"


# -- what it shows -----------------------------------------------------------------------


async def test_the_console_lists_everything_without_contact_details(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    ids = busy_meeting(service)
    html, found = await console(client, cohost)
    assert "Medvärdens konsol" in html
    index = service.state.current_step
    steps = len(service.agenda.steps)
    assert f"Steg {index + 1} av {steps}" in html and "runda 1 av 4" in html, "step N of M"
    minutes = service.agenda.steps[index].minutes
    assert 'id="timer"' in html and f"{minutes:02d}:00" in html, "the time left"
    for button in ("b-previous", "b-next", "b-timer", "b-minus", "b-plus"):
        assert button in found
    assert html.index("b-next") < html.index('id="signups"'), "the step controls come first"
    assert html.index("Per Persson") < html.index("Åsa Öberg"), "newest sign-up first"
    assert "Röda Korset" in html and "Mötesplatser för äldre" in html
    for contact in ("asa@example.org", "070-111 22 33", "per@example.org"):
        assert contact not in html, "contact details never reach the console"
    assert html.index("Hopp om fler") < html.index("Spamtanke"), "newest thought first"
    assert found[f"b-signup-{ids['asa']}"]["label"] == "Ta bort"
    assert found[f"b-thought-{ids['junk']}"]["label"] == "Ta bort"
    assert found[f"b-idea-{ids['hidden']}"]["label"] == "Dölj", "ideas from phones"
    [typed] = [i for i in service.state.ideas.values() if i.source != "web"]
    assert "Skjuts till träffar" in html and f'id="pick-{typed.id}"' in html, "on the board"
    assert f"b-idea-{typed.id}" not in found, "typed at the laptop: not a phone's idea"
    assert f'id="pick-{ids["shown"]}"' in html and "b-move" in found and "b-new-theme" in found
    assert f"b-rename-{ids['places']}" in found


async def test_a_circle_s_console_speaks_of_the_circle_s_phone(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    """Seven in one circle: the console headed the phone's ideas "Idéer från borden" and
    put "Bord 0 · runda 1" under each."""
    people = [
        p.id
        for p in service.add_participants(
            [PersonInput(f"Person {n}", f"Org {n}", present=True) for n in range(7)]
        )
    ]
    service.store_seating({"mode": "circle", "order": people})
    html, _ = await console(client, cohost)
    assert "Idéer från ringen (0)" in html and "Inga idéer från ringens mobil än." in html
    service.start_step(step_index(service, StepKind.CAFE_ROUND))
    service.timer_start()
    service.capture_idea("Fika i bygdegården", table=0, source="web")
    html, _ = await console(client, cohost)
    assert "Idéer från ringen (1)" in html and "Ringen · runda 1" in html
    assert "borden" not in html and "Bord 0" not in html and "bordsvärdarna" not in html


async def test_the_console_counts_people_as_the_projector_does(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    """One person signed up twice: the console said "Anmälningar (2)" beside the
    projector's "1 vill jobba vidare"; it now says both."""
    for _ in range(2):  # from two phones, no contact details: one person
        service.sign_up(name="Li Wei", organisation="Röda Korset", source="web")
    html, _ = await console(client, cohost)
    assert "Anmälningar (2, från 1 person)" in html
    service.sign_up(name="Per Persson", organisation="Kommunen", source="web")
    html, _ = await console(client, cohost)
    assert "Anmälningar (3, från 2 personer)" in html


async def test_the_console_page_is_safe_and_speaks_english(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    service.sign_up(name="<script>alert(1)</script>", source="web")
    response = await client.get(cohost + "?lang=en")
    html = await response.text()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert html.count("<script") == 1 and 'src="/static/cohost.js"' in html
    assert "Content-Security-Policy" in response.headers
    assert response.headers["Cache-Control"] == "no-store"
    assert "Co-host console" in html and "Next step" in html
    assert "E-mail and phone are never shown here" in html
    for name in ("cohost.js", "cohost.css"):
        static = await client.get(f"/static/{name}")
        assert static.status == 200
    script = await (await client.get("/static/cohost.js")).text()
    assert "innerHTML" not in script, "swaps parsed, server-escaped parts, never raw strings"


# -- moderation ------------------------------------------------------------------------------


async def test_remove_and_undo_a_sign_up_and_a_thought(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    ids = busy_meeting(service)
    response = await press(client, cohost, f"b-signup-{ids['asa']}")
    assert response.status == 303
    assert response.headers["Location"] == f"{cohost}?o=signups#signups"
    asa = service.state.signups[ids["asa"]]
    assert asa.withdrawn and asa.removed_by == "console"
    assert [s.name for s in service.state.live_signups()] == ["Per Persson"]
    html, found = await console(client, cohost)
    assert found[f"b-signup-{ids['asa']}"]["label"] == "Ångra"
    assert "Åsa Öberg" in html and "Borttagen" in html, "still listed, marked removed"
    assert "Anmälningar (1)" in html

    response = await press(client, cohost, f"b-thought-{ids['junk']}")
    assert response.headers["Location"] == f"{cohost}?o=thoughts#thoughts"
    assert service.state.checkout[ids["junk"]].removed
    assert service.state.checkout[ids["junk"]].removed_by == "console"

    response = await press(client, cohost, f"b-idea-{ids['hidden']}")
    assert service.state.ideas[ids["hidden"]].deleted
    events = [e for e in service.events() if e.kind.value == "idea_deleted"]
    assert events[-1].data["by"] == "console"

    for button in (f"b-signup-{ids['asa']}", f"b-thought-{ids['junk']}", f"b-idea-{ids['hidden']}"):
        response = await press(client, cohost, button)  # Undo
        assert response.status == 303
    assert not service.state.signups[ids["asa"]].withdrawn
    assert not service.state.checkout[ids["junk"]].removed
    assert not service.state.ideas[ids["hidden"]].deleted
    assert len(service.state.live_signups()) == 2


async def test_a_resent_form_is_done_once_and_a_stale_remove_undoes_nothing(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    ids = busy_meeting(service)
    _, found = await console(client, cohost)
    remove = found[f"b-signup-{ids['asa']}"]["fields"]
    assert (await client.post(cohost, data=remove, allow_redirects=False)).status == 303
    seq = service.state.last_seq
    again = await client.post(cohost, data=remove, allow_redirects=False)
    assert again.status == 303 and "n=done" in again.headers["Location"]
    # The same button from an old page, with a fresh submission id: it is removed already.
    fresh = {**remove, "submission": "x" * 22}
    assert (await client.post(cohost, data=fresh, allow_redirects=False)).status == 303
    assert service.state.last_seq == seq, "nothing more was stored"
    assert service.state.signups[ids["asa"]].withdrawn


async def test_a_removal_leaves_the_projector_feed_the_export_and_every_report(
    client: TestClient, service: MeetingService, cohost: str, token: str, tmp_path: Path
) -> None:
    ids = busy_meeting(service)
    service.start_step(step_index(service, StepKind.CHECKOUT))
    feed = await client.get(f"/screen/{token}/events")
    first = await state_after(feed, service.state.last_seq)
    assert first["counts"]["signups"] == 2
    assert any(word == "spamtanke" for word, _ in first["words"]), "the thought is in the cloud"

    for button in (f"b-signup-{ids['asa']}", f"b-thought-{ids['junk']}", f"b-idea-{ids['hidden']}"):
        assert (await press(client, cohost, button)).status == 303
    after = await state_after(feed, service.state.last_seq)
    assert after["counts"]["signups"] == 1 and after["counts"]["checkout"] == 1
    assert all("spam" not in word for word, _ in after["words"])
    assert "Spamtanke" not in after["html"]
    service.start_step(step_index(service, StepKind.HARVEST))
    board = await state_after(feed, service.state.last_seq)
    assert "Fika på biblioteket" in board["html"], "the board shows the ideas"
    assert "Reklamidé" not in board["html"], "but not the hidden one"
    feed.close()

    folder = Path(service.folder)  # type: ignore[attr-defined]
    exported = tmp_path / "export.json"
    assert main(["export", str(folder), "--format", "json", "--out", str(exported)]) == 0
    assert main(["import", str(exported), str(tmp_path / "again")]) == 0
    again = open_meeting(tmp_path / "again")
    assert again.state.signups[ids["asa"]].withdrawn, "kept, and still removed"
    assert [s.name for s in again.state.live_signups()] == ["Per Persson"]
    assert [c.text for c in again.state.live_checkout()] == ["Hopp om fler mötesplatser"]
    assert "Reklamidé olämplig text" not in [i.text for i in again.state.visible_ideas()]

    out = tmp_path / "out"
    assert main(["report", str(folder), "--out", str(out)]) == 0
    deck = "\n".join(
        shape.text_frame.text
        for slide in Presentation(str(out / "working-group.pptx")).slides
        for shape in slide.shapes
        if shape.has_text_frame
    )
    signups_csv = (out / "signups.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(signups_csv), delimiter=";"))
    assert len(rows) == 1 and "Per Persson" in signups_csv
    for name, text in (
        ("summary.md", (out / "summary.md").read_text("utf-8")),
        ("summary.html", (out / "summary.html").read_text("utf-8")),
        ("working-group.pptx", deck),
        ("signups.csv", signups_csv),
    ):
        for gone in ("Åsa Öberg", "asa@example.org", "Spamtanke", "Reklamidé"):
            assert gone not in text, f"{gone} is still in {name}"
    assert "Per Persson" in deck and "Fika på biblioteket" in deck


# -- refusals ------------------------------------------------------------------------------


async def test_a_removal_without_the_csrf_field_is_refused(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    ids = busy_meeting(service)
    _, found = await console(client, cohost)
    fields = dict(found[f"b-signup-{ids['asa']}"]["fields"])
    seq = service.state.last_seq
    for bad in ({k: v for k, v in fields.items() if k != "csrf"}, {**fields, "csrf": "forged"}):
        response = await client.post(cohost, data=bad, allow_redirects=False)
        assert response.status == 403
        html = await response.text()
        assert "Formuläret hann bli för gammalt" in html and 'id="live"' in html
    assert service.state.last_seq == seq and not service.state.signups[ids["asa"]].withdrawn


async def test_a_post_from_another_site_is_refused(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    ids = busy_meeting(service)
    _, found = await console(client, cohost)
    seq = service.state.last_seq
    for button in (f"b-signup-{ids['asa']}", "b-next"):
        response = await client.post(
            cohost,
            data=found[button]["fields"],
            headers={"Origin": "http://evil.example"},
            allow_redirects=False,
        )
        assert response.status == 403
    assert service.state.last_seq == seq


async def test_the_meeting_and_table_tokens_never_open_the_console(
    client: TestClient, service: MeetingService, token: str
) -> None:
    table = table_token(service, 1)
    for bad in (token, table):  # before the console has a token at all
        assert (await client.get(f"/c/{bad}/")).status == 404
    real = cohost_token(service)
    wrong = [token, table, "x", real[:-1], real + "x", real.swapcase()]
    for bad in wrong:
        for method, path in (
            ("GET", f"/c/{bad}/"), ("POST", f"/c/{bad}/"), ("GET", f"/c/{bad}/events"),
        ):  # fmt: skip
            response = await client.request(method, path, data={"do": "next", "at": "-1"})
            html = await response.text()
            assert response.status == 404, (method, path)
            assert service.agenda.meta.title not in html
    assert service.events() == [], "nothing was done"
    assert (await client.get(f"/c/{real}/")).status == 200
    assert (await client.get(f"/m/{real}/")).status == 404, "and it opens nothing else"
    assert (await client.get(f"/screen/{real}")).status == 404


async def test_an_unknown_action_and_a_bad_theme_name_are_said_not_done(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    ids = busy_meeting(service)
    seq = service.state.last_seq
    response = await press(client, cohost, "b-new-theme", do="reboot")
    assert response.status == 400 and "Knappen känns inte igen" in await response.text()
    response = await press(client, cohost, "b-new-theme", name="   ")
    assert response.status == 400 and "Skriv ett namn på temat" in await response.text()
    response = await press(client, cohost, f"b-rename-{ids['places']}", name="x" * 500)
    html = await response.text()
    assert response.status == 400 and "x" * 500 in html, "what was typed is kept"
    response = await press(client, cohost, f"b-signup-{ids['asa']}", id="s999")
    assert response.status == 400
    assert service.state.last_seq == seq


# -- the agenda and the timer ---------------------------------------------------------------


async def test_step_and_timer_buttons_do_what_the_keys_do(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    assert (await press(client, cohost, "b-next")).status == 303
    assert service.state.current_step == 0, "Next starts the meeting"
    opening = service.agenda.steps[0]
    html, found = await console(client, cohost)
    assert opening.title in html and "Steg 1 av" in html
    assert found["b-previous"]["disabled"], "nothing before the first step"
    assert found["b-timer"]["label"] == "Starta tiden"

    response = await press(client, cohost, "b-timer")
    assert response.headers["Location"] == f"{cohost}#now"
    assert service.timer() is not None and service.timer().running  # type: ignore[union-attr]
    _, found = await console(client, cohost)
    assert found["b-timer"]["label"] == "Pausa"
    before = service.timer().duration  # type: ignore[union-attr]
    await press(client, cohost, "b-plus")
    assert service.timer().duration == before + 60  # type: ignore[union-attr]
    await press(client, cohost, "b-minus")  # a +1 tapped by mistake is taken back
    assert service.timer().duration == before  # type: ignore[union-attr]
    await press(client, cohost, "b-plus")
    await press(client, cohost, "b-timer")  # its own start: paused at once
    assert not service.timer().running  # type: ignore[union-attr]
    _, found = await console(client, cohost)
    assert found["b-timer"]["label"] == "Fortsätt"

    await press(client, cohost, "b-next")
    assert service.state.current_step == 1
    [moved] = [e for e in service.events() if e.kind == "step_started"][-1:]
    assert moved.data.get("by") == "console", "the laptop can tell who moved the step"
    await press(client, cohost, "b-previous")
    assert service.state.current_step == 0


async def test_a_stale_page_and_a_double_tap_change_nothing_more(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    service.start_step(0)
    service.timer_start()
    _, found = await console(client, cohost)
    plus = found["b-plus"]["fields"]
    before = service.timer().duration  # type: ignore[union-attr]
    for _ in range(2):  # a double tap posts the same form twice
        assert (await client.post(cohost, data=plus, allow_redirects=False)).status == 303
    assert service.timer().duration == before + 60, "one minute, not two"  # type: ignore[union-attr]

    service.next_step()  # the laptop moved on meanwhile
    stale = await client.post(cohost, data=found["b-next"]["fields"], allow_redirects=False)
    assert stale.status == 303 and "n=stale" in stale.headers["Location"]
    assert service.state.current_step == 1, "not skipped twice"
    page = await (await client.get(stale.headers["Location"])).text()
    assert "Mötet hade redan gått vidare" in page


async def test_the_co_host_ticks_off_speakers_in_the_presentation_round(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    """The co-host with the phone keeps the speaking order while the other one runs the
    laptop: who speaks now, "done, next speaker" as k does, and back to the last one."""
    service.add_participants(
        [PersonInput(f"Talare {i}", organisation=f"Org {i}", present=True) for i in range(6)]
    )
    service.start_step(step_index(service, StepKind.PRESENTATION_ROUND) - 1)
    service.clock.advance(STEP_GRACE)  # type: ignore[attr-defined]
    await press(client, cohost, "b-next")
    assert service.current_step is not None
    assert service.current_step.kind is StepKind.PRESENTATION_ROUND
    order = [pid for _, ids in speaking_order(service) for pid in ids]
    first, second = (service.state.participants[pid] for pid in order[:2])
    html, found = await console(client, cohost)
    assert f'Talar nu: <strong>{first.name}</strong>, <span class="org">Org' in html
    assert "0 av 6 har presenterat sig" in html
    assert "b-unspoken" not in found, "nobody has spoken: nothing to go back to"

    tick = found["b-spoken"]["fields"]
    assert tick["id"] == first.id
    assert (await client.post(cohost, data=tick, allow_redirects=False)).status == 303
    assert service.state.spoken == {first.id}, "ticked off, as k does on the laptop"
    html, found = await console(client, cohost)
    assert f"Talar nu: <strong>{second.name}</strong>" in html and "1 av 6" in html
    assert unescape(found["b-unspoken"]["label"]) == f"↶ Tillbaka till {first.name}"
    await press(client, cohost, "b-unspoken")
    assert service.state.spoken == set(), "a tap too many is taken back"

    _, found = await console(client, cohost)
    stale = found["b-spoken"]["fields"]
    service.mark_spoken(first.id)  # the laptop's k, while the phone still shows the first
    await client.post(cohost, data=stale, allow_redirects=False)
    assert service.state.spoken == {first.id}, "the tap names its speaker: not the next too"

    for pid in order:
        service.mark_spoken(pid)
    html, found = await console(client, cohost)
    assert "Alla har presenterat sig." in html and "6 av 6" in html
    assert "b-spoken" not in found


async def test_entering_a_cafe_round_seats_people_as_the_tui_does(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    service.add_participants(
        [PersonInput(f"Person {i}", organisation=f"Org {i}", present=True) for i in range(12)]
    )
    service.start_step(step_index(service, StepKind.CAFE_ROUND, 1) - 1)
    service.clock.advance(STEP_GRACE)  # type: ignore[attr-defined]
    assert service.state.seating is None
    response = await press(client, cohost, "b-next")
    assert service.current_step is not None and service.current_step.kind is StepKind.CAFE_ROUND
    assert "n=seated" in response.headers["Location"]
    present = {p.id for p in service.state.present()}
    assert service.state.seating is not None
    assert service.state.seating_plan.people(1) == present, "everyone has a table"
    assert not needs_plan(service, 1), "the same plan the TUI's key would have made"


async def test_board_work_move_new_theme_and_rename(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    ids = busy_meeting(service)
    response = await press(client, cohost, "b-move", theme=ids["places"], pick=ids["shown"])
    assert response.headers["Location"] == f"{cohost}?o=board#board"
    assert service.state.ideas[ids["shown"]].theme == ids["places"]
    await press(client, cohost, "b-new-theme", name="Digital delaktighet")
    [new] = [th for th in service.state.live_themes() if th.name == "Digital delaktighet"]
    await press(client, cohost, f"b-rename-{new.id}", name="Digitalt deltagande")
    assert service.state.themes[new.id].name == "Digitalt deltagande"
    html, found = await console(client, cohost)
    places = html[html.index(f'id="theme-{ids["places"]}"') :]
    assert f'id="pick-{ids["shown"]}"' in places[: places.index("</section>")], "under it"
    assert "Digitalt deltagande" in html
    await press(client, cohost, "b-move", theme="none", pick=ids["shown"])
    assert service.state.ideas[ids["shown"]].theme == "", "out of any theme"

    # Several ticked ideas move with one tap; with none ticked nothing moves.
    both = [ids["shown"], *(i.id for i in service.state.visible_ideas() if i.source != "web")]
    _, found = await console(client, cohost)
    fields = [*found["b-move"]["fields"].items(), ("theme", new.id), *(("pick", i) for i in both)]
    fields = [(k, v) for k, v in fields if k != "theme" or v]
    assert (await client.post(cohost, data=fields, allow_redirects=False)).status == 303
    assert {service.state.ideas[i].theme for i in both} == {new.id}
    response = await press(client, cohost, "b-move", theme=ids["places"])
    assert "n=pick_first" in response.headers["Location"]
    assert {service.state.ideas[i].theme for i in both} == {new.id}, "nothing ticked"
    page = await (await client.get(response.headers["Location"])).text()
    assert "Kryssa i en eller flera idéer" in page

    # The sign-up step needs lists: the console opens and closes one, as l does.
    assert not service.state.themes[new.id].signup
    _, found = await console(client, cohost)
    assert found[f"b-list-{new.id}"]["label"] == "Öppna en anmälningslista"
    stale = found[f"b-list-{new.id}"]["fields"]
    await press(client, cohost, f"b-list-{new.id}")
    assert service.state.themes[new.id].signup
    assert service.events()[-1].data["by"] == "console", "the laptop's l can say who"
    await client.post(cohost, data=stale)  # the same tap resent: still open
    assert service.state.themes[new.id].signup
    _, found = await console(client, cohost)
    assert found[f"b-list-{new.id}"]["label"] == "Stäng anmälningslistan"
    await press(client, cohost, f"b-list-{new.id}")
    assert not service.state.themes[new.id].signup


async def test_two_moves_from_one_page_are_two_taps_and_a_resend_is_one(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    """The board has one Move form for all its ideas: a second move from the same page
    (another idea, another theme) is done; the same move sent again is not."""
    ids = busy_meeting(service)
    [typed] = [i.id for i in service.state.visible_ideas() if i.source != "web"]
    _, found = await console(client, cohost)
    base = {k: v for k, v in found["b-move"]["fields"].items() if k != "theme"}
    first = {**base, "theme": ids["places"], "pick": ids["shown"]}
    second = {**base, "theme": ids["visits"], "pick": typed}
    for data in (first, second):
        assert (await client.post(cohost, data=data, allow_redirects=False)).status == 303
    assert service.state.ideas[ids["shown"]].theme == ids["places"]
    assert service.state.ideas[typed].theme == ids["visits"], "another move, done"
    service.set_idea_theme(ids["shown"], "")  # the laptop moves it out meanwhile
    resent = await client.post(cohost, data=first, allow_redirects=False)
    assert "n=done" in resent.headers["Location"]
    assert service.state.ideas[ids["shown"]].theme == "", "the same tap again: not redone"


async def test_a_move_of_ideas_merged_at_the_laptop_since_says_so(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    """Two ideas ticked on the phone; the laptop merged one away meanwhile: the Move moved
    the other and skipped it, unsaid."""
    ids = busy_meeting(service)
    [typed] = [i.id for i in service.state.visible_ideas() if i.source != "web"]
    _, found = await console(client, cohost)
    service.merge_ideas(ids["shown"], [typed])  # at the laptop
    fields = {**found["b-move"]["fields"], "theme": ids["places"], "pick": [ids["shown"], typed]}
    response = await client.post(cohost, data=fields, allow_redirects=False)
    assert "n=moved_gone" in response.headers["Location"]
    assert service.state.ideas[ids["shown"]].theme == ids["places"]
    assert service.state.ideas[typed].theme == "", "merged away: not moved"
    page = await (await client.get(response.headers["Location"])).text()
    assert "hade slagits ihop eller dolts vid datorn" in page


async def test_the_board_merges_and_hides_ticked_ideas_and_undoes_it(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    """The second co-host sorts the board on a phone: duplicates from several tables, and
    a typo'd idea typed at the laptop (not in the phone ideas' list, so not hideable)."""
    ids = busy_meeting(service)
    typed = next(i.id for i in service.state.visible_ideas() if i.source != "web")
    again = service.capture_ideas(["Fika i biblioteket"], table=5, source="web")[0].id
    html, found = await console(client, cohost)
    board = html[html.index('id="board"') :]
    assert "Bord 2 · runda 1" in board and "Bord 5 · runda 1" in board, "which table, which round"

    base = {k: v for k, v in found["b-move"]["fields"].items() if k != "theme"}
    # The console said "the first ticked", but a form sends no tick order: the topmost
    # ticked is kept, whatever order the post names them in, and the words say so.
    assert 'title="De ikryssade slås ihop med den översta ikryssade' in board, "the button's help"
    merge = {**base, "act": "merge", "pick": [again, ids["shown"]]}
    response = await client.post(cohost, data=merge, allow_redirects=False)
    assert response.headers["Location"] == f"{cohost}?n=merged&o=board&u={again}#board"
    assert service.state.ideas[again].merged_into == ids["shown"]
    assert service.events()[-1].data["by"] == "console", "the laptop can say who merged it"
    page = await (await client.get(response.headers["Location"])).text()
    assert "1 idé är ihopslagen med den översta ikryssade." in page
    undo = forms(page)["b-undo-batch"]["fields"]
    await client.post(cohost, data=undo)
    assert service.state.ideas[again].visible, "Undo brings it back"

    _, found = await console(client, cohost)
    base = {k: v for k, v in found["b-move"]["fields"].items() if k != "theme"}
    hide = {**base, "act": "hide", "pick": [typed]}
    response = await client.post(cohost, data=hide, allow_redirects=False)
    assert "n=hidden" in response.headers["Location"]
    assert not service.state.ideas[typed].visible
    page = await (await client.get(response.headers["Location"])).text()
    assert "1 idé är dold" in page
    _, found = await console(client, cohost)
    base = {k: v for k, v in found["b-move"]["fields"].items() if k != "theme"}
    one = {**base, "act": "merge", "pick": [ids["shown"]]}
    response = await client.post(cohost, data=one, allow_redirects=False)
    assert "n=merge_two" in response.headers["Location"], "one ticked: nothing to merge"
    forged = await client.get(f"{cohost}?n=hidden&u=x1.{ids['shown']}.{typed}")
    assert forms(await forged.text())["b-undo-batch"]["fields"]["pick"] == typed, (
        "an Undo only for ideas that are gone, by id"
    )


async def test_in_a_round_the_console_shows_the_question_the_room_is_asked(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    """A co-host between the tables is asked "what was the question?": the console showed
    the step's title and the timer only."""
    service.start_step(step_index(service, StepKind.CAFE_ROUND, 2))
    question = service.current_step.question if service.current_step else ""
    html, _ = await console(client, cohost)
    assert question and f'id="step-question">{question}</p>' in html
    assert f'href="/m/{meeting_token(service)}/seat"' in html, "where someone sits, by name"
    service.start_step(0)  # the opening asks nothing: no empty line
    html, _ = await console(client, cohost)
    assert 'id="step-question"' not in html and 'id="seat-link"' not in html


async def test_the_board_edits_the_text_of_one_ticked_idea(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    """A typo typed at the laptop ("Besöksvänenr") could only be fixed at the laptop."""
    busy_meeting(service)
    typo = service.capture_idea("Besöksvänenr för äldre", table=3)
    _, found = await console(client, cohost)
    base = {k: v for k, v in found["b-move"]["fields"].items() if k != "theme"}
    response = await client.post(
        cohost, data={**base, "act": "edit", "pick": typo.id}, allow_redirects=False
    )
    assert response.headers["Location"] == f"{cohost}?o=board&e={typo.id}#board"
    page = await (await client.get(response.headers["Location"])).text()
    save = forms(page)["b-edit-save"]["fields"]
    assert "Besöksvänenr för äldre</textarea>" in page and save["id"] == typo.id

    response = await client.post(cohost, data={**save, "text": "  "}, allow_redirects=False)
    assert response.status == 400, "an empty text is refused, the field stays"
    save = forms(await response.text())["b-edit-save"]["fields"]
    response = await client.post(
        cohost, data={**save, "text": "Besöksvänner för äldre"}, allow_redirects=False
    )
    assert "n=edited" in response.headers["Location"]
    assert service.state.ideas[typo.id].text == "Besöksvänner för äldre"

    _, found = await console(client, cohost)
    base = {k: v for k, v in found["b-move"]["fields"].items() if k != "theme"}
    two = [typo.id, next(i.id for i in service.state.visible_ideas() if i.id != typo.id)]
    response = await client.post(
        cohost, data={**base, "act": "edit", "pick": two}, allow_redirects=False
    )
    assert "n=edit_one" in response.headers["Location"] and "e=" not in response.headers["Location"]


async def test_a_rename_made_at_the_laptop_meanwhile_is_not_overwritten_unseen(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    """B typed a new name in the console's field while A renamed the same theme at the
    laptop; B's Save replaced A's name and nobody saw it. The save now carries the name B
    saw: it is refused, B's text stays in the field, the page says the name now, and a
    second Save replaces it."""
    ids = busy_meeting(service)
    _, found = await console(client, cohost)
    save = found[f"b-rename-{ids['places']}"]["fields"]
    assert save["seen"] == "Mötesplatser för äldre"
    service.rename_theme(ids["places"], "Hälsa, rörelse och kultur")  # A, at the laptop
    seq = service.state.last_seq

    response = await client.post(cohost, data={**save, "name": "Rörelse och kultur"})
    html = await response.text()
    assert response.status == 409
    assert service.state.themes[ids["places"]].name == "Hälsa, rörelse och kultur"
    assert service.state.last_seq == seq, "nothing stored"
    assert (
        "Temat har just bytt namn till ”Hälsa, rörelse och kultur” på datorn. "
        "Spara igen för att ersätta det."
    ) in html
    assert 'class="messages -sticky"' in html, "said in sight, not 2000 px above"
    again = forms(html)[f"b-rename-{ids['places']}"]["fields"]
    assert again["name"] == "Rörelse och kultur", "B's text is kept in the field"
    assert f'<details class="rename" id="rename-{ids["places"]}" open>' in html
    assert again["seen"] == "Hälsa, rörelse och kultur"

    response = await client.post(cohost, data=again, allow_redirects=False)
    assert response.status == 303
    assert service.state.themes[ids["places"]].name == "Rörelse och kultur", "the second Save"
    # A rename both made alike is no conflict.
    _, found = await console(client, cohost)
    save = found[f"b-rename-{ids['visits']}"]["fields"]
    service.rename_theme(ids["visits"], "Besöksvänner och telefonvänner")
    response = await client.post(
        cohost, data={**save, "name": "Besöksvänner och telefonvänner"}, allow_redirects=False
    )
    assert response.status == 303


async def test_an_idea_edited_at_the_laptop_meanwhile_is_not_overwritten_unseen(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    busy_meeting(service)
    idea = service.capture_idea("Besöksvänenr för äldre", table=3)
    _, found = await console(client, cohost)
    base = {k: v for k, v in found["b-move"]["fields"].items() if k != "theme"}
    response = await client.post(cohost, data={**base, "act": "edit", "pick": idea.id})
    save = forms(await response.text())["b-edit-save"]["fields"]
    assert save["seen"] == "Besöksvänenr för äldre"
    service.edit_idea(idea.id, text="Besöksvänner för äldre\noch för anhöriga")  # A

    response = await client.post(cohost, data={**save, "text": "Besöksvänner för äldre"})
    html = await response.text()
    assert response.status == 409
    assert service.state.ideas[idea.id].text == "Besöksvänner för äldre\noch för anhöriga"
    assert "Idéns text har just ändrats till ”Besöksvänner för äldre" in html
    assert "Besöksvänner för äldre</textarea>" in html, "B's text is kept in the field"
    again = forms(html)["b-edit-save"]["fields"]
    # A browser sends the hidden field's line break as CR LF: still the text B saw.
    again["seen"] = again["seen"].replace("\n", "\r\n")
    response = await client.post(
        cohost, data={**again, "text": "Besöksvänner för äldre"}, allow_redirects=False
    )
    assert "n=edited" in response.headers["Location"]
    assert service.state.ideas[idea.id].text == "Besöksvänner för äldre"


async def test_the_console_deletes_a_theme_with_no_ideas_and_nobody_signed(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    """Themes the co-host emptied on the phone stayed on the projector ("Inga idéer här
    ännu", and in "12 teman") until the laptop deleted them, 39 keys later."""
    ids = busy_meeting(service)
    empty = service.create_theme("Mat och måltider")
    listed = service.create_theme("Kultur, kör och dans", signup=True)
    kept = service.create_theme("Skjuts och resor")
    service.set_idea_theme(ids["shown"], kept.id)
    html, found = await console(client, cohost)
    assert f"b-delete-{empty.id}" in found and f"b-delete-{listed.id}" in found
    for busy in (ids["places"], ids["visits"], kept.id):  # signed on, or has ideas
        assert f"b-delete-{busy}" not in found
    assert 'data-confirm="Ta bort temat ”Kultur, kör och dans”?' in html, "a list: ask first"
    assert f'id="b-delete-{empty.id}" aria-describedby="theme-{empty.id}-name">' in html

    response = await press(client, cohost, f"b-delete-{empty.id}")
    assert response.headers["Location"] == f"{cohost}?n=theme_deleted&o=board#board"
    assert service.state.themes[empty.id].deleted, "through the service, as the laptop's Del"
    page = await (await client.get(response.headers["Location"])).text()
    assert "Temat är borttaget." in page and "Mat och måltider" not in page
    resent = await client.post(cohost, data=found[f"b-delete-{empty.id}"]["fields"])
    assert resent.status == 200 and "Temat är borttaget." not in await resent.text()

    # Filled at the laptop since the page was drawn: not deleted, and said so.
    _, found = await console(client, cohost)
    service.set_idea_theme(ids["shown"], listed.id)
    response = await client.post(
        cohost, data=found[f"b-delete-{listed.id}"]["fields"], allow_redirects=False
    )
    assert "n=theme_not_empty" in response.headers["Location"]
    assert not service.state.themes[listed.id].deleted


async def test_an_edit_on_the_board_can_be_undone_and_the_tables_words_come_back(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    """A slip of the thumb in "Ändra text" replaced what a table wrote, and only the log
    still had the table's words: the notice now has an Undo, as merge and hide do."""
    busy_meeting(service)
    idea = service.capture_idea("Läxhjälp på biblioteket varje tisdag", table=2)
    _, found = await console(client, cohost)
    base = {k: v for k, v in found["b-move"]["fields"].items() if k != "theme"}
    response = await client.post(
        cohost, data={**base, "act": "edit", "pick": idea.id}, allow_redirects=False
    )
    page = await (await client.get(response.headers["Location"])).text()
    save = forms(page)["b-edit-save"]["fields"]
    response = await client.post(cohost, data={**save, "text": "Läxhj"}, allow_redirects=False)
    assert f"r={idea.id}" in response.headers["Location"]
    page = await (await client.get(response.headers["Location"])).text()
    assert "Texten är ändrad." in page
    undo = forms(page)["b-undo-edit"]["fields"]
    assert undo["id"] == idea.id

    response = await client.post(cohost, data=undo, allow_redirects=False)
    assert "n=edit_undone" in response.headers["Location"]
    assert "r=" not in response.headers["Location"], "nothing more to undo"
    assert service.state.ideas[idea.id].text == "Läxhjälp på biblioteket varje tisdag"
    page = await (await client.get(response.headers["Location"])).text()
    assert "Texten är som den var före ändringen." in page and "b-undo-edit" not in page

    response = await client.post(cohost, data=undo, allow_redirects=False)
    assert "n=done" in response.headers["Location"], "the same tap resent does nothing more"
    assert service.state.ideas[idea.id].text == "Läxhjälp på biblioteket varje tisdag"

    assert "b-edit-save" not in page, "the edit field closed with the Undo"
    _, found = await console(client, cohost)  # a new page: new submission ids
    base = {k: v for k, v in found["b-move"]["fields"].items() if k != "theme"}
    response = await client.post(
        cohost, data={**base, "act": "edit", "pick": idea.id}, allow_redirects=False
    )
    page = await (await client.get(response.headers["Location"])).text()
    save = forms(page)["b-edit-save"]["fields"]
    response = await client.post(
        cohost, data={**save, "text": "Läxhjälp på biblioteket varje tisdag"}, allow_redirects=False
    )
    assert "r=" not in response.headers["Location"], "an unchanged text offers no Undo"


async def test_a_board_row_says_how_many_duplicates_were_merged_into_it(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    """After a merge the row read as table 1's idea alone: the co-host sorting the board
    could not see it had come up at three tables."""
    busy_meeting(service)
    kept = service.capture_idea("Fritidsgård öppen på helgerna", table=1, round=1)
    twins = [service.capture_idea(f"Öppen fritidsgård {n}", table=n, round=2) for n in (2, 3)]
    service.merge_ideas(kept.id, [t.id for t in twins])
    html, _ = await console(client, cohost)
    row = html[html.index(f'id="board-{kept.id}"') :]
    row = row[: row.index("</li>")]
    assert "+2 ihopslagna" in row
    single = service.capture_idea("Läxhjälp", table=4, round=1)
    html, _ = await console(client, cohost)
    row = html[html.index(f'id="board-{single.id}"') :]
    assert "ihopslagen" not in row[: row.index("</li>")]


async def test_the_console_splits_a_merge_made_at_the_laptop(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    """The laptop's Ctrl+Z was the only way back from a merge, and only for the laptop's
    own: the co-host who saw two different ideas folded into one could not split them."""
    busy_meeting(service)
    kept = service.capture_idea("Fritidsgård öppen på helgerna", table=1, round=1)
    twins = [service.capture_idea(f"Öppen fritidsgård {n}", table=n, round=2) for n in (2, 3)]
    service.merge_ideas(kept.id, [t.id for t in twins])  # at the laptop
    _, found = await console(client, cohost)
    split = found[f"b-split-{kept.id}"]["fields"]
    assert split["do"] == "split_idea" and split["id"] == kept.id
    response = await client.post(cohost, data=split, allow_redirects=False)
    assert "n=split" in response.headers["Location"]
    assert all(service.state.ideas[t.id].visible for t in twins)
    assert service.state.merged_duplicates() == {}
    page = await (await client.get(response.headers["Location"])).text()
    assert "tillbaka på tavlan var för sig" in page and f"b-split-{kept.id}" not in page
    response = await client.post(cohost, data=split, allow_redirects=False)
    assert "n=done" in response.headers["Location"], "the same tap resent does nothing more"


async def test_a_theme_name_the_service_refuses_reads_in_the_consoles_language(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    """The console does not check a theme name itself: what it shows is what the service
    said (``text.required``, ``text.too_long``), in the forms' words and the page's language."""
    busy_meeting(service)
    themes = len(service.state.live_themes())
    limit = LIMITS["theme"]
    for lang in ("sv", "en"):
        await client.get(f"{cohost}?lang={lang}")
        tr = Translator(lang)
        empty = await press(client, cohost, "b-new-theme", name="   ")
        assert empty.status == 400
        assert unescape(await empty.text()).count(tr("web.cohost.name_needed")) == 1
        long = await press(client, cohost, "b-new-theme", name="å" * (limit + 1))
        assert long.status == 400
        expected = tr("web.error.too_long", limit=limit, length=limit + 1)
        assert expected in unescape(await long.text())
    assert len(service.state.live_themes()) == themes, "nothing made"


# -- live ---------------------------------------------------------------------------------


async def test_the_console_feed_follows_changes_made_anywhere(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    await client.get(cohost)  # the session cookie, as the page gives it
    feed = await client.get(cohost + "events")
    assert feed.status == 200
    assert feed.headers["Content-Type"].startswith("text/event-stream")
    first = await state_after(feed, 0)
    assert 'id="now"' in first["html"] and first["timer"] is None
    service.start_step(0)  # a key pressed at the laptop
    moved = await state_after(feed, service.state.last_seq)
    assert service.agenda.steps[0].title in moved["html"] and moved["timer"] is not None
    service.sign_up(name="Li Wei", source="web")  # a phone
    signed = await state_after(feed, service.state.last_seq)
    assert "Li Wei" in signed["html"]
    feed.close()


async def test_a_live_update_carries_only_the_parts_that_changed(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    """Every part went with every change (200 KB a time at 150 ideas, to a phone on the
    venue's Wi-Fi): a sign-up now sends the sign-ups, not the board and the ideas."""
    busy_meeting(service)
    for n in range(40):
        service.capture_ideas([f"Idé {n} om fler mötesplatser i stadsdelen"], table=n % 5 + 1)
    await client.get(cohost)
    feed = await client.get(cohost + "events")
    first = await state_after(feed, service.state.last_seq)
    parts = ("now", "signups", "thoughts", "phone-ideas", "board")
    assert all(f'id="{part}" data-part' in first["html"] for part in parts), "all, at first"
    service.sign_up(name="Li Wei", organisation="Röda Korset", source="web")
    signed = await state_after(feed, service.state.last_seq)
    assert 'id="signups" data-part' in signed["html"] and "Li Wei" in signed["html"]
    assert 'id="board" data-part' not in signed["html"]
    assert 'id="phone-ideas" data-part' not in signed["html"]
    assert len(signed["html"]) * 5 < len(first["html"]), (len(signed["html"]), len(first["html"]))
    service.start_step(1)  # the step: "now" goes, with its fresh buttons
    moved = await state_after(feed, service.state.last_seq)
    assert 'id="now" data-part' in moved["html"] and 'id="signups"' not in moved["html"]
    feed.close()


# -- the token: revoked at once, never in the log ------------------------------------------------


def test_every_route_with_a_token_is_redacted_in_the_log() -> None:
    """The logs cut the segment after ``links.TOKEN_PREFIXES``; the route table agrees."""
    assert token_prefixes(routes()) == set(links.TOKEN_PREFIXES)
    check_token_routes(routes())
    stray = [*routes(), web.get("/x/{token}/extra", lambda request: None)]
    with pytest.raises(RuntimeError, match="/x/"):
        check_token_routes(stray)


async def test_a_new_code_revokes_the_old_at_once_while_the_server_runs(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "m"
    service = new_meeting(folder)
    busy_meeting(service)
    server = LanServer(service, host="127.0.0.1", port=0, lan_address=lambda: "127.0.0.1")
    await server.start()
    old = server.cohost_url()
    assert old.startswith(f"http://127.0.0.1:{server.port}/c/")
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(old) as response:
                assert response.status == 200
            feed = await session.get(old + "events")
            await next_event(feed)
            # `cafe qr` in another process, beside the running server.
            made = subprocess.run(
                [sys.executable, "-m", "cafe", "qr", str(folder), "--cohost", "--new", "--url"],
                capture_output=True, text=True, cwd=ROOT, timeout=60,
            )  # fmt: skip
            assert made.returncode == 0, made.stderr
            new = made.stdout.strip()
            assert new != old and new == server.cohost_url()
            assert "den gamla fungerar inte längre" in made.stderr
            async with session.get(old) as response:
                assert response.status == 404, "the old code stops working at once"
            async with session.post(old, data={"do": "next"}) as response:
                assert response.status == 404
            async with session.get(new) as response:
                assert response.status == 200
            with pytest.raises(EOFError):  # the old code's open feed ends too
                for _ in range(5):
                    await next_event(feed)
            feed.close()
            for path in (old, new, old + "events"):
                async with session.get(path + "?lang=en") as response:
                    await response.read()
    finally:
        await server.stop()
    log = (folder / "server.log").read_text(encoding="utf-8")
    assert '"GET /c/…/" 200' in log and '"GET /c/…/" 404' in log
    assert '"GET /c/…/events" 200' in log
    for token in (old.split("/c/")[1].strip("/"), new.split("/c/")[1].strip("/")):
        assert token not in log, "the co-host token is never in server.log"
    assert meeting_token(service) not in log


async def test_qr_cohost_refuses_other_codes_and_new_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "m"
    new_meeting(folder).log.close()  # type: ignore[attr-defined]
    monkeypatch.setattr("cafe.cli.qr_cmd.detect_lan_address", lambda: "192.0.2.10")
    for extra, lang, said in (
        (["--table", "2"], "sv", "--cohost går inte att kombinera med --table eller --projector"),
        (["--projector"], "en", "--cohost cannot be combined with --table or --projector"),
    ):
        assert main(["qr", str(folder), "--cohost", *extra, "--lang", lang]) == 2
        captured = capsys.readouterr()
        assert said in captured.err and "Traceback" not in captured.err and captured.out == ""
    assert main(["qr", str(folder), "--new"]) == 2
    assert "--new gäller bara --cohost" in capsys.readouterr().err
    assert main(["qr", str(folder), "--cohost", "--url"]) == 0
    captured = capsys.readouterr()
    url = captured.out.strip()
    service = open_meeting(folder)
    assert url == f"http://192.0.2.10:8765/c/{cohost_token(service)}/"
    assert main(["qr", str(folder), "--cohost"]) == 0
    captured = capsys.readouterr()
    assert "▀" in captured.out and "kan styra mötet" in captured.err
    png = tmp_path / "c.png"
    assert main(["qr", str(folder), "--cohost", "--out", str(png)]) == 0
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(png)], capture_output=True, text=True, timeout=30
    )
    assert decoded.stdout.strip() == url
    assert service.log.get_meta("printed_base") is None, "the console's code is no table card"  # type: ignore[attr-defined]


async def test_build_app_gives_the_console_a_memory_per_server(service: MeetingService) -> None:
    first = build_app(service, public_base=PUBLIC)
    second = build_app(service, public_base=PUBLIC)
    from cafe.web.cohost_views import RECENT

    assert first[RECENT] is not second[RECENT]


async def test_the_console_points_out_one_person_signed_up_under_two_spellings(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    theme = service.create_theme("Mötesplatser", signup=True)
    for name, organisation, email in (
        ("Erik Johansson", "PRO Hageby", "erik.j@pro.se"),
        ("erik johanson", "PRO hageby", "erik.johansson@example.org"),
    ):
        service.sign_up(
            name=name, organisation=organisation, email=email, themes=[theme.id], consent=True
        )
    html, _found = await console(client, cohost)
    assert html.count("samma person som") == 2
    assert "samma person som erik johanson?" in html


async def test_next_on_the_console_right_after_the_laptops_n_moves_nothing(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    """Audit Q, S2: the console's tap landed 0.3 s after the laptop's n, on a page the
    live update had already moved on, and the meeting went two steps."""
    service.start_step(1)
    service.clock.advance(60)  # type: ignore[attr-defined]
    service.next_step()  # the laptop's n: the presentation round
    service.clock.advance(0.3)  # type: ignore[attr-defined]
    response = await press(client, cohost, "b-next")  # the page already shows step 3
    assert response.status == 409
    assert "Datorn bytte just till steg 3" in await response.text()
    assert service.state.current_step == 2
    service.clock.advance(STEP_GRACE)  # type: ignore[attr-defined]
    response = await press(client, cohost, "b-next")
    assert response.status == 303 and service.state.current_step == 3


async def test_previous_on_the_console_while_the_time_runs_asks_first(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    """Audit Q, M2: "Förra steget" took the round's question off the projector unasked."""
    service.start_step(step_index(service, StepKind.CAFE_ROUND, 1))
    html, _ = await console(client, cohost)
    assert 'id="b-previous" data-confirm' not in html, "a clock not running: no question"
    service.timer_start()
    html, _ = await console(client, cohost)
    question = "Tiden för ”Runda 1” går fortfarande. Gå tillbaka till förra steget ändå?"
    assert f'id="b-previous" data-confirm="{question}' in html


async def test_pausa_a_moment_after_the_time_started_elsewhere_leaves_it_running(
    client: TestClient, service: MeetingService, cohost: str
) -> None:
    """Audit Q, M1: two phones tapped "Fortsätt" together; the second button had just
    become "Pausa" under the finger, and the round's clock stood still."""
    service.start_step(step_index(service, StepKind.CAFE_ROUND, 1))
    service.timer_start()  # the other phone's (or the laptop's) start
    service.clock.advance(0.5)  # type: ignore[attr-defined]
    response = await press(client, cohost, "b-timer")  # the button reads "Pausa" by now
    assert "n=just_started" in response.headers["Location"]
    assert service.timer().running  # type: ignore[union-attr]
    service.clock.advance(STEP_GRACE)  # type: ignore[attr-defined]
    await press(client, cohost, "b-timer")  # pressed again, meant
    assert not service.timer().running  # type: ignore[union-attr]

    await press(client, cohost, "b-timer")  # this phone starts it ...
    service.clock.advance(0.5)  # type: ignore[attr-defined]
    await press(client, cohost, "b-timer")  # ... and takes its own mis-tap back at once
    assert not service.timer().running  # type: ignore[union-attr]
