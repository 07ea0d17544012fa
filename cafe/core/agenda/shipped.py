"""The agendas that come with ``cafe``, and finding one by name or path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cafe.core.agenda.reader import load_agenda
from cafe.core.errors import CafeError, Problem
from cafe.resources import agendas_dir


@dataclass(frozen=True, slots=True)
class ShippedAgenda:
    """An agenda that comes with ``cafe`` (``cafe agenda list``)."""

    name: str
    """What to type: ``idemote.sv`` (the file name without ``.toml``)."""
    path: Path
    title: str
    language: str
    rounds: int
    """Number of café rounds."""
    planned_minutes: float


def _shipped_paths() -> list[Path]:
    folder = agendas_dir()
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def _name(path: Path) -> str:
    return path.name.removesuffix(".toml")


def list_shipped() -> list[ShippedAgenda]:
    """The agendas that come with ``cafe``, by name."""
    shipped = []
    for path in _shipped_paths():
        agenda = load_agenda(path)
        shipped.append(
            ShippedAgenda(
                name=_name(path),
                path=path,
                title=agenda.meta.title,
                language=agenda.meta.language,
                rounds=len(agenda.cafe_rounds),
                planned_minutes=agenda.planned_minutes,
            )
        )
    return shipped


def _shipped_copy(text: str, paths: list[Path]) -> Path | None:
    """The shipped agenda a missing path under ``agendas/`` names, or ``None``.

    ``agendas/idemote-kort.sv.toml`` exists only in the repository's root; typed anywhere
    else it means the shipped agenda of that file name.
    """
    parts = [part for part in text.replace("\\", "/").split("/") if part]
    if len(parts) < 2 or parts[-2] != "agendas" or Path(text).exists():
        return None
    wanted = parts[-1].casefold().removesuffix(".toml")
    return next((p for p in paths if _name(p).casefold() == wanted), None)


def resolve_agenda(name_or_path: str | Path) -> Path:
    """The file for a shipped agenda's name or a path the user typed.

    A file that exists wins (a meeting folder means its ``agenda.toml``); otherwise
    ``idemote.sv``, ``idemote.sv.toml`` and ``idemote`` (when only one language exists)
    name shipped agendas, and so does a path under ``agendas/`` that does not exist here
    (the guide's ``agendas/idemote-kort.sv.toml`` typed outside the repository). Anything
    else is a ``CafeError`` listing the shipped names.
    """
    given = Path(name_or_path)
    if given.is_file():
        return given
    if given.is_dir() and (given / "agenda.toml").is_file():
        return given / "agenda.toml"
    text = str(name_or_path).strip()
    wanted = text.casefold().removesuffix(".toml")
    paths = _shipped_paths()
    names = [_name(p) for p in paths]
    exact = [p for p in paths if _name(p).casefold() == wanted]
    if exact:
        return exact[0]
    stems = [p for p in paths if _name(p).casefold().split(".")[0] == wanted]
    if len(stems) == 1:
        return stems[0]
    if len(stems) > 1:
        raise CafeError(
            [
                Problem.coded(
                    "agenda.problem.ambiguous",
                    name=text,
                    names=", ".join(_name(p) for p in stems),
                )
            ]
        )
    if "/" in text or "\\" in text or given.exists():
        shipped = _shipped_copy(text, paths)
        if shipped is not None:
            return shipped
        raise CafeError([Problem.coded("agenda.problem.not_found", where=text)])
    raise CafeError(
        [Problem.coded("agenda.problem.unknown_agenda", name=text, names=", ".join(names))]
    )
