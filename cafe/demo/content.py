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
            "Min granne har inte haft besök sedan i våras",
            "Pappa slutade gå ut när hörseln blev sämre",
            "Jag jobbar i hemtjänsten och är ofta den enda de träffar",
            "Efter att min fru dog blev kvällarna långa",
            "Svårt att be om hjälp när man alltid klarat sig själv",
            "Jag vill själv ha någon att fika med när jag blir äldre",
            "Mormor pratar mest med radion numera",
            "Ensamhet kan drabba även den som har familj",
            "Som volontär får jag lika mycket tillbaka som jag ger",
            "Att inte ha någon att ringa när något händer",
        ),
        (
            "Många äldre bor kvar i villaområden utan buss",
            "Biblioteket är den sista öppna mötesplatsen på kvällen",
            "Ensamheten ökar vårdbehovet och kostar kommunen",
            "Landsbygden har långt till allt",
            "Nyanlända äldre har svårt att hitta in i föreningslivet",
            "Pandemin gjorde ensamheten synlig",
            "Hemtjänsten hinner inte stanna och prata",
            "Affären i byn stängde och med den mötesplatsen",
            "Många vet inte vad föreningarna erbjuder",
            "Färdtjänsten måste bokas långt i förväg",
            "Digitala tjänster stänger ute den som saknar smartphone",
            "Föreningarna har svårt att hitta nya ledare",
            "Ensamma äldre hamnar oftare på akuten",
            "Unga och gamla möts nästan aldrig här",
            "Halka och mörker på vintern håller folk inne",
            "Anhöriga bor ofta långt bort i andra städer",
        ),
        (
            "Röda Korset har besöksvänner som vill växa",
            "PRO ordnar luncher som är fullbokade",
            "Kyrkans öppna förskola har plats för äldre på förmiddagar",
            "Studieförbunden har cirklar i digital vardag",
            "Hyresgästföreningen har lokaler som står tomma dagtid",
            "Idrottsföreningar vill starta gåfotboll",
            "Väntjänsten har frivilliga som ringer upp ensamma varje vecka",
            "SPF Seniorerna ordnar samåkning till sina träffar",
            "Röda Korsets läxhjälp har pensionärer som hjälper elever",
            "Hembygdsföreningen bjuder på fika varje torsdag eftermiddag",
            "Församlingen har frivilliga som följer med till vårdcentralen",
            "Pensionärer från PRO är rastvärdar på skolgården",
            "Stickcaféet på biblioteket samlar tjugo personer i veckan",
            "Frivilliga kör äldre till affären med föreningens minibuss",
            "Pensionärer vill bli läsvänner åt skolbarn som behöver stöd",
            "Församlingen vill ordna söndagsluncher tillsammans med föreningarna",
        ),
        (
            "Gemensam kontaktpunkt där alla aktiviteter finns samlade",
            "Fixarträffar på biblioteket med föreningar och kommunens fixartjänst",
            "Generationsmöten mellan skolor och pensionärsföreningar",
            "Hembesök av kommunen som lotsar vidare till föreningar",
            "Gemensam skjuttjänst till aktiviteter på landsbygden",
            "Språkcaféer där nyanlända äldre möter svenska pensionärer",
            "Läsvänner: pensionärer som läser med skolbarn varje vecka",
            "Söndagsluncher där församling och föreningar turas om att bjuda",
            "Öppna vardagsrum med fika i varje stadsdel",
            "Utbildning för frivilliga lotsar som följer med första gången",
            "Hemtjänsten tipsar om föreningarnas aktiviteter vid sina besök",
            "Pensionärer lär elever att laga mat i skolköket",
            "Elever från gymnasieskolan hjälper äldre med mobilen",
            "Gemensam kalender i lokaltidningen och på kommunens webb",
            "Promenadgrupper som utgår från vårdcentralen varje vecka",
            "Odling för alla åldrar på förskolans gård",
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
            "My neighbour has not had a visitor since last spring",
            "Dad stopped going out when his hearing got worse",
            "I work in home care and am often the only one they see",
            "After my wife died the evenings grew long",
            "Hard to ask for help when you have always managed alone",
            "I want someone to have coffee with when I get older myself",
            "Grandma mostly talks to the radio these days",
            "Loneliness can hit even people who have a family",
            "As a volunteer I get back as much as I give",
            "Having nobody to call when something happens",
        ),
        (
            "Many older people live in suburbs without a bus",
            "The library is the last open meeting place in the evening",
            "Loneliness increases the need for care and costs the municipality",
            "In the countryside everything is far away",
            "Older newcomers find it hard to join associations",
            "The pandemic made loneliness visible",
            "Home care staff have no time to stay and talk",
            "The village shop closed and the meeting place with it",
            "Many do not know what the associations offer",
            "Mobility service rides must be booked long in advance",
            "Digital services shut out those without a smartphone",
            "Associations find it hard to recruit new leaders",
            "Lonely older people end up in the emergency room more often",
            "Young and old hardly ever meet here",
            "Ice and darkness in winter keep people indoors",
            "Relatives often live far away in other towns",
        ),
        (
            "The Red Cross has visiting friends who want to grow",
            "Pensioners' lunches are fully booked",
            "The church's open house has room for older people in the mornings",
            "Study associations run circles on digital everyday life",
            "The tenants' association has rooms that stand empty by day",
            "Sports clubs want to start walking football",
            "The friendship service has volunteers who phone lonely people weekly",
            "SPF Seniors arrange carpools to their meetings",
            "The Red Cross homework club has pensioners helping pupils",
            "The local heritage society serves coffee every Thursday afternoon",
            "The parish has volunteers who go along to the health centre",
            "Pensioners from PRO act as break-time hosts in the schoolyard",
            "The knitting café at the library gathers twenty people a week",
            "Volunteers drive older people to the shop in the association's minibus",
            "Pensioners want to be reading friends for schoolchildren who need support",
            "The parish wants to hold Sunday lunches together with the associations",
        ),
        (
            "One shared contact point listing every activity",
            "Fix-it meetings at the library with associations and the municipality",
            "Meetings between schools and pensioners' associations",
            "Home visits by the municipality that guide people to associations",
            "A shared ride service to activities in the countryside",
            "Language cafés where older newcomers meet Swedish pensioners",
            "Reading friends: pensioners who read with schoolchildren every week",
            "Sunday lunches where parish and associations take turns to host",
            "Open living rooms with coffee in every district",
            "Training for volunteer guides who go along the first time",
            "Home care tells people about the associations' activities on visits",
            "Pensioners teach pupils to cook in the school kitchen",
            "Upper secondary school pupils help older people with their phones",
            "A shared calendar in the local paper and on the municipality's website",
            "Walking groups that start from the health centre every week",
            "Gardening for all ages in the pre-school yard",
        ),
    ),
}

THEMES: dict[str, tuple[str, ...]] = {
    "sv": ("Mötesplatser", "Lotsning, besök och skjuts", "Generationsmöten"),
    "en": ("Meeting places", "Guidance, visits and rides", "Meetings between generations"),
}

IDEA_THEMES: dict[int, tuple[int, ...]] = {
    3: (1, 0, 2, 0, 0, 0, 1, 1, 2, 0, 1, 2, 0, 1, 2, 0),
    4: (1, 0, 2, 1, 1, 0, 2, 0, 0, 1, 1, 2, 2, 1, 0, 2),
}
"""Which of ``THEMES`` each idea of rounds 3 and 4 belongs to, by its place in ``IDEAS``:
visiting friends, phone calls, volunteers who go along, rides, guides and a shared
contact point or calendar are guidance; lunches, fika, rooms, cafés, walking football,
fix-it meetings and walking groups are meeting places; ideas where pensioners meet
pupils, schools or a pre-school are meetings between generations. Every idea of theme 2
names a school, a pre-school (an open house) or pensioners, and none of theme 0 says
"generation". Rounds 3 and 4 each hold one half of two pairs that say the same thing
(reading friends, Sunday lunches), so the demo has duplicates to merge."""


def theme_of(text: str, lang: str) -> int | None:
    """The index in ``THEMES`` of a simulated idea of rounds 3 and 4."""
    rounds = IDEAS.get(lang, IDEAS["sv"])
    for number, themes in IDEA_THEMES.items():
        for idea, theme in zip(rounds[number - 1], themes, strict=True):
            if text == idea:
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
        "Tacksam för alla samtal",
        "Lite trött men glad",
        "Att det finns så mycket vilja",
        "Jag vill bli besöksvän",
        "Vi måste ses igen",
        "Mer hopp än när jag kom",
    ),
    "en": (
        "Hope that we actually do something together",
        "Associations have more resources than I thought",
        "New contacts at the municipality",
        "Loneliness concerns us all",
        "Energy!",
        "Curious about the fix-it meetings",
        "Grateful for all the conversations",
        "A bit tired but happy",
        "There is so much goodwill",
        "I want to become a visiting friend",
        "We must meet again",
        "More hope than when I came",
    ),
}
