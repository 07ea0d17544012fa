"""The decks as LibreOffice renders them: no text outside its box, nothing silently cut.

A meeting with long Swedish texts (long theme names, 150-character ideas, long names)
is built into the real decks, converted to PDF by LibreOffice and read back with poppler
(``tests/reports/rendered.py``). The fitting code measures with Pillow; the rendering is
LibreOffice's own, so a wrong measurement shows up as a word outside its box.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

import cafe.reports.fitting
from cafe.core.participants import PersonInput
from cafe.core.service import MeetingService
from cafe.reports.build import build_before, build_report
from cafe.reports.model import build_model
from cafe.reports.working_deck import build_working_deck
from tests.meetings import new_meeting
from tests.reports.rendered import convert_to_pdf, drawn_words, overflows, words_of
from tests.reports.support import PUBLIC

pytestmark = pytest.mark.slow

CHALLENGE = (
    "Hur minskar vi ofrivillig ensamhet bland äldre på landsbygden och i stadens "
    "ytterområden, tillsammans med föreningslivet och kyrkorna?"
)
THEMES = [
    "Mötesplatser för alla generationer i biblioteken, församlingshemmen och föreningslokalerna",
    "Skjutsar, färdtjänst och kollektivtrafik som fungerar även på kvällar och helger",
    "Digital delaktighet: surfplattor, videosamtal och handledning i hemmet",
    "Frivilligsamordning mellan kommunen, regionen och civilsamhällets organisationer",
]
STARTS = [
    "Biblioteket kunde hålla öppet på kvällarna med fika, läxhjälp och samtalsgrupper",
    "Församlingshemmet och hyresgästföreningens lokal står tomma dagtid",
    "Färdtjänsten borde kunna bokas samma dag och även till föreningarnas aktiviteter",
    "Äldre som flyttat till särskilt boende tappar kontakten med sina gamla grannar",
    "Ungdomar med feriejobb skulle kunna lära ut videosamtal och internetbank",
    "En gemensam kalender för alla föreningars aktiviteter i kommunens tidning",
]
ENDINGS = [
    "så att äldre och unga möts naturligt i stället för att sitta ensamma hemma varje kväll",
    "och kunde öppnas för språkcaféer, stickcirklar och gemensamma luncher varje vecka",
    "eftersom många annars stannar hemma när bussen bara går två gånger om dagen här ute",
]
NAMES = [
    ("Anna-Karin Öberg-Lindqvist Johansson", "Studieförbundet Vuxenskolan Östergötland"),
    ("Maria-Theresia Åkerström von Knorring", "Svenska kyrkan, Linköpings domkyrkoförsamling"),
    ("Per-Olof Hjalmarsson Ekström-Nyberg", "Kommunens vård- och omsorgsförvaltning"),
    ("Leila Haddad Abdulrahman Al-Khatib", "Hyresgästföreningen region Sydost"),
    ("Britt-Marie Gunnarsdotter Wallenberg", "Pensionärernas riksorganisation, avdelning Söder"),
    ("Östen Ödmark-Åberg", "Röda Korsets kretsar i Östergötland och Småland"),
    ("Jonas Emanuel Ekholm-Strömqvist", "Fastighetsaktiebolaget Hemmet i Östergötland"),
    ("Görel Margareta Åkesson-Lindgren", "Region Östergötlands folkhälsoenhet"),
]


def long_idea(n: int) -> str:
    """An idea of 140 to 150 characters, whole words, different for every ``n``."""
    start, ending = STARTS[n % len(STARTS)], ENDINGS[n // len(STARTS) % len(ENDINGS)]
    suffix = f" (förslag {n + 1})"
    text = f"{start}, {ending}"[: 150 - len(suffix)].rsplit(" ", 1)[0].rstrip(",")
    return text + suffix


def long_meeting(folder: Path) -> MeetingService:
    service = new_meeting(folder, challenge=CHALLENGE)
    people = service.add_participants(
        [
            PersonInput(name, org, "civil", email=f"p{n}@example.se", present=True, host=n < 4)
            for n, (name, org) in enumerate(NAMES)
        ]
    )
    ideas = [
        service.capture_idea(long_idea(n), table=n % 4 + 1, round=n % 4 + 1) for n in range(28)
    ]
    themes = [
        service.create_theme(name, signup=True, ideas=[i.id for i in ideas[k:20:4]])
        for k, name in enumerate(THEMES)
    ]
    for n, person in enumerate(people):
        service.sign_up(
            name=person.name,
            organisation=person.organisation,
            email=person.email,
            themes=[themes[n % 4].id, themes[(n + 1) % 4].id],
            consent=True,
        )
    for n in range(6):
        service.note_checkout(f"{STARTS[n]}: det tar jag med mig hem", author=NAMES[n][0])
    hosts = [p.id for p in people[:4]]
    others = [p.id for p in people[4:]]
    rounds = [
        {
            "round": r,
            "tables": [
                {"table": t + 1, "host": hosts[t], "members": [hosts[t], others[t]]}
                for t in range(4)
            ],
        }
        for r in range(1, 5)
    ]
    service.store_seating({"tables": 4, "rounds": rounds})
    return service


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> tuple[MeetingService, Path, list[Path]]:
    root = tmp_path_factory.mktemp("rendered")
    service = long_meeting(root / "m")
    out = root / "out"
    build_report(service, out)
    build_before(service, out, public_base=PUBLIC)
    names = ["working-group", "meeting", "table-cards", "signup-sheets"]
    return service, out, [out / f"{name}.pptx" for name in names]


@pytest.fixture(scope="module")
def narrow(
    decks: tuple[MeetingService, Path, list[Path]], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The working deck fitted with widths 0.6 of the real ones: it overfills its boxes."""
    fitting = cafe.reports.fitting
    real = fitting.text_em
    deck = tmp_path_factory.mktemp("narrow") / "narrow.pptx"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fitting, "text_em", lambda face, text: 0.6 * real(face, text))
        fresh = lru_cache(maxsize=None)(fitting._wrapped_lines.__wrapped__)  # lines of real
        patch.setattr(fitting, "_wrapped_lines", fresh)  # widths are cached; not used here
        deck.write_bytes(build_working_deck(build_model(decks[0], "sv")))
    return deck


@pytest.fixture(scope="module")
def converted(
    decks: tuple[MeetingService, Path, list[Path]],
    narrow: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> list[Path]:
    """The real decks and the narrow one as PDFs, from one LibreOffice run (each start of
    LibreOffice costs seconds)."""
    return convert_to_pdf([*decks[2], narrow], tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="module")
def pdfs(converted: list[Path]) -> list[Path]:
    """The real decks' PDFs, in the order of ``decks``."""
    return converted[:-1]


def test_no_word_lies_outside_its_box_in_libreoffice(
    decks: tuple[MeetingService, Path, list[Path]], pdfs: list[Path]
) -> None:
    problems = [p for deck, pdf in zip(decks[2], pdfs, strict=True) for p in overflows(deck, pdf)]
    assert not problems, "\n".join(problems[:40])


def test_every_idea_and_name_is_drawn_whole(
    decks: tuple[MeetingService, Path, list[Path]], pdfs: list[Path]
) -> None:
    service, _, paths = decks
    state = service.state
    drawn = drawn_words(pdfs[paths.index(next(p for p in paths if p.stem == "working-group"))])
    texts = [i.text for i in state.visible_ideas()]
    texts += [s.name for s in state.live_signups()] + [s.organisation for s in state.live_signups()]
    missing = {text: [w for w in words_of(text) if w not in drawn] for text in texts}
    missing = {text: words for text, words in missing.items() if words}
    assert not missing, f"cut without saying so: {missing}"
    assert len(texts) > 40, "the check covered the long texts"


def test_the_check_fails_when_the_widths_are_wrong(narrow: Path, converted: list[Path]) -> None:
    """Fitting with widths 0.6 of the real ones overfills boxes, and the check sees it."""
    assert converted[-1].stem == narrow.stem
    assert len(overflows(narrow, converted[-1])) > 10
