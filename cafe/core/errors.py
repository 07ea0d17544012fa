"""Errors a user can cause and fix: each one says what is wrong and where.

The core says *what* with a code, a catalogue key such as ``text.required``, and the
values it needs; each front end puts it into words in its own language when it shows it
(the CLI and TUI in the laptop's language through ``str()``, a phone page in the phone's
language through ``problem.text(page.tr)``), so one error never mixes two languages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol, runtime_checkable

import msgspec
from msgspec import field

from cafe.i18n import t

VERBATIM = "text.verbatim"
"""The code of words that come from outside the catalogue, shown as they are."""

Translate = Callable[..., str]
"""``t``-like: ``translate(key, **values)`` in one language (``cafe.i18n.Translator``)."""


@runtime_checkable
class Wording(Protocol):
    """A message's value put into words in the language the message is shown in.

    ``Message`` is one; so is a list of words that differs by language (the sector words
    a CSV may use), which is not a catalogue entry.
    """

    def text(self, translate: Translate | None = None) -> str: ...


class Message(msgspec.Struct, frozen=True):
    """A sentence not yet put into words: a catalogue key and its values.

    A value that is itself a ``Message`` (a field's name in ``text.required``) or another
    ``Wording`` is put into words in the same language.
    """

    code: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash(self.code)  # the values may be a dict; equal messages share a code

    def text(self, translate: Translate | None = None) -> str:
        """The sentence in ``translate``'s language (the current language if ``None``)."""
        say = translate or t
        values = {
            key: value.text(translate) if isinstance(value, Wording) else value
            for key, value in self.values.items()
        }
        return say(self.code, **values)

    def __str__(self) -> str:
        return self.text()


Where = str | Message
"""A position: as written when it needs no words, else a ``Message`` (``csv.row_where``)."""


class Problem(msgspec.Struct, frozen=True):
    """One thing wrong with a user's input.

    ``where`` points at it as precisely as the input allows: as it is written when it
    needs no words (``agenda.toml:12:5``, ``steps[3].minutes``), or as a ``Message`` put
    into words when shown, like the message (``people.csv row 7`` is ``rad 7`` in
    Swedish). ``message`` says what is wrong as a code. ``field`` names the form field it
    is about (``email``), so a front end can show it there.
    """

    where: Where
    message: Message
    field: str = ""

    @classmethod
    def coded(cls, code: str, *, field: str = "", where: Where = "", **values: Any) -> Problem:
        """``Problem.coded("text.bad_email", field="email", value=...)``."""
        return cls(where, Message(code, values), field)

    @property
    def code(self) -> str:
        """The catalogue key (``text.verbatim`` for words from outside the catalogue)."""
        return self.message.code

    @property
    def values(self) -> Mapping[str, Any]:
        return self.message.values

    def text(self, translate: Translate | None = None) -> str:
        """What is wrong, without the position, in ``translate``'s language.

        A form shows it next to ``field``, where the position would only repeat it.
        """
        return self.message.text(translate)

    def place(self, translate: Translate | None = None) -> str:
        """Where it is wrong, in ``translate``'s language (``""`` if nowhere in particular)."""
        return self.where.text(translate) if isinstance(self.where, Message) else self.where

    def line(self, translate: Translate | None = None) -> str:
        """``people.csv rad 7: ...``: the position and what is wrong, as the CLI prints it."""
        message = self.text(translate)
        place = self.place(translate)
        return f"{place}: {message}" if place else message

    def __str__(self) -> str:
        return self.line()


def row_where(source: str, row: int) -> Message:
    """``people.csv row 7`` (``rad 7`` in Swedish): where a problem in a table file is."""
    return Message("csv.row_where", {"source": source, "row": row})


def cell_where(where: Where, column: str) -> Message:
    """``people.csv row 7, column "E-post"``: a cell of a row, put into words when shown."""
    return Message("csv.cell_where", {"where": where, "column": column})


def deeper(where: Where, step: str) -> Where:
    """``where`` one step further in (``[2]``, ``.round``, ``: rounds[0]``), still put into
    words only when shown: the step joins an export event's ``field``, or follows the
    position (``text.place_in``)."""
    if isinstance(where, str):
        return f"{where}{step}"
    if where.code == "exchange.event_where":
        return Message(where.code, {**where.values, "field": f"{where.values['field']}{step}"})
    return Message("text.place_in", {"where": where, "step": step})


def row_of(where: Where) -> int:
    """The row a position made by ``row_where`` names, also inside a cell's (0 if none).

    Problems found in different passes over a file are sorted by it, to read top down.
    """
    while isinstance(where, Message):
        if where.code == "csv.row_where":
            return int(where.values["row"])
        where = where.values.get("where", "")
    return 0


class CafeError(Exception):
    """A user error: shown as a message with exit code 1, never as a traceback.

    Its text is made when it is shown, so a coded problem reads in the language of
    whoever shows it. A plain sentence (a front end's, already in its user's language,
    or an operating system's) is kept word for word as ``text.verbatim``.
    """

    def __init__(self, problems: Iterable[Problem] | Message | str) -> None:
        if isinstance(problems, str):
            problems = Message(VERBATIM, {"text": problems})
        if isinstance(problems, Message):
            problems = [Problem("", problems)]
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(self.problems)

    def text(self, translate: Translate | None = None) -> str:
        """Every problem, one a line, in ``translate``'s language."""
        return "\n".join(problem.line(translate) for problem in self.problems)

    def __str__(self) -> str:
        return self.text()


class JustMoved(CafeError):
    """The other co-host moved the step a moment ago (``STEP_GRACE``): both pressing
    "next" within a second moved the meeting two steps and skipped a round. Nothing is
    changed; a press after the grace goes through."""


class ChangedMeanwhile(CafeError):
    """Someone else changed the text the user was replacing since the user saw it (a theme
    renamed at the laptop while the console's field was open): saving would overwrite
    their change unseen. ``now`` is the text as it is now, for the user to see."""

    def __init__(self, message: Message, now: str) -> None:
        self.now = now
        super().__init__(message)


class ValidationError(CafeError):
    """Input that was read but does not follow its schema; carries *all* problems."""


class StoreError(CafeError):
    """The meeting store cannot be read or written (missing, read-only, disk full)."""


class StoreConflict(StoreError):
    """Another program wrote to the meeting since this one last read it.

    Writing on from the stale copy could reuse its ids and hide its events behind a
    snapshot, so the write is refused; the service catches up and the user tries again.
    """


class DamagedEvent(StoreError):
    """A stored event cannot be read or folded: the log was changed outside ``cafe``.

    Carries the event's sequence number, so the message can name it and ``cafe export``
    can leave it out and save the rest.
    """

    def __init__(self, seq: int, detail: str, folder: str = "DIR") -> None:
        self.seq = seq
        self.detail = detail
        self.folder = folder
        super().__init__(
            Message(
                "store.damaged_event",
                {"seq": seq, "detail": Message(f"store.damaged_detail.{detail}"), "folder": folder},
            )
        )
