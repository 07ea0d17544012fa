"""`cafe seating plan` as other tools script it: JSON on stdout, problems on stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cafe.cli import main
from tests.cli_in_process import run_cafe

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = ROOT / "tests" / "data" / "seating_people.csv"


def cafe(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command line: in this process (as quick), or with ``env`` in a new one
    (the same plan in any process needs processes with their own hash seeds)."""
    if env is None:
        return run_cafe(*args, cwd=ROOT)
    return subprocess.run(
        [sys.executable, "-m", "cafe", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def rows(text: str) -> list[list[str]]:
    return [line.split(",") for line in text.strip().splitlines()[1:]]


def test_json_plan_follows_the_contract() -> None:
    result = cafe(
        "seating", "plan", "--participants", str(PEOPLE), "--rounds", "4", "--size", "4", "--json"
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # the bound is zero: nothing to warn about
    data = json.loads(result.stdout)
    assert list(data) == ["mode", "tables", "rounds", "metrics", "lower_bound"]
    assert data["mode"] == "tables" and data["tables"] == 8
    ids = {row[0] for row in rows(PEOPLE.read_text(encoding="utf-8"))}
    hosts = [t["host"] for t in data["rounds"][0]["tables"]]
    assert {"001", "006", "010"} <= set(hosts), "volunteers host"
    for number, entry in enumerate(data["rounds"], 1):
        assert entry["round"] == number
        assert [t["table"] for t in entry["tables"]] == list(range(1, 9))
        assert [t["host"] for t in entry["tables"]] == hosts
        seated = [p for t in entry["tables"] for p in [t["host"], *t["members"]]]
        assert sorted(seated) == sorted(ids)
        assert all(t["host"] not in t["members"] for t in entry["tables"])
    assert data["metrics"] == {
        "repeated_pairs": 0,
        "max_pair_meetings": 1,
        "host_revisits": 0,
        "single_sector_tables": 0,
        "same_organisation_pairs": 0,
        "size_spread": 1,
    }
    assert data["lower_bound"] == {
        "repeated_pairs": 0,
        "host_revisits": 0,
        "tables_for_zero": 8,
        "guaranteed": True,
    }


def test_the_same_file_and_seed_give_the_same_plan_in_any_process() -> None:
    args = ("seating", "plan", "--participants", str(PEOPLE), "--rounds", "5", "--size", "5")
    first = cafe(*args, "--json", "--seed", "3", env={"PYTHONHASHSEED": "1"})
    second = cafe(*args, "--json", "--seed", "3", env={"PYTHONHASHSEED": "2"})
    other = cafe(*args, "--json", "--seed", "4", env={"PYTHONHASHSEED": "1"})
    assert first.returncode == second.returncode == other.returncode == 0
    assert first.stdout == second.stdout
    assert first.stdout != other.stdout


def test_circle_mode_under_the_threshold(tmp_path: Path) -> None:
    few = tmp_path / "få.csv"
    lines = PEOPLE.read_text(encoding="utf-8").splitlines()[:7]
    few.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cafe(
        "seating", "plan", "--participants", str(few), "--rounds", "4", "--size", "4", "--json"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["mode", "order"] and data["mode"] == "circle"
    assert sorted(data["order"]) == ["001", "002", "003", "004", "005", "006"]
    tables = cafe(
        "seating",
        "plan",
        "--participants",
        str(few),
        "--rounds",
        "2",
        "--size",
        "3",
        "--circle-below",
        "0",
        "--json",
    )
    assert json.loads(tables.stdout)["mode"] == "tables"


def test_bad_rows_are_all_named_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "people.csv"
    bad.write_text(
        "id;name;organisation;sector;host\n"
        "1;Åsa;Röda Korset;förening;ja\n"
        "2;Per;Kommunen;x;nej\n"
        ";Li;PRO;civil;\n"
        "1;Bo;PRO;civil;\n"
        "5;Cia;PRO;civil;kanske\n",
        encoding="utf-8",
    )
    result = cafe(
        "seating",
        "plan",
        "--participants",
        str(bad),
        "--rounds",
        "4",
        "--size",
        "4",
        "--json",
        "--lang",
        "en",
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f'{bad} row 3: unknown sector "x" (use public, civil, business or other; '
        "kommun, förening, företag, annat also work)",
        f"{bad} row 4: the id is empty",
        f'{bad} row 5: the id "1" is already used on row 2',
        f'{bad} row 6: host must be yes or no, not "kanske"',
    ]


def test_missing_columns_and_missing_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    wrong = tmp_path / "namn.csv"
    wrong.write_text("namn,sektor\nÅsa,kommun\n", encoding="utf-8")
    code, out, err = run(
        capsys, "seating", "plan", "--participants", str(wrong), "--rounds", "4", "--size", "4"
    )
    assert code == 1 and out == ""
    assert err.startswith(f"{wrong} rad 1: filen behöver kolumnerna") and "id, organisation" in err
    code, out, err = run(
        capsys,
        "seating",
        "plan",
        "--participants",
        str(tmp_path / "nej.csv"),
        "--rounds",
        "4",
        "--size",
        "4",
    )
    assert code == 1 and "nej.csv" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (
        ["--rounds", "0", "--size", "4"],
        ["--rounds", "4", "--size", "fyra"],
        ["--rounds", "4"],
        ["--rounds", "4", "--size", "4", "--history", "plan.json"],
    ):
        with pytest.raises(SystemExit) as caught:
            main(["seating", "plan", "--participants", str(PEOPLE), *args])
        assert caught.value.code == 2
        assert "Traceback" not in capsys.readouterr().err


def test_few_tables_warn_and_suggest_a_table_count(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    twelve = tmp_path / "tolv.csv"
    twelve.write_text(
        "\n".join(PEOPLE.read_text(encoding="utf-8").splitlines()[:13]) + "\n", encoding="utf-8"
    )
    code, out, err = run(
        capsys,
        "seating",
        "plan",
        "--participants",
        str(twelve),
        "--rounds",
        "4",
        "--size",
        "4",
        "--json",
        "--lang",
        "en",
    )
    assert code == 0
    data = json.loads(out)
    assert data["tables"] == 3
    assert data["lower_bound"] == {
        "repeated_pairs": 9,
        "host_revisits": 9,
        "tables_for_zero": 4,
        "guaranteed": False,
    }
    assert 9 <= data["metrics"]["repeated_pairs"] <= 18
    assert err == (
        "With these tables no plan can avoid 9 repeated pairs (9 of them host revisits). "
        "With 4 tables nobody would meet anyone twice.\n"
    )
    # 30 people at 6 tables for 6 rounds: the bound is 0 but no construction reaches it.
    code, out, err = run(
        capsys,
        "seating",
        "plan",
        "--participants",
        str(PEOPLE),
        "--rounds",
        "6",
        "--size",
        "5",
        "--json",
    )
    data = json.loads(out)
    assert data["tables"] == 6 and data["lower_bound"]["tables_for_zero"] == 7
    repeats = data["metrics"]["repeated_pairs"]
    assert repeats > 0
    assert err == f"Planen har {repeats} upprepade par; med 7 bord skulle det inte finnas några.\n"
    code, out, err = run(
        capsys,
        "seating",
        "plan",
        "--participants",
        str(PEOPLE),
        "--rounds",
        "4",
        "--size",
        "4",
        "--tables",
        "5",
        "--lang",
        "en",
    )
    assert code == 1 and "use at least 6" in err


def test_text_output_is_itineraries(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "seating", "plan", "--participants", str(PEOPLE), "--rounds", "4", "--size", "4"
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "8 bord, 4 rundor. Bord per runda:"
    assert lines[1].startswith("  Åsa A.: bord ") and lines[1].endswith("(värd, sitter kvar)")
    assert len(lines) == 1 + 30 + 1
    assert lines[-1].startswith("Upprepade par: 0;")


def test_replan_from_history(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(
        capsys,
        "seating",
        "plan",
        "--participants",
        str(PEOPLE),
        "--rounds",
        "4",
        "--size",
        "4",
        "--json",
    )
    assert code == 0
    history = tmp_path / "plan.json"
    history.write_text(out, encoding="utf-8")
    before = json.loads(out)
    leaving_host = before["rounds"][1]["tables"][0]["host"]
    lines = PEOPLE.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith((f"{leaving_host},", "029,", "030,"))]
    now = tmp_path / "nu.csv"
    now.write_text(
        "\n".join([*kept, "101,Sen Ankomst,Nya föreningen,civil,", "102,Ny Till,Kommunen,kommun,"])
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run(
        capsys,
        "seating",
        "plan",
        "--participants",
        str(now),
        "--rounds",
        "4",
        "--size",
        "4",
        "--history",
        str(history),
        "--from-round",
        "3",
        "--json",
    )
    assert code == 0, err
    after = json.loads(out)
    assert after["rounds"][:2] == before["rounds"][:2]
    old_tables = {t["table"]: t for t in before["rounds"][1]["tables"]}
    present = {line.split(",")[0] for line in now.read_text(encoding="utf-8").splitlines()[1:]}
    for entry in after["rounds"][2:]:
        seated = [p for t in entry["tables"] for p in [t["host"], *t["members"]]]
        assert sorted(seated) == sorted(present)
        for table in entry["tables"]:
            old = old_tables[table["table"]]
            if old["host"] in present:
                assert table["host"] == old["host"]
            else:
                assert table["host"] in old["members"]
    assert after["metrics"]["repeated_pairs"] == 0
    broken = tmp_path / "trasig.json"
    broken.write_text("{", encoding="utf-8")
    code, out, err = run(
        capsys,
        "seating",
        "plan",
        "--participants",
        str(now),
        "--rounds",
        "4",
        "--size",
        "4",
        "--history",
        str(broken),
        "--from-round",
        "3",
    )
    assert code == 1 and str(broken) in err
