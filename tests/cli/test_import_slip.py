"""`cafe import anmalda.csv DIR`: a participant list given to the meeting import.

`cafe import FILE DIR` restores an export; with a participant list it used to answer
"Invalid statement (at line 1, column 1)". It now says what was probably meant, with the
exact command, and writes nothing.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from cafe.cli import main
from cafe.storage.folder import open_meeting
from tests.meetings import new_meeting

LIST = "Namn;Organisation;Sektor\r\nÅsa Öberg;Röda Korset;Ideell förening\r\nPer Ek;Kommunen;Kommun\r\n"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A meeting folder ``moten/ensamhet`` and ``anmalda.csv``, typed from their folder."""
    monkeypatch.chdir(tmp_path)
    new_meeting(tmp_path / "moten" / "ensamhet").log.close()
    (tmp_path / "anmalda.csv").write_bytes(LIST.encode("cp1252"))
    return tmp_path


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_csv_given_to_import_says_what_was_meant(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(here)
    assert main(["import", "anmalda.csv", "moten/ensamhet"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "anmalda.csv ser ut som en deltagarlista. "
        "Menade du: cafe people import moten/ensamhet anmalda.csv\n"
    )
    assert _snapshot(here) == before, "something was written"


def test_the_folder_named_need_not_exist_and_is_not_created(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "anmalda.csv", "DIR", "--lang", "en"]) == 1
    assert capsys.readouterr().err == (
        "anmalda.csv looks like a participant list. "
        "Did you mean: cafe people import DIR anmalda.csv\n"
    )
    assert not (here / "DIR").exists()


def test_the_suggested_command_works(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["import", "anmalda.csv", "moten/ensamhet"])
    suggested = capsys.readouterr().err.split("Menade du: ", 1)[1].strip()
    assert main(shlex.split(suggested)[1:]) == 0
    reader = open_meeting(here / "moten" / "ensamhet")
    assert [p.name for p in reader.state.participants.values()] == ["Åsa Öberg", "Per Ek"]
    reader.log.close()


@pytest.mark.parametrize("name", ["anmalda.txt", "export från formuläret", "lista.TSV"])
def test_a_participant_list_is_known_by_its_content_too(
    name: str, here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / name).write_bytes(LIST.replace(";", "\t").encode("cp1252"))
    assert main(["import", name, "moten/ensamhet"]) == 1
    command = shlex.join(["cafe", "people", "import", "moten/ensamhet", name])
    assert capsys.readouterr().err == f"{name} ser ut som en deltagarlista. Menade du: {command}\n"


def test_swapped_arguments_are_understood_too(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "moten/ensamhet", "anmalda.csv"]) == 1
    assert capsys.readouterr().err.endswith(
        "Menade du: cafe people import moten/ensamhet anmalda.csv\n"
    )


def test_a_broken_export_is_still_reported_as_one(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "export.toml").write_text('format = "cafe-meeting"\nevents = [\n', encoding="utf-8")
    assert main(["import", "export.toml", "kopia"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("export.toml: ") and "deltagarlista" not in err
    assert not (here / "kopia").exists()


def test_a_real_export_still_imports(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["people", "import", "moten/ensamhet", "anmalda.csv"]) == 0
    assert main(["export", "moten/ensamhet", "--out", "ensamhet.toml"]) == 0
    assert main(["import", "ensamhet.toml", "kopia"]) == 0
    reader = open_meeting(here / "kopia")
    assert len(reader.state.participants) == 2
    reader.log.close()


def test_the_real_program_answers_without_a_traceback(here: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cafe", "import", "anmalda.csv", "moten/ensamhet"],
        capture_output=True,
        text=True,
        cwd=here,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Invalid statement" not in result.stderr
    assert "Menade du: cafe people import moten/ensamhet anmalda.csv" in result.stderr
