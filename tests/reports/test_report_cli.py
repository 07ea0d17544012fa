"""`cafe report DIR`: the files it writes, and what it says."""

from __future__ import annotations

from pathlib import Path

import pytest

from cafe.cli import main
from cafe.links import signup_path
from cafe.storage.folder import meeting_token
from tests.reports.support import open_deck, qr_urls, report_meeting


def test_report_writes_the_working_groups_files_and_names_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report_meeting(tmp_path / "m")
    assert main(["report", str(tmp_path / "m")]) == 0
    out = tmp_path / "m" / "out"
    names = [
        "working-group.pptx",
        "summary.md",
        "summary.html",
        "signups.csv",
        "participants.csv",
        "feedback.md",
        "feedback.docx",
        "feedback.html",
    ]
    assert capsys.readouterr().out.splitlines() == [f"Skrev {out / n}" for n in names]
    assert sorted(p.name for p in out.iterdir()) == sorted(names)


def test_before_prints_codes_for_the_detected_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = report_meeting(tmp_path / "m")
    monkeypatch.setattr("cafe.cli.report_cmd.detect_lan_address", lambda: "192.0.2.10")
    assert main(["report", str(tmp_path / "m"), "--before", "--out", str(tmp_path / "p")]) == 0
    printed = capsys.readouterr().out
    for name in ("invitation.md", "table-cards.pptx", "signup-sheets.pptx", "meeting.pptx"):
        assert f"{tmp_path / 'p' / name}" in printed
    urls = qr_urls(open_deck(tmp_path / "p" / "meeting.pptx"), tmp_path)
    assert urls[0] == [f"http://192.0.2.10:8765{signup_path(meeting_token(meeting.service))}"]


def test_public_url_english_and_comma(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report_meeting(tmp_path / "m")
    folder = str(tmp_path / "m")
    assert main(["report", folder, "--lang", "en", "--csv-sep", ","]) == 0
    assert capsys.readouterr().out.startswith("Wrote ")
    header = (tmp_path / "m" / "out" / "signups.csv").read_text(encoding="utf-8-sig")
    assert header.startswith("Theme,Name,Organisation,")
    assert main(["report", folder, "--before", "--public-url", "cafe.example:9000/"]) == 0
    urls = qr_urls(open_deck(tmp_path / "m" / "out" / "table-cards.pptx"), tmp_path)
    assert all(u[0].startswith("http://cafe.example:9000/t/") for u in urls)


def test_user_errors_are_messages_not_tracebacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report_meeting(tmp_path / "m")
    folder = str(tmp_path / "m")
    assert main(["report", folder, "--template", str(tmp_path / "saknas.pptx")]) == 1
    err = capsys.readouterr().err
    assert "saknas.pptx" in err and "Traceback" not in err
    assert main(["report", folder, "--csv-sep", ";;"]) == 1
    assert "CSV" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "finns-inte")]) == 1
