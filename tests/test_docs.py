"""The README and the guides point at files that exist and commands that exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from cafe.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", ROOT / "SECURITY.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"!?\[[^\]]*\]\((<[^>]+>|[^)\s]+)\)")


def _links(page: Path) -> list[str]:
    return [m.group(1).strip("<>") for m in LINK.finditer(page.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_relative_links_resolve(page: Path) -> None:
    for target in _links(page):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        path = (page.parent / target.split("#")[0]).resolve()
        assert path.exists(), f"{page.name} links to {target}, which does not exist"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_guide_covers_the_day_before_the_meeting_and_after(lang: str) -> None:
    guide = ROOT / "docs" / f"guide.{lang}.md"
    text = guide.read_text(encoding="utf-8")
    assert f"docs/guide.{lang}.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    screenshots = [t for t in _links(guide) if t.endswith(".svg")]
    assert len(screenshots) >= 4, "the guide shows the TUI with the tests' snapshots"
    assert all(f"-{lang}-" in shot for shot in screenshots), "screenshots in the guide's language"
    for command in ("cafe run", "cafe report", "cafe purge", "cafe rehearse", "cafe qr"):
        assert command in text, f"guide.{lang}.md does not mention {command}"


def _commands(page: Path) -> list[list[str]]:
    """Every `cafe ...` line in the page's shell blocks."""
    text = page.read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith("cafe "):
                found.append(shlex.split(line)[1:])
    return found


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_documented_commands_parse(page: Path) -> None:
    """A command a page tells people to type is one the program accepts."""
    parser = build_parser()
    for argv in _commands(page):
        if "|" in " ".join(argv) or any(a.startswith("[") for a in argv):
            continue  # a synopsis (`cafe run DIR [--lang sv|en]`), not a command to type
        try:
            parser.parse_args(argv)
        except SystemExit as error:  # argparse's way of refusing
            raise AssertionError(f"{page.name}: cafe {shlex.join(argv)}") from error


def test_security_review_cites_tests_that_exist() -> None:
    """Every `tests/...py::name` SECURITY.md gives as evidence is a real test."""
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    cited = re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?`", text)
    assert len(cited) >= 20
    for path, name in cited:
        source = (ROOT / path).read_text(encoding="utf-8")
        assert not name or f"def {name}(" in source, f"SECURITY.md cites {path}::{name}"
