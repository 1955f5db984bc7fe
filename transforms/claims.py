"""Rating claims read the way a person reads them: who was rated, on what, what grade, when, and is it news.

A claim comes from one unit of text (a sentence, a table row, a list item under its lead-in) and records:

- the subject councils, with coordination ("X and Y were rated ...") and lists ("judged inadequate were: X;
  Y; Z") expanded, "respectively" paired in order ("X and Y were rated good and inadequate respectively"),
  and a verdict distributed over councils each with its year ("... - X in 2008 and Y in 2009") or given to a
  subject of councils each with its own time ("X in March and Y last month were rated good", "X in 2023, Y the same
  year: all good");
- the judgement, named in the text or, when only "rated X" is said, overall effectiveness;
- the grade and the words used for it; a grade referred to rather than named ("kept its rating", "given the
  same grade again", "fell into that category") is the grade the discourse named last;
- the time anchor: a year stated for this verdict, a time relative to the document's date ("last year",
  "six years ago"), an earlier inspection ("at its previous inspection": year unknown here), or else the
  document's publication date;
- the status: current (the inspection the document reports), historical (an earlier grade; also one given as
  background, "For context, X was rated good", dated by the earlier time the text has just spoken of), transition
  (the grade a council left behind: "moved out of inadequate") or hypothetical (hopes, risks, conditions
  and negations: "if rated inadequate", "avoided an inadequate rating");
- the evidence: the sentence it was read from.

Attribution follows the sentence and the discourse, not the nearest name: the council a grade's noun is for ("its
good rating for X"); the councils named as the subject of the verdict's own stretch of the clause (not one named in
a relative clause or an apposition inserted after it: "The borough, which shares a company with X, was ..."); else
the councils a grade was given to, named after it ("gave an inadequate rating to X and Y"); else, when that stretch
refers back ("it", "its services", "the council", "the authority"), the council the discourse is about (the subject
of the last sentence that named one, at first the document's own council); else the council named earlier in the
clause; else the discourse's council. A verdict repeated by ellipsis ("..., as was Y", "So were Y and Z.") goes to
the councils named after "as/so was"; a second conjunct with its verb left out ("X was rated outstanding, and Y
good") gives Y that verdict with its own grade; "the former", "the latter", "the first", "the second" are the
councils named together just before. A grade set off by a comma after a clause about a council that grades nothing
("X's report came out in May, good across the board"; "Y followed in January, also adequate") is that clause's
subject's verdict, at the clause's time. A verdict with its subject and verb left out ("X: good, since 2022";
"Take X. Good overall, good for leaders"; "Care leavers? Requires improvement.") takes them from the discourse.
A headline with no verb ("Ofsted: X children's services 'inadequate'")
reports its quoted grade.

Council mentions are found once per document (:class:`Mentions`) and reused for every unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from csi.dates import MONTH_PATTERN
from csi.records import CELL_SEPARATOR, Block
from transforms.asserted import asserted
from transforms.completion import completed
from transforms.councils import CouncilIndex, Mention, described_as
from transforms.grade_tables import (
    Column,
    carried_forward,
    grade_table_claims,
    grade_table_header,
    one_councils,
)
from transforms.grades import GRADE_PHRASE, QE, YEAR, Q, count_of, normalise_grade, scale_spans
from transforms.held_grades import held_grades
from transforms.inherited_anchors import TimeContext, inherit_anchors
from transforms.judgement_names import NAME, every_listed, judgement_named, judgements_in
from transforms.pre2009 import Pre2009, annual_stars, echoes
from transforms.ratings import (
    RatingClaim,
    background,
    given_to_other,
    headline_claims,
    lead_in_verdicts,
    other_subject,
    provider_named,
    rating_claims,
    shared_grade_list,
    table_row_claim,
    time_named,
    time_stated,
)
from transforms.roundup_lines import roundup_claims, roundup_entries
from transforms.sub_judgements import (
    areas_covered,
    grade_labels,
    judgement_rows,
    judgements_sharing_last_verdict,
    labelled_verdicts,
    referred_judgements,
)
from transforms.text import sentences, speaker_label

STATUSES = ("current", "historical", "transition", "hypothetical")
LAST_PRE_2013_YEAR = 2013  # SLAC inspections ran until 2013 (their headline: safeguarding); APA and JAR ended in 2009


@dataclass(frozen=True)
class Claim:
    councils: tuple[str, ...]
    judgement: str
    judgement_stated: bool
    grade: str
    grade_words: str
    year: int | None
    anchor: str  # stated | relative | previous_inspection | discourse | publication
    status: str  # one of STATUSES
    evidence: str


_PROSE_CELL_WORDS = 12  # a table cell of this many words is prose (a risk register's commentary), not a label


class Mentions:
    """Council mentions of one document, found once over its text and handed out per unit of text."""

    def __init__(self, index: CouncilIndex, text: str, on: date | None) -> None:
        self.index, self.text, self.on = index, text, on
        self.all = index.find_mentions(text, on=on)
        self._cursor = 0

    def rewound(self) -> Mentions:
        """Ready to hand out mentions from the start of the text again (units are looked up in reading order)."""
        self._cursor = 0
        return self

    def rewound_within(self, unit: str) -> list[Mention]:
        """`within` without moving the reading position (a look ahead)."""
        cursor = self._cursor
        try:
            return self.within(unit)
        finally:
            self._cursor = cursor

    def within(self, unit: str) -> list[Mention]:
        """Mentions inside `unit` (a block, a sentence or a clause of the text), with offsets relative to it."""
        at = self.text.find(unit, self._cursor)
        if at < 0:
            at = self.text.find(unit)
        if at < 0:  # text the document does not hold verbatim (a joined list): scan it on its own
            return self.index.find_mentions(unit, on=self.on)
        self._cursor = at
        end = at + len(unit)
        return [Mention(m.council_code, m.start - at, m.end - at, m.surface) for m in self.all
                if at <= m.start and m.end <= end]


# Words that refer back to the council the discourse is about, also by a description ("the south London borough",
# "the West Midlands authority", "the unitary authority"; not "the neighbouring authority")
_ANAPHOR = re.compile(r"\b(?:it|its|they|their|both|we|our|us|the\s+(?:(?!neighbouring|nearby|other|next|same|new"
                      r"|former)[\w-]+\s+){0,3}?(?:councils?|authorit(?:y|ies)|county|borough|city|department|directorate"
                      r"|service|services|trust))\b", re.I)
# A finite verb not ending in -ed: "X did it first", "it came out in March", "Y went next"
_IRREGULAR_VERB = re.compile(r"\b(?:did|does|came|comes|went|goes|took|takes|saw|sees|made|makes|won|wins|follows)\b",
                             re.I)
# The end of a sentence's subject: its first finite verb.
_FIRST_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|became|becomes|remains?|remained"
                         r"|received|receives|got|gets|said|says|\w{3,}ed)\b", re.I)
# "Judgement - Grade", "Judgement: Grade" in a list item: a table row written as text
_ITEM_SEPARATOR = re.compile(r"\s+[-–—]\s+|:\s+")
# A verdict's stretch opening with a capitalised possessive ("Oldtown's services"): that name is its subject; not
# a phrase of common nouns capitalised by its place or by a headline ("Children's services 'require improvement'",
# "Local Childrens' Services", "The Council's", "Inspectors' verdict").
_OTHER_OWNER = re.compile(r"\W*(?:(?:and|while|whereas|but)\s+)?(?!Ofsted\b|OFSTED\b|Inspectors?\b|It['’]s\b)"
                          r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*['’]s?)\s"
                          # or a name alone before a verb of being: "Northfield Academy remains good"
                          r"|\W*(?:(?:and|while|whereas|but)\s+)?(?!(?:Ofsted|OFSTED|Inspectors?|It|They|We|Both|He|She"
                          r"|There|This|That|These|Those|Each|All|Now|Today|Then|Services?|Children)\b)"
                          r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)\s+(?=(?:is|are|was|were|remains?|remained|has\s+been"
                          rf"|had\s+been)\s+(?:still\s+|now\s+|also\s+)?{Q}{GRADE_PHRASE})")
# ... or a name subject of the conjunct the grade closes ("X was outstanding last year and Oldtown was good")
_LATER_OWNER = re.compile(r"\b(?:and|while|whereas|but)\s+((?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)*)\s+"
                          rf"(?:is|are|was|were|remains?|remained|has\s+been|had\s+been)\s+(?:still\s+|now\s+|also\s+)?{Q}$",
                          re.I)
# A possessive with its noun left out ("X's help and protection was adequate, while Y's was good", "Y's came out
# inadequate"): the noun, and so the judgement, is the one just named
_POSSESSIVE_ALONE = re.compile(r"\b(?-i:[A-Z])[\w-]+['’]s?\s+"
                               r"(?:was|were|is|are|has\s+been|had\s+been|remains?|remained|came\s+out(?:\s+as)?|got)\s+"
                               rf"(?:(?:still|now|also|rated|judged|graded|deemed|found(?:\s+to\s+be)?|as)\s+)*{Q}$",
                               re.I)
_COMMON_NOUN_OWNER = re.compile(r"^(?:The|This|That|Its|Their|Council|County|Authority|Today|Yesterday|Last)\b"
                                r"|\b(?:Children|Childrens|Child|Young|Social|Famil(?:y|ies)|Parents|Services?|Local"
                                r"|Government|Department|Inspectors?)\b")
# The document dating the council's previous inspection: "at the last inspection in 2018", "was last fully
# inspected in 2013", "the earlier, positive inspection took place in 2013", "the previous inspection (2018)",
# "when Ofsted last visited, in March 2018", "since its 2018 inspection" (not a monitoring or focused visit)
_PREVIOUS_INSPECTION = re.compile(r"\b(?:last|previous|earlier|prior)\b[^.;]{0,40}?\b(?:inspect\w*|visited)\b"
                                  r"[^.;]{0,30}?(?:\bin\s+|\(|,\s+)(?:[A-Z][a-z]+\s+)?((?:19|20)\d{2})\b"
                                  r"|\b(?i:since)\s+(?:its|the|their|[A-Z][\w-]+['’]s)\s+((?:19|20)\d{2})\s+"
                                  r"(?:full\s+)?inspection"
                                  # "when it was last inspected ..., in a report published four years ago"
                                  r"|\b(?:last|previous|earlier|prior)\b[^.;]{0,40}?\b(?:inspect\w*|visited)\b"
                                  r"[^.;]{0,60}?\b(?i:(?P<ago>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
                                  r"\s+years?\s+ago)\b")
# A headline about a council it does not name: "One council slips to inadequate", "Another council rated good"
_UNNAMED_COUNCIL = re.compile(r"\W*(?:one|a|an|another|two|three|four|five|six|\d+|several|some|many|more)\s+"
                              r"(?:more\s+|other\s+)?(?:[\w-]+\s+){0,2}?(?:councils?|authorit(?:y|ies)|local\s+authorit(?:y|ies)"
                              r"|boroughs?|count(?:y|ies))\b", re.I)
_LOCATED_IN = re.compile(r"\s*,?\s*(?:in|of)\s+(?:the\s+)?", re.I)
# The grade's words, then "in" and the places: "inadequate in ", "requires improvement in both "
_IN_PLACES = re.compile(r"[‘'\"“]?[\w’'-]+(?:\s+[\w’'-]+){0,4}?[’'\"”]?\s+in\s+(?:both\s+|each\s+of\s+)?", re.I)
# What may join two councils of one list: commas, "and"; a council's common-noun head written in lower case
# ("Northshire county council and Southton city council"); a time inserted after each ("X, in March, and Y",
# "X (April), and Y"); "X and neighbouring Y"
_JOINED = re.compile(r"^(?:\s*(?:,|and|&|as\s+well\s+as|plus)\s*(?:the\s+)?|\s*\([^()]{1,40}\)"
                     r"|(?<=and\s)(?:neighbouring|nearby)\s+"
                     r"|\s+(?:county|city|borough|district|metropolitan\s+borough)\s+council\b"
                     r"|\s*,\s*(?:in|on)\s+(?:(?:early|late|mid)\s+)?(?:[A-Z][a-z]+|(?:19|20)\d{2})(?:\s+(?:19|20)\d{2})?"
                     r"(?=\s*,))+$")
_GRADE = re.compile(GRADE_PHRASE, re.I)
# "Bury, inadequate.": a council and its grade alone make a record (not "Bradford, good at recruiting, ...")
_GRADE_ALONE = re.compile(rf"\s*{Q}(?:{GRADE_PHRASE}){QE}\s*\.?\s*", re.I)
_QUOTED_GRADE = re.compile(rf"[‘'\"“]({GRADE_PHRASE})[’'\"”]", re.I)
# "..., as was Sheffield", "So were Luton and Sheffield", "as had Sheffield's": the verdict just given, again, for the
# councils named next
_ELLIPSIS = re.compile(r"\W*(?:and\s+)?\b(?:as|so)\s+(?:was|were|did|is|are|does|had|has|have)\s+"
                       r"(?:(?:neighbouring|nearby)\s+)?$", re.I)
# "... Calderdale too.", "..., and Calderdale as well", "; Calderdale likewise": councils named alone with an additive
# word, no verb of their own, take the verdict just given as well (_ADDITIVE_BEFORE: what opens their clause)
_ADDITIVE_BEFORE = re.compile(r"(?:^|[,;:]|\s[-–—])\s*(?:(?:and|but)\s+)?(?:(?:neighbouring|nearby)\s+)?$", re.I)
_ADDITIVE_OPENING = re.compile(r"\W*(?:(?:and|but)\s+)?(?:(?:neighbouring|nearby)\s+)?", re.I)
_ADDITIVE = re.compile(r"\s*,?\s*(?:too|as\s+well|likewise|also|similarly)\s*(?:[.!;]|$)", re.I)
# ", like Sheffield,", ", unlike its neighbour Sheffield,", "Unlike Sheffield, ...": councils compared with the
# subject, set off by commas
# "X joins Y in being rated outstanding", "X followed Y in receiving ...": Y is compared with the subject, not it
# ("X, rather than Y, was judged ...", "X, not Y, ...": Y contrasted with the subject, not it)
_COMPARED = re.compile(r"(?:,|^\W*)\s*(?P<kind>like|unlike|as\s+with|along\s+with|together\s+with|alongside"
                       r"|(?P<contrast>rather\s+than|instead\s+of|as\s+opposed\s+to"
                       r"|(?:but\s+)?not(?!\s+(?:least|only|to\s+mention)\b)))\s+"
                       r"[^,]{1,60},"
                       r"|\b(?:joins?|joined|follows?|followed|mirrors?|mirrored|emulates?|emulated)\s+[^,]{1,60}?\s+in\s+"
                       r"(?=(?:being|getting|receiving|achieving|securing|gaining|winning|earning)\b)", re.I)
# "... rating to Luton", "... to both Luton and Sheffield": the recipient of a grade given
_TO_RECIPIENT = re.compile(r"\bto\s+(?:both\s+)?(?:the\s+)?$", re.I)
# "the inadequate rating for Bury", "a good grade for both Bolton and Wigan": the grade's noun, then its recipient
_FOR_RECIPIENT = re.compile(rf"{GRADE_PHRASE}[’'\"”]?\s+(?:overall\s+)?(?:rating|grade|judge?ment|verdict)s?\s+for\s+"
                            r"(?:both\s+)?(?:the\s+)?$", re.I)
_GIVEN = re.compile(r"\b(?:gave|give[ns]?|giving|awarded|awarding|awards?|handed|handing|went|goes|go)\b", re.I)
_ANY_VERDICT_AFTER = re.compile(rf"\b(?:rated|judged|graded|found|{GRADE_PHRASE})\b", re.I)
# "the former", "the latter", "the first", "the second" as a subject: one of the councils named together just before
_ORDINAL = re.compile(r"\bthe\s+(former|latter|first|second)\b(?=\s*(?:,|(?:was|were|is|are|has|had|remains?|remained"
                      r"|received|got|gets|kept|held|saw|fell|rose|moved|stayed|stays)\b))", re.I)
# A council referred back to by the kind of council it is: "the county", "the city's", "the London borough", "the
# island" (not "the county council's neighbour": the head is what it describes)
_DESCRIBED = re.compile(r"\bthe\s+((?:[\w-]+\s+){0,2}?(?:city|county|borough|islands?))\b(?!\s+(?:of|and)\b)"
                        r"(?!['’]?s?\s+neighbour)", re.I)
# "the old county", "the then county council", "the former borough": a council that has ended
_FORMER = re.compile(r"\b(?:former|old|then|previous|late|abolished|defunct)\b", re.I)
# The voice of a council's own page speaking of itself: "we", "us", "our"
_OWN_VOICE = re.compile(r"\b(?:we|us|our|ours)\b", re.I)
# A council spoken of in general, not one council: "any authority", "no council", a grade classifying councils ("a
# requires improvement council"), a council supposed ("if inspectors ever rated a council outstanding"); not as a
# predicate ("it became an outstanding council"), nor a lede's council ("A council rated inadequate in 2019 has ..."),
# nor "each council" of those just named
_COUNCIL_NOUN = r"(?:local\s+|single\s+|other\s+|given\s+|particular\s+)*(?:council|authority|local\s+authority)\b"
_GENERIC_COUNCIL = re.compile(rf"\b(?:any|no)\s+{_COUNCIL_NOUN}"
                              rf"|\b(?:a|an|any|every|no)\s+[‘'\"“]?{GRADE_PHRASE}[’'\"”]?\s+{_COUNCIL_NOUN}"
                              rf"|\b(?i:if|whether|unless)\b[^,;:]*?\b(?:a|an)\s+{_COUNCIL_NOUN}", re.I)
_PREDICATE = re.compile(r"\b(?:is|was|are|were|be|been|being|become|became|becomes|becoming|remains?|remained"
                        r"|stays?|stayed)\s+(?:(?:still|now|also|again|already|once)\s+)?$", re.I)


def _generic_council(sentence: str) -> int | None:
    """Where a sentence first speaks of a council in general (not as a predicate), or None."""
    return next((m.start() for m in _GENERIC_COUNCIL.finditer(sentence)
                 if not _PREDICATE.search(sentence, 0, m.start())), None)


# A verdict whose subject is a pronoun ("It was rated inadequate", "Ofsted judged it good", "That was rated good"):
# after a sentence about another provider, the provider's
_PRONOUN_SUBJECT = re.compile(r"\b(?:it|they|them)\b|^\W*(?:that|this)\s+(?:was|is|had|has|got|received)\b", re.I)
# The first person of a reader commenting under a post before a verdict: the commenter's own agency, school or
# council ("Ours was rated good", "our agency was judged outstanding") or view ("I remember it as inadequate"); not
# what the commenter reports ("I'd remind readers that the 2015 report said ...")
_COMMENTER = re.compile(r"\b(?:we|our|ours|us|my|mine|I)\b(?!.*\bthat\b)", re.I)
_ORDINAL_INDEX = {"former": 0, "first": 0, "latter": -1, "second": 1}
# A plural subject standing for all the councils named together just before: "Both councils were rated good", "the
# two authorities", "They were both judged inadequate", "each of them"
_PLURAL_REF = re.compile(r"\b(?:(?:both|all|the\s+(?:two|three|four|five)|all\s+(?:two|three|four|five))\s+(?:councils"
                         r"|authorities|boroughs|counties|local\s+authorities)|they\s+(?:were\s+|are\s+|have\s+)?"
                         r"(?:both|all|each)|each\s+of\s+them|both\s+of\s+them)\b", re.I)
# "X was rated outstanding, and Y good": the verb left out of a second conjunct, a council and a grade
# ... the council's name opening its clause, perhaps as a place ("; in Y, outstanding") or an owner ("Y's good"), its
# grade ending it or followed by the next conjunct ("X good, Y outstanding and Z inadequate")
_GAP_BEFORE = re.compile(r"(?:,|;|\band|\bwhile|\bwhereas|\bbut)\s*(?:(?:in|for)\s+)?$", re.I)
_GAPPED_GRADE = re.compile(rf"(?:['’]s?)?,?\s+(?:(?:was|is)\s+)?{Q}({GRADE_PHRASE}){Q}"
                           r"(?=\s*(?:[,.;)]|$|\s+(?:in|since|at|and|while|whereas|but)\b))", re.I)
# A verdict written without its subject and verb: a stretch opening with a grade ("good overall, good for leaders",
# "outstanding since 2021", "requires improvement", "X and Y: all good"), the grade followed by what may follow a
# verdict's grade
_GRADE_OPENING = re.compile(rf"\W*(?:(?:and|but|so|with)\s+)?(?:(?:still|now|also|again|only|all|both|each)\s+)?"
                            rf"{Q}{GRADE_PHRASE}{Q}"
                            r"(?=\s*$|\s*[,;.()?!–—-]|\s+(?:overall|for|in|across|since|as|at|again|too)\b)", re.I)
# A time alone opening a verdict with no verb, before a colon, a dash or a comma: "Then 2020: outstanding.", "And this
# summer, outstanding again", "By March 2019 - good"
_TIME_HEAD = re.compile(rf"\W*(?:(?:and|then|but|so|now)\b,?\s+)*(?:(?:back\s+|come\s+)?(?:in|by|from|during)\s+)?"
                        rf"(?:the\s+)?"
                        rf"(?:(?:(?:early|late|mid)[\s-]+)?(?:(?:spring|summer|autumn|winter|{MONTH_PATTERN})\s+(?:of\s+)?)?"
                        rf"(?:19|20)\d{{2}}|(?P<this>this)\s+(?:year|spring|summer|autumn|winter|month|{MONTH_PATTERN})"
                        rf"|last\s+(?:year|spring|summer|autumn|winter|{MONTH_PATTERN}))\s*(?:,\s*)?", re.I)
# A lead-in naming the report or its verdict, with a verb at most: "The verdict", "the day the report landed", "The
# outcome this time"
_REPORT_HEAD = re.compile(r"\b(?:the|its|their|this|that|ofsted['’]s|the\s+inspectors['’])\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:report|verdict|outcome|result|overall\s+grade|overall\s+judge?ment|headline|upshot"
                          r"|bottom\s+line)"
                          r"(?:\s+(?:landed|arrived|came(?:\s+out)?|was\s+published|this\s+time|in\s+full))?\W*$", re.I)
# A sentence only dating the one before it: "That was five years ago.", "This was back in 2018.", "It was the 2017
# report."
# ... or naming that verdict's inspection and when it was: "The inspection took place in 2016.", "The report was
# published in March 2019." (not "The previous inspection ...": another one)
_THAT_WAS = re.compile(r"^\W*(?:and\s+)?(?:(?:that|this|it)\s*(?:was|['’]s|had\s+been)"
                       r"|(?:the|that|this)\s+(?:inspection|re-?inspection|report|visit|verdict)\s+(?:took\s+place|came\s+out"
                       r"|was\s+(?:published|carried\s+out|held|completed|issued|released|made))"
                       r")\s+(?:(?:all|only|just)\s+)?(?P<time>[^,;:]{4,40}?)\W*$", re.I)
# The end of a topic opening a sentence: a colon or a spaced dash ("X: good", "X (January) – good", "X, October - good")
_TOPIC_END = re.compile(r":\s*|\s[–—-]\s+")
# ... or a council opening what follows the colon, set off by a comma or a dash: "the rumours were right: West
# Sussex, inadequate"
_TOPIC_COMMA = re.compile(r"\s*(?:,|\s[–—-])\s*")
# A council's record in brackets right after its name, opening with its grade: "Bury (good)", "Leeds (rated
# outstanding, 2022)", "Dudley (RI, January 2023)", "Sandwell (requires improvement, July 2022, up from inadequate in
# 2015)": that council's verdicts and no other's, dated by the time set after the grade
# (the grade as a verdict, not an adjective before a noun: "Bury (good news at last)")
_RECORD = re.compile(rf"\s*\((?P<content>\s*(?:(?:rated|judged|graded|now|still|then)\s+)?{Q}{GRADE_PHRASE}{QE}"
                     r"(?=\s*(?:[,;)–—-]|(?:overall|in|since|as\s+of|at|from|for|up|down|again|now|then|until)\b"
                     r"|(?:19|20)\d{2}))[^()]*)\)", re.I)
_RECORD_GRADE = re.compile(rf"{Q}{GRADE_PHRASE}{QE}", re.I)
# A time right after such a verdict: "since 2021", ", as of 2022", "(2022)", ", since the 2022 report"
_TIME_NEXT = re.compile(r"\s*,?\s*(?:(?:since|as\s+of|in|from)\b|\()", re.I)
# ... more than a bare grade word, which alone may be an exclamation ("Good, said the director")
# ("Good overall", "outstanding in every area", "good since 2021", "good (2022)"; not "Good in parts", "Outstanding
# at times")
_GRADE_EXTENDED = re.compile(r"\s(?:overall|across\s+the\s+board)\b|\s(?:in|for|across|on)\s+(?:every|all|each|both)\b"
                             r"|\s(?:since|as\s+of)\s|\(\s*(?:19|20)\d{2}\s*\)"
                             # "Inadequate in 2015; good two years later": a grade dated
                             r"|\s(?:in|during|by)\s+(?:(?-i:[A-Z])[a-z]+\s+)?(?:19|20)\d{2}\b", re.I)


# "... - Luton in 2014 and Sheffield in 2016", "(Luton, 2014; Sheffield, 2016)": a council and the year its verdict had
# "X in 2019", "X in March 2019", "X (2019)", "X since 2022", "X since its May 2023 inspection"
_WITH_YEAR = re.compile(rf"\s*,?\s*\(?\s*(?:(?:in|since)\s+)?(?:(?:its|their|the)\s+)?(?:(?:early|late|mid)[\s-]+)?"
                        rf"(?:{MONTH_PATTERN}\s+)?(?P<year>(?:19|20)\d{{2}})\b(?:\s+(?:re-?)?inspection\b)?\)?", re.I)
_PAIRS_JOINED = re.compile(r"\s*(?:,|;|and|&)?\s*(?:and\s+)?", re.I)
_PAIRS_LEAD = re.compile(r"(?:\s[-–—]\s|[:(,])\s*$")
# A council's own time right after its name, in a subject of several ("X in March", "Y last month", "Z the same
# year", "W (2019)"), and an inserted remark in brackets after it
_OWN_TIME = re.compile(rf"\s*,?\s*(?:(?:in|during)\s+(?:(?:early|late|mid)[\s-]+)?(?:the\s+)?"
                       rf"(?:(?:{MONTH_PATTERN}|spring|summer|autumn|winter)(?:\s+(?:of\s+)?(?:19|20)\d{{2}})?|(?:19|20)\d{{2}})"
                       rf"|\(\s*(?:{MONTH_PATTERN}\s+)?(?:19|20)\d{{2}}\s*\)"
                       rf"|last\s+(?:{MONTH_PATTERN}|spring|summer|autumn|winter|year)"
                       r"|(?P<recent>(?:last|this)\s+(?:month|week))|(?P<same>the\s+same\s+year)"
                       r"|(?P<later>a\s+year\s+later|the\s+(?:following|next)\s+year))(?:\b|(?<=\)))(?:\s*\([^()]*\))?",
                       re.I)  # ("X (2016) and Y (2019)": the bracket closing the time)
_SUBJECTS_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*|(?:and|&)\s+)", re.I)


def _news_dated(claims: list[Claim], year: int, anchor: str, relative: bool = False) -> list[Claim]:
    """The claims, the news among them (current, dated only by the document; with `relative`, also those a month
    without its year dated from the document: "2018. The re-inspection, published in January, ...") given the time
    a lead-in names."""
    return [replace(c, year=year, anchor=anchor) if c.status == "current" and (
        (c.year is None and c.anchor == "publication") or (relative and c.anchor == "relative")) else c
        for c in claims]


# A lead-in set off by a spaced dash: "Staffordshire (August 2009) - adequate for ..."
_SPACED_DASH = re.compile(r"\s[-–—]\s")
_TIME_ENDING = re.compile(r"\b(?:in|during|of)\s+(?:(?:early|late|mid)[\s-]+)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d{2}\s*$")
# Words of today after a lead-in: its time is not theirs ("where Leeds was in 2010 - and it is now outstanding")
_OF_TODAY = re.compile(r"\b(?:now|today|currently|this|is|are|has|have)\b", re.I)


def _lead_in(text: str, mentions: list[Mention]) -> str:
    """The lead-in a sentence opens with, naming a council and giving no grade, before a colon ("Swindon, September
    last year: ...") or a spaced dash, when it opens with the council and has no verb ("Staffordshire (August 2009)
    - adequate for ...", "Hounslow, late 2019 - good"); else ""."""
    head, colon, _ = text.partition(":")
    if not colon:
        dash = _SPACED_DASH.search(text)
        head = text[:dash.start()] if dash else ""
        named = [m for m in mentions if m.end <= len(head)]
        # ... or that ends with a time, before a verdict of that time ("how a city goes from where Leeds was in 2010
        # - safeguarding judged inadequate, ... - to this")
        closing = _SPACED_DASH.search(text, dash.end()) if dash else None
        dated_end = dash is not None and _TIME_ENDING.search(head) and not _OF_TODAY.search(
            text, dash.end(), closing.start() if closing else len(text))
        if not named or (head[:named[0].start].strip(" (\"'‘“") or _FIRST_VERB.search(head)) and not dated_end:
            return ""
    if _GRADE.search(head) or not any(m.end <= len(head) for m in mentions):
        return ""
    return head


# A council presented as what comes next, the complement of an empty subject: "it was Hounslow's turn", "Next came
# Luton.", "Then there's Lambeth", "Now for Sefton:"
# ... or the complement ending a sentence after its verb of being: "The report every director should read is Salford's."
_PRESENTING = re.compile(r"\b(?:it|this|next(?:\s+up)?|then|now|there)\s+(?:was|is|came|comes|['’]s)\s+"
                         r"(?:(?:also|finally|then)\s+)?(?:the\s+turn\s+of\s+)?$|\b(?:now|next)\s+(?:for|to)\s+$"
                         r"|\b(?:is|was)\s+(?:(?:also|surely|probably|clearly|undoubtedly)\s+)?$", re.I)
_PRESENTED_END = re.compile(r"(?:['’]s?(?:\s+turn\b)?)?\s*(?:[,.;:!?–—-]|$)")


_DASH_OPENING = re.compile(r"\s*[–—-]\s*")


def _apposed_to(text: str, at: int, mentions: list[Mention]) -> list[str]:
    """The councils a clause set off by a dash at `at` follows as their predicate ("..., but Luton - rated good since
    2019 - has moved on"): those named right before the dash, else []."""
    before = [m for m in mentions if m.end <= at]
    if before and _DASH_OPENING.fullmatch(text, before[-1].end, at):
        return _chain(before, text, len(before) - 1)
    return []


def described_before_named(text: str, mentions: list[Mention]) -> str | None:
    """The kind of council ("city", "county", "royal borough") a lede refers to before the text names any council
    ("Children's services in the Royal Borough have held on to ..."): the reader is meant to know which from the
    paper it reads; else None."""
    described = _DESCRIBED.search(text)
    if described is None or any(m.start < described.start() for m in mentions):
        return None
    return described[1].lower()


def _presented(sentence: str, mentions: list[Mention]) -> list[str]:
    """The one council a sentence presents as its new topic without grading it ("Last Friday it was Hounslow's
    turn."), else []."""
    if len({m.council_code for m in mentions}) != 1:
        return []
    m = mentions[0]
    if _PRESENTING.search(sentence, 0, m.start) and _PRESENTED_END.match(sentence, m.end):
        return [m.council_code]
    return []


def _distributed(sentence: str, mentions: list[Mention]) -> list[tuple[str, int]]:
    """(council, year) pairs closing a sentence after its verdicts ("Both fell to inadequate - Haringey in 2008 and
    Warrington in 2009"): at least two councils each with its year, set off by a dash, colon, comma or bracket."""
    pairs: list[tuple[str, int]] = []
    end = -1
    for m in mentions:
        dated = _WITH_YEAR.match(sentence, m.end)
        if dated is None or (pairs and not _PAIRS_JOINED.fullmatch(sentence, end, m.start)):
            if len(pairs) > 1:
                break
            pairs, end = [], -1
            if dated is None:
                continue
        if not pairs and not _PAIRS_LEAD.search(sentence, 0, m.start):
            continue
        pairs.append((m.council_code, int(dated["year"])))
        end = dated.end()
    if len(pairs) < 2 or _ANY_VERDICT_AFTER.search(sentence, end):
        return []
    return pairs


def _timed_subjects(sentence: str, mentions: list[Mention], published: date | None
                    ) -> tuple[list[tuple[str, tuple[int, str] | None]], str]:
    """(council, its time) of a subject made of several councils each followed by its own time, opening the
    sentence before its verdict ("X in March and Y last month also got good ratings"; "X in 2023, Y the same year,
    Z last month: all requires improvement"): at least two, else []. "The same year", "a year later" count on the
    time before; a time not understood is None. With the pairs, the text after the subject."""
    pairs: list[tuple[str, tuple[int, str] | None]] = []
    at = 0
    for m in mentions:
        if (sentence[at:m.start].strip(" \"'‘“(") if not pairs
                else not _SUBJECTS_JOINED.fullmatch(sentence, at, m.start)):
            break
        own = _OWN_TIME.match(sentence, m.end)
        if own is None:
            break
        before = pairs[-1][1] if pairs else None
        if own["same"] or own["later"]:
            when = (before[0] + (1 if own["later"] else 0), before[1]) if before else None
        elif own["recent"]:
            when = ((published.year - (published.month == 1 and own["recent"].lower().endswith("month")),
                     "relative") if published else None)
        else:
            when = time_named(own.group(), published)
        pairs.append((m.council_code, when))
        at = own.end()
    subject = re.sub(r"\([^()]*\)", " ", sentence[:at])  # (an inserted remark has verbs of its own)
    if len(pairs) < 2 or _FIRST_VERB.search(subject) or _GRADE.search(subject):
        return [], ""
    return pairs, sentence[at:]


def _each_at_its_time(claims: list[Claim], pairs: list[tuple[str, tuple[int, str] | None]], predicate: str
                      ) -> list[Claim]:
    """The sentence's verdicts for any of a timed subject's councils, given to each council at its own time (not a
    grade only a remark inserted in the subject gives: "Y the same year (where A was rated good)")."""
    times = dict(pairs)
    out = []
    for claim in claims:
        remark = claim.grade_words.lower() not in predicate.lower()
        if remark and len(claim.councils) == 1 and (when := times.get(claim.councils[0])) is not None:
            out.append(replace(claim, year=when[0], anchor=when[1]))  # the time of the council it is said of
            continue
        if remark or not set(claim.councils) & set(times):
            out.append(claim)
            continue
        for code, when in pairs:
            out.append(replace(claim, councils=(code,)) if when is None or claim.status == "transition" else
                       replace(claim, councils=(code,), year=when[0], anchor=when[1]))
    return list(dict.fromkeys(out))


def _each_with_its_year(claims: list[Claim], pairs: list[tuple[str, int]]) -> list[Claim]:
    """The sentence's verdicts given to each council of a distributed list, with its year (a grade left behind,
    "from good to inadequate", keeps no year: it is the one before); those of the list's councils, if any are:
    another council's verdict in the sentence stays its own ("X climbed to RI, while Y and Z are both RI, Y since
    2023 and Z since 2022")."""
    listed = {code for code, _ in pairs}
    own = [c for c in claims if set(c.councils) & listed]
    out = [c for c in claims if own and c not in own]
    for claim in own or claims:
        for code, year in pairs:
            if claim.status == "transition":
                out.append(replace(claim, councils=(code,)))
            else:
                out.append(replace(claim, councils=(code,), year=year, anchor="stated"))
    return list(dict.fromkeys(out))


# A place opening a sentence, set off by a comma before its subject: "In Shropshire, Telford and Wrekin kept ..."
_FRONTED_PLACE = re.compile(r"(?:^\W*|[,;:]\s*|\b(?:and|but|while|whereas)\s+)"
                            r"(?:(?:meanwhile|elsewhere|further|over)\s+)?(?:in|across)\s+$", re.I)


def council_records(text: str, mentions: list[Mention]) -> tuple[str, list[tuple[str, str]]]:
    """The councils' records in brackets right after their names ("Dudley (RI, January 2023), Sandwell (good) and
    ..."), each (council, what the brackets hold), and the text with those brackets blanked: the rest of the sentence
    is read without them, its grades no council's in them."""
    records, spans = [], []
    for m in mentions:
        if (found := _RECORD.match(text, m.end)) and not any(m.end < o.start < found.end() for o in mentions):
            records.append((m.council_code, found["content"]))
            spans.append(found.span())
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text, records


# A remark in brackets naming a judgement's grade, perhaps after a time: "(with leadership outstanding)", "(2010 - and
# looked after children were good as well)"
_ASIDE = re.compile(rf"\((?P<time>\s*(?:(?:early|late|mid)[\s-]+)?(?:{MONTH_PATTERN}\s+)?(?:19|20)\d{{2}}"
                    r"\s*[-–—,;:]\s*)?(?P<content>[^()]+)\)", re.I)


def verdict_asides(text: str, published: date | None, antecedent: str | None
                   ) -> tuple[str, list[tuple[str, RatingClaim]]]:
    """The remarks in brackets grading a judgement after a verdict ("rated good in 2015 (with leadership outstanding)
    and outstanding in 2018"), each (what the brackets hold, the verdict before them), and the text with them
    blanked (a time opening one kept: it dates the verdict before): the rest of the sentence is read without them,
    and each is read on its own, of that verdict's council and time."""
    asides = []
    for m in _ASIDE.finditer(text):
        if not _GRADE.search(m["content"]) or not judgements_in(m["content"]):
            continue
        before = [c for c in rating_claims(text[:m.start()], published, antecedent) if c.status != "hypothetical"]
        if not before:
            continue
        kept = f"({m['time'].strip(' ,;:–—-')})" if m["time"] else ""
        text = text[:m.start()] + kept + " " * (m.end() - m.start() - len(kept)) + text[m.end():]
        asides.append((m["content"], before[-1]))
    return text, asides


# A relative clause opening right after a council's name: "the City of London, whose small service ... kept its
# outstanding grade", "Y, which was rated good in 2020, ..." (its subject not a pronoun of its own: "Y, which said it
# was good" speaks of another)
_RELATIVE_AFTER = re.compile(r"\s*,?\s*(?:whose|which|who)\b(?![^,;:]*?\b(?:it|they|them)\b)", re.I)


def _relative_antecedent(text: str, grade_at: int, mentions: list[Mention]) -> str | None:
    """The council a relative clause holding the grade at `grade_at` is said of: the council named last before the
    grade, when the relative pronoun follows its name; else None."""
    before = [m for m in mentions if m.end <= grade_at]
    if not before or not (relative := _RELATIVE_AFTER.match(text, before[-1].end)) or relative.end() > grade_at:
        return None
    return before[-1].council_code


def _chain(mentions: list[Mention], text: str, last: int) -> list[str]:
    """The councils joined to mentions[last] ("Newham, Barking and Ealing"), in order."""
    chain = [mentions[last]]
    for m in reversed(mentions[:last]):
        if not _JOINED.match(text[m.end:chain[-1].start]) or (
                _FRONTED_PLACE.search(text, 0, m.start) and text[m.end:chain[-1].start].strip() == ","):
            break  # "In Shropshire, Telford and Wrekin kept ...": the place a sentence opens with, then its subject
        chain.append(m)
    return list(dict.fromkeys(m.council_code for m in reversed(chain)))


def _joined_from(mentions: list[Mention], text: str) -> list[str]:
    """The councils joined to the first of `mentions` and after it ("to both Haringey and Kirklees")."""
    last = 0
    while last + 1 < len(mentions) and _JOINED.match(re.sub(r"\bthe\b", " ", text[mentions[last].end:
                                                                               mentions[last + 1].start])):
        last += 1
    return list(dict.fromkeys(m.council_code for m in mentions[:last + 1]))


# A relative clause inserted after a noun and set off by commas: "The borough, which shares a company with X, was
# judged ...", "Leeds, whose director came from X, is ...", "Its adoption service, run jointly with X, was ...", "The
# director, formerly of X, said ...", or an apposition ("The inspection of Y, X's neighbour, found ..."): a council
# it names is not the subject of the clause
# around it (the clause closes where the sentence's own verb follows: not "..., which judged X, Y and Z inadequate")
_INSERTED_RELATIVE = re.compile(r",\s*(?:which|who|whose|where|(?:run|led|shared|managed|delivered|operated|inspected"
                                r"|formerly|previously)\b"
                                # or an apposition: ", Bury's neighbour,", ", a former Bury director,"
                                r"|(?:a|an|the|its|their)\s|(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)*['’]s\s"
                                # or a time counted from another council's: ", two weeks after Y,"
                                r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:days?|weeks?|months?"
                                r"|years?)\s+(?:before|after|ahead\s+of|behind)\s)"
                                r"[^,;:.()]{3,120},(?=\s*(?:(?:has|have|had)\s+)?"
                                # (an adverb before the verb: "X, a month before Y, also received ...")
                                r"(?:(?:also|still|now|then|later|again|only|finally|too|likewise|similarly)\s+)?"
                                r"(?:is|are|was|were|been|has|have|had|will|would|remains?|remained|became|becomes"
                                r"|said|says|told|got|gets|kept|keeps|held|holds|won|saw|took|made|found|gave|rated"
                                r"|(?!and\b|but\b)[a-z]\w+(?:ed|s))\b)")


def _inserted(text: str) -> list[tuple[int, int]]:
    """The spans of the relative clauses inserted in a text."""
    return [m.span() for m in _INSERTED_RELATIVE.finditer(text)]


def _outside(mentions: list[Mention], spans: list[tuple[int, int]], unless_at: int | None = None) -> list[Mention]:
    """The mentions outside the spans (all of one holding `unless_at`: the verdict read is in that clause)."""
    kept = [(start, end) for start, end in spans if unless_at is None or not start <= unless_at < end]
    return [m for m in mentions if not any(start <= m.start and m.end <= end for start, end in kept)]


_BRACKETS = re.compile(r"\([^()]*\)")

# A place where someone was or did something, named by a participle of place: "Sitting in Liverpool, the judge said",
# "Speaking at Oldham, the minister ...", "Based in Leeds, the charity ..." (the town, not the council spoken of)
_WHERE_SOMEONE_WAS = re.compile(r"\b(?:sitting|sat|based|speaking|spoke|meeting|met|living|lived|born|visiting|staying"
                                r"|travelling|writing|standing|working|worked)\s+(?:in|at|near|outside)\s+(?:the\s+)?$",
                                re.I)


def _subject(sentence: str, mentions: list[Mention]) -> list[str]:
    """The councils a sentence is about when named before its first verb ("Lewisham and Ealing were ..."), not in
    a relative clause inserted after it ("The borough, which shares a company with X, was ...") nor in a comparison
    ("Like X, it ...", "Y, unlike X, ...") or brackets ("Also present: J. Smith (X Council)")."""
    compared = [(c.start(), c.end()) for c in _COMPARED.finditer(sentence)]  # ("Like Bolton, it now has ...")
    bracketed = [(b.start(), b.end()) for b in _BRACKETS.finditer(sentence)]  # ("J. Smith (Bolton Council)")
    mentions = [m for m in _outside(mentions, _inserted(sentence) + compared + bracketed)
                if not _WHERE_SOMEONE_WAS.search(sentence, 0, m.start)]  # ("Sitting in Liverpool, the judge said")
    if not mentions:
        return []
    verb = _FIRST_VERB.search(sentence)
    if verb is not None and mentions[0].start > verb.start():
        return []
    return _joined_after(mentions, sentence, 0)


def _recipients(claim: RatingClaim, clause_mentions: list[Mention]) -> list[str]:
    """The councils a grade was given to, named after it ("gave an inadequate rating to X and Y", "good ratings
    went to X"): the first council after the grade, when "to" introduces it, and those joined to it."""
    later = [i for i, m in enumerate(clause_mentions) if m.start > claim.start]
    if not later or not _TO_RECIPIENT.search(claim.clause, claim.start, clause_mentions[later[0]].start) or \
            not _GIVEN.search(claim.clause, claim.segment, clause_mentions[later[0]].start):
        return []
    return _joined_after(clause_mentions, claim.clause, later[0])


def _places(claim: RatingClaim, clause_mentions: list[Mention]) -> list[str]:
    """The councils named right after the grade as where it was given ("judged safeguarding inadequate in X,
    Y and Z"): the first council after "<grade> in", and those joined to it."""
    later = [i for i, m in enumerate(clause_mentions) if m.start > claim.start]
    if not later or not _IN_PLACES.fullmatch(claim.clause, claim.start, clause_mentions[later[0]].start):
        return []
    return _joined_after(clause_mentions, claim.clause, later[0])


def _joined_after(mentions: list[Mention], text: str, first: int) -> list[str]:
    """The councils from mentions[first] on that are joined to it ("X, Y and Z")."""
    last = first
    while last + 1 < len(mentions) and _JOINED.match(text[mentions[last].end:mentions[last + 1].start]):
        last += 1
    return _chain(mentions, text, last)


# A council described, not named, as the subject of a conjunct after a council the sentence named: "Leeds moves up
# to good, while a Lancashire borough loses its outstanding grade", "... as another East Midlands council slips to
# ...", "..., and a neighbouring authority was judged inadequate" (not a lede's "A London council previously rated
# good has been found inadequate", the story's council; nor "as" a preposition: "its first inspection as a council in
# its own right")
_A_COUNCIL = r"(?:an?|another|one)\s+(?:other\s+)?(?:[\w'’-]+\s+){0,3}?(?:council|authority|borough|county|city)\b"
_ANOTHER_COUNCIL = re.compile(rf"\b(?:and|but|while|whilst|whereas)\s+{_A_COUNCIL}"
                              rf"|\bas\s+{_A_COUNCIL}(?=\s+(?!(?:in|for|of|on|at|with|by|to|from|since|under)\b)[a-z])",
                              re.I)


def attribute(claim: RatingClaim, clause_mentions: list[Mention], focus: list[str]) -> list[str]:
    """The councils a verdict belongs to (see the module docstring). Councils in a comparison inserted before
    the verdict are not its subject: "X, unlike Y, was rated inadequate" and "X joins Y in being rated ..." are
    X's; "X, like Y, ..." is both's. Nor are those in a relative clause inserted in the verdict's clause, unless the
    verdict stands in it ("X, which like Y was rated good, ..."). A council compared is alike in the grade, not the
    time: "Like Y, X was rated outstanding in 2023" is X's alone."""
    clause_mentions = _outside(clause_mentions, _inserted(claim.clause), claim.start)
    compared = [c for c in _COMPARED.finditer(claim.clause, claim.segment) if c.end() <= claim.start]
    if not compared:
        return _attribute(claim, clause_mentions, focus)

    def within(m: Mention) -> re.Match | None:
        return next((c for c in compared if c.start() <= m.start and m.end <= c.end()), None)

    councils = _attribute(claim, [m for m in clause_mentions if within(m) is None], focus)
    # (alike in the grade, not in the time: "Like Y, X was rated outstanding in 2023" dates X's inspection alone)
    alike = [m.council_code for m in clause_mentions
             if (c := within(m)) and c["kind"] and c["kind"].lower() != "unlike" and not c["contrast"]
             and claim.anchor == "publication"]
    return list(dict.fromkeys(councils + alike)) if councils else []


def _attribute(claim: RatingClaim, clause_mentions: list[Mention], focus: list[str]) -> list[str]:
    before = [i for i, m in enumerate(clause_mentions) if m.start < claim.start]
    own = [i for i in before if clause_mentions[i].start >= claim.segment]
    later = [i for i, m in enumerate(clause_mentions) if m.start > claim.start]
    if later and _FOR_RECIPIENT.match(claim.clause, claim.start, clause_mentions[later[0]].start):
        return _joined_after(clause_mentions, claim.clause, later[0])  # "its good rating for Bury in March"
    if own:
        return _chain(clause_mentions, claim.clause, own[-1])
    if recipients := _recipients(claim, clause_mentions) or _places(claim, clause_mentions):
        return recipients
    if (owner := _OTHER_OWNER.match(claim.clause, claim.segment) or _LATER_OWNER.search(claim.clause, claim.segment,
                                                                                         claim.start)) \
            and owner.start(owner.lastindex) < claim.start \
            and not _COMMON_NOUN_OWNER.search(owner[owner.lastindex]) \
            and not NAME.match(claim.clause, owner.start(owner.lastindex)):  # "Leaders' impact was ...": a judgement
        return []  # "..., while Oldtown's were rated inadequate": a name the index does not know owns the verdict
    if _ANAPHOR.search(claim.clause, claim.segment, claim.start) and focus:
        return focus
    if before:
        return _chain(clause_mentions, claim.clause, before[-1])
    if focus:
        return focus
    codes = list(dict.fromkeys(m.council_code for m in clause_mentions))
    return codes if len(codes) == 1 else []


# A paragraph or list item opening with a year on its own: a timeline's entry ("2015. The single inspection ...",
# "2018: the re-inspection moved the county up ..."), or with its month, after the place named alone ("Sunderland.
# July 2015. Inadequate for overall effectiveness.")
_YEAR_OPENING = re.compile(r"\W*(?:(?-i:[A-Z][\w'’&-]*)(?:\s+(?-i:[A-Z&][\w'’&-]*)){0,3}\.\s+)?"
                           r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
                           r"|December)\s+)?((?:19|20)\d{2})\s*(?:[.:]|[-–—]\s)")
# A heading naming a time alone, the label of what follows it: "2016", "March 2018: a low point", "The 2019
# inspection", "2022 – good at last", or after the inspection it dates: "Previous inspection (2018)", "Last
# inspection: March 2019" (not a span of years: "2016-2022", "2016 to 2022")
_HEADING_TIME = re.compile(rf"\W*(?:(?:the\s+)?(?:(?:previous|last|earlier|prior|first|latest|new)\s+)?(?:ofsted\s+)?"
                           r"(?:inspection|report|grades?|ratings?|judge?ments?)\s*(?:[(:,–—-]\s*|\s(?:in|of|from)\s+))?"
                           rf"(?:(?:the|in|by)\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?:spring|summer|autumn|winter"
                           rf"|{MONTH_PATTERN})\s+(?:of\s+)?)?(?P<year>(?:19|20)\d{{2}})\b(?!\s*(?:[-–—/]|to|and)\s*\d)"
                           r"(?:\s+(?:[\w-]+\s+)?(?:re-?)?(?:inspections?|reports?|verdicts?|judge?ments?|ratings?|grades?"
                           r"|visits?))?\)?\s*(?:$|[:.,;!?(–—-])", re.I)
_NOW = re.compile(r"\b(?:now|today|currently)\b", re.I)  # the document's own time, under any label
# When the council went into special measures, the year of its inadequate grade: "placed in special measures in
# 2016", "in special measures since 2017" (not the year it left them: "came out of special measures in 2019")
_SPECIAL_MEASURES = re.compile(r"\b(?i:special\s+measures)\b(?P<between>[^.;]{0,20}?)\b(?i:in|since)\s+"
                               r"(?:[A-Z][a-z]+\s+)?((?:19|20)\d{2})\b")
# "... and good for:", "rated outstanding in:", "awarded outstanding grades for:", "rated the following as
# outstanding:": a grade given to the judgements listed under it
_GRADE_WORD = re.compile(rf"\b{GRADE_PHRASE}", re.I)
_GRADED_FOR = re.compile(rf"{Q}(?P<grade>{GRADE_PHRASE}){QE}(?:\s+(?:grades|ratings|judge?ments))?(?:\s+(?:for|in))?"
                         r"\s*:\s*$", re.I)
_LEFT = re.compile(r"\b(?:out\s+of|left|leav\w+|exit\w*|emerg\w+\s+from|removed\s+from|lifted|ended)\s+(?:\w+\s+)?$",
                   re.I)
_ENDED = re.compile(r"\b(?:lifted|ended|removed|left|exited)\b", re.I)  # "special measures were lifted in 2023"


class _Reader:
    """Reads one document's units in order, keeping the discourse's council."""

    def __init__(self, mentions: Mentions, main: str | None, published: date | None, main_introduced: bool = True,
                 own: bool = False) -> None:
        self.mentions, self.published = mentions, published
        self.focus: list[str] = [main] if main else []
        # a page not the council's own whose title does not name it: until the text names the main council, only
        # its lede may speak of it unnamed ("a department that used to be rated good" before "Derbyshire ..."); a
        # blog's "the city council" two paragraphs before it names a council is not that council
        self.main, self.main_named = main, main_introduced
        self.own = own  # the page is the main council's own (its site, its minutes, a blog its address names)
        self.claims: list[Claim] = []
        self.previous_inspection: dict[str, int] = {}  # council -> the year the text gives its last inspection
        self.special_measures: dict[str, int] = {}  # council -> the year the text says it went into special measures
        self.last_grade: str | None = None  # the grade named last: what "the same rating", "that category" mean
        self.past_year: int | None = None  # the year of the last earlier grade the text dated
        self.last_verdicts: list[Claim] = []  # the claims of the last sentence that gave any: "So was Y."
        self.pre2009 = Pre2009(mentions.text, published)  # star histories, numeric grades, "performs well on"
        self.times = TimeContext(published)  # the year "at that time" refers back to
        self.grade_table: list[Column] | None = None  # the header of the table being read, if it names its columns
        self.last_sentence = ""  # what a verdict with its subject left out may answer: "Care leavers? Good."
        self.coordinated: list[str] = []  # the councils the last sentence naming several named: "the latter"
        self.commenting = False  # reading a reader's comment under the post (its "we" is the commenter's)
        self.provider_last = False  # the last sentence was about another provider (a home, a school): its "it"
        self.paragraph_from = 0  # the first claim of the paragraph being read
        self.named: list[str] = []  # the councils the text has named, the most recently named last
        self.section: tuple[int, int] | None = None  # (year, level) of a heading naming a time over the blocks read
        self.labelled_year: int | None = None  # the year the block being read is labelled with (its section's or
        # its own opening year: "2018. Re-inspection. Still inadequate.")

    def add(self, claim: RatingClaim, councils: list[str], evidence: str) -> None:
        if not councils:
            return
        self.claims.append(Claim(tuple(councils), claim.judgement, claim.judgement_stated, claim.grade,
                                 claim.grade_label, claim.year, claim.anchor, claim.status, evidence))

    def sentence(self, text: str, mentions: list[Mention]) -> None:
        read_from = len(self.claims)
        evidence = text
        text, records = council_records(text, mentions)  # "Dudley (RI, 2023) and Walsall (good, 2021)": read apart
        text, asides = verdict_asides(text, self.published, self.last_grade)  # "good (with leadership outstanding)"
        self.dated_after(text)
        if not self.main_named and any(m.council_code == self.main for m in mentions):
            self.main_named = True
            self.focus = self.focus or [self.main]
        self.verdicts(text, mentions)
        if len(self.claims) == read_from:
            self.judgement_pairs(text)
        self.elliptical(text, mentions, read_from)
        self.elided(text, mentions, read_from)
        self.depictive(text, mentions, read_from)
        self.gapped(text, mentions, read_from)
        self.claims[read_from:] = [replace(c, evidence=evidence) if c.evidence == text else c
                                   for c in self.claims[read_from:]]
        text = evidence
        self.records(text, records, read_from)
        self.asides(text, asides, read_from)
        self.judgements_elided(text, mentions, read_from)
        self.complete(text, mentions, read_from)
        if len(self.claims) == read_from and (presented := _presented(text, mentions)):
            self.focus = presented  # "Last Friday it was Hounslow's turn. The borough was judged good ..."
        self.last_sentence = text
        self.provider_last = provider_named(text, [(m.start, m.end) for m in mentions])
        for code in dict.fromkeys(m.council_code for m in mentions):  # most recently named last
            self.named = [c for c in self.named if c != code] + [code]
        if len(named := list(dict.fromkeys(m.council_code for m in mentions))) > 1:
            self.coordinated = named
        head = _lead_in(text, mentions)  # "Swindon, September last year: inadequate overall, and ...",
        if head and len(self.claims) > read_from and (when := time_named(head, self.published)):  # "Staffordshire
            self.claims[read_from:] = _news_dated(self.claims[read_from:], *when)  # (August 2009) - adequate ...":
            # a lead-in naming a council and a time, which the paragraph goes on in ("Help and protection was ...")
            self.times.lead_in(when[0])
        if len(self.claims) > read_from and (pairs := _distributed(text, mentions)):
            self.claims[read_from:] = _each_with_its_year(self.claims[read_from:], pairs)
            self.focus = list(dict.fromkeys(code for code, _ in pairs))
        timed, predicate = _timed_subjects(text, mentions, self.published)
        if len(self.claims) > read_from and timed:  # "X in March and Y last month were rated good"
            self.claims[read_from:] = _each_at_its_time(self.claims[read_from:], timed, predicate)
            self.focus = list(dict.fromkeys(code for code, _ in timed))
        if self.past_year and background(text):  # "For context, X was rated good": the time just spoken of
            self.claims[read_from:] = [replace(c, year=self.past_year, anchor="discourse")
                                       if c.year is None and c.status == "historical" else c
                                       for c in self.claims[read_from:]]
        for claim in self.claims[read_from:]:
            if claim.year and self.published and claim.year < self.published.year and claim.status != "hypothetical":
                self.past_year = claim.year
        if self.claims[read_from:]:
            self.last_verdicts = self.claims[read_from:]
        given = [c.grade_words for c in self.claims[read_from:] if c.status != "hypothetical"]
        if given or self.claims[read_from:]:  # a grade only hoped for or avoided is no antecedent
            self.last_grade = given[-1] if given else None
        elif quoted := _QUOTED_GRADE.findall(text):
            self.last_grade = quoted[-1]

    def dated_after(self, text: str) -> None:
        """A sentence that only dates the one before it ("That was five years ago.", "This was back in 2018.", "It was
        the 2017 report."): its verdicts with no time of their own are of that time."""
        if not (that := _THAT_WAS.match(text)) or _GRADE.search(text) \
                or (when := time_stated(" " + that["time"], self.published)) is None:
            return
        earlier = self.published is not None and when[0] < self.published.year
        self.claims[self.paragraph_from:] = [
            replace(c, year=when[0], anchor=when[1], status="historical" if earlier else c.status)
            if c.evidence == self.last_sentence and c.year is None and c.status in ("current", "historical") else c
            for c in self.claims[self.paragraph_from:]]

    def complete(self, text: str, mentions: list[Mention], read_from: int) -> None:
        """The judgements the sentence names alongside a verdict with no claim of their own take its grade (see
        transforms.completion)."""
        self.claims += completed(text, self.claims[read_from:], [(m.council_code, m.start, m.end) for m in mentions],
                                 self.last_sentence_claims(read_from), self.claims[:read_from])

    def last_sentence_claims(self, until: int | None = None) -> list[Claim]:
        """The claims of the paragraph's last sentence that gave any (among its claims before index `until`)."""
        earlier = self.claims[self.paragraph_from:until]
        return [c for c in earlier if c.evidence == earlier[-1].evidence] if earlier else []

    def elided(self, text: str, mentions: list[Mention], read_from: int) -> None:
        """A verdict whose subject and verb are left out, supplied by the discourse: the councils named before a
        colon or a dash ("Durham: good, since the 2022 report"; "Wigan (February) – good"; "Sunderland, the
        turnaround story: outstanding since 2021") or, opening a list of records parted by semicolons, a comma
        ("Leeds, outstanding; Bradford, good"), else the judgements a question just named ("Care leavers?
        Requires improvement." answers it), else the council the discourse is about ("Hackney. Good overall, good
        for leaders, good for children in care."). Read as if "it was rated" stood before the grade; a grade the
        sentence's own reading already gave is kept."""
        opened = _TOPIC_END.search(text)
        if opened and _GRADE.search(text, 0, opened.start()):
            opened = None  # "..., good overall, with two outstanding grades: A and B": a topic gives no grade
        listed = None  # "Leeds, outstanding; Bradford, requires improvement; ...": a list's first record
        if not opened and mentions and not text[:mentions[0].start].strip(" \"'‘“") \
                and (comma := _TOPIC_COMMA.match(text, mentions[0].end)) \
                and (";" in text or _GRADE_ALONE.fullmatch(text, comma.end())) \
                and _GRADE_OPENING.match(listed := text[comma.end():text.find(";")]):
            opened = comma
        head, rest = (text[:opened.start()], listed or text[opened.end():]) if opened else ("", text)
        topic: list[str] = []
        head_time: tuple[int, str] | None = None  # "Then 2020: outstanding.", "And this summer, outstanding again"
        time_opened = False
        if not opened and (timed := _TIME_HEAD.match(text)) and timed.group().rstrip().endswith(","):
            head, rest = timed.group(), text[timed.end():]
        if (timed := _TIME_HEAD.fullmatch(head.rstrip(", "))) and self.focus \
                and not any(m.end <= len(head) for m in mentions):
            year = re.search(r"(?:19|20)\d{2}", head)  # (this summer: the news's time)
            head_time = (int(year.group()), "stated") if year else None if timed["this"] else time_named(
                head, self.published)
            opened, time_opened = None, True  # a time alone opens the verdict of the council the discourse is about
        if opened and given_to_other(head):
            return  # "Cedar Lodge children's home, Wigan – inadequate": the home's grade
        if opened:
            named = [m for m in mentions if m.end <= len(head)]
            after = [m for m in mentions if m.start >= opened.end()]
            if not named and after and not text[opened.end():after[0].start].strip(" (\"'‘“") \
                    and (comma := _TOPIC_COMMA.match(text, after[-1].end)) \
                    and len(topic := _joined_after(after, text, 0)) == len({m.council_code for m in after}):
                rest = text[comma.end():]  # "... as bad as the rumours said: West Sussex, inadequate."
            elif not named and (self.focus or self.named) and _REPORT_HEAD.search(head):
                topic = self.focus or self.named[-1:]  # "The verdict: good.", "I remember the day the report
                # landed: inadequate.": the report's verdict, of the council the discourse is about (named last)
            elif not named or head[:named[0].start].strip(" (\"'‘“") and _FIRST_VERB.search(head):
                return  # "The findings: good" has no council for a topic; "Next up, X – good" has one
            elif _FIRST_VERB.search(head, named[0].end, named[-1].start) and not head[named[-1].end:].strip(" ,"):
                topic = _chain(named, text, len(named) - 1)  # "X and Y were both inadequate once, and Y - good since
                # 2018 - is ...": the councils right before the dash, after a clause of their own
            else:
                topic = _joined_after(named, text, 0)
        if any(a <= len(rest) - len(rest.lstrip(" (\"'‘“")) for a, _ in scale_spans(rest)):
            return  # "Outstanding, good, requires improvement or inadequate.": the scale, no council's grade
        items: list[str] = []
        for part in re.split(r"(?<=\S),\s+", rest.strip()):
            if not _GRADE_OPENING.match(part):
                break
            items.append(part)
        if not items:
            return
        fragment = ", ".join(items)
        asked = self.last_sentence.rstrip().endswith("?") and not _GRADE.search(self.last_sentence)
        question = asked and judgements_in(self.last_sentence)
        if asked and not question and not topic and (self.focus or self.named) \
                and _REPORT_HEAD.search(self.last_sentence.rstrip(" ?")):
            topic = self.focus or self.named[-1:]  # "The result? Good.": the report's verdict, as "The result: good."
        if re.search(r"\bfor\b", fragment, re.I) and not judgements_in(fragment):
            return  # "adequate for both": judgements named elsewhere
        labelled = self.labelled_year is not None and not mentions and bool(self.focus)  # "2022. Good."
        if not (topic or question or time_opened or labelled or len(items) > 1 or _GRADE_EXTENDED.search(fragment)
                or judgements_in(fragment)):
            return  # "Good, said the director."
        at = text.find(fragment)
        first = _GRADE_OPENING.match(fragment)
        tails = [text[at + first.end():], text[at + len(fragment):]] if at >= 0 and first else []
        when = next((time_stated(t, self.published) for t in tails if _TIME_NEXT.match(t)), None) or head_time
        subject = (self.last_sentence.strip().rstrip("?") + " was rated") if question else "It was rated"
        stated = re.sub(r"\s*\([^)]*\)", "", fragment).lstrip(" ,")  # "(2022)": the time, read after it
        read = [c for c in areas_covered(rating_claims(f"{subject} {stated}", self.published, self.last_grade),
                                         f"{subject} {stated}")
                if c.status != "hypothetical"]  # ("..., outstanding in one area, leadership": that area's)
        if question:  # the answer replaces the sentence's own reading of its grade
            self.claims[read_from:] = []
            dated = [c for c in self.last_verdicts if c.year and c.anchor != "publication"]
            when = when or ((dated[-1].year, dated[-1].anchor) if dated else None)  # asked of the time just given
        elif when is None and self.times.paragraph_year is not None and not _OF_TODAY.search(text):
            when = (self.times.paragraph_year, "discourse")  # "Sunderland. July 2015. Inadequate for leadership."
        if when is not None:  # "Leeds: outstanding (2022)": the time right after the grade is the verdict's
            read = [replace(c, year=when[0], anchor=when[1]) if c.year is None else c for c in read]
            self.claims[read_from:] = [
                replace(c, year=when[0], anchor=when[1]) if c.year is None and c.anchor == "publication"
                and any((r.judgement if when[1] != "discourse" else c.judgement, r.grade) == (c.judgement, c.grade)
                        for r in read) else c  # (the discourse's time: every verdict of the grade the fragment gives)
                for c in self.claims[read_from:]]
        given = {(c.judgement, c.grade) for c in self.claims[read_from:]}
        for claim in read:  # an unnamed judgement is no other reading of a grade the sentence gave a judgement
            if (claim.judgement, claim.grade) not in given and (claim.judgement_stated or
                                                                 claim.grade not in {g for _, g in given}):
                self.add(replace(claim, clause=text), topic or self.focus, text)
        if time_opened and when is not None:
            self.times.lead_in(when[0])  # "And then, in January 2024, good overall. Care leavers were ...": its time
        if topic:
            self.focus = topic

    def depictive(self, text: str, mentions: list[Mention], read_from: int) -> None:
        """A grade set off by a comma after a clause about a council that gives none, a second predicate of that
        clause's subject ("X's report was published in May, good across the board"; "Y followed in January, also
        adequate"; "Z did it first, last May, outstanding overall"): its subject's verdict, at the clause's time.
        The subject is the council named before the clause's verb, else, when the clause opens referring back ("It
        came out in March, good overall"), the council the discourse is about."""
        if len(self.claims) > read_from:
            return
        parts = re.split(r"(?<=\S),\s+", text.strip())
        opening = next((i for i, part in enumerate(parts) if i and _GRADE_OPENING.match(part)), None)
        if opening is None:
            return
        head = ", ".join(parts[:opening])
        items = parts[opening:]
        items = items[:next((i for i, part in enumerate(items) if not _GRADE_OPENING.match(part)), len(items))]
        fragment = ", ".join(items)
        if _GRADE.search(head) or not (_FIRST_VERB.search(head) or _IRREGULAR_VERB.search(head)) or (
                re.search(r"\bfor\b", fragment, re.I) and not judgements_in(fragment)):
            return  # a clause of its own grading, no clause ("Leeds, good"), or "good for morale"
        named = [m for m in mentions if m.end <= len(head)]
        councils = _subject(head, named) if named else []
        if not councils and _ANAPHOR.match(head.lstrip(" \"'‘“(")):
            councils = self.focus
        if not councils:
            return
        when = time_named(head, self.published)
        for claim in rating_claims(f"It was rated {fragment.lstrip(' ,')}", self.published, self.last_grade):
            if claim.status == "hypothetical":
                continue
            if when is not None and claim.year is None:
                claim = replace(claim, year=when[0], anchor=when[1])
            self.add(claim, councils, text)
        self.focus = councils

    def judgements_elided(self, text: str, mentions: list[Mention], read_from: int) -> None:
        """"So are A, B and C.", "Leaders, likewise.", "...; so are A and B": the judgements take the last verdict
        given, in the sentence before the semicolon or else in the last sentence giving any (its grade, time, status
        and councils), its verb and grade left out."""
        own = self.claims[read_from:]
        at = text.rfind(";") + 1 if own else 0
        if any(m.end > at for m in mentions):
            return
        given = [c for c in (own or self.last_verdicts) if c.status != "hypothetical"]
        if not given:
            return
        for name in judgements_sharing_last_verdict(text[at:]):
            if all(c.judgement != name for c in given):
                self.claims.append(replace(given[-1], judgement=name, judgement_stated=True, evidence=text))

    def records(self, text: str, records: list[tuple[str, str]], read_from: int) -> None:
        """Each council's record in brackets after its name (see `council_records`), read on its own as "it was
        rated ...": its verdicts, dated by a time set after its first grade ("RI, January 2023") or else in their
        own words, else by the document."""
        for code, content in records:
            grade = _RECORD_GRADE.search(content)
            after = re.split(r"[,;]", content[grade.end():])
            own = after[0] if after[0].strip() or len(after) < 2 or _GRADE.search(after[1]) else after[1]
            when = time_named(own, self.published) or ((int(year.group()), "stated") if (year := YEAR.search(own))
                                                        else None)  # ("good, 2019": a year alone)
            for claim in rating_claims(f"It was rated {content.strip()}", self.published, self.last_grade):
                if when is not None and claim.year is None and claim.status == "current":
                    claim = replace(claim, year=when[0], anchor=when[1])
                self.add(claim, [code], text)

    def asides(self, text: str, asides: list[tuple[str, RatingClaim]], read_from: int) -> None:
        """Each remark in brackets after a verdict (see `verdict_asides`), read on its own: its verdicts are the
        council's that verdict went to, at that verdict's time unless they give their own."""
        for content, before in asides:
            verdict = next((c for c in reversed(self.claims[read_from:])
                            if (c.judgement, c.grade) == (before.judgement, before.grade)), None)
            if verdict is None:
                continue
            for claim in rating_claims(content, self.published, self.last_grade):
                if claim.status == "hypothetical":
                    continue
                year, anchor, status = (claim.year, claim.anchor, claim.status) if claim.year is not None \
                    else (verdict.year, verdict.anchor, verdict.status)
                self.claims.append(Claim(verdict.councils, claim.judgement, claim.judgement_stated, claim.grade,
                                         claim.grade_label, year, anchor, status, text))

    def described(self, head: str, focus: list[str]) -> list[str]:
        """The council "the city", "the county" or "the (Royal, London) borough" refers back to: the discourse's
        council, unless it is another kind ("the county" in a story about a city council), then the council the text
        named last of that kind ("Peterborough ... shared services with Cambridgeshire ... The county was last
        inspected in 2019")."""
        index = self.mentions.index
        if _FORMER.search(head) and self.published and (former := [
                code for code in reversed(self.named) if index.ended_before(code, self.published)
                and described_as(index.council(code), head) is not False]):
            return former[:1]  # "the old county", "the then county council": the former council the text named
        if len(focus) != 1 or described_as(index.council(focus[0]), head) is not False:
            return focus
        fitting = [code for code in reversed(self.named) if described_as(index.council(code), head)]
        return fitting[:1] or focus

    def named_together(self, mentions: list[Mention], before: int) -> list[str]:
        """The councils a reference back to several means: those the sentence names before it, if several, else
        those the last sentence naming several named."""
        named = list(dict.fromkeys(m.council_code for m in mentions if m.end <= before))
        return named if len(named) > 1 else self.coordinated

    def ordinal(self, ordinal: re.Match, mentions: list[Mention], offset: int = 0) -> str | None:
        """The council "the former", "the latter", "the first" or "the second" stands for: of the councils named
        earlier in the sentence, if several, else of those the last sentence naming several named."""
        named = self.named_together(mentions, offset + ordinal.start())
        index = _ORDINAL_INDEX[ordinal[1].lower()]
        return named[index] if len(named) > 1 and index < len(named) else None

    def gapped(self, text: str, mentions: list[Mention], read_from: int) -> None:
        """"X was rated outstanding, and Y good", "X was judged good in 2019, Y inadequate": a council followed by
        a grade alone after a verdict given in the sentence has that verdict with its own grade."""
        given = self.claims[read_from:]
        named = [(m.council_code, m.start, m.end) for m in mentions]
        for ordinal in re.finditer(r"\bthe\s+(former|latter|first|second)\b", text, re.I):  # "..., the former good"
            if (code := self.ordinal(ordinal, mentions)) is not None:
                named.append((code, ordinal.start(), ordinal.end()))
        for code, start, end in named:
            gap = _GAPPED_GRADE.match(text, end)
            if gap is None or not _GAP_BEFORE.search(text, 0, start) or not given \
                    or code in given[-1].councils or (grade := normalise_grade(gap[1])) is None \
                    or any(code in c.councils and c.grade == grade for c in given):
                continue  # (a grade the sentence's own reading gave that council: no verdict gapped)
            antecedent = given[-1]
            when = time_stated(text[gap.end():], self.published) if _TIME_NEXT.match(text, gap.end()) else None
            year, anchor = when if when else (antecedent.year, antecedent.anchor)
            self.claims.append(replace(antecedent, councils=(code,), grade=grade,
                                       grade_words=" ".join(gap[1].split()), year=year, anchor=anchor))

    def judgement_pairs(self, text: str) -> None:
        """'The findings: overall effectiveness - good; leadership - outstanding': a table written as a sentence,
        at least two "judgement - grade" pairs after a colon, for the discourse's council."""
        _, colon, pairs = text.partition(":")
        rows = [table_row_claim(_ITEM_SEPARATOR.sub(" | ", part.strip(" .")))
                for part in re.split(r";|,\s+(?=[a-z])", pairs) if len(part) < 80] if colon else []
        if len(rows) >= 2 and all(rows):
            for claim in rows:
                self.add(claim, self.focus, text)

    def elliptical(self, text: str, mentions: list[Mention], read_from: int) -> None:
        """"X was rated good, as was Y", "... So were Y and Z.", "..., and Y too", "Y as well.": the councils after
        "as/so was" or before an additive word take the verdicts given before them in the sentence, else those of the
        last sentence that gave any."""
        for i, m in enumerate(mentions):
            last = i
            while last + 1 < len(mentions) and _JOINED.match(text[mentions[last].end:mentions[last + 1].start]):
                last += 1
            additive = _ADDITIVE.match(text, mentions[last].end) and _ADDITIVE_BEFORE.search(text, 0, m.start)
            if not additive and not _ELLIPSIS.search(text[max(0, m.start - 40):m.start]):
                continue
            if other_subject(text[mentions[last].end:mentions[last].end + 25]):
                return  # "..., as was Oldtown's college"
            codes = _chain(mentions, text, last)
            given = [c for c in self.claims[read_from:]
                     if c.status != "hypothetical" and not set(c.councils) & set(codes)]
            if not given and _GRADE.search(text):
                return  # the sentence's own grade went to someone else (a school): nothing to repeat
            when = time_stated(text[mentions[last].end:], self.published)  # "So was Y, two years ago."
            opens = (_ELLIPSIS if not additive else _ADDITIVE_OPENING).fullmatch(text, 0, m.start) is not None
            # "So were Y and Z.": the last verdicts; "Y too.": those of the paragraph's sentence before
            repeated = self.last_sentence_claims(read_from) if additive else self.last_verdicts
            for claim in given or [c for c in repeated if opens and c.status != "hypothetical"]:
                again = replace(claim, councils=tuple(codes), evidence=text)
                if when is not None:
                    again = replace(again, year=when[0], anchor=when[1])
                self.claims.append(again)
            self.focus = codes
            return

    def headline(self, title: str, mentions: list[Mention]) -> None:
        if not mentions and _UNNAMED_COUNCIL.match(title):
            return  # "One council slips to inadequate as three others improve": not the article's council by name
        read_from = len(self.claims)
        self.times.new_paragraph()
        self.paragraph_from = read_from
        self.sentence(title, mentions)
        if len(self.claims) == read_from:  # a headline with no verb: "Ofsted: Oldtown services 'inadequate'"
            codes = list(dict.fromkeys(m.council_code for m in mentions)) or self.focus
            for claim in headline_claims(title, self.published):
                self.add(claim, codes if len(codes) == 1 else [], title)

    def verdicts(self, text: str, mentions: list[Mention]) -> None:
        if shared := self.shared_list(text, mentions):
            verdicts, codes = shared
            for claim in verdicts:
                self.add(claim, codes, text)
            self.focus = codes
            return
        subject = _subject(text, mentions)
        if rows := judgement_rows(text):  # "Impact of leaders: Good", "The judgements were: leadership, good; ..."
            head, colon, _ = text.partition(":")  # "where Durham was in 2019: requires improvement overall"
            when = time_named(head, self.published) if colon else None
            if when is None and self.times.paragraph_year is not None and not _OF_TODAY.search(text):
                when = (self.times.paragraph_year, "discourse")  # "The 2018 report ... Overall: good."
            for claim in rows:
                self.add(replace(claim, year=when[0], anchor=when[1]) if when and claim.year is None else claim,
                         subject or self.focus, text)
            return
        if (dated := _PREVIOUS_INSPECTION.search(text)) and self.published \
                and (year := int(dated[1] or dated[2]) if not dated["ago"]
                     else self.published.year - (count_of(dated["ago"]) or 1)) < self.published.year:
            for code in subject or self.focus:  # "its last inspection in 2018", "last fully inspected in 2013"
                self.previous_inspection.setdefault(code, year)
        if (entered := _SPECIAL_MEASURES.search(text)) and not _LEFT.search(text, 0, entered.start()) \
                and not _ENDED.search(entered["between"]) and self.published \
                and (year := int(entered[2])) < self.published.year:
            for code in subject or self.focus:
                self.special_measures.setdefault(code, year)
        cursor = 0
        attributed: list[str] = []
        topical: list[str] = []  # the councils the sentence's verdicts make its topic
        read = asserted(text, held_grades(text, rating_claims(text, self.published, self.last_grade)))
        read = echoes(annual_stars(read, self.published), self.published)  # "as it did last year"
        read = referred_judgements(read, text, self.last_sentence)  # "that area was judged ..."
        read = inherit_anchors(areas_covered(read, text), self.times, text, bool(mentions))
        self.times.read(text, read)
        places = len({c.respective for c in read if c.respective is not None})
        named_judgement: RatingClaim | None = None  # the last verdict of the sentence naming its judgement
        # "X's care leavers grade was good. Y's was inadequate.": the one judgement the last sentence named
        named_before = {c.judgement for c in self.last_sentence_claims() if c.judgement_stated}
        named_before = named_before if len(named_before) == 1 else set()
        for claim in read:
            if (named_judgement or named_before) and not claim.judgement_stated \
                    and _POSSESSIVE_ALONE.search(claim.clause, claim.segment, claim.start):  # "..., while Y's was good"
                claim = replace(claim, judgement=named_judgement.judgement if named_judgement else next(
                    iter(named_before)), judgement_stated=True)
            named_judgement = claim if claim.judgement_stated else named_judgement
            at = text.find(claim.clause, cursor)
            if at < 0:
                at = text.find(claim.clause)
            cursor = max(at, 0)
            clause_mentions = [Mention(m.council_code, m.start - at, m.end - at, m.surface) for m in mentions
                               if at <= m.start and m.end <= at + len(claim.clause)] if at >= 0 else []
            # a clause referring back within the sentence means the council its earlier verdict went to
            focus = subject or attributed or self.focus
            if not mentions and focus is self.focus and self.reports_main(claim):
                focus = [self.main]  # "Cumberland was rated good. W and F took over the rest of the county. This
                # time inspectors judged leaders good": the inspection the page reports is its council's
            if not clause_mentions and at > 0 and (apposed := _apposed_to(text, at, mentions)):
                focus = apposed  # "X and Y had a hard decade, but Y - rated good since 2019 - ..."
            if not subject and not any(m.start < claim.start for m in clause_mentions) \
                    and (described := _DESCRIBED.search(claim.clause, claim.segment, claim.start)):
                focus = self.described(described[1], focus)  # "the county" after a city's story: the county named
            councils = attribute(claim, clause_mentions, focus)
            if at >= 0 and (antecedent := _relative_antecedent(text, at + claim.start, mentions)):
                councils = [antecedent]  # "X joins Y, whose service ... kept its outstanding grade": Y's
            if at >= 0 and (other := _ANOTHER_COUNCIL.search(text, max(0, at + claim.segment - 10), at + claim.start)) \
                    and any(m.end <= other.start() for m in mentions) \
                    and not any(other.end() <= m.start < at + claim.start for m in mentions):
                councils = []  # a council the sentence describes without naming it, not the one it named before
            if at >= 0 and not mentions and (generic := _generic_council(text)) is not None \
                    and generic < at + claim.start:
                councils = []  # "rated a council outstanding while care leavers were inadequate": no council's
            if (ordinal := _ORDINAL.search(claim.clause, claim.segment, claim.start)) and not clause_mentions \
                    and (code := self.ordinal(ordinal, mentions, at)) is not None:
                councils = [code]  # "X and Y were inspected. The former was rated good, the latter ..."
            elif (plural := _PLURAL_REF.search(claim.clause, claim.segment if claim.respective is None else 0,
                                               claim.start)) and not clause_mentions \
                    and len(named := self.named_together(mentions, at + plural.start())) > 1:
                councils = named  # "Ofsted inspected X and Y in March. Both councils were rated good."
            if self.commenting and _COMMENTER.search(claim.clause, claim.segment, claim.start) \
                    and not any(m.start < claim.start for m in clause_mentions):
                councils = []  # a commenter's "we", "ours", "I remember it as": the commenter's own agency or view
            if self.provider_last and not any(m.start < at + claim.start for m in mentions) \
                    and _PRONOUN_SUBJECT.search(claim.clause, claim.segment, claim.start):
                councils = []  # "A children's home in the borough was inspected in May. It was rated inadequate."
            if claim.respective is not None and len(councils) == places > 1:  # "X and Y ... respectively"
                councils = [councils[claim.respective]]
            if claim.year:
                councils = self.named_then(councils, clause_mentions, claim)
            self.add(claim, councils, text)
            attributed = councils or attributed
            if claim.status != "hypothetical":  # a verdict asked about, hoped for or avoided moves no topic
                topical = councils or topical
        for claim, recipients in self.pre2009.sentence(text):  # "awarded grade three ratings to X and Y"
            named = [m for m in mentions if recipients is not None and m.start >= recipients]
            self.add(claim, _joined_from(named, text) if named else attribute(claim, mentions, subject or self.focus),
                     text)
        if subject:
            self.focus = subject
        elif self.own and self.main and not self.commenting and _OWN_VOICE.search(text):
            self.focus = [self.main]  # the council speaking of itself ("how we compare with X, rated good") stays the
            # topic, whoever else its sentence grades
        elif topical:
            self.focus = topical

    def reports_main(self, claim: RatingClaim) -> bool:
        """True for a verdict on the inspection the page reports, its subject unnamed, while the discourse's council
        is one that had ended by the page's date (the former county whose history the page recalls): no council is
        rated after it ended, so the verdict is the page's own council's."""
        index = self.mentions.index
        return bool(self.main and self.main_named and self.focus and self.published) \
            and claim.status == "current" and claim.anchor == "publication" \
            and all(index.ended_before(code, self.published) for code in self.focus) \
            and not index.ended_before(self.main, self.published)

    def named_then(self, councils: list[str], clause_mentions: list[Mention], claim: RatingClaim) -> list[str]:
        """The councils of a dated verdict as its clause names them in its year: a former council's name, which the
        document's own date reads as its successor's, is the former council's in a year it existed ("Before the
        merger, Poole had been rated good in 2017": Poole's, not BCP Council's)."""
        on = date(claim.year, 6, 30)
        named: dict[str, Mention] = {}  # each council's last mention before the grade, else its first after it
        for m in clause_mentions:
            if m.start < claim.start or m.council_code not in named:
                named[m.council_code] = m
        return [self.mentions.index.as_named_then(code, named[code].surface, on) if code in named else code
                for code in councils]

    def shared_list(self, text: str, mentions: list[Mention]) -> tuple[list[RatingClaim], list[str]] | None:
        """Grades shared by a list of councils ("judged inadequate were: A; B and C"): the verdicts and the
        councils named among the list's items, at least two and most items councils."""
        shared = shared_grade_list(text, self.published, self.last_grade)
        if shared is None:
            return None
        claims, names, names_text, examples = shared
        at = text.rfind(names_text)
        listed = [m for m in mentions if at >= 0 and at <= m.start and m.end <= at + len(names_text)]
        # "St Helens in Lancashire and Waltham Forest in London": a place after "in" only locates the one before
        found = list(dict.fromkeys(m.council_code for i, m in enumerate(listed)
                                   if not (i and _LOCATED_IN.fullmatch(text, listed[i - 1].end, m.start))))
        if len(found) < (1 if examples else 2) or len(found) * 2 < len(names):
            return None
        return claims, found

    def block(self, block: Block, label: str | None = None) -> None:
        """One block's claims; `label` is the grade its paragraph opens with alone in a round-up by grade (see
        `sub_judgements.grade_labels`), given to the councils its sentences name with no verdict of their own."""
        mentions = self.mentions.within(block.text)
        self.commenting = block.kind == "comment"
        if self.commenting and self.main and self.main_named:
            self.focus = [self.main]  # each comment answers the post: its "the council" is the post's, not the one
            # the post or the comment above named last
        if block.kind != "table_row":
            self.grade_table = None
        if block.kind in ("list_item", "paragraph") and (
                entries := roundup_entries(block.text, mentions, self.published)):
            read_from = len(self.claims)
            for claims, councils in entries:  # "Northtown – good (requires improvement, 2017); Westshire – ..."
                for claim in claims:
                    self.add(claim, councils, block.text)
            self.last_verdicts = self.claims[read_from:] or self.last_verdicts  # what "So was X." repeats
            return
        if block.kind == "table_row":
            self.table_row(block.text, mentions)
            return
        if block.kind == "list_item" and not mentions and len(rows := judgement_rows(block.text)) > 1:
            for claim in rows:  # rows run together in one item: "Adoption performance: outstanding Care leavers: good"
                self.add(claim, self.focus, block.text)
            return
        if block.kind == "list_item" and len(block.text) < 160 and (  # "Overall effectiveness: inadequate;"
                claim := table_row_claim(_ITEM_SEPARATOR.sub(" | ", block.text.rstrip(" ;,.")))
                or self.pre2009.scored_item(block.text)):  # "Capacity to improve - 4"
            self.add(claim, self.focus, block.text)  # "Adoption performance - Requires improvement"
            return
        opening = _YEAR_OPENING.match(block.text) if block.kind in ("paragraph", "list_item") else None
        self.labelled_year = int(opening[1]) if opening else self.section[0] if self.section else None
        if block.kind == "heading":
            codes = list(dict.fromkeys(m.council_code for m in mentions))
            if len(codes) == 1:
                self.focus = codes
            # a heading opens an item of its own: what "the grade it won" refers to is the grade it names, if any, not
            # the last item's ("Telford: outstanding again" over "... retains the grade it won in 2020")
            named = [m.group() for m in _GRADE.finditer(block.text)]
            self.last_grade = named[-1] if len(set(map(normalise_grade, named))) == 1 else None
        read_from = len(self.claims)
        cursor = 0
        self.times.new_paragraph()
        self.paragraph_from = read_from
        for sentence in sentences(block.text):
            at = block.text.find(sentence, cursor)
            cursor = max(at, 0)
            own = [Mention(m.council_code, m.start - at, m.end - at, m.surface) for m in mentions
                   if at <= m.start and m.end <= at + len(sentence)] if at >= 0 else []
            if (speaker := speaker_label(sentence)) and not any(m.start < speaker for m in own):
                sentence = " " * speaker + sentence[speaker:]  # "A: Outstanding.", "REPORTER: Good overall."
            before = len(self.claims)
            self.sentence(sentence, own)
            if label and len(self.claims) == before:  # "Doncaster followed in November" under "Inadequate."
                for claim, code in labelled_verdicts(sentence, [(m.council_code, m.start, m.end) for m in own],
                                                     label, self.published):
                    self.add(claim, [code], sentence)
        if opening:  # "2015. The single inspection confirmed it - inadequate overall": that year's verdict
            self.claims[read_from:] = _news_dated(self.claims[read_from:], int(opening[1]), "stated", relative=True)

    def enter(self, block: Block) -> None:
        """The section `block` opens or stands in: a heading naming a time alone ("2016", "The 2018 inspection")
        labels the blocks under it until a heading of its rank or above; comments are in no section."""
        if block.kind == "comment" or (block.kind == "heading" and self.section and block.level <= self.section[1]):
            self.section = None
        if block.kind == "heading" and (year := self.heading_time(block.text)):
            self.section = (year, block.level)

    def heading_time(self, heading: str) -> int | None:
        """The year a heading labels its section with: a time alone ("2016", "The 2019 inspection"), or with the
        councils it is about ("Kirklees (2019)", "Bradford, March 2018")."""
        if timed := _HEADING_TIME.match(heading):
            return int(timed["year"])
        named = self.mentions.within(heading)
        rest = heading
        for m in named:
            rest = rest[:m.start] + " " * (m.end - m.start) + rest[m.end:]
        rest = rest.strip(" ,;:()–—-")
        timed = _HEADING_TIME.match(rest) if named else None
        return int(timed["year"]) if timed and not rest[timed.end():].strip(" )") else None

    def sectioned(self, read_from: int) -> None:
        """The claims read from `read_from` on dated by the section's heading ("2016" over "Inspectors found the
        council inadequate"), unless they say they are of today."""
        if self.section:
            dated = _news_dated(self.claims[read_from:], self.section[0], "stated", relative=True)
            self.claims[read_from:] = [new if not _NOW.search(old.evidence) else old
                                       for old, new in zip(self.claims[read_from:], dated, strict=True)]

    def table_row(self, row: str, mentions: list[Mention]) -> None:
        """'Impact of leaders | Good' (the discourse's council) or 'Cumbria | Inadequate' (the row's council); under
        a header naming its columns ("Council | Overall effectiveness | Impact of leaders"), each cell's grade."""
        if (header := grade_table_header(row, self.published, _cell_councils(row, mentions))) is not None:
            self.grade_table = header
            return
        codes = list(dict.fromkeys(m.council_code for m in mentions))
        first_cell = row.split(CELL_SEPARATOR)[0]
        # a judgement or an inspection per row: the discourse's council (a row naming a council and no judgement:
        # that council's)
        councils = self.focus if self.grade_table and one_councils(self.grade_table) and not (
            codes and judgement_named(first_cell) is None) else codes
        if self.grade_table and (claims := grade_table_claims(self.grade_table, row, self.published, bool(
                codes) and judgement_named(first_cell) is None)) and (councils or all(column for _, column in claims)):
            for claim, column in claims:  # a column's council ("| Northtown | Westshire"), else the row's
                self.add(claim, [column] if column else councils, row)
            self.grade_table = carried_forward(self.grade_table, row)  # an inspection's date for the rows after it
            return
        if line := roundup_claims(row, mentions, self.published):  # "Northtown | Good (inadequate, 2016)"
            for claim in line[0]:
                self.add(claim, line[1], row)
            return
        if claim := table_row_claim(row) or self.pre2009.scored_item(row):  # or 'Staying safe | 3'
            self.add(claim, self.focus, row)
            return
        cells = [c.strip() for c in row.split(" | ") if c.strip()]
        grades = [c for c in cells if normalise_grade(c)]
        if len(grades) == 1 and len(codes) == 1:
            self.add(RatingClaim("overall_effectiveness", normalise_grade(grades[0]), grades[0], None, "current", row,
                                 judgement_stated=False), codes, row)
            return
        table = self.grade_table
        for cell in cells:  # a row no table rule reads: its cells of prose (a "Commentary" column) as paragraphs
            if len(cell.split()) >= _PROSE_CELL_WORDS:
                self.block(Block("paragraph", cell))
        self.grade_table = table

    def judgements_under(self, lead_in: Block, items: list[Block]) -> bool:
        """A lead-in giving a grade "for:" a list of judgements ("Inspectors judged the council good overall and good
        for:" over "the impact of leaders ...", "children in care"): the lead-in read as prose, then each item's
        judgement graded, for the council the lead-in is about; a lead-in naming every area, or some by count, with
        its colon over the judgements ("The same grade was given in each of the five areas:"): the items read as
        the LIST after its colon. False unless every item names one judgement."""
        m = _GRADED_FOR.search(lead_in.text)
        names = [judgement_named(item.text.strip(" .;,")) for item in items]
        if not all(names) or any(_GRADE_WORD.search(item.text) for item in items):  # rows grading themselves
            return False
        inline = f"{lead_in.text.rstrip()} {'; '.join(item.text.strip(' .;,') for item in items)}."
        if m is None and lead_in.kind == "paragraph" and every_listed(inline):  # "The same grade was given in each
            self.block(Block("paragraph", inline))  # of the five areas:" over the judgements: one LIST, read inline
            return True
        if m is None or (grade := normalise_grade(m["grade"])) is None:
            return False
        read_from = len(self.claims)
        self.block(lead_in)
        same = [c for c in self.claims[read_from:] if c.grade == grade and c.status != "hypothetical"]
        for name, item in zip(names, items, strict=True):
            claim = RatingClaim(name, grade, " ".join(m["grade"].split()), None, "current", item.text)
            if same:  # the time and status of the lead-in's own verdict of that grade
                claim = replace(claim, year=same[-1].year, anchor=same[-1].anchor, status=same[-1].status)
            self.add(claim, self.focus, f"{lead_in.text} {item.text}")
        return True

    def list_under(self, lead_in: Block, items: list[Block]) -> bool:
        """A list whose lead-in gives the grade ("Rated inadequate:", a heading "Zero stars"): each item's
        councils get it, unless the item states its own verdict. False if the lead-in gives no single grade."""
        text = lead_in.text.strip().rstrip(":").strip()
        verdicts = [c for c in lead_in_verdicts(text, self.published) if c.status == "current"]
        if not verdicts and (grade := normalise_grade(text)):
            verdicts = [RatingClaim("overall_effectiveness", grade, text, None, "current", text,
                                    judgement_stated=False)]
        if len({(c.judgement, c.grade) for c in verdicts}) != 1 \
                or not any(self.mentions.rewound_within(item.text) for item in items):
            return False  # items naming no council ("Good overall. The judgements were:" over "Help and protection:
            # good"): not a list of councils; the lead-in is read as prose and its items as rows of judgements
        for item in items:
            mentions = self.mentions.within(item.text)
            if any(c.status != "hypothetical" for c in rating_claims(item.text, self.published)):
                self.block(item)
                continue
            codes = list(dict.fromkeys(m.council_code for m in mentions))
            when = time_named(item.text, self.published) if len(codes) == 1 else None  # "Leeds (2022)"
            for claim in verdicts:
                if when is not None:
                    claim = replace(claim, year=when[0], anchor=when[1])
                self.add(claim, codes, f"{lead_in.text} {item.text}")
        return True


def _cell_councils(row: str, mentions: list[Mention]) -> list[list[str]]:
    """The councils each cell of a table row names, cell by cell."""
    found, at = [], 0
    for cell in row.split(CELL_SEPARATOR):
        found.append([m.council_code for m in mentions if at <= m.start and m.end <= at + len(cell)])
        at += len(cell) + len(CELL_SEPARATOR)
    return found


def _names_only(block: Block, mentions: Mentions) -> bool:
    """A paragraph that is a line of council names ("Oldtown Newbury (South West) Midshire"), no sentence."""
    named = mentions.rewound_within(block.text)
    words = re.sub(r"\([^)]*\)", " ", block.text)
    letters = sum(ch.isalpha() for ch in words)
    return len(named) >= 2 and letters > 0 and sum(len(m.surface) for m in named) >= 0.7 * letters


def document_claims(blocks: list[Block], title: str | None, title_mentions: list[Mention], mentions: Mentions,
                    main: str | None, published: date | None, main_introduced: bool = True, own: bool = False
                    ) -> list[Claim]:
    """Every claim in a document's blocks and title (its council mentions found by the caller), in reading order;
    without `main_introduced` (the page is not the council's own and its title does not name it), the main council
    is what the text refers back to only from the first sentence naming it; with `own` (the page is the main
    council's own), its "we", "us" and "our" are that council."""
    reader = _Reader(mentions, main, published, main_introduced, own)
    labels = grade_labels([b.text if b.kind == "paragraph" else None for b in blocks])  # a round-up by grade
    i = 0
    while i < len(blocks):
        block = blocks[i]
        reader.enter(block)
        read_from, step = len(reader.claims), 1
        lead_in = block.kind == "heading" or (block.kind == "paragraph" and block.text.rstrip().endswith(":"))
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if lead_in and following is not None and following.kind == "list_item":
            items = [following]
            while i + 1 + len(items) < len(blocks) and blocks[i + 1 + len(items)].kind == "list_item" \
                    and blocks[i + 1 + len(items)].list_id == following.list_id:
                items.append(blocks[i + 1 + len(items)])
            if reader.judgements_under(block, items) or reader.list_under(block, items):  # "Rated inadequate:"
                step = 1 + len(items)
        elif block.kind == "heading" and following is not None and following.kind == "paragraph" \
                and _names_only(following, mentions) and reader.list_under(block, [following]):
            step = 2  # a factbox: "Zero-star councils" over a line of names
        if step == 1:
            reader.block(block, labels[i])
            if block.kind == "paragraph" and not reader.main_named and reader.focus == [main]:
                reader.focus = []  # the lede is over and the main council still unnamed: it is again once named
        reader.sectioned(read_from)
        i += step
    if title:  # read before the body, by a reader of its own: no verdict of the body is a headline's antecedent
        headline = _Reader(mentions, main, published, main_introduced, own)  # (not 'leadership failing' gapped
        headline.headline(title, title_mentions)  # from the body's last verdict, its year with it)
        reader.claims += [c for c in headline.claims if not _told_in_body(c, reader.claims)]
    if published is not None:  # no page states a grade published after it: a year counted past the page's is wrong
        reader.claims = [replace(c, year=None, anchor="publication") if c.year and c.year > published.year else c
                         for c in reader.claims]
    previous = dict(reader.previous_inspection)
    # a grade left behind is older than the dated verdict it gave way to ("from good to inadequate - X in 2014")
    left_behind = {c.evidence for c in reader.claims if c.status == "transition"}
    same_grade: dict[tuple[str, str], int] = {}
    for claim in reader.claims:  # else the latest earlier grade it dates ("rated good, as it was in 2019", "the
        if claim.year is not None and claim.anchor == "stated" and (  # same as at the 2018 inspection")
                claim.status in ("historical", "transition")
                or (claim.status == "current" and claim.evidence not in left_behind)) \
                and (published is None or claim.year < published.year):
            for code in claim.councils:
                same_grade[code, claim.grade] = max(same_grade.get((code, claim.grade), claim.year), claim.year)
                if code not in reader.previous_inspection:
                    previous[code] = max(previous.get(code, claim.year), claim.year)
    given: dict[tuple[str, str, int], set[str]] = {}  # (council, judgement, year) -> the grades the text gives
    for claim in reader.claims:
        if claim.year is not None and claim.status != "hypothetical":
            for code in claim.councils:
                given.setdefault((code, _headline(claim.judgement, claim.year), claim.year), set()).add(claim.grade)
    return [_dated_by_special_measures(_dated_by_previous_inspection(c, previous, same_grade, given),
                                       reader.special_measures)
            for c in reader.claims]


def _told_in_body(claim: Claim, body: list[Claim]) -> bool:
    """A headline's earlier grade with no time of its own is the body's earlier grade of the council's judgement,
    when the body gives one: the story told again, its time the body's ("Lambeth moves out of inadequate" over "has
    shed its inadequate rating, three years after inspectors found failings"), not a time of its own found later."""
    earlier = ("historical", "transition")
    return claim.year is None and claim.status in earlier and any(
        b.judgement == claim.judgement and b.grade == claim.grade and set(b.councils) & set(claim.councils)
        and b.status in earlier for b in body)


def _headline(judgement: str, year: int) -> str:
    """The judgement as its year's framework graded it: before the 2013 framework there was no overall grade, the
    headline verdict was the safeguarding one ("rated inadequate in 2012")."""
    return "safeguarding" if judgement == "overall_effectiveness" and year <= LAST_PRE_2013_YEAR \
        else judgement


def _dated_by_previous_inspection(claim: Claim, years: dict[str, int], same_grade: dict[tuple[str, str], int],
                                  given: dict[tuple[str, str, int], set[str]]) -> Claim:
    """An earlier grade the sentence leaves undated ("moved out of inadequate", "used to be rated good") takes
    the year of the latest earlier grade the document gives the council with that grade ("From inadequate to good"
    over "found inadequate in 2015"), else the year it gives the council's previous inspection ("its last
    inspection in 2018"), else the year of the latest earlier grade it gives the council ("rated good, as it was
    in 2019") -- not a year the document gives the council another grade for the judgement ("moved out of
    inadequate" after "it required improvement in 2018": not 2018)."""
    if claim.year is not None or claim.status not in ("historical", "transition"):
        return claim
    found = {same_grade.get((c, claim.grade)) or years[c] for c in claim.councils
             if (c, claim.grade) in same_grade or c in years}
    if len(found) != 1:
        return claim
    year = found.pop()
    if any(claim.grade not in given.get((c, _headline(claim.judgement, year), year), {claim.grade})
           for c in claim.councils):
        return claim
    return replace(claim, year=year, anchor="previous_inspection")


def _dated_by_special_measures(claim: Claim, years: dict[str, int]) -> Claim:
    """An earlier inadequate grade still undated takes the year the document says the council went into special
    measures ("moved out of inadequate ... It was placed in special measures in 2016")."""
    if claim.year is not None or claim.grade != "inadequate" or claim.status not in ("historical", "transition"):
        return claim
    found = {years[c] for c in claim.councils if c in years}
    if len(found) != 1:
        return claim
    return replace(claim, year=found.pop(), anchor="previous_inspection")
