"""The fixed words of every output in Dutch and English: one catalogue (``words.toml``), one look-up.

Gap reports, profiles and every HTML page take their words from here, so a word reads the same everywhere and a
change is made in one place. Keys are unique across the catalogue; a noun is written once in lower case and
capitalised where it starts a heading (:func:`heading`).

>>> word("severity", "nl"), heading(word("severity", "en"))
('ernst', 'Severity')
>>> words("en")["legend"]
'Legend'
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Literal

from ecosysteem.errors import OptionError

__all__ = ["LANGS", "Lang", "catalogue", "check_lang", "heading", "word", "words"]


@cache
def catalogue() -> dict[str, dict[str, dict[str, str]]]:
    """The catalogue as it is written: section → key → ``{"nl": …, "en": …}``."""
    text = (resources.files("ecosysteem.output") / "words.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


Lang = Literal["nl", "en"]
LANGS: tuple[str, ...] = ("nl", "en")


def check_lang(lang: str) -> Lang:
    """Return ``lang`` if it is ``"nl"`` or ``"en"``; raise :class:`~ecosysteem.errors.OptionError` otherwise."""
    if lang == "nl":
        return "nl"
    if lang == "en":
        return "en"
    raise OptionError(f"unknown language {lang!r}: use nl or en", nl=f"onbekende taal {lang!r}: kies nl of en")


@cache
def _flat(lang: str) -> dict[str, str]:
    check_lang(lang)
    return {key: texts[lang] for section in catalogue().values() for key, texts in section.items()}


def words(lang: str) -> dict[str, str]:
    """Every word of the catalogue in ``lang``, by key (a fresh dict: the caller may add to it)."""
    return dict(_flat(lang))


def word(key: str, lang: str) -> str:
    """The word ``key`` in ``lang`` (``"nl"`` or ``"en"``); a ``KeyError`` names an unknown key."""
    return _flat(lang)[key]


def heading(text: str) -> str:
    """``text`` with its first letter capitalised (the rest unchanged): a word that starts a heading or a label."""
    return text[:1].upper() + text[1:]
