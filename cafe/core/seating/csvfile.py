"""The seating CLI's participant file: ``id,name,organisation,sector[,host]``.

Other tools script ``cafe seating plan``, so ids come from the file (unlike a meeting's
participant list, where ``cafe`` assigns them). Encodings, BOMs and ``;``/tab delimiters
are handled as in ``people_csv``; every bad row is reported with its spreadsheet row
number (the header is row 1) before anything is planned.
"""

from __future__ import annotations

import csv
import io
import unicodedata

from cafe.core.errors import Problem, ValidationError, Where, row_where
from cafe.core.participants import parse_sector
from cafe.core.people_csv import decode
from cafe.core.seating.model import SeatingPerson
from cafe.core.text import clean, parse_yes_no

_COLUMNS: dict[str, str] = {
    "id": "id",
    "name": "name",
    "namn": "name",
    "organisation": "organisation",
    "organization": "organisation",
    "org": "organisation",
    "sector": "sector",
    "sektor": "sector",
    "host": "host",
    "värd": "host",
    "bordsvärd": "host",
}
_REQUIRED = ("id", "name", "organisation", "sector")


def _key(cell: str) -> str:
    return " ".join(unicodedata.normalize("NFC", cell).strip().lower().split())


def read_seating_csv(raw: bytes, source: str) -> tuple[list[SeatingPerson], dict[str, str]]:
    """People to seat and their display names (id -> name), in file order.

    Raises ``ValidationError`` naming ``source`` and the row of every problem.
    """
    try:
        text, _ = decode(raw)
    except UnicodeDecodeError as error:
        raise ValidationError(
            [Problem.coded("csv.bad_encoding", where=source, detail=str(error))]
        ) from None
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first:
        raise ValidationError([Problem.coded("csv.empty", where=source)])
    delimiter = max((";", ",", "\t"), key=first.count) if any(d in first for d in ";,\t") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    problems: list[Problem] = []
    try:
        header = next(reader)
        columns: dict[str, int] = {}
        for index, cell in enumerate(header):
            field = _COLUMNS.get(_key(cell))
            if field and field not in columns:
                columns[field] = index
        missing = [name for name in _REQUIRED if name not in columns]
        if missing:
            raise ValidationError(
                [
                    Problem.coded(
                        "seating.csv.missing_columns",
                        where=row_where(source, 1),
                        columns=", ".join(missing),
                    )
                ]
            )
        people: list[SeatingPerson] = []
        names: dict[str, str] = {}
        first_row: dict[str, int] = {}
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue
            row = reader.line_num
            person = _person(record, columns, row_where(source, row), problems)
            if person is None:
                continue
            if person[0].id in first_row:
                problems.append(
                    Problem.coded(
                        "seating.csv.duplicate_id",
                        where=row_where(source, row),
                        id=person[0].id,
                        row=first_row[person[0].id],
                    )
                )
                continue
            first_row[person[0].id] = row
            people.append(person[0])
            names[person[0].id] = person[1]
    except csv.Error as error:
        problems.append(
            Problem.coded(
                "text.verbatim", where=row_where(source, reader.line_num), text=str(error)
            )
        )
    if problems:
        raise ValidationError(problems)
    if not people:
        raise ValidationError([Problem.coded("seating.nobody", where=source)])
    return people, names


def _person(
    record: list[str], columns: dict[str, int], where: Where, problems: list[Problem]
) -> tuple[SeatingPerson, str] | None:
    def cell(field: str) -> str:
        index = columns.get(field)
        return clean(record[index]) if index is not None and index < len(record) else ""

    before = len(problems)
    person_id, name = cell("id"), cell("name")
    if not person_id:
        problems.append(Problem.coded("seating.csv.no_id", where=where))
    if not name:
        problems.append(Problem.coded("seating.csv.no_name", where=where))
    sector_text = cell("sector")
    sector = parse_sector(sector_text) if sector_text else parse_sector("other")
    if sector is None:
        problems.append(Problem.coded("seating.csv.bad_sector", where=where, value=sector_text))
    host = parse_yes_no(cell("host"))
    if host is None:
        problems.append(Problem.coded("seating.csv.bad_host", where=where, value=cell("host")))
    if len(problems) > before or sector is None:
        return None
    return SeatingPerson(person_id, cell("organisation"), sector, bool(host)), name
