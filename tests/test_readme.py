"""The README's set-up commands and CI agree, so the documented way is the tested way."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _shell_lines(text: str) -> list[str]:
    lines, inside = [], False
    for line in text.splitlines():
        if line.startswith("```sh"):
            inside = True
        elif line.startswith("```"):
            inside = False
        elif inside and line.startswith("apt-get"):
            lines.append(line)
    return lines


def test_ci_runs_the_readme_test_command_exactly() -> None:
    readme = _shell_lines((ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(readme) == 2, "two set-up commands"
    install_and_run, test_command = readme
    assert install_and_run.endswith("cafe demo")
    assert test_command.endswith("python -m pytest")
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines


def test_the_first_command_puts_cafe_where_a_new_shell_finds_it() -> None:
    """Every later command is typed as `cafe ...`: the install must put `cafe` on PATH."""
    install_and_run = _shell_lines((ROOT / "README.md").read_text(encoding="utf-8"))[0]
    steps = [step.strip() for step in install_and_run.split("&&")]
    link = 'ln -sf "$PWD/.venv/bin/cafe" /usr/local/bin/cafe'
    assert link in steps, "the venv's cafe is linked into /usr/local/bin (on root's PATH)"
    assert steps.index(link) > steps.index(".venv/bin/pip install -e .")
    assert steps[-1] == "cafe demo", "the demo starts as every later command is typed"


def _subcommands() -> set[str]:
    from cafe.cli import build_parser

    parser = build_parser()
    found = set()
    for action in parser._actions:  # argparse keeps subcommands on the subparsers action
        choices = getattr(action, "choices", None)
        if isinstance(choices, dict):
            found.update(choices)
    return found


def test_every_command_the_program_tells_the_user_to_type_is_a_real_cafe_command() -> None:
    from cafe.i18n import catalogue

    real = _subcommands()
    told = []
    for lang in ("sv", "en"):
        for entry in catalogue(lang).values():
            text = entry if isinstance(entry, str) else " ".join(entry)  # a plural's forms
            told += re.findall(r"`(cafe [^`]*)`", text)
            told += re.findall(r'"(cafe [^"]*)"', text)
    assert told, "the catalogues tell the user commands (cafe new's next steps, ...)"
    for command in told:
        assert command.split()[1] in real, command
    from cafe.tui.widgets.steps import closing_step

    source = Path(closing_step.__file__).read_text(encoding="utf-8")
    for command in re.findall(r'f"(cafe [a-z]+) ', source):
        assert command.split()[1] in real, command
