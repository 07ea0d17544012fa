"""A step's hint wraps in a narrow console instead of being cut off mid-word: at 80
columns the harvest's hint used to end "t öppnar idétavlan: slå i", the presentation
round's "Alla har presentera" and the closing step's report line "återkopplin"."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from rich.text import Text
from textual.widget import Widget
from textual.widgets import Label, Static

from cafe.core import meeting_seating
from cafe.core.clock import FakeClock
from cafe.i18n import set_language, t
from cafe.tui.app import CafeApp
from tests.meetings import new_meeting
from tests.tui.helpers import FakePhoneServer, people, step_index


def shown_words(svg: str) -> list[str]:
    """The words on the screen, line by line, as the terminal shows them."""
    lines = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", line)) for line in lines)
    return text.replace("\xa0", " ").split()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize(
    ("kind", "hint"),
    [
        ("harvest", "tui.harvest.hint"),
        ("checkout", "tui.checkout.hint"),
        ("closing", "tui.closing.report_title"),
        ("presentation_round", "tui.presentation.all_done"),
    ],
)
async def test_a_steps_hint_is_shown_whole(
    tmp_path: Path, size: tuple[int, int], kind: str, hint: str
) -> None:
    clock = FakeClock(1_800_000_000.0)
    service = new_meeting(tmp_path / "m", clock=clock)
    service.start_step(step_index(service, kind))
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        [label] = [w for w in app.screen.query(Label) if str(w.render()) == t(hint)]
        label.scroll_visible(animate=False)  # the closing step scrolls at 80x24
        await pilot.pause()
        words = shown_words(app.export_screenshot())
    # In order, with whatever stands beside the wrapped lines (the timer) in between.
    rest = iter(words[words.index(t(hint).split()[0]) :])
    assert all(word in rest for word in t(hint).split()), " ".join(words)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize(
    "keys",
    [(), ("d",), ("i",), ("i", "2", "enter"), ("i", "9", "9", "enter"), ("t",), ("t", "tab"),
     ("f3",), ("w",), ("a",), ("f4",), ("v",), ("t", "s")],
    ids=["round", "door", "capture", "capture-table", "capture-error", "board", "board-theme",
         "moderation", "where", "person", "cohost", "projector", "suggestions"],
)  # fmt: skip
async def test_no_label_is_wider_than_the_place_it_is_shown_in(
    tmp_path: Path, keys: tuple[str, ...], lang: str
) -> None:
    """A label is as wide as its text unless told otherwise; wider than its container,
    the end is simply not drawn (the capture hint lost "F2 ändrar · F8 tar bort · Ctrl+Z
    ångrar" even at 120 columns; in English, "Next table: its numb" and "In the theme
    “Noticing who is"). Every screen at 80 columns, mid-round with ideas and a theme."""
    clock = FakeClock(1_800_000_000.0)
    service = new_meeting(tmp_path / "m", clock=clock)
    service.add_participants(people(20, present=True))
    meeting_seating.plan_now(service, 1)
    service.start_step(step_index(service, "cafe_round"))
    ideas = [
        service.capture_idea(f"Idé {k} om något viktigt i stadsdelen", table=k % 3 + 1, round=1)
        for k in range(6)
    ]
    service.create_theme(
        "Nå dem som är ensamma och inte kommer till träffar", ideas=[i.id for i in ideas[:2]]
    )
    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        cut = cut_off(app)
        assert not cut, "\n".join(cut)


def cut_off(app: CafeApp) -> list[str]:
    """Widgets on the screen that are wider than the (not scrolling) place they are in."""
    cut = []
    for widget in app.screen.query("*"):
        parent = widget.parent
        if not widget.display or not widget.region.width or not isinstance(parent, Widget):
            continue
        scrolls = parent.styles.overflow_x in ("scroll", "auto") and parent.max_scroll_x
        if widget.region.right > parent.content_region.right and not scrolls:
            cut.append(f"{type(app.screen).__name__} {widget!r}: {str(widget.render())[:60]}")
    return cut


@pytest.mark.parametrize("agenda", ["idemote.sv", "idea-meeting.en", "idemote-kort.sv"])
async def test_no_label_is_cut_off_in_any_step(tmp_path: Path, agenda: str) -> None:
    clock = FakeClock(1_800_000_000.0)
    service = new_meeting(tmp_path / "m", agenda=agenda, clock=clock)
    service.add_participants(people(20, present=True))
    service.start_step(0)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    cut: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in service.agenda.steps:
            await pilot.pause()
            cut += [f"step {service.state.current_step + 1}: {c}" for c in cut_off(app)]
            await pilot.press("n")
    assert service.state.current_step == len(service.agenda.steps) - 1
    assert not cut, "\n".join(cut)


async def test_a_long_name_on_a_signup_list_wraps_under_itself(tmp_path: Path) -> None:
    """At 80 columns "Helén Yilmaz (Biblioteken i" went on with "kommunen)" under the
    list's title, where the next list's title would be."""
    clock = FakeClock(1_800_000_000.0)
    service = new_meeting(tmp_path / "m", clock=clock)
    theme = service.create_theme("Mötesplatser", signup=True)
    service.sign_up(
        name="Helén Yilmaz-Lindqvist",
        organisation="Biblioteken i kommunen och Studieförbundet Vuxenskolan",
        themes=[theme.id],
        consent=True,
    )
    service.start_step(step_index(service, "signup"))
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lists = app.screen.query_one("#signup-lists", Static)
        width = lists.content_region.width
        lines = [
            line.plain.rstrip()
            for line in app.console.render_lines(
                lists.content, app.console.options.update_width(width), pad=False
            )
            for line in [Text.assemble(*((s.text, s.style) for s in line))]
        ]
    names = [line for line in lines if line.strip() and not line.startswith("Mötesplatser")]
    assert len(names) >= 2, f"the name wraps at {width} columns: {lines}"
    assert all(line.startswith("   ") for line in names), lines


@pytest.mark.parametrize(("agenda", "lang"), [("idemote.sv", "sv"), ("idea-meeting.en", "en")])
@pytest.mark.parametrize(
    ("size", "late", "shown"),
    [
        ((80, 24), 12, ["+12", "min"]),
        ((100, 30), 12, ["(12", "min", "{late})"]),
        ((100, 30), 371, ["(+6", "h", "11", "min)"]),
    ],
)
async def test_how_late_the_meeting_runs_is_shown_whole_with_its_unit(
    tmp_path: Path, agenda: str, lang: str, size: tuple[int, int], late: int, shown: list[str]
) -> None:
    """The rail's "Projected end 10:40 (+12)" is wider than an 80-column rail: it was cut
    to "(+1", one minute late where it was twelve. And "Beräknat slut 02:40 (+371)" was
    a bare number: how late is said with its unit, in hours once it is hours."""
    set_language(lang)
    clock = FakeClock(1_800_000_000.0)
    service = new_meeting(tmp_path / "m", agenda=agenda, clock=clock)
    service.start_step(0)
    minutes = service.agenda.steps[0].minutes
    clock.advance((minutes + late) * 60)
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        words = shown_words(app.export_screenshot())
    label = t("tui.rail.projected_end_short", time="").strip()
    start = words.index(label)
    late_word = t("tui.rail.late", amount="").strip()
    expected = [w.replace("{late}", late_word) for w in shown]
    assert words[start + 2 : start + 2 + len(expected)] == expected, " ".join(words)
    assert f"(+{late})" not in words


async def test_the_report_command_is_on_screen_at_closing_at_80_columns(tmp_path: Path) -> None:
    """At 80x24 the closing step's figures (a line per theme) and the timer pushed
    "cafe report DIR", what the co-hosts do next, below the bottom of the console."""
    clock = FakeClock(1_800_000_000.0)
    service = new_meeting(tmp_path / "m", clock=clock)
    service.add_participants(people(20, present=True))
    for name in ("Mötesplatser", "Besöksvänner", "Skjuts till träffar"):
        theme = service.create_theme(name, signup=True)
        service.sign_up(name=f"Anmäld till {name}", themes=[theme.id])
    service.start_step(step_index(service, "closing"))
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        command = app.screen.query_one("#closing-command", Static)
        assert command.region.height and command.region.bottom <= 23, command.region
        assert str(command.render()).startswith("cafe report ")
