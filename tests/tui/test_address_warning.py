"""`cafe run` says at once when the printed table cards point elsewhere than its server."""

from __future__ import annotations

from pathlib import Path

from textual.widgets._toast import Toast

from cafe.storage.printed_address import record_printed_base
from cafe.tui.app import CafeApp
from cafe.web.server import LanServer
from tests.tui.helpers import meeting

LAN = "192.0.2.10"
"""A documentation address: printed on the cards, never contacted."""
PRINTED = f"http://{LAN}:8765"


async def test_the_tui_warns_when_the_cards_point_elsewhere(meeting_dir: Path) -> None:
    service, clock = meeting(meeting_dir)
    record_printed_base(service, PRINTED)
    server = LanServer(service, host="127.0.0.1", port=0, lan_address=lambda: LAN, lang="en")
    app = CafeApp(service, clock=clock, server=server, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        here = f"http://127.0.0.1:{server.port}"
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert [n.message for n in warnings] == [
            f"The printed table cards point to {PRINTED}, but this laptop is now {here}, so "
            f"their codes open nothing. Reprint them, or give the laptop the address {PRINTED} "
            "again (the same network or phone hotspot as when you printed). --public-url "
            f"{PRINTED} helps only if that address still reaches this laptop."
        ]
        assert warnings[0].timeout >= 30, "long-lived: the room must not miss it"
        toasts = " ".join(str(toast.render()) for toast in app.screen.query(Toast))
        assert PRINTED in toasts and "--public-url" in toasts


async def test_no_warning_when_the_server_serves_the_printed_address(meeting_dir: Path) -> None:
    service, clock = meeting(meeting_dir)
    record_printed_base(service, PRINTED)
    server = LanServer(
        service, host="127.0.0.1", port=0, public_url=PRINTED, lan_address=lambda: LAN
    )
    app = CafeApp(service, clock=clock, server=server)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.server_running
        assert [n for n in app._notifications if n.severity == "warning"] == []
