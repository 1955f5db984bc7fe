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
  those claims are not for gives nothing;
- when the sentence gave no claim of that grade (nor supposes one: "if", "whether", "a council") and the clause
  names no council, no year, no councils at large and not the scale, the current verdict the text is about: the
  paragraph's last current verdicts, else the last sentence before that gave one, of that grade if they
  include it ("..., the same grade as in 2019. Within that, leadership and adoption were each RI": the current
  verdict, not the earlier one compared with it; "The report gives the county a good in each of the four
  judgements, including leadership" after a paragraph reporting the good grade; "Leadership (outstanding) and
  adoption (good) were the judgements named" after one reporting a council rated good).

A clause carrying two grades or more pairs each judgement chained to one of them with it ("adequate on safeguarding
and good on looked after children", "its safeguarding inadequate and its looked after children service only
adequate"); a judgement chained to a grade before it and to another after it goes with the one it is bound to, after
a preposition ("good for A") or before a verb or with no joining word ("A got outstanding", "A outstanding"), else
with neither. It takes the councils, time and status the clause's verdicts agree on.

A reference to every judgement at once graded in a clause ("good in every area", "every judgement inadequate",
"outstanding across the board") makes each judgement the clause names one of them: it takes that grade ("good in
each area inspected, naming leaders and help and protection as strengths"; "every judgement inadequate, from help
and protection to care leavers"; "in every single area, leaders included"), unless set apart ("every area bar
adoption", "except", "apart from", "every other area" after it), graded otherwise in the clause, or graded apart
(the safeguarding board); a year between the reference and the name must be the verdict's. A grade referred to as
"the same grade" ("the same grade was given to its leadership", "it's the same rating for care leavers", "said the
same of children in care"), or a verdict left out after "so" or "as" ("so is help and protection", "as were care
leavers"), or compared with it, the judgements its subject ("help and protection fared no better" after an
inadequate, "care leavers did no worse" after an outstanding, "adoption fared the same"), is the last grade named
before it in the sentence, else the one grade of the paragraph's last verdicts, whose councils and time it then
takes.

A sentence giving no claim that names the areas of an inspection as a LIST by a definite reference to them ("the five
judgements - overall effectiveness, leadership, ... -", "the four areas: A, B, C and D") names those of a verdict on
every area given in one of the last sentences ("judged all five areas as requires improvement"): each takes that
verdict's grade, councils and time (a council the verdict is not for named in the sentence: none).

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

from transforms.grades import GRADE_PHRASE, normalise_grade, scale_spans
from transforms.judgement_names import (
    AREA_NOUN,
    CARE_AND_LEAVERS,
    NAME_TAIL,
    but_setting_apart,
    coordinated_after,
    every_area_spans,
    judgements_in,
    listed,
    semicolons_as_commas,
)

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
               rf"|{AREA_NOUN}|grades?|ratings?|services?|categor(?:y|ies)|board"
               r"|experiences?|progress|support|provision|work|outcomes|arrangements|given|offered|provided"
               r"|children|young\s+people|families|social\s+work\s+practice|now|again|overall|only|merely|just|still|already|even"
               # the verdict's own time ("inadequate in 2019, including for leaders"; no other year in the clause)
               r"|(?:in\s+)?(?:(?-i:[A-Z])[a-z]+\s+)?(?:19|20)\d{2}"
               r"|new|separate|individual|single|care|from|ofsted|inspectors|graded|rated|judged|assessed|inspected"
               # a month of the verdict's year ("outstanding in January in every area")
               r"|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
               # a grade going to the judgements after it: "good grades also went to A and B", "outstanding was the
               # verdict on A"
               r"|went|goes|verdicts?|marks?"
               r"|(?:was|were|is|are)\s+the\s+(?:verdict|grade|rating|judge?ment|mark)s?\s+(?:on|for|given\s+to)"
               r"|(?:did|does|do|got|gets|received|receives|gave|gives|given|awarded)\s+the\s+same"
               r"(?:\s+(?:grade|rating|verdict|judge?ment|mark))?\s+(?:for|to)")
# ... and, between a verdict and the judgements named before it, its verb: "A, B and C were rated good"
_VERB_WORDS = (r"rated|rates|rate|judged|judges|judge|graded|grades|found|finds|deemed|assessed|considered"
               r"|was|were|is|are|be|been|being|had|has|have|got|gets|received|receives|achieved|earned|secured"
               r"|scored|scores|won|wins|gained|gains|kept|keeps|retained|retains|held|holds"
               # ... a verb of moving to the grade, or of staying at it: "A and B went to the top grade", "A stayed
               # good" (not "moved from good": the grade left)
               r"|(?:went|go|goes|moved|moves|rose|rises|climbed|fell|dropped|slipped|jumped|improved|returned)"
               r"(?:\s+(?:up|down|back|straight|all\s+the\s+way))?\s+(?:to|into)"
               r"|stayed|stays|remained|remains|came\s+out(?:\s+as)?")
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
                            r"|that|which|said|says|how|whether|if|because|since|until"
                            # ... or a noun ending a time opening the clause: "at the time leadership and ... were"
                            r"|time|year|month|stage|point|inspection|visit|occasion", re.I)
_WORD_BEFORE = re.compile(r"([\w'’-]+)\s+$")
# An article right before a grade given as a noun: "leadership scored an outstanding", "adoption kept a good"
_ARTICLE_ENDING = re.compile(r"\b(?:a|an)\s+[‘'\"“]?$", re.I)
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


def _items(text: str, grades: list[tuple[int, int, str | None]]) -> list[tuple[int, int, str | None]]:
    """The clause's grades (name None) and NAMEs (with their TAIL), in order."""
    items: list[tuple[int, int, str | None]] = [(s, e, None) for s, e, _ in grades]
    for start, end, name in judgements_in(text):
        if name != "other" and not any(s < end and start < e for s, e, _ in grades):
            tail = _TAIL.match(text, end)
            items.append((start, tail.end() if tail else end, name))
    return sorted(items)


def _chains(text: str, items: list[tuple[int, int, str | None]], i: int) -> tuple[list[int], list[int]]:
    """(the items chained before, the items chained after) the grade items[i]."""
    start, end, _ = items[i]
    right, j = [], i + 1  # "good, along with A, B and C"
    while j < len(items) and items[j][2] is not None and _LINK.fullmatch(text, items[j - 1][1], items[j][0]):
        right.append(j)
        j += 1
    if right and not _ends_cleanly(text, items[j - 1][1]):
        right = []
    if not right and (opened := _LIST_OPENS.match(text, end)) and all(  # "good across the piece: A, B and C"
            s >= opened.end() for s, _, _ in items[i + 1:i + 2]):
        right = list(range(i + 1, i + 1 + len(_pure_list(text, items[i + 1:], opened.end()))))
    left, j = [], i - 1  # "A, B and C were rated good" (not "services for A, B and C rated good overall")
    while not _OVERALL_AFTER.match(text, end) and j >= 0 and items[j][2] is not None \
            and _filler(_ARTICLE_ENDING.sub("", text[items[j][1]:items[j + 1][0]]) if j + 1 == i
                        else text[items[j][1]:items[j + 1][0]]) \
            and not _PREDICATE_JOINED.search(text, items[j][1], items[j + 1][0]):
        left.append(j)
        j -= 1
    if left and _SET_APART_BEFORE.search(text, 0, items[j + 1][0]):
        left = []  # "apart from care leavers, every area was good": the others' grade
    if left and (before := _WORD_BEFORE.search(text, 0, items[j + 1][0])) and not _filler(before[1]) \
            and not _FUNCTION_WORD.fullmatch(before[1]) \
            and not before[1].endswith(("'s", "’s", "'", "’")) and before[1][0].islower():
        left = []  # "the regional adoption service": a name modifying another noun
    return left, right


def chained(clause: str) -> tuple[str, list[str], bool] | None:
    """(grade, the judgements chained to it, whether the clause is only judgement names and that grade) of a clause
    carrying one grade; None when it carries none or more than one."""
    text = _without_asides(clause)
    grades = [(m.start(), m.end(), normalise_grade(m.group())) for m in _GRADE.finditer(text)]
    if not grades or len({g for _, _, g in grades}) != 1 or grades[0][2] is None:
        return None
    items = _items(text, grades)
    found: list[str] = []
    for i, (start, end, name) in enumerate(items):
        if name is None and _verdict_occurrence(text, start, end):
            left, right = _chains(text, items, i)
            found += [items[j][2] for j in left + right] or _subject_graded_after(text, items, i)
    names = [name for _, _, name in items if name is not None]
    whole = bool(names) and _filler(_between_items(text, items))
    return grades[0][2], list(dict.fromkeys(found)), whole


# A grade set after the clause's predicate by a comma and "at" or "to": "leadership was the strongest, at outstanding"
_GRADE_APPOSED = re.compile(r",\s*(?:(?:now|still|then)\s+)?(?:at|to)\s+[‘'\"“]?$", re.I)


def _subject_graded_after(text: str, items: list[tuple[int, int, str | None]], i: int) -> list[str]:
    """The LIST a clause's subject names, when the grade items[i] is set after its predicate by a comma and "at" or
    "to" ("Of the four judgements, leadership was the strongest, at outstanding"; "The judgement for help and
    protection went up a grade, to good") and no other judgement is named before it."""
    names = items[:i]
    if not names or not _GRADE_APPOSED.search(text, 0, items[i][0]) or any(n is None for _, _, n in names) \
            or not all(_LINK.fullmatch(text, a[1], b[0]) for a, b in zip(names, names[1:], strict=False)):
        return []
    return [n for _, _, n in names]


def _verdict_grades(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, grade) of each grade the text gives as a verdict (not one describing a noun: "good practice")."""
    return [(m.start(), m.end(), normalise_grade(m.group())) for m in _GRADE.finditer(text)
            if _verdict_occurrence(text, m.start(), m.end())]


# A grade's judgement named after it by a preposition: "adequate on safeguarding", "good for care leavers"
_GOVERNED = re.compile(r"\b(?:for|on|in|to|at)\b", re.I)
# ... before it by a verb, or with no joining word between: "care leavers got good", "its adoption service only good"
_JOINING = re.compile(r",|&|\b(?:and|plus|as\s+well\s+as|along\s+with|together\s+with)\b", re.I)
_VERB = re.compile(rf"\b(?:{_VERB_WORDS})\b", re.I)


def paired(clause: str) -> list[tuple[str, list[tuple[str, tuple[int, int]]]]]:
    """(grade, the judgements paired with it, each with the stretch whose years are its time) of a clause carrying
    two grades or more ("adequate on safeguarding and good on looked after children"; "found its safeguarding
    inadequate and its looked after children service only adequate"; "good, and leadership, management and governance
    outstanding"). A judgement chained to one grade is paired with it; one chained to a grade before it and to another
    after it, with the one it is bound to: after a preposition ("good for A") or before a verb or with no joining
    word ("A got outstanding", "A outstanding"), and not with both. Its time is named between it and its grade, or
    right after them ("with an outstanding for care leavers in 2022"), not elsewhere in the clause ("..., which
    nobody predicted after the 2015 inadequate")."""
    text = _without_asides(clause)
    grades = _verdict_grades(text)
    if len({g for _, _, g in grades}) < 2 or any(g is None for _, _, g in grades):
        return []
    items = _items(text, grades)
    grade_of = {(s, e): g for s, e, g in grades}
    bound: dict[int, list[tuple[str, bool, int, int]]] = {}  # item -> (grade, bound to it, grade's span)
    for i, (start, end, name) in enumerate(items):
        if name is not None or (start, end) not in grade_of:
            continue
        left, right = _chains(text, items, i)
        if right:
            governed = bool(_GOVERNED.search(text, end, items[right[0]][0]))
            for j in right:
                bound.setdefault(j, []).append((grade_of[(start, end)], governed, start, end))
        if left:
            link = text[items[left[0]][1]:start]
            direct = bool(_VERB.search(link)) or not _JOINING.search(link)
            for j in left:
                bound.setdefault(j, []).append((grade_of[(start, end)], direct, start, end))
    found: dict[str, list[tuple[str, tuple[int, int]]]] = {}
    for j, candidates in sorted(bound.items()):
        chosen = [c for c in candidates if c[1]] if len({c[0] for c in candidates}) > 1 else candidates
        if len({c[0] for c in chosen}) == 1:
            start, end = min(items[j][0], chosen[0][2]), max(items[j][1], chosen[-1][3])
            time_after = _TIME_RIGHT_AFTER.match(text, end)
            found.setdefault(chosen[0][0], []).append((items[j][2], (start, time_after.end() if time_after else end)))
    return [(grade, list(dict.fromkeys(names))) for grade, names in found.items()]


# A time right after a judgement and its grade: "(2022)", ", in 2019", "in March 2018"
_TIME_RIGHT_AFTER = re.compile(r"\s*,?\s*(?:\(|(?:in|at|during|since|from|by)\s+)?(?:the\s+)?(?:[A-Z][a-z]+\s+)?"
                               r"(?:19|20)\d{2}\b")


# What may stand between a reference to every judgement and its grade: the words of a chain, and "not just"
# ("inadequate, and not just overall, in every single area")
_GROUP_LINK = re.compile(rf"(?:[\s,:()–—-]|[‘'\"“’”]|\b(?:{_LINK_WORDS}|{_VERB_WORDS}|not|merely|simply)\b)*", re.I)
# A judgement set apart from the others: "every area bar adoption", "all but one, help and protection"
_EXCEPT = re.compile(r"\b(?:bar|barring|except|excepting|apart|aside|other\s+than|save|but|excluding|exception"
                     r"|besides|outside|short\s+of|only|not|almost|nearly|virtually)\b", re.I)
_SET_APART_BEFORE = re.compile(r"\b(?:bar|barring|except(?:\s+for)?|apart\s+from|aside\s+from|other\s+than|save\s+for"
                               r"|excluding|besides|but(?:\s+for)?|with\s+the\s+exception\s+of)\s+(?:for\s+)?"
                               r"(?:the\s+|its\s+|their\s+)?$", re.I)
# ... "every other area", "the remaining judgements": the judgements named before it are the ones set apart
_OTHERS = re.compile(r"\b(?:other|remaining|rest)\b", re.I)
_NOT_MEMBERS = {"other", "lscb"}  # not a judgement of the council's inspection: graded apart
PAIRED = "paired"  # the judgements completed are paired with one of the clause's grades


def _linked(text: str, first: tuple[int, int], second: tuple[int, int], link: re.Pattern) -> bool:
    start, end = (first[1], second[0]) if first[0] <= second[0] else (second[1], first[0])
    return start <= end and link.fullmatch(text, start, end) is not None


def every_area_members(clause: str) -> list[tuple[str, list[tuple[str, tuple[int, int]]]]]:
    """(grade, the judgements named as its members, each with the stretch between it and the reference) of each
    reference to every judgement
    at once that a grade is given to ("good in every area, with help and protection much improved", "every judgement
    inadequate, from help and protection to care leavers", "rated outstanding in all four areas, leaders included"):
    every judgement named in the clause is one of them and takes its grade, unless set apart ("every area bar
    adoption", "every other area"), graded otherwise ("every area good but for leaders, rated requires
    improvement") or graded apart (the safeguarding board)."""
    text = _without_asides(clause)
    grades = _verdict_grades(text)
    names = [(s, e, n) for s, e, n in judgements_in(text)
             if n not in _NOT_MEMBERS and not any(gs < e and s < ge for gs, ge, _ in grades)]
    found = []
    for group in every_area_spans(text):
        linked = [g for g in grades if _linked(text, group, g[:2], _GROUP_LINK)]
        if not linked or len({g for _, _, g in linked}) != 1 or linked[0][2] is None:
            continue
        grade = linked[0][2]
        members = []
        for start, end, name in names:  # (the years between the reference and the name: their time)
            if group[0] < end and start < group[1]:
                continue
            if _OTHERS.search(text, *group) and start < group[0]:
                continue  # "help and protection lagged; every other area was good"
            between = text[min(end, group[1]):max(start, group[0])]
            if _EXCEPT.search(between) or _SET_APART_BEFORE.search(text, 0, start) \
                    or any(g != grade and _linked(text, (start, end), (gs, ge), _FILLER)
                           for gs, ge, g in grades):
                continue
            members.append((name, (min(end, group[1]), max(start, group[0]))))
        if members:
            found.append((grade, members))
    return found


# The auxiliary of doing, and the grades that are themselves a verb it can stand for ("required improvement")
_DO = r"does|did|do"
_GRADE_VERB = re.compile(r"requir(?:es|ed|e)\b|needs?\b|needed\b", re.I)


# A grade referred to, not named: "the same grade was given to its leadership", "it's the same rating for children in
# care", "said the same of care leavers", "the same judgement for care leavers", "so is help and protection" (a verb
# of being: "so did leadership" repeats what was done, "improved", not the grade; but after a grade that is itself
# the verb, "requires improvement, as does leadership", the grade)
_SAME_GRADE = re.compile(r"\bthe\s+same(?:\s+(?:overall\s+)?(?:grade|rating|verdict|judge?ment|mark|outcome|score)\b)?"
                         r"(?:\s+(?:was|were|is|are|had\s+been|has\s+been|have\s+been)?\s*(?:given|awarded|applied"
                         r"|true|went|goes|applies|held|holds)\b)?(?=\s+(?:for|of|to|about|across)\b)"
                         # ... or its predicate left out: "So is help and protection", "as were care leavers"
                         rf"|\b(?P<elided>(?:so|as)\s+(?:is|was|were|are|(?P<done>{_DO})))\b", re.I)


# ... or compared with it, its subject the judgements named before it: "help and protection fared no better" (after
# an inadequate: none is worse), "care leavers did no worse" (after an outstanding), "adoption fared the same",
# "children in care came out just the same", "the safeguarding board got the same"; or its predicate left out but for
# the auxiliary: "and leadership was too", "and leaders do as well" (a verb of doing after a grade that is the verb)
_COMPARED = re.compile(r"\b(?:fared|did|came\s+out|performed|scored|were|was|is|are|got|gets|received|receives|earned"
                       r"|kept|(?:was|were)\s+given)\s+(?:(?:just|exactly|much)\s+)?"
                       r"(?:(?P<better>no\s+better)|(?P<worse>no\s+worse)|the\s+same(?:\s+(?:grade|rating|verdict"
                       r"|judge?ment|mark|outcome|score))?(?!\s+(?:for|of|to|about|across|as)\b)|similarly|likewise)\b"
                       rf"|\b(?:is|are|was|were|(?P<done>{_DO}))\s+(?:too|as\s+well|also)\b", re.I)
_COMPARED_GRADE = {"better": "inadequate", "worse": "outstanding"}


def _compared(sentence: str, start: int, end: int, before: Sequence[Claim]) -> tuple[str, bool] | None:
    """The clause sentence[start:end] with the comparison its judgements are the subject of ("help and protection
    fared no better") replaced by the grade compared with: the last one named before it in the sentence, else the
    one grade of the paragraph's last verdicts `before` (and True: the grade is theirs)."""
    compared = _COMPARED.search(sentence, start, end)
    if compared is None or not judgements_in(sentence[start:compared.start()]) \
            or (referred := _grade_before(sentence, compared.start(), before)) is None:
        return None
    words, grade, earlier = referred
    if next((_COMPARED_GRADE[k] for k in _COMPARED_GRADE if compared[k]), grade) != grade:
        return None  # "no better" than good: not the same grade
    if compared["done"] and not _GRADE_VERB.match(words):
        return None  # "improved, and leadership did too": what was done, not the grade
    return sentence[start:compared.start()] + words + sentence[compared.end():end], earlier


def _grade_before(sentence: str, at: int, before: Sequence[Claim]) -> tuple[str, str, bool] | None:
    """The words and grade a reference at `at` refers to: the last verdict's grade named before it in the sentence
    (False), else the one grade of the paragraph's last verdicts `before` (True: the grade is theirs)."""
    named = [m for m in _GRADE.finditer(sentence, 0, at) if _verdict_occurrence(sentence, m.start(), m.end())]
    if named:
        return named[-1].group(), normalise_grade(named[-1].group()), False
    if len({c.grade for c in before}) == 1 and before[0].status != "hypothetical":
        return before[0].grade_words, before[0].grade, True
    return None


def with_grade_referred_to(sentence: str, start: int, end: int, before: Sequence[Claim]) -> tuple[str, bool] | None:
    """The clause sentence[start:end] from "the same grade" on (what stands before it blanked), that replaced by the
    grade it refers to, the last one named before it in the sentence, else the one grade of the paragraph's last
    verdicts `before` (and True: the grade is theirs); None when the clause refers to no grade."""
    same = _SAME_GRADE.search(sentence, start, end)
    if same is None:
        return _compared(sentence, start, end, before)
    if (referred := _grade_before(sentence, same.start(), before)) is None:
        return None
    words, _, earlier = referred
    if same["done"] and not _GRADE_VERB.match(words):
        return None  # "improved, as did leadership": what was done, not the grade
    if same["elided"]:  # "so was leadership": read as "good for leadership"
        words += " for"
    # (the judgements it gives the grade to follow it)
    return " " * (same.start() - start) + words + sentence[same.end():end], earlier


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


# A judgement named, then set apart: "..., with adoption the exception", "care leavers excepted", "leaders aside"
_SET_APART_AFTER = re.compile(r"\s*(?:being\s+)?(?:the\s+(?:one\s+|only\s+)?exception|excepted|aside|apart)\b", re.I)


def _ends_cleanly(text: str, end: int) -> bool:
    """A chain running right ends at a punctuation mark, the clause's end or a joining word, not before a noun its
    last name modifies ("along with the adoption agency", "with care leavers a strength"), before a verb it is
    the subject of ("good, and care leavers were consulted") nor before words setting it apart ("with adoption the
    exception")."""
    after = _WORD_AFTER.match(text, end)
    if _SET_APART_AFTER.match(text, end):
        return False
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


# The areas of an inspection named as a LIST by a definite reference to them: "outlined the five judgements -
# overall effectiveness, leadership, ... -", "the four areas: A, B, C and D", "The three judgements were A, B and C"
_AREAS_LISTED = re.compile(r"\bthe\s+(?:(?:two|three|four|five|six)\s+)?(?:(?:graded|inspection|underlying|individual"
                           rf"|separate|key|main|inspected|headline)\s+)?{AREA_NOUN}\s*(?::|\s[-–—]\s"
                           r"|,?\s+(?:namely|i\.e\.)\s|\s+(?:were|are)\s)\s*(?P<list>[^.:;–—]+)", re.I)
# ... or as members of every area, the sentence opening with a reference to it: "That includes the impact of leaders,
# which had been good in 2018", "This included care leavers", "It covered help and protection too"
_INCLUDED = re.compile(r"^\W*(?:that|this|it)\s+(?:(?:also|even)\s+)?(?:includes?|included|covers?|covered)\s+", re.I)
_EARLIER_SENTENCES = 3  # how far back (sentences giving claims) a verdict on every area is looked for


def _areas_of_every_area_verdict(sentence: str, claims: Sequence[Claim], mentioned: Sequence[tuple[str, int, int]],
                                 text_before: Sequence[Claim]) -> list[Claim]:
    """A sentence giving no claim that names the areas of an inspection as a LIST ("the five judgements - A, B, C, D
    and E -"), or one opening by naming members of it ("That includes A"), after a verdict on every area ("judged
    all five areas as requires improvement") in one of the last sentences giving claims: each named judgement
    takes that verdict's grade, councils and time."""
    found = _AREAS_LISTED.search(sentence)
    names = listed(found["list"].strip(" ,")) if found and not claims else None
    if not names and (included := _INCLUDED.match(sentence)):
        names = coordinated_after(sentence, judgements_in(sentence), included.end())
    if not names:
        return []
    evidence = list(dict.fromkeys(c.evidence for c in reversed(text_before)))[:_EARLIER_SENTENCES]
    at = next((e for e in evidence if every_area_spans(e)), None)
    verdicts = [c for c in text_before if c.evidence == at and c.status != "hypothetical"]
    source = _agreed(verdicts) if len({c.grade for c in verdicts}) == 1 else None
    if source is None or any(code not in source.councils for code, _, _ in mentioned):
        return []
    return _completions(sentence, sentence, source.grade, names, source, verdicts)


def completed(sentence: str, claims: Sequence[Claim], mentioned: Sequence[tuple[str, int, int]],
              paragraph_before: Sequence[Claim] = (), text_before: Sequence[Claim] = ()) -> list[Claim]:
    """The claims completion adds to a sentence's `claims`: see the module docstring. `mentioned` holds the
    (council, start, end) of each council the sentence names; `paragraph_before`, the claims of the last sentence
    of the same paragraph that gave any."""
    added: list[Claim] = _areas_of_every_area_verdict(sentence, claims, mentioned, text_before)
    listed_as_one = but_setting_apart(semicolons_as_commas(sentence))  # a LIST in brackets or dashes, semicolons
    # between its items, is no run of clauses ("each of them (A; B; and C) inadequate"), nor is "all but A"
    for start, end in _clauses(listed_as_one):
        clause = listed_as_one[start:end]
        completions = _completions_of(clause)
        if referred := with_grade_referred_to(sentence, start, end, paragraph_before):
            clause, earlier = referred  # "and the same grade was given to its leadership"
            completions += [(grade, names, None if earlier else whole, named)  # "It's the same grade for care
                            for grade, names, whole, named in _completions_of(clause)]  # leavers": the paragraph's
        for grade, _, whole, named in completions:
            # (a reference to every area or to the grade before in a clause naming no council: the paragraph's
            # verdict of that grade)
            alone = whole is not None or not any(start <= s and e <= end for _, s, e in mentioned)
            source = _source(grade, whole, clause, claims, paragraph_before if alone else (),
                             text_before if alone else (), alone and not _SUPPOSED.search(sentence))
            if source is None or any(start <= s and e <= end and code not in source.councils
                                     for code, s, e in mentioned):
                continue  # a council the verdict is not for is named in the clause
            names = [n for n, (a, b) in named if all(int(y) == source.year for y in _YEAR.findall(clause, a, b))]
            added += _completions(sentence, clause, grade, names, source, [*claims, *added])  # (not another time)
    return added


def _completions_of(clause: str) -> list[tuple[str, list[str], bool | str | None, list[tuple[str, tuple[int, int]]]]]:
    """(grade, judgements, whether the clause is only they and the grade (None: a reference to every area; PAIRED:
    one of several grades), each judgement with the stretch whose years are its time) of the judgements to complete
    in a clause: those chained to its one grade (their time the clause's) or paired with one of its grades (the
    words between it and them), and those named with "every area" (likewise)."""
    found = chained(clause)
    completions = [] if found is None or not found[1] else [(*found, [(n, (0, len(clause))) for n in found[1]])]
    completions += [(grade, list(dict.fromkeys(n for n, _ in named)), PAIRED, named) for grade, named in paired(clause)]
    return completions + [(grade, [n for n, _ in named], None, named) for grade, named in every_area_members(clause)]


# Councils at large, not the paragraph's: "40 councils were good in every area", "the same grade at 60% of councils",
# "so were care leavers in most of the region"
_AT_LARGE = re.compile(r"%|\bper\s*cent\b|\b(?:councils|authorities|nationally|elsewhere|most|many|several)\b"
                       r"|\b(?:across|in)\s+(?:England|the\s+country|the\s+region)\b", re.I)


# A sentence supposing, or speaking of any council: "If Ofsted ever judged a council good while its care leavers were
# inadequate", "whether an authority is outstanding or its children in care inadequate"
_SUPPOSED = re.compile(r"\b(?:if|whether|unless|suppose|imagine|(?:a|an|any|every|no)\s+"
                       r"(?:other\s+)?(?:council|authority|local\s+authority|LA))\b", re.I)


def _source(grade: str, whole: bool | str | None, clause: str, claims: Sequence[Claim],
            paragraph_before: Sequence[Claim], text_before: Sequence[Claim] = (), fallback: bool = False
            ) -> Claim | None:
    """The claim whose councils, time and status the judgements completed take: the sentence's claims of the grade
    (those whose words stand in the clause, if any), else for a clause of judgement names and a grade alone ("help
    and protection and children in care, good") the sentence's (or the paragraph's) verdicts, for a judgement paired
    with one of the clause's grades the clause's verdicts, else (`whole` None,
    a reference to every area or to the paragraph's grade) the paragraph's last verdicts when they are all of that
    grade."""
    same = [c for c in claims if c.grade == grade]
    same = [c for c in same if c.grade_words.lower() in clause.lower()] or same
    if same:
        return _agreed(same)
    if whole is PAIRED and claims:  # "adequate on safeguarding and good on looked after children": the clause's
        return _agreed([c for c in claims if c.grade_words.lower() in clause.lower()])  # verdicts
    if whole is True and claims:
        return _agreed(list(claims))
    if whole is True and (found := _agreed(list(paragraph_before))):
        return found
    if whole is None and paragraph_before and {c.grade for c in paragraph_before} == {grade} \
            and not _AT_LARGE.search(clause):
        return _agreed(list(paragraph_before))
    if not fallback or _AT_LARGE.search(clause) or _YEAR.search(clause) or scale_spans(clause) \
            or any(c.status == "hypothetical" for c in claims):
        return None  # (councils at large, another time, the scale, a sentence supposing)
    # the current verdict the paragraph is about, else the text (its verdict of that grade, if it gave one)
    current = [c for c in paragraph_before if c.status == "current"] \
        or [c for c in text_before if c.status == "current"]
    current = [c for c in current if c.grade == grade] or current
    return _agreed([c for c in current if c.evidence == current[-1].evidence]) if current else None


def _completions(sentence: str, clause: str, grade: str, names: list[str], source: Claim,
                 claims: Sequence[Claim]) -> list[Claim]:
    """The claims of the judgements `names` with `grade`, for the councils, time and status of `source`."""
    added: list[Claim] = []
    words = source.grade_words if source.grade == grade else _first_grade_words(clause, grade)
    for name in names:  # a judgement the sentence gave those councils a claim for (at that time) is theirs already
        if not any(_covered(name) & _covered(c.judgement) and set(c.councils) & set(source.councils)
                   and c.year == source.year for c in [*claims, *added]):
            added.append(replace(source, judgement=name, judgement_stated=True, grade=grade, grade_words=words,
                                 evidence=sentence))
    return added


def _first_grade_words(clause: str, grade: str) -> str:
    m = next((m for m in _GRADE.finditer(clause) if normalise_grade(m.group()) == grade), None)
    return " ".join(m.group().split()) if m else ""
