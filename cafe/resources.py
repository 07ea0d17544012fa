"""Where the shipped agendas and templates live, installed or in a checkout.

A wheel carries them under ``cafe/_data``; an editable install or a checkout reads
them from the repository's top-level folders. Resolved on call, never at import.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def agendas_dir() -> Path:
    """The folder of shipped agenda TOML files."""
    return _data_dir("agendas")


def templates_dir() -> Path:
    """The folder of slide, summary and page templates."""
    return _data_dir("templates")
