"""Judgement completion: the judgements a clause names alongside its one verdict take that verdict's grade.

The verdict rules read a sentence's verdicts; a sentence often names more judgements than they give a grade:
"inspectors judged every service outstanding - overall effectiveness, leaders, help and protection and care
leavers", "rated leadership good - up two grades - along with help and protection and children in care", "gave
children in care outstanding, and did the same for children who need help and protection", "inadequate, including
for the impact of leaders and for help and protection". Completion reads each clause after them:

- a clause is a stretch of the sentence between ";", "but", "while", "whereas", ", yet", "although" and "though";
- it carries ONE grade: every grade word in it is the same grade (two grades: the verdict rules own the clause);
- a judgement named in it is CHAINED to that grade: between the two stand only other judgement names and the
  words that join a list of them to a verdict ("and", "along with", "including", "for", "the", "were rated",
  "did the same for", a comma, a dash ...), nothing else ("good, with improvements in help and protection": the
  chain breaks at "improvements"; "inadequate in every area apart from adoption": at "apart"); a name modifying a
  noun ("adoption agency", "care leavers charity") or a grade word modifying one ("good practice", "an outstanding
  example") is not chained;
- the judgement got no claim from the sentence (children in care and care leavers named together count for both);
- it takes the grade with the councils, year, time anchor and status of the sentence's claims of that grade
  (which must agree; one only hoped for or avoided, hypothetical, gives nothing); a clause naming a council
  those claims are not for gives nothing.

A clause made only of judgement names and one grade, with no verb ("help and protection and children in care,
good"; "Leaders, help and protection and care leavers, all good.") is a verdict with its subject and verb left
out: when the sentence gave no claim of that grade, it takes the councils, time and status the sentence's other
verdicts agree on, else (the sentence gave none) those the paragraph's last verdicts agree on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from transforms.grades import GRADE_PHRASE, normalise_grade
from transforms.judgement_names import CARE_AND_LEAVERS, NAME_TAIL, judgements_in

if TYPE_CHECKING:
    from transforms.claims import Claim

# Where a clause ends: a semicolon or a conjunction opening a contrast
_CLAUSE_BREAK = re.compile(r";|\s(?:but|while|whilst|whereas|although|though)\s|,\s*yet\s", re.I)
_GRADE = re.compile(rf"(?<![\w-]){GRADE_PHRASE}", re.I)
# The words that may stand between judgement names and the verdict they share: joining words, prepositions,
# determiners, the nouns of the scale ("judgements", "areas"), the heads of a judgement's name ("the experiences
# and progress of"), the verbs of a verdict and "did the same for"
_LINK_WORDS = (r"and|&|plus|as\s+well\s+as|along\s+with|together\s+with|alongside|including|included|with|both|all"
               r"|each|too|also|likewise|equally|similarly|namely|as|so|then|for|in|on|across|of|to|at|the|its|their"
               r"|our|his|her|this|these|those|every|one|ones|two|three|four|five|six|other|remaining"
               r"|judge?ments?|areas?|grades?|ratings?|services?|categor(?:y|ies)|sub-?judge?ments?|board"
               r"|experiences?|progress|support|provision|work|outcomes|arrangements|given|offered|provided"
               r"|children|young\s+people|families|social\s+work\s+practice|now|again|overall|only|just|still"
               # the verdict's own time ("inadequate in 2019, including for leaders"; no other year in the clause)
               r"|(?:in\s+)?(?:(?-i:[A-Z])[a-z]+\s+)?(?:19|20)\d{2}"
               r"|new|separate|individual|single|care|from|ofsted|inspectors|graded|rated|judged|assessed|inspected"
               # a month of the verdict's year ("outstanding in January in every area")
               r"|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
               r"|(?:did|does|do|got|gets|received|receives|gave|gives|given|awarded)\s+the\s+same"
               r"(?:\s+(?:grade|rating|verdict|judge?ment|mark))?\s+(?:for|to)")
# ... and, between a verdict and the judgements named before it, its verb: "A, B and C were rated good"
_VERB_WORDS = (r"rated|rates|rate|judged|judges|judge|graded|grades|found|finds|deemed|assessed|considered"
               r"|was|were|is|are|be|been|being|had|has|have|got|gets|received|receives|achieved|earned|secured")
# "... took over A and B and has been judged good": a second predicate, whose subject is not the names before it
_PREDICATE_JOINED = re.compile(rf"\band\s+(?:{_VERB_WORDS})\b", re.I)
_FILLER = re.compile(rf"(?:[\s,:()–—-]|[‘'\"“’”]|\b(?:{_LINK_WORDS}|{_VERB_WORDS})\b)*", re.I)
_LINK = re.compile(rf"(?:[\s,:()–—-]|[‘'\"“’”]|\b(?:{_LINK_WORDS})\b)*", re.I)
# A word right before a grade word that makes it an adjective ("a good example", "more good news", "show
# outstanding practice") when a word that is no filler follows it
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|more|some|such|very|any|much|really|pretty|quite|mak(?:e|es|ing)|made"
                                r"|show(?:s|ed|ing)?)\s+[‘'\"“]?$", re.I)
# ... and the words that may follow a verdict's grade: its time
_TIME_AFTER = re.compile(r"last|this|that|since|when|after|before|then|today|previously|earlier|once|until|under"
                         r"|following|by|from|during|(?:19|20)\d{2}", re.I)
# ... nouns a grade word describes ("good progress", "outstanding support", "good services for care leavers")
_NOUN_AFTER = re.compile(r"experiences?|progress|support|provision|work|outcomes|arrangements|services?|practice|help"
                         r"|children|young|families|care|people", re.I)
_WORD_AFTER = re.compile(r"[’'\"”]?\s+([\w-]+)")
_TAIL = re.compile(NAME_TAIL, re.I)
# A colon or spaced dash shortly after a verdict, opening the LIST of what it graded ("outstanding across the piece:
# A, B and C")
_LIST_OPENS = re.compile(r"[^;:–—.]{0,60}?(?::|\s[-–—]\s)")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# A grade given as the overall one: the judgements named before it describe the service, they are not graded
_OVERALL_AFTER = re.compile(r"[’'\"”]?\s+overall\b", re.I)
# ... not a preposition or a word opening a clause: "from A and B to C and D, was ..."
_FUNCTION_WORD = re.compile(r"from|by|about|between|than|like|into|within|over|under|through|after|before|where|when"
                            r"|that|which|said|says|how|whether|if|because|since|until", re.I)
_WORD_BEFORE = re.compile(r"([\w'’-]+)\s+$")
# A stretch set off by dashes that names no judgement and no grade: an aside ("- a rise of two grades -")
_DASHED_ASIDE = re.compile(r"\s[-–—]\s[^-–—;]{1,80}?\s[-–—]\s")


def _covered(judgement: str) -> set[str]:
    return {"children_in_care", "care_leavers", CARE_AND_LEAVERS} if judgement == CARE_AND_LEAVERS else {judgement}


def _clauses(sentence: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for brk in _CLAUSE_BREAK.finditer(sentence):
        spans.append((at, brk.start()))
        at = brk.end()
    spans.append((at, len(sentence)))
    return spans


def _without_asides(clause: str) -> str:
    """The clause with its dashed asides blanked (same length), when they name no judgement and no grade."""
    def blank(m: re.Match) -> str:
        inner = m.group()[2:-2]
        if judgements_in(inner) or _GRADE.search(inner):
            return m.group()
        return " " * len(m.group())
    return _DASHED_ASIDE.sub(blank, clause)


def _filler(text: str) -> bool:
    return _FILLER.fullmatch(text) is not None


def _verdict_occurrence(clause: str, start: int, end: int) -> bool:
    """The grade word at start:end is a verdict, not an adjective before a noun ("good practice", "an outstanding
    example"; not "good overall", "a good rating", "good last year")."""
    after = _WORD_AFTER.match(clause, end)
    if after is not None and _NOUN_AFTER.fullmatch(after[1]):
        return False
    if after is None or _FILLER.match(clause, end).end() > after.start(1) or _TIME_AFTER.fullmatch(after[1]):
        return True
    return not (_DETERMINER_BEFORE.search(clause, 0, start) or after[1][0].islower())


def chained(clause: str) -> tuple[str, list[str], bool] | None:
    """(grade, the judgements chained to it, whether the clause is only judgement names and that grade) of a clause
    carrying one grade; None when it carries none or more than one."""
    text = _without_asides(clause)
    grades = [(m.start(), m.end(), normalise_grade(m.group())) for m in _GRADE.finditer(text)]
    if not grades or len({g for _, _, g in grades}) != 1 or grades[0][2] is None:
        return None
    items: list[tuple[int, int, str | None]] = [(s, e, None) for s, e, _ in grades]  # a grade, or a NAME's name
    for start, end, name in judgements_in(text):
        if name != "other" and not any(s < end and start < e for s, e, _ in grades):
            tail = _TAIL.match(text, end)
            items.append((start, tail.end() if tail else end, name))
    items.sort()
    found: list[str] = []
    for i, (start, end, name) in enumerate(items):
        if name is not None or not _verdict_occurrence(text, start, end):
            continue
        right, j = [], i + 1  # "good, along with A, B and C"
        while j < len(items) and items[j][2] is not None and _LINK.fullmatch(text, items[j - 1][1], items[j][0]):
            right.append(items[j][2])
            j += 1
        if right and not _ends_cleanly(text, items[j - 1][1]):
            right = []
        if not right and (opened := _LIST_OPENS.match(text, end)) and all(  # "good across the piece: A, B and C"
                s >= opened.end() for s, _, _ in items[i + 1:i + 2]):
            right = _pure_list(text, items[i + 1:], opened.end())
        left, j = [], i - 1  # "A, B and C were rated good" (not "services for A, B and C rated good overall")
        while not _OVERALL_AFTER.match(text, end) and j >= 0 and items[j][2] is not None \
                and _filler(text[items[j][1]:items[j + 1][0]]) \
                and not _PREDICATE_JOINED.search(text, items[j][1], items[j + 1][0]):
            left.append(items[j][2])
            j -= 1
        if left and (before := _WORD_BEFORE.search(text, 0, items[j + 1][0])) and not _filler(before[1]) \
                and not _FUNCTION_WORD.fullmatch(before[1]) \
                and not before[1].endswith(("'s", "’s", "'", "’")) and before[1][0].islower():
            left = []  # "the regional adoption service": a name modifying another noun
        found += left + right
    names = [name for _, _, name in items if name is not None]
    whole = bool(names) and _filler(_between_items(text, items))
    return grades[0][2], list(dict.fromkeys(found)), whole


def _pure_list(text: str, items: list[tuple[int, int, str | None]], at: int) -> list[str]:
    """The names of `items` when from `at` to the clause's end the text is only judgement names and the words
    joining them (a LIST after a colon or a dash), else []."""
    names = []
    for start, end, name in items:
        if name is None or not _LINK.fullmatch(text, at, start):
            return []
        names.append(name)
        at = end
    return names if names and _LINK.fullmatch(text.rstrip(" .!?"), at) else []


def _ends_cleanly(text: str, end: int) -> bool:
    """A chain running right ends at a punctuation mark, the clause's end or a joining word, not before a noun its
    last name modifies ("along with the adoption agency", "with care leavers a strength") nor before a verb it is
    the subject of ("good, and care leavers were consulted")."""
    after = _WORD_AFTER.match(text, end)
    return after is None or _LINK.match(text, end).end() > after.start(1)


def _between_items(text: str, items: list[tuple[int, int, str | None]]) -> str:
    gaps, at = [], 0
    for start, end, _ in items:
        gaps.append(text[at:start])
        at = max(at, end)
    gaps.append(text[at:].rstrip(" .!?"))
    return " ".join(gaps)


def _agreed(claims: Sequence[Claim]) -> Claim | None:
    """The one claim standing for them all, when they agree on councils, time and status (none hypothetical)."""
    if not claims or any(c.status == "hypothetical" for c in claims):
        return None
    if len({(c.councils, c.year, c.anchor, c.status) for c in claims}) != 1:
        return None
    return claims[0]


def completed(sentence: str, claims: Sequence[Claim], mentioned: Sequence[tuple[str, int, int]],
              paragraph_before: Sequence[Claim] = ()) -> list[Claim]:
    """The claims completion adds to a sentence's `claims`: see the module docstring. `mentioned` holds the
    (council, start, end) of each council the sentence names; `paragraph_before`, the claims of the last sentence
    of the same paragraph that gave any."""
    added: list[Claim] = []
    for start, end in _clauses(sentence):
        clause = sentence[start:end]
        found = chained(clause)
        if found is None:
            continue
        grade, names, whole = found
        if not names:
            continue
        same = [c for c in claims if c.grade == grade]  # those whose grade's words stand in the clause, if any
        same = [c for c in same if c.grade_words.lower() in clause.lower()] or same
        if same:
            source = _agreed(same)
        elif whole:  # "help and protection and children in care, good": the sentence's (or paragraph's) verdicts
            source = _agreed(list(claims)) if claims else _agreed(list(paragraph_before))
        else:
            source = None
        if source is None:
            continue
        if any(start <= s and e <= end and code not in source.councils for code, s, e in mentioned) \
                or any(int(y) != source.year for y in _YEAR.findall(clause)):
            continue  # a council the verdict is not for, or another time, is named in the clause
        words = source.grade_words if source.grade == grade else _first_grade_words(clause)
        for name in names:  # a judgement the sentence gave those councils a claim for is theirs already
            if not any(_covered(name) & _covered(c.judgement) and set(c.councils) & set(source.councils)
                       for c in [*claims, *added]):
                added.append(replace(source, judgement=name, judgement_stated=True, grade=grade, grade_words=words,
                                     evidence=sentence))
    return added


def _first_grade_words(clause: str) -> str:
    m = _GRADE.search(clause)
    return " ".join(m.group().split()) if m else ""
