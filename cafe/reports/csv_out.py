"""CSV files that open right in Excel and cannot run anything there.

UTF-8 with a byte-order mark, because that is how Excel recognises UTF-8 (without it,
"Åsa Öberg" arrives as "Ã…sa Ã–berg"). Semicolon by default, because Excel in a Swedish
locale (decimal comma) splits on ";" and puts a comma-separated file in one column;
``csv_sep=","`` is there for English-locale Excel and other tools. A cell that begins
with =, +, -, @, a tab or a carriage return would be read as a formula (CSV injection),
so it gets a leading apostrophe, as OWASP recommends; except an international phone
number ("+46 70 123 45 67"): a plus and digits in groups call nothing, and the
apostrophe would show in every number on the working group's list.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from datetime import datetime

from cafe.i18n import Translator
from cafe.reports.model import ReportModel
from cafe.reports.safe import safe_text

DEFAULT_SEPARATOR = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PHONE_NUMBER = re.compile(r"\+\d+(?: \d+)*")
"""``+46 70 123 45 67``, ``+4670123456``: digits in groups, no operator or name to run."""


def neutralise(value: object) -> str:
    """A cell value that a spreadsheet shows as text, never evaluates."""
    text = safe_text(value, multiline=True)
    if PHONE_NUMBER.fullmatch(text):
        return text
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]], sep: str) -> bytes:
    """Rows as CSV bytes with a BOM and CRLF line ends; every cell neutralised."""
    if len(sep) != 1 or sep in '"\r\n':
        raise ValueError(f"bad CSV separator {sep!r}")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def _when(at: float) -> str:
    return datetime.fromtimestamp(at).strftime("%Y-%m-%d %H:%M") if at else ""


def signups_csv(model: ReportModel, sep: str = DEFAULT_SEPARATOR) -> bytes:
    """One row per person and theme; contact details only with consent."""
    tr = Translator(model.lang)
    yes, no = tr("reports.csv.yes"), tr("reports.csv.no")
    names = {th.id: th.name for th in model.themes}
    header = [
        tr(f"reports.csv.{k}")
        for k in ("theme", "name", "organisation", "email", "phone", "consent", "signed_up_at")
    ]
    rows = []
    order = {th.id: number for number, th in enumerate(model.themes)}
    # A list per theme, as on the board, the ones with no theme last; names are already
    # in the reader's alphabetical order, and the sort is stable.
    placed = sorted(
        ((theme, signup) for signup in model.signups for theme in signup.themes or ("",)),
        key=lambda pair: order.get(pair[0], len(order)),
    )
    for theme, signup in placed:
        rows.append(
            [
                names.get(theme, tr("reports.csv.no_theme")),
                signup.name,
                signup.organisation,
                signup.email,
                signup.phone,
                yes if signup.consent else no,
                _when(signup.at),
            ]
        )
    return to_csv(header, rows, sep)


def participants_csv(model: ReportModel, sep: str = DEFAULT_SEPARATOR) -> bytes:
    """Everyone registered, and everyone who signed up without being registered, once
    each: the list of who gets the feedback letter, so nobody the letter reaches is left
    out. E-mail and phone only for those whose sign-up gave consent (both by rule 1, as
    the letter decides). A sign-up says nothing of sector or presence: those cells stay
    empty rather than guessed."""
    tr = Translator(model.lang)
    yes, no = tr("reports.csv.yes"), tr("reports.csv.no")
    header = [
        tr(f"reports.csv.{k}")
        for k in (
            *("name", "organisation", "sector", "present", "host"),
            *("email", "phone", "themes", "letter", "registered"),
        )
    ]
    rows = [
        [
            p.name,
            p.organisation,
            tr(f"reports.sector.{p.sector}") if p.sector else "",
            (yes if p.present else no) if p.registered else "",
            yes if p.host else no,
            p.email,
            p.phone,
            ", ".join(p.themes),
            yes if p.letter else no,
            yes if p.registered else no,
        ]
        for p in model.people
    ]
    return to_csv(header, rows, sep)
