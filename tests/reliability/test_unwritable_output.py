"""Issue 19.6: an output folder that cannot be written gives one line and exit status 1, never a traceback.

Exit status 1, not 2: the command was asked rightly; the place to write is at fault (a data problem, issue 15).

``export``, ``gaps -o``, ``import``, ``template`` (and every other ``-o``) write through the one atomic-write helper,
:func:`ecosysteem._files.write_atomic`; it turns any failure to create its temporary file into an
:class:`~ecosysteem.errors.OutputError`, which the command line prints as one line.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from ecosysteem.cli import cli
from ecosysteem.errors import OutputError

ROOT = Path(__file__).resolve().parents[2]
WORKBOOK = ROOT / "examples" / "voorbeeld-netwerk.xlsx"


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write to: /sys for root (who may write anywhere else), else a read-only folder."""
    if os.geteuid() == 0:
        if not Path("/sys").is_dir() or _can_create(Path("/sys")):
            pytest.skip("no unwritable folder for root here")
        yield Path("/sys")
        return
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        yield folder
    finally:
        folder.chmod(0o700)


def _can_create(folder: Path) -> bool:
    try:
        (folder / ".ecosysteem-probe").touch()
    except OSError:
        return False
    (folder / ".ecosysteem-probe").unlink()
    return True


COMMANDS = {
    "export-turtle": ["export", "-o", "{dir}/x.ttl"],
    "export-graphml": ["export", "--format", "graphml", "-o", "{dir}/x.graphml"],
    "export-csv-zip": ["export", "--format", "csv", "-o", "{dir}/x.zip"],
    "export-csv-folder": ["export", "--format", "csv", "-o", "{dir}/tabellen"],
    "export-kumu-xlsx": ["export", "--format", "kumu", "-o", "{dir}/x.xlsx"],
    "gaps": ["gaps", "-o", "{dir}/gaps.txt"],
    "gaps-csv": ["gaps", "--format", "csv", "-o", "{dir}/gaps.csv"],
    "query": ["query", "activity-lines", "-o", "{dir}/q.csv"],
    "template": ["template", "-o", "{dir}/plan.xlsx"],
    "import": ["import", str(WORKBOOK), "-o", "{dir}/netwerk.ttl"],
    "import-report": ["import", str(WORKBOOK), "-o", "{tmp}/netwerk.ttl", "--partial", "--report", "{dir}/r.txt"],
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize(("lang", "words"), [("nl", "kan hier niet schrijven"), ("en", "cannot write")])
def test_unwritable_output_folder_is_one_line_exit_1(
    name: str, lang: str, words: str, locked: Path, tmp_path: Path
) -> None:
    args = [a.format(dir=locked, tmp=tmp_path) for a in COMMANDS[name]]
    result = CliRunner().invoke(cli, ["--lang", lang, *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.output
    assert str(locked) in lines[-1] and words in lines[-1]
    # "Fout:" in Dutch (the default), "Error:" with --lang en
    assert sum(1 for line in lines if line.startswith("Fout:" if lang == "nl" else "Error:")) == 1


def test_write_atomic_raises_output_error_and_leaves_nothing(locked: Path) -> None:
    from ecosysteem.output import write_atomic

    before = set(locked.iterdir())
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(locked / "x.ttl", "data")
    assert set(locked.iterdir()) == before


def test_a_file_in_place_of_the_folder_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "plan"
    blocker.write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", "-o", str(blocker / "x.ttl")])
    assert result.exit_code == 1
    assert "is een bestand, geen map" in result.stderr
