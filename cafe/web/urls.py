"""The public address phones use: what ``--public-url`` accepts (no aiohttp needed)."""

from __future__ import annotations

from cafe import links
from cafe.core.errors import CafeError
from cafe.i18n import t

MAX_TABLES = 100
"""Table numbers printed on cards run from 1 to this."""


def normalise_public_url(url: str) -> str:
    """``cafe.local:8765`` -> ``http://cafe.local:8765``; no trailing slash."""
    url = url.strip()
    if "://" not in url:
        url = f"http://{url}"
    return url.rstrip("/")


def public_base(public_url: str | None, lan_address: str, port: int) -> str:
    """``--public-url`` if given, else the LAN address and port."""
    if public_url:
        return normalise_public_url(public_url)
    return links.base_url(lan_address, port)


def check_table(table: int) -> int:
    if not 1 <= table <= MAX_TABLES:
        raise CafeError(t("web.cli.bad_table", limit=MAX_TABLES, table=table))
    return table
