"""Every `cafe ...` command the docs show works as printed, typed outside the repository.

test_docs.py checks that documented commands parse; this runs them. Each command line in a
fenced code block of README.md and docs/*.md that is safe offline is run from a fresh
temporary folder (never the repository's root, so nothing works only there), with a real
meeting folder wherever the command names one (`moten/ensamhet`, `meetings/loneliness`,
`DIR`) and a real participant list wherever it names a CSV (`anmalda.csv`).
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest

from cafe.cli import build_parser, main
from cafe.core.participants import PersonInput
from cafe.storage.exchange import dumps, export_meeting
from cafe.storage.folder import open_meeting
from tests.meetings import new_meeting

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^ *```[^\n]*\n(.*?)^ *```", re.S | re.M)
INLINE = re.compile(r"`(cafe [^`\n]+)`")

RUNNABLE = {
    ("agenda", "list"),
    ("agenda", "show"),
    ("agenda", "check"),
    ("new",),
    ("people", "add"),
    ("people", "import"),
    ("people", "list"),
    ("people", "present"),  # with --all: everyone registered
    ("seating", "plan"),
    ("seating", "show"),
    ("export",),
    ("import",),
    ("qr",),  # only with --url: the address, no image
    ("report",),
    ("themes",),  # suggestions for the meeting's ideas (none yet: it says so)
}
NOT_RUN = {"run", "serve", "demo", "rehearse", "purge", "send"}
"""A terminal program, a server, a long demo, an irreversible deletion, or e-mail sent
beyond 127.0.0.1 (`cafe send` is run against a local SMTP server in tests/cli/test_send.py)."""

NEEDS_A_FILE = ("--template", "--history")
"""Options whose file (a brand .pptx, an earlier plan) the test cannot make up."""

PEOPLE_IN_THE_MEETING = [
    PersonInput(name, org, sector, host=host, present=True)
    for name, org, sector, host in (
        ("Karin Holm", "Socialtjänsten", "kommun", True),
        ("Lars Nyberg", "Fritidsförvaltningen", "kommun", False),
        ("Maria Lund", "Region Skåne", "region", False),
        ("Nils Ek", "Biblioteket", "kommun", False),
        ("Olga Berg", "PRO", "förening", True),
        ("Pia Sand", "Röda Korset", "förening", False),
        ("Rami Haddad", "Svenska kyrkan", "trossamfund", False),
        ("Sara Lind", "Studieförbundet", "idéburen", False),
        ("Tove Ahl", "Ica Nära", "företag", False),
        ("Ulf Björk", "Fastighetsbolaget", "näringsliv", False),
        ("Vera Dahl", "", "annat", False),
        ("Yusuf Ali", "Grannskapet", "förening", False),
    )
]

PARTICIPANT_LIST = (
    "id;Förnamn;Efternamn;Organisation;Sektor;E-post;Bordsvärd\r\n"
    "1;Anna;Berg;Kommunen;Kommunal verksamhet;anna@example.se;ja\r\n"
    "2;Bo;Dahl;Röda Korset;Ideell förening;;\r\n"
    "3;Cecilia;Ek;PRO;Förening;;\r\n"
    "4;David;Falk;Ica Nära;Privat företag;;\r\n"
    "5;Eva;Gran;Region Skåne;Region;;nej\r\n"
    "6;Fredrik;Holm;;Privatperson;;\r\n"
)
"""A list as Excel saves it (cp1252, ``;``); usable by `people import` and `seating plan
--participants` alike. Nobody in it is in PEOPLE_IN_THE_MEETING, nor Åsa Öberg, whom the
README adds at the door."""


def _synopsis(argv: list[str]) -> bool:
    """``cafe run DIR [--lang sv|en]``: the form of a command, not one to type."""
    return any(a.startswith("[") or "|" in a for a in argv)


def _parses(argv: list[str]) -> bool:
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            build_parser().parse_args(argv)
        except SystemExit:
            return False
    return True


def _commands() -> list[tuple[str, list[str]]]:
    """Command lines in fenced blocks, then whole commands quoted in the text.

    In the text, `cafe agenda check` alone names a command rather than shows one to type,
    so a span counts only when it is a complete command: it has arguments, it parses, and
    it has no ``...``.
    """
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for block in FENCE.findall(text):
            for line in block.replace("\\\n", " ").splitlines():
                line = line.strip()
                if line.startswith("cafe "):
                    found.append((page.name, shlex.split(line, comments=True)[1:]))
        prose = FENCE.sub("", text)
        for span in INLINE.findall(prose):
            argv = shlex.split(span)[1:]
            complete = len(argv) > len(_key(argv)) and "..." not in span
            if complete and not _synopsis(argv) and _parses(argv):
                found.append((f"{page.name} (text)", argv))
    return found


def _key(argv: list[str]) -> tuple[str, ...]:
    return tuple(argv[:2]) if argv[0] in ("agenda", "people", "seating") else (argv[0],)


def _runnable(argv: list[str]) -> bool:
    if _synopsis(argv) or argv[0] in NOT_RUN or any(a in NEEDS_A_FILE for a in argv):
        return False
    if argv[0] == "qr" and "--url" not in argv:
        return False
    return _key(argv) in RUNNABLE


COMMANDS = _commands()
RUN = [(page, argv) for page, argv in COMMANDS if _runnable(argv)]


def _meeting(folder: Path) -> None:
    service = new_meeting(folder)
    service.add_participants(PEOPLE_IN_THE_MEETING)
    service.log.close()


def _prepare(argv: list[str], cwd: Path) -> None:
    """Make what the command expects to find, where its arguments say, inside ``cwd``."""
    args = build_parser().parse_args(argv)
    creates = argv[0] in ("new", "import")  # their DIR must not exist yet
    folder = getattr(args, "folder", None)
    if folder is not None and not creates:
        _meeting(cwd / folder)
        if _key(argv) == ("seating", "show"):  # the guides: "once there is a seating plan"
            with contextlib.redirect_stdout(io.StringIO()):
                assert main(["seating", "plan", str(folder)]) == 0
        if _key(argv) == ("report",) and not args.before:  # "afterwards": a meeting held
            held = open_meeting(cwd / folder)
            held.capture_idea("Besöksvänner på biblioteket", table=1, round=1)
            held.log.close()
    for given in [*getattr(args, "files", []), getattr(args, "agenda", None)]:
        if given is None or given == "-":
            continue
        path = Path(given)
        if path.name == "agenda.toml":  # moten/ensamhet/agenda.toml
            _meeting(cwd / path.parent)
        elif len(path.parts) > 1 and path.parts[0] != "agendas" and not path.suffix:
            _meeting(cwd / path)  # a meeting folder; a bare word is a shipped agenda's name
    for listing in (getattr(args, "csv", None), getattr(args, "participants", None)):
        if listing is not None:
            (cwd / listing).parent.mkdir(parents=True, exist_ok=True)
            (cwd / listing).write_bytes(PARTICIPANT_LIST.encode("cp1252"))
    if argv[0] == "import":  # an export of a meeting, to restore
        _meeting(cwd.parent / "exported")
        exported = open_meeting(cwd.parent / "exported")
        style = "json" if args.file.suffix == ".json" else "toml"
        (cwd / args.file).write_text(dumps(export_meeting(exported), style), encoding="utf-8")
        exported.log.close()


def test_the_docs_show_commands_to_run() -> None:
    """The extraction finds the commands a facilitator types before and after a meeting."""
    keys = {_key(argv) for _, argv in RUN}
    assert {("new",), ("people", "import"), ("people", "add"), ("agenda", "check")} <= keys
    assert {("agenda", "show"), ("report",)} <= keys
    assert {page for page, _ in RUN} >= {"README.md", "guide.sv.md", "guide.en.md"}


def test_every_documented_command_is_run_or_deliberately_not() -> None:
    """A new kind of command in the docs must be added to RUNNABLE or NOT_RUN."""
    for page, argv in COMMANDS:
        if _synopsis(argv) or argv[0] in NOT_RUN or any(a in NEEDS_A_FILE for a in argv):
            continue
        assert _key(argv) in RUNNABLE, f"{page}: cafe {shlex.join(argv)}"


@pytest.mark.parametrize(
    ("page", "argv"),
    RUN,
    ids=[f"{page}:{' '.join(argv)}"[:90] for page, argv in RUN],
)
def test_documented_command_works_as_printed(
    page: str,
    argv: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cwd = tmp_path / "work"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    assert Path.cwd() != ROOT and not (cwd / "agendas").exists()
    _prepare(argv, cwd)
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 0, f"{page}: cafe {shlex.join(argv)}\n{out}{err}"
    assert "Traceback" not in err
