"""The feedback letter and the invitation as a short list of blocks.

Word (``docx_out``), the e-mail's HTML and plain text (``mail_out``) all render these same
blocks, so a letter says the same thing however it arrives. The recipient list never is a
block: the letter a participant gets shows no one else's address.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from cafe.core.agenda import Step, challenge_in_sentence, one_question_mark
from cafe.core.participants import Sector
from cafe.i18n import Translator
from cafe.reports.markdown_text import md_block, md_escape
from cafe.reports.model import HostContact, ReportModel, ThemeView
from cafe.reports.safe import safe_text


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of a letter: a heading, a paragraph, a list or label/value facts."""

    kind: str
    """``title``, ``lead``, ``heading``, ``para``, ``bullets``, ``numbered``, ``facts``,
    ``signature`` or ``small``."""
    text: str = ""
    items: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()


def joined(names: Sequence[str], tr: Callable[..., str]) -> str:
    """ "A", "A och B", "A, B och C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {tr('reports.and')} {names[-1]}"


def theme_people(theme: ThemeView, tr: Callable[..., str]) -> str:
    """Where a theme's volunteers come from: "från 3 organisationer: A; B, C; D; och 2
    privatpersoner". Organisation names hold commas ("Borås stad, Gymnasieförvaltningen")
    and "och" ("Fritids- och folkhälsoförvaltningen"), so semicolons part them, as
    Swedish punctuation does for a list whose items have commas, and the count says how
    many there are; people on their own behalf are counted, not named as an
    organisation. One sentence, so the Word letter, the e-mail and the Markdown agree."""
    names, private = theme.organisations, theme.private_persons
    if not names:
        return tr("count.private_persons", count=private) if private else ""
    organisations = tr("count.organisations", count=len(names))
    if not private:
        return tr(
            "reports.feedback.theme_orgs", organisations=organisations, names="; ".join(names)
        )
    return tr(
        "reports.feedback.theme_orgs_private",
        organisations=organisations,
        names="; ".join(names),
        private=tr("count.private_persons", count=private),
    )


def host_contact(host: HostContact, tr: Callable[..., str], *, with_org: bool = True) -> str:
    """ "Anna Lindqvist, Socialförvaltningen (anna@hageby.se)"."""
    who = f"{host.name}, {host.organisation}" if with_org and host.organisation else host.name
    return tr("reports.letters.contact", who=who, email=host.email) if host.email else who


def _ordered_hosts(model: ReportModel) -> list[HostContact]:
    """Civil society first, as the invitation's text names them."""
    return sorted(model.hosts, key=lambda h: 0 if h.sector is Sector.CIVIL else 1)


def long_date(iso: str, tr: Callable[..., str], *, weekday: bool = True) -> str:
    """ "torsdag 3 december 2026" ("3 december 2026" without ``weekday``); the text
    itself if it is not an ISO date."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    month = tr("reports.letters.months").split(",")[day.month - 1]
    if not weekday:
        return tr("reports.letters.day_month_year", day=day.day, month=month, year=day.year)
    name = tr("reports.letters.weekdays").split(",")[day.weekday()]
    return tr("reports.letters.long_date", weekday=name, day=day.day, month=month, year=day.year)


def clock(value: str, lang: str) -> str:
    """ "18.00" in Swedish, "18:00" in English."""
    return value.replace(":", ".") if lang == "sv" else value


def when_text(model: ReportModel, tr: Callable[..., str]) -> str:
    """The invitation's "when": date and time, as far as they are known."""
    if not model.date:
        return tr("reports.invitation.unknown")
    day = long_date(model.date, tr)
    if model.start and model.end:
        return tr(
            "reports.letters.when_span",
            day=day,
            start=clock(model.start, model.lang),
            end=clock(model.end, model.lang),
        )
    if model.start:
        return tr("reports.letters.when_start", day=day, start=clock(model.start, model.lang))
    return day


def hosts_text(model: ReportModel, tr: Callable[..., str], *, with_org: bool = True) -> str:
    """The co-hosts with their addresses, or the agenda's names, or ""."""
    if model.hosts:
        return joined([host_contact(h, tr, with_org=with_org) for h in _ordered_hosts(model)], tr)
    return joined(list(model.cohosts), tr)


def signup_text(model: ReportModel, tr: Callable[..., str]) -> str:
    """How to register: to whom (their addresses), by when, and what to write."""
    with_mail = [h for h in _ordered_hosts(model) if h.email]
    if not with_mail:  # the deadline still stands without an address (it was dropped)
        if model.register_by:
            return tr("reports.invitation.signup_by", date=long_date(model.register_by, tr))
        return tr("reports.invitation.signup")
    names = [host_contact(h, tr, with_org=False) for h in with_mail]
    to = (
        f"{', '.join(names[:-1])} {tr('reports.letters.or')} {names[-1]}"
        if len(names) > 1
        else names[0]
    )
    if model.register_by:
        return tr("reports.letters.signup_by", to=to, date=long_date(model.register_by, tr))
    return tr("reports.letters.signup_to", to=to)


def signature(model: ReportModel) -> str:
    """The hosts' names, one a line; "Värdarna för idémötet" when the agenda names none,
    so a letter never ends on "Varma hälsningar" and nothing."""
    names = [h.name for h in _ordered_hosts(model)] or list(model.cohosts)
    return "\n".join(names) or Translator(model.lang)("reports.letters.unnamed_signature")


def invitation_blocks(model: ReportModel, steps: Sequence[Step] = ()) -> list[Block]:
    """The invitation: the question, why come, when, where, who hosts, how to register."""
    tr = Translator(model.lang)
    challenge = challenge_in_sentence(model.challenge or model.title, model.lang)
    facts = [
        (tr("reports.invitation.when"), when_text(model, tr)),
        (tr("reports.invitation.where"), model.place or tr("reports.invitation.unknown")),
    ]
    minutes = int(sum(float(step.minutes) for step in steps))
    if minutes and not (model.start and model.end):
        duration = tr("reports.invitation.hours", hours=minutes // 60, minutes=minutes % 60)
        facts.append(
            (
                tr("reports.invitation.length"),
                tr("reports.invitation.length_value", duration=duration),
            )
        )
    hosts = hosts_text(model, tr)
    facts.append(
        (
            tr(
                "reports.invitation.host"
                if (len(model.hosts) or len(model.cohosts)) == 1
                else "reports.invitation.hosts"
            ),
            f"{hosts}. {tr('reports.invitation.hosts_text')}"
            if hosts
            else tr("reports.invitation.hosts_text"),
        )
    )
    blocks = [
        Block("title", one_question_mark(tr("reports.invitation.question", challenge=challenge))),
        Block("lead", tr("reports.invitation.title", title=model.title)),
        Block("para", tr("reports.invitation.intro", challenge=challenge)),
        Block("para", tr("reports.invitation.welcome")),
        Block("para", tr("reports.invitation.not_every")),
        Block("heading", tr("reports.invitation.practical")),
        Block("facts", pairs=tuple(facts)),
    ]
    if steps:
        blocks.append(Block("heading", tr("reports.invitation.program")))
        items = []
        for step in steps:
            step_minutes = float(step.minutes)
            shown = int(step_minutes) if step_minutes.is_integer() else step_minutes
            items.append(
                tr("reports.invitation.program_line", title=safe_text(step.title), minutes=shown)
            )
        blocks.append(Block("numbered", items=tuple(items)))
    blocks += [
        Block("para", tr("reports.invitation.bring")),
        Block("heading", tr("reports.letters.register_heading")),
        Block("para", signup_text(model, tr)),
        Block("para", tr("reports.letters.rule_one")),
    ]
    if model.retention_days:
        blocks.append(
            Block(
                "small",
                tr(
                    "reports.retention",
                    count=model.retention_days,
                    days=model.retention_days,
                    until=model.retention_until,
                ),
            )
        )
    blocks.append(Block("para", tr("reports.invitation.welcome_end")))
    blocks.append(Block("signature", signature(model)))
    return blocks


def feedback_subject(model: ReportModel) -> str:
    tr = Translator(model.lang)
    return tr(
        "reports.feedback.subject",
        challenge=challenge_in_sentence(model.challenge or model.title, model.lang),
    )


def feedback_blocks(model: ReportModel, *, attachment: bool = False) -> list[Block]:
    """The letter to everyone who took part, as each of them gets it: no recipient list."""
    tr = Translator(model.lang)
    challenge = challenge_in_sentence(model.challenge or model.title, model.lang)
    when = (
        tr("reports.feedback.when", date=long_date(model.date, tr, weekday=False))
        if model.date
        else ""
    )
    people = model.present or model.registered
    blocks = [
        Block("title", feedback_subject(model)),
        Block("para", tr("reports.feedback.greeting")),
        Block(
            "para",
            tr(
                # The thanks names what the four rounds asked; a skipped round was not talked about.
                "reports.feedback.thanks"
                if model.every_round_held
                else "reports.feedback.thanks_some",
                challenge=challenge,
                when=when,
            ),
        ),
        Block("heading", tr("reports.feedback.what_came")),
        Block(
            "para",
            tr(
                "reports.feedback.numbers",
                people=tr("count.people", count=people),
                organisations=tr("count.organisations", count=len(model.organisations)),
                ideas=tr("count.ideas", count=len(model.ideas)),
            ),
        ),
    ]
    with_ideas = [th for th in model.themes if th.ideas]
    lists_only = [th for th in model.themes if not th.ideas and th.signups]
    if with_ideas:
        blocks += [
            Block("para", tr("reports.feedback.themes")),
            Block("bullets", items=tuple(_theme_line(th, tr) for th in with_ideas)),
        ]
    elif model.ideas:  # a working group to sort them only if someone signed up
        key = "reports.feedback.no_themes" if model.signups else "reports.feedback.no_themes_nobody"
        blocks.append(Block("para", tr(key)))
    if lists_only:  # lists for themes no idea was put under: not where ideas were gathered
        blocks += [
            Block("para", tr("reports.feedback.lists_only")),
            Block("bullets", items=tuple(_theme_line(th, tr) for th in lists_only)),
        ]
    blocks.append(Block("heading", tr("reports.feedback.continues")))
    if model.signups:
        count = len(model.signups)
        blocks.append(
            Block("para", tr("reports.feedback.continues_text", count=count, people=count))
        )
    else:
        blocks.append(Block("para", tr("reports.feedback.nobody")))
    blocks += [
        Block("para", tr("reports.feedback.not_every_idea")),
        Block("heading", tr("reports.feedback.join_later")),
    ]
    hosts = hosts_text(model, tr, with_org=False)
    named = len(model.hosts) or len(model.cohosts)
    if not named:  # nobody to name: the agenda's contact, else a reply reaches the sender
        how = "contact" if model.contact else "reply"
        key = "join_later" if model.signups else "join_later_nobody"
        text = tr(f"reports.feedback.{key}_{how}", contact=model.contact)
    elif model.signups:
        text = tr(
            "reports.feedback.join_later_text",
            count=named,
            hosts=tr("reports.feedback.hosts", names=hosts) if hosts else "",
        )
    else:  # no working group to put anyone in touch with
        text = tr(
            "reports.feedback.join_later_nobody",
            count=named,
            hosts=tr("reports.feedback.hosts_end", names=hosts) if hosts else "",
        )
    blocks.append(Block("para", text))
    if attachment:
        blocks.append(Block("para", tr("reports.letters.attachment")))
    blocks.append(Block("para", tr("reports.feedback.closing")))
    blocks.append(Block("signature", signature(model)))
    return blocks


def _theme_line(theme: ThemeView, tr: Callable[..., str]) -> str:
    """ "Mötesplatser: 3 idéer, 2 vill fortsätta (från …)"; no count for a theme that had
    no list (nobody could sign up: "0 vill fortsätta" read as if nobody cared), "nobody
    yet" for an empty list, and no idea count for a list no idea was put under."""
    people = len(theme.signups)
    ideas = tr("count.ideas", count=len(theme.ideas))
    if not theme.ideas:
        line = tr("reports.feedback.list_line", count=people, theme=theme.name, people=people)
    elif theme.signup and not people:
        line = tr("reports.feedback.theme_line_none", theme=theme.name, ideas=ideas)
    elif theme.signup or theme.signups:
        line = tr(
            "reports.feedback.theme_line",
            count=people,
            theme=theme.name,
            ideas=ideas,
            people=people,
        )
    else:
        line = tr("reports.feedback.theme_line_no_list", theme=theme.name, ideas=ideas)
    who = theme_people(theme, tr)
    return f"{line} ({who})" if who else line


def markdown_letter(blocks: Sequence[Block]) -> str:
    """A letter's blocks as Markdown: the .md beside the .docx says the same words."""
    parts = []
    for block in blocks:
        if block.kind == "title":
            parts.append(f"# {md_escape(block.text)}")
        elif block.kind == "heading":
            parts.append(f"## {md_escape(block.text)}")
        elif block.kind == "lead":
            parts.append(f"**{md_escape(block.text)}**")
        elif block.kind == "bullets":
            parts.append("\n".join(f"- {md_block(item, 2)}" for item in block.items))
        elif block.kind == "numbered":
            parts.append(
                "\n".join(f"{n}. {md_block(item, 3)}" for n, item in enumerate(block.items, 1))
            )
        elif block.kind == "facts":
            parts.append(
                "\n".join(f"- **{md_escape(k)}:** {md_block(v, 2)}" for k, v in block.pairs)
            )
        elif block.kind == "signature":
            parts.append("  \n".join(md_escape(line) for line in block.text.splitlines()))
        else:  # para, small
            parts.append(md_block(block.text))
    return "\n\n".join(parts) + "\n"
