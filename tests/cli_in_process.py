"""``python -m cafe ARGS`` run inside the test process, answered as a subprocess would be.

A new interpreter costs about a third of a second before ``cafe`` does anything, and
some tests run the command dozens of times to check its messages and exit codes. Here
``cafe.cli.main`` runs with stdout and stderr captured: the same exit code (argparse's
``SystemExit`` included), the same words, and an uncaught exception is a traceback on
stderr with exit code 1, as Python itself would print it, so "no traceback" still fails.
Tests of the process itself (file modes under its umask, signals, the ``cafe`` script)
keep a real subprocess.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import traceback
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from cafe.cli import main
from cafe.i18n import current_language, set_language


def _exit_code(exit: SystemExit) -> int:
    if exit.code is None or isinstance(exit.code, int):
        return int(exit.code or 0)
    print(exit.code, file=sys.stderr)  # as the interpreter prints sys.exit("text")
    return 1


def run_cafe(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``cafe ARGS`` here; the language, umask and working folder are put back after."""
    out, err = io.StringIO(), io.StringIO()
    language = current_language()
    umask = os.umask(0o077)
    os.umask(umask)
    before = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exit:
                code = _exit_code(exit)
            except Exception:  # printed as an uncaught exception would be
                traceback.print_exc()
                code = 1
    finally:
        os.chdir(before)
        set_language(language)
        os.umask(umask)
    return subprocess.CompletedProcess(["cafe", *args], code, out.getvalue(), err.getvalue())
