"""Files written for the user (reports, exports, .eml): all of them or none, and a
message in the user's language naming the file or folder when that cannot be done.

The OS says "Permission denied", "File exists" or "Is a directory", in English, and
names the folder where a file was in the way; a report that stopped at its sixth file
left five new files beside three old ones. Here every file is first written to a
temporary file in the target folder and synced; only when all are written are they
renamed into place, so a failure leaves the folder as it was.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from cafe.core.errors import CafeError
from cafe.i18n import t

_NOT_WRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS}
_FULL = {errno.ENOSPC, errno.EDQUOT}


def output_error(error: OSError, path: Path, option: str) -> CafeError:
    """``error`` met writing ``path`` as a message saying what to do; ``option`` is the
    command's option that chooses the place (``--out``, ``--eml``)."""
    code = error.errno
    if code in _NOT_WRITABLE:
        key = "store.out.not_writable"
    elif code in (errno.EEXIST, errno.ENOTDIR):
        key = "store.out.not_a_folder"
    elif code == errno.EISDIR:
        key = "store.out.is_a_folder"
    elif code in _FULL:
        key = "store.out.full"
    else:
        key = "store.out.failed"
    return CafeError(t(key, path=path, option=option, detail=error.strerror or error))


def _blocking(folder: Path) -> Path | None:
    """The first part of ``folder``'s path that exists and is not a folder, if any."""
    for part in (folder, *folder.parents):
        if part.exists() or part.is_symlink():
            return None if part.is_dir() else part
    return None


def write_files(
    folder: Path, contents: Mapping[str, bytes], *, option: str = "--out"
) -> list[Path]:
    """Write every ``name -> data`` of ``contents`` into ``folder``, or none of them.

    ``CafeError`` with the message for the user if any cannot be written; then
    ``folder`` holds what it held before (a folder made for it may stay, empty).
    """
    folder = Path(folder)
    blocking = _blocking(folder)
    if blocking is not None:
        raise CafeError(t("store.out.not_a_folder", path=blocking, option=option))
    for name in contents:
        if (folder / name).is_dir():
            raise CafeError(t("store.out.is_a_folder", path=folder / name, option=option))
    temps: dict[str, Path] = {}
    try:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:  # names the folder it could not make, perhaps a parent
            raise output_error(error, Path(error.filename or folder), option) from None
        try:
            for name, data in contents.items():
                handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
                temps[name] = Path(temp)
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                    out.flush()
                    os.fsync(out.fileno())
        except OSError as error:
            raise output_error(error, folder, option) from None
        written = []
        for name, temp in temps.items():
            try:
                os.replace(temp, folder / name)
            except OSError as error:
                raise output_error(error, folder / name, option) from None
            written.append(folder / name)
        return written
    finally:
        for temp in temps.values():
            temp.unlink(missing_ok=True)


def write_file(path: Path, data: bytes, *, option: str = "--out") -> Path:
    """One file, whole or not at all (``write_files`` for a single file)."""
    path = Path(path)
    return write_files(path.parent, {path.name: data}, option=option)[0]
