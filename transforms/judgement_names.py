"""How news and minutes name the judgements an inspection grades: a small grammar over the framework's names.

    NAME    the judgement's own words, full or short (JUDGEMENT_PATTERNS): "the impact of leaders on social work
            practice", "leadership", "leaders' impact", "children who need help and protection", "help and
            protection", "children in care", "care leavers", "adoption performance", "overall effectiveness" ...
    PHRASE  [the | its | their | <Council>'s] [HEAD] NAME [TAIL]
            HEAD: "the experiences and progress of", "services for", "support to", "the help and protection
            given to" ...; TAIL: "on social work practice (with children and families)", "given to children" ...
    LIST    PHRASE {"," PHRASE} [","] ("and" | "&" | "as well as" | "plus") PHRASE, or "both" PHRASE "and" PHRASE

One predicate binds every PHRASE of a LIST: "help and protection, children in care and leadership were all judged
inadequate", "inspectors judged the impact of leaders, the experiences and progress of children who need help and
protection, and the experiences and progress of children in care to be inadequate", "each of the four judgements –
leadership, help and protection, children in care and care leavers – was graded good" (a LIST set off by dashes
or brackets in apposition to its head).
"""

from __future__ import annotations

import re

from transforms.grades import GRADE_PHRASE

CARE_AND_LEAVERS = "children_in_care_and_care_leavers"
_IN_CARE = (r"children[-\s]+in[-\s]+(?:its\s+|their\s+|our\s+|the\s+council['’]s\s+)?care|children\s+looked\s+after"
            r"(?:\s+and\s+achieving\s+permanence)?"
            # "looked-after services", "safeguarding and looked-after provision": the service named by its children
            # (before "looked-after children": "looked-after children's services" is one NAME)
            r"|looked[-\s]after\s+(?:children['’]s\s+)?(?:services?|provision|work|judge?ments?)\b"
            r"|looked[-\s]after\s+children")
JUDGEMENT_PATTERNS = [
    # "the overall effectiveness of arrangements to protect children" (or "for the protection of children"),
    # "keeping children (and young people) safe" (APA's staying safe)
    ("safeguarding", r"overall\s+effectiveness\s+of\s+(?:[\w'’]+\s+){0,3}?(?:safeguarding"
                     r"|arrangements\s+(?:to\s+protect|for\s+(?:the\s+)?protection\s+of|for\s+protecting))"
                     r"|keep(?:s|ing)?\s+children(?:\s+and\s+young\s+people)?\s+safe|staying\s+safe|stay\s+safe"),
    # ... or "overall" alone before its grade, in a telegraphic run: "overall good; leadership outstanding"
    ("overall_effectiveness", r"overall\s+(?:effectiveness|judgements?|judgments?|grade|rating)"
                              rf"|(?<![\w-]\s)overall(?=\s+{GRADE_PHRASE}\s*(?:[;,.]|$))"),
    # "leaders, whose impact on social work practice was ...": the judgement's name in a relative clause
    # (whose leaders, in a council's words too: "the impact of our leaders", "the impact of the council's leaders")
    ("leadership", r"impact\s+of\s+(?:(?:senior|the|its|their|our|council['’]s|authority['’]s)\s+){0,2}leaders"
                   r"|leaders['’]\s+impact"
                   # ... in plain words: "how good the leaders are", "how well its leaders lead"
                   r"|how\s+(?:good|well|effective)\s+(?:the\s+|its\s+|their\s+|our\s+)?(?:senior\s+)?leaders\b"
                   r"|leaders,?\s+whose\s+impact"
                   r"|leadership,?\s+management\s+and\s+governance|leadership\s+and\s+management"
                   r"|(?:(?:senior|political)\s+)?leaders\s+and\s+managers"
                   r"|service\s+management"
                   r"|\bleadership\b"),
    # also "help for children who need protection", "protection for children in need of help" (with their head)
    # ... in plain words: "kids who need protecting", "children in need of protection"
    ("help_and_protection", r"(?:children|kids|young\s+people)\s+(?:who\s+(?:need|needed)|needing|in\s+need\s+of)\s+"
                            r"(?:protecting|protection)\b"
                            r"|(?:help|support|services?)(?:\s+and\s+(?:support|protection))?\s+(?:given\s+to|offered"
                            r"\s+to|for|to)\s+children\s+(?:who\s+(?:need|needed)|needing|in\s+need\s+of|requiring)\s+"
                            r"(?:help\s+(?:and|&)\s+)?protection"
                            r"|protection\s+(?:of|for)\s+children\s+(?:who\s+need|needing|in\s+need\s+of)\s+help"
                            r"|(?:children\s+)?(?:who\s+)?(?:need|needed|needing|requiring)\s+help[-\s]+(?:and|&)[-\s]+protection"
                            r"|help[-\s]+(?:and|&)[-\s]+protection"),
    # one judgement from 2018 to 2022, two before and after: which, is known once the claim's year is
    (CARE_AND_LEAVERS, rf"(?:{_IN_CARE})\s+(?:and|&)\s+(?:care\s+leavers|(?:young\s+people|children)\s+leaving"
                       r"\s+(?:our\s+|its\s+|their\s+)?care)"),
    ("children_in_care", _IN_CARE),
    # ... and the service named by them: "its leaving care service", "the leaving-care team", "the care leaver
    # judgement", "its care leaver services"
    ("care_leavers", r"care[-\s]+leavers|(?:young\s+people|children)\s+leaving\s+(?:our\s+|its\s+|their\s+)?care"
                     r"|(?:leaving[-\s]care|care[-\s]+leaver)\s+(?:services?|teams?|provision|support|work"
                     r"|judge?ments?)\b"),
    ("adoption", r"adoption\s+performance|\badoption\b"),
    # the pre-2014 frameworks' safeguarding judgement, help and protection since: named by year when read
    ("child_protection", r"child\s+protection(?!\s+(?:plans?|conferences?|cases?|investigations?|enquir))"),
    ("lscb", r"(?:local\s+)?safeguarding\s+(?:children(?:'s)?\s+)?boards?|\bLSCB\b|safeguarding\s+partnership"),
    ("safeguarding", r"\bsafeguarding\b"),  # the pre-2013 frameworks' safeguarding judgement
    ("other", r"capacity\s+(?:to\s+improve|for\s+improvement)"),
]
NAME = re.compile("|".join(f"(?P<{name}{i}>{pattern})" for i, (name, pattern) in enumerate(JUDGEMENT_PATTERNS)),
                  re.I)
NAMES = {f"{name}{i}": name for i, (name, _) in enumerate(JUDGEMENT_PATTERNS)}
NAME_ALTERNATIVES = "|".join(f"(?:{pattern})" for _, pattern in JUDGEMENT_PATTERNS)

# The nouns news and minutes call the judgements of an inspection by, none by its name: "area", "judgement",
# "aspect", "part (of the service)", "measure", "element", "strand" (not "parts of the county": a place)
AREA_NOUN = (r"(?:(?:sub-?)?judge?ments?|areas?|aspects?|elements?|strands?|measures?|domains?|sections?"
             r"|parts?(?!\s+of\s+(?:the\s+)?(?:country|county|borough|city|region|town|district|England)\b))\b")
# "every area", "all four judgements", "each of the five areas", "every one of its judgements": every judgement named
# at once, none by its name
_AREAS = rf"(?:(?:judge?ment|inspection|headline)\s+)?(?:{AREA_NOUN}|categor(?:y|ies))"
_EVERY = re.compile(r"(?:(?:every|each|all)\s+(?:single\s+)?(?:one\s+)?(?:of\s+(?:the|its|their)\s+)?"
                    r"(?:(?:two|three|four|five|six|seven|graded|key|inspected|other|remaining|individual|underlying"
                    # ... or a participle: "each of the three underpinning areas", "all the assessed judgements"
                    r"|separate|main|core|[a-z]+(?:ing|ed))\s+){0,2}" + _AREAS
                    # "requires improvement in all five, care leavers among them", "inadequate across the board"
                    + r"|\b(?:all|(?:every|each)\s+one\s+of\s+the)\s+(?:three|four|five|six)"
                    r"(?=\s*(?:[,.;:]|\s[-–—]\s|$)|\s+(?:graded|rated|judged|were|was)\b)"
                    r"|\bacross\s+the\s+board\b"
                    # "the same grade right across the inspection – A, B and C"
                    r"|\b(?:right\s+)?across\s+(?:the\s+|its\s+|their\s+)?(?:whole\s+)?(?:inspection|report|framework)\b)",
                    re.I)
# "in three of the four areas", "two other judgements", "of the five areas looked at, four": some areas, by count;
# or set against the rest, a part of the inspection: "the other three areas", "the remaining judgements", "a couple
# of the sections", "only one area", "the one aspect", "the only judgement"
SOME_AREAS = (r"\b(?:(?:one|two|three|four|five|six|both|most|some|several|half|\d)\s+(?:out\s+)?of\s+"
              r"(?:the\s+|its\s+|their\s+)?(?:(?:two|three|four|five|six|seven|\d)\s+)?"
              r"|(?<!\bthe\s)(?<!\bits\s)(?<!\btheir\s)(?:two|three|four|five|six|most|several|many|some)\s+(?:other\s+)?"
              r"|(?:the|its|their)\s+(?:other|remaining)\s+(?:(?:two|three|four|five|six|\d)\s+)?"
              r"|a\s+couple\s+of\s+(?:the\s+|its\s+|their\s+)?"
              r"|(?<!\bevery\s)(?<!\beach\s)(?<!\bany\s)(?<!\bno\s)(?:(?:only|just)\s+)?(?:one|a\s+single)\s+"
              r"|(?:the|its|their)\s+(?:only|one|single|sole)\s+)"
              r"(?:(?:individual|graded|key|other|remaining|[a-z]+(?:ing|ed))\s+)?"
              + _AREAS + r"|\bof\s+the\s+(?:two|three|four|five|six|seven|\d)\s+" + _AREAS
              + r"[^,;:]{0,40},\s*(?:one|two|three|four|five|six|\d)\b(?=\s+(?:were|was|are|is|had|have)\b)")
_SOME = re.compile(SOME_AREAS, re.I)

# What may stand between two NAMEs of one LIST: the first one's TAIL, the joining word, the next one's HEAD.
_PEOPLE = r"(?:(?:vulnerable\s+|local\s+)?(?:children|young\s+people|families)|care\s+leavers)"
# (and the NAME used as a modifier of the service: "the help and protection work", "its care leavers' service"; the
# leaders' impact "on practice" as "on social work practice")
_TAIL = (rf"(?:['’]?\s+(?:work|services?|provision|practice|teams?)\b"
         rf"|\s+(?:on\s+(?:the\s+)?(?:social\s+work\s+)?practice"
         rf"|(?:(?:given|offered|provided)\s+to|of|for|to|with)\s+{_PEOPLE}(?:\s+(?:at\s+risk|in\s+need))?|(?:of|for)\s+(?:the\s+)?(?:council|authority|service))"
         rf"(?:\s+(?:with|and)\s+{_PEOPLE})*)*")
_JOINING_WORD = r"(?:and|&|as\s+well\s+as|plus|along\s+with|together\s+with)"
# (an aside set off by commas after the joining word: "A, B and, for the first time, C")
_JOIN = rf"(?:\s*,\s*(?:{_JOINING_WORD}\s+)?|\s+{_JOINING_WORD}\s+|,?\s+{_JOINING_WORD}\s*,[^,;:.]{{1,40}},\s*)"
_DETERMINER = (r"(?:(?:the|its|their|those|(?:the\s+)?(?:council|authority|borough|county|city)['’]s"
               r"|(?-i:[A-Z])[\w-]+['’]s?)\s+)")
_HEAD = (r"(?:(?:(?:the\s+)?(?:experiences?\s+and\s+progress|experiences?|progress|outcomes|services?|support"
         r"|provision|help|work|practice|arrangements|ones?|that|those"  # "and the one for care leavers"
         r"|(?:separate\s+|individual\s+)?(?:judge?ments?|grades?|ratings?))\s+)?"  # "the separate judgements for"
         r"(?:of|for|to|with|given\s+to|offered\s+to)\s+)")
# A PHRASE's HEAD, for a pattern reading a PHRASE as one unit: "the experiences and progress of" care leavers
NAME_HEAD = _HEAD
NAME_TAIL = _TAIL  # ... and its TAIL: the help and protection "given to children"
# (not "with" alone: ", with care leavers rated ..." opens a clause of its own, it does not go on with the LIST)
# ... and the preposition the first one's HEAD ended with, said again: "gave the top grade to A and to B", "came back
# good on A and on B"
_BETWEEN = re.compile(rf"{_TAIL}{_JOIN}(?:both\s+)?(?:(?:to|for|on|of|in)\s+)?(?:both\s+)?{_DETERMINER}?"
                      rf"(?!with\b){_HEAD}?{_DETERMINER}?", re.I)  # ("and for both A and B")
# "experiences and progress of ... care leavers" reads as one phrase: the word before a NAME that heads it
_OPENING = re.compile(rf"(?:\bboth\s+)?(?:{_DETERMINER}?{_HEAD}){{0,2}}{_DETERMINER}?$", re.I)  # (HEADs stacked: "the
# separate judgements for the experiences and progress of" children in care)
# A LIST set off in apposition to its head: "– leadership, help and protection and children in care –", "(...)"
_APPOSED = re.compile(r"\s[-–—]\s(?P<dashed>[^-–—]+?)\s[-–—]\s|\((?P<bracketed>[^()]+)\)")


_LABEL = re.compile(r"^\W*(?:the\s+)?(?:overall\s+effectiveness|(?:the\s+)?experiences?\s+and\s+progress"
                    r"\s+of\s+|impact\s+of\s+leaders|(?:\w+\s+){0,6}?(?:"
                    + "|".join(f"(?:{pattern})" for name, pattern in JUDGEMENT_PATTERNS if name != "other") + r"))",
                    re.I)


def judgement_named(label: str) -> str | None:
    """The judgement a row's or a column's label names ("Impact of leaders on social work practice", "Care
    leavers"), if it names one and nothing else of note."""
    if len(label.split()) > 16:
        return None
    if re.search(r"overall\s+effectiveness", label, re.I) or re.fullmatch(r"\W*overall\W*", label, re.I):
        return "overall_effectiveness"  # also "Overall" alone: "Overall – good; Leadership – outstanding"
    if _LEADERS.fullmatch(label.strip(" \t'\"‘’“”*•-")):
        return "leadership"  # "Leaders: good" on a line of its own
    if abbreviated := _ABBREVIATED.fullmatch(label.strip(" \t'\"‘’“”*•-.:")):  # a table's "H&P", "CiC", "CLA"
        return next(name for name, found in abbreviated.groupdict().items() if found)
    if not _LABEL.match(label):
        return None
    names = [n for n in dict.fromkeys(name for _, _, name in judgements_in(label)) if n != "other"]
    return names[0] if len(names) == 1 or (names and names[0] == "leadership") else None


# "... each of the three judgements below it: A, B and C", "good in all four areas: A; B; C; D"
# (or after a dash, ", namely", ", including": "good in all five areas – A, B, C, D and E"; "which were listed
# in the report as: A; B; C"; "which inspectors listed as A, B and C")
# ... or a relative clause naming them: "..., which inspectors listed as A, B and C", "..., which the report names as")
_EVERY_LISTED = re.compile(r"[^:;.–—]{0,60}?(?::|\s[-–—]\s|,?\s+(?:namely|including|i\.e\.|that\s+is)\b"
                           r"|,?\s+(?:which|that)\s+(?:[\w'’]+\s+){0,3}?(?:listed|named|names|lists|identified"
                           r"|identifies|set\s+out|sets\s+out|described|describes|given)\s+as\b)\s*"
                           r"(?P<list>(?:(?!\s-\s)[^.:–—])+)",  # (up to a closing dash: "– A, B and C – and ...")
                           re.I)


_OVERALL_ITEM = re.compile(r"^\s*overall\b(?!\s+(?:effectiveness|judge?ment|grade|rating))(?=\s*,)", re.I)
# "every one of the five judgements, care leavers included", "in all five, care leavers among them"
_INCLUDING = re.compile(r"\bincluding\s*$", re.I)
_ONE_INCLUDED = re.compile(r"\s*,\s*(?P<list>[^,;.:]{3,80}?)\s+(?:included|among\s+them|too)\b", re.I)


def every_listed(sentence: str) -> tuple[int, list[str]] | None:
    """(where the LIST starts, the judgements) when "every area" is named after a colon, a dash, "namely" or
    "including" as a LIST (commas or semicolons): "good in each of the four areas beneath: leadership; help and
    protection; children in care"; also the areas a count names ("outstanding in three of the four areas: A, B and
    C", "good in three of four judgements, including A and B"; "four were found inadequate: A, B and C all ..."),
    the LIST opening what follows."""
    for every in _EVERY.finditer(sentence):
        m = _EVERY_LISTED.match(sentence, every.end())
        # "overall" alone opening the LIST: "across the board – overall, leadership, help and protection ..."
        if m and (names := listed_with_overall(m["list"])):
            return m.start("list"), names
        if m and _INCLUDING.search(sentence, 0, m.start("list")) and (  # "every judgement had been inadequate,
                names := coordinated_after(m["list"], judgements_in(m["list"]), 0)):  # including the impact of leaders"
            return m.start("list"), names
        if m := _ONE_INCLUDED.match(sentence, every.end()):  # "in all five areas, care leavers included"
            text = m["list"]
            if names := coordinated_after(text, judgements_in(text), 0):
                return m.start("list"), names
    for some in _SOME.finditer(_blanked(_EVERY, sentence)):
        m = _EVERY_LISTED.match(sentence, some.end())
        text = m["list"].replace(";", ",") if m else ""
        if m and (names := listed(text.rstrip(" ,")) or coordinated_after(text, judgements_in(text), 0)):
            return m.start("list"), names
    return None


_RELATIVE_AFTER = re.compile(r",\s+(?:who|which|where|whose)\b", re.I)


def listed_with_overall(text: str) -> list[str] | None:
    """The judgements of a LIST after a colon or a dash, commas or semicolons between its items, "overall" alone
    opening it standing for overall effectiveness ("overall, leaders, help and protection and children in care"),
    and a relative clause after its last item left out (", and care leavers, who since 2023 are graded apart")."""
    if relative := _RELATIVE_AFTER.search(text):
        text = text[:relative.start()]
    return listed(_OVERALL_ITEM.sub("overall effectiveness", text.replace(";", ",")).rstrip(" ,"))


def some_areas_before(text: str, start: int, end: int) -> bool:
    """Some areas, by count, are named from `start` to `end` ("of the five areas looked at, four were found")."""
    return any(start <= m.start() and m.end() <= end for m in _SOME.finditer(_blanked(_EVERY, text)))


def _blanked(pattern: re.Pattern, text: str) -> str:
    return pattern.sub(lambda m: " " * len(m.group()), text)


# "All but care leavers", "every judgement but adoption": "but" setting judgements apart from every other, no
# conjunction opening a clause
_EVERY_BUT = re.compile(rf"\b(?:all|every|each|everything)\b(?:\s+(?:the|of|its|their|two|three|four|five|six|single"
                        rf"|one|other|{AREA_NOUN}|categor(?:y|ies))){{0,3}}\s+but\b", re.I)


def but_setting_apart(text: str) -> str:
    """The text with "but" after "all" or "every area" written "bar" (same length: offsets hold), one preposition and
    the clause unbroken ("All but care leavers were good")."""
    return _EVERY_BUT.sub(lambda m: m.group()[:-3] + "bar", text)


def every_area_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each reference to every judgement of an inspection at once: "every area", "all four
    judgements", "each area inspected", "across the board"."""
    return [m.span() for m in _EVERY.finditer(text)]


def without_every(text: str) -> str:
    """The text with "all four judgements", "each of the areas", "of the five areas, four" blanked (same length):
    every judgement named at once is not a count of some of them ("three of the four judgements") nor of councils,
    and a count of areas is not a count of councils."""
    return _blanked(_SOME, _blanked(_EVERY, text))


# "leaders" alone names the leadership judgement only as a member of a LIST of judgements ("leaders, help and
# protection and children in care were all good"), not in "leaders said", "leaders were praised"
# The judgements' abbreviations, as a table's or a list's label writes them alone: "H&P", "CiC", "CLA" / "LAC"
# (children looked after), "OE"
_ABBREVIATED = re.compile(r"(?P<help_and_protection>H\s?&\s?P|(?-i:HP))|(?P<children_in_care>(?-i:CiC|CIC|CLA|LAC))"
                          r"|(?P<overall_effectiveness>(?-i:OE))", re.I)
_LEADERS = re.compile(r"\b(?:senior\s+)?leaders\b(?!['’])", re.I)
# ... or graded for: "good for leaders", "outstanding for its leaders"
_LEADERS_GRADED = re.compile(rf"{GRADE_PHRASE}\s+for\s+(?:its\s+|their\s+|the\s+)?$", re.I)
# ... or the subject of a verdict, or of a relative clause giving one: "Leaders were also rated outstanding", "rated
# good overall and its leaders outstanding", "praising its leaders, who were graded good" (not "leaders were
# praised", "leaders said")
_LEADERS_VERDICT = re.compile(rf"(?:,\s+who)?\s+(?:(?:were|was|are|is|had\s+been|have\s+been|got|get|gets|received"
                              rf"|earned|achieved)\s+)?"
                              rf"(?:(?:also|again|now|all|both|still|already|then|previously|once|each)\s+){{0,2}}"
                              rf"(?:(?:rated|judged|graded|found|deemed|assessed)\s+(?:as\s+|to\s+be\s+|to\s+)?)?"
                              rf"[‘'\"“]?{GRADE_PHRASE}", re.I)


# ... or given a grade, the indirect object of a verb of giving: "gave its leaders an outstanding rating", "handed the
# council's leaders a good"
_LEADERS_GIVEN = re.compile(r"\b(?:gave|gives|given|giving|awarded|awards|handed|hands)\s+"
                            r"(?:(?:its|their|the|[\w-]+['’]s)\s+){0,2}(?:senior\s+)?$", re.I)
_GRADE_GIVEN = re.compile(rf"\s+(?:an?\s+)?[‘'\"“]?{GRADE_PHRASE}", re.I)
# ... or a member named of every judgement: "in every area, leaders included", "all five, including leaders"
_LEADERS_MEMBER = re.compile(r"\s*,?\s+(?:included|among\s+them)\b", re.I)
_MEMBER_BEFORE = re.compile(r"\b(?:including|includ(?:ed|es)\s+(?:for\s+)?|among\s+them)\s+"
                            r"(?:its\s+|their\s+|the\s+)?$", re.I)


def judgements_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, judgement) of every NAME in the text, in order."""
    found = [(m.start(), m.end(), NAMES[m.lastgroup]) for m in NAME.finditer(text)]
    for m in _LEADERS.finditer(text):
        if any(s <= m.start() < e for s, e, _ in found):
            continue
        leaders = (m.start(), m.end(), "leadership")
        after = next((j for j in found if j[0] >= m.end()), None)
        before = next((j for j in reversed(found) if j[1] <= m.start()), None)
        if (after and joined(text, leaders, after)) or (before and joined(text, before, leaders)) \
                or _LEADERS_GRADED.search(text, max(0, m.start() - 60), m.start()) \
                or _LEADERS_VERDICT.match(text, m.end()) or _LEADERS_MEMBER.match(text, m.end()) \
                or _MEMBER_BEFORE.search(text, max(0, m.start() - 30), m.start()) \
                or (_LEADERS_GIVEN.search(text, max(0, m.start() - 40), m.start())
                    and _GRADE_GIVEN.match(text, m.end())):
            found.append(leaders)
    return sorted(found)


def joined(text: str, first: tuple[int, int, str], second: tuple[int, int, str]) -> bool:
    """The two NAMEs are neighbours in one LIST: only a TAIL, a joining word and a HEAD stand between them."""
    return bool(_BETWEEN.fullmatch(text, first[1], second[0])) or text[first[1]:second[0]].strip() == ""


def coordinated(text: str, judgements: list[tuple[int, int, str]], start: int, end: int,
                since: int | None = None) -> list[str]:
    """The judgement named nearest before `end` (a grade) and after `start`, with every one of its LIST ("help and
    protection, children in care and leadership were judged inadequate"), back to `since` (default `start`); not a
    judgement merely mentioned earlier ("an inspection of safeguarding ... judged X good")."""
    nearest = [j for j in judgements if start < j[1] and j[0] < end and j[0] >= (start if since is None else since)]
    if not nearest:
        return []
    chain = [nearest[-1]]
    for judgement in reversed([j for j in judgements if (start if since is None else since) <= j[0] < chain[0][0]]):
        if not joined(text, judgement, chain[-1]):
            break
        chain.append(judgement)
    return [name for _, _, name in reversed(chain)]


# A time opening a clause before its subject: "this time round", "in 2022", "at the latest inspection", "since then"
_OPENING_TIME = (r"(?:(?:this|that|the\s+next|the\s+last|last|next)\s+time(?:\s+(?:round|around))?"
                 r"|(?:in|by)\s+(?:19|20)\d{2}|(?:at|by)\s+(?:the|its|their|that)\s+(?:[\w-]+\s+)?"
                 r"(?:inspection|visit|point|stage)|then|now|since\s+then)")
# A judgement referred to, not named, as a verdict's subject after a clause boundary: "that area", "this part of the
# service", "the latter judgement", "that bit", "and that's rated ..." (not "in that area the council ...": a
# preposition's object); after a conjunction opening a clause, by its noun ("..., when that area required
# improvement"; not "before that had required improvement": a time)
_REFERRING_NOUN = (rf"(?:that|this|the\s+latter|the\s+same)\s+(?:{AREA_NOUN}|bits?\b)(?:\s+of\s+(?:the\s+|its\s+"
                   r"|their\s+)?(?:services?|work|inspection|report|provision))?")
_REFERENCE = re.compile(r"(?:(?:^|[,;:(–—-]|\b(?:and|but|while|whereas|though|although|yet|so))\s*"
                        # (after a time opening the clause: "This time round that judgement went up to good", "In 2022
                        # that area was good")
                        rf"(?:{_OPENING_TIME}\s*,?\s*)?[‘'\"“]?"
                        rf"(?:{_REFERRING_NOUN}"
                        r"|(?:that|this)(?=['’]s\b|\s+(?:is|was|has|had|remains|remained|kept|stayed|came)\b))"
                        r"|\b(?:when|where|because|since|after|before|once|until|as)\s+"
                        rf"{_REFERRING_NOUN})"
                        r"(?:['’]s)?(?:\s+[\w'’-]+){0,5}?\s*[‘'\"“]?$", re.I)

_AREA = re.compile(rf"(?<![\w-])(?:{AREA_NOUN}|bits?\b)", re.I)


def refers_to_judgement(before: str) -> bool:
    """The text before a verdict's grade ends with a reference to a judgement as its subject ("That area was")."""
    return _REFERENCE.search(before) is not None


def judgements_referred_to(before: str, earlier: str) -> list[str]:
    """The judgements a verdict's subject refers back to, when the text `before` its grade ends with a reference to
    a judgement ("that part of the service requires improvement", "That area was judged to require improvement"):
    the LIST named last before the reference in its sentence, else the one named last in the sentence before
    (`earlier`), or its last judgement alone when the reference is singular ("..., when that area required
    improvement"); [] when the subject is no such reference, or no judgement was named."""
    reference = _REFERENCE.search(before)
    if reference is None:
        return _one_area_referred_to(before)
    for text in (before[:reference.start()], earlier):
        if judgements := [j for j in judgements_in(text) if j[2] != "other"]:
            names = coordinated(text, judgements, 0, len(text))
            plural = (noun := _AREA.search(reference.group())) and noun.group().lower().endswith("s")
            return names if plural else names[-1:]
    return []


# "it" as a verdict's subject after a clause boundary, and one area named before it in its sentence, with its
# judgement in apposition: "Only one area, the experiences of children in care, escaped the bottom grade - it was
# rated as requiring improvement"
_IT = re.compile(r"(?:[,;:(–—-]|\b(?:and|but|so|where|when|as))\s*it(?:\s+[\w'’-]+){0,4}?\s*[‘'\"“]?$", re.I)
_ONE_AREA = re.compile(rf"\b(?:(?:only|just)\s+)?(?:one|a\s+single)\s+{AREA_NOUN}"
                       rf"|\b(?:the|its|their)\s+(?:only|one|single|sole)\s+{AREA_NOUN}", re.I)
_NAMED_APART = re.compile(r"\s*(?:,|:|\s[-–—]\s|\()\s*(?:namely\s+)?", re.I)


def _one_area_referred_to(before: str) -> list[str]:
    """The judgement "it" refers to as a verdict's subject (`before` ends with it), when its sentence named one area
    before it, the judgement set in apposition to it ("Only one area, care leavers, ... - it was"); [] otherwise
    (a council, say)."""
    if (it := _IT.search(before)) is None:
        return []
    areas = list(_ONE_AREA.finditer(before, 0, it.start()))
    named = _NAMED_APART.match(before, areas[-1].end()) if areas else None
    names = coordinated_after(before, judgements_in(before), named.end()) if named else []
    return names[:1]


# What may end a LIST before its predicate's grade: the last one's TAIL, a comma or a dash, "all", "both", "each"
_LIST_END = re.compile(rf"{_TAIL}\s*(?:[,–—-]\s*)?(?:(?:all|both|each)\s+)?", re.I)


def list_ending_at(text: str, judgements: list[tuple[int, int, str]], since: int, end: int
                   ) -> tuple[int, list[str]] | None:
    """(where it starts, its judgements) of the LIST that ends right at `end`, after `since`, but for its last TAIL
    and "all"/"both" ("judged A, the experiences and progress of B and C all | to be good"); None when what stands
    before `end` is not the end of a LIST."""
    before = [j for j in judgements if since <= j[0] and j[1] <= end]
    if not before or not _LIST_END.fullmatch(text, before[-1][1], end):
        return None
    chain = [before[-1]]
    for judgement in reversed(before[:-1]):
        if not joined(text, judgement, chain[-1]):
            break
        chain.append(judgement)
    return chain[-1][0], [name for _, _, name in reversed(chain)]


def coordinated_after(text: str, judgements: list[tuple[int, int, str]], start: int, end: int | None = None
                      ) -> list[str]:
    """The first judgement named from `start` on, with the ones of its LIST after it: "judged good for leadership,
    help and protection and children in care". It must start before `end`, or with no `end`, right at `start`
    but for a determiner or a head ("are the impact of leaders and ...")."""
    after = [j for j in judgements if start <= j[0]]
    if not after or (after[0][0] >= end if end is not None else not _OPENING.fullmatch(text, start, after[0][0])):
        return []
    chain = [after[0]]
    for judgement in after[1:]:
        if not joined(text, chain[-1], judgement):
            break
        chain.append(judgement)
    return [name for _, _, name in chain]


# "Officers said (that) ...", "Members heard ...": reported speech before the clause's own subject
_REPORTED = re.compile(r"\s*(?:[\w'’-]+\s+){0,5}?(?:said|says|told(?:\s+(?!that\b)[\w'’-]+){1,3}|heard|reported"
                       r"|noted|explained|added|confirmed|agreed)\s+(?:that\s+)?", re.I)
# A clause with no subject of its own, a verb first: "... but still required improvement", "but remained inadequate"
_NO_SUBJECT = re.compile(r"\s*(?:(?:still|now|also|yet|nonetheless|only|then)\s+)*(?:requir\w*|remain\w*|was|were|is"
                         r"|are|had|has|have|needs?|needed|continues|continued)\b", re.I)


# ", judged good last time,", ", good at the previous inspection,": words set off by commas right after a NAME
_INSERTION = re.compile(rf"{_TAIL}\s*,(?P<inserted>[^,;.]{{3,60}}),\s*", re.I)


def insertions(text: str, judgements: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """(start, end) of each insertion set off by commas right after a NAME ("the impact of leaders, judged good last
    time, now requires improvement"), when a predicate of its own follows (the NAME's)."""
    spans = []
    for _, end, _ in judgements:
        if (m := _INSERTION.match(text, end)) and _NO_SUBJECT.match(text, m.end()) \
                and not NAME.search(m["inserted"]):
            spans.append((m.start("inserted"), m.end("inserted")))
    return spans


def subject_judgements(clause: str) -> list[str]:
    """The LIST a clause opens with as its subject, after any reported speech ("Officers said the care leavers
    service had stronger practice" -> care_leavers); [] when the clause opens with anything else."""
    lead = _REPORTED.match(clause)
    return coordinated_after(clause, judgements_in(clause), lead.end() if lead else 0)


def subjectless(clause: str) -> bool:
    """The clause has no subject of its own and takes the one before it ("but still required improvement")."""
    return bool(_NO_SUBJECT.match(clause))


def listed(text: str) -> list[str] | None:
    """The judgements of a text that is a LIST and nothing else ("leadership, help and protection, and the
    experiences of children in care"), in order; None if it is anything more."""
    found = judgements_in(text)
    if len(found) < 2 or not _OPENING.fullmatch(text, 0, found[0][0]) or not re.fullmatch(
            rf"{_TAIL}\W*", text[found[-1][1]:], re.I):
        return None
    if not all(joined(text, a, b) for a, b in zip(found, found[1:], strict=False)):
        return None
    return [name for _, _, name in found]


# "formally 'the impact of leaders'", "known in the report as ...", "officially ...": a judgement's other name
_ALSO_NAMED = re.compile(r"^\s*(?:(?:more\s+)?(?:formally|officially|properly|in\s+full)"
                         r"|(?:also\s+)?(?:known|named|called|described|listed|termed)(?:\s+(?:in|by)\s+(?:the\s+)?(?:report|framework|inspectors|Ofsted))?"
                         r"\s+as|i\.?\s?e\.?|or|that\s+is),?\s+", re.I)


def _one_phrase(text: str) -> bool:
    """The text is one PHRASE and nothing else ("the impact of leaders on social work practice"), or one PHRASE
    given as the judgement's other name ("formally 'the impact of leaders'")."""
    if also := _ALSO_NAMED.match(text):
        text = text[also.end():].strip(" ‘’'\"“”")
    found = judgements_in(text)
    return len(found) == 1 and bool(_OPENING.fullmatch(text, 0, found[0][0])) and bool(
        re.fullmatch(rf"{_TAIL}\W*", text[found[0][1]:], re.I))


def unbracketed(sentence: str) -> str:
    """The sentence with each LIST in apposition set off by commas, not dashes or brackets, so that it stays in the
    clause of its predicate: "Each of the four judgements – A, B, C and D – was graded good" -> "Each of the four
    judgements , A, B, C and D , was graded good" (same length: offsets hold), semicolons between its items made
    commas too ("– A; B; and C –"); also one PHRASE naming the
    judgement just named ("Leadership – the impact of leaders on social work practice – was outstanding"), blanked
    when given as its other name ("Leadership - formally 'the impact of leaders' - and X were ...")."""
    def commas(m: re.Match) -> str:
        text = m.group()
        inner = m["dashed"] or m["bracketed"]
        if listed(inner.replace(";", ",")) is None and not _renames(sentence, m):
            return text
        if _ALSO_NAMED.match(inner):  # named twice, once in the LIST: see `without_other_names`
            return " " * len(text)
        text = text.replace(";", ",")  # a LIST of long PHRASEs set apart by semicolons ("– A; B; and C –")
        if m["bracketed"]:
            return f",{text[1:-1]},"
        return f"{text[0]},{text[2:-2]},{text[-1]}"

    return _APPOSED.sub(commas, sentence)


def _renames(sentence: str, m: re.Match) -> bool:
    """The apposition is one PHRASE naming the judgement just named."""
    before = sentence[:m.start()].rstrip()
    return _one_phrase(m["dashed"] or m["bracketed"]) and bool(NAME.search(before[-60:])) \
        and judgements_in(before)[-1][1] == len(before)


def semicolons_as_commas(text: str) -> str:
    """The text with the semicolons between the items of a LIST in apposition made commas (same length), so that
    its PHRASEs read as one LIST: "Each of the four judgements – A; B; C; and D – was graded good"."""
    def commas(m: re.Match) -> str:
        inner = m["dashed"] or m["bracketed"]
        return m.group().replace(";", ",") if ";" in inner and listed(inner.replace(";", ",")) else m.group()

    return _APPOSED.sub(commas, text)


def without_other_names(text: str) -> str:
    """The text with a judgement's other name in apposition blanked (same length), so that the LIST it stands in
    reads on: "leadership - formally 'the impact of leaders' - and the experiences of children in care were both
    ..." """
    return _APPOSED.sub(lambda m: " " * len(m.group()) if _ALSO_NAMED.match(m["dashed"] or m["bracketed"])
                        and _renames(text, m) else m.group(), text)
