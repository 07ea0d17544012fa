"""argparse's own strings (usage, options, its errors) follow the chosen language."""

from __future__ import annotations

import pytest

from cafe.cli import main
from cafe.i18n import set_language

ENGLISH = (
    "usage:",
    "positional arguments",
    "options:",
    "show this help message and exit",
    "show program's version number and exit",
    "the following arguments are required",
    "invalid choice",
    "unrecognized arguments",
    "expected one argument",
    "error:",
)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit):
        main(list(argv))
    captured = capsys.readouterr()
    return captured.out + captured.err


@pytest.fixture(autouse=True)
def _back_to_swedish():
    yield
    set_language("sv")


@pytest.mark.parametrize(
    ("argv", "swedish"),
    [
        (("--help",), ["användning:", "flaggor:", "visa den här hjälpen och avsluta"]),
        (("new", "--help"), ["argument:", "flaggor:", "visa den här hjälpen"]),
        (("new",), ["användning:", "fel:", "följande argument saknas: DIR, --challenge"]),
        (("nya",), ["ogiltigt val: 'nya'"]),
        (("new", "x", "--challenge"), ["väntade ett värde"]),
        (("new", "x", "--challenge", "c", "--bogus"), ["okända argument: --bogus"]),
    ],
)
def test_swedish_shows_no_english_argparse_phrase(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], swedish: list[str]
) -> None:
    text = _run(capsys, "--lang", "sv", *argv)
    for phrase in swedish:
        assert phrase in text
    for phrase in ENGLISH:
        assert phrase not in text, phrase


def test_english_is_argparse_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    text = _run(capsys, "--lang", "en", "--help")
    assert "usage: cafe" in text and "options:" in text
    assert "show this help message and exit" in text
    text = _run(capsys, "--lang", "en", "new")
    assert "error: the following arguments are required: DIR, --challenge" in text


@pytest.mark.parametrize(
    ("argv", "usage"),
    [
        (("qr", "m", "--checkout"), "användning: cafe qr "),
        (("seating", "plan", "m", "--bogus"), "användning: cafe seating plan "),
    ],
)
def test_an_unknown_option_shows_its_commands_usage(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], usage: str
) -> None:
    """`cafe qr DIR --checkout` printed the usage of cafe itself ("cafe [-h] [--version]
    ... KOMMANDO"), which says nothing of the options qr has."""
    text = _run(capsys, *argv)
    assert text.startswith(usage), text
    assert f"cafe {' '.join(a for a in argv[:-2])}: fel: okända argument: {argv[-1]}" in text
