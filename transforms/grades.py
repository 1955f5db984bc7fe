"""The grade vocabulary: the words inspectors and reporters use, mapped to the contract's grades."""

from __future__ import annotations

import re

# Longest phrases first: "requires improvement to be good" before "good", "inadequate" before "adequate".
_GRADE_WORDS = [
    (r"requir(?:es?|ed|ing)[-\s]+improvement\s+to\s+be\s+good", "requires_improvement"),
    (r"requir(?:es?|ed|ing)[-\s]+improvement", "requires_improvement"),
    # "judged to need improvement", "rated as needing improvement", "found in need of improvement": in plain words
    (r"(?:need(?:s|ed|ing)?|in\s+need\s+of)[-\s]+improvement", "requires_improvement"),
    (r"perform(?:s|ing)?\s+excellently", "outstanding"),
    (r"perform(?:s|ing)?\s+poorly", "inadequate"),
    (r"perform(?:s|ing)?\s+adequately", "requires_improvement"),
    (r"perform(?:s|ing)?\s+well", "good"),
    # Star ratings of councils' social services (SSI/CSCI, 2002-2008): zero to three stars.
    (r"(?:zero|no|0)[-\s]stars?", "inadequate"),
    (r"(?:one|a\s+single|1)[-\s]stars?", "requires_improvement"),
    (r"(?:two|2)[-\s]stars?", "good"),
    (r"(?:three|3)[-\s]stars?", "outstanding"),
    # "received the top grade", "given the lowest rating": the ends of the scale
    # ... and the grades next to them: "the second-highest grade" (good), "the second-lowest rating"
    (r"(?:second|next)[-\s]+(?:top|highest|best)\s+(?:possible\s+)?(?:grade|rating|mark|score|judgement)", "good"),
    (r"(?:second|next)[-\s]+(?:bottom|lowest|worst)\s+(?:possible\s+)?(?:grade|rating|mark|score|judgement)",
     "requires_improvement"),
    (r"(?:top|highest)\s+(?:possible\s+)?(?:grade|rating|mark|score|judgement)", "outstanding"),
    (r"(?:bottom|lowest)\s+(?:possible\s+)?(?:grade|rating|mark|score|judgement)", "inadequate"),
    (r"(?-i:\bRI)\b", "requires_improvement"),  # "rated RI", "came out RI": the abbreviation, in capitals only
    (r"inadequate", "inadequate"),
    (r"outstanding", "outstanding"),
    (r"excellent", "outstanding"),
    (r"adequate", "requires_improvement"),
    (r"good", "good"),
    (r"poor", "inadequate"),
    (r"failing(?!\s+to\b)", "inadequate"),  # "found to be failing" (news for inadequate), not "failing to act"
]
# The scale's own names for its grades, in every wording ("requires improvement to be good", "requires-improvement",
# "RI", "inadequate" ...), no paraphrase ("poor", "failing", "the top grade"): where a bare word would be ambiguous
GRADE_NAME = (r"(?:requir(?:es?|ed|ing)[-\s]+improvement(?:[-\s]+to[-\s]+be[-\s]+good)?|(?-i:\bRI)"
              r"|inadequate|outstanding|good|adequate)\b")
# A verdict's verb, as a participle before its grade ("rated", "judged (to be)", "assessed as", "deemed", "found to
# be"): one class, read alike by every rule that names the verb
VERDICT_PARTICIPLE = r"(?:rated|judged|graded|assessed|deemed|considered|found)"
STAR_PHRASE = r"(?:zero|no|one|a\s+single|two|three|[0-3])[-\s]stars?\b"
Q = r"[‘'\"“]?"  # an optional quote mark around a grade
QE = r"[’'\"”]?"
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")  # a year in the text, with no preposition required
# Counts as news writes them: "two years later", "the last three inspections", "eighteen months on"
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
                "twenty-four": 24, "thirty": 30, "thirty-six": 36}
# "one" to "twenty" as a regex alternation: the counts of years a text counts back ("fifteen years ago")
YEARS_COUNT_WORD = "|".join(word for word, n in NUMBER_WORDS.items() if 1 <= n <= 20 and word not in ("a", "an"))


def count_of(word: str) -> int | None:
    """A count written in digits or in words ("3", "three", "twenty-four"); None when it is neither."""
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())
# A grade in any of its wordings, quoted or not ("good", "'good'", "“requires improvement”", "RI"): one class, read
# alike by every rule of the grammar
GRADE_WORD = "(?:" + "|".join(f"(?:{w})" for w, _ in _GRADE_WORDS) + r")\b"  # unquoted
GRADE_PHRASE = f"{Q}{GRADE_WORD}{QE}"
_COMPILED = [(re.compile(rf"^{w}$", re.I), g) for w, g in _GRADE_WORDS]


# "adequate", the third grade of the 2005-2013 scale (APA, JAR, the 2009-2013 inspections), renamed "requires
# improvement" by the 2013 framework: words that date the verdict they give
_EARLIER_SCALE = re.compile(rf"{Q}(?:adequate|perform(?:s|ing)?\s+adequately){QE}", re.I)


def of_earlier_scale(label: str) -> bool:
    """The grade is named in the words of the scale the 2013 framework replaced ("adequate", "performs
    adequately")."""
    return bool(_EARLIER_SCALE.fullmatch(" ".join(label.split())))


def normalise_grade(label: str) -> str | None:
    """'Requires improvement to be good' -> 'requires_improvement'; None if not a grade."""
    # (the patterns ignore case, but for "RI"); a row's closing ";" or "." is no part of its grade ("inadequate;")
    text = " ".join(label.strip(" '\"‘’“”").rstrip(" .;,").strip(" '\"‘’“”").split())
    for pattern, grade in _COMPILED:
        if pattern.match(text):
            return grade
    return None



# Grades coordinated with nothing but commas, "and", "or", "/" and quote marks between them
_COORDINATED_GRADES = re.compile(rf"{Q}{GRADE_PHRASE}{QE}(?:\s*(?:,|/|,?\s+(?:and|or)\b)\s*{Q}{GRADE_PHRASE}{QE})+",
                                 re.I)
_ONE_GRADE = re.compile(GRADE_PHRASE, re.I)
_IN_ORDER = re.compile(r"[^.;]{0,60}?\b(?:respectively|in\s+that\s+order)\b", re.I)


def scale_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of coordinated grades naming three grades or more: the scale itself ("Outstanding,
    good, requires improvement to be good or inadequate", "outstanding, good, adequate, inadequate"), which no
    council was given; not a list of verdicts, whose grades repeat ("good, good, good and outstanding") or are given
    in order ("judged outstanding, requires improvement and good respectively")."""
    return [m.span() for m in _COORDINATED_GRADES.finditer(text)
            if len({normalise_grade(g.group()) for g in _ONE_GRADE.finditer(m.group())}) >= 3
            and not _IN_ORDER.match(text, m.end())]
