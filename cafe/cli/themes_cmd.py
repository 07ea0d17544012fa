"""`cafe themes suggest`: theme suggestions and likely duplicates, offline.

``--ideas FILE.txt`` reads one idea per line and names ideas by line number (from 0);
``DIR`` takes a meeting's ideas that have no theme yet and names them by id. Nothing is
stored: the co-hosts accept suggestions on the idea board.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from cafe.cli import add_lang_option
from cafe.cli.common import open_folder, say
from cafe.core.errors import CafeError, Problem
from cafe.i18n import t

if TYPE_CHECKING:
    from cafe.core.harvest import Suggestions


def register(sub: argparse._SubParsersAction) -> None:
    themes = sub.add_parser(
        "themes", help=t("harvest.cli.help"), description=t("harvest.cli.description")
    )
    add_lang_option(themes)
    actions = themes.add_subparsers(title=t("cli.commands"), metavar=t("cli.command_metavar"))
    actions.required = True
    parser = actions.add_parser(
        "suggest",
        help=t("harvest.cli.suggest_help"),
        description=t("harvest.cli.suggest_description"),
    )
    parser.add_argument(
        "folder", metavar="DIR", type=Path, nargs="?", help=t("harvest.cli.folder_help")
    )
    parser.add_argument("--ideas", metavar="FILE.txt", type=Path, help=t("harvest.cli.ideas_help"))
    parser.add_argument("--json", action="store_true", help=t("harvest.cli.json_help"))
    add_lang_option(parser)
    parser.set_defaults(handler=run, usage_error=parser.error)


def read_ideas(path: Path) -> list[str]:
    """The lines of ``path`` (UTF-8, a BOM allowed); a clear message when it cannot be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CafeError([Problem.coded("agenda.problem.not_found", where=str(path))]) from None
    except IsADirectoryError:
        raise CafeError([Problem.coded("harvest.cli.is_folder", where=str(path))]) from None
    except PermissionError:
        raise CafeError([Problem.coded("harvest.cli.no_permission", where=str(path))]) from None
    except OSError:
        raise CafeError([Problem.coded("harvest.cli.cannot_read", where=str(path))]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise CafeError(
            [Problem.coded("agenda.problem.not_utf8", where=f"{path}:{line}")]
        ) from None
    return text.splitlines()


def as_json(result: Suggestions, names: list[int] | list[str]) -> dict[str, object]:
    """The issue's shape: themes with idea references, and duplicate pairs."""
    return {
        "themes": [
            {
                "name": t("harvest.other") if theme.other else theme.name,
                "ideas": [names[i] for i in theme.ideas],
            }
            for theme in result.themes
        ],
        "duplicates": [[names[i], names[j]] for i, j in result.duplicates],
    }


def print_text(result: Suggestions, texts: list[str], names: list[int] | list[str]) -> None:
    say(t("harvest.cli.heading", count=len(texts)))
    for theme in result.themes:
        name = t("harvest.other") if theme.other else theme.name
        say("")
        say(t("harvest.cli.theme", name=name, count=len(theme.ideas)))
        for i in theme.ideas:
            say(f"  {names[i]!s:>4}  {texts[i]}")
    say("")
    if not result.duplicates:
        say(t("harvest.cli.no_duplicates"))
        return
    say(t("harvest.cli.duplicates"))
    for i, j in result.duplicates:
        say(f"  {names[i]!s:>4} = {names[j]!s:<4}  {texts[i]}  |  {texts[j]}")


def run(args: argparse.Namespace) -> int:
    # stemmers, stop words and the lexicon: loaded only when suggestions are asked for
    from cafe.core.harvest import suggest
    from cafe.core.harvest.meeting import ideas_to_theme, origin

    if args.folder is not None and args.ideas is not None:
        args.usage_error(t("harvest.cli.one_source"))
    if args.folder is None and args.ideas is None:
        args.usage_error(t("harvest.cli.no_source"))
    names: list[int] | list[str]
    origins: list[tuple[int, int] | None] | None = None
    challenge = ""
    if args.ideas is not None:
        texts = read_ideas(args.ideas)
        names = list(range(len(texts)))
        lang = args.lang
    else:
        service = open_folder(args)
        try:
            ideas = ideas_to_theme(service.state)
            lang = service.agenda.meta.language
            challenge = service.agenda.meta.challenge
        finally:
            service.log.close()
        texts = [idea.text for idea in ideas]
        origins = [origin(idea) for idea in ideas]
        names = [idea.id for idea in ideas]
        if not texts and not args.json:
            say(t("harvest.cli.no_ideas"))
            return 0
    result = suggest(texts, lang, origins=origins, challenge=challenge)
    if args.json:
        print(json.dumps(as_json(result, names), ensure_ascii=False, indent=2))
    else:
        print_text(result, texts, names)
    return 0
