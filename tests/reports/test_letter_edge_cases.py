"""The letter, the summary and the deck read right at the edges, in both languages: a
theme with no list has no "0 vill fortsätta", a list no idea was put under is not among
"the themes the ideas were gathered under", nobody signed up means no working group is
promised, one host is "värden"/"the host", two ideas are "Båda idéerna"/"Both ideas"
(and none is said so), and a Swedish deck quotes with ”…”."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from cafe.cli import main
from cafe.core.participants import PersonInput
from cafe.core.service import MeetingService
from cafe.i18n import Translator
from cafe.reports.build import build_report
from cafe.storage.folder import open_meeting
from tests.reports.support import all_text, open_deck

AGENDAS = {"sv": "idemote.sv", "en": "idea-meeting.en"}
HOST = "Åke Ek <ake@vaxjo.se>"


def _meeting(folder: Path, lang: str) -> MeetingService:
    """`cafe new` with one co-host; four people present; the caller closes the log."""
    argv = ["new", str(folder), "--challenge", "ensamhet bland äldre", "--date", "2026-11-12"]
    assert main([*argv, "--agenda", AGENDAS[lang], "--host-municipality", HOST]) == 0
    service = open_meeting(folder)
    service.add_participants(
        [
            PersonInput(name, org, "förening", present=True)
            for name, org in (
                ("Åsa Öberg", "Röda Korset"),
                ("Per Lind", "PRO"),
                ("Li Chen", "Kvinnojouren"),
                ("Bo Ek", "Svenska kyrkan"),
            )
        ]
    )
    return service


def _letter(out: Path) -> list[str]:
    return [p.text for p in Document(str(out / "feedback.docx")).paragraphs]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_themes_with_and_without_lists_ideas_and_people(tmp_path: Path, lang: str) -> None:
    tr = Translator(lang)
    service = _meeting(tmp_path / "m", lang)
    try:
        ideas = [service.capture_idea(f"Idé {n}", table=1, round=1).id for n in range(6)]
        listed = service.create_theme("Mötesplatser", signup=True, ideas=ideas[:3])
        service.create_theme("Landsbygden", signup=False, ideas=ideas[3:5])
        service.create_theme("Språk", signup=True, ideas=ideas[5:])
        carers = service.create_theme("Anhörigas ensamhet", signup=True)
        service.create_theme("Tomt tema", signup=True)
        service.sign_up(name="Åsa Öberg", organisation="Röda Korset", themes=[listed.id])
        service.sign_up(name="Per Lind", organisation="PRO", themes=[carers.id])
        service.note_checkout("Hopp")
        build_report(service, tmp_path / "out")
    finally:
        service.log.close()
    letter = _letter(tmp_path / "out")
    ideas_count = tr("count.ideas", count=2)
    assert f"Landsbygden: {ideas_count}" in letter, "no list, no count"
    one_idea = tr("count.ideas", count=1)
    assert tr("reports.feedback.theme_line_none", theme="Språk", ideas=one_idea) in letter
    gathered = letter.index(tr("reports.feedback.themes"))
    also = letter.index(tr("reports.feedback.lists_only"))
    assert gathered < also
    between = letter[gathered:also]
    assert not any("Anhörigas ensamhet" in line for line in between)
    carers_line = tr("reports.feedback.list_line", count=1, theme="Anhörigas ensamhet", people=1)
    assert any(line.startswith(carers_line) for line in letter[also:])
    assert not any("Tomt tema" in line for line in letter), "a theme with nothing is left out"
    assert not any(tr("count.ideas", count=0) in line for line in letter)

    hosts = tr("reports.feedback.hosts", names="Åke Ek (ake@vaxjo.se)")
    assert tr("reports.feedback.join_later_text", count=1, hosts=hosts) in letter, "one host"

    deck = all_text(open_deck(tmp_path / "out" / "working-group.pptx"))
    assert tr("reports.cohost", names="Åke Ek") in deck
    assert tr("reports.deck.quoted", text="Hopp") in deck
    assert ("“Hopp”" in deck) == (lang == "en") and ("”Hopp”" in deck) == (lang == "sv")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_nobody_signed_up_one_host_and_two_ideas(tmp_path: Path, lang: str) -> None:
    tr = Translator(lang)
    service = _meeting(tmp_path / "m", lang)
    try:
        service.capture_ideas(["Besöksvänner", "Språkcafé"], table=1)
        build_report(service, tmp_path / "out")
    finally:
        service.log.close()
    letter = "\n".join(_letter(tmp_path / "out"))
    summary = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    promises = [
        tr("reports.feedback.no_themes"),
        tr("reports.feedback.join_later_text", count=1, hosts=""),
        tr("reports.sheet2.next_step_hint"),
    ]
    for promise in promises:
        assert promise.split("{")[0][:40] not in letter + summary, promise
    assert tr("reports.feedback.no_themes_nobody") in letter
    assert tr("reports.sheet2.next_step_nobody") in summary
    hosts = tr("reports.feedback.hosts_end", names="Åke Ek (ake@vaxjo.se)")
    assert tr("reports.feedback.join_later_nobody", count=1, hosts=hosts) in letter
    plural = tr("reports.feedback.join_later_nobody", count=2, hosts=hosts)
    assert plural not in letter and ("värdarna" if lang == "sv" else "the hosts") not in letter
    assert tr("reports.summary.ideas_intro_unthemed_two") in summary
    assert tr("reports.summary.host") + ":**" in summary
    for wrong in ("Alla 2 idéer", "All 2 ideas", "teman som växte fram", "themes that emerged"):
        assert wrong not in summary


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_meeting_held_without_ideas_says_so(tmp_path: Path, lang: str) -> None:
    service = _meeting(tmp_path / "m", lang)
    try:
        service.start_step(0)
        build_report(service, tmp_path / "out")
    finally:
        service.log.close()
    summary = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert Translator(lang)("reports.summary.ideas_intro_none") in summary
    assert "Alla 0" not in summary and "All 0" not in summary
