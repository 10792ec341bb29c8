"""The one way ecosysteem compares names people type with names it knows.

Two names are *the same* when their :func:`normalise_name` forms are equal: case, accents, punctuation, "&"/"en",
spacing, a few abbreviations and the filler words of network and consortium names ("Netwerk Palliatieve Zorg",
"regio", "Consortium", "Stichting") do not count. Names that are not the same can still be *close*:
:func:`rank_candidates` ranks known names by how much of the whole name they share, for "did you mean …?".

The public surface is :func:`normalise_name`, :func:`similarity`, :func:`rank_candidates` and :class:`Candidate`;
everything else here is internal and may change.

>>> normalise_name("Netwerk Palliatieve Zorg regio Eemland") == normalise_name("Netwerk Palliatieve Zorg Eemland")
True
>>> normalise_name("Gooi & Vechtstreek") == normalise_name("Gooi en Vechtstreek")
True
>>> [c.name for c in rank_candidates("Meander", ["PAT Meander", "Meander Medisch Centrum", "Gelre"])]
['Meander Medisch Centrum', 'PAT Meander']
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Candidate", "normalise_name", "rank_candidates", "similarity"]

# Letters that NFKD does not decompose into ASCII; the rest lose their accents by decomposition.
_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "o", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "þ": "th", "ð": "d"})
# Apostrophes join ("regio's" → "regios"); every other non-alphanumeric character separates words.
_APOSTROPHES = re.compile(r"['’‘`´]")
_SEPARATORS = re.compile(r"[^0-9a-z]+")

# Abbreviations people write for words of names, expanded before comparing.
_ABBREVIATIONS = {
    "npz": ("netwerk", "palliatieve", "zorg"),
    "pz": ("palliatieve", "zorg"),
    "mc": ("medisch", "centrum"),
    "umc": ("universitair", "medisch", "centrum"),
    "st": ("sint",),
    "stg": ("stichting",),
}
# Words that say what kind of body a name is, not which one: dropped at the start of a name ("Netwerk Palliatieve
# Zorg regio Eemland" → "eemland"). Only at the start, and never when nothing would be left, so that "Hospice
# Palliatieve Zorg" or a name that *is* "Netwerk Palliatieve Zorg" stays itself.
_LEADING_FILLERS = (
    ("netwerken", "palliatieve", "zorg"),
    ("netwerk", "palliatieve", "zorg"),
    ("consortium", "palliatieve", "zorg"),
    ("palliatieve", "zorg"),
    ("netwerk",),
    ("consortium",),
    ("stichting",),
    ("regio",),
)


@lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """Return the form of ``text`` in which names are compared.

    Case-folded, accents stripped, "&" and "+" read as "en", punctuation dropped, known abbreviations ("NPZ",
    "MC", "St.") expanded, leading filler words ("Netwerk Palliatieve Zorg", "Consortium", "Stichting", "regio")
    and a standalone "regio" elsewhere dropped, spaces collapsed. A name made only of filler words keeps them.

    Parameters:
        text: a name as typed or stored.

    Returns:
        the comparison form (lower-case ASCII words separated by single spaces); ``""`` for a name without
        letters or digits.

    >>> normalise_name("  Stichting Kwaliteit & Integratie ")
    'kwaliteit en integratie'
    >>> normalise_name("Coördinatie-team, St. Jansdal")
    'coordinatie team sint jansdal'
    >>> normalise_name("Netwerk Palliatieve Zorg")
    'netwerk palliatieve zorg'
    """
    words = _words(text)
    return " ".join(_drop_fillers(words))


def _words(text: str) -> list[str]:
    """The words of ``text``: folded, ASCII, "&" as "en", abbreviations expanded."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLITERATE))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    plain = _APOSTROPHES.sub("", plain.replace("&", " en ").replace("+", " en "))
    words: list[str] = []
    for word in _SEPARATORS.split(plain):
        if word:
            words.extend(_ABBREVIATIONS.get(word, (word,)))
    return words


def _drop_fillers(words: list[str]) -> list[str]:
    """``words`` without leading filler phrases and without a standalone "regio"; ``words`` if nothing is left."""
    rest = list(words)
    changed = True
    while changed:
        changed = False
        for phrase in _LEADING_FILLERS:
            if tuple(rest[: len(phrase)]) == phrase:
                rest = rest[len(phrase) :]
                changed = True
                break
    rest = [w for w in rest if w != "regio"]
    return rest if rest else list(words)


@dataclass(frozen=True, order=True)
class Candidate:
    """A known name and how similar it is to the name asked for (0 … 1, 1 = the same after normalising)."""

    score: float
    name: str


def similarity(text: str, candidate: str) -> float:
    """How alike two names are as a whole, from 0 (nothing shared) to 1 (the same after :func:`normalise_name`).

    The character-level likeness of the normalised names, raised when one name is the other with words added at
    the end ("Meander" → "Meander Medisch Centrum"), so that a name's own longer form ranks above another body
    that merely contains it ("PAT Meander").

    >>> similarity("Gooi en Vechtstreek", "Gooi & Vechtstreek")
    1.0
    >>> similarity("Meander", "Meander Medisch Centrum") > similarity("Meander", "PAT Meander")
    True
    """
    a, b = normalise_name(text), normalise_name(candidate)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    score = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    short, long = sorted((a, b), key=len)
    if long.startswith(short + " "):
        score = max(score, 0.8 + 0.15 * len(short) / len(long))
    return round(min(score, 0.99), 4)


def rank_candidates(
    text: str, candidates: Iterable[str], *, cutoff: float = 0.6, limit: int | None = 5
) -> list[Candidate]:
    """Rank ``candidates`` by :func:`similarity` to ``text``, most similar first.

    Parameters:
        text: the name as typed.
        candidates: the names it may mean; pass only names of the kind the caller accepts (never mix kinds).
        cutoff: leave out candidates scoring below this.
        limit: at most this many (``None``: all).

    Returns:
        :class:`Candidate` objects, best first; ties in name order (case-insensitive). Duplicates count once.

    >>> rank_candidates("trekker", ["deelnemer", "trekker (verantwoordelijk)", "apotheker"], limit=1)
    [Candidate(score=0.8438, name='trekker (verantwoordelijk)')]
    """
    ranked = [Candidate(similarity(text, name), name) for name in sorted(set(candidates))]
    kept = sorted((c for c in ranked if c.score >= cutoff), key=lambda c: (-c.score, c.name.casefold(), c.name))
    return kept if limit is None else kept[:limit]
