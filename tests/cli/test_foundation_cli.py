"""`cafe new`, `cafe people`, `cafe export`/`import` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from cafe.cli import main
from tests.cli_in_process import run_cafe

ROOT = Path(__file__).resolve().parents[2]


def cafe(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command line in the test process (``tests/cli_in_process.run_cafe``):
    the same exit codes, words and tracebacks as ``python -m cafe`` in a subprocess,
    without a new interpreter's start for each of these seven commands."""
    return run_cafe(*args, cwd=cwd or ROOT)


def test_help_in_both_languages() -> None:
    sv = cafe("--help")
    en = cafe("--lang", "en", "--help")
    assert sv.returncode == 0 and en.returncode == 0
    assert "kommandon" in sv.stdout and "idémöte" in sv.stdout
    assert "commands" in en.stdout and "idea meeting" in en.stdout


def test_usage_error_exits_2_without_traceback() -> None:
    result = cafe("new")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--challenge" in result.stderr


def test_new_people_export_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "möte"
    assert (
        main(["new", str(folder), "--challenge", "ensamhet bland äldre", "--date", "2026-12-03"])
        == 0
    )
    assert (folder / "agenda.toml").is_file() and (folder / "meeting.db").is_file()
    assert "ensamhet bland äldre" in (folder / "agenda.toml").read_text(encoding="utf-8")
    assert (
        main(
            [
                "people",
                "add",
                str(folder),
                "Åsa Öberg",
                "--org",
                "Röda Korset",
                "--sector",
                "förening",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "people",
                "add",
                str(folder),
                "Per Ek",
                "--org",
                "Kommunen",
                "--sector",
                "kommun",
                "--host",
            ]
        )
        == 0
    )
    assert main(["people", "present", str(folder), "p1", "p2"]) == 0
    capsys.readouterr()
    assert main(["people", "list", str(folder), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == [
        {
            "id": "p1",
            "name": "Åsa Öberg",
            "organisation": "Röda Korset",
            "sector": "civil",
            "host": False,
            "present": True,
        },
        {
            "id": "p2",
            "name": "Per Ek",
            "organisation": "Kommunen",
            "sector": "public",
            "host": True,
            "present": True,
        },
    ]
    assert main(["people", "remove", str(folder), "p1"]) == 0
    for fmt in ("toml", "json"):
        out = tmp_path / f"export.{fmt}"
        assert main(["export", str(folder), "--format", fmt, "--out", str(out)]) == 0
        assert main(["import", str(out), str(tmp_path / f"copy-{fmt}")]) == 0
        capsys.readouterr()
        assert main(["people", "list", str(tmp_path / f"copy-{fmt}"), "--json"]) == 0
        assert [p["name"] for p in json.loads(capsys.readouterr().out)] == ["Per Ek"]


def test_new_refuses_existing_meeting_and_bad_date(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    assert cafe("new", str(folder), "--challenge", "x").returncode == 0
    again = cafe("new", str(folder), "--challenge", "x")
    assert (
        again.returncode == 1
        and "redan ett möte" in again.stderr
        and "Traceback" not in again.stderr
    )
    bad = cafe("new", str(tmp_path / "n"), "--challenge", "x", "--date", "3 dec")
    assert bad.returncode == 1 and "ÅÅÅÅ-MM-DD" in bad.stderr
    assert not (tmp_path / "n").exists()


def test_open_missing_folder_is_a_message(tmp_path: Path) -> None:
    result = cafe("people", "list", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "cafe new" in result.stderr and "Traceback" not in result.stderr


SECTORS = ["kommun", "förening", "företag", "annat", "region", "idéburen"]


def _csv_rows(n: int) -> list[str]:
    return [
        f"Person {i} Åkesson;Organisation {i // 3};{SECTORS[i % len(SECTORS)]};p{i}@example.se;070-{i:07d};{'ja' if i % 9 == 0 else ''}"
        for i in range(n)
    ]


def test_import_1000_rows_and_all_or_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "m"
    assert main(["new", str(folder), "--challenge", "x"]) == 0
    header = "Namn;Organisation;Sektor;E-post;Telefon;Bordsvärd"
    bad_rows = _csv_rows(1000)
    bad_rows[9] = "Bad Sector;Org;månen;;;"
    bad_rows[499] = ";Org;kommun;;;"
    bad_rows[997] = "Bad Mail;Org;kommun;inte-en-adress;;"
    bad = tmp_path / "bad.csv"
    bad.write_bytes(("\ufeff" + "\r\n".join([header, *bad_rows]) + "\r\n").encode("utf-8"))
    capsys.readouterr()
    assert main(["people", "import", str(folder), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.csv rad 11" in err and "bad.csv rad 501" in err and "bad.csv rad 999" in err
    assert err.count("bad.csv rad") == 3
    assert main(["people", "list", str(folder), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []

    good = tmp_path / "good.csv"
    good.write_bytes(("\r\n".join([header, *_csv_rows(1000)]) + "\r\n").encode("cp1252"))
    started = time.perf_counter()
    assert main(["people", "import", str(folder), str(good)]) == 0
    elapsed = time.perf_counter() - started
    assert "1000" in capsys.readouterr().out
    assert main(["people", "list", str(folder), "--json"]) == 0
    people = json.loads(capsys.readouterr().out)
    assert len(people) == 1000 and people[0]["name"] == "Person 0 Åkesson"
    assert main(["people", "import", str(folder), str(good)]) == 1, "re-import would duplicate"
    assert main(["people", "import", str(folder), str(good), "--skip-existing"]) == 0
    with capsys.disabled():
        print(f"\n[figure] CSV import of 1000 rows: {elapsed:.3f} s")
