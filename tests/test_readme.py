"""The README's set-up commands and CI agree, so the documented way is the tested way."""

from __future__ import annotations

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
