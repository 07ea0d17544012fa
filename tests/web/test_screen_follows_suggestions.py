"""The projector page shows the board as the co-hosts accept suggested themes (issue #18):
an accepted suggestion is an ordinary theme, and the harvest screen lists it at once."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from cafe.core.agenda import StepKind
from cafe.core.service import MeetingService
from cafe.tui.suggestion_data import compute
from tests.web.support import step_index

IDEAS = [
    "Äta lunch tillsammans i skolans matsal",
    "Soppkök i kyrkan varje torsdag",
    "Laga mat tillsammans i föreningens kök",
    "Hjälp med BankID och Swish",
    "Lära sig använda surfplatta",
    "Datorhjälp hemma",
]


async def test_an_accepted_suggestion_is_on_the_projector_at_once(
    client: TestClient, service: MeetingService, token: str
) -> None:
    ideas = service.capture_ideas(IDEAS, table=1)
    service.start_step(step_index(service, StepKind.HARVEST))
    suggestions = compute([i.text for i in ideas], [i.id for i in ideas], "sv")
    first = suggestions.themes[0]
    before = await (await client.get(f"/screen/{token}")).text()
    assert first.name not in before
    service.create_theme(first.name, ideas=first.ideas)  # what Enter on the board does
    after = await (await client.get(f"/screen/{token}")).text()
    assert first.name in after
    for idea_id in first.ideas:
        assert service.state.ideas[idea_id].text in after
