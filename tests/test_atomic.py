"""write_atomic: all or nothing, and ordinary permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ecosysteem.errors import OutputError
from ecosysteem.output import write_atomic


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("content", ["tekst met ë en €\n", b"\x00\x01binary"])
def test_writes_text_as_utf8_and_bytes_as_is(tmp_path: Path, content: str | bytes) -> None:
    target = write_atomic(tmp_path / "out", content)
    expected = content.encode("utf-8") if isinstance(content, str) else content
    assert target.read_bytes() == expected
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary file left behind


def test_new_file_gets_the_umask_permissions_not_0600(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        target = write_atomic(tmp_path / "new.txt", "x")
    finally:
        os.umask(umask)
    assert _mode(target) == 0o644


def test_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "kept.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert _mode(target) == 0o640


def test_missing_folder_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "out.txt", "x")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_leaves_the_old_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "keep.txt"
    target.write_text("old", encoding="utf-8")
    blocker = tmp_path / "dir-target"
    blocker.mkdir()
    (blocker / "child").write_text("x", encoding="utf-8")  # renaming a file over a non-empty folder fails
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(blocker, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir-target", "keep.txt"]
