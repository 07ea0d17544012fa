"""Participant lists as spreadsheets write them, in Sweden and elsewhere."""

from __future__ import annotations

import pytest

from cafe.core.errors import ValidationError
from cafe.core.participants import Participant, Sector
from cafe.core.people_csv import find_duplicates, read_people_csv
from cafe.i18n import Translator

SWEDISH_EXCEL = "Namn;Organisation;Sektor;E-post;Telefon;Bordsvärd\r\nÅsa Öberg;Röda Korset;förening;asa@example.se;070-123 45 67;ja\r\nPer Ek;Kommunen;kommun;;;\r\n"


def test_swedish_excel_cp1252_semicolon() -> None:
    parsed = read_people_csv(SWEDISH_EXCEL.encode("cp1252"), "lista.csv")
    assert parsed.encoding == "cp1252"
    assert parsed.delimiter == ";"
    asa, per = parsed.people
    assert (asa.name, asa.organisation, asa.sector, asa.host) == (
        "Åsa Öberg",
        "Röda Korset",
        "civil",
        True,
    )
    assert (per.name, per.sector, per.host) == ("Per Ek", "public", False)
    assert parsed.rows == [2, 3]


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (b"\xef\xbb\xbf" + SWEDISH_EXCEL.encode("utf-8"), "utf-8-sig"),
        (SWEDISH_EXCEL.encode("utf-8"), "utf-8"),
        (SWEDISH_EXCEL.replace(";", "\t").encode("utf-16"), "utf-16"),
    ],
)
def test_utf_variants(encoded: bytes, encoding: str) -> None:
    parsed = read_people_csv(encoded, "lista.csv")
    assert parsed.encoding == encoding
    assert parsed.people[0].name == "Åsa Öberg"


def test_english_headers_and_commas() -> None:
    text = 'name,organization,sector,email,host,present\n"Lee, Ann",Scouts,civil society,ann@example.org,no,yes\n'
    parsed = read_people_csv(text.encode(), "people.csv")
    person = parsed.people[0]
    assert (person.name, person.organisation, person.sector, person.present) == (
        "Lee, Ann",
        "Scouts",
        "civil",
        True,
    )


def test_every_bad_row_is_named() -> None:
    text = (
        "namn;organisation;sektor;e-post;värd\n"
        "Ok Person;A;kommun;;\n"
        ";B;kommun;;\n"
        "Bad Sector;C;rymden;;\n"
        "Ok Two;D;förening;;ja\n"
        "Bad Mail;E;annat;inte-en-adress;kanske\n"
    )
    with pytest.raises(ValidationError) as caught:
        read_people_csv(text.encode(), "lista.csv")
    wheres = [p.place(Translator("sv")) for p in caught.value.problems]
    assert wheres == [  # the row, and the column as the file writes it
        'lista.csv rad 3, kolumn "namn"',
        'lista.csv rad 4, kolumn "sektor"',
        'lista.csv rad 6, kolumn "e-post"',
        'lista.csv rad 6, kolumn "värd"',
    ]


def test_missing_name_column_binary_and_empty() -> None:
    with pytest.raises(ValidationError, match="Namn"):
        read_people_csv(b"first;last\nA;B\n", "x.csv")
    with pytest.raises(ValidationError, match="text"):
        read_people_csv(b"\x00\x01\x02PK\x03\x04", "x.csv")
    with pytest.raises(ValidationError, match="tom"):
        read_people_csv(b"\n\n", "x.csv")


def test_ragged_row_is_reported() -> None:
    with pytest.raises(ValidationError, match="rad 3"):
        read_people_csv(b"namn;org\nA;B\nC;D;E;F\n", "x.csv")


def test_duplicates_within_file_and_meeting() -> None:
    """A row that only repeats an earlier one is skipped; one that says something else
    (another e-mail, a sector) is refused, naming the columns that differ."""
    text = (
        "namn;organisation;e-post;sektor\n"
        "Åsa;Röda Korset;asa@example.se;förening\n"
        "Per;Kommunen;;kommun\n"
        "åsa;röda korset;ASA@example.se;förening\n"
        "Åsa;Röda Korset;;förening\n"
        "Åsa;Röda Korset;asa.o@example.se;kommun\n"
    )
    parsed = read_people_csv(text.encode(), "x.csv")
    existing = [Participant("p1", "Per", "Kommunen", Sector.PUBLIC)]
    found = find_duplicates(parsed, existing, "x.csv")
    assert [p.line(Translator("sv")) for p in found.problems] == [
        "x.csv rad 6: Åsa finns redan på rad 2 men med andra uppgifter (e-post, sektor). "
        "Är det samma person, ta bort den rad som är fel; är det två personer, skriv vad som "
        "skiljer dem åt, till exempel organisationen."
    ]
    assert found.repeats == {2: 2, 3: 2}
    assert found.already == {1}


def test_the_row_is_named_in_the_users_language() -> None:
    """``rad`` in Swedish, ``row`` in English, also when shown in the language in use."""
    from cafe.i18n import set_language

    ragged = "namn;organisation\nÅsa;Röda Korset;extra;cell\n".encode()
    for language, word in (("sv", "rad"), ("en", "row")):
        set_language(language)  # the suite's conftest sets Swedish again after the test
        with pytest.raises(ValidationError) as caught:
            read_people_csv(ragged, "x.csv")
        assert [p.place() for p in caught.value.problems] == [f"x.csv {word} 2"]


def test_a_bad_cell_repeated_down_the_list_is_named_in_every_row() -> None:
    """A value is checked once per list (organisations and empty columns repeat), but its
    problem is still placed in each row's own cell, and the first person checked carries
    no position into the next."""
    text = (
        "namn;organisation;e-post;telefon;värd\n"
        "A;Kören;fel-adress;12;kanske\n"
        "B;Kören;ok@example.se;;\n"
        "C;Kören;fel-adress;12;kanske\n"
    )
    with pytest.raises(ValidationError) as caught:
        read_people_csv(text.encode(), "lista.csv")
    lines = [p.line(Translator("sv")) for p in caught.value.problems]
    for row in (2, 4):
        assert (
            lines.count(
                f'lista.csv rad {row}, kolumn "e-post": "fel-adress" ser inte ut som en e-postadress'
            )
            == 1
        )
        assert (
            f'lista.csv rad {row}, kolumn "telefon": "12" ser inte ut som ett telefonnummer'
            in lines
        )
        assert f'lista.csv rad {row}, kolumn "värd": "kanske" är inte ja eller nej' in lines
    assert len(lines) == 6, lines
    parsed = read_people_csv(
        text.replace("fel-adress", "").replace("12", "").replace("kanske", "ja").encode(),
        "lista.csv",
    )
    assert [(p.organisation, p.email, p.host) for p in parsed.people] == [
        ("Kören", "", True),
        ("Kören", "ok@example.se", False),
        ("Kören", "", True),
    ]


def test_short_rows_empty_extra_cells_and_a_name_in_two_columns() -> None:
    """A row may stop early (its missing cells are empty) or run on with empty cells; a
    file with both a name and first and last names takes the whole name when it is there."""
    text = (
        "Namn;Förnamn;Efternamn;Värd;E-post\n"
        "Åsa Öberg;Åsa;Ö;ja\n"
        " ;Per;Ek;nej;per@example.se;;  \n"
        ";;Lind\n"
    )
    parsed = read_people_csv(text.encode(), "lista.csv")
    assert [(p.name, p.host, p.email) for p in parsed.people] == [
        ("Åsa Öberg", True, ""),
        ("Per Ek", False, "per@example.se"),
        ("Lind", False, ""),
    ]
    assert parsed.rows == [2, 3, 4]
    with pytest.raises(ValidationError) as caught:
        read_people_csv("Namn;Förnamn;Efternamn;Värd\n;;;ja\n".encode(), "lista.csv")
    assert [p.place(Translator("sv")) for p in caught.value.problems] == [
        'lista.csv rad 2, kolumn "Namn"'
    ]
