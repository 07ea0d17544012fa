"""Reading participant lists from CSV files as spreadsheets write them.

Excel in Sweden saves "CSV (semikolonavgränsad)" in Windows-1252 with ``;``; "CSV UTF-8"
adds a byte-order mark; "Unicode text" is UTF-16 with tabs; other locales use ``,``.
All of these are read, headers may be Swedish or English (a name in one column, or in
``Förnamn`` and ``Efternamn`` as registration forms export it), sectors may be written the
many ways lists say them ("Ideell förening", "Kommunal verksamhet"), and every bad cell is
reported with its spreadsheet row number (the header is row 1) and its column as written
in the file, before anything is imported.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import overload

from cafe.core.errors import (
    Message,
    Problem,
    ValidationError,
    cell_where,
    row_where,
)
from cafe.core.participants import (
    Participant,
    PersonInput,
    match_key,
    parse_sector,
    sector_guess,
)
from cafe.core.people_checks import checked, cleaned, yes_no
from cafe.core.text import check_field, clean

MAX_ROWS = 200_000
"""More rows than any meeting has; beyond it the file is surely not a participant list."""

_HEADERS: dict[str, str] = {
    "name": "name",
    "namn": "name",
    "fullständigt namn": "name",
    # One column holding the whole name, as forms head it (``Förnamn och efternamn``).
    "för- och efternamn": "name",
    "förnamn och efternamn": "name",
    "förnamn + efternamn": "name",
    "förnamn & efternamn": "name",
    "förnamn efternamn": "name",
    "namn och efternamn": "name",
    "ditt namn": "name",
    "deltagarens namn": "name",
    "first and last name": "name",
    "first name and last name": "name",
    "first name + last name": "name",
    "first & last name": "name",
    "full name": "name",
    "your name": "name",
    "participant name": "name",
    "förnamn": "first_name",
    "tilltalsnamn": "first_name",
    "first name": "first_name",
    "firstname": "first_name",
    "given name": "first_name",
    "efternamn": "last_name",
    "last name": "last_name",
    "lastname": "last_name",
    "surname": "last_name",
    "family name": "last_name",
    "organisation": "organisation",
    "organization": "organisation",
    "org": "organisation",
    "förening": "organisation",
    "organisation/förening": "organisation",
    "sector": "sector",
    "sektor": "sector",
    # What registration forms call the sector. Not a bare "Typ" (of what? a ticket, a
    # diet), "Aktör" (often the organisation's name itself) or "Verksamhet" (what the
    # organisation does, "äldreomsorg"): read as sectors, their cells would be refused.
    "typ av organisation": "sector",
    "organisationstyp": "sector",
    "typ av aktör": "sector",
    "aktörstyp": "sector",
    "aktörskategori": "sector",
    "sektor/typ": "sector",
    "organisation type": "sector",
    "organization type": "sector",
    "type of organisation": "sector",
    "type of organization": "sector",
    "sector/type": "sector",
    "email": "email",
    "e-mail": "email",
    "e-post": "email",
    "epost": "email",
    "mejl": "email",
    "mail": "email",
    # Google Forms' and Microsoft Forms' own labels for the address they collect.
    "e-postadress": "email",
    "epostadress": "email",
    "mejladress": "email",
    "mailadress": "email",
    "email address": "email",
    "e-mail address": "email",
    "din e-postadress": "email",
    "your email": "email",
    "phone": "phone",
    "telephone": "phone",
    "mobile": "phone",
    "telefon": "phone",
    "tel": "phone",
    "mobil": "phone",
    "telefonnummer": "phone",
    "mobilnummer": "phone",
    "phone number": "phone",
    "mobile number": "phone",
    "host": "host",
    "table host": "host",
    "värd": "host",
    "bordsvärd": "host",
    "present": "present",
    "närvarande": "present",
    "id": "id",
}


@dataclass(frozen=True, slots=True)
class CsvPeople:
    """What a CSV file holds, ready to import."""

    people: list[PersonInput]
    rows: list[int]
    """Spreadsheet row number of each person, for messages."""
    encoding: str
    delimiter: str
    ignored_columns: list[str]
    has_sector: bool = True
    """Whether a column holds the sector: without one everyone is "other", and the
    seating planner cannot mix the tables by sector."""
    no_sector: list[int] = dataclasses.field(default_factory=list)
    """Indexes of the people whose sector cell was empty, made "other": said after the
    import, since a municipal officer counted as "other" skews the tables' mix."""
    columns: dict[str, str] = dataclasses.field(default_factory=dict)
    """The header each field was read from, as the file writes it (``E-post``)."""


class RowPlaces(Sequence[Message]):
    """``people.csv row 7`` for each of ``rows``, made only when asked for: the service
    asks for a person's place only when it finds a problem, so 100,000 good people cost
    none."""

    def __init__(self, source: str, rows: Sequence[int]) -> None:
        self.source = source
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> Message: ...
    @overload
    def __getitem__(self, index: slice) -> RowPlaces: ...
    def __getitem__(self, index: int | slice) -> Message | RowPlaces:
        if isinstance(index, slice):
            return RowPlaces(self.source, self.rows[index])
        return row_where(self.source, self.rows[index])


def decode(raw: bytes) -> tuple[str, str]:
    """The text and the encoding it was in (UTF-8/16 by BOM or validity, else cp1252)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "cp1252"


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _header_key(cell: str) -> str:
    """A header as looked up: case, accents, ``_``, ``-`` and extra spaces ignored (also
    around a ``/``: ``Sektor / typ``)."""
    return match_key(cell.replace("_", " ").replace("-", " ")).replace(" /", "/").replace("/ ", "/")


_HEADER_KEYS: dict[str, str] = {_header_key(header): field for header, field in _HEADERS.items()}


def _header_field(cell: str) -> str | None:
    """The field a header cell names, if any; a form's note in brackets after it is
    ignored (``Namn (för- och efternamn)``, ``E-post (obligatorisk)``)."""
    key = _header_key(cell)
    field = _HEADER_KEYS.get(key)
    if field is None and "(" in key:
        field = _HEADER_KEYS.get(key.split("(", 1)[0].strip())
    return field


def looks_like_people_list(raw: bytes) -> bool:
    """Whether ``raw`` is a table whose header names people (``Namn``, ``Förnamn`` ...).

    For commands given a participant list by mistake (``cafe import anmalda.csv DIR``).
    """
    if b"\x00" in raw and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    try:
        text, _ = decode(raw[:65536])
    except UnicodeError:
        return False
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        header = next(csv.reader([first], delimiter=_delimiter(first)), [])
    except csv.Error:
        return False
    fields = {_header_field(cell) for cell in header}
    return bool({"name", "first_name", "last_name"} & fields)


def read_people_csv(raw: bytes, source: str) -> CsvPeople:
    """Parse a participant list; raises ``ValidationError`` listing every bad row."""
    if b"\x00" in raw and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValidationError([Problem.coded("csv.binary", where=source)])
    try:
        text, encoding = decode(raw)
    except UnicodeDecodeError as error:
        raise ValidationError(
            [Problem.coded("csv.bad_encoding", where=source, detail=str(error))]
        ) from None
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    if not first:
        raise ValidationError([Problem.coded("csv.empty", where=source)])
    delimiter = _delimiter(first)
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(iter(lines), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as error:
        raise ValidationError(
            [Problem.coded("text.verbatim", where=row_where(source, 1), text=str(error))]
        ) from None
    quote = _unclosed_quote(lines, 1, reader.line_num, header, delimiter)
    if quote is not None:
        cell = quote[0]
        where = _column_where(source, cell)
        raise ValidationError([Problem.coded("csv.unclosed_quote", where=where, count=quote[1])])
    columns, ignored, header_problems = _columns(header, source)
    if header_problems:
        raise ValidationError(header_problems)
    if not {"name", "first_name", "last_name"} & columns.keys():
        raise ValidationError(
            [
                Problem.coded(
                    "csv.no_name_column", where=row_where(source, 1), header=", ".join(header)
                )
            ]
        )

    problems: list[Problem] = []
    people: list[PersonInput] = []
    rows: list[int] = []
    no_sector: list[int] = []
    row_number = 1
    places = _Places(source, header, columns)
    cells = _Cells(header, columns)
    try:
        for record in reader:
            start, row_number = row_number + 1, reader.line_num
            quote = _unclosed_quote(lines, start, row_number, record, delimiter)
            if quote is not None:
                where = row_where(source, start)
                if quote[0] < len(header):
                    where = cell_where(where, clean(header[quote[0]]))
                problems.append(Problem.coded("csv.unclosed_quote", where=where, count=quote[1]))
                continue
            if not any(cell.strip() for cell in record):
                continue
            if len(people) + len(problems) >= MAX_ROWS:
                problems.append(Problem.coded("csv.too_many", where=source, limit=MAX_ROWS))
                break
            if len(record) > len(header) and any(c.strip() for c in record[len(header) :]):
                where = row_where(source, row_number)
                problems.append(
                    Problem.coded("csv.ragged", where=where, got=len(record), expected=len(header))
                )
                continue
            row_cells = cells(record)
            person = _person(row_cells, places, row_number, problems)
            if person is not None:
                if not row_cells[_SECTOR_CELL].strip():
                    no_sector.append(len(people))
                people.append(person)
                rows.append(row_number)
    except csv.Error as error:
        problems.append(
            Problem.coded("text.verbatim", where=row_where(source, row_number + 1), text=str(error))
        )
    if problems:
        raise ValidationError(problems)
    has_sector = "sector" in columns
    return CsvPeople(
        people,
        rows,
        encoding,
        delimiter,
        ignored,
        has_sector,
        no_sector if has_sector else [],
        {name: clean(header[index]) for name, index in columns.items()},
    )


def _column_where(source: str, index: int) -> Message:
    """``people.csv row 1, column C``: a header cell, by its spreadsheet letter."""
    return Message("csv.column_where", {"where": row_where(source, 1), "letter": _letter(index)})


def _letter(index: int) -> str:
    """A spreadsheet's name for column ``index`` (0 is ``A``, 26 is ``AA``)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _columns(header: list[str], source: str) -> tuple[dict[str, int], list[str], list[Problem]]:
    """Which column holds which field; a field in two columns is a problem naming both.

    Taking either one silently would lose the other's cells (two e-mail columns from a
    merged form), so the user chooses by renaming or removing one.
    """
    columns: dict[str, int] = {}
    ignored: list[str] = []
    problems: list[Problem] = []
    for index, cell in enumerate(header):
        field = _header_field(cell)
        if field and field in columns:
            first = columns[field]
            where = _column_where(source, index)
            problems.append(
                Problem.coded(
                    "csv.duplicate_column",
                    where=where,
                    header=clean(cell),
                    first=_letter(first),
                    first_header=clean(header[first]),
                )
            )
        elif field:
            columns[field] = index
        elif cell.strip():
            ignored.append(clean(cell))
    return columns, ignored, problems


def _unclosed_quote(
    lines: list[str], start: int, end: int, record: list[str], delimiter: str
) -> tuple[int, int] | None:
    """The cell and the number of lines a wrongly quoted record swallowed, if it did.

    Python's reader, like Excel, lets a quoted cell run over several lines; a quote that is
    never closed therefore takes the rest of the file into one cell. A record read again
    with ``strict`` fails exactly when its quotes do not pair up: at the end of the file
    always, and inside the file only for records spanning lines (a one-line record with a
    stray quote, ``Röda "Korset"``, is read as written, as Excel does).
    """
    is_last = end >= len(lines)
    if end == start and not is_last:
        return None
    try:
        for _ in csv.reader(lines[start - 1 : end], delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        if end == start and "unexpected end of data" not in str(error):
            return None
        cell = next((i for i, c in enumerate(record) if "\n" in c or "\r" in c), len(record) - 1)
        return max(cell, 0), end - start + 1
    return None


_FIELDS = (
    "name",
    "first_name",
    "last_name",
    "organisation",
    "sector",
    "email",
    "phone",
    "host",
    "present",
)
"""The fields a row's cells are read from, in this order (see ``_Cells``)."""

_SECTOR_CELL = 2
"""Where ``_Cells`` puts the sector: after the name and the organisation."""


class _Cells:
    """A row's cells by field (``""`` for a field the file has no column for or a short
    row leaves out), each field's column looked up once per file, not once per cell."""

    def __init__(self, header: list[str], columns: dict[str, int]) -> None:
        self._width = len(header)
        # A field with no column is read from one empty cell added after the header's.
        self._get = itemgetter(*(columns.get(field, self._width) for field in _FIELDS))
        self._split_name = bool({"first_name", "last_name"} & columns.keys())

    def __call__(self, record: list[str]) -> tuple[str, ...]:
        """The name (``Förnamn`` and ``Efternamn`` joined when there is no whole name),
        then the cells of the other ``_FIELDS``, from organisation to present."""
        padded = record[: self._width]
        padded.extend([""] * (self._width + 1 - len(padded)))
        whole, first, last, *rest = self._get(padded)
        if not whole.strip() and self._split_name:
            whole = " ".join(part.strip() for part in (first, last) if part.strip())
        return (whole, *rest)


class _Places:
    """Where each field of a row is, put together only for a cell that has a problem.

    A list of 100,000 good rows has 700,000 cells: building each one's position (and
    cleaning its column's header again) just in case took a third of reading the file.
    """

    def __init__(self, source: str, header: list[str], columns: dict[str, int]) -> None:
        self.source = source
        self.name_field = "name" if "name" in columns else "first_and_last_name"
        """Where a name is read from: one column, or first and last name."""
        self._columns = {
            field: " + ".join(clean(header[columns[f]]) for f in fields if f in columns)
            for field, fields in _CELL_FIELDS.items()
        }
        """The column(s) holding each field as the file writes them: ``Sektor``,
        ``Förnamn + Efternamn``."""

    def cell(self, row: int, field: str) -> Message:
        """``people.csv row 7, column "E-post"``: the cell holding ``field`` in ``row``."""
        return cell_where(row_where(self.source, row), self._columns[field])


_CELL_FIELDS: dict[str, tuple[str, ...]] = {
    "first_and_last_name": ("first_name", "last_name"),
    **{
        field: (field,)
        for field in ("name", "organisation", "sector", "email", "phone", "host", "present")
    },
}
"""A position's field, and the column(s) it is read from (a name from two)."""


def _person(
    cells: tuple[str, ...],
    places: _Places,
    row: int,
    problems: list[Problem],
) -> PersonInput | None:
    """The person in a row's ``cells`` (as ``_Cells`` reads them), or ``None`` with each
    bad cell's problem added to ``problems``.

    The checks run without a position; the few problems they find are placed in their cell
    afterwards, so a good row costs no positions at all.
    """
    name_cell, organisation_cell, sector_cell, email_cell, phone_cell, *flag_cells = cells
    placed: list[Problem] = []

    def place(field: str, found: Sequence[Problem]) -> None:
        """Put what the check of ``field`` found in the field's cell of this row."""
        if found:
            where = places.cell(row, field)
            placed.extend(Problem(where, problem.message, problem.field) for problem in found)

    found: list[Problem] = []
    name = check_field("name", name_cell, found, required=True)
    place(places.name_field, found)
    organisation, found_here = checked("organisation", organisation_cell)
    place("organisation", found_here)
    sector_text = cleaned(sector_cell)
    sector = parse_sector(sector_text) if sector_text else None
    if sector_text and sector is None:
        # A short hint, not every word: a list with seven such rows repeated the ninety
        # words seven times. The guides list them all ("Sector words").
        guess = sector_guess(sector_text)
        problem = (
            Problem.coded("csv.bad_sector_guess", value=sector_text, guess=guess)
            if guess
            else Problem.coded("csv.bad_sector", value=sector_text)
        )
        place("sector", [problem])
    email, found_here = checked("email", email_cell)
    place("email", found_here)
    phone, found_here = checked("phone", phone_cell)
    place("phone", found_here)
    flags = {}
    for field, raw in zip(("host", "present"), flag_cells, strict=True):
        value = yes_no(raw)
        if value is None:
            place(field, [Problem.coded("csv.bad_yes_no", value=clean(raw))])
        flags[field] = bool(value)
    if placed:
        problems.extend(placed)
        return None
    return PersonInput(
        name=name,
        organisation=organisation,
        sector=str(sector) if sector else "other",
        email=email,
        phone=phone,
        host=flags["host"],
        present=flags["present"],
    )


def _identity(name: str, organisation: str) -> tuple[str, str]:
    return (name.casefold(), organisation.casefold())


@dataclass(frozen=True, slots=True)
class Duplicates:
    """What ``find_duplicates`` found: rows to refuse, to skip, and people already here."""

    problems: list[Problem]
    """Repeats that say something else than the row they repeat: the same name with
    another e-mail, say. Two people, or one with a typo? Only the user knows."""
    already: set[int]
    """Indexes of rows that match people already in the meeting (the caller decides
    whether those are errors)."""
    repeats: dict[int, int] = dataclasses.field(default_factory=dict)
    """Index of each row that only repeats an earlier row (a form sent twice), and the
    earlier row's number: skipped, since importing it would seat one person twice and
    leaving it out loses nothing."""


_CONTACT_FIELDS = ("email", "phone")
_OTHER_FIELDS = ("sector", "host", "present")


def _adds(again: PersonInput, first: PersonInput) -> list[str]:
    """The fields in which ``again`` says something ``first`` does not (empty if none).

    An e-mail or phone left empty in the repeat agrees with any; written the same way
    but for case, spaces and dashes, it agrees too.
    """
    fields = [
        name
        for name in _CONTACT_FIELDS
        if _contact(getattr(again, name)) not in ("", _contact(getattr(first, name)))
    ]
    fields += [name for name in _OTHER_FIELDS if getattr(again, name) != getattr(first, name)]
    return fields


def _contact(value: str) -> str:
    return "".join(c for c in value.casefold() if c not in " -()")


def find_duplicates(parsed: CsvPeople, existing: Iterable[Participant], source: str) -> Duplicates:
    """Rows that repeat an earlier row or someone already registered.

    A row with the name and organisation of an earlier one is skipped when it only
    repeats it, and refused, naming what differs, when it says something else.
    """
    known = {_identity(p.name, p.organisation) for p in existing}
    seen: dict[tuple[str, str], int] = {}
    mailed: dict[tuple[str, str], int] = {}
    """(name, e-mail) of each row: the same person under two spellings of the
    organisation ("PRO" and "PRO Västerås") was imported as two people."""
    problems: list[Problem] = []
    already: set[int] = set()
    repeats: dict[int, int] = {}
    for index, (person, row) in enumerate(zip(parsed.people, parsed.rows, strict=True)):
        identity = _identity(person.name, person.organisation)
        mail = (person.name.casefold(), _contact(person.email))
        first = seen.get(identity)
        differing: list[str] = []
        if first is None and person.email and mail in mailed:
            first, differing = mailed[mail], ["organisation"]
        if person.email:
            mailed.setdefault(mail, index)
        if first is None:
            seen[identity] = index
            if identity in known:
                already.add(index)
            continue
        differing += _adds(person, parsed.people[first])
        if not differing:
            repeats[index] = parsed.rows[first]
            continue
        problems.append(
            Problem.coded(
                "csv.duplicate_row",
                where=row_where(source, row),
                name=person.name,
                row=parsed.rows[first],
                columns=", ".join(parsed.columns.get(name, name) for name in differing),
            )
        )
    return Duplicates(problems, already, repeats)
