"""One call per moment: ``build_before`` for the printer, ``build_report`` for afterwards.

Everything is generated in memory first and then written all together or not at all
(``storage.output``), so a crash, a full disk or a folder in the way never leaves a
half-written deck, or half a report, where a whole one was.
"""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from cafe.core.agenda import challenge_in_sentence, one_question_mark
from cafe.core.errors import CafeError
from cafe.core.meeting_seating import appointed_hosts, expected_tables
from cafe.core.service import MeetingService
from cafe.i18n import Translator
from cafe.links import MAX_TABLES, checkout_path, signup_path, table_path
from cafe.qr import qr_png
from cafe.reports.calendar import build_ics
from cafe.reports.csv_out import DEFAULT_SEPARATOR, participants_csv, signups_csv
from cafe.reports.documents import render
from cafe.reports.docx_out import build_docx
from cafe.reports.letters import feedback_blocks, feedback_subject, invitation_blocks, joined
from cafe.reports.mail_out import build_html
from cafe.reports.meeting_deck import build_meeting_deck
from cafe.reports.model import ReportModel, build_model
from cafe.reports.printables import TableCard, build_signup_sheets, build_table_cards
from cafe.reports.properties import document_info
from cafe.reports.working_deck import build_working_deck
from cafe.storage.folder import meeting_token, table_token
from cafe.storage.output import write_files

REPORT_FILES = (
    "working-group.pptx",
    "summary.md",
    "summary.html",
    "signups.csv",
    "participants.csv",
    "feedback.md",
    "feedback.docx",
    "feedback.html",
)
BEFORE_FILES = (
    "invitation.md",
    "invitation.docx",
    "invitation.ics",
    "table-cards.pptx",
    "signup-sheets.pptx",
    "meeting.pptx",
)
"""``invitation.ics`` only when the agenda has a date."""


def build_report(
    service: MeetingService,
    out_dir: Path,
    *,
    lang: str | None = None,
    template: Path | None = None,
    csv_sep: str = DEFAULT_SEPARATOR,
) -> list[Path]:
    """Write what the working group needs after the meeting; returns the files written."""
    model = _model(service, lang)
    _check_template(template, model.lang)
    _check_separator(csv_sep, model.lang)
    contents: dict[str, bytes] = {
        "working-group.pptx": build_working_deck(model, template=template),
        "summary.md": render("summary.md", model).encode("utf-8"),
        "summary.html": render("summary.html", model).encode("utf-8"),
        "signups.csv": signups_csv(model, csv_sep),
        "participants.csv": participants_csv(model, csv_sep),
        "feedback.md": render("feedback.md", model).encode("utf-8"),
        "feedback.docx": build_docx(
            feedback_blocks(model), document_info(model, feedback_subject(model))
        ),
        "feedback.html": build_html(
            feedback_blocks(model), lang=model.lang, title=feedback_subject(model)
        ).encode("utf-8"),
    }
    return _write(out_dir, contents)


def build_before(
    service: MeetingService,
    out_dir: Path,
    *,
    public_base: str,
    lang: str | None = None,
    template: Path | None = None,
) -> list[Path]:
    """Write the invitation, the table cards, the paper sign-up sheets and the meeting deck.

    ``public_base`` is the address phones will use on the day (``http://192.168.1.20:8765``).
    """
    model = _model(service, lang)
    _check_template(template, model.lang)
    base = public_base.rstrip("/")
    token = meeting_token(service)
    join_url = base + signup_path(token)
    checkout_url = base + checkout_path(token)
    steps = service.agenda.steps
    tr = Translator(model.lang)
    invitation_title = tr("reports.invitation.title", title=model.title)
    contents = {
        "invitation.md": render("invitation.md", model, steps).encode("utf-8"),
        "invitation.docx": build_docx(
            invitation_blocks(model, steps), document_info(model, invitation_title)
        ),
        "table-cards.pptx": build_table_cards(
            model, table_cards(service, base, model.lang), template=template
        ),
        "signup-sheets.pptx": build_signup_sheets(
            model, [th.name for th in model.themes if th.signup], template=template
        ),
        "meeting.pptx": build_meeting_deck(
            model,
            steps,
            join_url=join_url,
            join_png=qr_png(join_url),
            checkout_url=checkout_url,
            checkout_png=qr_png(checkout_url),
            template=template,
            circle=service.sits_in_circle,
        ),
    }
    if model.date:
        contents["invitation.ics"] = invitation_ics(service, model, token)
    return _write(out_dir, contents)


def invitation_ics(service: MeetingService, model: ReportModel, token: str) -> bytes:
    """The meeting in a calendar: when, where, the question and the co-hosts."""
    tr = Translator(model.lang)
    hosts = joined([h.name for h in model.hosts] or list(model.cohosts), tr)
    challenge = challenge_in_sentence(model.challenge or model.title, model.lang)
    description = "\n\n".join(
        x
        for x in (
            one_question_mark(tr("reports.invitation.question", challenge=challenge)),
            tr("reports.letters.calendar_description", challenge=challenge, hosts=hosts)
            if hosts
            else "",
        )
        if x
    )
    return build_ics(
        day=model.date,
        start=model.start,
        end=model.end,
        minutes=float(service.agenda.planned_minutes),
        summary=tr("reports.invitation.title", title=model.title),
        location=model.place,
        description=description,
        uid_seed=f"{token}:{model.date}",
        stamp=service.clock.now(),
    )


def table_count(service: MeetingService) -> int:
    """The meeting's tables (``meeting_seating.expected_tables``), never more than the
    server accepts (``MAX_TABLES``), so every printed code works."""
    return min(MAX_TABLES, expected_tables(service))


def _hosts(service: MeetingService) -> dict[int, str]:
    """Table number -> host's name, from the first round of the stored plan."""
    plan = service.state.seating_plan
    people = service.state.participants
    return {
        number: people[host].name
        for number, host in plan.hosts(plan.first_round).items()
        if host in people
    }


def table_cards(service: MeetingService, base: str, lang: str) -> list[TableCard]:
    """A card per table with the URL of that table's idea page."""
    tr = Translator(lang)
    circle = service.sits_in_circle
    hosts = _hosts(service)
    appointed = {table for _, table in appointed_hosts(service)}
    cards = []
    for number in range(1, table_count(service) + 1):
        url = base + table_path(table_token(service, number))
        cards.append(
            TableCard(
                number=number,
                host=hosts.get(number, ""),
                appointed=number in appointed,
                url=url,
                png=qr_png(url),
                label=tr("reports.cards.circle") if circle else "",
                circle=circle,
            )
        )
    return cards


def _model(service: MeetingService, lang: str | None) -> ReportModel:
    return build_model(service, lang or service.agenda.meta.language)


def _check_template(template: Path | None, lang: str) -> None:
    """Fail early, with a message naming the file, on a template python-pptx cannot open."""
    if template is None:
        return
    tr = Translator(lang)
    if not template.exists():
        raise CafeError(tr("reports.template_missing", path=template))
    try:
        Presentation(str(template))
    except Exception:  # python-pptx raises many kinds for a file that is no .pptx
        raise CafeError(tr("reports.template_not_pptx", path=template)) from None


def _check_separator(sep: str, lang: str) -> None:
    if len(sep) != 1 or sep in '"\r\n':
        raise CafeError(Translator(lang)("reports.bad_separator", sep=sep))


def _write(out_dir: Path, contents: dict[str, bytes]) -> list[Path]:
    """Every file, or none: a report half old and half new would mislead the officer."""
    return write_files(Path(out_dir), contents, option="--out")
