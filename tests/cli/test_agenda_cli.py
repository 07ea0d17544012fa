"""`cafe agenda list|check|show` as a user runs them: the real command line, real files.

The commands run in the test process (tests/cli_in_process.py): the same exit codes and
words as ``python -m cafe``, without a new interpreter each time.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cafe.cli import main
from tests.cli_in_process import run_cafe

ROOT = Path(__file__).resolve().parents[2]
BAD = "tests/data/agendas"


def cafe(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command line from the repository's root, in this process (as quick)."""
    return run_cafe(*args, cwd=cwd or ROOT)


def test_check_passes_for_every_shipped_agenda() -> None:
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "agendas").glob("*.toml"))
    assert len(files) >= 3
    result = cafe("agenda", "check", *files)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "agendas/idea-meeting.en.toml: OK (12 steps, 4 café rounds, 175 min)",  # its language
        "agendas/idemote-kort.sv.toml: OK (9 steg, 2 cafésamtal, 90 min)",
        "agendas/idemote.sv.toml: OK (12 steg, 4 cafésamtal, 175 min)",
    ]


def test_syntax_error_gives_line_and_column() -> None:
    result = cafe("agenda", "check", f"{BAD}/syntax_error.toml")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == (
        f"{BAD}/syntax_error.toml:12:9: filen är inte giltig TOML här: värdet går inte att läsa; "
        'text ska stå inom citattecken (title = "Runda 1")\n'
        "    title = Runda 1\n"
        "            ^\n"
    )
    assert result.stdout == ""


def test_wrong_type_gives_the_key_path_and_what_was_found() -> None:
    result = cafe("agenda", "check", f"{BAD}/wrong_type.toml")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == (
        f"{BAD}/wrong_type.toml:13:1: steps[2].minutes: "
        'ska vara ett antal minuter (ett tal), inte texten "tjugo"\n'
    )


def test_unknown_key_is_named_with_a_suggestion_in_english() -> None:
    result = cafe("--lang", "en", "agenda", "check", f"{BAD}/unknown_key.toml")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == (
        f'{BAD}/unknown_key.toml:13:1: steps[2].minuts: unknown key "minuts"; did you mean "minutes"?\n'
    )
    swedish = cafe("agenda", "check", f"{BAD}/unknown_key.toml")
    assert swedish.returncode == 1
    assert swedish.stderr == (
        f'{BAD}/unknown_key.toml:13:1: steps[2].minuts: okänd nyckel "minuts"; menade du "minutes"?\n'
    )


def test_several_problems_and_files_are_reported_at_once() -> None:
    result = cafe(
        "agenda",
        "check",
        f"{BAD}/several_problems.toml",
        "agendas/idemote.sv.toml",
        f"{BAD}/binary.toml",
        f"{BAD}/truncated.toml",
        f"{BAD}/finns-inte.toml",
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    several = [line for line in lines if line.startswith(f"{BAD}/several_problems.toml:")]
    assert len(several) == 13
    assert f"{BAD}/several_problems.toml:4:1: meeting.language:" in several[0]
    assert f"{BAD}/several_problems.toml:46:1: steps[4].minutes:" in several[-1]
    assert f"{BAD}/binary.toml: filen är inte en textfil" in result.stderr
    assert (
        f"{BAD}/truncated.toml:62:60: filen är inte giltig TOML här: texten tar aldrig slut"
        in result.stderr
    )
    assert f"{BAD}/finns-inte.toml: filen finns inte" in result.stderr
    assert lines[-1] == "4 av 5 filer har fel."
    assert result.stdout == "agendas/idemote.sv.toml: OK (12 steg, 4 cafésamtal, 175 min)\n"


def test_check_accepts_a_shipped_name() -> None:
    result = cafe("agenda", "check", "idemote-kort")
    assert result.returncode == 0
    assert result.stdout == "idemote-kort: OK (9 steg, 2 cafésamtal, 90 min)\n"


def test_list_shows_the_shipped_agendas() -> None:
    result = cafe("agenda", "list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["NAMN", "SPRÅK", "RUNDOR", "MINUTER", "RUBRIK"]
    assert lines[1].split() == ["idea-meeting.en", "en", "4", "175", "Idea", "meeting"]
    assert lines[2].split() == ["idemote-kort.sv", "sv", "2", "90", "Idémöte"]
    assert lines[3].split() == ["idemote.sv", "sv", "4", "175", "Idémöte"]
    english = cafe("agenda", "list", "--lang", "en")
    assert english.stdout.splitlines()[0].split() == [
        "NAME",
        "LANGUAGE",
        "ROUNDS",
        "MINUTES",
        "TITLE",
    ]


def test_show_fills_the_challenge_and_runs_the_clock() -> None:
    result = cafe(
        "agenda", "show", "idemote.sv", "--challenge", "ensamhet  bland äldre", "--start", "18:00"
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Idémöte\n=======\nSamhällsutmaning: ensamhet bland äldre\n")
    assert "Planerad tid:     175 min (2 h 55 min), 12 steg, 4 cafésamtal" in out
    assert " 4  18:30–18:55   25  Runda 1 (cafésamtal 1)" in out
    assert "12  20:50–20:55    5  Avslutning\n" in out
    flat = " ".join(out.split())
    assert "Fråga: Vad betyder samhällsutmaningen ensamhet bland äldre för mig personligen?" in flat
    assert "{challenge}" not in out
    assert "Anteckningar" not in out


def test_show_with_notes_in_english_from_zero() -> None:
    result = cafe("agenda", "show", "idea-meeting", "--notes", "--lang", "en")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Societal challenge: (none yet; give it with --challenge" in out
    assert " 1  0:00–0:10   10  Welcome (opening)" in out
    assert "Notes:" in out
    flat = " ".join(out.split())
    assert "Do NOT present example solutions to the challenge." in flat
    assert "Question: What does the societal challenge {challenge} mean to me personally?" in flat


def test_show_errors_are_messages(tmp_path: Path) -> None:
    unknown = cafe("agenda", "show", "idémöte")
    assert unknown.returncode == 1 and "Traceback" not in unknown.stderr
    assert "idemote.sv" in unknown.stderr and "idea-meeting.en" in unknown.stderr
    bad_start = cafe("agenda", "show", "idemote.sv", "--start", "kvart i sju")
    assert bad_start.returncode == 1
    assert (
        bad_start.stderr == '--start: "kvart i sju" är inget klockslag; skriv TT:MM, t.ex. 18:00\n'
    )
    broken = cafe("agenda", "show", f"{BAD}/wrong_type.toml")
    assert broken.returncode == 1 and "steps[2].minutes" in broken.stderr


def test_show_a_meeting_folder_in_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "möte"
    folder.mkdir()
    text = (ROOT / "agendas" / "idemote-kort.sv.toml").read_text(encoding="utf-8")
    text = text.replace('challenge = ""', 'challenge = "unga i utanförskap"', 1)
    (folder / "agenda.toml").write_text(text, encoding="utf-8")
    assert main(["agenda", "show", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Samhällsutmaning: unga i utanförskap" in out
    assert "Planerad tid:     90 min (1 h 30 min), 9 steg, 2 cafésamtal" in out


def test_help_texts_come_from_the_catalogues() -> None:
    sv = cafe("agenda", "--help")
    en = cafe("agenda", "show", "--help", "--lang", "en")
    assert sv.returncode == 0 and en.returncode == 0
    assert "kontrollera agendafiler" in sv.stdout
    assert "also show the co-hosts' notes" in en.stdout
