"""A Swede reads "0,01 s", not "0.01 s": the import's timing uses a decimal comma in Swedish."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cafe.cli import main
from tests.meetings import new_meeting


@pytest.mark.parametrize(("lang", "pattern"), [("sv", r" \d+,\d\d s"), ("en", r" \d+\.\d\d s")])
def test_import_timing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, pattern: str
) -> None:
    folder = tmp_path / "m"
    new_meeting(folder).log.close()  # type: ignore[attr-defined]
    people = tmp_path / "people.csv"
    people.write_text("namn;organisation\nÅsa Öberg;Röda Korset\n", encoding="utf-8")
    assert main(["people", "import", str(folder), str(people), "--lang", lang]) == 0
    assert re.search(pattern, capsys.readouterr().out)
