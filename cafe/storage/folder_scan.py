"""Looking for personal data in every file of a meeting folder, whatever its name or kind.

Reports and exports may be saved into the folder under any name; a purge must find names,
e-mail addresses and phone numbers in all of them. Text is read as UTF-8, UTF-16 and
Windows-1252, with HTML and XML character references resolved; Office files and other
zip archives (pptx, docx, xlsx, odt) are opened and each part read the same way. A file
whose contents cannot be seen (a PDF's compressed streams, a huge file) is "unknown".
"""

from __future__ import annotations

import html
import io
import zipfile
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

from cafe.core.personal_data import PersonalData

MAX_BYTES = 256 * 1024 * 1024
"""Larger files are not read into memory; they are "unknown"."""


class Verdict(StrEnum):
    CLEAN = "clean"
    PERSONAL = "personal"
    UNKNOWN = "unknown"


def _texts(raw: bytes) -> Iterator[str]:
    yield raw.decode("utf-8", "ignore")
    if b"\0" in raw:
        yield raw.decode("utf-16-le", "ignore")
        yield raw.decode("utf-16-be", "ignore")
        yield raw[1:].decode("utf-16-le", "ignore")
    yield raw.decode("cp1252", "ignore")


def _bytes_verdict(raw: bytes, found: PersonalData, depth: int = 0) -> Verdict:
    if raw.startswith(b"PK\x03\x04") and depth < 2:
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                total = 0
                verdict = Verdict.CLEAN
                for member in archive.infolist():
                    total += member.file_size
                    if total > MAX_BYTES:
                        return Verdict.UNKNOWN
                    inner = _bytes_verdict(archive.read(member), found, depth + 1)
                    if inner is Verdict.PERSONAL:
                        return inner
                    if inner is Verdict.UNKNOWN:
                        verdict = inner
                return verdict
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError):
            pass  # not a readable archive: look at its bytes as they are
    for text in _texts(raw):
        if found.found_in(text) or found.found_in(html.unescape(text)):
            return Verdict.PERSONAL
    if raw.startswith(b"%PDF"):
        return Verdict.UNKNOWN  # text in compressed streams and font encodings is hidden
    return Verdict.CLEAN


def scan_file(path: Path, found: PersonalData) -> Verdict:
    """Whether ``path`` holds any of ``found`` (or cannot be looked into)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return Verdict.UNKNOWN
        raw = path.read_bytes()
    except OSError:
        return Verdict.UNKNOWN
    return _bytes_verdict(raw, found)


def folder_files(folder: Path) -> list[Path]:
    """Every regular file under ``folder`` (symbolic links are not followed)."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
