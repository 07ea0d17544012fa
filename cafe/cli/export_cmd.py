"""`cafe export` and `cafe import`: the whole meeting as TOML or JSON, and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cafe.cli import add_lang_option
from cafe.cli.common import add_folder_argument, open_folder, say
from cafe.core.errors import CafeError
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


def run_import(args: argparse.Namespace) -> int:
    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CafeError(f"{args.file}: {getattr(error, 'strerror', None) or error}") from None
    import_meeting(loads(text, str(args.file)), args.folder, str(args.file))
    say(t("cli.import.done", path=args.folder))
    return 0
