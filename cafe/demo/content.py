"""What simulated tables say: ideas per round, themes, check-out thoughts (sv and en).

Written for the demo's challenge, loneliness among older people, following the four
questions: personal meaning, meaning for the place, what civil society already does, and
what would become possible together.
"""

from __future__ import annotations

CHALLENGE = {"sv": "ensamhet bland äldre", "en": "loneliness among older people"}

IDEAS: dict[str, tuple[tuple[str, ...], ...]] = {
    "sv": (
        (
            "Min mamma bor ensam och ringer mig varje kväll",
            "Ensamhet syns inte utifrån – man skäms över den",
            "Jag blev själv ensam efter flytten hit",
            "Att bli sedd av någon varje dag betyder mycket",
            "Rädslan för att bli gammal och bortglömd",
            "Grannar som hälsar gör skillnad",
        ),
        (
            "Många äldre bor kvar i villaområden utan buss",
            "Biblioteket är den sista öppna mötesplatsen på kvällen",
            "Ensamheten ökar vårdbehovet och kostar kommunen",
            "Landsbygden har långt till allt",
            "Nyanlända äldre har svårt att hitta in i föreningslivet",
            "Pandemin gjorde ensamheten synlig",
        ),
        (
            "Röda Korset har besöksvänner som vill växa",
            "PRO ordnar luncher som är fullbokade",
            "Kyrkans öppna förskola har plats för äldre på förmiddagar",
            "Studieförbunden har cirklar i digital vardag",
            "Hyresgästföreningen har lokaler som står tomma dagtid",
            "Idrottsföreningar vill starta gåfotboll",
        ),
        (
            "Gemensam kontaktpunkt där alla aktiviteter finns samlade",
            "Fixarträffar på biblioteket med föreningar och kommunens fixartjänst",
            "Generationsmöten mellan skolor och pensionärsföreningar",
            "Hembesök av kommunen som lotsar vidare till föreningar",
            "Gemensam skjuttjänst till aktiviteter på landsbygden",
            "Språkcaféer där nyanlända äldre möter svenska pensionärer",
        ),
    ),
    "en": (
        (
            "My mother lives alone and calls me every evening",
            "Loneliness is invisible – people are ashamed of it",
            "I was lonely myself after moving here",
            "Being seen by someone every day matters a lot",
            "The fear of growing old and forgotten",
            "Neighbours who say hello make a difference",
        ),
        (
            "Many older people live in suburbs without a bus",
            "The library is the last open meeting place in the evening",
            "Loneliness increases the need for care and costs the municipality",
            "In the countryside everything is far away",
            "Older newcomers find it hard to join associations",
            "The pandemic made loneliness visible",
        ),
        (
            "The Red Cross has visiting friends who want to grow",
            "Pensioners' lunches are fully booked",
            "The church's open house has room for older people in the mornings",
            "Study associations run circles on digital everyday life",
            "The tenants' association has rooms that stand empty by day",
            "Sports clubs want to start walking football",
        ),
        (
            "One shared contact point listing every activity",
            "Fix-it meetings at the library with associations and the municipality",
            "Meetings between schools and pensioners' associations",
            "Home visits by the municipality that guide people to associations",
            "A shared ride service to activities in the countryside",
            "Language cafés where older newcomers meet Swedish pensioners",
        ),
    ),
}

THEMES: dict[str, tuple[str, ...]] = {
    "sv": ("Mötesplatser", "Lotsning, besök och skjuts", "Generationsmöten"),
    "en": ("Meeting places", "Guidance, visits and rides", "Meetings between generations"),
}

IDEA_THEMES: dict[int, tuple[int, ...]] = {
    3: (1, 0, 2, 0, 0, 0),
    4: (1, 0, 2, 1, 1, 0),
}
"""Which of ``THEMES`` each idea of rounds 3 and 4 belongs to, by its place in ``IDEAS``:
visiting friends, a contact point, home visits and rides are guidance; lunches, rooms,
walking football, fix-it meetings and language cafés are meeting places; the church's
open pre-school and schools meeting pensioners' associations are meetings between
generations."""


def theme_of(text: str, lang: str) -> int | None:
    """The index in ``THEMES`` of a simulated idea (its text may have "(bord 3)" added)."""
    rounds = IDEAS.get(lang, IDEAS["sv"])
    for number, themes in IDEA_THEMES.items():
        for idea, theme in zip(rounds[number - 1], themes, strict=True):
            if text == idea or text.startswith(f"{idea} ("):
                return theme
    return None


CHECKOUT: dict[str, tuple[str, ...]] = {
    "sv": (
        "Hopp om att vi faktiskt gör något tillsammans",
        "Att föreningarna har mer resurser än jag trodde",
        "Nya kontakter med kommunen",
        "Att ensamhet angår oss alla",
        "Energi!",
        "Nyfikenhet på fixarträffarna",
    ),
    "en": (
        "Hope that we actually do something together",
        "Associations have more resources than I thought",
        "New contacts at the municipality",
        "Loneliness concerns us all",
        "Energy!",
        "Curious about the fix-it meetings",
    ),
}
