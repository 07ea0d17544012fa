"""Where the files cannot go: a message in the user's language naming the file or folder,
exit 1, no traceback, and no half-written report beside the old one."""

from __future__ import annotations

from pathlib import Path

import pytest

from cafe.cli import main
from tests.reports.support import report_meeting

NOTHING_WRITTEN = "Ingen fil skrevs."


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def test_a_folder_named_like_a_report_file_stops_the_report_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report_meeting(tmp_path / "m")
    out = tmp_path / "ut"
    (out / "feedback.md").mkdir(parents=True)
    (out / "summary.md").write_text("förra veckans sammanfattning", encoding="utf-8")

    assert main(["report", str(tmp_path / "m"), "--out", str(out)]) == 1
    err = _error(capsys)
    assert f"{out / 'feedback.md'} är en mapp" in err and NOTHING_WRITTEN in err
    assert sorted(p.name for p in out.iterdir()) == ["feedback.md", "summary.md"]
    assert (out / "summary.md").read_text(encoding="utf-8") == "förra veckans sammanfattning"


def test_out_that_is_a_file_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report_meeting(tmp_path / "m")
    taken = tmp_path / "summary.md"
    taken.write_text("en fil", encoding="utf-8")
    for out in (taken, taken / "under"):
        assert main(["report", str(tmp_path / "m"), "--out", str(out)]) == 1
        err = _error(capsys)
        assert f"{taken} är en fil, inte en mapp. Välj en mapp med --out." in err
    assert main(["export", str(tmp_path / "m"), "--out", str(tmp_path), "--lang", "en"]) == 1
    assert f"{tmp_path} is a folder" in _error(capsys)
    assert main(["send", str(tmp_path / "m"), "--from", "a@example.se", "--eml", str(taken)]) == 1
    assert f"{taken} är en fil, inte en mapp. Välj en mapp med --eml." in _error(capsys)
    assert taken.read_text(encoding="utf-8") == "en fil"


def test_a_template_that_is_no_pptx_is_named_in_swedish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report_meeting(tmp_path / "m")
    notes = tmp_path / "anteckningar.md"
    notes.write_text("# inte en mall", encoding="utf-8")
    for template in (notes, tmp_path):
        assert main(["report", str(tmp_path / "m"), "--template", str(template)]) == 1
        err = _error(capsys)
        assert f"{template} är ingen PowerPoint-mall" in err, err
        assert "Package" not in err and "member" not in err
    assert main(["report", str(tmp_path / "m"), "--template", str(tmp_path / "saknas.pptx")]) == 1
    assert f"Mallen {tmp_path / 'saknas.pptx'} finns inte." in _error(capsys)
    assert not (tmp_path / "m" / "out").exists()
