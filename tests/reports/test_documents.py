"""summary.md/.html, feedback.md, signups.csv and participants.csv, parsed back."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cafe.i18n import Translator
from cafe.reports.build import build_report
from cafe.reports.documents import md_escape
from tests.reports.support import Built, report_meeting

sv = Translator("sv")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, Path]:
    folder = tmp_path_factory.mktemp("docs")
    meeting = report_meeting(folder / "m")
    build_report(meeting.service, folder / "out")
    return meeting, folder / "out"


class SummaryReader(HTMLParser):
    """Collects the text of every idea (``li.idea .text``) and sign-up row of the summary."""

    def __init__(self) -> None:
        super().__init__()
        self.ideas: list[str] = []
        self.signup_rows: list[list[str]] = []
        self.elements: list[str] = []
        self._stack: list[tuple[str, str]] = []
        self._capture: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(tag)
        classes = dict(attrs).get("class") or ""
        self._stack.append((tag, classes))
        if (
            tag == "span"
            and "text" in classes.split()
            and any(c == "idea" for t, cs in self._stack for c in cs.split() if t == "li")
        ):
            self._capture = []
        if tag == "tr" and "signup" in classes.split():
            self.signup_rows.append([])
        if tag == "td" and self.signup_rows and self._in("tr", "signup"):
            self._cell = []

    def _in(self, tag: str, cls: str) -> bool:
        return any(t == tag and cls in cs.split() for t, cs in self._stack)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._capture is not None:
            self.ideas.append("".join(self._capture))
            self._capture = None
        if tag == "td" and self._cell is not None:
            self.signup_rows[-1].append("".join(self._cell))
            self._cell = None
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._capture is not None:
            self._capture.append(data)
        if self._cell is not None:
            self._cell.append(data)


def read_summary(path: Path) -> SummaryReader:
    reader = SummaryReader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader


def test_summary_html_lists_every_idea_once(built: tuple[Built, Path]) -> None:
    meeting, out = built
    html = (out / "summary.html").read_text(encoding="utf-8")
    reader = read_summary(out / "summary.html")
    assert sorted(reader.ideas) == sorted(meeting.visible.values())
    for gone in meeting.hidden:
        assert gone not in html
    assert "Skjuts &amp; landsbygd" in html
    assert "@page" in html and "size: A4" in html and "break-before: page" in html


def test_summary_html_sign_ups_show_contact_details_only_with_consent(
    built: tuple[Built, Path],
) -> None:
    meeting, out = built
    rows = read_summary(out / "summary.html").signup_rows
    assert ["Åsa Öberg", "Röda Korset", "asa@example.se", ""] in rows
    assert ["Görel Åkesson", "Kommunen", "gorel@kommun.se", "070-555 11 22"] in rows
    assert ["Yusuf Demir", "Hyresgästföreningen", "", ""] in rows
    assert ["Märta Ärlebäck", "PRO Söder", "", ""] in rows
    html = (out / "summary.html").read_text(encoding="utf-8")
    for secret in meeting.not_consented:
        assert secret not in html
    until = re.search(r"till och med (\d{4}-\d{2}-\d{2})", html)
    assert until and sv("reports.retention", count=365, days=365, until=until.group(1)) in html


def test_summary_markdown_has_every_idea_and_the_next_steps(built: tuple[Built, Path]) -> None:
    meeting, out = built
    text = (out / "summary.md").read_text(encoding="utf-8")
    for idea in meeting.visible.values():
        assert text.count(f"- {md_escape(idea)} *(") == 1, idea
    assert "### Skjuts & landsbygd" in text
    assert sv("reports.sheet1.why") in text and sv("reports.sheet2.core_team") in text
    assert "Självständighet och oberoende" in text
    for secret in meeting.not_consented:
        assert secret not in text
    # The duplicate from table 2 was merged into table 1's idea: both places are said.
    assert "Gemensam kontaktpunkt för alla aktiviteter *(runda 4, bord 1; runda 4, bord 2)*" in text


def test_feedback_letter_goes_to_registered_and_consenting_addresses(
    built: tuple[Built, Path],
) -> None:
    meeting, out = built
    text = (out / "feedback.md").read_text(encoding="utf-8")
    letter, recipients = text.split(f"## {sv('reports.feedback.recipients')}")
    assert "ensamhet bland äldre" in letter
    assert "Mötesplatser: 3 idéer, 2 vill fortsätta" in letter
    assert sv("reports.feedback.not_every_idea") in letter
    assert sv("reports.feedback.join_later") in letter
    # Rule 1: Per's registration address gets the letter; Swedish order G, P, Å.
    assert "gorel@kommun.se; per@kommun.se; asa@example.se" in recipients
    assert "@" not in letter
    for secret in [*meeting.not_consented, "per@kommun.se"]:
        assert secret not in letter
    for secret in ("070-123 45 67", "angrad@example.se"):
        assert secret not in text


def read_csv(path: Path, sep: str = ";") -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=sep))


def test_signups_csv_reads_back_with_swedish_characters(built: tuple[Built, Path]) -> None:
    _, out = built
    rows = read_csv(out / "signups.csv")
    assert rows[0] == ["Tema", "Namn", "Organisation", "E-post", "Telefon", "Samtycke", "Anmäld"]
    body = [r[:6] for r in rows[1:]]
    assert body == [
        ["Mötesplatser", "Görel Åkesson", "Kommunen", "gorel@kommun.se", "070-555 11 22", "ja"],
        ["Mötesplatser", "Åsa Öberg", "Röda Korset", "asa@example.se", "", "ja"],
        [
            "Skjuts & landsbygd",
            "Görel Åkesson",
            "Kommunen",
            "gorel@kommun.se",
            "070-555 11 22",
            "ja",
        ],
        ["Skjuts & landsbygd", "Yusuf Demir", "Hyresgästföreningen", "", "", "nej"],
        ["(inget tema)", "Märta Ärlebäck", "PRO Söder", "", "", "nej"],
    ]


def test_participants_csv_has_contact_details_only_with_consent(built: tuple[Built, Path]) -> None:
    meeting, out = built
    rows = read_csv(out / "participants.csv")
    by_name = {r[0]: r for r in rows[1:]}
    assert len(by_name) == 11
    assert by_name["Åsa Öberg"][5] == "asa@example.se"
    assert by_name["Per Lindström"][5] == "", "registered with an e-mail but never consented"
    assert by_name["Märta Ärlebäck"][6] == "", "signed up without consent"
    assert by_name["Görel Åkesson"][2] == "Offentlig sektor"
    raw = (out / "participants.csv").read_text(encoding="utf-8-sig")
    for secret in meeting.not_consented:
        assert secret not in raw


def test_comma_separator_on_request(tmp_path: Path) -> None:
    meeting = report_meeting(tmp_path / "m")
    build_report(meeting.service, tmp_path / "out", csv_sep=",", lang="en")
    rows = read_csv(tmp_path / "out" / "signups.csv", sep=",")
    assert rows[0][:3] == ["Theme", "Name", "Organisation"]
    assert rows[4][:6] == ["Skjuts & landsbygd", "Yusuf Demir", "Hyresgästföreningen", "", "", "no"]
    html = (tmp_path / "out" / "summary.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Who came" in html


def test_a_failed_build_leaves_the_old_files_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = report_meeting(tmp_path / "m")
    out = tmp_path / "out"
    out.mkdir()
    (out / "summary.md").write_text("the old summary", encoding="utf-8")

    def crash(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("cafe.reports.build.participants_csv", crash)
    with pytest.raises(RuntimeError):
        build_report(meeting.service, out)
    assert (out / "summary.md").read_text(encoding="utf-8") == "the old summary"
    assert sorted(p.name for p in out.iterdir()) == ["summary.md"]


def test_retention_ends_a_period_after_the_meeting_day() -> None:
    from datetime import datetime

    from cafe.reports.model import _retention_until

    assert _retention_until("2026-12-03", None, 0.0, 365) == "2027-12-03"
    started = datetime(2026, 2, 27, 18, 0).timestamp()
    assert _retention_until("", started, 0.0, 2) == "2026-03-01", "no date: the day it started"
    assert _retention_until("2026-12-03", None, 0.0, None) == ""
