"""Issue 19 item 8: the same input gives the same bytes — the whole site, built twice in fresh processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _site(folder: Path, seed: str, *args: str) -> dict[str, bytes]:
    # A fresh process per build with its own hash seed: set and dict orders that leak into a page show up as a
    # difference (within one process they would repeat themselves and hide).
    env = {**os.environ, "PYTHONHASHSEED": seed}
    cmd = [sys.executable, "-m", "ecosysteem", "-q", *args, "report", "-o", str(folder)]
    subprocess.run(cmd, check=True, env=env, capture_output=True, timeout=600)
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_site_is_the_same_byte_for_byte(tmp_path: Path, lang: str) -> None:
    first = _site(tmp_path / "a", "1", "--lang", lang)
    second = _site(tmp_path / "b", "2", "--lang", lang)
    assert sorted(first) == sorted(second)
    assert len(first) > 50  # the four pages, the profiles, the manifest
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
