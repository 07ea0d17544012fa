"""Moderation in the TUI: Del takes a sign-up, a thought or a phone idea off every view;
Del again or Ctrl+Z brings it back. Keys act on the focused list only."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from cafe.tui.app import CafeApp
from cafe.tui.moderation_data import phone_idea_rows, signup_rows
from cafe.tui.screens.moderation_screen import ModerationScreen
from cafe.tui.widgets.key_footer import KeyFooter
from cafe.web.snapshot import screen_state
from tests.tui.helpers import FakePhoneServer, meeting


async def test_removal_keys_remove_and_undo_in_order(tmp_path: Path) -> None:
    service, clock = meeting(tmp_path / "m")
    theme = service.create_theme("Mötesplatser", signup=True)
    asa = service.sign_up(name="Åsa Öberg", themes=[theme.id], source="web")
    clock.advance(60)
    junk = service.sign_up(name="asdf", source="web")
    first = service.note_checkout("Hopp och samarbete", source="web")
    clock.advance(60)
    spam = service.note_checkout("spam spam spam spam", source="web")
    [idea] = service.capture_ideas(["köp billiga klockor"], table=3, source="web")

    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, ModerationScreen)
        signups = app.screen.query_one("#signups", OptionList)
        assert app.screen.focused is signups
        assert str(signups.get_option_at_index(0).prompt).endswith("asdf"), "newest first"

        await pilot.press("delete")  # the junk sign-up
        await pilot.pause()
        assert service.state.signups[junk.id].withdrawn
        assert service.state.signups[junk.id].removed_by == "tui"
        assert [s.id for s in service.state.live_signups()] == [asa.id]
        assert "[borttagen]" in str(signups.get_option_at_index(0).prompt)

        await pilot.press("tab")  # the check-out list: Del acts there only
        checkout = app.screen.query_one("#checkout", OptionList)
        assert app.screen.focused is checkout
        await pilot.press("delete")
        await pilot.pause()
        assert service.state.checkout[spam.id].removed
        assert not service.state.checkout[first.id].removed
        assert not service.state.signups[asa.id].withdrawn, "the other list was not touched"
        words = dict(screen_state_words(service))
        assert "spam" not in words and "samarbete" in words

        await pilot.press("tab")
        ideas = app.screen.query_one("#ideas", OptionList)
        row = str(ideas.get_option_at_index(0).prompt)
        assert "bord 3:" in row, "where it was said, as the console shows it (no round yet)"
        await pilot.press("delete")  # hide the phone's junk idea
        await pilot.pause()
        assert idea.id not in {i.id for i in service.state.visible_ideas()}
        row = str(ideas.get_option_at_index(0).prompt)
        assert row.startswith("[dold]"), "hidden, as its list's title and the console say"

        await pilot.press("ctrl+z")  # undo: the idea first, then the thought, then the sign-up
        await pilot.pause()
        assert idea.id in {i.id for i in service.state.visible_ideas()}
        assert service.state.checkout[spam.id].removed
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not service.state.checkout[spam.id].removed
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not service.state.signups[junk.id].withdrawn
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert any("Inget att ångra" in str(n.message) for n in app._notifications)


def screen_state_words(service: object) -> list[tuple[str, int]]:
    """The word cloud as the projector would get it at check-out."""
    from cafe.core.agenda import StepKind

    steps = service.agenda.steps  # type: ignore[attr-defined]
    service.start_step(next(i for i, s in enumerate(steps) if s.kind is StepKind.CHECKOUT))  # type: ignore[attr-defined]
    return [(w, n) for w, n in screen_state(service)["words"]]  # type: ignore[arg-type]


async def test_search_finds_the_rude_idea_among_150_and_del_hides_it(tmp_path: Path) -> None:
    """With 150 ideas from the phones, newest first, the rude round-2 idea was a hundred
    rows down (twelve PageDowns): / searches all three lists, Enter goes to it."""
    service, clock = meeting(tmp_path / "m")
    (rude,) = service.capture_ideas(["Skit i de jävla idioterna"], table=10, source="web")
    for n in range(150):
        clock.advance(1)
        service.capture_ideas([f"Idé {n} om fler mötesplatser"], table=n % 15 + 1, source="web")
    service.note_checkout("Jättebra möte", source="web")
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ModerationScreen)
        assert screen.query_one("#ideas", OptionList).option_count == 151
        await pilot.press("slash")
        await pilot.press(*"JÄVLA")
        await pilot.pause()
        ideas = screen.query_one("#ideas", OptionList)
        assert ideas.option_count == 1 and ideas.get_option_at_index(0).id == rude.id
        checkout = screen.query_one("#checkout", OptionList)
        assert checkout.get_option_at_index(0).disabled, "(nothing matches the search)"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.focused is ideas, "Enter goes to the list with what was found"
        await pilot.press("delete")
        await pilot.pause()
        assert service.state.ideas[rude.id].deleted
        assert "1 dold" in str(screen.query_one("#ideas-title").render()), "counts all 151"


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_every_moderation_key_fits_an_80_column_footer(tmp_path: Path, lang: str) -> None:
    """With / added, "^z Ångra senaste borttagning" ran off the edge and ? with it."""
    service, clock = meeting(tmp_path / "m")
    app = CafeApp(service, clock=clock, server=FakePhoneServer(), lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        placed = {key.key: key.whole for key in app.screen.query_one(KeyFooter).placed_keys()}
        assert {"escape", "slash", "delete", "ctrl+z", "question_mark"} <= set(placed), placed
        assert all(placed.values()), placed


def test_an_idea_sent_before_the_rounds_says_its_table_not_round_0(tmp_path: Path) -> None:
    service, _clock = meeting(tmp_path / "m")
    (early,) = service.capture_ideas(["Fika på biblioteket"], table=4, source="web")
    assert early.round == 0
    [row] = phone_idea_rows(service)
    assert "bord 4:  Fika på biblioteket" in row.text and "runda 0" not in row.text


def test_one_person_signed_up_twice_under_two_spellings_is_pointed_out(tmp_path: Path) -> None:
    """Audit M: "Erik Johansson" and "erik johanson" of PRO Hageby, with two e-mails,
    counted as two on the list and nothing in moderation said so."""
    service, _clock = meeting(tmp_path / "m")
    theme = service.create_theme("Mötesplatser", signup=True)

    def sign(name: str, organisation: str, email: str) -> str:
        return service.sign_up(
            name=name, organisation=organisation, email=email, themes=[theme.id], consent=True
        ).id

    first = sign("Erik Johansson", "PRO Hageby", "erik.j@pro.se")
    second = sign("erik johanson", "PRO hageby", "erik.johansson@example.org")
    sign("Erik Karlsson", "PRO Hageby", "erik.k@pro.se")  # another Erik: not pointed out
    sign("Erik Johansson", "Röda Korset", "erik@rk.se")  # a namesake elsewhere: neither
    rows = {row.id: row.text for row in signup_rows(service, {theme.id: "Mötesplatser"})}
    assert rows[first].endswith("(samma person som erik johanson?)"), rows[first]
    assert rows[second].endswith("(samma person som Erik Johansson?)"), rows[second]
    assert sum("samma person" in text for text in rows.values()) == 2, rows
    service.withdraw_signup(second)
    rows = {row.id: row.text for row in signup_rows(service, {theme.id: "Mötesplatser"})}
    assert not any("samma person" in text for text in rows.values()), "one removed: done"
