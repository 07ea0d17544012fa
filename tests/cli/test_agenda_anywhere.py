"""Agendas as the docs name them, typed anywhere, not only in the repository's root.

docs/agenda-format.md says a meeting folder is read as its `agenda.toml`; the guides name
the short agenda. `cafe agenda check DIR`, a shipped agenda's name, and the path
`agendas/idemote-kort.sv.toml` (which exists only in a checkout's root) all work from any
folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cafe.cli import main
from cafe.core.agenda import load_agenda
from tests.meetings import new_meeting


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder that is not the repository, holding the meeting moten/ensamhet."""
    monkeypatch.chdir(tmp_path)
    new_meeting(tmp_path / "moten" / "ensamhet").log.close()
    assert not (tmp_path / "agendas").exists()
    return tmp_path


def test_check_reads_a_meeting_folders_agenda(
    elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["agenda", "check", "moten/ensamhet"]) == 0
    assert capsys.readouterr().out == "moten/ensamhet: OK (12 steg, 4 cafésamtal, 175 min)\n"
    assert main(["agenda", "check", "moten/ensamhet/agenda.toml", "--lang", "en"]) == 0
    assert "moten/ensamhet/agenda.toml: OK (12 steps" in capsys.readouterr().out


def test_check_of_a_folder_without_an_agenda_says_so(
    elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (elsewhere / "tom").mkdir()
    assert main(["agenda", "check", "tom"]) == 1
    assert capsys.readouterr().err == "tom: är en mapp, inte en agendafil\n"


def test_check_reports_a_broken_meeting_agenda_with_its_file(
    elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agenda = elsewhere / "moten" / "ensamhet" / "agenda.toml"
    agenda.write_text(agenda.read_text(encoding="utf-8").replace("minutes =", "minuts ="), "utf-8")
    assert main(["agenda", "check", "moten/ensamhet"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("moten/ensamhet/agenda.toml:") and '"minutes"' in err


@pytest.mark.parametrize(
    "given", ["idemote-kort.sv", "idemote-kort.sv.toml", "agendas/idemote-kort.sv.toml"]
)
def test_the_short_agenda_by_name_or_by_the_guides_old_path(
    given: str, elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["agenda", "check", given]) == 0
    assert capsys.readouterr().out == f"{given}: OK (9 steg, 2 cafésamtal, 90 min)\n"
    assert main(["agenda", "show", given]) == 0
    assert "90 min (1 h 30 min), 9 steg, 2 cafésamtal" in capsys.readouterr().out
    assert main(["new", "kort", "--agenda", given, "--challenge", "ensamhet bland äldre"]) == 0
    assert len(load_agenda(elsewhere / "kort" / "agenda.toml").cafe_rounds) == 2


def test_a_file_that_exists_wins_over_the_shipped_copy(
    elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The co-hosts' own edited copy under agendas/ is the one read, never the shipped one."""
    own = elsewhere / "agendas" / "idemote-kort.sv.toml"
    own.parent.mkdir()
    shipped = (elsewhere / "moten" / "ensamhet" / "agenda.toml").read_text(encoding="utf-8")
    own.write_text(shipped.replace('title = "Idémöte"', 'title = "Vårt eget"', 1), "utf-8")
    assert main(["agenda", "show", "agendas/idemote-kort.sv.toml"]) == 0
    assert capsys.readouterr().out.startswith("Vårt eget\n")


@pytest.mark.parametrize("given", ["agendas/finns-inte.toml", "annan/idemote-kort.sv.toml"])
def test_other_missing_paths_are_still_missing(
    given: str, elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["agenda", "check", given]) == 1
    assert capsys.readouterr().err == f"{given}: filen finns inte\n"
    assert main(["new", "x", "--agenda", given, "--challenge", "c"]) == 1
    assert "filen finns inte" in capsys.readouterr().err
    assert not (elsewhere / "x").exists()


def test_an_english_meetings_agenda_is_checked_and_shown_in_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The English guide's commands answered in Swedish ("okänd nyckel "minuts"; menade du
    "minutes"?"): the file says language = "en"."""
    monkeypatch.chdir(tmp_path)
    new_meeting(tmp_path / "m", agenda="idea-meeting.en", challenge="loneliness").log.close()
    assert main(["agenda", "check", "m"]) == 0
    assert capsys.readouterr().out == "m: OK (12 steps, 4 café rounds, 175 min)\n"
    assert main(["agenda", "show", "m/agenda.toml"]) == 0
    shown = capsys.readouterr().out
    assert "Societal challenge" in shown and "Samhällsutmaning" not in shown
    agenda = tmp_path / "m" / "agenda.toml"
    agenda.write_text(agenda.read_text(encoding="utf-8").replace("minutes =", "minuts ="), "utf-8")
    assert main(["agenda", "check", "m"]) == 1
    err = capsys.readouterr().err
    assert 'unknown key "minuts"' in err and "okänd" not in err, err
    assert main(["agenda", "check", "m", "--lang", "sv"]) == 1, "--lang still wins"
    assert "okänd nyckel" in capsys.readouterr().err
