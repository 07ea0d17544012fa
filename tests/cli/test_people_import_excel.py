"""`cafe people import` reads registration lists as Excel and form tools export them.

First and last name in separate columns, and sectors written the many ways lists say them
("Ideell förening", "Kommunal verksamhet", "Privat företag"). An unknown sector is refused
in the user's language, naming the row, the column as the file writes it, the value, and a
short hint: the four sectors and where every word is listed (the guides' "Sector words").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cafe.cli import main
from cafe.core.participants import Sector, match_key, parse_sector, sector_names
from tests.meetings import new_meeting

SECTOR_WORDS: list[tuple[str, Sector]] = [
    ("Ideell förening", Sector.CIVIL),
    ("Idéburen organisation", Sector.CIVIL),
    ("Förening", Sector.CIVIL),
    ("Civilsamhälle", Sector.CIVIL),
    ("Trossamfund", Sector.CIVIL),
    ("Stiftelse", Sector.CIVIL),
    ("Kommunal verksamhet", Sector.PUBLIC),
    ("Kommun", Sector.PUBLIC),
    ("Region", Sector.PUBLIC),
    ("Myndighet", Sector.PUBLIC),
    ("Offentlig", Sector.PUBLIC),
    ("Statlig", Sector.PUBLIC),
    ("Landsting", Sector.PUBLIC),
    ("Privat företag", Sector.BUSINESS),
    ("Företag", Sector.BUSINESS),
    ("Näringsliv", Sector.BUSINESS),
    ("Socialt företag", Sector.BUSINESS),  # runs a business; see participants.py
    ("Annat", Sector.OTHER),
    ("Övrigt", Sector.OTHER),
    ("Privatperson", Sector.OTHER),
]


def _mangled(word: str) -> str:
    """The word as a hurried spreadsheet has it: no accents, capitals, extra spaces."""
    return "  " + "   ".join(match_key(word).upper().split()) + " "


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    new_meeting(tmp_path / "möte").log.close()
    return tmp_path / "möte"


def _listed(folder: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["people", "list", str(folder), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(("word", "sector"), SECTOR_WORDS, ids=[w for w, _ in SECTOR_WORDS])
def test_every_sector_word_of_a_registration_list(
    word: str, sector: Sector, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "anmalda.csv"
    listing.write_bytes(
        f"Namn;Organisation;Sektor\r\nAnna Berg;A;{word}\r\nBo Dahl;B;{_mangled(word)}\r\n".encode(
            "cp1252"
        )
    )
    assert main(["people", "import", str(folder), str(listing)]) == 0
    assert [p["sector"] for p in _listed(folder, capsys)] == [sector.value, sector.value]


def test_the_words_map_to_one_sector_each() -> None:
    """No word folds onto another sector's word (``kommunalt bolag`` vs ``bolag``)."""
    for word in sector_names():
        assert parse_sector(word) is not None, word
        assert parse_sector(_mangled(word)) is parse_sector(word), word


@pytest.mark.parametrize(
    "header",
    [
        "Förnamn;Efternamn",
        "förnamn;efternamn",
        "FORNAMN;EFTERNAMN",
        "First name;Last name",
        "firstname;surname",
        "First_Name;Last_Name",
        "Given name;Family name",
        "Tilltalsnamn;Efternamn",
    ],
)
def test_first_and_last_name_columns_are_joined(
    header: str, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "anmalda.csv"
    listing.write_text(
        f"{header};Organisation;Sektor;E-post\n"
        "Åsa;Öberg;Röda Korset;Ideell förening;asa@example.se\n"
        " Per ; Ek ;Kommunen;Kommunal verksamhet;\n"
        "Cher;;;Privatperson;\n",
        encoding="utf-8-sig",
    )
    assert main(["people", "import", str(folder), str(listing)]) == 0
    assert "Kolumner som inte används" not in capsys.readouterr().err
    assert [(p["name"], p["organisation"], p["sector"]) for p in _listed(folder, capsys)] == [
        ("Åsa Öberg", "Röda Korset", "civil"),
        ("Per Ek", "Kommunen", "public"),
        ("Cher", "", "other"),
    ]


def test_a_row_without_any_name_names_both_columns(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "anmalda.csv"
    listing.write_text("Förnamn;Efternamn;Sektor\nÅsa;Öberg;förening\n;;kommun\n", "utf-8")
    assert main(["people", "import", str(folder), str(listing)]) == 1
    err = capsys.readouterr().err
    assert 'anmalda.csv rad 3, kolumn "Förnamn + Efternamn": ' in err
    assert _listed(folder, capsys) == [], "a bad row imports nobody"


def test_an_unknown_sector_is_refused_in_swedish(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "anmalda.csv"
    listing.write_text("Förnamn;Efternamn;Organisation\nÅsa;Öberg;Röda Korset\n", "utf-8")
    assert main(["people", "import", str(folder), str(listing)]) == 0
    capsys.readouterr()

    listing.write_text(
        "Förnamn;Efternamn;Organisation;Sektor\n"
        "Åsa;Öberg;Röda Korset;Ideell förening\n"
        "Per;Ek;Rymdbolaget;Rymden\n",
        encoding="utf-8",
    )
    assert main(["people", "import", str(folder), str(listing), "--skip-existing"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith(
        'anmalda.csv rad 3, kolumn "Sektor": "Rymden" är ingen sektor som cafe känner igen. '
        "Skriv ett ord för offentlig sektor (till exempel kommun), "
    )
    assert 'docs/guide.sv.md, "Sektorord"' in lines[0]
    for english in ("sector", "row", "column", "public", "business", "civil society"):
        assert english not in lines[0], f"{english!r} in the Swedish message"
    assert len(lines) == 1
    assert [p["id"] for p in _listed(folder, capsys)] == ["p1"], "only the first file's"


ENGLISH_SECTOR_WORDS: list[tuple[str, Sector]] = [
    ("Non-profit association", Sector.CIVIL),
    ("Religious community", Sector.CIVIL),
    ("Non-profit organization", Sector.CIVIL),
    ("Voluntary organisation", Sector.CIVIL),
    ("Church", Sector.CIVIL),
    ("Municipal company", Sector.PUBLIC),
    ("Municipal", Sector.PUBLIC),
    ("Local authority", Sector.PUBLIC),
    ("Government agency", Sector.PUBLIC),
    ("Private company", Sector.BUSINESS),
    ("Enterprise", Sector.BUSINESS),
    ("Private individual", Sector.OTHER),
]
"""The English for the Swedish words above, as an English registration list writes it
(the audit's list had the first, second and sixth refused)."""


@pytest.mark.parametrize(
    ("word", "sector"), ENGLISH_SECTOR_WORDS, ids=[w for w, _ in ENGLISH_SECTOR_WORDS]
)
def test_the_english_sector_words_of_a_registration_list(
    word: str, sector: Sector, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "registered.csv"
    listing.write_text(
        f"Full name,Organisation,Sector\nAnna Berg,A,{word}\nBo Dahl,B,{_mangled(word)}\n",
        encoding="utf-8",
    )
    assert main(["--lang", "en", "people", "import", str(folder), str(listing)]) == 0
    assert [p["sector"] for p in _listed(folder, capsys)] == [sector.value, sector.value]


def test_rows_with_unknown_sectors_each_get_a_short_hint_in_english(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven bad rows used to print the ninety accepted words seven times."""
    listing = tmp_path / "registered.csv"
    rows = "".join(f"Person {n},Org {n},Space agency {n}\n" for n in range(7))
    listing.write_text(f"Full name,Organisation,Sector\n{rows}", encoding="utf-8")
    assert main(["--lang", "en", "people", "import", str(folder), str(listing)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 7
    for n, line in enumerate(lines):
        assert line.startswith(
            f'registered.csv row {n + 2}, column "Sector": "Space agency {n}" is not a sector'
        ), line
        assert "public sector" in line and "civil society" in line and "business" in line
        assert 'docs/guide.en.md, "Sector words"' in line
        assert len(line.split()) < 60, line
        for swedish in ("kommun", "förening", "rad", "kolumn"):
            assert swedish not in line.split(), line
    assert _listed(folder, capsys) == []


def _guide_section(page: str, heading: str) -> str:
    text = (Path(__file__).parents[2] / "docs" / page).read_text(encoding="utf-8")
    return text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize(
    ("page", "heading"), [("guide.en.md", "Sector words"), ("guide.sv.md", "Sektorord")]
)
def test_the_guides_list_every_sector_word(page: str, heading: str) -> None:
    """The refusal's hint points there, so every word the import takes is there, in the
    row of its sector (the rows in the order public, civil, business, other)."""
    section = _guide_section(page, heading)
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]
    assert len(rows) == len(Sector)
    for sector, row in zip(Sector, rows, strict=True):
        listed = set(row.split("`")[1::2])
        assert listed == {word for word in sector_names() if parse_sector(word) is sector}


@pytest.mark.parametrize(
    "header",
    [
        "Typ av organisation",
        "Organisationstyp",
        "Typ av aktör",
        "Aktörstyp",
        "Sektor/typ",
        "Sektor / Typ",
        "Organisation type",
        "Type of organization",
    ],
)
def test_the_sector_headers_registration_forms_use(
    header: str, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The audit's list, as Excel saves it: "Typ av organisation" was ignored, and all 24
    people became "annat" without a word."""
    listing = tmp_path / "anmalda2-cp1252.csv"
    listing.write_bytes(
        f"Förnamn;Efternamn;Organisation;{header};E-post;Telefon;Bordsvärd\r\n"
        "Åsa;Öberg;Röda Korset;Ideell förening;asa@example.se;;ja\r\n"
        "Per;Ek;Polisen;Myndighet;;070-123 45 67;nej\r\n"
        "Lena;Sund;ICA Nära;Företag;;;\r\n".encode("cp1252")
    )
    assert main(["people", "import", str(folder), str(listing)]) == 0
    err = capsys.readouterr().err
    assert "sektor" not in err.lower() and "inte används" not in err
    assert [p["sector"] for p in _listed(folder, capsys)] == ["civil", "public", "business"]


def test_a_list_without_a_sector_column_says_everyone_is_other(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Imported, but said: the tables will not be mixed by sector, which columns were
    not read, and which header to use. A bare "Typ" is not taken for the sector."""
    listing = tmp_path / "anmalda.csv"
    listing.write_text(
        "Namn;Organisation;Typ;Verksamhet\nÅsa Öberg;Röda Korset;Medlem;Äldreomsorg\n",
        encoding="utf-8",
    )
    assert main(["people", "import", str(folder), str(listing)]) == 0
    out, err = capsys.readouterr()
    assert "Importerade 1 deltagare" in out
    [warning] = err.splitlines()
    assert warning.startswith("Varning: filen har ingen kolumn för sektor")
    assert 'alla blev "annat" och borden blandas inte efter sektor' in warning
    assert "Kolumner som inte används: Typ, Verksamhet." in warning
    assert 'rubriken "Sektor"' in warning
    assert [p["sector"] for p in _listed(folder, capsys)] == ["other"]


def test_a_list_without_a_sector_column_says_so_in_english(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "people.csv"
    listing.write_text("Name,Organisation\nLee Ann,Red Cross\n", encoding="utf-8")
    assert main(["people", "import", str(folder), str(listing), "--lang", "en"]) == 0
    [warning] = capsys.readouterr().err.splitlines()
    assert warning.startswith("Warning: the file has no sector column, so everyone is")
    assert "the tables will not be mixed by sector" in warning
    assert 'the header "Sector"' in warning and "not used" not in warning


def test_a_list_without_any_name_column_says_which_would_do(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "anmalda.csv"
    listing.write_text("Organisation;Sektor\nRöda Korset;förening\n", encoding="utf-8")
    assert main(["people", "import", str(folder), str(listing)]) == 1
    err = capsys.readouterr().err
    assert (
        "(Namn eller ”Förnamn och efternamn” i en kolumn, eller Förnamn och Efternamn i två)" in err
        and "Organisation, Sektor" in err
    )


def test_an_unknown_sector_says_which_word_it_is_probably(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit R, M9: "Idrottsförening", the most common Swedish association, was refused
    with no "did you mean", and so was the typo "Ideel förening"."""
    listing = tmp_path / "anmalda.csv"
    listing.write_text(
        "Namn;Organisation;Sektor\n"
        "Åsa Öberg;Hageby IF;Idrottsförening\n"
        "Per Ek;Rymdbolaget;Rymden\n",
        encoding="utf-8",
    )
    assert main(["people", "import", str(folder), str(listing)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith(
        'anmalda.csv rad 2, kolumn "Sektor": "Idrottsförening" är ingen sektor som cafe känner '
        "igen. Menade du ”förening”? Skriv ett ord"
    ), lines[0]
    assert "Menade du" not in lines[1], "no guess where there is none"
