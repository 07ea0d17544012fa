"""A meeting with everything a report shows, and readers for what the reports write."""

from __future__ import annotations

import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pptx import Presentation
from pptx.presentation import Presentation as PresentationType

from cafe.core.participants import PersonInput
from cafe.core.service import MeetingService
from cafe.i18n import Translator
from cafe.reports.fitting import measure_frame
from tests.meetings import new_meeting

PUBLIC = "http://192.0.2.10:8765"
"""A documentation address: printed in QR codes, never contacted."""

PEOPLE = [
    PersonInput(
        "Åsa Öberg", "Röda Korset", "förening", email="asa@example.se", present=True, host=True
    ),
    PersonInput(
        "Per Lindström", "Kommunen", "kommun", email="per@kommun.se", present=True, host=True
    ),
    PersonInput("Märta Ärlebäck", "PRO Söder", "civil", phone="070-123 45 67", present=True),
    PersonInput("Jonas Ek", "Svenska kyrkan", "civil", present=True, host=True),
    PersonInput("Leila Haddad", "Studieförbundet Vuxenskolan", "civil", present=True),
    PersonInput("Olle Ström", "Fastighets AB Hemmet", "företag", present=True),
    PersonInput("Görel Åkesson", "Kommunen", "kommun", email="gorel@kommun.se", present=True),
    PersonInput("Yusuf Demir", "Hyresgästföreningen", "civil", present=True),
    PersonInput("Britt-Marie Nyström", "Region Öst", "region", present=True),
    PersonInput("Östen Ödman", "", "annat", present=True),
    PersonInput("Anmäld Men Borta", "Frånvarande förening", "civil", present=False),
]

ROUND_IDEAS = {
    1: [
        "Min mamma bor ensam och ringer varje kväll",
        "Ensamhet syns inte utifrån",
        "Jag blev själv ensam efter flytten",
    ],
    2: [
        "Många äldre bor utan buss",
        "Biblioteket är sista mötesplatsen på kvällen",
        "Ensamheten kostar kommunen",
    ],
    3: [
        "Röda Korset har besöksvänner som vill växa",
        "PRO:s luncher är fullbokade",
        "Hyresgästföreningen har tomma lokaler dagtid",
    ],
    4: [
        "Gemensam kontaktpunkt för alla aktiviteter",
        "Fixarträffar på biblioteket",
        "Gemensam skjuttjänst på landsbygden",
        "Språkcaféer för nyanlända äldre",
    ],
}


@dataclass
class Built:
    """The meeting and what a report of it must show."""

    service: MeetingService
    visible: dict[str, str] = field(default_factory=dict)
    """Idea id -> text for every idea that must appear exactly once."""
    hidden: list[str] = field(default_factory=list)
    """Texts of merged or deleted ideas, which must not appear at all."""
    themes: dict[str, str] = field(default_factory=dict)
    consented: list[str] = field(default_factory=list)
    not_consented: list[str] = field(default_factory=list)
    """Contact details (e-mail/phone) that must never be written."""


def report_meeting(folder: Path, *, agenda: str = "idemote.sv", extra_ideas: int = 0) -> Built:
    """A meeting after the check-out: people, 4 rounds of ideas, themes, lists, thoughts."""
    service = new_meeting(folder, agenda=agenda)
    people = service.add_participants(PEOPLE)
    built = Built(service)
    for round_number, texts in ROUND_IDEAS.items():
        for table, text in enumerate(texts, start=1):
            idea = service.capture_idea(text, table=table, round=round_number)
            built.visible[idea.id] = idea.text
    for n in range(extra_ideas):
        idea = service.capture_idea(
            f"Extra idé nummer {n + 1} om äldres vardag och grannskap, med lite mer text för att ta plats",
            table=n % 4 + 1,
            round=4,
        )
        built.visible[idea.id] = idea.text
    duplicate = service.capture_idea("Gemensam kontaktpunkt (dubblett)", table=2, round=4)
    service.merge_ideas(
        next(i for i, t in built.visible.items() if t.startswith("Gemensam kontaktpunkt")),
        [duplicate.id],
    )
    deleted = service.capture_idea("Felskriven idé som togs bort", table=3, round=4)
    service.delete_idea(deleted.id)
    built.hidden += [duplicate.text, deleted.text]

    ids = {text: i for i, text in built.visible.items()}
    meeting_places = service.create_theme(
        "Mötesplatser",
        signup=True,
        ideas=[
            ids["Biblioteket är sista mötesplatsen på kvällen"],
            ids["Fixarträffar på biblioteket"],
            ids["Språkcaféer för nyanlända äldre"],
        ],
    )
    transport = service.create_theme(
        "Skjuts & landsbygd",
        signup=True,
        ideas=[ids["Många äldre bor utan buss"], ids["Gemensam skjuttjänst på landsbygden"]],
    )
    contact = service.create_theme(
        "Kontaktpunkt", ideas=[ids["Gemensam kontaktpunkt för alla aktiviteter"]]
    )
    built.themes = {t.id: t.name for t in (meeting_places, transport, contact)}

    service.sign_up(
        name="Åsa Öberg",
        organisation="Röda Korset",
        email="asa@example.se",
        themes=[meeting_places.id],
        consent=True,
    )
    service.sign_up(
        name="Görel Åkesson",
        organisation="Kommunen",
        email="gorel@kommun.se",
        phone="070-555 11 22",
        themes=[meeting_places.id, transport.id],
        consent=True,
    )
    service.sign_up(name="Yusuf Demir", organisation="Hyresgästföreningen", themes=[transport.id])
    service.sign_up(name="Märta Ärlebäck", organisation="PRO Söder")
    withdrawn = service.sign_up(
        name="Ångrad Person",
        organisation="X",
        email="angrad@example.se",
        themes=[transport.id],
        consent=True,
    )
    service.withdraw_signup(withdrawn.id)
    built.consented = ["asa@example.se", "gorel@kommun.se", "070-555 11 22"]
    built.not_consented = ["per@kommun.se", "070-123 45 67", "angrad@example.se"]

    for text, author in (
        ("Att vi redan gör så mycket – nu ska vi göra det tillsammans", "Åsa"),
        ("Hoppas att biblioteket blir navet", ""),
        ("Tilliten mellan oss", "Per"),
    ):
        service.note_checkout(text, author=author)

    ids_by_name = {p.name: p.id for p in people}
    hosts = [ids_by_name["Åsa Öberg"], ids_by_name["Per Lindström"], ids_by_name["Jonas Ek"]]
    others = [p.id for p in people if p.present and p.id not in hosts]
    plan = {
        "tables": 3,
        "rounds": [
            {
                "round": r,
                "tables": [
                    {"table": t + 1, "host": hosts[t], "members": [hosts[t], *others[t::3]]}
                    for t in range(3)
                ],
            }
            for r in range(1, 5)
        ],
    }
    service.store_seating(plan)
    return built


# -- reading decks back -----------------------------------------------------------------


def open_deck(path: Path) -> PresentationType:
    return Presentation(str(path))


def slide_title(slide: object) -> str:
    title = slide.shapes.title  # type: ignore[attr-defined]
    return title.text_frame.text if title is not None else ""


def titles(prs: PresentationType) -> list[str]:
    return [slide_title(s) for s in prs.slides]


def paragraphs(prs: PresentationType, shape_name: str) -> list[str]:
    """Every paragraph of every shape called ``shape_name``, line breaks as "\\n"."""
    return [
        p.text.replace("\v", "\n")
        for slide in prs.slides
        for shape in slide.shapes
        if shape.name == shape_name and shape.has_text_frame
        for p in shape.text_frame.paragraphs
    ]


def all_text(prs: PresentationType) -> str:
    return "\n".join(
        shape.text_frame.text
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame
    )


def overflowing(prs: PresentationType) -> list[str]:
    """Text frames whose estimated lines exceed their box's line budget."""
    bad = []
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                fit = measure_frame(shape)
                if not fit.ok:
                    bad.append(f"slide {number} {shape.name}: {fit.lines:.1f} > {fit.budget:.1f}")
    return bad


def counts(texts: list[str]) -> Counter[str]:
    return Counter(texts)


def qr_urls(prs: PresentationType, tmp: Path) -> list[list[str]]:
    """Per slide, the URLs in its pictures, decoded with zbarimg as a phone would."""
    found = []
    for number, slide in enumerate(prs.slides):
        urls = []
        for index, shape in enumerate(slide.shapes):
            if shape.shape_type == 13:  # picture
                image = tmp / f"qr-{number}-{index}.png"
                image.write_bytes(shape.image.blob)
                result = subprocess.run(
                    ["zbarimg", "--quiet", "--raw", str(image)],
                    capture_output=True,
                    text=True,
                    timeout=30,
                )
                assert result.returncode == 0, f"zbarimg could not read {image}: {result.stderr}"
                urls.append(result.stdout.strip())
        found.append(urls)
    return found


def deck_idea_texts(built: Built) -> list[str]:
    """The visible ideas as the deck writes them: table 2's duplicate was merged into
    table 1's "Gemensam kontaktpunkt …", which says it came up at 2 tables."""
    tr = Translator("sv")
    return [
        tr("reports.deck.idea_tables", text=text, count=2)
        if text.startswith("Gemensam kontaktpunkt")
        else text
        for text in built.visible.values()
    ]
