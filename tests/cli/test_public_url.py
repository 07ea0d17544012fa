"""``--public-url`` goes into every printed code, so a wrong one is refused, and the
printouts say which address their codes hold (audit R, S1 and S2)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cafe.cli import main
from tests.meetings import new_meeting

LAN = "192.0.2.10"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("cafe.cli.report_cmd.detect_lan_address", lambda: LAN)
    monkeypatch.setattr("cafe.cli.qr_cmd.detect_lan_address", lambda: LAN)
    new_meeting(tmp_path / "m").log.close()
    return tmp_path / "m"


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("10.42.0.1", "porten saknas, så telefonerna skulle fråga port 80 där inget svarar. "
         "Skriv till exempel http://10.42.0.1:8765"),
        ("htp://10.42.0.1:8765", "adressen ska börja med http://"),
        ("http://10.42.0.1:87650", "porten måste vara ett tal mellan 1 och 65535"),
        ("http://:8765", "det saknas en dator i adressen"),
        ("http://10.42.0.1:8765/cafe", "utan sökväg: http://10.42.0.1:8765"),
    ],
)  # fmt: skip
def test_a_wrong_public_url_is_refused_before_anything_is_printed(
    folder: Path, capsys: pytest.CaptureFixture[str], url: str, says: str
) -> None:
    out = folder / "out"
    code = main(["report", str(folder), "--before", "--public-url", url, "--out", str(out)])
    err = capsys.readouterr().err
    assert code != 0 and says in err and f"--public-url {url}" in err, err
    assert "Traceback" not in err
    assert not out.exists() or not any(out.iterdir()), "nothing half-printed"
    assert main(["qr", str(folder), "--url", "--public-url", url]) != 0


def test_a_good_public_url_is_taken_and_said(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = folder / "out"
    url = "http://10.42.0.1:8765/"
    assert main(["report", str(folder), "--before", "--public-url", url, "--out", str(out)]) == 0
    said = capsys.readouterr()
    assert "QR-koderna i utskrifterna pekar på http://10.42.0.1:8765." in said.out
    assert main(["qr", str(folder), "--url", "--public-url", "https://cafe.example.se"]) == 0
    assert capsys.readouterr().out.startswith("https://cafe.example.se/m/"), "a proxy on 443"


def test_printing_on_todays_address_says_it_must_be_the_same_at_the_venue(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Printed the day before at the office, the cards' codes opened nothing at the venue,
    and nothing had said which address they held."""
    assert main(["report", str(folder), "--before", "--out", str(folder / "out")]) == 0
    err = capsys.readouterr().err
    assert f"pekar på http://{LAN}:8765, den adress datorn har just nu" in err, err
    assert "En fast adress" in err


def test_an_invitation_whose_hosts_gave_no_e_mail_keeps_its_deadline_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit R, M2: the invitation said only "Anmäl dig till värdarna", the deadline in the
    agenda dropped without a word, and nothing warned."""
    monkeypatch.setattr("cafe.cli.report_cmd.detect_lan_address", lambda: LAN)
    folder = tmp_path / "m"
    assert main(["new", str(folder), "--challenge", "ensamhet bland äldre",
                 "--date", "2026-12-03", "--register-by", "2026-11-26",
                 "--host-municipality", "Anna Lind <anna@hageby.se>",
                 "--host-civil", "Omar Said <omar@pro.se>"]) == 0  # fmt: skip
    agenda = folder / "agenda.toml"  # the addresses taken out by hand, as the audit did
    text = agenda.read_text(encoding="utf-8")
    for address in ("anna@hageby.se", "omar@pro.se"):
        assert f'"{address}"' in text
        text = text.replace(f'"{address}"', '""')
    agenda.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["report", str(folder), "--before", "--out", str(folder / "out")]) == 0
    err = capsys.readouterr().err
    assert "ingen av värdarna har en e-postadress" in err, err
    invitation = (folder / "out" / "invitation.md").read_text(encoding="utf-8")
    assert "Anmäl dig till värdarna senast torsdag 26 november" in invitation, invitation


def test_printing_before_the_list_is_imported_says_so(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit R, M8: the cards printed the evening before the import were one card for the
    whole room, and nothing said so; a code for table 9 of a plan of 3 came unsaid."""
    assert main(["report", str(folder), "--before", "--out", str(folder / "out")]) == 0
    assert "ingen är anmäld än, så bordskorten blir bara ett kort" in capsys.readouterr().err
    assert main(["people", "add", str(folder), "Åsa Öberg", "--present"]) == 0
    for n in range(11):
        assert main(["people", "add", str(folder), f"Person {n}", "--present"]) == 0
    assert main(["seating", "plan", str(folder), "--tables", "3"]) == 0
    capsys.readouterr()
    assert main(["report", str(folder), "--before", "--out", str(folder / "out")]) == 0
    assert "ingen är anmäld" not in capsys.readouterr().err
    assert main(["qr", str(folder), "--table", "9", "--url"]) == 0
    assert "placeringen har 3 bord, så bord 9 finns inte i den än" in capsys.readouterr().err
    assert main(["qr", str(folder), "--table", "2", "--url"]) == 0
    assert capsys.readouterr().err == ""


def test_a_list_that_is_not_there_is_said_in_the_co_hosts_language(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit R, C1: "csv/anmalda.xls: No such file or directory", in English."""
    missing = folder.parent / "anmalda.csv"
    assert main(["people", "import", str(folder), str(missing)]) == 1
    err = capsys.readouterr().err
    assert f"{missing}: filen finns inte" in err and "No such file" not in err, err


def test_the_meeting_deck_says_when_and_what_comes_after_as_the_projector_does(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit R, M7: the title slide had the date but no time, and the closing slide only
    "Tack för i dag!": whoever projected the PowerPoint lost the feedback date and whom
    to ask, which the projector page says."""
    from pptx import Presentation

    agenda = folder / "agenda.toml"
    text = agenda.read_text(encoding="utf-8")
    values = {
        "date": "2030-12-03",
        "start": "18:00",
        "end": "21:00",
        "place": "Stadsbiblioteket",
        "feedback_by": "2030-12-20",
        "contact": "Anna-Karin, 070-123 45 67",
    }
    for key, value in values.items():  # as the facilitator fills them in
        line = f'{key} = "{value}"'
        found = re.search(rf"^{key} = .*$", text, flags=re.M)
        text = (
            text[: found.start()] + line + text[found.end() :]
            if found
            else text.replace("[meeting]\n", f"[meeting]\n{line}\n", 1)
        )
    agenda.write_text(text, encoding="utf-8")
    out = folder / "out"
    assert main(["report", str(folder), "--before", "--out", str(out)]) == 0, capsys.readouterr()
    deck = Presentation(str(out / "meeting.pptx"))

    def texts(slide: object) -> str:
        return " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)  # type: ignore[attr-defined]

    first, last = texts(deck.slides[0]), texts(deck.slides[-1])
    assert "18:00–21:00" in first and "Stadsbiblioteket" in first, first
    assert "återkoppling senast fredag 20 december 2030" in last, last
    assert "Frågor efteråt: Anna-Karin, 070-123 45 67" in last, last
