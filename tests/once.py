"""Expensive set-up done once per test run and shared by the pytest-xdist workers.

A module-scoped fixture runs once per worker that runs any of the module's tests, and
worksteal spreads a module's tests over both workers: a set-up of half a minute (a
browser visiting every page, LibreOffice converting decks) then ran twice, side by side
on the same two cores. Here the first worker builds it under a file lock and the other
reads what it left.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def built_once(factory: pytest.TempPathFactory, name: str) -> Iterator[tuple[Path, bool]]:
    """``(folder, build)``: the run's shared folder ``name``, and whether this worker must
    fill it. The folder counts as built only when the block ends without an exception, so
    a failed build is tried again (and fails again, visibly) by the next worker."""
    base = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # shared by this run's workers (each has its own basetemp)
    folder = base / f"once-{name}"
    done = base / f"once-{name}.done"
    with (base / f"once-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        build = not done.exists()
        if build:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
        yield folder, build
        if build:
            done.touch()
