"""`cafe demo --headless`: a whole 30-person meeting through the real server, then the report."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cafe.i18n import Translator
from cafe.storage.folder import open_meeting

ROOT = Path(__file__).resolve().parents[2]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


@pytest.mark.slow
def test_headless_demo_report_matches_what_the_room_sent(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cafe",
            "demo",
            "--headless",
            "--speed",
            "20000",  # the room acts, then waits out the step: only the waits get shorter
            "--people",
            "30",
            "--dir",
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for title in (
        "Inledning",
        "Runda 1",
        "Runda 4",
        "Anmälningslistor",
        "Utcheckning",
        "Avslutning",
    ):
        assert title in result.stdout
    sent = json.loads((folder / "demo-log.json").read_text(encoding="utf-8"))
    assert len(sent["ideas"]) >= 4 * 6 and sent["signups"] and sent["checkout"]

    service = open_meeting(folder)
    assert len(service.state.present()) == 30
    stored = [i.text for i in service.state.ideas.values() if i.source == "web"]
    assert sorted(stored) == sorted(sent["ideas"]), "every idea a phone sent is stored once"
    assert service.state.current_step == len(service.agenda.steps) - 1

    out = folder / "out"
    parser = _Text()
    parser.feed((out / "summary.html").read_text(encoding="utf-8"))
    summary = " ".join(" ".join(parser.parts).split())
    for idea in sent["ideas"]:
        assert " ".join(idea.split()) in summary
    with (out / "signups.csv").open(encoding="utf-8-sig", newline="") as handle:
        text = handle.read()
    lines = text.splitlines()
    rows = list(csv.reader(lines, delimiter=";" if ";" in lines[0] else ","))
    name_column = rows[0].index(Translator(service.agenda.meta.language)("reports.csv.name"))
    names_in_csv = {row[name_column] for row in rows[1:]}
    for name, _themes in sent["signups"]:
        assert name in names_in_csv
    for thought in set(sent["checkout"]):
        assert thought in (out / "summary.md").read_text(encoding="utf-8")
    assert (out / "working-group.pptx").stat().st_size > 10_000


async def _themed_meeting(tmp_path: Path, lang: str):
    from cafe.core.clock import ScaledClock
    from cafe.demo.driver import DirectRoom, run_meeting
    from cafe.demo.session import plan_for_meeting
    from cafe.demo.setup import create_demo_meeting

    service, people = create_demo_meeting(
        tmp_path / lang, people=24, lang=lang, clock=ScaledClock(1_000_000)
    )
    await run_meeting(
        service,
        people,
        DirectRoom(service),
        speed=1_000_000,
        lang=lang,
        announce=lambda _text: None,
        plan_seating=plan_for_meeting,
    )
    return service


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_simulated_ideas_get_the_theme_they_are_about(tmp_path: Path, lang: str) -> None:
    from cafe.demo.content import THEMES, theme_of

    service = await _themed_meeting(tmp_path, lang)
    themes = {theme.id: theme.name for theme in service.state.live_themes()}
    assert sorted(themes.values()) == sorted(THEMES[lang])
    themed: dict[str, list[str]] = {name: [] for name in THEMES[lang]}
    for idea in service.state.visible_ideas():
        if idea.theme:
            themed[themes[idea.theme]].append(idea.text)
            assert THEMES[lang][theme_of(idea.text, lang)] == themes[idea.theme], idea.text
    assert all(themed.values()), "every theme has ideas"
    words = {"sv": ("skol", "pensionär"), "en": ("school", "pensioner")}[lang]
    for text in themed[THEMES[lang][2]]:  # meetings between generations
        assert any(word in text.lower() for word in (*words, "förskola", "open house"))
    assert not any("Generation" in t or "generation" in t for t in themed[THEMES[lang][0]])


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_each_table_sends_ideas_of_its_own(tmp_path: Path, lang: str) -> None:
    """Tables in a round think of different things: with eight tables and sixteen ideas a
    round, no idea comes from two tables (it used to come from three or four), and the
    text is what a host types, without the table pasted in."""
    from collections import Counter

    from cafe.demo.content import IDEAS

    service = await _themed_meeting(tmp_path, lang)
    by_round: dict[int, list[str]] = {}
    for idea in service.state.ideas.values():
        by_round.setdefault(idea.round, []).append(idea.text)
    assert sorted(by_round) == [1, 2, 3, 4]
    tables = len({idea.table for idea in service.state.ideas.values()})
    assert tables >= 6
    for number, texts in by_round.items():
        assert len(texts) == 2 * tables
        assert Counter(texts).most_common(1)[0][1] == 1, texts
        assert set(texts) <= set(IDEAS[lang][number - 1])
