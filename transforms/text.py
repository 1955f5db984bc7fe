"""Sentence splitting and quotation spans, shared by every extraction rule."""

from __future__ import annotations

import re

from transforms.grades import GRADE_WORD

_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Cllr", "Prof", "St", "No", "Co", "Ltd", "Rt", "Hon", "Sept", "Jan",
                  "Feb", "Aug", "Oct", "Nov", "Dec", "e.g", "i.e", "etc", "vs")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9£])")
# (a quote mark opening a quoted grade opens no passage: "'inadequate' overall, 'inadequate' for leadership")
_LONG_QUOTE = re.compile(r"""(?:^|(?<=[\s:(]))["“‘']""" + rf"(?!{GRADE_WORD}[’'\"”])"
                         + r"""([^"“”]{40,}?)(?:["”’'](?=[\s.,;:)]|$)|$)""", re.I)

# A speaker's label opening a turn of a transcript or a Q&A: "Q:", "A:", "Answer:", "REPORTER:", "DAN HAWORTH:"
_SPEAKER = re.compile(r"\s*(?:Q|A|Question|Answer|[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,2})\s*:\s+")


def speaker_label(sentence: str) -> int:
    """The end of the speaker's label the sentence opens with (0: none): the label is no part of what is said."""
    m = _SPEAKER.match(sentence)
    return m.end() if m else 0


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences without breaking after common abbreviations."""
    parts: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        candidate = text[start:m.start()].rstrip()
        last_word = re.split(r"\s", candidate)[-1].rstrip(".") if candidate else ""
        if last_word in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", last_word):
            continue
        parts.append(text[start:m.end()].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return parts


def without_long_quotes(text: str) -> str:
    """Text with quoted passages of 40+ characters removed: reported speech, not narrative."""
    return _LONG_QUOTE.sub(" ", text)

