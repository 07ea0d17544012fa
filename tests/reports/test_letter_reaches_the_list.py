"""Who gets the feedback letter and who is in participants.csv are the same people, each
once (docs/reports.md: "participants.csv says who gets the letter"), and the letter says
where each theme's volunteers come from so that the organisations can be counted.

A meeting as the auditor's: people registered at the door, then phones at the sign-up
step, some of them never registered, one a registered person under another spelling,
one a namesake from another organisation; organisations with commas in their names and
people who came on their own behalf."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from email import message_from_bytes, policy
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document

from cafe.cli import main
from cafe.storage.folder import open_meeting
from tests.meetings import new_meeting

GYMNASIE = "Borås stad, Gymnasieförvaltningen"
FRITID = "Borås stad, Fritids- och folkhälsoförvaltningen"
RUM = "Riksförbundet Unga Musikanter Västra Götaland"
SENDER = "anna.lindqvist@hageby.se"


def _add(folder: Path, name: str, *flags: str) -> None:
    assert main(["people", "add", str(folder), name, "--present", *flags]) == 0


def _meeting(folder: Path) -> None:
    """Four registered, six sign-ups from phones (a theme each)."""
    new_meeting(folder).log.close()
    _add(folder, "Åsa Öberg", "--org", GYMNASIE, "--sector", "kommun", "--email", "asa@boras.se")
    _add(folder, "Per Lind", "--org", FRITID, "--sector", "kommun")
    _add(folder, "Saga Al-Sayed", "--org", RUM, "--sector", "förening", "--email", "saga@rum.se")
    _add(folder, "Anna Forsgren", "--org", "Privatperson", "--sector", "privatperson")
    service = open_meeting(folder)
    try:
        theme = service.create_theme("Trygghet", signup=True)

        def sign(name: str, organisation: str = "", **contact: str) -> None:
            service.sign_up(
                name=name,
                organisation=organisation,
                themes=[theme.id],
                consent=bool(contact),
                source="web",
                **contact,
            )

        # Registered, typed on a phone without accents or organisation: the same person.
        sign("asa oberg", email="asa.privat@example.org")
        # Registered without an address: the sign-up's address is where the letter goes.
        sign("Per Lind", "borås stad, fritids- och folkhälsoförvaltningen", email="per@boras.se")
        # A namesake of a registered person, from another organisation: another person.
        sign("Saga Al-Sayed", "Scouterna Borås", email="annan.person@exempel.se")
        # Never registered: with consent, and without.
        sign("Ольга Петрова-Åkesson", email="olga@exempel.se", phone="+46 70 123 45 67")
        sign("Sara Lind")
        sign("Anna Forsgren", "Privatperson")
    finally:
        service.log.close()


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("letter-list")
    _meeting(root / "m")
    assert main(["report", str(root / "m"), "--out", str(root / "out")]) == 0
    return root / "m", root / "out"


def _rows(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def _recipient_names(folder: Path, capsys: pytest.CaptureFixture[str]) -> Counter[str]:
    """The letter's recipients as `cafe send --dry-run` lists them ("  Name <address>")."""
    capsys.readouterr()
    assert main(["send", str(folder), "--dry-run"]) == 0
    listed = re.findall(r"^  (.+) <[^>]+>$", capsys.readouterr().out, re.MULTILINE)
    return Counter(listed)


def test_everyone_the_letter_reaches_is_in_participants_csv_once(
    out: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, reports = out
    rows = _rows(reports / "participants.csv")
    assert Counter((r["Namn"], r["Organisation"]) for r in rows).most_common(1)[0][1] == 1
    names = Counter(r["Namn"] for r in rows)
    assert names == Counter(
        {
            "Åsa Öberg": 1,
            "Per Lind": 1,
            "Saga Al-Sayed": 2,
            "Anna Forsgren": 1,
            "Ольга Петрова-Åkesson": 1,
            "Sara Lind": 1,
        }
    ), "a registered person who signs up is one row; a sign-up by someone else is a row"
    getting = Counter(r["Namn"] for r in rows if r["Får återkopplingsbrevet"] == "ja")
    assert getting == _recipient_names(folder, capsys)
    letter = (reports / "feedback.md").read_text(encoding="utf-8").split("## Mottagare")[1]
    assert len(set(re.findall(r"[\w.+-]+@[\w.-]+", letter))) == sum(getting.values()) == 5
    assert "asa.privat@example.org" not in letter, "one letter to Åsa: the registered address"

    by_name = {(r["Namn"], r["Organisation"]): r for r in rows}
    olga = by_name["Ольга Петрова-Åkesson", ""]
    assert (olga["E-post"], olga["Telefon"], olga["Teman"]) == (
        "olga@exempel.se",
        "+46 70 123 45 67",
        "Trygghet",
    ), "she consented: the working group may write to her"
    assert (olga["På deltagarlistan"], olga["På plats"], olga["Sektor"]) == ("nej", "", "")
    sara = by_name["Sara Lind", ""]
    assert (sara["E-post"], sara["Telefon"], sara["Får återkopplingsbrevet"]) == ("", "", "nej")
    scout = by_name["Saga Al-Sayed", "Scouterna Borås"]
    assert (scout["E-post"], scout["Får återkopplingsbrevet"]) == ("annan.person@exempel.se", "ja")
    saga = by_name["Saga Al-Sayed", RUM]
    assert (saga["E-post"], saga["Får återkopplingsbrevet"]) == ("", "ja"), "rule 1"
    assert by_name["Åsa Öberg", GYMNASIE]["Teman"] == "Trygghet"


SV_LINE = (
    "Trygghet: 6 vill fortsätta (från 3 organisationer: Borås stad, "
    "Gymnasieförvaltningen; Borås stad, Fritids- och folkhälsoförvaltningen; Scouterna "
    "Borås; och 3 privatpersoner)"
)
EN_LINE = (
    "Trygghet: 6 want to continue (from 3 organisations: Borås stad, "
    "Gymnasieförvaltningen; Borås stad, Fritids- och folkhälsoförvaltningen; Scouterna "
    "Borås; and 3 private individuals)"
)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_text(html: str) -> str:
    reader = _Text()
    reader.feed(html)
    return " ".join("".join(reader.parts).split())


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def _letter_forms(folder: Path, reports: Path, lang: str, tmp: Path) -> dict[str, str]:
    """The letter's four forms, reopened: Word, the HTML to paste, the co-hosts' Markdown,
    and the e-mail `cafe send` makes (its HTML and its plain text)."""
    assert main(["send", str(folder), "--from", SENDER, "--eml", str(tmp), "--lang", lang]) == 0
    eml = sorted(tmp.glob("*.eml"))[0]
    message: EmailMessage = message_from_bytes(eml.read_bytes(), policy=policy.default)  # type: ignore[assignment]
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert plain is not None and html is not None
    word = Document(str(reports / "feedback.docx"))
    return {
        "docx": _squeezed("\n".join(p.text for p in word.paragraphs)),
        "html": _html_text((reports / "feedback.html").read_text(encoding="utf-8")),
        "md": _squeezed((reports / "feedback.md").read_text(encoding="utf-8")),
        "mail html": _html_text(html.get_content()),
        "mail text": _squeezed(plain.get_content()),
    }


@pytest.mark.parametrize(("lang", "line"), [("sv", SV_LINE), ("en", EN_LINE)])
def test_the_letter_counts_organisations_and_private_persons_in_every_form(
    out: tuple[Path, Path], tmp_path: Path, lang: str, line: str
) -> None:
    folder, _ = out
    reports = tmp_path / "out"
    assert main(["report", str(folder), "--out", str(reports), "--lang", lang]) == 0
    for form, text in _letter_forms(folder, reports, lang, tmp_path / "eml").items():
        assert line in text, form
        assert "Privatperson;" not in text and "Privatperson," not in text, form
    numbers = {
        "sv": "4 personer från 3 organisationer deltog",
        "en": "4 people from 3 organisations took part",
    }
    assert numbers[lang] in _letter_forms(folder, reports, lang, tmp_path / "eml2")["docx"], (
        "Privatperson is not counted among the organisations"
    )
