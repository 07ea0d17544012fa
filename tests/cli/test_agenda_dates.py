"""Dates that cannot be meant are warned about, not passed as "OK" (audit R, M3): a year
mistyped puts a meeting in the past, a deadline after the meeting goes into the
invitation and the calendar file."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from cafe.cli import main


def test_a_past_meeting_day_and_a_late_deadline_are_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    past = (date.today() - timedelta(days=365)).isoformat()
    folder = tmp_path / "m"
    assert main(["new", str(folder), "--challenge", "trygghet", "--date", past]) == 0
    err = capsys.readouterr().err
    assert f"varning: mötets datum {past} har redan varit" in err, err

    soon = (date.today() + timedelta(days=30)).isoformat()
    later = (date.today() + timedelta(days=40)).isoformat()
    agenda = folder / "agenda.toml"
    text = agenda.read_text(encoding="utf-8").replace(f'date = "{past}"', f'date = "{soon}"')
    agenda.write_text(text.replace("[meeting]\n", f'[meeting]\nregister_by = "{later}"\n', 1))
    assert main(["agenda", "check", str(folder)]) == 0, "a warning, not an error"
    out, err = capsys.readouterr()
    assert "OK" in out
    assert f"sista anmälningsdag {later} är efter mötet ({soon})" in err, err
    assert "har redan varit" not in err

    agenda.write_text(text)  # the day ahead and no deadline: nothing to say
    assert main(["agenda", "check", str(folder)]) == 0
    assert capsys.readouterr().err == ""
