"""The `cafe` command line: subcommands are small modules registered here.

User errors (``CafeError``) print what and where on stderr and exit 1; usage errors exit
2 (argparse); nothing a user can cause shows a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from cafe import __version__
from cafe.collector import resume_collection
from cafe.core.errors import CafeError
from cafe.i18n import LANGUAGES, area, current_language, set_language, t

#: Each command's module, in the order ``cafe --help`` lists them. A module has
#: ``register(subparsers)`` that adds its subcommand(s) and sets a ``handler(args) -> int``
#: default.
COMMANDS: dict[str, str] = {
    "new": "cafe.cli.new_cmd",
    "agenda": "cafe.cli.agenda_cmd",
    "people": "cafe.cli.people_cmd",
    "export": "cafe.cli.export_cmd",
    "import": "cafe.cli.export_cmd",
    "seating": "cafe.cli.seating_cmd",
    "serve": "cafe.cli.serve_cmd",
    "qr": "cafe.cli.qr_cmd",
    "run": "cafe.cli.run_cmd",
    "demo": "cafe.cli.demo_cmd",
    "rehearse": "cafe.cli.demo_cmd",
    "report": "cafe.cli.report_cmd",
    "send": "cafe.cli.send_cmd",
    "purge": "cafe.cli.purge_cmd",
    "themes": "cafe.cli.themes_cmd",
}
COMMAND_MODULES: tuple[str, ...] = tuple(dict.fromkeys(COMMANDS.values()))


PRIVATE_UMASK = 0o077
"""Files 0600 and folders 0700: a meeting folder holds names, e-mails and phone numbers,
and SQLite's ``-wal``/``-shm`` and the logs take their mode from the process's umask."""


def _early_language(argv: Sequence[str]) -> str | None:
    """``--lang`` must be known before the help texts are built."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("CAFE_LANG")


def _argparse_text(msgid: str) -> str:
    """argparse's own English string ``msgid`` in the current language (``argparse.toml``)."""
    text = area(current_language(), "argparse").get(f"argparse.{msgid}", msgid)
    return text if isinstance(text, str) else msgid


def _argparse_plural(singular: str, plural: str, n: int) -> str:
    return _argparse_text(singular if n == 1 else plural)


def translate_argparse() -> None:
    """argparse looks its strings up with ``gettext``: route them to our catalogues.

    argparse calls its module-level ``_`` and ``ngettext`` when it formats help and
    errors, so setting them once makes "usage:", "options", "invalid choice" ... follow
    ``set_language``; a string the catalogue lacks stays argparse's English.
    """
    argparse._ = _argparse_text  # type: ignore[attr-defined]
    argparse.ngettext = _argparse_plural  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse whose own strings come from our catalogues (see ``translate_argparse``)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {t('cli.error')}: {message}\n")


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    """The ``--lang`` option every subcommand accepts."""
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang_help"))


def _command(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names, if it names one (``cafe --lang en run DIR`` -> run)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def _named_parser(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.ArgumentParser:
    """The innermost (sub)command parser ``argv`` names: ``cafe seating plan`` -> plan's."""
    for arg in argv:
        commands = next(
            (a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None
        )
        if commands is not None and arg in commands.choices:
            parser = commands.choices[arg]
    return parser


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser with every subcommand, or only ``command``'s module when it is known.

    Each command module imports what its command needs (Textual, aiohttp, qrcode,
    smtplib, the harvest engine ...): ``cafe run`` must not pay for all of them before
    its first frame, so a known command loads its own module alone.
    """
    translate_argparse()
    parser = _Parser(prog="cafe", description=t("cli.description"))
    parser.add_argument(
        "--version",
        action="version",
        version=f"cafe {__version__}",
        help=_argparse_text("show program's version number and exit"),
    )
    add_lang_option(parser)
    sub = parser.add_subparsers(title=t("cli.commands"), metavar=t("cli.command_metavar"))
    sub.required = True
    modules = (COMMANDS[command],) if command in COMMANDS else COMMAND_MODULES
    for name in modules:
        import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``cafe``; returns the exit code."""
    os.umask(PRIVATE_UMASK)
    args_list = list(sys.argv[1:] if argv is None else argv)
    early = _early_language(args_list)
    set_language(early)
    parser = build_parser(_command(args_list))
    args, extras = parser.parse_known_args(args_list)
    if extras:  # said by the command's own parser, with its usage, not cafe's
        _named_parser(parser, args_list).error(
            _argparse_text("unrecognized arguments: %s") % " ".join(extras)
        )
    if getattr(args, "lang", None) is None and early in LANGUAGES:
        # a subcommand's own --lang default must not hide one given before it
        args.lang = early
    if not getattr(args, "console", False):
        resume_collection()  # a console resumes it after its first frame
    try:
        return int(args.handler(args) or 0)
    except CafeError as error:
        for problem in error.problems:
            print(str(problem), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(t("cli.interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`cafe seating show DIR | head`): stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
