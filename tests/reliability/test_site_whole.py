"""Issue 19 item 7: the site is written as a whole — a fault or a kill mid-write leaves the old site intact."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ecosysteem.errors import OutputError
from ecosysteem.graph import Ecosystem
from ecosysteem.output.html import report as report_module
from ecosysteem.output.html import write_report


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def old_site(eco: Ecosystem, tmp_path: Path) -> Path:
    site = tmp_path / "site"
    write_report(eco, site, gaps=False, lang="en")
    (site / "notes.txt").write_text("mine", encoding="utf-8")
    return site


def test_a_fault_mid_write_leaves_the_old_site(eco: Ecosystem, old_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _snapshot(old_site)
    calls = {"n": 0}
    real_write = report_module._write_page

    def failing_write(path: Path, page: str) -> None:
        calls["n"] += 1
        if calls["n"] == 5:  # four pages written, the fifth fails
            raise OSError(28, "No space left on device")
        real_write(path, page)

    monkeypatch.setattr(report_module, "_write_page", failing_write)
    with pytest.raises(OutputError, match="cannot write the site"):
        write_report(eco, old_site, gaps=False, lang="nl")
    assert _snapshot(old_site) == before
    assert sorted(p.name for p in old_site.parent.iterdir()) == ["site"], "no staging folder is left behind"


def test_a_killed_run_leaves_the_old_site_and_the_next_run_cleans_up(eco: Ecosystem, old_site: Path) -> None:
    before = _snapshot(old_site)
    script = textwrap.dedent(
        f"""
        import os, signal
        import ecosysteem
        from ecosysteem.output.html import report
        real = report._write_pages
        def dying(staging, pages):
            real(staging, dict(list(pages.items())[:3]))  # three pages on disk, then the process is killed
            os.kill(os.getpid(), signal.SIGKILL)
        report._write_pages = dying
        report.write_report(ecosysteem.load(), {str(old_site)!r}, gaps=False)
        """
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=300)
    assert run.returncode == -9
    stale = [p.name for p in old_site.parent.iterdir() if p.name != "site"]
    assert stale and all(name.startswith(".site.") for name in stale), "the killed run left its staging folder"
    assert _snapshot(old_site) == before, "a reader still sees the whole old site"
    write_report(eco, old_site, gaps=False, lang="nl")
    assert sorted(p.name for p in old_site.parent.iterdir()) == ["site"], "the stale staging folder is cleaned"
    after = _snapshot(old_site)
    assert after["notes.txt"] == b"mine"
    assert b'<html lang="nl">' in after["index.html"]
    assert all(b'<html lang="nl">' in data for name, data in after.items() if name.endswith(".html"))


def test_pages_the_new_report_no_longer_has_are_dropped(eco: Ecosystem, old_site: Path) -> None:
    (old_site / "network" / "gone.html").write_text("a network that left the data", encoding="utf-8")
    manifest = old_site / ".ecosysteem-site"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "network/gone.html\n", encoding="utf-8")
    write_report(eco, old_site, gaps=False)
    assert not (old_site / "network" / "gone.html").exists()
    assert (old_site / "notes.txt").read_text(encoding="utf-8") == "mine"
