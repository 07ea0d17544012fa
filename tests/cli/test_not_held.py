"""A meeting that was never held (no agenda step started, nothing saved) gets no thank-you
letter: `cafe report` writes nothing and points to `--before`, which still works; `cafe
send` refuses with exit 1 in every mode. Registered people marked present by an imported
list do not make a meeting held; one started step or one idea does."""

from __future__ import annotations

from pathlib import Path

import pytest

from cafe.cli import main
from cafe.i18n import Translator
from cafe.storage.folder import open_meeting

SENDER = "ake@vaxjo.se"


def _never_held(root: Path, lang: str) -> Path:
    """`cafe new` with a host, then a registration list that marks everyone present."""
    folder = root / "never"
    argv = ["new", str(folder), "--challenge", "ensamhet bland äldre", "--date", "2026-12-03"]
    argv += ["--host-municipality", f"Åke Ek <{SENDER}>", "--lang", lang]
    assert main(argv) == 0
    rows = ["Namn;Organisation;Sektor;E-post;Närvarande"]
    rows += [f"Person {n};Förening {n};förening;person{n}@exempel.se;ja" for n in range(6)]
    listing = root / "anmalda.csv"
    listing.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["people", "import", str(folder), str(listing)]) == 0
    return folder


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_report_writes_no_letter_for_a_meeting_never_held_and_before_still_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setattr("cafe.cli.report_cmd.detect_lan_address", lambda: "192.0.2.10")
    folder = _never_held(tmp_path, lang)
    capsys.readouterr()
    out = tmp_path / "out"
    assert main(["report", str(folder), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == Translator(lang)(
        "reports.cli.not_held", folder=folder, command=f"cafe report {folder} --before"
    )
    assert not out.exists(), "no letter, no half report"

    before = tmp_path / "before"
    assert main(["report", str(folder), "--before", "--out", str(before)]) == 0
    assert (before / "invitation.docx").is_file() and not (before / "feedback.md").exists()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_send_refuses_a_meeting_never_held_in_every_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    folder = _never_held(tmp_path, lang)
    capsys.readouterr()
    for mode in (["--dry-run"], ["--eml", str(tmp_path / "eml")], ["--smtp", "127.0.0.1:9"]):
        assert main(["send", str(folder), "--from", SENDER, "--yes", *mode]) == 1, mode
        captured = capsys.readouterr()
        assert captured.err.strip() == Translator(lang)("cli.send.not_held", folder=folder)
        assert "Traceback" not in captured.err and "person1@" not in captured.out
    assert not (tmp_path / "eml").exists()


@pytest.mark.parametrize("held_by", ["step", "idea"])
def test_one_started_step_or_one_idea_makes_it_held(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], held_by: str
) -> None:
    folder = _never_held(tmp_path, "sv")
    service = open_meeting(folder)
    try:
        if held_by == "step":
            service.start_step(0)
        else:
            service.capture_idea("Besöksvänner på biblioteket", table=1, round=1)
    finally:
        service.log.close()
    assert main(["report", str(folder), "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "feedback.docx").is_file()
    assert main(["send", str(folder), "--from", SENDER, "--eml", str(tmp_path / "eml")]) == 0
    assert len(list((tmp_path / "eml").glob("*.eml"))) == 6
