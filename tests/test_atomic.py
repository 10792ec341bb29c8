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


def test_atomic_file_streams_and_an_error_inside_leaves_nothing(tmp_path: Path) -> None:
    from ecosysteem._files import atomic_file

    target = tmp_path / "stream.nt"
    with atomic_file(target, "w") as out:
        out.write("regel 1\n")
        assert not target.exists()  # nothing visible until the block ends
    assert target.read_text(encoding="utf-8") == "regel 1\n"
    with pytest.raises(RuntimeError), atomic_file(target, "w") as out:
        out.write("half")
        raise RuntimeError("stopped half-way")
    assert target.read_text(encoding="utf-8") == "regel 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["stream.nt"]


def test_atomic_folder_is_all_or_nothing(tmp_path: Path) -> None:
    from ecosysteem._files import write_atomic_folder

    folder = write_atomic_folder(tmp_path / "tabellen", {"a.csv": "x\n", "b.csv": b"y\n"})
    assert sorted(p.name for p in folder.iterdir()) == ["a.csv", "b.csv"]
    with pytest.raises(OutputError, match="not an empty folder"):
        write_atomic_folder(folder, {"c.csv": "z"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tabellen"]


def test_there_is_one_atomic_writer_in_the_library() -> None:
    """mkstemp/mkdtemp appear only in ecosysteem._files (and the site staging of output/html/report.py)."""
    src = Path(__file__).resolve().parents[1] / "src" / "ecosysteem"
    users = sorted(
        str(p.relative_to(src))
        for p in src.rglob("*.py")
        if any(word in p.read_text(encoding="utf-8") for word in ("mkstemp(", "mkdtemp(", "NamedTemporaryFile("))
    )
    assert set(users) <= {"_files.py", "output/html/report.py"}, users


def test_a_folder_written_whole_gets_mkdirs_mode_not_a_private_one(tmp_path: Path) -> None:
    from ecosysteem._files import write_atomic_folder

    umask = os.umask(0o022)
    try:
        folder = write_atomic_folder(tmp_path / "tables", {"a.csv": "x\n"})
    finally:
        os.umask(umask)
    assert folder.stat().st_mode & 0o777 == 0o755  # mkdtemp's 0o700 would hide the tables from other users
    assert (folder / "a.csv").read_text(encoding="utf-8") == "x\n"
    assert [p.name for p in tmp_path.iterdir()] == ["tables"]
