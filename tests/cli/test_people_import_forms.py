"""`cafe people import` takes a registration form's export as it comes.

The audit's list: a whole name under "Förnamn och efternamn", a form sent twice (the
same person on rows 2 and 17), and a municipal officer with the sector left empty. The
name column is recognised, the copy is skipped with a notice naming its rows, and the
rows made "annat" are named; a same-name row with other details is still refused,
naming both rows, and then nothing is imported.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cafe.cli import main
from cafe.storage.folder import open_meeting
from tests.meetings import new_meeting

AUDIT_ROWS = [
    "Åsa Öberg;Röda Korset Västerås;Ideell förening;asa.oberg@example.se;070-123 45 67;",
    "Björn Ängström;Västerås stad, Äldreförvaltningen;Kommun;bjorn@example.se;;",
    ";;;;;",
    "Lars Nilsson;Svenska kyrkan Västerås;Trossamfund;lars.n@example.se;;",
    "Åsa Öberg;Röda Korset Västerås;Ideell förening;asa.oberg@example.se;070-123 45 67;"
    "anmäld två gånger",
    "Gunnel Strand;Västerås stad, Äldreförvaltningen;;gunnel@example.se;;",
    "Sven-Erik Öhman;Hembygdsföreningen;Förening;;;",
]
"""Rows 2 to 8: row 4 is blank, row 6 repeats row 2, row 7 has no sector."""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    new_meeting(tmp_path / "möte").log.close()
    return tmp_path / "möte"


def _write(path: Path, header: str, rows: list[str]) -> Path:
    """The list as Swedish Excel saves it: cp1252, ``;`` and CRLF."""
    path.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode("cp1252"))
    return path


def _listed(folder: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["people", "list", str(folder), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    "name_header",
    [
        "Förnamn och efternamn",
        "FÖRNAMN OCH EFTERNAMN",
        "Fornamn och Efternamn",
        "För- och efternamn",
        "Fullständigt namn",
        "Namn",
        "Namn (för- och efternamn)",
        "Full name",
        "full NAME",
        "First and last name",
    ],
)
def test_a_whole_name_column_is_read_under_the_headers_forms_use(
    name_header: str, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = _write(
        tmp_path / "anmalda.csv",
        f"{name_header};Organisation;Sektor;E-post",
        ["Åsa Öberg;Röda Korset;förening;asa@example.se", "Per Ek;Kommunen;kommun;"],
    )
    assert main(["people", "import", str(folder), str(listing)]) == 0
    assert capsys.readouterr().err == ""
    assert [(p["name"], p["sector"]) for p in _listed(folder, capsys)] == [
        ("Åsa Öberg", "civil"),
        ("Per Ek", "public"),
    ]


def test_the_audits_list_is_imported_with_the_copy_and_the_empty_sector_named(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = _write(
        tmp_path / "anmalda.csv",
        "Förnamn och efternamn;Organisation;Sektor;E-post;Telefon;Kommentar",
        AUDIT_ROWS,
    )
    assert main(["people", "import", str(folder), str(listing)]) == 0
    out, err = capsys.readouterr()
    assert "Importerade 5 deltagare" in out
    assert err.splitlines() == [
        "Kolumner som inte används: Kommentar",
        "1 rad var en kopia av en tidigare rad och importerades inte: "
        "rad 6 (Åsa Öberg, samma som rad 2).",
        "1 rad utan sektor blev ”annat”: rad 7. Stämmer det inte, skriv sektorn i listan, "
        "ta bort personen (cafe people remove) och importera igen.",
    ]
    people = _listed(folder, capsys)
    assert [p["name"] for p in people] == [
        "Åsa Öberg",
        "Björn Ängström",
        "Lars Nilsson",
        "Gunnel Strand",
        "Sven-Erik Öhman",
    ]
    assert [p["sector"] for p in people if p["name"] == "Gunnel Strand"] == ["other"]

    # The same list again, to add nobody twice: the copy is still only a notice.
    assert main(["people", "import", str(folder), str(listing), "--skip-existing"]) == 0
    out, err = capsys.readouterr()
    assert "Importerade 0 deltagare (5 fanns redan)" in out
    assert "rad 6 (Åsa Öberg, samma som rad 2)" in err and "utan sektor" not in err
    assert len(_listed(folder, capsys)) == 5


def test_the_notices_in_english(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = _write(
        tmp_path / "people.csv", "Full name;Organisation;Sector;E-mail;Phone;Note", AUDIT_ROWS
    )
    assert main(["people", "import", str(folder), str(listing), "--lang", "en"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[1:] == [
        "1 row was a copy of an earlier row and was not imported: "
        "row 6 (Åsa Öberg, same as row 2).",
        '1 row without a sector became "other": row 7. If that is wrong, write the sector '
        "in the list, remove the person (cafe people remove) and import again.",
    ]


def test_many_rows_without_a_sector_are_counted_and_the_first_named(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [f"Person {n};Förening {n};{'förening' if n % 2 else ''}" for n in range(30)]
    listing = _write(tmp_path / "anmalda.csv", "Namn;Organisation;Sektor", rows)
    assert main(["people", "import", str(folder), str(listing)]) == 0
    [notice] = capsys.readouterr().err.splitlines()
    assert notice.startswith(
        "15 rader utan sektor blev ”annat”: rad 2, 4, 6, 8, 10, 12, 14, 16, 18, 20 och 5 till."
    )


@pytest.mark.parametrize("skip_existing", [False, True])
def test_the_same_name_with_another_email_is_refused_and_nothing_is_imported(
    skip_existing: bool, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two people of one name, or one with a mistyped address? The user decides."""
    listing = _write(
        tmp_path / "anmalda.csv",
        "Namn;Organisation;Sektor;E-post",
        [
            "Anna Berg;Kommunen;kommun;anna.berg@example.se",
            "Per Ek;ABF;förening;",
            "Anna Berg;Kommunen;kommun;anna.b@example.se",
            "Per Ek;ABF;förening;per@example.se",
        ],
    )
    command = ["people", "import", str(folder), str(listing)]
    assert main(command + ["--skip-existing"] * skip_existing) == 1
    assert capsys.readouterr().err.splitlines() == [
        "anmalda.csv rad 4: Anna Berg finns redan på rad 2 men med andra uppgifter (E-post). "
        "Är det samma person, ta bort den rad som är fel; är det två personer, skriv vad "
        "som skiljer dem åt, till exempel organisationen.",
        "anmalda.csv rad 5: Per Ek finns redan på rad 3 men med andra uppgifter (E-post). "
        "Är det samma person, ta bort den rad som är fel; är det två personer, skriv vad "
        "som skiljer dem åt, till exempel organisationen.",
        "Ingenting importerades. Rätta raderna ovan och försök igen.",
    ]
    assert _listed(folder, capsys) == [], "nothing half-imported"


def test_a_copy_that_leaves_out_the_contact_is_skipped(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The form sent a second time without the phone: it adds nothing, so nothing is
    lost by skipping it; the address and phone of the first row are kept."""
    listing = _write(
        tmp_path / "anmalda.csv",
        "Namn;Organisation;Sektor;E-post;Telefon",
        [
            "Anna Berg;Kommunen;kommun;Anna.Berg@example.se;070-123 45 67",
            "anna berg;kommunen;Kommun;anna.berg@example.se;",
            "Bo Ek;;;;",
            "Bo Ek;;;;",
        ],
    )
    assert main(["people", "import", str(folder), str(listing)]) == 0
    assert "rad 3 (anna berg, samma som rad 2), rad 5 (Bo Ek, samma som rad 4)" in (
        capsys.readouterr().err
    )
    assert [p["name"] for p in _listed(folder, capsys)] == ["Anna Berg", "Bo Ek"]


def test_one_address_under_two_spellings_of_the_organisation_is_refused(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "PRO" on the first form, "PRO Västerås" on the second, one e-mail: one person,
    who would have been seated twice and counted twice."""
    listing = _write(
        tmp_path / "anmalda.csv",
        "Namn;Organisation;Sektor;E-post",
        [
            "Anna Berg;PRO;förening;anna.berg@example.se",
            "Bo Ek;ABF;förening;bo@example.se",
            "Anna Berg;PRO Västerås;förening;Anna.Berg@example.se",
            "Bo Ek;ABF Västerås;förening;",
        ],
    )
    assert main(["people", "import", str(folder), str(listing)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "anmalda.csv rad 4: Anna Berg finns redan på rad 2 men med andra uppgifter "
        "(Organisation). Är det samma person, ta bort den rad som är fel; är det två "
        "personer, skriv vad som skiljer dem åt, till exempel organisationen.",
        "Ingenting importerades. Rätta raderna ovan och försök igen.",
    ]
    assert _listed(folder, capsys) == [], "nothing half-imported"


@pytest.mark.parametrize(
    "header",
    [
        "Tidstämpel;Förnamn och efternamn;E-postadress;Organisation;Telefonnummer",
        "Timestamp;Full name;Email Address;Organisation;Phone number",
    ],
)
def test_a_google_forms_export_keeps_its_addresses(
    header: str, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit M M1: "E-postadress" (Google Forms in Swedish; "Email Address" in English)
    was an unused column, so nobody imported would have got the feedback letter."""
    listing = _write(
        tmp_path / "formular.csv",
        header,
        [
            "2026-11-20 10:01;Anna Berg;anna@example.se;PRO;070-111 22 33",
            "2026-11-20 10:05;Bo Ek;bo@example.se;ABF;",
        ],
    )
    assert main(["people", "import", str(folder), str(listing)]) == 0
    said = capsys.readouterr()
    assert "2 av dem har en e-postadress" in said.out + said.err
    stored = open_meeting(folder)
    try:
        people = sorted(stored.state.participants.values(), key=lambda p: p.name)
        assert [(p.email, p.phone) for p in people] == [
            ("anna@example.se", "070-111 22 33"),
            ("bo@example.se", ""),
        ]
    finally:
        stored.log.close()
