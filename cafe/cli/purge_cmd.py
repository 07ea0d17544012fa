"""`cafe purge DIR --personal-data`: names and contacts out of the meeting, for good.

The store does the irreversible part (``cafe.storage.purge``); this command takes the
folder's lock and refuses while any other program has ``meeting.db`` open (it would keep
the old pages); it reads every file in the folder, whatever its name, and deletes those
holding a name, an address or a number (the report in ``DIR/out``, the logs, exports
saved beside them), as well as ``cafe rehearse`` copies of the meeting; it refuses
before changing anything when a file cannot be looked into or the agenda names someone.
Afterwards it reads every byte of every file again, and says it is done only when none of
it is left.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from cafe.cli import add_lang_option
from cafe.cli.common import add_folder_argument, folder_to_change, say, warn
from cafe.core.errors import CafeError, Problem
from cafe.core.personal_data import PersonalData, personal_data
from cafe.i18n import t
from cafe.storage.folder import AGENDA_FILE, DB_FILE, REHEARSAL_REPORT, rehearsal_copies
from cafe.storage.folder_scan import Verdict, folder_files, scan_file
from cafe.storage.lock import LOCK_FILE
from cafe.storage.open_files import holders
from cafe.storage.purge import count_personal_data, purge_personal_data
from cafe.storage.sqlite_log import SqliteEventLog

#: Files in the meeting folder written from personal data (besides ``meeting.db``).
DERIVED_FILES = ("cafe.log", "server.log", "demo-log.json")
#: The store itself (purged in place) and files that never hold personal data.
STORE_FILES = (DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm", f"{DB_FILE}-journal", LOCK_FILE)
YES_WORDS = frozenset({"ja", "j", "yes", "y"})


def register(sub: argparse._SubParsersAction) -> None:
    purge = sub.add_parser(
        "purge", help=t("cli.purge.help"), description=t("cli.purge.description")
    )
    add_folder_argument(purge)
    purge.add_argument(
        "--personal-data", action="store_true", required=True, help=t("cli.purge.personal_data")
    )
    purge.add_argument("--yes", action="store_true", help=t("cli.purge.yes"))
    add_lang_option(purge)
    purge.set_defaults(handler=run_purge)


@dataclass(slots=True)
class _Plan:
    """What the purge will do to the folder's other files, decided before asking."""

    delete: list[Path]
    unknown: list[Path]
    agenda: bool
    """The agenda names someone: it is the co-hosts' file, so they edit it, not cafe."""


def _plan(folder: Path, found: PersonalData) -> _Plan:
    """Every file in the folder, whatever its name: delete, keep, or cannot tell."""
    reports = (folder / "out", folder / REHEARSAL_REPORT)
    plan = _Plan([], [], False)
    for path in folder_files(folder):
        if path.parent == folder and path.name in STORE_FILES:
            continue
        derived = (path.parent == folder and path.name in DERIVED_FILES) or any(
            report in path.parents for report in reports
        )
        verdict = scan_file(path, found)
        if path == folder / AGENDA_FILE:
            plan.agenda = verdict is Verdict.PERSONAL
        elif derived or verdict is Verdict.PERSONAL:
            plan.delete.append(path)
        elif verdict is Verdict.UNKNOWN:
            plan.unknown.append(path)
    return plan


def _refuse_while_open(folder: Path) -> None:
    """Refuse while another program has the database open (its pages would survive)."""
    others = holders(folder / name for name in STORE_FILES[:4])
    if others:
        listed = "; ".join(t("cli.purge.process", pid=h.pid, command=h.command) for h in others)
        raise CafeError(
            [Problem.coded("cli.purge.held_open", where=str(folder / DB_FILE), processes=listed)]
        )


def _refuse_what_cannot_be_cleaned(folder: Path, plan: _Plan) -> None:
    problems = [Problem.coded("cli.purge.unknown_file", where=str(path)) for path in plan.unknown]
    if plan.agenda:
        problems.append(Problem.coded("cli.purge.agenda_personal", where=str(folder / AGENDA_FILE)))
    if problems:
        raise CafeError([*problems, Problem.coded("cli.purge.nothing_changed", where=str(folder))])


def _confirmed(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(f"{question} ")
    except EOFError:
        return False
    return answer.strip().lower() in YES_WORDS


def _left_behind(folder: Path, found: PersonalData) -> list[Path]:
    """Every file still holding a name, an address or a number, read byte by byte."""
    return [p for p in folder_files(folder) if scan_file(p, found) is Verdict.PERSONAL]


def run_purge(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    with folder_to_change(args) as service:
        _refuse_while_open(folder)
        log = service.log
        assert isinstance(log, SqliteEventLog)
        found = personal_data(log.read())
        counts = count_personal_data(log)
        plan = _plan(folder, found)
        _refuse_what_cannot_be_cleaned(folder, plan)
        copies = rehearsal_copies(log.get_meta("meeting_token") or "")
        for copy in copies:
            _refuse_while_open(copy)
        say(
            t(
                "cli.purge.summary",
                folder=folder,
                participants=t("count.participants", count=counts.participants),
                signups=t("count.signups", count=counts.signups),
            )
        )
        for path in [*plan.delete, *copies]:
            say(f"  {path}")
        if not args.yes and not _confirmed(t("cli.purge.question")):
            if not sys.stdin.isatty():
                raise CafeError([Problem.coded("cli.purge.needs_yes", where=str(folder))])
            say(t("cli.purge.cancelled"))
            return 1
        done = purge_personal_data(log, at=time.time(), found=found)
        removed = []
        for path in plan.delete:
            try:
                path.unlink()
                removed.append(path)
            except OSError as error:
                warn(t("cli.purge.file_left", path=path, detail=error.strerror))
        for copy in copies:
            shutil.rmtree(copy.parent, ignore_errors=True)
            removed.append(copy)
        log.close()
    left = _left_behind(folder, found) + [c for c in copies if c.exists()]
    if left:
        raise CafeError([Problem.coded("cli.purge.still_there", where=str(path)) for path in left])
    say(
        t(
            "cli.purge.done",
            participants=t("count.participants", count=done.participants),
            signups=t("count.signups", count=done.signups),
            files=t("count.files", count=len(removed)),
        )
    )
    return 0
