"""The addresses phones use: one scheme shared by the server, the TUI and printouts.

Printed table cards and the projector's QR code must encode the same URL that the server
answers, so every URL is built here. The LAN address is detected by asking the OS which
local address would route outward (a UDP ``connect`` sends no packet); tests inject their
own address and never use the detected one.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from urllib.parse import urlsplit

from cafe.core.errors import CafeError
from cafe.i18n import t

DEFAULT_PORT = 8765
"""A fixed default, so that table cards printed the day before still point right."""

LanAddressFinder = Callable[[], str]

TOKEN_PREFIXES: tuple[str, ...] = ("/m/", "/t/", "/screen/", "/c/")
"""Every path whose next segment is a secret token starts with one of these. The logs cut
that segment out by them (``cafe.web.logs``), from the first line ``cafe run`` writes,
before the web server is loaded; the server refuses to start with a ``{token}`` route
under any other prefix, so a new page cannot leak its token into a log."""

MAX_TABLES = 100
"""Table numbers printed on cards run from 1 to this."""


def detect_lan_address(probe: str = "192.0.2.1") -> str:
    """The laptop's address on the venue's network; loopback when offline."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect((probe, 9))
            return str(sock.getsockname()[0])
        except OSError:
            return "127.0.0.1"


def base_url(host: str, port: int) -> str:
    """``http://host:port`` with IPv6 hosts bracketed."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}"


def signup_path(meeting_token: str) -> str:
    """The meeting's QR code: it lands on the room's task now (sign-up, seat or check-out)."""
    return f"/m/{meeting_token}/"


def signup_form_path(meeting_token: str) -> str:
    """The sign-up form itself, whatever step the meeting is at (the pages' menu)."""
    return f"/m/{meeting_token}/signup"


def seat_path(meeting_token: str) -> str:
    return f"/m/{meeting_token}/seat"


def checkout_path(meeting_token: str) -> str:
    return f"/m/{meeting_token}/checkout"


def table_path(table_token: str) -> str:
    """A table's QR code: that table's host page for sending ideas."""
    return f"/t/{table_token}/"


def screen_path(meeting_token: str) -> str:
    """The projector page."""
    return f"/screen/{meeting_token}"


def cohost_path(cohost_token: str) -> str:
    """The co-host console: the agenda, the timer and moderation from a phone or tablet."""
    return f"/c/{cohost_token}/"


def normalise_public_url(url: str) -> str:
    """``cafe.local:8765`` -> ``http://cafe.local:8765``; no trailing slash."""
    url = url.strip()
    if "://" not in url:
        url = f"http://{url}"
    return url.rstrip("/")


def check_public_url(url: str) -> str:
    """``--public-url`` normalised, or a ``CafeError`` saying what is wrong with it.

    It goes into every printed code: "10.42.0.1" (so port 80, where nothing answers),
    "htp://…" and port 87650 all printed cards that open nothing, without a word. An
    ``http`` address needs its port written out (the server listens on 8765); ``https``
    means a proxy in front, on 443.
    """
    shown = url.strip()
    normal = normalise_public_url(shown)
    parts = urlsplit(normal)
    if parts.scheme.lower() not in ("http", "https"):
        raise CafeError(t("web.cli.public_url_scheme", url=shown))
    if not parts.hostname:
        raise CafeError(t("web.cli.public_url_host", url=shown))
    try:
        port = parts.port
    except ValueError:
        raise CafeError(t("web.cli.public_url_port", url=shown)) from None
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise CafeError(
            t("web.cli.public_url_path", url=shown, base=f"{parts.scheme}://{parts.netloc}")
        )
    if port is None and parts.scheme.lower() == "http":
        example = f"{normal}:{DEFAULT_PORT}"
        raise CafeError(t("web.cli.public_url_no_port", url=shown, example=example))
    return normal


def check_table(table: int) -> int:
    if not 1 <= table <= MAX_TABLES:
        raise CafeError(t("web.cli.bad_table", limit=MAX_TABLES, table=table))
    return table
