"""C1: a list pasted into the table page loses its markers ("• ", "- ", "1. ", "2) ", "☐ "),
which otherwise reached the board, the projector and the report; words that only look
like one ("-20 % på bussen", "1 000 kr till …") keep their start."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from cafe.core.service import MeetingService
from cafe.storage.folder import table_token
from cafe.web.forms import read_ideas
from tests.web.support import start_round, submit


@pytest.mark.parametrize(
    ("line", "idea"),
    [
        ("• Fika på torget", "Fika på torget"),
        ("- Fika på torget", "Fika på torget"),
        ("* Fika på torget", "Fika på torget"),
        ("– Fika på torget", "Fika på torget"),
        ("☐ Fika på torget", "Fika på torget"),
        ("1. Fika på torget", "Fika på torget"),
        ("12) Fika på torget", "Fika på torget"),
        ("(3) Fika på torget", "Fika på torget"),
        ("  •   Fika på torget", "Fika på torget"),
        ("- [ ] Fika på torget", "Fika på torget"),
        ("-20 % på bussen för seniorer", "-20 % på bussen för seniorer"),
        ("1 000 kr till varje förening", "1 000 kr till varje förening"),
        ("1.5 miljoner till fritidsgårdar", "1.5 miljoner till fritidsgårdar"),
        ("2024. Året då torget fick liv", "2024. Året då torget fick liv"),
        ("*Viktigt* mötesplatser", "*Viktigt* mötesplatser"),
        ("Fika - gärna varje dag", "Fika - gärna varje dag"),
        ("-> Fler bänkar", "-> Fler bänkar"),
        ("+46 nummer till värden", "+46 nummer till värden"),
    ],
)
def test_a_list_marker_at_the_start_of_a_line_is_dropped(line: str, idea: str) -> None:
    assert read_ideas({"ideas": line})["ideas"] == [idea]


def test_a_line_that_is_only_a_marker_is_a_blank_line() -> None:
    assert read_ideas({"ideas": "Fika\n- \n•\n2.\nTe"})["ideas"] == ["Fika", "Te"]


async def test_a_pasted_list_reaches_the_board_without_its_markers(
    client: TestClient, service: MeetingService
) -> None:
    start_round(service, 1)
    service.timer_start()
    pasted = "• Fika på torget\r\n- Läxhjälp\r\n1. Bokcirkel\r\n2) Cykelkompisar\r\n☐ Te\r\n"
    response = await submit(client, f"/t/{table_token(service, 5)}/", {"ideas": pasted})
    assert response.status == 200 and "Skickat!" in await response.text()
    assert [i.text for i in service.state.visible_ideas()] == [
        "Fika på torget",
        "Läxhjälp",
        "Bokcirkel",
        "Cykelkompisar",
        "Te",
    ]
