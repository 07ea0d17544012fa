"""Collects every problem while an agenda is built, each with its file, line and key.

Co-hosts write agendas by hand, so reading one never stops at the first mistake.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from cafe.core.agenda.model import MAX_MINUTES
from cafe.core.errors import Message, Problem

_Locate = Callable[[str], "tuple[int, int] | None"]
MISSING = object()

TOP_KEYS = ("meeting", "tables", "privacy", "web", "steps")
META_KEYS = (
    "title", "challenge", "date", "place", "language", "cohosts", "feedback_by", "contact",
    "start", "end", "register_by",
)  # fmt: skip
COHOST_KEYS = ("name", "organisation", "sector", "email")
TABLE_KEYS = ("size_min", "size_target", "size_max", "circle_below")
PRIVACY_KEYS = ("retention_days",)
WEB_KEYS = ("where_do_i_sit",)
STEP_KEYS = ("kind", "title", "minutes", "question", "text", "notes")


def got(value: object) -> Message:
    """What was found instead, for messages: ``the text "tjugo"``, ``a list``."""
    if isinstance(value, bool):
        key = "bool"
    elif isinstance(value, int):
        key = "integer"
    elif isinstance(value, float):
        key = "float"
    elif isinstance(value, str):
        key = "text"
    elif isinstance(value, list):
        return Message("agenda.type.list")
    elif isinstance(value, dict):
        return Message("agenda.type.table")
    elif isinstance(value, dt.date | dt.time):
        key = "date"
    else:
        return Message("agenda.type.other")
    quoted = str(value).lower() if isinstance(value, bool) else shown(value)
    if isinstance(value, dt.date | dt.time):
        quoted = value.isoformat()
    return Message(f"agenda.type.{key}", {"value": quoted})


def shown(value: object) -> str:
    """A value as a message quotes it: short, on one line."""
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


class Checker:
    """Collects every problem while building an ``Agenda`` from parsed TOML."""

    def __init__(self, source: str, locate: _Locate | None) -> None:
        self.source = source
        self.locate = locate
        self.problems: list[Problem] = []
        self._lines: list[int | None] = []
        self.misspelt: set[str] = set()
        """Keys an unknown key was taken for: not "missing" as well (one mistake, one message)."""

    def add(self, path: str, code: str, **values: Any) -> None:
        """A problem at ``path`` (``steps[2].minutes``), said by a catalogue ``code``."""
        place = self.locate(path) if self.locate else None
        where = f"{self.source}:{place[0]}:{place[1]}" if place else self.source
        if path:
            where = f"{where}: {path}" if where else path
        self.problems.append(Problem.coded(code, where=where, **values))
        self._lines.append(place[0] if place else None)

    def sorted_problems(self) -> list[Problem]:
        """In the order of the file's lines; problems without a line come last."""
        order = sorted(
            range(len(self.problems)),
            key=lambda i: (self._lines[i] is None, self._lines[i] or 0, i),
        )
        return [self.problems[i] for i in order]

    # -- containers

    def table(self, data: Mapping[str, Any], key: str, path: str) -> Mapping[str, Any]:
        value = data.get(key, MISSING)
        if value is MISSING:
            return {}
        if not isinstance(value, dict):
            self.add(path, "agenda.problem.want_table", got=got(value))
            return {}
        return value

    def keys(self, data: Mapping[str, Any], allowed: Iterable[str], path: str) -> None:
        allowed = list(allowed)
        for key in data:
            if key in allowed:
                continue
            where = f"{path}.{key}" if path else key
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            if close:
                self.add(where, "agenda.problem.unknown_key_hint", key=key, hint=close[0])
                self.misspelt.add(f"{path}.{close[0]}" if path else close[0])
            else:
                self.add(
                    where,
                    "agenda.problem.unknown_key",
                    key=key,
                    valid=", ".join(allowed),
                )

    # -- scalars

    def text(
        self,
        data: Mapping[str, Any],
        key: str,
        path: str,
        default: str = "",
        *,
        required: bool = False,
    ) -> str:
        where = f"{path}.{key}" if path else key
        value = data.get(key, MISSING)
        if value is MISSING:
            if required and where not in self.misspelt:
                self.add(where, "agenda.problem.missing")
            return default
        if not isinstance(value, str):
            self.add(where, "agenda.problem.want_text", got=got(value))
            return default
        if required and not value.strip():
            self.add(where, "agenda.problem.empty")
        return value

    def integer(
        self, data: Mapping[str, Any], key: str, path: str, default: int, low: int, high: int
    ) -> int:
        where = f"{path}.{key}"
        value = data.get(key, MISSING)
        if value is MISSING:
            return default
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(where, "agenda.problem.want_integer", got=got(value))
            return default
        if not low <= value <= high:
            self.add(where, "agenda.problem.range", low=low, high=high, value=value)
            return default
        return value

    def boolean(self, data: Mapping[str, Any], key: str, path: str, default: bool) -> bool:
        value = data.get(key, MISSING)
        if value is MISSING:
            return default
        if not isinstance(value, bool):
            self.add(f"{path}.{key}", "agenda.problem.want_bool", got=got(value))
            return default
        return value

    def minutes(self, data: Mapping[str, Any], path: str) -> float:
        where = f"{path}.minutes"
        value = data.get("minutes", MISSING)
        if value is MISSING:
            if where not in self.misspelt:
                self.add(where, "agenda.problem.missing")
            return 1
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(where, "agenda.problem.want_number", got=got(value))
            return 1
        if not value > 0 or value != value:  # also NaN
            self.add(where, "agenda.problem.minutes_positive", value=shown(value))
            return 1
        if value > MAX_MINUTES:
            self.add(where, "agenda.problem.minutes_too_long", value=shown(value), max=MAX_MINUTES)
            return 1
        return value

    def choice(
        self, data: Mapping[str, Any], key: str, path: str, choices: Iterable[str], default: str
    ) -> str | None:
        """A text that must be one of ``choices``; ``None`` if it is not."""
        where = f"{path}.{key}"
        value = self.text(data, key, path, default)
        if value in choices:
            return value
        if data.get(key, MISSING) is MISSING or not isinstance(data.get(key), str):
            return None
        choices = list(choices)
        close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
        if close:
            self.add(where, "agenda.problem.bad_choice_hint", value=shown(value), hint=close[0])
        else:
            valid = ", ".join(f'"{c}"' for c in choices)
            self.add(where, "agenda.problem.bad_choice", value=shown(value), valid=valid)
        return None
