"""Errors a user can cause and fix: each one says what is wrong and where."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cafe.i18n import t


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a user's input.

    ``where`` points at it as precisely as the input allows: ``agenda.toml:12:5``,
    ``steps[3].minutes``, ``people.csv row 7``. ``message`` says what is wrong, already
    translated.
    """

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


def row_where(source: str, row: int) -> str:
    """``people.csv row 7`` (``rad 7`` in Swedish): where a problem in a table file is."""
    return t("csv.row_where", source=source, row=row)


class CafeError(Exception):
    """A user error: shown as a message with exit code 1, never as a traceback."""

    def __init__(self, problems: Iterable[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem("", problems)]
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


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
            t(
                "store.damaged_event",
                seq=seq,
                detail=t(f"store.damaged_detail.{detail}"),
                folder=folder,
            )
        )
