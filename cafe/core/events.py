"""The meeting's append-only event log, as data.

Every change to a meeting is one event: a kind (past tense, ``idea_captured``), the time
it happened by the meeting's clock, and a JSON-able payload. The state is whatever
folding the events gives (see ``state.py``); nothing else is ever written. Events carry
plain dicts rather than a class per kind so that the log, the export and the import
share one shape, and so that an old log still loads after a new kind is added.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import msgspec
from msgspec import field


class EventKind(StrEnum):
    """Every kind of event a meeting can record."""

    PARTICIPANT_ADDED = "participant_added"
    PARTICIPANT_CHANGED = "participant_changed"
    PARTICIPANT_REMOVED = "participant_removed"
    STEP_STARTED = "step_started"
    TIMER_STARTED = "timer_started"
    TIMER_PAUSED = "timer_paused"
    TIMER_RESUMED = "timer_resumed"
    TIMER_ADJUSTED = "timer_adjusted"
    SEATING_PLANNED = "seating_planned"
    SPEAKER_MARKED = "speaker_marked"
    IDEA_CAPTURED = "idea_captured"
    IDEA_EDITED = "idea_edited"
    IDEA_DELETED = "idea_deleted"
    IDEA_RESTORED = "idea_restored"
    IDEAS_MERGED = "ideas_merged"
    THEME_CREATED = "theme_created"
    THEME_RENAMED = "theme_renamed"
    THEME_DELETED = "theme_deleted"
    IDEA_THEMED = "idea_themed"
    THEME_SIGNUP_SET = "theme_signup_set"
    SIGNED_UP = "signed_up"
    SIGNUP_WITHDRAWN = "signup_withdrawn"
    SIGNUP_RESTORED = "signup_restored"
    CHECKOUT_NOTED = "checkout_noted"
    CHECKOUT_REMOVED = "checkout_removed"
    CHECKOUT_RESTORED = "checkout_restored"
    PERSONAL_DATA_PURGED = "personal_data_purged"
    FEEDBACK_SENT = "feedback_sent"
    HIGH_CONTRAST_SET = "high_contrast_set"


class Event(msgspec.Struct, frozen=True):
    """One recorded change. ``seq`` is assigned by the store (1, 2, 3 ...)."""

    kind: EventKind
    data: dict[str, Any] = field(default_factory=dict)
    at: float = 0.0
    seq: int = 0
    key: str | None = None
    """Idempotency key: a resent phone submission with the same key is stored once."""

    def to_dict(self) -> dict[str, Any]:
        """Plain data for export (no ``None``: TOML cannot hold it)."""
        out: dict[str, Any] = {
            "seq": self.seq,
            "at": self.at,
            "kind": str(self.kind),
            "data": self.data,
        }
        if self.key is not None:
            out["key"] = self.key
        return out

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Event:
        return cls(
            kind=EventKind(raw["kind"]),
            data=dict(raw.get("data", {})),
            at=float(raw["at"]),
            seq=int(raw.get("seq", 0)),
            key=raw.get("key"),
        )
