"""`cafe export` and `cafe import`: the whole meeting as TOML or JSON, and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cafe.cli import add_lang_option
from cafe.cli.common import add_folder_argument, open_folder, say, shell_join, warn
from cafe.core.errors import CafeError, DamagedEvent
from cafe.core.people_csv import looks_like_people_list
from cafe.i18n import set_language, t
from cafe.storage.exchange import dumps, export_meeting, import_meeting, loads, salvage_meeting
from cafe.storage.folder import TokenMissing
from cafe.storage.output import write_file


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
    """Write the export; with damaged events in the log, write the rest and name them."""
    damaged: list[DamagedEvent] = []
    no_token: TokenMissing | None = None
    try:
        data = export_meeting(open_folder(args))
    except (DamagedEvent, TokenMissing) as error:
        no_token = error if isinstance(error, TokenMissing) else None
        data, damaged = salvage_meeting(args.folder)
        if not args.lang:
            set_language(data["agenda"].get("meeting", {}).get("language"))
    text = dumps(data, args.format)
    if args.out is None:
        sys.stdout.write(text)
    else:
        write_file(args.out, text.encode("utf-8"), option="--out")
        say(t("exchange.written", path=args.out))
    if no_token is not None:
        for problem in no_token.problems:
            warn(str(problem))
    if not damaged:
        return 0 if no_token is None else 1
    for error in damaged:
        detail = t(f"store.damaged_detail.{error.detail}")
        warn(t("exchange.left_out", seq=error.seq, detail=detail))
    target = str(args.out or "-")
    command = shell_join(["cafe", "import", target, t("exchange.new_dir")])
    warn(t("exchange.salvaged", path=target, count=len(damaged), command=command))
    return 1


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
