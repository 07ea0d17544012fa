"""Names in Swedish order (… Z, Å, Ä, Ö), case and other accents ignored, wherever people
read a list of them: participants.csv, signups.csv and the summary."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from cafe.cli import main
from cafe.core.participants import PersonInput
from cafe.core.text import collation_key
from tests.meetings import new_meeting

NAMES = ["Örjan Lind", "Ängla Berg", "Zoë Ek", "Åsa Öberg", "anna Holm", "Émile Ray", "Bo Ek"]
SWEDISH = ["anna Holm", "Bo Ek", "Émile Ray", "Zoë Ek", "Åsa Öberg", "Ängla Berg", "Örjan Lind"]


def test_swedish_and_english_collation() -> None:
    assert sorted(NAMES, key=lambda n: collation_key(n, "sv")) == SWEDISH
    english = sorted(NAMES, key=lambda n: collation_key(n, "en"))
    assert english[:3] == ["Ängla Berg", "anna Holm", "Åsa Öberg"], "accents fold away in en"
    assert collation_key("ÅSA  ÖBERG", "sv") == collation_key("åsa öberg", "sv")


def test_participants_signups_and_summary_are_in_swedish_order(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    service = new_meeting(folder)
    service.add_participants([PersonInput(name, present=True) for name in NAMES])
    theme = service.create_theme("Mötesplatser", signup=True)
    for name in NAMES:
        service.sign_up(name=name, themes=[theme.id])
    out = tmp_path / "out"
    assert main(["report", str(folder), "--out", str(out)]) == 0

    def column(file: str, name: str) -> list[str]:
        text = (out / file).read_text("utf-8-sig")
        return [row[name] for row in csv.DictReader(io.StringIO(text), delimiter=";")]

    assert column("participants.csv", "Namn") == SWEDISH
    assert column("signups.csv", "Namn") == SWEDISH
    summary = (out / "summary.md").read_text(encoding="utf-8")
    listed = summary.split("### Mötesplatser")[-1]
    positions = [listed.index(f"- {name}") for name in SWEDISH]
    assert positions == sorted(positions), "the sign-up list in Swedish order"
