"""Case-insensitive patterns searched fast.

A regex compiled with re.I and many alternatives tries every alternative at every position of the text; the
same pattern without re.I, searched on the lower-cased text, finds the same thing several times faster. That
holds for a pattern whose letters are all lower case and a text without the four characters re.I also takes
for ASCII letters or that lower() turns into them ("İ", "ı", "ſ", Kelvin "K"); those texts get re.I itself.
Matches are only tested (lower-casing may change what a match would read), never read.
"""

from __future__ import annotations

import re

_FOLDED_BY_RE = re.compile("[\u0130\u0131\u017f\u212a]")


class Caseless:
    """A case-insensitive pattern (its letters in lower case) whose search, match and fullmatch say True or False."""

    def __init__(self, pattern: str) -> None:
        self._lower, self._any_case = re.compile(pattern), re.compile(pattern, re.I)

    def _read(self, text: str) -> tuple[re.Pattern, str]:
        if text.isascii() or not _FOLDED_BY_RE.search(text):
            return self._lower, text.lower()
        return self._any_case, text

    def search(self, text: str) -> bool:
        pattern, text = self._read(text)
        return pattern.search(text) is not None

    def match(self, text: str) -> bool:
        pattern, text = self._read(text)
        return pattern.match(text) is not None

    def fullmatch(self, text: str) -> bool:
        pattern, text = self._read(text)
        return pattern.fullmatch(text) is not None
