"""Helpers the subcommands share: opening a folder in the right language, printing."""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cafe.core.service import MeetingService
from cafe.i18n import set_language, t
from cafe.storage.folder import open_meeting
from cafe.storage.lock import meeting_lock


def add_folder_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="DIR", type=Path, help=t("cli.folder_help"))


def open_folder(args: argparse.Namespace) -> MeetingService:
    """Open ``args.folder``; messages follow ``--lang``, else the meeting's language."""
    service = open_meeting(args.folder)
    if not getattr(args, "lang", None):
        set_language(service.agenda.meta.language)
    return service


@contextlib.contextmanager
def folder_to_change(args: argparse.Namespace) -> Iterator[MeetingService]:
    """Open ``args.folder`` holding its lock, for a command that changes the meeting.

    While ``cafe run`` has the meeting open, its screen and phones work from its own copy;
    a change made beside it would not be seen there. So the command is refused with a
    message naming the running program, and the change is made in the TUI instead.
    """
    service = open_folder(args)  # a clear message if there is no meeting; sets the language
    try:
        with meeting_lock(Path(args.folder)):
            service.catch_up()  # what was stored between opening and locking
            yield service
    finally:
        service.log.close()


_PLAIN_WORD = re.compile(r"[\w@%+=:,./-]+")


def shell_join(words: list[str]) -> str:
    """A command to copy into a terminal, quoted only where the shell needs it.

    As ``shlex.join``, but ``förening`` and ``möte/ö`` stay as typed (letters are safe).
    """
    return " ".join(w if _PLAIN_WORD.fullmatch(w) else shlex.quote(w) for w in words)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def say(text: str) -> None:
    """A line for the user on stdout."""
    print(text)


def warn(text: str) -> None:
    print(text, file=sys.stderr)
