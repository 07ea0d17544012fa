"""Documents from Jinja2 templates: the summary (Markdown and HTML), the feedback letter
and the invitation.

The templates live in ``templates/reports/`` so an organisation can read and adapt them;
all wording comes from the string catalogues. HTML is autoescaped; Markdown gets its own
escaping, so a participant who types ``# heading`` or ``<script>`` gets exactly that text
back, not markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from cafe.core.agenda import Step
from cafe.i18n import Translator
from cafe.reports.letters import (
    feedback_blocks,
    hosts_text,
    invitation_blocks,
    markdown_letter,
    signup_text,
    when_text,
)
from cafe.reports.markdown_text import md_block, md_escape
from cafe.reports.model import IdeaView, ReportModel, SignupView
from cafe.reports.planning import planning_sheets, principles
from cafe.reports.safe import safe_text
from cafe.reports.working_deck import hosts_line, when_where
from cafe.resources import templates_dir
from cafe.storage.sqlite_log import shell_word


@cache
def environment() -> Environment:
    """The Jinja2 environment over ``templates/reports`` (autoescape for ``.html.j2``)."""
    env = Environment(
        loader=FileSystemLoader(str(templates_dir() / "reports")),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["md_block"] = md_block
    return env


def _joined(names: Sequence[str], tr: Callable[..., str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {tr('reports.and')} {names[-1]}"


def _fence(lines: Sequence[str]) -> str:
    """A code fence longer than any run of backticks in ``lines``."""
    longest = max((len(run) for line in lines for run in re.findall("`+", line)), default=0)
    return "`" * max(3, longest + 1)


def signup_lists(
    model: ReportModel, tr: Callable[..., str]
) -> list[tuple[str, tuple[SignupView, ...]]]:
    """(heading, people) per theme that has a list or sign-ups, then those with no theme."""
    lists = [(th.name, th.signups) for th in model.themes if th.signup or th.signups]
    if model.general_signups:
        lists.append((tr("reports.summary.signups_general"), model.general_signups))
    return lists


def context(model: ReportModel, steps: Sequence[Step] = ()) -> dict[str, Any]:
    """Everything the templates use."""
    tr = Translator(model.lang)

    def where(round_number: int, table: int) -> str:
        if round_number and table:
            return tr("reports.summary.idea_meta", round=round_number, table=table)
        if round_number:
            return tr("reports.summary.idea_meta_round", round=round_number)
        return tr("reports.summary.idea_meta_none")

    def idea_meta(idea: IdeaView) -> str:
        """Where it came up, and where its merged duplicates did ("runda 4, bord 1; runda
        2, bord 3"): the working group sees an idea that came up at several tables."""
        return "; ".join(where(r, t) for r, t in ((idea.round, idea.table), *idea.also))

    def signup_count(people: Sequence[SignupView]) -> str:
        """How many are on a list: what the participants' copy says instead of names."""
        if not people:
            return tr("reports.summary.signup_none")
        return tr("reports.summary.signup_count", count=len(people))

    def reminder(form: str) -> str:
        """The working group's reminder to purge, its command as code (``form``: "html"
        or "md"); the participants' copy has none."""
        if model.participants_copy or not model.retention_until:
            return ""
        if not model.folder:
            return tr("reports.retention_reminder_plain", until=model.retention_until)
        command = f"cafe purge {shell_word(Path(model.folder))} --personal-data"
        text = tr("reports.retention_reminder", until=model.retention_until, command="\0")
        before, _, after = text.partition("\0")
        if form == "html":
            return Markup("{}<code>{}</code>{}").format(before, command, after)
        ticks = "`" * (max((len(r) for r in re.findall("`+", command)), default=0) + 1)
        gap, after_gap = " " * before.endswith(" "), " " * after.startswith(" ")
        return f"{md_escape(before)}{gap}{ticks}{command}{ticks}{after_gap}{md_escape(after)}"

    def ideas_intro() -> str:
        """ "Alla 117 idéer …", "Båda idéerna …", none: as Swedish says it, and under
        themes only when some idea was put under one."""
        count = len(model.ideas)
        if not count:
            return tr("reports.summary.ideas_intro_none")
        themed = any(th.ideas for th in model.themes)
        key = "reports.summary.ideas_intro" if themed else "reports.summary.ideas_intro_unthemed"
        return tr(f"{key}_two") if count == 2 else tr(key, count=count)

    minutes = int(sum(float(step.minutes) for step in steps))
    return {
        "m": model,
        "s": tr,
        "when_where": when_where(model, tr),
        "hosts_line": hosts_line(model, tr),
        "hosts": _joined(model.cohosts, tr),
        "when_text": when_text(model, tr),
        "hosts_contact": hosts_text(model, tr),
        # The letters in Markdown are written from the same blocks as the .docx and the
        # e-mail: two texts of one letter had drifted apart (dates, challenge, signature).
        "feedback_letter": markdown_letter(feedback_blocks(model)),
        "invitation_letter": markdown_letter(invitation_blocks(model, steps)),
        "signup_text": signup_text(model, tr),
        "has_time": bool(model.start and model.end),
        "sectors": [(tr(f"reports.sector.{s}"), n) for s, n in model.sector_counts],
        "sheets": planning_sheets(model, tr),
        "principles": principles(tr),
        "signup_lists": signup_lists(model, tr),
        "idea_meta": idea_meta,
        "signup_count": signup_count,
        "reminder": reminder,
        "ideas_intro": ideas_intro(),
        "steps": [
            (
                safe_text(step.title),
                int(step.minutes) if float(step.minutes).is_integer() else step.minutes,
            )
            for step in steps
        ],
        "duration": tr("reports.invitation.hours", hours=minutes // 60, minutes=minutes % 60)
        if minutes
        else "",
        "fence": _fence(model.feedback_addresses),
        "people_count": model.present or model.registered,
        # Those without an address who came with an organisation can be reached through
        # it; the others are named, as there is no organisation to go through.
        "consented_missing": model.without_address - len(model.unreached_private),
        "private_missing": len(model.unreached_private),
        "private_names": _joined(model.unreached_private, tr),
    }


def render(name: str, model: ReportModel, steps: Sequence[Step] = ()) -> str:
    """Render ``templates/reports/<name>.j2`` for ``model``."""
    return environment().get_template(f"{name}.j2").render(**context(model, steps))
