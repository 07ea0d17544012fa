"""Rendering pages: Jinja2 templates from ``templates/web``, in the reader's language.

Autoescaping is on for every template, so anything a participant typed is escaped
wherever it appears; the only markup inserted unescaped is the QR code SVG we make.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from aiohttp import web
from markupsafe import Markup

from cafe.core.agenda import one_question_mark
from cafe.i18n import LANGUAGES, normalise_language
from cafe.qr import qr_svg
from cafe.resources import templates_dir
from cafe.web.prerender import Prerendered
from cafe.web.security import LANG_COOKIE

STATIC_TYPES = {
    "cafe.css": "text/css",
    "screen.css": "text/css",
    "screen.js": "text/javascript",
    "cohost.css": "text/css",
    "cohost.js": "text/javascript",
    "table.js": "text/javascript",
}


def web_templates_dir() -> Path:
    return templates_dir() / "web"


@lru_cache(maxsize=32)
def inline_qr(data: str) -> Markup:
    """An SVG QR code for embedding in a page (no XML prolog, sized by CSS)."""
    svg = qr_svg(data)
    start = svg.find("<svg")
    return Markup(svg[start:])


class Pages:
    """The page templates and the static files, loaded once per server."""

    def __init__(self, folder: Path | None = None) -> None:
        root = folder or web_templates_dir()
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(root),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            # The templates ship with cafe and never change while it runs; checking their
            # modification time on every page was a stat() per template per request.
            auto_reload=False,
        )
        # "arbeta med ”Hur når vi Åsbro?”?": a quoted question inside a question
        self.env.filters["one_question"] = one_question_mark
        self.static: dict[str, bytes] = {
            name: (root / "static" / name).read_bytes() for name in STATIC_TYPES
        }
        self.prerendered = Prerendered()
        """Pages rendered once per shape and filled in per request (``cafe.web.prerender``)."""

    def render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)


def request_language(request: web.Request, default: str) -> tuple[str, bool]:
    """The reader's language and whether it was just chosen (``?lang=``) and must be kept.

    The switch link on every page sets ``?lang``; the choice is kept in a cookie. Without
    either, pages follow the meeting's language.
    """
    chosen = request.query.get("lang", "")
    if chosen in LANGUAGES:
        return chosen, True
    kept = request.cookies.get(LANG_COOKIE, "")
    if kept in LANGUAGES:
        return kept, False
    return normalise_language(default), False


def other_language(lang: str) -> str:
    return next(code for code in LANGUAGES if code != lang)
