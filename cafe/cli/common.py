"""Helpers the subcommands share: opening a folder in the right language, printing."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from cafe.core.service import MeetingService
from cafe.i18n import set_language, t
from cafe.storage.folder import open_meeting


def add_folder_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="DIR", type=Path, help=t("cli.folder_help"))


def open_folder(args: argparse.Namespace) -> MeetingService:
    """Open ``args.folder``; messages follow ``--lang``, else the meeting's language."""
    service = open_meeting(args.folder)
    if not getattr(args, "lang", None):
        set_language(service.agenda.meta.language)
    return service


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def say(text: str) -> None:
    """A line for the user on stdout."""
    print(text)


def warn(text: str) -> None:
    print(text, file=sys.stderr)
