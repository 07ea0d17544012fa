"""An agenda that names no hosts: `cafe report` says so and how to fix it, and the letter
still ends with a signature and a way to get in touch."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from cafe.cli import main
from tests.reports.support import report_meeting

SIGNED = "Värdarna för idémötet"


def test_report_warns_and_the_letter_signs_and_asks_for_a_reply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "m"
    report_meeting(folder).service.log.close()  # the shipped agenda: host names left empty

    assert main(["report", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "agendan namnger inga värdar" in err and str(folder / "agenda.toml") in err
    assert "Skriv värdarnas namn och e-postadresser under cohosts" in err

    letter = (folder / "out" / "feedback.md").read_text(encoding="utf-8")
    body, recipients = letter.split("## Mottagare")
    assert "Svara på det här brevet så kopplar vi ihop dig med arbetsgruppen." in body
    assert "Hör av dig till värdarna" not in body
    assert body.rstrip("\n-").endswith(f"Varma hälsningar\n\n{SIGNED}")
    word = [p.text for p in Document(str(folder / "out" / "feedback.docx")).paragraphs if p.text]
    assert word[-2:] == ["Varma hälsningar", SIGNED]

    # Östen Ödman came on his own and left no address: no organisation to reach him by.
    assert "Östen Ödman kom utan organisation och lämnade ingen e-postadress" in recipients
    assert "nå hen via sin organisation" not in recipients
    assert "deltagare lämnade ingen e-postadress; nå dem via deras organisationer" in recipients


def test_the_agendas_contact_is_named_when_there_are_no_hosts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "m"
    report_meeting(folder).service.log.close()
    agenda = folder / "agenda.toml"
    text = agenda.read_text(encoding="utf-8")
    assert 'contact = ""' in text
    agenda.write_text(
        text.replace('contact = ""', 'contact = "Kerstin på Frivilligcentralen, 0470-123 45"'),
        encoding="utf-8",
    )
    assert main(["report", str(folder)]) == 0
    letter = (folder / "out" / "feedback.md").read_text(encoding="utf-8")
    assert "Hör av dig till Kerstin på Frivilligcentralen, 0470-123 45 så kopplar vi" in letter
