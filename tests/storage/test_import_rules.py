"""`cafe import` holds every event to the service's rules before it writes anything.

Before, an export whose participant had no name imported "OK", and then every command
failed with a TypeError; a file nested thousands of levels deep gave a RecursionError.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from cafe.core.participants import PersonInput
from cafe.storage.exchange import dumps, export_meeting
from tests.cli_in_process import run_cafe
from tests.meetings import new_meeting

ROOT = Path(__file__).resolve().parents[2]


def cafe(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m cafe ARGS`` from the repository, run in this process (as quick)."""
    return run_cafe(*args, cwd=ROOT)


def _export(tmp_path: Path) -> dict[str, Any]:
    service = new_meeting(tmp_path / "källa")
    service.add_participant(PersonInput("Åsa Öberg", "Röda Korset", "civil"))
    service.next_step()
    idea = service.capture_idea("Träffpunkt på biblioteket", table=1)
    service.create_theme("Mötesplatser", signup=True, ideas=[idea.id])
    service.sign_up(name="Bo Ek", email="bo@example.se", consent=True)
    data = export_meeting(service)
    service.log.close()
    return data


def _first(data: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(e for e in data["events"] if e["kind"] == kind)


def _no_name(data: dict[str, Any]) -> str:
    del _first(data, "participant_added")["data"]["name"]
    return "participant_added"


def _name_a_number(data: dict[str, Any]) -> str:
    _first(data, "participant_added")["data"]["name"] = 42
    return "participant_added"


def _bad_sector(data: dict[str, Any]) -> str:
    _first(data, "participant_added")["data"]["sector"] = "pirates"
    return "participant_added"


def _step_beyond_the_agenda(data: dict[str, Any]) -> str:
    _first(data, "step_started")["data"]["index"] = 999
    return "step_started"


def _idea_text_a_list(data: dict[str, Any]) -> str:
    _first(data, "idea_captured")["data"]["text"] = ["x"]
    return "idea_captured"


def _contacts_without_consent(data: dict[str, Any]) -> str:
    _first(data, "signed_up")["data"]["consent"] = False
    return "signed_up"


def _unknown_kind(data: dict[str, Any]) -> str:
    _first(data, "theme_created")["kind"] = "theme_exploded"
    return "theme_exploded"


@pytest.mark.parametrize(
    "crafted",
    [
        _no_name,
        _name_a_number,
        _bad_sector,
        _step_beyond_the_agenda,
        _idea_text_a_list,
        _contacts_without_consent,
        _unknown_kind,
    ],
)
@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_a_crafted_event_is_refused_before_anything_is_written(
    tmp_path: Path, crafted: Any, fmt: str
) -> None:
    data = _export(tmp_path)
    kind = crafted(data)
    seq = next(e["seq"] for e in data["events"] if e["kind"] == kind)
    file = tmp_path / f"export.{fmt}"
    file.write_text(dumps(data, fmt), encoding="utf-8")
    folder = tmp_path / "kopia"

    result = cafe("import", str(file), str(folder), "--lang", "en")

    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert f"(event number {seq})" in result.stderr and str(file) in result.stderr, result.stderr
    assert not folder.exists(), "nothing may be written for a refused file"


def test_a_good_export_still_imports_and_reads_back(tmp_path: Path) -> None:
    data = _export(tmp_path)
    file = tmp_path / "export.toml"
    file.write_text(dumps(data, "toml"), encoding="utf-8")
    folder = tmp_path / "kopia"
    assert cafe("import", str(file), str(folder)).returncode == 0
    listed = cafe("people", "list", str(folder))
    assert listed.returncode == 0 and "Åsa Öberg" in listed.stdout


def test_the_refusal_reads_as_swedish(tmp_path: Path) -> None:
    data = _export(tmp_path)
    _no_name(data)
    file = tmp_path / "export.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    result = cafe("import", str(file), str(tmp_path / "kopia"), "--lang", "sv")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "händelse nummer" in result.stderr and "saknas" in result.stderr, result.stderr


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_a_file_nested_thousands_deep_is_a_message(tmp_path: Path, fmt: str) -> None:
    file = tmp_path / f"deep.{fmt}"
    if fmt == "json":
        file.write_text('{"format": "cafe-meeting", "x": ' + "[" * 5000 + "]" * 5000 + "}")
    else:
        file.write_text('format = "cafe-meeting"\nx = ' + "[" * 5000 + "]" * 5000 + "\n")
    result = cafe("import", str(file), str(tmp_path / "kopia"), "--lang", "en")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "nested more than" in result.stderr and f"{file}:" in result.stderr


def test_an_agenda_nested_thousands_deep_is_a_message_naming_the_file(tmp_path: Path) -> None:
    deep = tmp_path / "agenda.toml"
    deep.write_text('[meeting]\ntitle = "x"\nextra = ' + "[" * 2000 + "]" * 2000 + "\n")
    inline = tmp_path / "inline.toml"
    inline.write_text('[meeting]\ntitle = "x"\nextra = ' + "{a=" * 2000 + "1" + "}" * 2000 + "\n")
    for path in (deep, inline):
        for args in (
            ("agenda", "check", str(path)),
            ("new", str(tmp_path / f"möte-{path.stem}"), "--challenge", "x", "--agenda", str(path)),
        ):
            result = cafe(*args, "--lang", "en")
            assert result.returncode == 1, (args, result.stderr)
            assert "Traceback" not in result.stderr, result.stderr
            assert f"{path}:3:" in result.stderr and "nested more than" in result.stderr
    assert not (tmp_path / "möte-agenda").exists()
