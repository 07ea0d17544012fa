"""What the room sees: the main screens at 120x40 and 80x24, in Swedish and English.

The meeting is built through the service (fixed people, a fake clock, a fixed LAN
address), then the app is opened at the step under test. Update the SVGs with
``pytest tests/tui/test_snapshots.py --snapshot-update`` after looking at the report.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from msgspec.structs import replace
from textual.pilot import Pilot

from cafe.core import meeting_seating as seating
from cafe.core.clock import FakeClock
from cafe.core.service import MeetingService
from cafe.tui.app import CafeApp
from tests.meetings import new_meeting
from tests.tui.helpers import FakePhoneServer, people, step_index

SIZES = [(120, 40), (80, 24)]
LANGS = ["sv", "en"]
CHALLENGE = {"sv": "ensamhet bland äldre", "en": "loneliness among older people"}
AGENDA = {"sv": "idemote.sv", "en": "idea-meeting.en"}
IDEAS = {
    "sv": [
        "Fler mötesplatser i bostadsområdet",
        "Besöksvänner från kyrkan och Röda Korset",
        "Digital fika på biblioteket",
        "Promenadgrupper med kommunens friskvård",
        "Mat tillsammans på träffpunkten",
        "Telefonkedja för dem som inte går ut",
    ],
    "en": [
        "More meeting places in the neighbourhood",
        "Visiting friends from the church and the Red Cross",
        "Digital coffee at the library",
        "Walking groups with the municipality's health team",
        "Shared meals at the meeting point",
        "A phone chain for those who cannot go out",
    ],
}
THEMES = {"sv": ("Mötesplatser", "Besök och samtal"), "en": ("Meeting places", "Visits and calls")}


def build(folder: Path, lang: str, stage: str) -> tuple[MeetingService, FakeClock]:
    """A 30-person meeting taken, through the service, to ``stage``."""
    clock = FakeClock(1_800_000_000.0)
    service = new_meeting(folder, agenda=AGENDA[lang], clock=clock, challenge=CHALLENGE[lang])
    everyone = people(30, present=True)
    service.add_participants([replace(p, present=i < 28) for i, p in enumerate(everyone)])
    if stage == "door":
        return service, clock
    if stage == "opening":
        service.start_step(0)
        clock.advance(120)
        return service, clock
    for index in range(step_index(service, "cafe_round", 1)):
        service.start_step(index)
        clock.advance(service.agenda.steps[index].minutes * 60)
    seating.plan_now(service, 1)
    for number in (1, 2):
        service.start_step(step_index(service, "cafe_round", number))
        service.timer_start()
        if number == 2 and stage == "round":
            clock.advance(service.agenda.steps[service.state.current_step].minutes * 60 - 90)
            return service, clock
        clock.advance(service.agenda.steps[service.state.current_step].minutes * 60)
        texts = IDEAS[lang][:3] if number == 1 else IDEAS[lang][3:]
        for table, text in enumerate(texts, start=1):
            service.capture_idea(text, table=table)
    service.capture_idea(IDEAS[lang][0], table=4, source="phone")
    if stage == "capture":
        return service, clock
    ideas = [i.id for i in service.state.visible_ideas()]
    service.merge_ideas(ideas[0], [ideas[-1]])
    meeting_places = service.create_theme(THEMES[lang][0], signup=True, ideas=ideas[0:3:2])
    visits = service.create_theme(THEMES[lang][1], signup=True, ideas=[ideas[1]])
    service.start_step(step_index(service, "harvest"))
    if stage == "board":
        return service, clock
    names = [p.name for p in everyone]
    service.sign_up(name=names[0], organisation="PRO", themes=[meeting_places.id])
    service.sign_up(name=names[1], themes=[meeting_places.id, visits.id], source="phone")
    service.sign_up(name=names[2], organisation="Röda Korset", themes=[visits.id])
    service.start_step(step_index(service, "signup"))
    service.timer_start()
    clock.advance(95)
    if stage == "signup":
        return service, clock
    service.start_step(step_index(service, "checkout"))
    for text, author in (("Hopp", names[3]), ("Gemenskap", ""), ("Att vi ses igen", names[4])):
        service.note_checkout(text, author=author)
    if stage == "checkout":
        return service, clock
    service.start_step(step_index(service, "closing"))
    return service, clock


KEYS: dict[str, tuple[str, ...]] = {
    "door": ("d",),
    "capture": ("i",),
    "board": ("t",),
    "help": ("question_mark",),
}
"""Keys pressed before the picture; ``snap_compare(press=...)`` waits for an idle app
before the first key and after the last, so no extra pauses are needed around them."""
STAGES = ["door", "opening", "round", "capture", "board", "signup", "checkout", "closing"]


async def without_notices(pilot: Pilot[None]) -> None:
    """The pictures are of the screens: the notice that a meeting under way goes on
    (12 s after opening, tested in test_tui_parts) would cover their right side."""
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


def make_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, stage: str) -> CafeApp:
    monkeypatch.chdir(tmp_path)
    service, clock = build(Path("möte"), lang, "round" if stage == "help" else stage)
    service.folder = Path("möte")  # type: ignore[attr-defined]
    return CafeApp(service, clock=clock, server=FakePhoneServer(), lang=lang)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("stage", STAGES)
def test_main_screens(
    snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str, lang: str, size
) -> None:
    app = make_app(tmp_path, monkeypatch, lang, stage)
    keys = list(KEYS.get(stage, ()))
    assert snap_compare(app, terminal_size=size, press=keys, run_before=without_notices)


@pytest.mark.parametrize("lang", LANGS)
def test_help_screen(
    snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    app = make_app(tmp_path, monkeypatch, lang, "help")
    keys = list(KEYS["help"])
    assert snap_compare(app, terminal_size=(120, 40), press=keys, run_before=without_notices)


def test_high_contrast_round(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, "sv", "round")
    assert snap_compare(app, terminal_size=(120, 40), press=["c"], run_before=without_notices)
