"""`cafe qr` and `cafe serve` as a facilitator runs them."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from PIL import Image

from cafe.cli import main
from cafe.storage.folder import meeting_token, open_meeting, table_token
from tests.meetings import new_meeting
from tests.web.support import LAN, PUBLIC

ROOT = Path(__file__).resolve().parents[2]


def zbar(image: Path) -> str:
    """The text of the one QR code in ``image``, read by a real decoder."""
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    new_meeting(tmp_path / "m").log.close()  # type: ignore[attr-defined]
    return tmp_path / "m"


@pytest.fixture(autouse=True)
def _pinned_lan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cafe.cli.qr_cmd.detect_lan_address", lambda: LAN)


def test_url_of_the_meeting_and_of_a_table(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["qr", str(folder), "--url"]) == 0
    meeting = capsys.readouterr().out.strip()
    assert main(["qr", str(folder), "--url", "--table", "3", "--port", "9000"]) == 0
    table = capsys.readouterr().out.strip()
    service = open_meeting(folder)
    assert meeting == f"http://{LAN}:8765/m/{meeting_token(service)}/"
    assert table == f"http://{LAN}:9000/t/{table_token(service, 3)}/"
    assert main(["qr", str(folder), "--url", "--table", "3", "--public-url", "cafe.local:80/"]) == 0
    assert capsys.readouterr().out.strip() == f"http://cafe.local:80/t/{table_token(service, 3)}/"


def test_png_and_svg_decode_to_the_url(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["qr", str(folder), "--table", "2", "--url", "--public-url", PUBLIC]) == 0
    url = capsys.readouterr().out.strip()
    png = tmp_path / "bord-2.png"
    assert main(["qr", str(folder), "--table", "2", "--out", str(png), "--public-url", PUBLIC]) == 0
    assert "bord-2.png" in capsys.readouterr().out
    assert zbar(png) == url
    svg = tmp_path / "bord-2.svg"
    assert main(["qr", str(folder), "--table", "2", "--out", str(svg), "--public-url", PUBLIC]) == 0
    assert svg.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))


def test_terminal_rendering(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["qr", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "▀" in out and "\x1b[38;2;0;0;0;48;2;255;255;255m" in out
    assert out.strip().splitlines()[-1].startswith(f"http://{LAN}:8765/m/")


def test_user_errors_exit_1_with_a_message(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["qr", str(folder), "--out", str(tmp_path / "code.gif")]) == 1
    assert "okänt format" in capsys.readouterr().err
    assert main(["qr", str(folder), "--table", "0", "--url"]) == 1
    assert "mellan 1 och 100" in capsys.readouterr().err
    assert main(["qr", str(tmp_path / "missing"), "--url"]) == 1
    assert main(["qr", str(folder), "--out", str(tmp_path / "x.txt"), "--lang", "en"]) == 1
    assert "unknown format" in capsys.readouterr().err


def test_serve_prints_the_urls_answers_and_stops_on_ctrl_c(folder: Path) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "cafe", "serve", str(folder), "--host", "127.0.0.1",
               "--port", "0", "--public-url", PUBLIC, "--lang", "en"]  # fmt: skip
    with subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    ) as process:
        try:
            lines = []
            assert process.stdout is not None
            for line in process.stdout:
                lines.append(line)
                if "Ctrl+C" in line:
                    break
            out = "".join(lines)
            token = meeting_token(open_meeting(folder))
            assert f"Participants (sign-up): {PUBLIC}/m/{token}/" in out, out
            assert f"Projector:              {PUBLIC}/screen/{token}" in out
            found = re.search(r"Listening on 127\.0\.0\.1:(\d+)", out)
            assert found is not None
            url = f"http://127.0.0.1:{found.group(1)}/m/{token}/"
            with urllib.request.urlopen(url, timeout=10) as page:
                assert page.status == 200
            process.send_signal(signal.SIGINT)
            rest, err = process.communicate(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "The server has stopped." in rest
    assert "Traceback" not in err
    assert (folder / "server.log").exists()


def _lines_of_ink(image: Image.Image, top: int) -> list[tuple[int, int]]:
    """The bands of rows from ``top`` down that have a dark pixel: lines of text."""
    grey = image.convert("L")
    bands: list[tuple[int, int]] = []
    for y in range(top, grey.height):
        if any(grey.getpixel((x, y)) < 128 for x in range(grey.width)):
            if bands and bands[-1][1] == y - 1:
                bands[-1] = (bands[-1][0], y)
            else:
                bands.append((y, y))
    return bands


@pytest.mark.parametrize(
    ("agenda", "other_lang"), [("idemote.sv", "en"), ("idea-meeting.en", "sv")]
)
def test_a_tables_png_is_a_card_with_its_number_under_the_code(
    agenda: str, other_lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Six printed codes must be told apart: the table's PNG has "Bord N" (the meeting's
    language, whatever the command's) and a line on what to do under a code that still
    reads as the table's address."""
    folder = tmp_path / "m"
    new_meeting(folder, agenda=agenda).log.close()
    assert main(["qr", str(folder), "--table", "3", "--url", "--public-url", PUBLIC]) == 0
    url = capsys.readouterr().out.strip()
    bare = tmp_path / "meeting.png"
    assert main(["qr", str(folder), "--out", str(bare), "--public-url", PUBLIC]) == 0
    cards = []
    for table, lang in ((3, None), (3, other_lang), (4, None)):
        path = tmp_path / f"bord-{table}-{lang}.png"
        command = ["qr", str(folder), "--table", str(table), "--out", str(path)]
        command += ["--public-url", PUBLIC, *(["--lang", lang] if lang else [])]
        assert main(command) == 0
        cards.append(path)
    assert zbar(cards[0]) == url, "the words under the code do not confuse a reader"

    with Image.open(cards[0]) as card, Image.open(bare) as meeting:
        assert card.width >= meeting.width
        assert card.height > card.width * 1.2, "room under the code for the label"
        code = card.crop((0, 0, card.width, card.width))
        code.save(tmp_path / "code-only.png")
        assert zbar(tmp_path / "code-only.png") == url, "the code is whole above the label"
        label, instruction = _lines_of_ink(card, card.width)
        # The number is read across a table: its letters an eighth of the card's width
        # tall, three times the line saying what to do.
        assert label[1] - label[0] > card.width / 8
        assert label[1] - label[0] > 2 * (instruction[1] - instruction[0])
    assert cards[1].read_bytes() == cards[0].read_bytes(), "in the meeting's language"
    assert cards[2].read_bytes() != cards[0].read_bytes(), "table 4's card says 4"
