"""Reading a file the user chose: only regular files, never past the limit; sizes in words."""

from __future__ import annotations

import os

import pytest

from models.storage.files import UnreadableFileError, read_file, read_head, size_text


@pytest.mark.parametrize("size, shown", [(0, "0 bytes"), (1023, "1023 bytes"), (1536, "1.5 KB"),
                                         (5 * 1024 ** 2, "5 MB"), (3 * 1024 ** 3, "3 GB")])
def test_size_text(size, shown):
    assert size_text(size) == shown


def test_a_regular_file_is_read_whole_or_by_its_head(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"Date,Workout\n" * 10)
    assert read_file(path) == path.read_bytes()
    assert read_head(path, 4) == b"Date"
    with pytest.raises(UnreadableFileError, match="Overload reads files up to 100 bytes"):
        read_file(path, limit=100)


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_special_files_are_refused_before_a_byte_is_read(tmp_path, kind):
    path = tmp_path / "x"
    if kind == "fifo":
        os.mkfifo(path)  # no writer: a blocking open would never return
    elif kind == "folder":
        path.mkdir()
    else:
        path = "/dev/zero"
    with pytest.raises(UnreadableFileError, match="not a regular file"):
        read_head(path, 10)
