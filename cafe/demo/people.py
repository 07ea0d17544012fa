"""Simulated participants: realistic Swedish names and organisations of every sector.

Deterministic for a seed, so a demo and its tests see the same people. Organisations
have 1–4 people each, as in a real idea meeting, which gives the seating planner its
usual work of splitting colleagues.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from cafe.core.participants import PersonInput

FIRST_NAMES = (
    "Åsa",
    "Örjan",
    "Märta",
    "Björn",
    "Lena",
    "Jörgen",
    "Ingrid",
    "Kalle",
    "Sofia",
    "Ahmed",
    "Fatima",
    "Mikael",
    "Anneli",
    "Göran",
    "Elin",
    "Yusuf",
    "Karin",
    "Pär",
    "Maja",
    "Tove",
    "Hassan",
    "Birgitta",
    "Jonas",
    "Ewa",
    "Nils",
    "Amina",
    "Ulf",
    "Sara",
    "Håkan",
    "Linnéa",
    "Mehmet",
    "Agneta",
    "Oskar",
    "Zeynep",
    "Lars",
    "Malin",
    "Dragan",
    "Helén",
    "Erik",
    "Siv",
)
LAST_NAMES = (
    "Öberg",
    "Åkesson",
    "Lindqvist",
    "Nyström",
    "Bergström",
    "Hägg",
    "Sjöberg",
    "Johansson",
    "Karlsson",
    "Ali",
    "Ström",
    "Wästberg",
    "Holmér",
    "Eriksson",
    "Yilmaz",
    "Lundgren",
    "Ekström",
    "Mohammed",
    "Björk",
    "Persson",
    "Sandén",
    "Forsén",
    "Dahl",
    "Nilsson",
)
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "public": (
        "Socialförvaltningen",
        "Kultur- och fritidsförvaltningen",
        "Äldreförvaltningen",
        "Region Västra Götaland",
        "Biblioteken i kommunen",
        "Arbetsmarknadsenheten",
    ),
    "civil": (
        "Röda Korset",
        "Svenska kyrkan",
        "PRO Centrum",
        "SPF Seniorerna",
        "Stadsmissionen",
        "Föreningen Grannstöd",
        "Studieförbundet Vuxenskolan",
        "IFK Ungdom",
        "Rädda Barnen",
        "Kvinnojouren",
        "Somaliska föreningen",
        "Hyresgästföreningen",
    ),
    "business": ("Fastighets AB Bostaden", "ICA Kvantum", "Sparbanken"),
    "other": ("Folkhögskolan", "Fristående konsult"),
}
SECTOR_WEIGHTS = {"public": 0.35, "civil": 0.5, "business": 0.1, "other": 0.05}


@dataclass(frozen=True, slots=True)
class SimulatedPerson:
    """A simulated participant and how they will behave."""

    person: PersonInput
    signs_up: bool
    """Will put their name on a sign-up list from their phone."""
    consents: bool
    """Will tick the consent box (and so leave an e-mail)."""


def simulated_people(count: int, seed: int = 2026) -> list[SimulatedPerson]:
    """``count`` people with unique names, about half from civil society."""
    rng = random.Random(seed)
    names: set[str] = set()
    org_sizes: dict[str, int] = {}
    people: list[SimulatedPerson] = []
    sectors = list(SECTOR_WEIGHTS)
    while len(people) < count:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name in names:
            continue
        sector = rng.choices(sectors, weights=[SECTOR_WEIGHTS[s] for s in sectors])[0]
        choices = [o for o in ORGANISATIONS[sector] if org_sizes.get(o, 0) < 4] or list(
            ORGANISATIONS[sector]
        )
        organisation = rng.choice(choices)
        org_sizes[organisation] = org_sizes.get(organisation, 0) + 1
        names.add(name)
        slug = name.lower().replace(" ", ".")
        for a, b in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e")):
            slug = slug.replace(a, b)
        people.append(
            SimulatedPerson(
                person=PersonInput(
                    name=name,
                    organisation=organisation,
                    sector=sector,
                    email=f"{slug}@example.se",
                    host=rng.random() < 0.25,
                    present=True,
                ),
                signs_up=rng.random() < 0.6,
                consents=rng.random() < 0.8,
            )
        )
    return people
