"""A 100,000-row participant file: all or nothing, with the bad row named."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from cafe.cli import main
from cafe.storage.folder import open_meeting
from tests.meetings import new_meeting

pytestmark = pytest.mark.slow
"""Among the slowest tests of the suite (still run in CI; ``-m "not slow"`` skips them
for a quick run)."""

ROWS = 100_000


def _write(path: Path, bad_row: int | None = None) -> None:
    lines = ["namn;organisation;sektor"]
    for n in range(ROWS):
        sector = "okänd-sektor" if n + 2 == bad_row else "förening"
        lines.append(f"Person {n};Förening {n % 700};{sector}")
    path.write_text("\n".join(lines), encoding="utf-8-sig")


def test_a_hundred_thousand_rows_with_a_bad_last_row_import_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "stort"
    new_meeting(folder).log.close()
    bad = tmp_path / "fel.csv"
    _write(bad, bad_row=ROWS + 1)
    assert main(["people", "import", str(folder), str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"rad {ROWS + 1}" in err and "okänd-sektor" in err and "Traceback" not in err
    assert open_meeting(folder).state.participants == {}, "a bad last row: nothing imported"


def test_a_hundred_thousand_rows(tmp_path: Path) -> None:
    """All of them imported (the bad-row case above is its own test: each reads the whole
    file, and as one test they were the longest in the suite)."""
    folder = tmp_path / "stort"
    new_meeting(folder).log.close()
    good = tmp_path / "alla.csv"
    _write(good)
    started = time.perf_counter()
    assert main(["people", "import", str(folder), str(good)]) == 0
    elapsed = time.perf_counter() - started
    assert len(open_meeting(folder).state.participants) == ROWS
    print(f"\n[figure] CSV import of {ROWS} rows: {elapsed:.1f} s")
