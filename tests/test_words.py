"""Issue 15: the user-facing words of every output are written once, in one catalogue, in Dutch and English."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

import ecosysteem.output
from ecosysteem.output.words import catalogue, heading, word, words

OUTPUT = Path(ecosysteem.output.__file__).parent


def test_every_word_has_dutch_and_english() -> None:
    for section, entries in catalogue().items():
        for key, texts in entries.items():
            assert set(texts) == {"nl", "en"}, f"[{section}] {key}: {sorted(texts)}"
            assert all(isinstance(t, str) and t.strip() for t in texts.values()), f"[{section}] {key} is empty"


def test_no_key_is_defined_twice() -> None:
    # TOML refuses a key twice within a section; across sections the look-up would keep only one of them.
    keys = Counter(key for entries in catalogue().values() for key in entries)
    assert [key for key, n in keys.items() if n > 1] == []
    raw = (resources.files("ecosysteem.output") / "words.toml").read_text(encoding="utf-8")
    with pytest.raises(tomllib.TOMLDecodeError):
        tomllib.loads(raw + '\n[findings]\nhigh = { nl = "hoog", en = "high" }\n')


def test_no_text_is_written_under_two_keys() -> None:
    """A word written twice is one definition too many: the same Dutch and English under two keys."""
    pairs = Counter(
        (texts["nl"].casefold(), texts["en"].casefold())
        for entries in catalogue().values()
        for texts in entries.values()
    )
    assert [pair for pair, n in pairs.items() if n > 1] == []


@pytest.mark.parametrize("path", sorted(OUTPUT.rglob("*.py")), ids=lambda p: p.relative_to(OUTPUT).as_posix())
def test_no_output_module_keeps_its_own_word_table(path: Path) -> None:
    """Every output module takes its words from the catalogue: no ``{"nl": …, "en": …}`` table and no
    ``"…" if lang == "nl" else "…"`` beside it."""
    source = path.read_text(encoding="utf-8")
    assert not re.search(r"""["']nl["']\s*:\s*["']""", source), "a bilingual table: put its words in words.toml"
    chosen = re.findall(r"""["'][^"']+["']\s+if\s+lang\s*==\s*["'](?:nl|en)["']\s+else\s+["']([^"']*)""", source)
    # The network graph's nodes carry "label" and "label_en": an attribute chosen by language, not a word.
    assert [c for c in chosen if c not in ("label", "label_en")] == [], "a word chosen in code: put it in words.toml"


def test_look_up_and_heading() -> None:
    assert word("severity", "nl") == "ernst"
    assert heading(word("severity", "en")) == "Severity"
    assert words("en")["legend"] == "Legend"
    assert set(words("nl")) == set(words("en"))
    with pytest.raises(KeyError):
        word("no-such-word", "nl")


def test_the_supra_regional_collaboration_is_called_as_the_ontology_calls_it() -> None:
    """Two definitions disagreed ("bovenregionale samenwerking" on the comparison page and the bijenkorf legend,
    "bovenregionaal samenwerkingsverband" on the profiles); the catalogue keeps the ontology's label."""
    from ecosysteem.graph.ecosystem import load
    from ecosysteem.vocab import EZ

    eco = load()
    assert word("collaboration", "nl") == eco.label(EZ.SupraRegionalCollaboration, "nl")
    assert word("collaboration", "en") == eco.label(EZ.SupraRegionalCollaboration, "en")
