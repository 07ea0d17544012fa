"""`cafe rehearse DIR`: problems name the real folder's files, and the rehearsal's report
is kept where the co-hosts can open it.

The audit saw a broken agenda reported at ``/tmp/cafe-rehearsal-…/trygghet/agenda.toml``,
a copy already deleted, and a good rehearsal list report files inside that copy.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from cafe.cli import main
from cafe.storage.folder import REHEARSAL_PREFIX
from tests.meetings import new_meeting

FAST = ["--headless", "--speed", "20000", "--people", "6"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    new_meeting(tmp_path / "trygghet").log.close()
    return tmp_path / "trygghet"


def test_a_broken_agenda_is_named_in_the_real_folder(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agenda = folder / "agenda.toml"
    text = agenda.read_text(encoding="utf-8")
    agenda.write_text(text.replace("[meeting]\n", '[meeting]\nfeedback-by = "1 december"\n', 1))
    assert main(["rehearse", str(folder), *FAST]) == 1
    out, err = capsys.readouterr()
    assert f"{agenda}:" in err and "feedback-by" in err, err
    assert REHEARSAL_PREFIX not in out + err, "a deleted copy named"
    assert "Traceback" not in err
    assert not (folder / "rehearsal-report").exists()


def test_the_rehearsals_report_is_kept_beside_the_meeting(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = (folder / "meeting.db").read_bytes()
    assert main(["rehearse", str(folder), *FAST]) == 0
    out = capsys.readouterr().out
    listed = [Path(line.strip()) for line in out.splitlines() if line.startswith("  /")]
    assert {path.name for path in listed} >= {"working-group.pptx", "summary.md"}
    for path in listed:
        assert path.parent == folder / "rehearsal-report", path
        assert path.is_file(), f"{path} listed, then deleted"
    assert out.rstrip().endswith(
        f"Repetitionens rapport finns kvar i {folder / 'rehearsal-report'}. Den har namnen på "
        "mötets deltagare; cafe purge tar bort den med resten."
    )
    assert (folder / "meeting.db").read_bytes() == database, "the real meeting was changed"
    assert not (folder / "out").exists(), "the real report's folder is the co-hosts'"
    copies = list(Path(tempfile.gettempdir()).glob(f"{REHEARSAL_PREFIX}*/{folder.name}"))
    assert not [copy for copy in copies if str(copy) in out], "the copy is left"

    # A file of an older rehearsal is not taken for this one's; a purge deletes them.
    (folder / "rehearsal-report" / "old-theme.csv").write_text("Åsa Öberg\n", "utf-8")
    assert main(["rehearse", str(folder), *FAST]) == 0
    assert not (folder / "rehearsal-report" / "old-theme.csv").exists()
    assert main(["purge", str(folder), "--personal-data", "--yes"]) == 0
    assert not list((folder / "rehearsal-report").glob("*"))
