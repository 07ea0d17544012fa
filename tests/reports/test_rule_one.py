"""Rule 1 (SECURITY.md) in every output: registration addresses get the feedback letter
and nothing else; sign-up addresses reach the letter and the working group only with
consent. The letter's recipients, participants.csv and signups.csv agree."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from cafe.core.contact_rule import Purpose, Source, may_use
from cafe.i18n import Translator
from cafe.reports.build import build_report
from cafe.reports.model import build_model
from cafe.storage.folder import open_meeting
from tests.reports.thirty_one import ThirtyOne, thirty_one

sv = Translator("sv")


@pytest.fixture(scope="module")
def meeting(tmp_path_factory: pytest.TempPathFactory) -> tuple[ThirtyOne, Path]:
    root = tmp_path_factory.mktemp("rule1")
    built = thirty_one(root / "m")
    service = open_meeting(built.folder)
    try:
        build_report(service, root / "out")
    finally:
        service.log.close()
    return built, root / "out"


def _csv(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def test_the_rule_itself() -> None:
    assert may_use(Source.REGISTRATION, Purpose.FEEDBACK_LETTER, consent=False)
    assert not may_use(Source.REGISTRATION, Purpose.WORKING_GROUP, consent=False)
    assert may_use(Source.REGISTRATION, Purpose.WORKING_GROUP, consent=True)
    assert not may_use(Source.SIGNUP, Purpose.FEEDBACK_LETTER, consent=False)
    assert not may_use(Source.SIGNUP, Purpose.WORKING_GROUP, consent=False)
    assert may_use(Source.SIGNUP, Purpose.FEEDBACK_LETTER, consent=True)


def test_the_letter_reaches_everyone_who_came(meeting: tuple[ThirtyOne, Path]) -> None:
    built, out = meeting
    service = open_meeting(built.folder)
    try:
        model = build_model(service, "sv")
    finally:
        service.log.close()
    addresses = set(model.feedback_addresses)
    came = set(built.registered) - set(built.absent)
    assert came <= addresses, "every registration address of those who came"
    assert built.walk_in in addresses, "signed up with consent without registering"
    assert built.consent_other not in addresses, "one letter per person: the registered one"
    assert not addresses & set(built.absent), "no thank-you letter to those who did not come"
    assert len(addresses) == 30 and model.without_address == 0
    letter = (out / "feedback.md").read_text(encoding="utf-8")
    body, recipients = letter.split(f"## {sv('reports.feedback.recipients')}")
    assert "@" not in body
    assert all(a in recipients for a in addresses)
    assert "070-" not in letter, "no phone number in the letter or its recipient list"
    assert sv("reports.feedback.without_address", count=1) not in letter


def test_participants_csv_agrees_with_the_letter(meeting: tuple[ThirtyOne, Path]) -> None:
    built, out = meeting
    rows = _csv(out / "participants.csv")
    assert len(rows) == 32, "the 31 registered and the walk-in who signed up"
    letter = (out / "feedback.md").read_text(encoding="utf-8")
    registered = [r for r in rows if r["På deltagarlistan"] == "ja"]
    assert len(registered) == 31
    for row in registered:
        gets = row["Får återkopplingsbrevet"] == "ja"
        assert gets == (row["På plats"] == "ja"), row["Namn"]
    [walk_in] = [r for r in rows if r["På deltagarlistan"] == "nej"]
    assert (walk_in["E-post"], walk_in["Får återkopplingsbrevet"]) == (built.walk_in, "ja")
    shown = [r["E-post"] for r in registered if r["E-post"]]
    # Only the four who consented on a list are shown to the working group.
    assert len(shown) == 4
    assert all(a in letter for a in shown)
    raw = (out / "participants.csv").read_text(encoding="utf-8-sig")
    unshared = set(built.registered) - set(shown)
    assert len(unshared) == 27
    assert not any(a in raw for a in unshared)
    assert sum(1 for r in rows if r["Telefon"]) == 4


def test_signups_csv_and_summary_show_only_consenting_addresses(
    meeting: tuple[ThirtyOne, Path],
) -> None:
    built, out = meeting
    rows = _csv(out / "signups.csv")
    assert len(rows) == 7
    for row in rows:
        assert bool(row["E-post"]) == (row["Samtycke"] == "ja"), row["Namn"]
    for name in ("signups.csv", "summary.md", "summary.html"):
        text = (out / name).read_text(encoding="utf-8-sig")
        assert "070-004 11 22" not in text, name
        assert not any(a in text for a in built.registered[4:]), name
        assert built.walk_in in text, name


def test_the_import_says_what_the_addresses_are_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    thirty_one(tmp_path / "m")
    out = capsys.readouterr().out
    assert sv("cli.people.letter_addresses", count=31) in out
