"""`cafe agenda check` warns when the steps take longer than the meeting's start to end.

The audit's agenda: 18:00 to 21:00, the presentation round at 150 minutes, 310 minutes in
all, and check said only "OK". A warning, not an error: the co-hosts may mean to run over.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cafe.cli import main


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A meeting from 18:00 to 21:00 whose presentation round takes 150 minutes."""
    folder = tmp_path / "trygghet"
    assert (
        main(["new", str(folder), "--challenge", "trygghet", "--start", "18:00", "--end", "21:00"])
        == 0
    )
    agenda = folder / "agenda.toml"
    text = agenda.read_text(encoding="utf-8")
    presentation = text.index('kind = "presentation_round"')
    minutes = text.index("minutes = 15", presentation)
    agenda.write_text(text[:minutes] + "minutes = 150" + text[minutes + 12 :], encoding="utf-8")
    return folder


def test_a_longer_agenda_than_the_meeting_is_a_warning(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["agenda", "check", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{folder}: OK (12 steg, 4 cafésamtal, 310 min)\n"
    assert err == (
        f"{folder}: varning: agendan är 310 min men mötet är 18:00–21:00 (180 min): 130 min "
        "för mycket. Korta stegens minutes eller flytta end under [meeting].\n"
    )
    assert main(["agenda", "check", str(folder), "--lang", "en"]) == 0
    assert "the agenda is 310 min but the meeting is 18:00–21:00 (180 min): 130 min too many" in (
        capsys.readouterr().err
    )

    # none when the steps fit, or when the meeting has no end
    agenda = folder / "agenda.toml"
    text = agenda.read_text(encoding="utf-8")
    agenda.write_text(text.replace('end = "21:00"', 'end = "23:10"'), encoding="utf-8")
    assert main(["agenda", "check", str(folder)]) == 0
    assert capsys.readouterr().err == ""
    agenda.write_text(text.replace('end = "21:00"\n', ""), encoding="utf-8")
    assert main(["agenda", "check", str(folder)]) == 0
    assert capsys.readouterr().err == ""
