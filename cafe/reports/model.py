"""A read-only view of a meeting, shaped for reports.

Every writer (slides, documents, CSV) reads this one view, so they agree on what counts:
which ideas are visible, which themes they fall under, whose contact details may be shown.
All text is made safe for XML here, once, because a log may hold anything an older
version or an import let through.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cafe.core.agenda.model import Agenda, Step, StepKind
from cafe.core.contact_rule import Purpose, Source, may_use
from cafe.core.figures import meeting_figures
from cafe.core.participants import Participant, Sector, is_private_person, match_key, same_person
from cafe.core.state import MeetingState, Signup
from cafe.core.text import collation_key, most_careful
from cafe.i18n import Translator
from cafe.reports.safe import safe_text, sort_key
from cafe.storage.folder import REHEARSAL_PREFIX

if TYPE_CHECKING:
    from cafe.core.service import MeetingService


@dataclass(frozen=True, slots=True)
class IdeaView:
    """One visible idea."""

    id: str
    text: str
    round: int
    table: int
    also: tuple[tuple[int, int], ...] = ()
    """Round and table of the duplicates merged into it: the same idea came up there too."""

    def came_up(self) -> tuple[int, int]:
        """How many tables, and how many rounds, it came up at (its merged duplicates'
        too): the working group weighs an idea raised at three tables differently."""
        places = ((self.round, self.table), *self.also)
        return len({t for _, t in places if t}), len({r for r, _ in places if r})


@dataclass(frozen=True, slots=True)
class SignupView:
    """A sign-up; ``email``/``phone`` are empty unless the person consented."""

    id: str
    name: str
    organisation: str
    email: str
    phone: str
    consent: bool
    at: float
    themes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ThemeView:
    """A theme with its ideas and the people who want to continue with it."""

    id: str
    name: str
    signup: bool
    ideas: tuple[IdeaView, ...]
    signups: tuple[SignupView, ...]
    coming_from: tuple[str, ...] = ()
    """Each sign-up's organisation, as registered when the sign-up is a participant's (a
    phone's "asa oberg" with no organisation is Åsa of Gymnasieförvaltningen)."""

    @property
    def organisations(self) -> tuple[str, ...]:
        """The organisations its volunteers come from, each once however it was typed
        (in its most careful spelling: the letter said "PRO hageby" from a quick phone
        sign-up where the list had "PRO Hageby"); not "Privatperson"."""
        return one_spelling_each(o for o in self.coming_from if not is_private_person(o))

    @property
    def private_persons(self) -> int:
        """Volunteers on their own behalf: counted, since they name no organisation."""
        return sum(1 for organisation in self.coming_from if is_private_person(organisation))


@dataclass(frozen=True, slots=True)
class PersonView:
    """A participant, or someone who signed up without being registered: a row of
    participants.csv. Contact details only when a sign-up of theirs gave consent."""

    id: str
    name: str
    organisation: str
    sector: Sector | None
    """``None`` for a sign-up by someone not registered: the sign-up does not ask."""
    present: bool
    host: bool
    email: str
    phone: str
    themes: tuple[str, ...]
    letter: bool = False
    """Gets the feedback letter under rule 1 (``cafe.core.contact_rule``)."""
    registered: bool = True
    """On the participant list; ``False`` for someone known only from a sign-up."""


@dataclass(frozen=True, slots=True)
class Recipient:
    """Someone the feedback letter goes to, and why that address may be used."""

    name: str
    email: str
    source: Source
    who: str = ""
    """The ``PersonView`` it reaches (a participant's or a sign-up's id), so
    participants.csv says yes for exactly the people on this list."""


@dataclass(frozen=True, slots=True)
class HostContact:
    """A co-host as the invitation names them: who, from where, and where to write."""

    name: str
    organisation: str
    email: str
    sector: Sector


@dataclass(frozen=True, slots=True)
class Question:
    """A café round's question, as the agenda asked it."""

    round: int
    text: str
    minutes: int


@dataclass(frozen=True, slots=True)
class ReportModel:
    """Everything a report shows about one meeting."""

    lang: str
    title: str
    challenge: str
    date: str
    place: str
    cohosts: tuple[str, ...]
    registered: int
    present: int
    sector_counts: tuple[tuple[Sector, int], ...]
    """Counted over those present, or over everyone registered when nobody is marked."""
    organisations: tuple[str, ...]
    questions: tuple[Question, ...]
    """The questions of the rounds held (a skipped round's is left out)."""
    every_round_held: bool
    """No café round of the agenda was skipped: the letter may say what all four asked."""
    themes: tuple[ThemeView, ...]
    unthemed: tuple[IdeaView, ...]
    general_signups: tuple[SignupView, ...]
    """Sign-ups that chose no theme (or only themes deleted since)."""
    signups: tuple[SignupView, ...]
    people: tuple[PersonView, ...]
    checkout: tuple[str, ...]
    retention_days: int | None
    retention_until: str
    """The last day contact details may be kept (ISO date), or "" without a period."""
    generated: str
    recipients: tuple[Recipient, ...] = ()
    """Who the feedback letter goes to (rule 1), one per address, in name order."""
    start: str = ""
    """``18:00`` or ""."""
    end: str = ""
    register_by: str = ""
    """ISO date, or ""."""
    hosts: tuple[HostContact, ...] = ()
    """The named co-hosts with their contact (empty names left out)."""
    folder: str = ""
    """The meeting folder, absolute, for the purge reminder; "" when unknown or when it
    is a rehearsal's temporary copy (deleted when the rehearsal ends)."""
    made_at: float | None = None
    """When the report was made, by the meeting's clock: the files' created date."""
    contact: str = ""
    """The agenda's "who to contact afterwards" (a name, an address), or ""."""
    feedback_by: str = ""
    """ISO date by which everyone gets the feedback letter, or "" (the closing says it)."""
    participants_copy: bool = False
    """The copy every participant gets (``for_participants``): the lists are counted,
    never named."""

    @property
    def ideas(self) -> tuple[IdeaView, ...]:
        """Every visible idea, themed ones first, each exactly once."""
        return tuple(i for th in self.themes for i in th.ideas) + self.unthemed

    @property
    def core_team(self) -> tuple[str, ...]:
        """ "Name, organisation" of everyone who signed up, in sign-up order."""
        return _unique(_name_org(s.name, s.organisation) for s in self.signups)

    @property
    def feedback_addresses(self) -> tuple[str, ...]:
        """The letter's addresses under rule 1: registrations and consenting sign-ups."""
        return tuple(r.email for r in self.recipients)

    @property
    def without_address(self) -> int:
        """People who took part but whom the letter cannot reach by e-mail."""
        return len(self._unreached())

    @property
    def unreached_private(self) -> tuple[str, ...]:
        """The names of those the letter cannot reach who came without an organisation:
        there is no organisation to reach them through."""
        return tuple(p.name for p in self._unreached() if is_private_person(p.organisation))

    def _unreached(self) -> list[PersonView]:
        registered = [p for p in self.people if p.registered]
        counted = [p for p in registered if p.present] or registered
        return [p for p in counted if not p.letter]

    def checkout_selection(self, limit: int = 6, max_chars: int = 220) -> tuple[str, ...]:
        """A few check-out thoughts for a slide: short enough to read, spread over the list,
        each once (three people writing "Energi!" is one thought on the slide)."""
        seen: set[str] = set()
        distinct = []
        for thought in self.checkout:
            said = _key(thought).rstrip(".!?… ")
            if said not in seen:
                seen.add(said)
                distinct.append(thought)
        short = [c for c in distinct if len(c) <= max_chars] or distinct
        if len(short) <= limit:
            return tuple(short)
        step = len(short) / limit
        return tuple(short[int(i * step)] for i in range(limit))


def for_participants(model: ReportModel) -> ReportModel:
    """``model`` as every participant may see it: the summary attached to the letter.

    The sign-up page promised that only the hosts and the working group see who signed
    up, so each sign-up keeps its place (the lists are still counted) but loses its name,
    organisation, e-mail address and phone number; the people and the recipient list go.
    The co-hosts' own contact stays."""

    def bare(signups: tuple[SignupView, ...]) -> tuple[SignupView, ...]:
        return tuple(replace(s, name="", organisation="", email="", phone="") for s in signups)

    return replace(
        model,
        signups=bare(model.signups),
        general_signups=bare(model.general_signups),
        themes=tuple(replace(th, signups=bare(th.signups), coming_from=()) for th in model.themes),
        people=(),
        recipients=(),
        participants_copy=True,
    )


def _unique(values: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def one_spelling_each(names: Iterable[str]) -> tuple[str, ...]:
    """Each name once however it was typed (``match_key``), in its most careful spelling,
    in the order first met."""
    spellings: dict[str, list[str]] = {}
    for name in names:
        if name:
            spellings.setdefault(match_key(name), []).append(name)
    return tuple(most_careful(found) for found in spellings.values())


def _name_org(name: str, organisation: str) -> str:
    return f"{name}, {organisation}" if organisation else name


def _cohost_names(raw: Any) -> tuple[str, ...]:
    if not raw:
        return ()
    if isinstance(raw, str):
        raw = [raw]
    names = []
    for host in raw:
        if isinstance(host, str):
            names.append(safe_text(host))
        elif isinstance(host, dict):
            names.append(safe_text(_name_org(host.get("name", ""), host.get("organisation", ""))))
        else:
            name = safe_text(getattr(host, "name", host))
            org = safe_text(getattr(host, "organisation", ""))
            names.append(_name_org(name, org))
    return tuple(n for n in names if n)


def _retention_days(agenda: Any) -> int | None:
    privacy = getattr(agenda, "privacy", None)
    days = getattr(privacy, "retention_days", None)
    if days is None and isinstance(privacy, dict):
        days = privacy.get("retention_days")
    try:
        return int(days) if days else None
    except (TypeError, ValueError):
        return None


def _retention_until(meeting_date: str, started: float | None, now: float, days: int | None) -> str:
    """The meeting day (the agenda's date, else the day it started, else today) plus
    the retention period: when the working group must purge the contact details."""
    if not days:
        return ""
    try:
        day = date.fromisoformat(meeting_date)
    except ValueError:
        day = datetime.fromtimestamp(started if started is not None else now).date()
    return (day + timedelta(days=days)).isoformat()


def _signup_view(signup: Signup, live_theme_ids: set[str]) -> SignupView:
    shared = may_use(Source.SIGNUP, Purpose.WORKING_GROUP, consent=signup.consent)
    return SignupView(
        id=signup.id,
        name=safe_text(signup.name),
        organisation=safe_text(signup.organisation),
        email=safe_text(signup.email) if shared else "",
        phone=safe_text(signup.phone) if shared else "",
        consent=signup.consent,
        at=signup.at,
        themes=tuple(t for t in signup.themes if t in live_theme_ids),
    )


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _owners(everyone: list[Participant], signups: list[SignupView]) -> dict[str, str]:
    """Each sign-up's registered participant (by id), if it is one of them: the same
    e-mail address, else ``same_person`` (the one rule for "is this typed person that
    participant": name and organisation, case and accents ignored, an empty organisation
    matching any). The first such participant only, so nobody is two rows or two letters."""
    by_address: dict[str, Participant] = {}
    by_name: dict[str, list[Participant]] = {}
    for person in everyone:
        if match_key(person.email):
            by_address.setdefault(match_key(person.email), person)
        by_name.setdefault(match_key(person.name), []).append(person)
    owners = {}
    for signup in signups:
        owner = by_address.get(match_key(signup.email)) if match_key(signup.email) else None
        if owner is None:
            candidates = by_name.get(match_key(signup.name), [])
            owner = next(
                (p for p in candidates if same_person(signup.name, signup.organisation, p)), None
            )
        if owner is not None:
            owners[signup.id] = owner.id
    return owners


def _signups_of(signups: list[SignupView], owners: dict[str, str]) -> dict[str, list[SignupView]]:
    """Each registered participant's sign-ups, by participant id (see ``_owners``)."""
    mine: dict[str, list[SignupView]] = {}
    for signup in signups:
        if signup.id in owners:
            mine.setdefault(owners[signup.id], []).append(signup)
    return mine


def _letter_address(person: Participant, match: list[SignupView]) -> str:
    """Where the feedback letter reaches ``person`` under rule 1: the address given when
    registering, else one given with consent on a sign-up list; "" if neither."""
    registered = safe_text(person.email).strip()
    if registered and may_use(Source.REGISTRATION, Purpose.FEEDBACK_LETTER, consent=False):
        return registered
    return next(
        (
            s.email
            for s in match
            if s.email and may_use(Source.SIGNUP, Purpose.FEEDBACK_LETTER, consent=s.consent)
        ),
        "",
    )


def _person_view(
    person: Participant,
    match: list[SignupView],
    theme_names: dict[str, str],
    letter: bool,
    host: bool,
) -> PersonView:
    """A participant as reports show them; ``match`` is their sign-ups (contact details
    from the consenting ones only); ``host``: hosts a table (``table_hosts``)."""
    themes = _unique(theme_names.get(t, "") for s in match for t in s.themes)
    consenting = [s for s in match if s.consent]
    shared = may_use(Source.REGISTRATION, Purpose.WORKING_GROUP, consent=bool(consenting))
    return PersonView(
        id=person.id,
        name=safe_text(person.name),
        organisation=safe_text(person.organisation),
        sector=person.sector,
        present=person.present or person.took_part,  # was there, if not to the end
        host=host,
        email=safe_text(person.email) if shared else "",
        phone=safe_text(person.phone or next((s.phone for s in consenting if s.phone), ""))
        if shared
        else "",
        themes=themes,
        letter=letter,
    )


def _signed_up_only(signup: SignupView, theme_names: dict[str, str], letter: bool) -> PersonView:
    """Someone who signed up without being registered (a phone at the sign-up step): a
    row of their own, as the letter may reach them; the sign-up's contact details are
    already empty without consent (``_signup_view``)."""
    return PersonView(
        id=signup.id,
        name=signup.name,
        organisation=signup.organisation,
        sector=None,
        present=False,
        host=False,
        email=signup.email,
        phone=signup.phone,
        themes=_unique(theme_names.get(t, "") for t in signup.themes),
        letter=letter,
        registered=False,
    )


def _recipients(
    counted: list[Participant],
    signups: list[SignupView],
    owners: dict[str, str],
    lang: str,
) -> tuple[Recipient, ...]:
    """Rule 1 applied: one address per person who took part (the one registered, else a
    consenting sign-up's), then consenting sign-ups by people not among them; each
    address once however it is spelt, in name order."""
    found: dict[str, Recipient] = {}
    mine = _signups_of(signups, owners)
    for person in counted:
        address = _letter_address(person, mine.get(person.id, []))
        if address:
            source = (
                Source.REGISTRATION if address == safe_text(person.email).strip() else Source.SIGNUP
            )
            found.setdefault(
                address.casefold(), Recipient(safe_text(person.name), address, source, person.id)
            )
    counted_ids = {p.id for p in counted}
    for signup in signups:
        owner = owners.get(signup.id, "")
        if owner in counted_ids or not signup.email:
            continue
        if may_use(Source.SIGNUP, Purpose.FEEDBACK_LETTER, consent=signup.consent):
            found.setdefault(
                signup.email.casefold(),
                Recipient(signup.name, signup.email, Source.SIGNUP, owner or signup.id),
            )
    return tuple(sorted(found.values(), key=lambda r: collation_key(r.name, lang)))


def _people(
    everyone: list[Participant],
    signups: list[SignupView],
    owners: dict[str, str],
    theme_names: dict[str, str],
    reached: set[str],
    hosts: frozenset[str],
) -> list[PersonView]:
    """participants.csv's rows: everyone registered, then everyone who signed up without
    being registered, each person once; ``reached`` are the ids the letter goes to,
    ``hosts`` those who host a table."""
    mine = _signups_of(signups, owners)
    rows = [
        _person_view(p, mine.get(p.id, []), theme_names, p.id in reached, p.id in hosts)
        for p in everyone
    ]
    rows += [
        _signed_up_only(s, theme_names, s.id in reached) for s in signups if s.id not in owners
    ]
    return rows


def build_model(service: MeetingService, lang: str) -> ReportModel:
    """The report view of ``service``'s meeting, with labels in ``lang``."""
    state = service.state
    agenda = service.agenda
    meta = agenda.meta
    tr = Translator(lang)

    everyone = list(state.participants.values())
    figures = meeting_figures(state)
    counted = list(figures.counted)

    live_themes = state.live_themes()
    live_ids = {th.id for th in live_themes}
    signups = sorted(
        (_signup_view(s, live_ids) for s in state.live_signups()),
        key=lambda s: collation_key(s.name, tr.lang),
    )
    ideas = sorted(state.visible_ideas(), key=lambda i: (i.round or 99, i.table, i.at, i.id))

    merged = state.merged_duplicates()

    def idea_view(idea: Any) -> IdeaView:
        return _view_of(idea, [(d.round, d.table) for d in merged.get(idea.id, ())])

    owners = _owners(everyone, signups)
    registered_as = {p.id: safe_text(p.organisation) for p in everyone}
    themes = []
    for theme in live_themes:
        volunteers = tuple(s for s in signups if theme.id in s.themes)
        themes.append(
            ThemeView(
                id=theme.id,
                name=safe_text(theme.name),
                signup=theme.signup,
                ideas=tuple(idea_view(i) for i in ideas if i.theme == theme.id),
                signups=volunteers,
                coming_from=tuple(
                    registered_as.get(owners.get(s.id, ""), "") or s.organisation
                    for s in volunteers
                ),
            )
        )
    unthemed = tuple(idea_view(i) for i in ideas if i.theme not in live_ids)
    themes = [replace(th, ideas=tuple(i for i in th.ideas if i.text)) for th in themes]
    unthemed = tuple(i for i in unthemed if i.text)

    questions = tuple(
        Question(round=int(step.round or n), text=safe_text(step.question), minutes=step.minutes)
        for n, (index, step) in enumerate(_rounds(agenda), start=1)
        if safe_text(step.question) and _held(state, index, int(step.round or n))
    )
    theme_names = {th.id: th.name for th in themes}
    recipients = _recipients(counted, signups, owners, tr.lang)
    reached = {r.who for r in recipients}
    people = tuple(
        sorted(
            _people(everyone, signups, owners, theme_names, reached, state.table_hosts()),
            key=lambda p: collation_key(p.name, tr.lang),
        )
    )
    checkout = tuple(
        text for text in (safe_text(c.text, multiline=True) for c in state.live_checkout()) if text
    )
    now = datetime.fromtimestamp(service.clock.now()).strftime("%Y-%m-%d")
    return ReportModel(
        lang=tr.lang,
        title=safe_text(meta.title),
        challenge=safe_text(meta.challenge),
        date=safe_text(meta.date or ""),
        place=safe_text(meta.place or ""),
        cohosts=_cohost_names(getattr(meta, "cohosts", ())),
        registered=figures.registered,
        present=figures.took_part,  # who was there: those who left early too
        sector_counts=figures.by_sector,
        organisations=tuple(
            sorted(
                one_spelling_each(
                    safe_text(p.organisation)
                    for p in counted
                    if not is_private_person(p.organisation)
                ),
                key=sort_key,
            )
        ),
        questions=questions,
        every_round_held=len(questions)
        == sum(1 for _, step in _rounds(agenda) if safe_text(step.question)),
        themes=tuple(themes),
        unthemed=unthemed,
        general_signups=tuple(s for s in signups if not s.themes),
        signups=tuple(signups),
        people=people,
        checkout=checkout,
        retention_days=_retention_days(agenda),
        retention_until=_retention_until(
            meta.date or "",
            min((v.at for v in state.visits), default=None),
            service.clock.now(),
            _retention_days(agenda),
        ),
        generated=now,
        folder=_folder(service),
        made_at=service.clock.now(),
        recipients=recipients,
        start=safe_text(getattr(meta, "start", "")),
        end=safe_text(getattr(meta, "end", "")),
        register_by=safe_text(getattr(meta, "register_by", "")),
        contact=safe_text(getattr(meta, "contact", "")),
        feedback_by=safe_text(getattr(meta, "feedback_by", "")),
        hosts=tuple(
            HostContact(safe_text(h.name), safe_text(h.organisation), safe_text(h.email), h.sector)
            for h in getattr(meta, "cohosts", ())
            if safe_text(getattr(h, "name", ""))
        ),
    )


def _folder(service: MeetingService) -> str:
    """Where the meeting is kept (``open_meeting`` notes it on the service)."""
    folder = getattr(service, "folder", None)
    if folder is None:
        return ""
    path = Path(folder).resolve()
    if any(part.startswith(REHEARSAL_PREFIX) for part in path.parts):
        return ""
    return str(path)


def _view_of(idea: Any, also: Sequence[tuple[int, int]] = ()) -> IdeaView:
    here = (idea.round, idea.table)
    return IdeaView(
        id=idea.id,
        text=safe_text(idea.text, multiline=True),
        round=idea.round,
        table=idea.table,
        also=tuple(sorted({where for where in also if where != here})),
    )


def _rounds(agenda: Agenda) -> list[tuple[int, Step]]:
    """The café rounds with their place in the agenda."""
    return [(i, step) for i, step in enumerate(agenda.steps) if step.kind is StepKind.CAFE_ROUND]


def _held(state: MeetingState, index: int, round_number: int) -> bool:
    """A round's question was discussed: the round took place (not skipped, see
    ``MeetingState.was_held``), or ideas were written down in it."""
    return state.was_held(index) or any(i.round == round_number for i in state.visible_ideas())
