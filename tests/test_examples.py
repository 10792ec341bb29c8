"""Every script in examples/ runs and prints what it promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.py"))


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(script: Path) -> None:
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "an example should show its result"


def test_add_organisation_example_output() -> None:
    script = next(p for p in EXAMPLES if p.name == "add_organisation.py")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, check=True).stdout
    assert "Hospice Het Witte Huis neemt deel aan: Gluren bij de buren" in out
    assert "validation: conforms" in out


def test_spreadsheet_example_output() -> None:
    script = next(p for p in EXAMPLES if p.name == "voorbeeld_netwerk.py")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, check=True).stdout
    assert "Netwerk Palliatieve Zorg Lindeland: 6 activities, 10 partners" in out
    assert "validation: conforms" in out
