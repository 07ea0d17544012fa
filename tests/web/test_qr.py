"""QR codes in every form decode, with a real decoder, to the URL they were made from."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PIL import Image

from cafe.qr import qr_halfblocks, qr_matrix, qr_png, qr_svg
from tests.web.support import PUBLIC

URL = f"{PUBLIC}/m/Xq3vB0d8u1Kp9yTzQm4sWc7nLr2aEhJf/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def zbar(image: Path) -> str:
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_png_decodes(tmp_path: Path) -> None:
    path = tmp_path / "code.png"
    path.write_bytes(qr_png(URL))
    assert zbar(path) == URL
    small = tmp_path / "small.png"
    small.write_bytes(qr_png(URL, box_size=4))
    assert zbar(small) == URL


def test_svg_rendered_by_chromium_decodes(tmp_path: Path) -> None:
    page = tmp_path / "code.html"
    page.write_text(
        "<!doctype html><html><body style='margin:0;background:#fff'>"
        f"<div style='width:480px;height:480px'>{qr_svg(URL)[qr_svg(URL).find('<svg') :]}</div>"
        "<style>svg{width:480px;height:480px}</style></body></html>",
        encoding="utf-8",
    )
    shot = tmp_path / "shot.png"
    subprocess.run(
        [CHROMIUM, *CHROMIUM_ARGS, f"--screenshot={shot}", "--window-size=600,600", page.as_uri()],
        capture_output=True,
        timeout=60,
        check=True,
    )
    assert zbar(shot) == URL


def test_terminal_half_blocks_decode(tmp_path: Path) -> None:
    """Each "▀" cell is two modules: drawing them as pixels gives back the code."""
    rows = qr_halfblocks(URL)
    scale = 6
    image = Image.new("L", (len(rows[0]) * scale, len(rows) * 2 * scale), 255)
    for y, row in enumerate(rows):
        for x, (top, bottom) in enumerate(row):
            for half, dark in enumerate((top, bottom)):
                if dark:
                    box = (
                        x * scale,
                        (2 * y + half) * scale,
                        (x + 1) * scale,
                        (2 * y + half + 1) * scale,
                    )
                    image.paste(0, box)
    path = tmp_path / "terminal.png"
    image.save(path)
    assert zbar(path) == URL
    assert len(rows) == (len(qr_matrix(URL)) + 1) // 2
