"""Readable, stable slugs for entity IRIs."""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["slugify"]

# Letters that NFKD does not decompose into ASCII.
_TRANSLITERATE = str.maketrans(
    {
        "æ": "ae",
        "Æ": "AE",
        "ø": "o",
        "Ø": "O",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "þ": "th",
        "Þ": "TH",
        "ð": "d",
        "Ð": "D",
        "ı": "i",
    }
)


def slugify(name: str) -> str:
    """Return the slug of ``name``: accents dropped, lower case, runs of other characters turned into ``-``.

    The same name always gives the same slug, so the same entity named in two files becomes one node. A name
    with letters but none that have an ASCII form (Arabic, Chinese …) gets ``u-`` and a short hash of the name.

    >>> slugify("Coördinatie & Signaleren")
    'coordinatie-signaleren'
    >>> slugify("  ZGT ")
    'zgt'
    >>> slugify("Ærø")
    'aero'
    """
    ascii_name = unicodedata.normalize("NFKD", name.translate(_TRANSLITERATE)).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if slug:
        return slug
    if any(c.isalnum() for c in name):
        return "u-" + hashlib.sha256(name.strip().encode("utf-8")).hexdigest()[:12]
    raise ValueError(f"cannot make a slug of {name!r}: it has no letters or digits")
