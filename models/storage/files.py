"""Reading a file the user chose, safely: only regular files, never more than a set size.

A device (`/dev/zero`, `/dev/urandom`), a FIFO or a socket never ends, or blocks before the
first byte: reading one would hang the command or the worker and grow memory without bound.
The file is opened without blocking (a FIFO with no writer opens at once), then what was opened
— after symbolic links — is checked to be a regular file before a byte is read, and the read
stops at the limit even if the file grows meanwhile.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

# Import files: a 10-year history is about 6 MB as an Overload JSON export and less as a CSV of
# sets; a file 30 times that is not a workout export.
MAX_IMPORT_BYTES = 200 * 1024 * 1024
_CHUNK = 1024 * 1024


class UnreadableFileError(OSError):
    """A path that is not a regular file, or one over the size limit; str() and strerror say
    which, in words for the user."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(errno.EINVAL, reason, str(path))

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


def read_file(path: str | os.PathLike[str], limit: int = MAX_IMPORT_BYTES) -> bytes:
    """The whole file; UnreadableFileError for a special file or one over `limit` bytes."""
    return _read(Path(path), limit, whole=True)


def read_head(path: Path | str, size: int) -> bytes:
    """The first `size` bytes (fewer for a shorter file), after the same checks as read_file."""
    return _read(Path(path), size, whole=False)


def size_text(size: int) -> str:
    """200 MB, 1.5 KB, 12 bytes."""
    if size < 1024:
        return f"{size} bytes"
    value, unit = size / 1024, "KB"
    for bigger in ("MB", "GB", "TB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


def _read(path: Path, limit: int, *, whole: bool) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFileError(path, f"{_kind(info.st_mode)}, not a regular file: "
                                            "Overload reads only ordinary files")
        if whole and info.st_size > limit:
            raise _too_big(path, info.st_size, limit)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(descriptor, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if whole and len(data) > limit:  # it grew while being read
        raise _too_big(path, len(data), limit)
    return data[:limit]


def _too_big(path: Path, size: int, limit: int) -> UnreadableFileError:
    return UnreadableFileError(path, f"{size_text(size)} or more; Overload reads files up to "
                                     f"{size_text(limit)}, and a workout export is far smaller")


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a pipe (FIFO)"),
             (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a disk device"),
             (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "a special file")
