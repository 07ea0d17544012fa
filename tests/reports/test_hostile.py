"""Nothing a participant types breaks a file: emoji, right-to-left text, 2,000-character
ideas, control characters from an old log, markup, and a formula as a name."""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
from pathlib import Path

import pytest

from cafe.core.events import Event, EventKind
from cafe.core.participants import PersonInput
from cafe.core.text import LIMITS
from cafe.reports.build import build_before, build_report
from cafe.reports.safe import safe_text
from cafe.reports.working_deck import IDEAS_SHAPE
from tests.meetings import new_meeting
from tests.reports.support import PUBLIC, open_deck, overflowing, paragraphs
from tests.reports.test_documents import read_summary

FORMULA_NAME = "=cmd|' /C calc'!A0"
CHALLENGE = "ensamhet bland äldre 👵🏽 <b>&</b> الوحدة"
LONG = LIMITS["idea"]


def _long_words(seed: str) -> str:
    """A realistic idea of exactly the longest length allowed."""
    words = itertools.cycle(
        f"{seed} samverkan mellan föreningar och kommunen kring äldres vardag".split()
    )
    text = ""
    while len(text) < LONG:
        text += next(words) + " "
    return text[:LONG].rstrip()


HOSTILE_IDEAS = [
    "Fika för alla 🧓👵🏽☕️🎉 varje torsdag",
    "רעיון: מרכז קהילתי לקשישים בשכונה",
    "فكرة: مقهى لغوي يجمع كبار السن الجدد مع المتقاعدين",
    "<script>alert('x')</script> och <b>fet</b> &amp; mer",
    "# Rubrik\n> citat\n- punkt\n1. lista\n**fet** [länk](http://example.se) | tabell |",
    _long_words("Alfa"),
    _long_words("Beta").replace(" kommunen ", "\n\nkommunen\n", 3)[:LONG],
    "👵🏽" * (LONG // 2),
    "https://example.se/" + "x" * (LONG - 19),
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], Path]:
    folder = tmp_path_factory.mktemp("hostile")
    service = new_meeting(folder / "m", challenge=CHALLENGE)
    service.add_participants(
        [
            PersonInput(FORMULA_NAME, "+SUM(1;2)", "civil", present=True),
            PersonInput("@Evil", "-2+3", "kommun", present=True),
            PersonInput("مريم الحسيني", "جمعية الهلال الأحمر", "civil", present=True),
            PersonInput(
                "Zoë 🦊 Ödegaard", 'Föreningen <Vänner> & "Grannar"', "civil", present=True
            ),
        ]
    )
    ideas = {}
    for n, text in enumerate(HOSTILE_IDEAS):
        idea = service.capture_idea(text, table=n % 3 + 1, round=n % 4 + 1)
        ideas[idea.id] = idea.text
    # An old log or an import may hold what today's checks refuse: control characters.
    raw = "röd\x00 text\x07 med\x1b[31m styrtecken\x0b\x0c och mer"
    service.commit(
        [
            Event(EventKind.IDEA_CAPTURED, {"id": "i900", "text": raw, "round": 2, "table": 1}),
            Event(EventKind.THEME_CREATED, {"id": "t900", "name": "Tema\x01 med\x1f skräp"}),
            Event(EventKind.CHECKOUT_NOTED, {"id": "c900", "text": "tack\x08 för\x00 i dag"}),
        ]
    )
    ideas["i900"] = raw
    long_theme = service.create_theme("T" + "ema med väldigt långt namn " * 4, signup=True)
    service.set_idea_theme(next(iter(ideas)), long_theme.id)
    service.set_idea_theme("i900", "t900")
    service.sign_up(
        name=FORMULA_NAME,
        organisation="+SUM(1;2)",
        email="calc@example.se",
        themes=[long_theme.id],
        consent=True,
    )
    service.sign_up(name="مريم الحسيني", organisation="جمعية الهلال الأحمر", themes=[long_theme.id])
    service.note_checkout("💡" * 400 + " hopp " + "ש" * 300)
    build_report(service, folder / "out")
    build_before(service, folder / "out", public_base=PUBLIC)
    return ideas, folder / "out"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("…", ""))


@pytest.mark.parametrize(
    "name", ["working-group.pptx", "meeting.pptx", "table-cards.pptx", "signup-sheets.pptx"]
)
def test_every_deck_opens_and_nothing_overflows(
    hostile: tuple[dict[str, str], Path], name: str
) -> None:
    _, out = hostile
    assert overflowing(open_deck(out / name)) == []
    with zipfile.ZipFile(out / name) as package:
        for member in package.namelist():
            if member.endswith(".xml"):
                xml = package.read(member).decode("utf-8")
                assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", xml), member


def test_every_idea_is_on_the_slides_once_even_when_split(
    hostile: tuple[dict[str, str], Path],
) -> None:
    ideas, out = hostile
    shown = paragraphs(open_deck(out / "working-group.pptx"), IDEAS_SHAPE)
    joined = _squash("".join(shown))
    for text in ideas.values():
        expected = safe_text(text, multiline=True)
        if expected in shown:
            assert shown.count(expected) == 1
        assert joined.count(_squash(expected)) == 1, expected[:40]
    assert "röd text med[31m styrtecken och mer" in shown


def test_html_shows_markup_as_text(hostile: tuple[dict[str, str], Path]) -> None:
    ideas, out = hostile
    reader = read_summary(out / "summary.html")
    assert "script" not in reader.elements and "b" not in reader.elements
    assert sorted(reader.ideas) == sorted(safe_text(t, multiline=True) for t in ideas.values())
    html = (out / "summary.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in html and "\x1b" not in html and "\x00" not in html


def test_markdown_shows_markup_as_text(hostile: tuple[dict[str, str], Path]) -> None:
    _, out = hostile
    text = (out / "summary.md").read_text(encoding="utf-8")
    assert "\\<script\\>" in text
    assert "\\# Rubrik" in text and "\\*\\*fet\\*\\* \\[länk\\]" in text
    assert not any(line.startswith(("# Rubrik", "<script")) for line in text.splitlines())


def test_csv_cells_cannot_become_formulas(hostile: tuple[dict[str, str], Path]) -> None:
    _, out = hostile
    for name in ("participants.csv", "signups.csv"):
        raw = (out / name).read_text(encoding="utf-8-sig")
        rows = list(csv.reader(io.StringIO(raw, newline=""), delimiter=";"))
        cells = [cell for row in rows for cell in row]
        assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))], name
        assert "'" + FORMULA_NAME in cells
        assert "'+SUM(1;2)" in cells
    participants = (out / "participants.csv").read_text(encoding="utf-8-sig")
    assert "'@Evil" in participants and "'-2+3" in participants
    assert "مريم الحسيني" in participants and "Zoë 🦊 Ödegaard" in participants
