"""`cafe purge DIR --personal-data`: names and contacts out of the meeting, for good.

The store does the irreversible part (``cafe.storage.purge``); this command asks first,
takes the folder's lock so no running meeting holds an old copy, and removes the files in
the folder that were written from personal data: the report in ``DIR/out`` and the logs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from cafe.cli import add_lang_option
from cafe.cli.common import add_folder_argument, folder_to_change, say, warn
from cafe.core.errors import CafeError, Problem
from cafe.i18n import t
from cafe.storage.purge import count_personal_data, purge_personal_data

#: Files in the meeting folder written from personal data (besides ``meeting.db``).
DERIVED_FILES = ("cafe.log", "server.log", "demo-log.json")
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


def _derived_files(folder: Path) -> list[Path]:
    from cafe.reports.build import BEFORE_FILES, REPORT_FILES

    out = folder / "out"
    candidates = [folder / name for name in DERIVED_FILES]
    candidates += [out / name for name in (*REPORT_FILES, *BEFORE_FILES)]
    return [path for path in candidates if path.is_file()]


def _confirmed(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(f"{question} ")
    except EOFError:
        return False
    return answer.strip().lower() in YES_WORDS


def run_purge(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    with folder_to_change(args) as service:
        counts = count_personal_data(service.log)
        files = _derived_files(folder)
        say(
            t(
                "cli.purge.summary",
                folder=folder,
                participants=t("count.participants", count=counts.participants),
                signups=t("count.signups", count=counts.signups),
            )
        )
        for path in files:
            say(f"  {path}")
        if not args.yes and not _confirmed(t("cli.purge.question")):
            if not sys.stdin.isatty():
                raise CafeError([Problem(str(folder), t("cli.purge.needs_yes"))])
            say(t("cli.purge.cancelled"))
            return 1
        done = purge_personal_data(service.log, at=time.time())
        removed = []
        for path in files:
            try:
                path.unlink()
                removed.append(path)
            except OSError as error:
                warn(t("cli.purge.file_left", path=path, detail=error.strerror))
        service.log.close()
        say(
            t(
                "cli.purge.done",
                participants=t("count.participants", count=done.participants),
                signups=t("count.signups", count=done.signups),
                files=t("count.files", count=len(removed)),
            )
        )
    return 0
