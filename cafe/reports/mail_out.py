"""Letters as e-mail: HTML that pastes cleanly into Outlook, and the plain-text twin.

Mail programs drop ``<style>`` blocks and classes, so every style is inline and the markup
is plain (headings, paragraphs, lists, one table for the facts). Every text is escaped;
an e-mail address or phone number is kept on one line.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from html import escape

from cafe.reports.letters import Block
from cafe.reports.pptx_kit import PALETTE
from cafe.reports.safe import safe_text

FONT = "Calibri, 'Segoe UI', Arial, sans-serif"
_CONTACT = re.compile(r"[^\s()<>,;]+@[^\s()<>,;]+\.[A-Za-z]{2,}|\+?\d[\d -]{6,}\d")


def _inline(text: str) -> str:
    """Escaped text; addresses and numbers in a no-wrap span; line breaks kept."""
    out, last = [], 0
    for found in _CONTACT.finditer(text):
        out.append(escape(text[last : found.start()]))
        out.append(f'<span style="white-space:nowrap">{escape(found.group())}</span>')
        last = found.end()
    out.append(escape(text[last:]))
    return "".join(out).replace("\n", "<br>")


def build_html(blocks: Sequence[Block], *, lang: str, title: str) -> str:
    """A whole HTML document of ``blocks`` with inline styles only."""
    body = f"font-family:{FONT};font-size:11pt;line-height:1.45;color:#{PALETTE.text}"
    title_css = f"color:#{PALETTE.title};font-size:20pt;margin:0 0 12px"
    heading_css = (
        f"color:#{PALETTE.title};font-size:14pt;margin:20px 0 8px;"
        f"border-bottom:2px solid #{PALETTE.accent};padding-bottom:3px"
    )
    para_css = "margin:0 0 10px"
    parts = []
    for block in blocks:
        text = safe_text(block.text, multiline=True)
        if block.kind == "title":
            parts.append(f'<h1 style="{title_css}">{_inline(text)}</h1>')
        elif block.kind == "heading":
            parts.append(f'<h2 style="{heading_css}">{_inline(text)}</h2>')
        elif block.kind == "lead":
            parts.append(
                f'<p style="{para_css};font-weight:bold;color:#{PALETTE.muted}">{_inline(text)}</p>'
            )
        elif block.kind in ("bullets", "numbered"):
            tag = "ul" if block.kind == "bullets" else "ol"
            items = "".join(
                f'<li style="margin:0 0 4px">{_inline(safe_text(i, multiline=True))}</li>'
                for i in block.items
            )
            parts.append(f'<{tag} style="margin:0 0 10px;padding-left:24px">{items}</{tag}>')
        elif block.kind == "facts":
            rows = "".join(
                f'<tr><th style="text-align:left;vertical-align:top;padding:2px 16px 2px 0;'
                f'color:#{PALETTE.muted};white-space:nowrap">{_inline(safe_text(a))}</th>'
                f'<td style="padding:2px 0">{_inline(safe_text(b))}</td></tr>'
                for a, b in block.pairs
            )
            parts.append(
                f'<table role="presentation" style="border-collapse:collapse;margin:0 0 10px;'
                f'font-family:{FONT};font-size:11pt">{rows}</table>'
            )
        elif block.kind == "small":
            parts.append(
                f'<p style="{para_css};font-size:9pt;color:#{PALETTE.muted}">{_inline(text)}</p>'
            )
        elif block.kind == "signature":
            parts.append(f'<p style="{para_css};font-weight:bold">{_inline(text)}</p>')
        else:
            parts.append(f'<p style="{para_css}">{_inline(text)}</p>')
    content = "\n".join(parts)
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(safe_text(title))}</title>\n</head>\n"
        f'<body style="{body};max-width:40em">\n{content}\n</body>\n</html>\n'
    )


def build_text(blocks: Sequence[Block], width: int = 72) -> str:
    """The plain-text alternative: readable in any mail program, lines of ``width``."""

    def wrap(text: str, indent: str = "", first: str = "") -> list[str]:
        lines = []
        for number, line in enumerate(text.split("\n")):
            lines += textwrap.wrap(
                line,
                width=width,
                initial_indent=first if number == 0 else indent,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            ) or [""]
        return lines

    out: list[str] = []
    for block in blocks:
        text = safe_text(block.text, multiline=True)
        if block.kind == "title":
            out += [*wrap(text), "=" * min(width, len(text)), ""]
        elif block.kind == "heading":
            out += [*wrap(text), "-" * min(width, len(text)), ""]
        elif block.kind == "bullets":
            for item in block.items:
                out += wrap(safe_text(item, multiline=True), "  ", "- ")
            out.append("")
        elif block.kind == "numbered":
            for number, item in enumerate(block.items, start=1):
                mark = f"{number}. "
                out += wrap(safe_text(item, multiline=True), " " * len(mark), mark)
            out.append("")
        elif block.kind == "facts":
            for label, value in block.pairs:
                out += wrap(safe_text(value), "    ", f"{safe_text(label)}: ")
            out.append("")
        else:
            out += [*wrap(text), ""]
    return "\n".join(out).rstrip() + "\n"
