"""`cafe export` and `cafe import`: the whole meeting as TOML or JSON, and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cafe.cli import add_lang_option
from cafe.cli.common import add_folder_argument, open_folder, say, shell_join
from cafe.core.errors import CafeError
from cafe.core.people_csv import looks_like_people_list
from cafe.i18n import t
from cafe.storage.exchange import dumps, export_meeting, import_meeting, loads
from cafe.storage.folder import write_atomically


def register(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser(
        "export", help=t("cli.export.help"), description=t("cli.export.description")
    )
    add_folder_argument(export)
    export.add_argument(
        "--format", choices=("toml", "json"), default="toml", help=t("cli.export.format")
    )
    export.add_argument("--out", type=Path, metavar="FILE", help=t("cli.export.out"))
    add_lang_option(export)
    export.set_defaults(handler=run_export)

    importing = sub.add_parser(
        "import", help=t("cli.import.help"), description=t("cli.import.description")
    )
    importing.add_argument("file", metavar="FILE", type=Path, help=t("cli.import.file"))
    importing.add_argument("folder", metavar="DIR", type=Path, help=t("cli.import.folder"))
    add_lang_option(importing)
    importing.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace) -> int:
    service = open_folder(args)
    text = dumps(export_meeting(service), args.format)
    if args.out is None:
        sys.stdout.write(text)
    else:
        write_atomically(args.out, text)
        say(t("exchange.written", path=args.out))
    return 0


LIST_SUFFIXES = (".csv", ".tsv")
"""Files named like this are participant lists, not exports."""


def _meant_people_import(file: Path, folder: Path) -> CafeError:
    """``cafe import anmalda.csv DIR`` is a slip for ``cafe people import DIR anmalda.csv``."""
    command = shell_join(["cafe", "people", "import", str(folder), str(file)])
    return CafeError(t("cli.import.people_list", file=file, command=command))


def run_import(args: argparse.Namespace) -> int:
    file, folder = args.file, args.folder
    if file.is_dir() and folder.suffix.lower() in LIST_SUFFIXES:  # cafe import DIR list.csv
        raise _meant_people_import(folder, file)
    try:
        raw = file.read_bytes()
    except OSError as error:
        raise CafeError(f"{file}: {error.strerror or error}") from None
    try:
        data = loads(raw.decode("utf-8"), str(file))
    except (UnicodeDecodeError, CafeError) as error:
        if file.suffix.lower() in LIST_SUFFIXES or looks_like_people_list(raw):
            raise _meant_people_import(file, folder) from None
        if isinstance(error, CafeError):
            raise
        raise CafeError(f"{file}: {error}") from None
    import_meeting(data, folder, str(file))
    say(t("cli.import.done", path=folder))
    return 0
