"""An international phone number reaches the working group's lists as it was typed: no
apostrophe in the CSVs, no backslash in the Markdown, while a formula is still guarded."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from cafe.reports.build import build_report
from tests.reports.support import report_meeting

PHONES = ("+46 70 123 45 67", "+4670123456")


def _cells(path: Path) -> dict[str, str]:
    """Name -> phone cell of every row, read back as a spreadsheet would split it."""
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))
    return {row["Namn"]: row for row in rows}  # type: ignore[misc]


def test_phone_numbers_stay_as_typed_and_formulas_stay_guarded(tmp_path: Path) -> None:
    service = report_meeting(tmp_path / "m").service
    service.sign_up(
        name="Ольга Петрова", email="olga@example.se", phone=PHONES[0], consent=True, themes=[]
    )
    service.sign_up(
        name="Kim Berg", email="kim@example.se", phone=PHONES[1], consent=True, themes=[]
    )
    # A plus with something to compute or call is a formula, not a number to dial
    # ("+46-70-123" is a sum to a spreadsheet: it keeps the apostrophe too).
    service.sign_up(
        name="Formel Ett", organisation="+46+SUM(1;2)", phone="+46-70-123", consent=True
    )
    service.sign_up(name="Formel Två", organisation="+1 2 HYPERLINK(1)", consent=True)
    build_report(service, tmp_path / "out")

    for name in ("signups.csv", "participants.csv"):
        rows = _cells(tmp_path / "out" / name)
        assert rows["Ольга Петрова"]["Telefon"] == PHONES[0], name
        assert rows["Kim Berg"]["Telefon"] == PHONES[1], name
        assert rows["Formel Ett"]["Organisation"] == "'+46+SUM(1;2)", name
        assert rows["Formel Ett"]["Telefon"] == "'+46-70-123", name
        assert rows["Formel Två"]["Organisation"] == "'+1 2 HYPERLINK(1)", name

    summary = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert f"Ольга Петрова, olga@example.se, {PHONES[0]}" in summary
    assert "\\+46" not in summary
