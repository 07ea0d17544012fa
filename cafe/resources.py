"""Where the shipped agendas and templates live, installed or in a checkout.

Found with :mod:`importlib.resources`, so they are read wherever the ``cafe`` package is
imported from: a wheel force-includes them as ``cafe/_data/agendas`` and
``cafe/_data/templates``; an editable install or a checkout has them in the repository's
top-level folders beside ``cafe/``. A package that is not a plain folder (a zip) is
unpacked once, to a temporary folder removed at exit, because Jinja and the agenda
listing want real paths. Resolved on call, never at import.
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

DATA = "_data"
"""The folder inside the package that the wheel's force-include fills."""


def data_resource(name: str) -> Traversable:
    """The shipped folder ``name`` (``agendas``, ``templates``) as a package resource."""
    package = files("cafe")
    installed = package / DATA / name
    if installed.is_dir():
        return installed
    # A checkout (or an editable install) of the repository: beside the package.
    if isinstance(package, Path):
        return package.parent / name
    return installed


def agendas_dir() -> Path:
    """The folder of shipped agenda TOML files."""
    return _as_path("agendas")


def templates_dir() -> Path:
    """The folder of slide, summary and page templates."""
    return _as_path("templates")


@cache
def _as_path(name: str) -> Path:
    resource = data_resource(name)
    if isinstance(resource, Path):
        return resource
    if sys.version_info >= (3, 12):  # as_file takes folders from 3.12 on
        return _STACK.enter_context(as_file(resource))
    folder = Path(tempfile.mkdtemp(prefix=f"cafe-{name}-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    _copy(resource, folder)
    return folder


def _copy(resource: Traversable, into: Path) -> None:
    for child in resource.iterdir():
        if child.is_dir():
            (into / child.name).mkdir()
            _copy(child, into / child.name)
        else:
            (into / child.name).write_bytes(child.read_bytes())


_STACK = ExitStack()
atexit.register(_STACK.close)
