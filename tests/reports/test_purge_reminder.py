"""The reminder to purge names and contact details is for the working group: its summary
gives the command with the meeting's real folder, as code in HTML (not Markdown's
backticks shown as text) and as a code span in Markdown. The copy every participant
gets with the letter has no reminder and no command."""

from __future__ import annotations

import html
import re
import shlex
from pathlib import Path

import pytest

from cafe.i18n import Translator
from cafe.reports.build import build_report
from cafe.reports.mail_message import Letter
from cafe.reports.model import build_model
from tests.reports.support import report_meeting


@pytest.mark.parametrize(("lang", "agenda"), [("sv", "idemote.sv"), ("en", "idea-meeting.en")])
def test_the_working_groups_summary_has_the_real_command_and_the_participants_none(
    tmp_path: Path, lang: str, agenda: str
) -> None:
    folder = tmp_path / "möten" / "ensamhet äldre"
    service = report_meeting(folder, agenda=agenda).service
    try:
        build_report(service, tmp_path / "out")
        model = build_model(service, lang)
    finally:
        service.log.close()
    assert model.retention_until, "the shipped agenda keeps contact details for a period"
    command = f"cafe purge {shlex.quote(str(folder.resolve()))} --personal-data"
    tr = Translator(lang)
    before = tr("reports.retention_reminder", until=model.retention_until, command="\0")
    before = before.partition("\0")[0]

    page = (tmp_path / "out" / "summary.html").read_text(encoding="utf-8")
    [code] = re.findall(r"<code>(.*?)</code>", page)
    assert html.unescape(code) == command
    assert before in html.unescape(page)
    assert "`" not in page and "MAPP" not in page and " DIR " not in page

    markdown = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert f" `{command}` " in markdown

    attached = Letter(model).summary
    assert "cafe purge" not in attached and before not in attached and "`" not in attached
    assert model.retention_until in attached, "the retention period itself is still stated"
