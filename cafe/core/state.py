"""The meeting state, computed by folding the event log.

``apply`` is the only code that turns events into state, and it is deterministic: the
same events always give the same state, which is what makes restart, export/import and
snapshots safe. It trusts the service to have validated events, but an event that refers
to something gone (an idea deleted in the meantime) is ignored rather than fatal, so a
log can always be replayed.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import msgspec
from msgspec import field
from msgspec.structs import asdict, replace

from cafe.core.events import Event, EventKind
from cafe.core.participants import Participant, Sector
from cafe.core.personal_data import PersonalData, contacts_in
from cafe.core.seating.names import fold as fold_name
from cafe.core.seating.names import name_words
from cafe.core.seating.plan import SeatingPlan, stored_plan
from cafe.core.text import most_careful
from cafe.core.timer import Timer


class Idea(msgspec.Struct, frozen=True):
    """An idea from a table (typed by a facilitator or sent from a phone)."""

    id: str
    text: str
    round: int = 0
    """Café round it came from; 0 when captured outside a round (e.g. the harvest)."""
    table: int = 0
    """Table number; 0 for the circle or when unknown."""
    source: str = "tui"
    at: float = 0.0
    deleted: bool = False
    merged_into: str = ""
    """Set when merged as a duplicate into another idea."""
    theme: str = ""
    earlier_texts: tuple[str, ...] = ()
    """The texts an edit replaced, oldest first: undoing an edit brings the last back.
    The table's own words must not be lost to one slip of a co-host's thumb."""

    @property
    def visible(self) -> bool:
        return not self.deleted and not self.merged_into


class Theme(msgspec.Struct, frozen=True):
    """A group of ideas on the idea board; some get sign-up lists."""

    id: str
    name: str
    signup: bool = False
    deleted: bool = False


class Signup(msgspec.Struct, frozen=True):
    """Someone who wants to keep working on one or more themes."""

    id: str
    name: str
    organisation: str = ""
    email: str = ""
    phone: str = ""
    themes: tuple[str, ...] = ()
    consent: bool = False
    """Agreed that their contact details are stored and shared with the working group."""
    consent_version: str = ""
    at: float = 0.0
    source: str = "tui"
    withdrawn: bool = False
    """Removed by a co-host (or withdrawn at the person's request); undoable."""
    session: str = ""
    """A keyed hash of the phone's browser session: two sign-ups from one phone are one
    person. Never the session id itself."""
    removed_by: str = ""
    """Who removed it (``tui`` or ``console``), for the moderation list."""


class CheckoutNote(msgspec.Struct, frozen=True):
    """A thought or hope someone takes with them (the check-out question)."""

    id: str
    text: str
    author: str = ""
    at: float = 0.0
    source: str = "tui"
    removed: bool = False
    """Removed by a co-host (junk, or someone's wish); undoable, and gone from every view."""
    removed_by: str = ""


class StepVisit(msgspec.Struct, frozen=True):
    """A step was entered at ``at``; it lasted until the next visit began."""

    index: int
    at: float
    by: str = ""
    """``console`` when the co-host's phone moved the step, else the laptop."""


SNAPSHOT_VERSION = 5
"""The shape of ``MeetingState.to_dict``. Raise it whenever that shape changes: a snapshot
of another shape is then ignored and the state replayed from the events, which every
version reads. (Snapshots before version 2 carried no number.)"""


class SnapshotOutdated(ValueError):
    """A snapshot written by another version of ``cafe``: only a cache, so it is skipped."""


class MeetingState(msgspec.Struct):
    """Everything known about a meeting after some prefix of its events."""

    participants: dict[str, Participant] = field(default_factory=dict)
    current_step: int = -1
    """Index into the agenda's steps; -1 before the meeting starts."""
    visits: list[StepVisit] = field(default_factory=list)
    skipped: set[int] = field(default_factory=set)
    """Steps left with "skip" before their time ever ran (a round skipped was not held);
    a step whose timer starts after all is taken off."""
    timers: dict[int, Timer] = field(default_factory=dict)
    seating: dict[str, Any] | None = None
    """The latest seating plan in the seating module's JSON form."""
    spoken: set[str] = field(default_factory=set)
    ideas: dict[str, Idea] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    signups: dict[str, Signup] = field(default_factory=dict)
    checkout: dict[str, CheckoutNote] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)
    """Last number used per id prefix, so ids are never reused after a delete."""
    last_seq: int = 0
    purged: bool = False
    feedback_sent: set[str] = field(default_factory=set)
    """``address_key``s the feedback letter was accepted for by the mail server."""
    high_contrast: bool = False
    """The room's screens in high contrast (``c`` in ``cafe run``): a property of the hall
    and its projector, so it holds after a restart."""

    # -- queries -------------------------------------------------------------

    @property
    def seating_plan(self) -> SeatingPlan:
        """The stored seating plan, typed (read once per plan stored)."""
        return stored_plan(self.seating)

    def present(self) -> list[Participant]:
        """Participants marked present, in registration order."""
        return [p for p in self.participants.values() if p.present]

    def took_part(self) -> list[Participant]:
        """Everyone who was here while the meeting was under way, those who left early
        too, in registration order."""
        return [p for p in self.participants.values() if p.present or p.took_part]

    def visible_ideas(self) -> list[Idea]:
        return [i for i in self.ideas.values() if i.visible]

    def merged_duplicates(self) -> dict[str, list[Idea]]:
        """The duplicates folded into each idea on the board (through merges of merges):
        an idea that came up at three tables carries more weight than one that did not."""
        found: dict[str, list[Idea]] = {}
        for idea in self.ideas.values():
            if idea.deleted or not idea.merged_into:
                continue
            target, seen = idea.merged_into, {idea.id}
            while target in self.ideas and self.ideas[target].merged_into and target not in seen:
                seen.add(target)
                target = self.ideas[target].merged_into
            if target in self.ideas and self.ideas[target].visible:
                found.setdefault(target, []).append(idea)
        return found

    def live_themes(self) -> list[Theme]:
        return [t for t in self.themes.values() if not t.deleted]

    def open_themes(self) -> list[Theme]:
        """Themes one can sign up for: those with a list, or every theme if none has one.

        The one rule for the sign-up form, the console's lists and the service's check.
        """
        live = self.live_themes()
        return [theme for theme in live if theme.signup] or live

    def live_signups(self) -> list[Signup]:
        """One entry per person who signed up (see ``people_who_signed_up``)."""
        return people_who_signed_up([s for s in self.signups.values() if not s.withdrawn])

    def idea_already_at(self, text: str, table: int, round_number: int) -> Idea | None:
        """The idea on the board with this text (case, accents and spacing aside) from
        this table in this round, if there is one: the table's phone may have sent the
        line the co-host is typing in from its paper."""
        wanted = _fold_text(text)
        return next(
            (
                idea
                for idea in self.visible_ideas()
                if idea.table == table
                and idea.round == round_number
                and _fold_text(idea.text) == wanted
            ),
            None,
        )

    def maybe_same_people(self) -> dict[str, str]:
        """Sign-ups kept as two people whose names are alike and whose organisation is the
        same ("Erik Johansson" and "erik johanson" of PRO Hageby, with two e-mails): for
        the first sign-up of each, the other's name. Never merged (namesakes exist, and
        each gave their own contact); pointed out so the co-hosts can remove one."""
        people = self.live_signups()
        found: dict[str, str] = {}
        for number, one in enumerate(people):
            for other in people[number + 1 :]:
                if _maybe_same(one, other):
                    found.setdefault(one.id, other.name)
                    found.setdefault(other.id, one.name)
        return found

    def signed_up_per_theme(self) -> Counter[str]:
        """People on each theme's list, by theme id: the one count the laptop's board,
        the console and the figures show."""
        return Counter(theme for s in self.live_signups() for theme in set(s.themes))

    def live_checkout(self) -> list[CheckoutNote]:
        return [c for c in self.checkout.values() if not c.removed]

    def table_hosts(self) -> frozenset[str]:
        """Who hosts a table, by participant id: with a stored seating plan, everyone it
        makes host in any round, whether they volunteered or the planner appointed them;
        before a plan, those who volunteered (``Participant.host``, the planner's input).
        The one answer participants.csv and ``cafe people list`` give."""
        plan = self.seating_plan
        if plan:
            return plan.all_hosts()
        return frozenset(p.id for p in self.participants.values() if p.host)

    def took_place(self) -> bool:
        """Whether the meeting has been held: a step of its agenda was started, or an idea,
        a sign-up or a check-out thought was saved (typed in from the paper afterwards
        counts too). Registrations and presence do not: a list imported before the day
        may already mark everyone present."""
        return bool(self.visits or self.ideas or self.signups or self.checkout)

    def was_held(self, index: int) -> bool:
        """Whether agenda step ``index`` took place: not skipped, and entered, unless the
        console never ran the agenda (the ideas typed in from paper afterwards). The
        report lists only the questions of rounds held."""
        if index in self.skipped:
            return False
        return not self.visits or any(visit.index == index for visit in self.visits)

    def next_id(self, prefix: str) -> str:
        """The id the next entity with this prefix will get (``p1``, ``i7`` ...)."""
        return f"{prefix}{self.counters.get(prefix, 0) + 1}"

    # -- snapshots -----------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Plain data for a snapshot; ``from_dict`` restores an equal state. The records'
        ``asdict`` is shallow: their fields are immutable (text, numbers, enums, tuples)."""
        return {
            "version": SNAPSHOT_VERSION,
            "participants": [asdict(p) for p in self.participants.values()],
            "current_step": self.current_step,
            "visits": [asdict(v) for v in self.visits],
            "skipped": sorted(self.skipped),
            "timers": {str(k): asdict(v) for k, v in self.timers.items()},
            "seating": self.seating,
            "spoken": sorted(self.spoken),
            "ideas": [asdict(i) for i in self.ideas.values()],
            "themes": [asdict(t) for t in self.themes.values()],
            "signups": [asdict(s) for s in self.signups.values()],
            "checkout": [asdict(c) for c in self.checkout.values()],
            "counters": dict(self.counters),
            "last_seq": self.last_seq,
            "purged": self.purged,
            "feedback_sent": sorted(self.feedback_sent),
            "high_contrast": self.high_contrast,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> MeetingState:
        """The state a snapshot holds; ``SnapshotOutdated`` if another version wrote it."""
        if raw.get("version") != SNAPSHOT_VERSION:
            raise SnapshotOutdated(raw.get("version"))
        participants = {}
        for p in raw["participants"]:
            participants[p["id"]] = Participant(**{**p, "sector": Sector(p["sector"])})
        return cls(
            participants=participants,
            current_step=raw["current_step"],
            visits=[StepVisit(**v) for v in raw["visits"]],
            skipped=set(raw["skipped"]),
            timers={int(k): Timer(**v) for k, v in raw["timers"].items()},
            seating=raw["seating"],
            spoken=set(raw["spoken"]),
            ideas={
                i["id"]: Idea(**{**i, "earlier_texts": tuple(i["earlier_texts"])})
                for i in raw["ideas"]
            },
            themes={t["id"]: Theme(**t) for t in raw["themes"]},
            signups={
                s["id"]: Signup(**{**s, "themes": tuple(s["themes"])}) for s in raw["signups"]
            },
            checkout={c["id"]: CheckoutNote(**c) for c in raw["checkout"]},
            counters=dict(raw["counters"]),
            last_seq=raw["last_seq"],
            purged=raw["purged"],
            feedback_sent=set(raw.get("feedback_sent", ())),
            high_contrast=bool(raw.get("high_contrast", False)),
        )


def _bump(state: MeetingState, entity_id: str) -> None:
    """Remember the highest number used for an id like ``i12``."""
    prefix = entity_id.rstrip("0123456789")
    number = entity_id[len(prefix) :]
    if number.isdigit():
        state.counters[prefix] = max(state.counters.get(prefix, 0), int(number))


_PARTICIPANT_FIELDS = {"name", "organisation", "sector", "email", "phone", "host", "present"}


def _participant(data: dict[str, Any]) -> Participant:
    fields = {k: v for k, v in data.items() if k in _PARTICIPANT_FIELDS}
    if "sector" in fields:
        fields["sector"] = Sector(fields["sector"])
    return Participant(id=data["id"], **fields)


def _under_way(state: MeetingState, person: Participant) -> Participant:
    """``person``, marked as having taken part when present once the meeting is under way:
    past the first step, the door's check-in, where a list imported as present is put
    right and a wrong tick is taken back."""
    if person.present and state.current_step > 0 and not person.took_part:
        return replace(person, took_part=True)
    return person


def apply(state: MeetingState, event: Event) -> MeetingState:
    """Fold one event into the state (in place) and return it."""
    d = event.data
    kind = event.kind
    state.last_seq = max(state.last_seq, event.seq)

    if kind is EventKind.PARTICIPANT_ADDED:
        state.participants[d["id"]] = _under_way(state, _participant(d))
        _bump(state, d["id"])
    elif kind is EventKind.PARTICIPANT_CHANGED:
        old = state.participants.get(d["id"])
        if old is not None:
            changes = {k: v for k, v in d.items() if k in _PARTICIPANT_FIELDS}
            if "sector" in changes:
                changes["sector"] = Sector(changes["sector"])
            state.participants[d["id"]] = _under_way(state, replace(old, **changes))
    elif kind is EventKind.PARTICIPANT_REMOVED:
        state.participants.pop(d["id"], None)
        state.spoken.discard(d["id"])
    elif kind is EventKind.STEP_STARTED:
        index = int(d["index"])
        left = state.current_step
        if d.get("skipped") and 0 <= left != index:
            timer = state.timers.get(left)
            if timer is None or not timer.started:  # skipped; ended early counts as held
                state.skipped.add(left)
        # Leaving a step stops its clock: going back shows its time as it was left.
        for step, timer in list(state.timers.items()):
            if step != index and timer.running:
                state.timers[step] = timer.pause(event.at)
        state.current_step = index
        state.visits.append(StepVisit(index, event.at, str(d.get("by", ""))))
        for person in state.present():
            state.participants[person.id] = _under_way(state, person)
        if index not in state.timers and d.get("seconds", 0) > 0:
            state.timers[index] = Timer(duration=float(d["seconds"]))
    elif kind in _TIMER_KINDS:
        timer = state.timers.get(int(d["step"]))
        if timer is None and kind is EventKind.TIMER_STARTED:
            timer = Timer(duration=float(d.get("seconds", 0)))
        if timer is not None:
            state.timers[int(d["step"])] = _TIMER_KINDS[kind](timer, event)
        if kind in (EventKind.TIMER_STARTED, EventKind.TIMER_RESUMED):
            state.skipped.discard(int(d["step"]))  # gone back to it and held it after all
    elif kind is EventKind.SEATING_PLANNED:
        state.seating = d["plan"]
    elif kind is EventKind.SPEAKER_MARKED:
        if d.get("spoken", True):
            state.spoken.add(d["id"])
        else:
            state.spoken.discard(d["id"])
    elif kind is EventKind.IDEA_CAPTURED:
        state.ideas[d["id"]] = Idea(
            id=d["id"],
            text=d["text"],
            round=int(d.get("round", 0)),
            table=int(d.get("table", 0)),
            source=d.get("source", "tui"),
            at=event.at,
            theme=d.get("theme", ""),
        )
        _bump(state, d["id"])
    elif kind is EventKind.IDEA_EDITED:
        changes = {k: d[k] for k in ("text", "table", "round") if k in d}
        old = state.ideas.get(d["id"])
        if old is not None and "text" in d:
            earlier = old.earlier_texts
            changes["earlier_texts"] = earlier[:-1] if d.get("undo") else (*earlier, old.text)
        _update(state.ideas, d["id"], changes)
    elif kind is EventKind.IDEA_DELETED:
        _update(state.ideas, d["id"], {"deleted": True})
    elif kind is EventKind.IDEA_RESTORED:
        _update(state.ideas, d["id"], {"deleted": False, "merged_into": ""})
    elif kind is EventKind.IDEAS_MERGED:
        for idea_id in d["ids"]:
            if idea_id != d["into"]:
                _update(state.ideas, idea_id, {"merged_into": d["into"]})
        if "text" in d:
            _update(state.ideas, d["into"], {"text": d["text"]})
    elif kind is EventKind.THEME_CREATED:
        state.themes[d["id"]] = Theme(
            id=d["id"], name=d["name"], signup=bool(d.get("signup", False))
        )
        _bump(state, d["id"])
    elif kind is EventKind.THEME_RENAMED:
        _update(state.themes, d["id"], {"name": d["name"]})
    elif kind is EventKind.THEME_DELETED:
        _update(state.themes, d["id"], {"deleted": True})
        for idea in list(state.ideas.values()):
            if idea.theme == d["id"]:
                state.ideas[idea.id] = replace(idea, theme="")
    elif kind is EventKind.IDEA_THEMED:
        _update(state.ideas, d["idea"], {"theme": d.get("theme", "")})
    elif kind is EventKind.THEME_SIGNUP_SET:
        _update(state.themes, d["id"], {"signup": bool(d["signup"])})
    elif kind is EventKind.SIGNED_UP:
        state.signups[d["id"]] = Signup(
            id=d["id"],
            name=d["name"],
            organisation=d.get("organisation", ""),
            email=d.get("email", ""),
            phone=d.get("phone", ""),
            themes=tuple(d.get("themes", ())),
            consent=bool(d.get("consent", False)),
            consent_version=d.get("consent_version", ""),
            at=event.at,
            source=d.get("source", "tui"),
            session=d.get("session", ""),
        )
        _bump(state, d["id"])
    elif kind is EventKind.SIGNUP_WITHDRAWN:
        _update(state.signups, d["id"], {"withdrawn": True, "removed_by": d.get("by", "")})
    elif kind is EventKind.SIGNUP_RESTORED:
        _update(state.signups, d["id"], {"withdrawn": False, "removed_by": ""})
    elif kind is EventKind.CHECKOUT_REMOVED:
        _update(state.checkout, d["id"], {"removed": True, "removed_by": d.get("by", "")})
    elif kind is EventKind.CHECKOUT_RESTORED:
        _update(state.checkout, d["id"], {"removed": False, "removed_by": ""})
    elif kind is EventKind.CHECKOUT_NOTED:
        state.checkout[d["id"]] = CheckoutNote(
            id=d["id"],
            text=d["text"],
            author=d.get("author", ""),
            at=event.at,
            source=d.get("source", "tui"),
        )
        _bump(state, d["id"])
    elif kind is EventKind.PERSONAL_DATA_PURGED:
        _drop_personal_data(state)
        state.purged = True
    elif kind is EventKind.FEEDBACK_SENT:
        state.feedback_sent.add(str(d["to"]))
    elif kind is EventKind.HIGH_CONTRAST_SET:
        state.high_contrast = bool(d["on"])
    return state


def _drop_personal_data(state: MeetingState) -> None:
    """What a purge removed from the log, removed from a state folded before it.

    A program that had the meeting open while it was purged folds the purge event when
    it catches up; without this its next snapshot would write every name back.
    """
    names = {p.name for p in state.participants.values()}
    names |= {s.name for s in state.signups.values()}
    names |= {c.author for c in state.checkout.values()}
    contacts = {p.email for p in state.participants.values()} | {
        p.phone for p in state.participants.values()
    }
    contacts |= {s.email for s in state.signups.values()} | {
        s.phone for s in state.signups.values()
    }
    free = [i.text for i in state.ideas.values()] + [c.text for c in state.checkout.values()]
    free += [t.name for t in state.themes.values()]
    for text in free:
        contacts.update(contacts_in(text))
    found = PersonalData(
        frozenset(n.strip() for n in names if n.strip()),
        frozenset(c.strip() for c in contacts if c.strip()),
    )
    for key, person in state.participants.items():
        state.participants[key] = replace(
            person, name="", email="", phone="", organisation=found.mask(person.organisation)
        )
    for key, signup in state.signups.items():
        state.signups[key] = replace(
            signup, name="", email="", phone="", organisation=found.mask(signup.organisation)
        )
    for key, note in state.checkout.items():
        state.checkout[key] = replace(note, author="", text=found.mask(note.text))
    for key, idea in state.ideas.items():
        state.ideas[key] = replace(idea, text=found.mask(idea.text))
    for key, theme in state.themes.items():
        state.themes[key] = replace(theme, name=found.mask(theme.name))


def _update(table: dict[str, Any], key: str, changes: dict[str, Any]) -> None:
    old = table.get(key)
    if old is not None:
        table[key] = replace(old, **changes)


def _fold_text(text: str) -> str:
    return fold_name(" ".join(text.split()))


def _contacts(signup: Signup) -> set[str]:
    found = set()
    if signup.email.strip():
        found.add("e:" + _fold_text(signup.email))
    digits = "".join(c for c in signup.phone if c.isdigit())
    if digits:
        found.add("p:" + digits[-9:])  # +46 70 ... and 070 ... are one number
    return found


def _name_and_organisation(signup: Signup) -> str:
    """The name and organisation as one key, or "" without an organisation."""
    organisation = _fold_text(signup.organisation)
    return f"{_fold_text(signup.name)}|{organisation}" if organisation else ""


_PARENTHESES = re.compile(r"\([^)]*\)")
"""An organisation in brackets after a name: "Li Wei (Röda Korset)"."""


def _alike_names(a: str, b: str) -> bool:
    """Two names one person may have typed: the words of one among the other's ("Li Wei",
    "Li Wei (Röda Korset)", "Li"), or the same words but for one slip each ("Ana
    Svensson", "Anna Svensson"). "Maria Svensson" and "Karin Svensson" are two people."""
    words_a, words_b = _name_words(a), _name_words(b)
    if not words_a or not words_b:
        return False
    if set(words_a) <= set(words_b) or set(words_b) <= set(words_a):
        return True
    return len(words_a) == len(words_b) and all(
        _one_slip(x, y) for x, y in zip(words_a, words_b, strict=True)
    )


def _maybe_same(one: Signup, other: Signup) -> bool:
    organisation = _fold_text(one.organisation)
    return (
        bool(organisation)
        and organisation == _fold_text(other.organisation)
        and _alike_names(one.name, other.name)
    )


def _name_words(name: str) -> tuple[str, ...]:
    return name_words(_PARENTHESES.sub(" ", name))


def _one_slip(a: str, b: str) -> bool:
    """Equal, one letter added or dropped ("Ana", "Anna"), or one changed in a word of
    four letters or more ("Ali" and "Ari" are two names)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 3 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return len(a) >= 4 and sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _best_written(chosen: str, spellings: list[str]) -> str:
    """``chosen`` as best written among ``spellings`` that differ from it only in case,
    accents or spacing ("Åsa Öberg" over a later "åsa öberg" or "ASA OBERG").

    The latest sign-up still decides *what* the name is (a corrected "Anna" replaces
    "Ana"); only how it is written is kept from the sign-up that took the most care, as a
    quick second sign-up on a phone is typed in lower case and without å, ä, ö.
    """
    same = [s for s in spellings if _fold_text(s) == _fold_text(chosen)]
    return most_careful(same) if same else chosen


def people_who_signed_up(signups: list[Signup]) -> list[Signup]:
    """Sign-ups merged per person: one entry each, their themes the union.

    One person is the same name with the same e-mail or phone (case- and
    accent-insensitive), or the same phone session under a name that is alike
    (``_alike_names``): a phone passed round a table signs up several people, each with
    their own name. A sign-up without contact details joins the same name from the same
    organisation. The merged entry keeps the first sign-up's id and time, the latest
    name and organisation in their best-written spelling (``_best_written``), and the
    contact details of the latest one that gave any: a person who signed up at the
    opening with no theme and later for a theme is one person on that theme's list, not
    also under "no theme yet".
    """
    parent = list(range(len(signups)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[str, int] = {}
    by_session: dict[str, list[int]] = {}
    for number, signup in enumerate(signups):
        name = _fold_text(signup.name)
        for key in {f"{name}|{contact}" for contact in _contacts(signup)}:
            if key in seen:
                parent[root(number)] = root(seen[key])
            else:
                seen[key] = number
        if signup.session:
            earlier = by_session.setdefault(signup.session, [])
            for other in earlier:
                if _alike_names(signups[other].name, signup.name):
                    parent[root(number)] = root(other)
            earlier.append(number)
    # Without contact details, the same name from the same organisation is that person
    # again (from another phone: at the opening on a friend's, later on their own). It
    # joins the earliest such sign-up that has contact details, whether that came before
    # or after it; only when none has any, the earliest. Each joins one sign-up, so two
    # namesakes with different contacts stay two people.
    named: dict[str, int] = {}
    for number, signup in enumerate(signups):
        key = _name_and_organisation(signup)
        if key and (key not in named or (_contacts(signup) and not _contacts(signups[named[key]]))):
            named[key] = number
    for number, signup in enumerate(signups):
        key = _name_and_organisation(signup)
        if key and not _contacts(signup):
            parent[root(number)] = root(named[key])
    groups: dict[int, list[Signup]] = {}
    for number, signup in enumerate(signups):
        groups.setdefault(root(number), []).append(signup)
    merged = []
    for group in groups.values():
        if len(group) == 1:
            merged.append(group[0])
            continue
        first, latest = group[0], group[-1]
        contact = next((s for s in reversed(group) if s.email or s.phone), latest)
        themes = tuple(dict.fromkeys(t for s in group for t in s.themes))
        organisation = latest.organisation or contact.organisation
        merged.append(
            replace(
                contact,
                id=first.id,
                at=first.at,
                name=_best_written(latest.name, [s.name for s in group]),
                organisation=_best_written(organisation, [s.organisation for s in group]),
                themes=themes,
            )
        )
    return sorted(merged, key=lambda s: (s.at, s.id))


_TIMER_KINDS = {
    EventKind.TIMER_STARTED: lambda t, e: t.start(e.at)
    if "seconds" not in e.data
    else replace(t, duration=float(e.data["seconds"])).start(e.at),
    EventKind.TIMER_PAUSED: lambda t, e: t.pause(e.at),
    EventKind.TIMER_RESUMED: lambda t, e: t.resume(e.at),
    EventKind.TIMER_ADJUSTED: lambda t, e: t.adjust(float(e.data["seconds"])),
}


def fold(
    events: list[Event] | tuple[Event, ...], state: MeetingState | None = None
) -> MeetingState:
    """The state after ``events`` (starting from ``state``, e.g. a snapshot)."""
    current = state if state is not None else MeetingState()
    for event in events:
        apply(current, event)
    return current
