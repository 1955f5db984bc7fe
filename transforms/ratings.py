"""Rating claims in prose: which judgement got which grade, and whether it is news or history.

A grade word only counts where the sentence uses it as a verdict ("rated good", "a
'requires improvement' judgement", "the LSCB requires improvement", "services are
inadequate"); aspirations ("to get a good rating") and negations do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from csi.caseless import Caseless
from csi.dates import month_number
from csi.records import CELL_SEPARATOR
from transforms.delivery_scope import without_delivery_scope
from transforms.grades import (
    GRADE_NAME,
    GRADE_PHRASE,
    QE,
    STAR_PHRASE,
    VERDICT_PARTICIPLE,
    YEAR,
    YEARS_COUNT_WORD,
    Q,
    count_of,
    normalise_grade,
    scale_spans,
)
from transforms.judgement_names import (
    NAME,
    NAME_ALTERNATIVES,
    NAME_HEAD,
    NAME_TAIL,
    NAMES,
    but_setting_apart,
    coordinated,
    coordinated_after,
    insertions,
    judgements_in,
    list_ending_at,
    refers_to_judgement,
    semicolons_as_commas,
    subject_judgements,
    subjectless,
    unbracketed,
    without_every,
    without_other_names,
)

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# A time told by an adverb after a grade, ending its phrase: "now", "earlier", "just before Christmas", "shortly after
# the election", "two months later"
_TIME_ADVERB = (r"(?:now|currently|today|recently|earlier|later"
                r"|(?:(?:just|shortly|soon|not\s+long|only|well|(?:an?|one|two|three|four|five|six|\d+)\s+"
                r"(?:years?|months?|weeks?|days?))\s+)(?:before|after|later|earlier)|soon\s+after)\b")
# Grade slots: a grade used as a verdict. Each alternative captures the grade words as `g1`..`g4`.
# A grade ending its phrase: "as good.", "to adequate in 2011", "as outstanding overall" (not "as good news")
_GRADE_ENDS = (r"(?:\s*(?:[.,;:)]|\s[-–—]\s|$)|\s+(?:overall|for|in|on|again|this|last|when|after|under|following"
               r"|since|and)\b)")
_CLASSED_COUNCIL = (rf"\s+(?:still\s+|now\s+)?an?\s+(?:Ofsted(?:[-\s]rated)?\s+)?{Q}{GRADE_NAME}{QE}(?:[-\s]rated)?\s+"
                    r"(?:local\s+)?(?:council|authority|borough|county)\b(?!\s+(?:to|for|at|in\s+which|where|that|which)\b)")
_VERDICT_VERBS = (r"\b(?:rated|rates|judged|judges|graded|grades|assessed|deemed|declared|ranked|capped"
                  r"|found\s+to(?:\s+be|(?=\s+requir))"  # "found to be good", "found to require improvement overall"
                  # "inspectors rate the council good", "now judge its leadership outstanding": with their object
                  r"|(?:rate|judge)(?=\s+(?:it|them|(?:the|its|their)\s+(?:council|authority|service|services|borough"
                  r"|county|city|leadership|leaders)|(?-i:[A-Z])[\w'’-]+)\b)"
                  # the news's verbs: "branded inadequate", "labelled 'requires improvement'", "classed as failing";
                  # a grade ending its phrase ("branded the report a good start" is none)
                  r"|(?:branded|brands|label(?:l?ed|s))(?=(?:\s+(?![‘'\"“]?" + GRADE_PHRASE + r")[\w'’-]+,?){0,8}?"
                  rf"\s+(?:as\s+)?{Q}{GRADE_PHRASE}{QE}(?:\s*[.,;:)]|\s+(?:by|in|for|overall|and|after|when|last|this"
                  r"|again|at|following|since|with|under|on|across|from)\b|$))"
                  r"|(?:classed|classified|marked)(?=\s+as\b)"
                  r"|singled\s+out(?=\s+(?:[\w'’-]+\s+){0,5}?as\b)"  # "singled out (its adoption work) as outstanding"
                  # "confirmed the authority as good overall", "confirms Oldtown as outstanding"
                  rf"|(?:re)?confirm(?:ed|s|ing)?(?=\s+(?:[\w'’-]+\s+){{1,4}}?as\s+{Q}{GRADE_PHRASE}{QE}{_GRADE_ENDS})"
                  # "a re-inspection lifted safeguarding to adequate": the grade right after "to"
                  rf"|(?:lifted|lifts|raised|raises|bumped|bumps|pushed|pushes|nudged|nudges|promoted|promotes|pulled"
                  rf"|pulls)(?:\s+(?!from\b|to\b)(?:[\w'’-]+|\([^()]*\))){{0,5}}?\s+to(?=\s+{Q}{GRADE_PHRASE}{QE}"
                  rf"{_GRADE_ENDS})"
                  # "only help and protection held it back at good": the grade the judgement held the rest at
                  rf"|(?:held|holds|holding|kept|keeps|keeping)\s+(?:it|them|(?:the|its|their)\s+[\w-]+|(?-i:[A-Z])[\w'’-]+)"
                  rf"\s+back(?=\s+(?:at|to)\s+{Q}{GRADE_PHRASE})"
                  # "the 2019 inspection had placed the service at requires improvement overall"
                  # ("the 2022 short inspection kept it at good", "left the council at requires improvement")
                  rf"|(?:placed|places|put|puts|kept|keeps|left|leaves|held|holds)\s+(?:it|them|(?:the|its|their)\s+[\w-]+|(?-i:[A-Z])[\w'’-]+)"
                  rf"(?=\s+at\s+{Q}{GRADE_PHRASE})"
                  # "the child protection inspection said adequate", "the 2014 report says requires improvement"
                  # ... or its relative clause: "a child protection inspection in 2013 which said adequate"
                  # ("the inspection in the spring of 2013 said inadequate again")
                  rf"|(?:inspection|report)(?:\s+(?:of|in|from)(?:\s+the)?(?:\s+(?:early|late|mid))?"
                  rf"(?:\s+(?:[A-Z][a-z]+|spring|summer|autumn|winter)(?:\s+of)?)?\s+(?:19|20)\d{{2}})?"
                  rf"(?:,?\s+(?:which|that))?\s+(?:said|says)"
                  rf"(?=\s+{Q}{GRADE_PHRASE}{QE}(?:\s*(?:[.,;:]|$)|\s+(?:overall|for|in|again|too)\b))"
                  # "came out adequate", "comes out as requiring improvement", "stayed good", "got good": a grade
                  # right after the verb, ending its phrase ("stayed in touch", "got good feedback" are none)
                  # ("came back good", "went outstanding last spring"; with their particles: "came up to RI",
                  # "went back down to inadequate", "came back up to good")
                  rf"|(?:(?:came|comes|come|coming)(?:\s+(?:out|back|in|up|down)){{1,2}}(?:\s+to)?"
                  r"|(?:went|goes)(?:\s+(?:back|up|down|straight)){0,2}(?:\s+to)?"
                  r"|reach(?:ed|es)"  # "by 2022 it had reached good"
                  # a change of state with the grade as its result: "became outstanding", "made it to good", "hit
                  # outstanding", "ended up at requires improvement" (not an infinitive: "the next step is to become
                  # good")
                  r"|(?<!\bto\s)(?:bec(?:ame|omes?)|(?:made|makes|make)\s+it(?:\s+(?:up|back))?\s+to|hit|hits"
                  r"|end(?:ed|s)\s+up(?:\s+(?:at|as|with))?)"
                  r"|stay(?:s|ed|ing)?|got|gets"
                  # a place on the scale: "sat at good for six years", "settled at good", "has been at good since 2021"
                  r"|(?:sat|sits|sitting|settled|settles|stood|stands|rested|rests|languish(?:ed|es|ing)|hover(?:ed|s|ing)"
                  r"|is|are|was|were|been)(?=\s+at\s))"
                  rf"(?=\s+(?:as\s+|at\s+)?{Q}{GRADE_PHRASE}{QE}"
                  r"(?:\s*(?:[.,;:)]|\s[-–—]\s|$)|\s+(?:overall|for|in|on|again|too|this|last|when|after|under|since"
                  r"|following|back\s+in)\b|\s+(?:rather\s+than|instead\s+of)\b"  # "came out as good rather than"
                  r"|\s*\((?:[A-Z][a-z]+\s+)?(?:19|20)\d{2}\)"  # "went good (2019)"
                  rf"|\s+{_TIME_ADVERB}"  # "went outstanding just before Christmas", "came out good earlier"
                  # "had reached good at the 2019 inspection"
                  r"|\s+at\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:re-?)?inspection\b))"
                  rf"|award(?:ed|s)(?=\s+{Q}{GRADE_PHRASE}{QE}(?:\s*[.,;:]|\s+(?:by|overall|in|for|on|across)\b|$))"
                  # "whose safeguarding Ofsted called good in 2011"
                  rf"|call(?:ed|s)(?=\s+{Q}{GRADE_PHRASE}{QE}{_GRADE_ENDS})"
                  # a judgement held at a grade: "a report that had help and protection at good"
                  rf"|(?:had|has|have|put|puts|placed|places|kept|keeps|left|leaves|held|holds)\s+(?:(?:the|its|their"
                  rf"|(?-i:[A-Z])[\w-]+['’]s)\s+)?(?:{NAME_ALTERNATIVES})(?=\s+at\s+{Q}{GRADE_PHRASE}{QE}{_GRADE_ENDS})"
                  # "got an inadequate", "won a good in 2021", "was given an outstanding for leadership": a grade
                  # got, as a noun
                  rf"|(?:got|gets|received|receives|won|wins|earned|secured|secures|achieved|picked\s+up|landed|given"
                  # ... or held: "has an RI", "holds an outstanding", "still had a good Ofsted"
                  rf"|handed|awarded|has|had|have|having|holds|held|carries|carried)(?=\s+(?:an?|another)\s+{Q}"
                  rf"{GRADE_NAME}{QE}(?:\s+Ofsted)?{_GRADE_ENDS})"
                  # a grade classing a council, said of one or apposed to it: "X is an RI council", "became an
                  # outstanding authority in 2023", "X, an Ofsted 'good' council since 2023, ...", "a good-rated
                  # borough"
                  rf"|(?:is|was|are|were|became|becomes|remains|remained|been|,)(?={_CLASSED_COUNCIL})"
                  # "scraped an adequate", "scraping through with a requires improvement": a grade barely reached
                  rf"|scrap(?:ed|es|ing|e)(?:\s+(?:through|by|home|into))?(?:\s+with)?(?=\s+(?:an?\s+)?{Q}{GRADE_PHRASE}{QE}"
                  r"(?:\s*(?:[.,;:)]|\s[-–—]\s|$)|\s+(?:overall|for|in|on|again|too|this|last|when|after|under|rating"
                  r"|grade|judge?ment|verdict)\b))"
                  rf"|found(?=\s+{Q}{GRADE_PHRASE}{QE}(?:\s*(?:[.,;:]|$)|\s+(?:overall|in|at|for|on|and|across|by|last|this|again|when|after|too|back|as\s+well"
                  rf"|before|previously|twice|two|three|four|five|six)\b))"
                  r"|found(?=\s+(?:it|them|(?:both|its|their)\s+(?:services|areas|judge?ments)|services"
                  r"|the\s+(?:council|authority|services?))\b"
                  r"|\s+(?-i:[A-Z]))"
                  # "the letter finds it outstanding", "Ofsted finds Oldtown good" (the present of a headline or a
                  # report's letter: its object and grade together)
                  rf"|finds(?=\s+(?:it|them|the\s+(?:council|authority|services?)|(?-i:[A-Z])[\w'’-]+)\s+{Q}{GRADE_PHRASE}"
                  rf"{QE}{_GRADE_ENDS})"
                  # "found the county's arrangements inadequate", "found its child protection services poor"
                  # ("found arrangements adequate": a plural noun needs no determiner)
                  rf"|found(?=\s+(?:(?:the|its|their|our)\s+)?(?:[\w-]+['’]s?\s+)?(?:(?:child\s+protection|safeguarding"
                  rf"|children['’]s|social\s+care)\s+)?(?:arrangements|services|provision)\s+{Q}{GRADE_PHRASE})"
                  # "found safeguarding in Oldtown adequate": a judgement named as the object
                  rf"|found(?=\s+(?:both\s+)?(?:(?:the|its|their)\s+)?(?:{NAME_ALTERNATIVES})"
                  # ... or a LIST of them: "found overall effectiveness, leadership and care leavers all to be ..."
                  rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?:{NAME_ALTERNATIVES}))*"
                  # ("found the overall effectiveness of children's services in Oldtown to be inadequate")
                  rf"(?:,?\s+(?!(?:was|were|is|are|had|has|have)\b)[\w'’-]+){{0,8}}?,?\s+{Q}{GRADE_PHRASE})"
                  # "found children's services in Oldtown to be good" (not "found social workers to be good")
                  rf"|found(?=\s+(?:(?!that\b)[\w'’-]+\s+){{0,4}}?(?:services?|council|authority|department"
                  rf"|(?-i:[A-Z])[\w'’-]+)\s+(?:(?!that\b)[\w'’-]+\s+){{0,3}}?to\s+be\s+{Q}{GRADE_PHRASE})"
                  # "downgraded to", "upgrades Oldtown to", "moves up two grades to" (headlines: the present)
                  r"|(?:downgrade[sd]?|upgrade[sd]?|moved|moves|improved|improves|slipped|slips|fallen|falls|fell"
                  r"|dropped|drops|risen|rises|rose|climbed|climbs|jumped|jumps"
                  r"|improving|moving|slipping|falling|dropping|rising|climbing)(?:\s+(?!from\b|to\b)[\w'’-]+){0,5}?"
                  r"\s+to)")
_DETERMINER = r"(?:an?|the|its|their|previous|latest|last|overall|new|first)"
# Grades opening a clause as the subject of their handing out: "Good ratings went to X", "inadequate grades were given
# to Y"
_GRADES_HANDED_OUT = (rf"(?:^|(?<=[:;]\s)|(?<=\band\s)|(?<=\bwhile\s)|(?<=\bwhereas\s)|(?<=\bbut\s))"
                      rf"(?={Q}{GRADE_NAME}{QE}\s+(?:overall\s+)?(?:grades|ratings|judge?ments|verdicts)\s+(?:(?:also|then|again)\s+)?"
                      r"(?:went|go|were\s+(?:also\s+)?(?:given|awarded|handed(?:\s+out)?))\s+to\b)")
# "the grade it won in 2020", "the rating they were given": a grade named by the clause telling when it was got
_GRADE_IT_GOT = (r"\s+(?:overall\s+)?(?:grade|rating|judge?ment|verdict)\s+(?:(?:that|which)\s+)?(?:it|they)\s+"
                 r"(?:had\s+)?(?:first\s+)?(?:won|received|got|earned|achieved|secured|was\s+given|were\s+given)\b")
_KEEP_OR_GIVE = (r"(?:given|gave|gives|giving|received|receives?|receiving|got|gets|awarded|awarding|retained|retains?"
                 r"|retaining|kept|keeps?|keeping|maintained|maintains?|held\s+on\s+to|holds?\s+on\s+to|earned"
                 r"|achieved|regain(?:ed|s|ing)?|w(?:on|ins?)\s+back|return(?:ed|s|ing)?\s+to)")
# words between a verb and its grade: no other grade
_GAP_WORD = rf"(?!{Q}(?:as\b|requir\w*\b|{GRADE_PHRASE}))[\w'’-]+,?"
# ... or judgements named, each PHRASE one word however long ("judged the experiences and progress of children who
# need help and protection, and of children in care to be good"; "graded the impact of leaders, the experiences and
# progress of children in care and the experiences and progress of care leavers as outstanding")
_GAP_WORDS = rf"(?:(?:(?:the\s+)?{NAME_HEAD}?(?:{NAME_ALTERNATIVES}),?|{_GAP_WORD})\s+)"
_SLOT = re.compile(
    # "judged the impact of leaders on social work practice to be good"
    rf"{_VERDICT_VERBS}\s+{_GAP_WORDS}{{1,16}}?(?:to\s+be|as)\s+{Q}(?P<g5>{GRADE_PHRASE}){QE}"
    rf"|{_VERDICT_VERBS}\s+(?:{_GAP_WORD}\s+){{0,16}}?(?:as\s+)?(?:being\s+)?{Q}(?P<g1>{GRADE_PHRASE}){QE}"
    # "..., and the experiences and progress of children in care outstanding" (the verb stated once before)
    # "..., with leadership outstanding", "... and its adoption service good"
    # "Leadership good, children in care good" (a telegraphic run), "..., help and protection as good"
    rf"|(?:(?:(?<=\band\s)|(?<=\bwith\s)|(?<=:\s)|^)(?:the\s+)?(?:(?!{_VERDICT_VERBS}|{GRADE_PHRASE})[\w'’-]+,?\s+){{0,8}}?"
    # (", the experiences of children in care outstanding": the NAME with its HEAD after a comma too)
    rf"|(?<=,\s)(?:the\s+)?{NAME_HEAD}?)(?:{NAME_ALTERNATIVES}|(?<=its\s|eir\s)(?:senior\s+)?leaders)"  # "and its
    rf"(?:['’]?\s+(?:services?|work|performance|provision))?{NAME_TAIL}"  # leaders X"; "... given to children X"
    # ("X requires improvement": g3)
    # (adverbs of time or degree between: "with leadership then already outstanding", "and adoption once more good")
    # (or of degree: "and its services for looked after children only adequate")
    rf"(?:\s+(?:as|both|each|all|also|now|still|already|then|again|even|once\s+more|by\s+then|only|just|merely"
    rf"|barely)){{0,2}}\s+{Q}"
    rf"(?!{Q}requir(?:es?|ed)\b)(?P<g6>{GRADE_PHRASE}){QE}"
    rf"(?=(?:\s+(?:too|also|as\s+well|(?:even|by|back)\s+then|then|again|this\s+time|at\s+(?:that|the)\s+time))?"
    rf"(?:\s*(?:[.,;:]|$)|\s+and\s))"
    # "rated requires improvement in 2019 and good in 2022": a second grade of the verdict, with its own time
    # ("inadequate in 2017 and good two years later", "and good by 2021": its time counted on, or reached)
    # ... or opening a sentence of no verb: "Outstanding in 2018, and good in 2022.", "Inadequate in July 2018." (the
    # discourse's subject)
    # ("inadequate in 2017, then good two years later", "Quite a turnaround: inadequate in 2016.")
    # ... or the next item of a record of dated grades: "inadequate in 2015, requires improvement in 2019, good in
    # 2023", "good (2023), outstanding (2019) and inadequate (2015)", "requires improvement in 2019; good in 2023",
    # "came back strongly - good in 2022"
    rf"|(?:(?<=\band\s)|(?<=\bthen\s)|(?<=[:;]\s)|(?<=\s[-–—]\s)|(?<=\d{{4}},\s)|(?<=\d{{4}}\),\s)|^){Q}"
    rf"(?P<g17>{GRADE_PHRASE}){QE}"
    rf"(?=\s*\((?:[A-Z][a-z]+\s+)?(?:19|20)\d{{2}}\)|(?:\s+overall|\s+across\s+the\s+board"
    rf"|\s+in\s+(?:every|each|all)\s+(?:areas?|judge?ments?))?\s+(?:in|during)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d{{2}}\b"
    rf"|(?:\s+(?:on|at)\s+(?:(?:the|its|their|a)\s+)?(?:re-?)?inspection)?"  # ("then RI on re-inspection ...")
    rf"\s+(?:by\s+(?:19|20)\d{{2}}|(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years?\s+"
    rf"(?:later|after(?:wards)?|on)\b|the\s+(?:following|next)\s+year\b|last\s+(?:year|spring|summer|autumn|winter)\b))"
    # "judged inadequate in 2014 and again two years later", "found good, and again when inspectors returned in 2019":
    # the grade given again, at the time after "again" (the grade named last: see `rating_claims`)
    rf"|(?:(?<=\band\s)|(?<=\band,\s)|(?<=\bthen\s))(?P<gag>again)(?=\s+(?:when|after|at|on|during|following"
    rf"|(?:an?|one|two|three|four|five|six|\d+)\s+years?\s+(?:later|after(?:wards)?|on)|the\s+(?:following|next)\s+year"
    rf"|the\s+year\s+after)\b)"
    # "in 2018 it was rated good, and in 2014 inadequate": a second grade of the verdict, its time before it
    # ("..., and before that, in 2016, inadequate")
    rf"|(?:(?<=\band\s)|(?<=\band,\s))(?:(?:before|after)\s+that,?\s+|earlier,?\s+|previously,?\s+)?"
    rf"(?:in|by|during)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d{{2}},?\s+{Q}(?P<gy>{GRADE_PHRASE}){QE}"
    rf"(?=\s*(?:[.,;:]|$))"
    # "a 'good' rating", "the previous requires improvement judgement" (not "showed poor judgement")
    # ("the third good rating", "a second successive outstanding judgement": one of a series; "its 2019 inadequate
    # verdict": dated)
    # ... or opening a clause as what was handed out ("Good ratings went to X and Y")
    rf"|(?:[‘'\"“](?P<g2q>{GRADE_PHRASE})[’'\"”]|(?:\b(?:{_DETERMINER}|(?-i:[A-Z])[\w-]+['’]s)\s+|{_GRADES_HANDED_OUT})"
    rf"(?:(?:second|third|fourth|fifth|successive|consecutive|straight|(?:19|20)\d{{2}})\s+){{0,2}}(?:overall\s+)?{Q}"
    rf"(?P<g2>{GRADE_NAME}){QE})"
    # (the news's nouns for a grade too: "the inadequate label", "its 'requires improvement' tag", "good status")
    rf"\s+(?:overall\s+)?(?:grades?|gradings?|ratings?|(?:sub-?)?judgements?|(?:sub-?)?judgments?|verdicts?"
    r"|labels?|tags?|badges?|status|classifications?"
    r"|(?:Ofsted\s+)?(?:report|inspection)|(?:outcomes?|results?)(?=\s+(?:of|in)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d{2}\b))\b"
    # ("had a good report in 2018", "after the inadequate inspection of 2016", "the inadequate outcomes of 2014 and
    # 2016": not "the good outcomes children achieve")
    # "Bradford's inadequate one", "... compares badly with Wigan's good.": a council's grade, its noun said before
    rf"|\b(?-i:[A-Z])[\w-]+['’]s\s+{Q}(?P<g2o>{GRADE_NAME}){QE}(?=\s+one\b|\s*(?:[.;:)]|,\s|$))"
    # "In 2018 Luton was inadequate and Bedford good": a verdict gapped after another, its subject a name (see below)
    rf"|(?<=\band\s)(?-i:[A-Z])[\w'’-]+(?:\s+(?:and\s+|&\s+|of\s+|upon\s+|on\s+)?(?-i:[A-Z])[\w'’-]+){{0,3}}\s+"
    rf"{Q}(?P<ggap>{GRADE_PHRASE}){QE}(?=\s*(?:[.,;:]|$))"
    # "received outstanding for leadership and good for children in care": the grade as the object
    rf"|\b(?:{_KEEP_OR_GIVE}|had|has)\s+(?:(?:it|them|the\s+(?:council|authority|borough|county)|(?-i:[A-Z])[\w-]+(?:\s+[Cc]ouncil)?)\s+)?"
    # ("received good overall, with ...", "have been given outstanding again.": the grade ending its phrase)
    rf"{Q}(?P<g25>{GRADE_PHRASE}){QE}(?=\s+(?:for|in)\s|\s+(?:overall|again|too|once\s+more|by\s+Ofsted)\b"
    rf"|\s*(?:[.;:)]|\s[-–—]\s|$))"
    # "Hillingdon, which got its outstanding in 2023", "kept their good": the grade as a noun, owned
    rf"|\b(?:{_KEEP_OR_GIVE})\s+(?:its|their)\s+{Q}(?P<gown>{GRADE_PHRASE}){QE}"
    rf"(?=\s*(?:[.,;:)]|\s[-–—]\s|$)|\s+(?:at|in|for|last|this|on|back|again|overall)\b)"
    # "judged 'good', with 'outstanding' leadership": a quoted grade before the judgement it names
    rf"|[‘'\"“](?P<g24>{GRADE_PHRASE})[’'\"”]\s+(?=(?:{NAME_ALTERNATIVES}))"
    # "rated good, with outstanding leadership and good help and protection": unquoted, in a "with" phrase (a LIST of
    # them too: "with outstanding leadership, good help and protection and ...") or as what was achieved ("achieved
    # outstanding safeguarding in 2012", "secured good leadership and ...")
    rf"|(?:(?<=\bwith\s)|(?<=\band\s)|(?<=,\s)|(?<=\bachieved\s)|(?<=\bsecured\s)|(?<=\bearned\s)|(?<=\bgained\s))"
    rf"(?P<g26>{GRADE_NAME})\s+"
    rf"(?=(?:{NAME_ALTERNATIVES}))"
    # "... 'good' overall, 'good' for children who need help and protection and 'good' for care leavers"
    # ("adequate too for looked after children", "good on both": the two judgements of 2009-2012)
    rf"|{Q}(?P<g9>{GRADE_PHRASE}){QE}(?=\s+(?:overall\b|(?:(?:too|also|again)\s+)?for\s+(?:[\w'’-]+\s+){{0,6}}?"
    rf"(?:{NAME_ALTERNATIVES}|(?:senior\s+)?leaders\b)|(?:on|for|in)\s+both(?:\s+(?:counts|judge?ments|areas)\b"
    r"|(?=\s*(?:[.,;:)]|\s[-–—]\s|$)))))"
    # "awarded good ratings to ...", "gave 'inadequate' grades"
    rf"|\b(?:{_KEEP_OR_GIVE}|with)\s+{Q}(?P<g18>{GRADE_PHRASE}){QE}\s+(?:overall\s+|Ofsted\s+)?"
    rf"(?:grades?|ratings?|judgements|judgments|verdicts?)\b"
    # "matched by good judgements for leadership, for children in care and ...": ratings given for judgements
    # ... or received for them: "Good judgements had also been received for A, for B and for C"
    rf"|{Q}(?P<g27>{GRADE_PHRASE}){QE}\s+(?:grades|ratings|judgements|judgments|verdicts)(?:\s+(?:had|have|has|were"
    r"|are|also|now|been|received|awarded|given|made|achieved|secured|recorded)){0,4}(?=\s+for\s)"
    # "Good is now the overall grade", "Inadequate is the overall judgement": the grade opening the sentence
    rf"|^\W*{Q}(?P<g29>{GRADE_PHRASE}){QE}(?=\s+(?:is|was|remains)\s+(?:now\s+|still\s+)?(?:the|its|their)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:verdict|grade|rating|judge?ment|outcome)\b)"
    # "celebrates outstanding Ofsted verdict", "a 'good' Ofsted rating"
    rf"|{Q}(?P<g22>{GRADE_PHRASE}){QE}\s+Ofsted\s+(?:grade|rating|judgement|judgment|verdict)\b"
    # "Its leadership, previously inadequate, is now ...": an earlier grade in an inserted clause
    rf"|\b(?:previously|formerly|once)\s+{Q}(?P<g19>{GRADE_PHRASE}){QE}(?=\s*[,)–—-])"
    # "Cornwall Council, outstanding in 2019, was rated good": an earlier grade inserted with its year
    # ("Kingston, outstanding in January in every area, ...", "X, outstanding last spring, and Y": its time named)
    # ("Leeds and Kent, both outstanding in 2022, ...": of the councils before)
    rf"|(?:(?<=,\s)|(?<=,\sboth\s)|(?<=,\sall\s)|(?<=,\seach\s)){Q}(?P<gins>{GRADE_PHRASE}){QE}"
    rf"(?=\s+(?:in|since)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d{{2}}\s*,"
    rf"|\s+(?:in|since|last)\s+(?-i:{_MONTH})\b[^,;.]{{0,60}}?[,;.]"
    rf"|\s+last\s+(?:spring|summer|autumn|winter|year)\b[^,;.]{{0,60}}?[,;.])"
    # ... or in brackets: "Essex (outstanding in every area last year) leads", "Bury (inadequate in 2019) is ..."
    rf"|(?<=\(){Q}(?P<gbr>{GRADE_PHRASE}){QE}(?=[^()]{{0,60}}?\b(?:(?:19|20)\d{{2}}|last\s+(?:year|spring|summer"
    rf"|autumn|winter|{_MONTH}))\b[^()]*\))"
    # "good, compared with inadequate in 2017", "an improvement on the inadequate rating it had": the earlier grade
    # the new one is measured against
    rf"|\b(?:compared\s+(?:with|to)|as\s+against|(?:improv(?:ement|ed|es|ing)|step\s+(?:up|forward)|advance|up|down)"
    rf"\s+on|(?:better|worse)\s+than)\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:(?:19|20)\d{{2}}\s+)?{Q}"
    rf"(?P<g20>{GRADE_PHRASE}){QE}"
    # "its previous rating, inadequate, was ...", "its 2018 grade for children in care, outstanding, was ...": the
    # grade in apposition to the rating
    rf"|\b(?:its|their|(?-i:[A-Z])[\w-]+['’]s|the\s+(?:council|authority)['’]s)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:grade|rating|judgement|judgment|verdict)(?:\s+(?:for|on)\s+[^,;]{{1,60}}?)?\s*,\s*{Q}(?P<g23>{GRADE_PHRASE}){QE}\s*,"
    # "a rating of good", "its grade of 'outstanding'"
    rf"|\b(?:grade|rating|judgement|judgment)\s+of\s+{Q}(?P<g16>{GRADE_PHRASE}){QE}"
    # a grade referred to, not named: "kept its rating", "given the same grade", "the same rating it had in
    # 2017", "fell into that category" (the grade named last: see `rating_claims`)
    rf"|\b(?:{_KEEP_OR_GIVE}|found|finds|reach(?:ed|es))\s+(?:(?:it|them|the\s+council|the\s+authority|(?-i:[A-Z])[\w-]+(?:\s+[Cc]ouncil)?)\s+)?"
    # ("retains the grade it won in 2020": the grade named by the clause telling when it was got)
    rf"(?:the\s+same|that|this|its|their|the(?={_GRADE_IT_GOT}))"
    rf"\s+(?:overall\s+)?(?P<g12>grade|rating|judgement|judgment|verdict|conclusion)\b"
    rf"(?!\s+(?:of|as)\b|\s+for\s+(?!(?:every|each|all)\b))"  # (but "the same grade for every judgement")
    # "this repeated the overall outcome of the short inspection in 2019": the grade named last, given then too
    rf"|\b(?:repeat(?:ed|s|ing)|match(?:ed|es|ing)|mirror(?:ed|s|ing))\s+(?:the|its|their)\s+(?:overall\s+)?"
    rf"(?P<g32>outcome|grade|rating|judgement|judgment|result|verdict)(?=\s+(?:of|from|at|given)\b)"
    rf"|\b(?:the\s+same|that)\s+(?:overall\s+)?(?P<g13>grade|rating|judgement|judgment|verdict)\s+(?:(?:it|they|we"
    rf"|the\s+(?:council|authority|city|borough|county|service)|(?-i:[A-Z])[\w'’-]+(?:\s+[Cc]ouncil)?)\s+(?:had\s+)?(?:received|had|got"
    rf"|was\s+given|were\s+given|held|achieved"
    rf"|earned)|(?:was|were|had\s+been|has\s+been)\s+(?:given|awarded|handed)"
    # "the same grade as in 2018", "the same rating as at its last inspection", "the same grade as it received"
    rf"|as\s+(?=(?:in|at|during)\s|(?:it|they|the\s+council|the\s+authority)\s+(?:had\s+)?(?:received|had|got"
    rf"|was\s+given|were\s+given|held|achieved|earned)\b)"
    # "That grade applies to A, to B and to C", "the same rating went to A and B"
    rf"|(?:applies|applied|went|goes)(?=\s+to\b))\b"
    rf"|\b(?:fell|falls?|falling|fallen|placed|put|rated|classed)\s+(?:in|into)\s+(?:that|this|the\s+same)\s+"
    rf"(?P<g14>category|bracket|group)\b"
    # "A, B and C came back the same", "the verdict was the same": the grade named last, as the predicate
    rf"|\b(?:(?:came|comes|come|coming)\s+(?:back|out)|(?:verdicts?|grades?|ratings?|judge?ments?|outcomes?)\s+"
    rf"(?:was|were|is|are|had\s+been|has\s+been|remained|remains|stayed|stays))\s+(?:(?:also|again|exactly|just)\s+)?"
    rf"(?:the\s+(?P<g31>same)(?=\s*(?:[.,;:)]|\s[-–—]\s|$)|\s+(?:too|again|as\s+well|this\s+time)\b"
    # ... as at an earlier time, or unchanged since it: "the overall grade is the same as in 2019", "the grade is
    # unchanged from its last inspection in 2019" (that time's grade too: its year is read after it)
    rf"|\s+as\s+(?:in|at|during|for|last)\s)|(?P<g31u>unchanged)(?=\s+(?:from|since|on)\s))"
    # "the inspection before that (2016) said the same thing", "inspectors found the same in 2019": a report's verdict
    # that repeats the grade named last
    # (its subject's words no grade and no verdict of their own)
    rf"|\b(?:inspections?|re-?inspections?|reports?|inspectors|Ofsted|visits?)\b"
    rf"(?:(?!{GRADE_PHRASE}|{VERDICT_PARTICIPLE})[^.;:]){{0,40}}?\b(?:said|says|found|finds|concluded|concludes|reached)"
    rf"\s+(?:(?:exactly|much|just)\s+)?the\s+(?P<g34>same)(?:\s+(?:thing|verdict|grade))?\b"
    # (ending its sentence or its clause, or its time then the end: not "said much the same, and in 2018 ...")
    rf"(?=(?:\s+(?:in|during)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d{{2}})?(?:\s+(?:too|again|as\s+well))?"
    rf"\s*(?:[.;:)]|$|,\s*(?:although|though|but|while|whereas|even\s+(?:if|though))\b))"
    # "A was rated outstanding in 2019, and B got there in 2022", "... and B followed suit": the grade named, reached
    rf"|\b(?P<g33>(?:got|gets)\s+there|follow(?:ed|s)\s+suit)\b"
    # "judged A, B and C - however long the LIST - to be good": the predicate after a LIST (see `list_ending_at`)
    # (not "as requires improvement": g3's)
    # (or "all": "judged A, B and C all inadequate"; not "both good for A": g9's)
    rf"|(?<=\s)(?:to\s+be|as|(?:all|both|each)(?=\s+{Q}{GRADE_PHRASE}{QE}(?!\s+(?:for|on|in|across)\b)))\s+{Q}(?!{Q}requir)"
    rf"(?P<g30>{GRADE_PHRASE}){QE}"
    rf"|{Q}(?P<g3>requir(?:es?|ed)[-\s]+improvement(?:\s+to\s+be\s+good)?){QE}"  # "required": the past
    # "help and protection needed to improve", "graded children in care as needing improvement": requires improvement
    # said of a judgement in other words (only with the judgement named as the subject: see `rating_claims`), the
    # phrase ending there ("the council needs to improve the consistency of ...": no verdict)
    rf"|\b(?P<g35>need(?:s|ed|ing)?\s+(?:to\s+improve|improvement|improving)|in\s+need\s+of\s+improvement)"
    rf"(?=\s*(?:[.,;:)]|\s[-–—]\s|$)|\s+(?:too|also|as\s+well|again|further|and|but|while|though|in|at|by|since"
    rf"|when|according|inspectors|Ofsted)\b)"
    rf"|\b(?:as|now)\s+{Q}(?P<g10>requiring\s+improvement(?:\s+to\s+be\s+good)?){QE}"
    rf"|\b(?:perform(?:s|ing)?)\s+(?P<g7>poorly|adequately|well|excellently)\b"
    rf"|{Q}(?P<g8>{STAR_PHRASE}){QE}"
    # "received the top grade", "gave Oldtown's services the highest rating for leadership"
    rf"|\b(?:received|receives|got|gets|awards?|awarded|awarding|given|gave|gives|giving|hands?|handed|handing|earned"
    rf"|{_KEEP_OR_GIVE}|holding\s+on\s+to"
    rf"|achieved|(?:went|goes|moved|moves|rose|rises|climbed|climbs|jumped|jumps)(?=\s+(?:straight\s+|up\s+)?to\s+the\s))\s+"
    rf"(?:(?!{GRADE_PHRASE}|top\b|highest\b|bottom\b|lowest\b)[\w'’-]+\s+){{0,8}}?(?:the\s+)?"
    rf"(?P<g11>(?:(?:second|next)[-\s]+)?(?:top|highest|bottom|lowest|best|worst)\s+(?:possible\s+)?"
    rf"(?:grade|rating|mark|score|judgement))"
    rf"|\b(?:is|are|was|were|been|remains?|remained|(?<=\bit)['’]s)\s+(?:(?:still|now|all|both|each|also|already)\s+){{0,2}}"
    rf"{Q}"
    rf"(?!requir)(?P<g4>{GRADE_NAME}){QE}"
    rf"(?=[\s.,;:]|$)",
    re.I,
)
# "a good rating for ...", "the top grade for ...": the judgements named after the rating are its own
_RATING_FOR = ("g2", "g2q", "g2o", "g11", "g16", "g18", "g22", "g23", "g27")
# Slots naming no grade: the grade is the one named last (in the sentence, else in the discourse)
_ANAPHORIC = ("g12", "g13", "g14", "g31", "g31u", "g32", "g33", "g34", "gag")
# Slots naming a grade given as an object: "gave the top grade to A and to B", "awarded good ratings to A and B"
_GIVEN = ("g11", "g18")
_TRANSITION = re.compile(
    # ("climbed through requires improvement (2017) to good": the grade passed through is left behind too)
    rf"\b(?:(?:up|down)\s+)?(?:from|through|via)\s+(?:(?:the|an?|its|their)\s+)?{Q}(?P<old>{GRADE_PHRASE}){QE}"
    rf"(?:\s+(?:rating|grade|judgement))?"
    # "from requires improvement at the 2015 inspection to good": the earlier grade's time inserted
    rf"(?:,?\s+(?:at|in|after)\s+(?:(?:the|its|their)\s+)?(?:[\w-]+\s+){{0,2}}?(?:inspection|assessment|review)"
    rf"(?:\s+in\s+(?:19|20)\d{{2}})?,?(?=\s+to\s)|\s+in\s+(?:19|20)\d{{2}},?(?=\s+to\s)"
    rf"|\s*\((?:[A-Z][a-z]+\s+)?(?:19|20)\d{{2}}\),?(?=\s+to\s)"
    # ... or in an apposition dating it: "from inadequate, the judgement given in January 2019, to good"
    rf"|,\s+(?:(?!{GRADE_PHRASE})[^,;])*?\b(?:19|20)\d{{2}},(?=\s+to\s))?"
    rf"(?:\s+to\s+{Q}(?P<new>{GRADE_PHRASE}){QE})?(?=[\s.,;:]|$)", re.I)
_ASPIRATION = re.compile(r"(?<!judged\s)(?<!deemed\s)(?<!rated\s)(?<!found\s)(?<!graded\s)(?<!assessed\s)"
                         r"\bto\s+(?:get|reach|receive|achieve|be|become|gain|secure|move\s+to)\s+(?:an?\s+|the\s+)?$",
                         re.I)
# "it had been good in 2017", "the council was inadequate.": the council itself, its grade ending the clause or
# dated (not "it was good to see")
# ... or described: "the borough", "the unitary authority", "the latter", "the two councils", "they both"
_COUNCIL_PRONOUN = re.compile(r"(?:\bit$|\b(?:it|we|which|both|they\s+(?:both|all|each)"
                              r"|the\s+(?:(?!neighbouring|nearby|other)[\w-]+\s+){0,2}?"
                              r"(?:council|authority|borough|city|county|latter|former)"
                              r"|(?:both|the\s+(?:two|three|four|five))\s+(?:councils|authorities|boroughs|counties))\s+"
                              r"(?:(?:had|has|have)\s+)?"
                              r"|(?:,|\bafter|\bdespite)\s+having\s+)(?:(?:previously|once|also|then|still|already)\s+)?$",
                              re.I)
# "Luton remains inadequate", "Back in 2016 Luton was inadequate": a name alone before the verb (the claim model
# gives it to that council, and to none when the name is no council's)
# ("Wokingham in August was adequate": its time, or its place, may follow the name)
_NAME_SUBJECT = re.compile(r"(?:^|[,;&]|\b(?:and|but|while|whereas|\d{4}|then|now|today|time|when))\s*"
                           r"(?!(?:Who|What|Which|Whose)\b)"  # (a question's subject is no name: "Who is good now?")
                           r"(?-i:[A-Z][\w'’-]+(?:\s+(?:of\s+|upon\s+|on\s+)?[A-Z][\w'’-]+){0,4})"
                           r"(?:\s+(?:in|during|last|this)\s+(?:the\s+)?(?:[A-Z][a-z]+|spring|summer|autumn|winter|year"
                           r"|(?:19|20)\d{2})(?:\s+(?:19|20)\d{2})?)?\s+(?:(?:has|had|have)\s+)?"
                           r"(?:(?:still|now|also|previously|once|then|already)\s+)?$")
# "The council was good in 2019 and is now outstanding": a second predicate of the subject given a grade before
# "its 2018 'requires improvement' grade", "the 2016 inadequate rating": the year as the grade's modifier
_YEAR_BEFORE_GRADE = re.compile(r"\b((?:19|20)\d{2})\s+[‘'\"“]?$")
_IMPROVED_ON = re.compile(r"improv(?:ed|es|ing)\s+on\b", re.I)
# A clause whose subject refers back to the news, set against an earlier grade: "This is an improvement on the
# requires improvement judgement of 2021", "It marks a step up on ...", "That represents a clear advance on ..."
_NEWS_COMPARED = re.compile(r"^\W*(?:(?:and|but)\s+)?(?:this|that|it|which|the\s+(?:new\s+)?(?:result|grade|rating"
                            r"|judge?ment|outcome|verdict))\s+(?:is|was|marks|marked|represents|represented)\s+"
                            r"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?$", re.I)
_IT_BEFORE = re.compile(r"\bit\s+(?:(?:had|has)\s+)?(?:(?:also|previously|then|once)\s+)?$"
                        # "it was the weak spot, rated ...": "it" described, then graded
                        r"|\bit\s+(?:was|is|had\s+been|has\s+been|remains|remained)\s+(?:the|an?)\s+(?:[\w-]+\s+){0,3}?"
                        r"[\w-]+,\s*$", re.I)
# ("... and has been good since 2019": the subject's second predicate, its auxiliaries before the verb)
_AND_PREDICATE = re.compile(r"\band\s+(?:(?:has|have|had|is|are|was|were|now|since|then|still|also)\s+)*$", re.I)
# A LIST's predicate before its grade: "[judged A, B and C] all | to be | as [good]"
_LIST_PREDICATE = re.compile(rf"\s(?:to\s+be|as|all|both|each)\s+{Q}$", re.I)
_VERB_BEFORE_LIST = re.compile(r"\b(?:judged|judges|judge|rated|rates|graded|grades|found|finds|deemed|considered"
                               r"|assessed)\b", re.I)
_VERDICT_END = re.compile(r"\s*(?:$|[.;,)]|and\s+(?=(?-i:[A-Z])[\w'’-]+(?:\s+[\w'’&-]+){0,4}?\s+[‘'\"“]?"
                          rf"{GRADE_PHRASE})"  # ("Luton was inadequate and Bedford good": a verdict gapped after it)
                          r"|(?:in\s+(?:(?:19|20)\d{2}|its|their|the\s+(?:last|previous|latest)"
                          r"|every|each|all)|across"
                          r"|at\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:inspection|visit)|during|when|until|before"
                          r"|after|since|overall|then|again|previously|too|two|three|four|five|six"
                          rf"|{_TIME_ADVERB}"  # "Bromley is outstanding now", "it was good shortly before that"
                          r"|by\s+(?:19|20)\d{2}"  # "was good by 2022"
                          # ("it was inadequate for the second time", "... once more")
                          r"|for\s+(?:the|a)\s+(?:first|second|third|fourth|fifth|\w+th)\s+time|once\s+(?:more|again)"
                          rf"|last\s+(?:time|year|month|spring|summer|autumn|winter|{_MONTH})|in\s+{_MONTH}"
                          r"|a\s+year|\d+\s+years"
                          # "The last time the borough was inadequate was in 2014"
                          r"|(?:was|were)\s+in\s+(?:(?-i:[A-Z])[a-z]+\s+)?(?:19|20)\d{2})\b)",
                          re.I)
# "is now outstanding", "has now been judged good": the verdict is news, whatever history came before it
_NOW = re.compile(rf"\bnow\s+(?:been\s+)?(?:{VERDICT_PARTICIPLE}\s+(?:as\s+|to\s+be\s+)?)?"
                  r"(?:(?:is|are|was|were|been)\s+)?[‘'\"“]?$", re.I)
# "good at recruiting", "good to see", "good news": the adjective, not a grade
# (not "good for safeguarding")
_SKILL = re.compile(rf"\s+(?:(?:at|in|for)\s+(?!(?:{NAME_ALTERNATIVES}))\w+ing|to|that|news)\b", re.I)
# "more good news", "a good place to work", "making good progress", "an outstanding example": the grade word as
# an adjective after a determiner (or "make", "show", "do"), before a noun that names no council, service or
# rating (not "a good service", "an outstanding local authority", "a good and improving service", "a good Ofsted
# rating")
_WITH_PHRASE_BEFORE = re.compile(r"\bwith\s+(?:[\w'’-]+\s+){0,8}$", re.I)  # "..., with leadership then outstanding"
_ACHIEVED = re.compile(r"\b(?:achieved|secured|earned|gained)\s+$", re.I)  # "achieved outstanding safeguarding"
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|more|some|such|very|any|much|really|pretty|quite|mak(?:e|es|ing)|made"
                                r"|show(?:s|ed|ing)?|do(?:es|ing)?|did)\s+[‘'\"“]?$", re.I)
_OTHER_NOUN_AFTER = re.compile(
    r"[’'\"”]?\s+(?!(?:for|in|at|on|across|by|since|overall|and|or|but|with|to|from|as|again|too|then|now|last|this"
    r"|that|when|after|before|under|until|of|if|so|because|while|whereas|though|although|rather|yet|still|once|ever"
    r"|since|enough)\b)"
    r"(?!(?:[\w'’-]+\s+){0,2}?(?:services?|provision|councils?|authorit(?:y|ies)|boroughs?|count(?:y|ies)|cit(?:y|ies)"
    r"|departments?|directorates?|trusts?|grades?|gradings?|ratings?|judge?ments?|verdicts?|outcomes?|results?"
    r"|reports?|inspections?|scores?|marks?|assessments?|standards?|overall)\b)(?-i:[a-z])[\w-]*\b", re.I)
# A council of a kind rather than one council: "a county rated outstanding may still receive a focused visit", "any
# authority judged inadequate will be visited" (not "a turnaround for an authority rated inadequate in 2022")
_GENERIC_SUBJECT = re.compile(r"\b(?:a|an|any|every|each)\s+(?:[\w-]+\s+)?(?:council|county|authority|borough|city"
                              r"|department|service)\s+(?:(?:that|which)\s+(?:is|was|has\s+been)\s+)?"
                              rf"{VERDICT_PARTICIPLE}\s+(?:to\s+be\s+|as\s+)?[‘'\"“]?$", re.I)
_GENERIC_PREDICATE = re.compile(r"[’'\"”]?(?:\s+or\s+[\w-]+(?:\s+[\w-]+){0,3}?)?\s+(?:may|might|can|could|must"
                                r"|will|would|should|normally|usually|typically|generally|often|always|automatically|gets?"
                                r"|receives?|faces?)\b", re.I)
# A part of the council's work as the subject, with no judgement named: "most of what we do for children was found to
# be good", "much of the work was judged outstanding", "parts of the service were inadequate": no overall verdict
_PART_SUBJECT = re.compile(r"\b(?:most|much|some|parts?|a\s+lot|the\s+bulk|the\s+majority)\s+of\s+"
                           r"(?:what\b[^,;:.]{0,50}?|(?:the|its|their|our|his|her|this|(?-i:[A-Z])[\w-]*['’]s?)\s+"
                           r"(?:[\w'’-]+\s+){0,3}?)(?:was|were|is|are|(?:has|have|had)\s+been)\s+(?:(?:still|also|now)\s+)?(?:(?:found|judged|rated|graded|assessed"
                           r"|deemed|considered)\s+)?(?:to\s+be\s+|as\s+)?[‘'\"“]?$", re.I)
# The grade defined, not given: "Outstanding is the highest grade Ofsted can give", "Good is the grade most councils
# hold" (not "Good is now the overall grade")
_GRADE_DEFINED = re.compile(r"[’'\"”]?\s+(?:is|was|remains)\s+(?:now\s+|still\s+)?(?:the|its|their)\s+(?:(?:highest"
                            r"|lowest|top|bottom|best|worst|second|third|middle)\b|(?:[\w-]+\s+){0,2}?(?:grade|rating"
                            r"|judge?ment|verdict|outcome)s?\s+(?:(?:that|which)\s+)?(?:ofsted|inspectors?|most|many"
                            r"|few|some|all|any|no|every|councils|authorities|local\s+authorities)\b)", re.I)
# "Its services, rated inadequate in 2018, are now good", "Bromley (inspected last month) was inadequate": words
# inserted between the subject and its verb, by commas or brackets
# ("Torbay, judged inadequate in 2018, has been good": the auxiliary after the insertion stays)
_INSERTED = re.compile(r"(?:,[^,]+,|\s*\([^()]*\))\s*(?=(?:(?:has|have|had)\s+)?$)")
_SERVICES_SUBJECT = re.compile(r"(?:services?|department|council|authority|rating|grade|judgement|judgment|verdict"
                               # a council's own report: "Telford and Wrekin's report had also been outstanding"
                               r"|(?-i:[A-Z])[\w-]+['’]s?\s+(?:(?:last|latest|previous|most\s+recent|own)\s+)?"
                               r"(?:Ofsted\s+)?(?:report|inspection)(?:,[^,]+,)?)\W*(?:\w+\W+){0,3}$", re.I)
# What the council runs is a provider, not the council: "a home run by the council", "council-run", "the unit the
# council operates"
_RUN_BY_COUNCIL = (r"council[-\s]run|run\s+by\s+the\s+(?:(?:city|county|borough)\s+)?(?:council|(?:local\s+)?authority)"
                   r"|(?:which\s+|that\s+)?the\s+(?:council|(?:local\s+)?authority)\s+(?:runs|ran|operates|owns|manages)")
# Another provider, the subject of its own grade: a school, a children's home, an agency, a council's other services
_PROVIDER = (
    r"schools?(?!\s+(?:inspectorate|watchdog|regulator|inspectors?|minister|standards)\b)|children['’]?s\s+homes?"
    # a school by its phase alone: "another primary was rated requires improvement", "two secondaries"
    r"|primaries|secondaries|(?:primary|secondary)(?=\s+(?:was|were|is|are|has|had|have|got|received|rated|judged"
    r"|graded|found|in|on|at)\b)"
    r"|care\s+homes?|homes?\s+run|(?:the|a)\s+(?:[\w-]+\s+){0,2}home\b|nurser(?:y|ies)"
    r"|academ(?:y|ies)|colleges?|providers?|childminders?"
    r"|fostering\s+(?:agenc(?:y|ies)|services?|teams?|panels?)|adoption\s+agenc(?:y|ies)|hospitals?|(?:NHS|hospital|health)\s+trusts?"
    r"|by\s+the\s+CQC|Care\s+Quality\s+Commission|police\s+force|constabulary|probation\s+service"
    # a council's other services, inspected on their own: youth justice, the SEND local area partnership, children's
    # centres, pupil referral units, short breaks, early years, family hubs, adult social care, housing
    r"|youth\s+(?:offending|justice)\s+(?:services?|teams?|partnerships?)|(?:Inspectorate\s+of|HMI)\s+Probation"
    r"|(?:(?:local\s+)?area\s+)?SEND\s+(?:partnerships?|services?|arrangements|inspections?)|local\s+area\s+partnerships?"
    r"|(?:children['’]?s|family)\s+centres?|pupil\s+referral\s+units?|short[-\s]+breaks?(?:\s+(?:services?|units?))?"
    r"|early\s+years\s+(?:provision|settings?|services?)|family\s+hubs?|adult\s+(?:social\s+care|services)"
    r"|housing\s+(?:services?|department|repairs|associations?)|youth\s+(?:services?|work|clubs?|centres?)"
    r"|(?:its|the\s+council['’]s|their)\s+(?:finances|accounts|budget)|value\s+for\s+money"
    # health services (the CQC's) and education for adults and over-16s (Ofsted's further education remit)
    r"|health\s+visit\w*|school\s+nursing|CAMHS|mental\s+health\s+services?|GP\s+(?:practices?|surger(?:y|ies))"
    r"|adult\s+(?:and\s+)?(?:community\s+)?(?:learning|education|skills)|apprenticeships?|sixth[-\s]forms?"
    r"|further\s+education|training\s+providers?|alternative\s+provision"
    # a provider of placements: "an independent agency", "its residential homes", "semi-independent provision",
    # "supported accommodation", "a secure unit" (not "agency staff": the council's workforce)
    r"|agenc(?:y|ies)(?!\s+(?:staff|workers?|social|spend\w*|costs?|locums?|managers?|use|usage|rates?|pay|fees)\b)"
    r"|(?:residential|secure|council(?:['’]s)?)\s+homes?|respite\s+(?:units?|centres?|homes?|care|services?)|(?:care|its|their|our|both|the|these|those|all|several|two|three"
    r"|four|five|six)\s+homes|residential\s+(?:provision|settings?|units?|services?)"
    r"|semi-?\s?independent\s+(?:provision|accommodation|homes?|placements?)|supported\s+accommodation"
    r"|(?:secure|assessment|residential|respite|mother\s+and\s+baby)\s+(?:[\w-]+\s+)?units?"
    rf"|{_RUN_BY_COUNCIL}|privately[-\s]run|(?:run|operated|owned)\s+by\s+(?:a|an)\s+(?:charity|private|independent"
    r"|voluntary)")
_PROVIDER_SUBJECT = re.compile(rf"\b(?:{_PROVIDER})\b", re.I)
# A grade given to someone else: another provider, councils in general, a share of them.
_OTHER_SUBJECT = re.compile(
    rf"\b(?:{_PROVIDER}|councils|local\s+authorities|authorities|per\s*cent|percent|nationally|across\s+England"
    r"|in\s+England"
    # part of a group the text does not name one by one: "its neighbours, several of which are good"
    r"|(?:some|several|most|many|few|half|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+of\s+(?:which|whom"
    r"|them|these|those)\b(?!\s+(?:judge?ments|areas|grades|ratings)))\b|%", re.I)
# A grader other than Ofsted: an audit, a peer review, the council's own self-assessment, a survey (not the audit
# committee a minute records; not where Ofsted or its inspectors are named after it: "After the peer review,
# inspectors rated the service good")
_OTHER_GRADER = re.compile(r"\b(?:(?:internal|external)\s+)?(?:auditors?|audit(?!\s+(?:and\s+\w+\s+)?committee))\b"
                           r"|\bpeer[-\s]+(?:review|challenge)\w*|\bself[-\s]?(?:assessment|evaluation|evaluated|assessed)"
                           r"|\bsurvey|\bHealthwatch\b|\bmock\s+inspection", re.I)
_OFSTED = re.compile(r"\bOfsted\b|\binspectors?\b|\binspection\b", re.I)
# Councils the text has named, not councils at large: "the latest councils to be", "both councils", "councils such
# as Leeds and Wigan, both rated good"
_NAMED_COUNCILS = re.compile(r"\b(?:councils|local\s+authorities|authorities)\s+(?:such\s+as|like|including)"
                             r"\s+(?=(?-i:[A-Z]))"
                             r"|\b(?:(?:the\s+)?(?:latest|both|(?:the|these)\s+(?:two|three|four))"
                             r"|(?:one\s+of|among)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?)"  # ("one of a small number of")
                             r"\s*(?:councils|local\s+authorities|authorities|departments)\b"
                             # "one of four councils in England whose services ...": still the named council's
                             r"(?:\s+(?:in|across)\s+(?:the\s+)?(?:country|(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*)){0,2})\b)?",
                             re.I)
# "Oldtown is among ten authorities given zero stars", "one of seven councils rated inadequate": the subject's grade
_MEMBER_OF = re.compile(r"\b(?:is|was|are|were|became|becomes)\s+(?:now\s+)?(?:one\s+of|among)\s+(?:the\s+)?"
                        r"(?:just\s+|only\s+)?(?:[\w-]+\s+){0,3}?(?:councils|local\s+authorities|authorities"
                        r"|departments)\b(?:\s+(?:in|across)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,3})?",
                        re.I)
# A grade's rating noun right after it, and any participle of its giving: "outstanding rating", "good Ofsted grade
# awarded", "'good' inspection"
_RATING_NOUN_AFTER = (r"[’'\"”]?\s+(?:Ofsted\s+)?(?:rating|grade|judge?ment|inspection|verdict|report|outcome|result"
                      r"|mark|score)s?\s+(?:(?:awarded|given|handed|achieved|received|earned|won)\s+)?")
# The words of a noun phrase before its head, up to six, none a conjunction or a relative (no second phrase or clause):
# "one of the council's own", "a county-run residential special"
_NOUN_PHRASE_WORDS = (r"(?:(?!(?:and|or|but|nor|which|who|whose|whom|where|when|while|that|with|as|than|because"
                      r"|although|though)\b)[\w'’-]+\s+){0,6}?")
_OTHER_AFTER = re.compile(rf"\W*(?:\w+\s+){{0,3}}?(?:for|of|at|by|in|to|about)\s+(?:[\w-]+\s+){{0,3}}?"
                          rf"(?:{_OTHER_SUBJECT.pattern}|{_OTHER_GRADER.pattern})"
                          # or named after a colon: "Rated inadequate: Cedar Lodge children's home"
                          rf"|[’'\"”]?\s*:\s*(?:[\w'’-]+\s+){{0,4}}?(?:{_PROVIDER})\b"
                          # or under another provider's framework: "rated good at its last inspection under the
                          # separate children's homes framework"
                          rf"|\W*(?:[\w'’-]+\s+){{0,6}}?under\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){{0,4}}?"
                          rf"(?:{_OTHER_SUBJECT.pattern})", re.I)
# After a grade, a rating whose complement is a provider, however long the provider's noun phrase: "an outstanding
# rating in February for one of the council's own children's homes", "the good inspection of a county-run residential
# special school", "the outstanding grade awarded to its virtual school" (whoever owns the provider, it is not the
# council's children's services)
_PROVIDERS_RATING = re.compile(rf"{_RATING_NOUN_AFTER}(?:[\w'’-]+\s+){{0,3}}?(?:for|of|to|at|by)\s+"
                               rf"{_NOUN_PHRASE_WORDS}(?:{_PROVIDER})\b", re.I)
# "12 were judged inadequate", "seven councils are rated good": counts of councils, not a council's grade
# (not a year, nor the day of a date: "the report of 14 July judged ...")
_COUNT = (rf"(?:(?!(?:19|20)\d\d\b)\d+\b(?!\s+{_MONTH}\b)|one|two|three|four|five|six|seven|eight|nine|ten"
          r"|eleven|twelve|(?:twen|thir|for|fif|six|seven|eigh"
          r"|nine)ty(?:-\w+)?|\w+teen|dozens?|several|many|most|half|a\s+third|a\s+quarter)")
# "12 were judged inadequate", "seven councils are rated good", "28 received one star", "no council in the country
# has been judged outstanding": counts of councils, not a council's grade.
_AGGREGATE = re.compile(
    r"\b(?:none|no\s+(?:[\w-]+\s+)?(?:councils?|authorit(?:y|ies)|local\s+authorit(?:y|ies)|departments?)|neither"
    r"|(?:one|two|three|\d+)\s+other\s+(?:councils?|authorit(?:y|ies)))\b"
    # (not "three years later rated it good": a count of years, months or weeks is a time)
    # (not "one" standing for an inspection: "the 2019 one rated it good", "the latest one")
    rf"|(?<!\bthe\s)(?<!\bthese\s)(?<!\d{{4}}\s)(?<!\blatest\s)(?<!\bprevious\s)(?<!\blast\s)(?<!\bnew\s)"
    rf"\b(?:another\s+|just\s+|only\s+)?{_COUNT}\s+(?!(?:years?|months?|weeks?|days?|decades?)\b)"
    rf"(?:of\s+(?:them|these|those)\s+|[\w-]+\s+){{0,2}}"
    r"(?:(?:were|are|have\s+been|had\s+been|have|had|was|remain|also)\s+)*(?:now\s+)?"
    r"(?:rated|judged|graded|found|given|awarded|received|got|gained|moved|went|fell|dropped|rose|risen|slipped|kept"
    r"|retained|achieved)\b", re.I)
# A number right before a grade counts councils with it ("36 requires improvement, 18 inadequate", "67 good") or
# numbers a point of the scale ("grade 3 good"): no council's verdict (not a year: "in 2019 good")
_COUNTED = re.compile(r"(?<![\w.,£$%-])(?!(?:19|20)\d\d\b)\d+\s+[‘'\"“]?$")
# An indefinite grade of its kind opening a clause as its subject of a verb of the present: what any such grade does
# or is ("An inadequate judgement usually triggers intervention", "a good rating can slip"), not a verdict given (not
# "an inadequate rating was given to ...", "a 'good' grade went to Oldtown", "an inadequate judgement in 2019 led")
_ANY_GRADED_BEFORE = re.compile(r"(?:^|[.;:!?(]\s*|\b(?:and|but|because|since|while|when|if|as)\s+)[‘'\"“]?"
                                r"(?:an?|any|every)\s+(?:single\s+)?[‘'\"“]?$", re.I)
_ANY_GRADED_AFTER = re.compile(r"[’'\"”]?\s+(?:overall\s+)?(?:rating|judge?ment|grade|verdict|label)\s+(?:\w+ly\s+)?"
                               r"(?:can|could|may|might|will|would|should|must|is|does|doesn['’]t|isn['’]t"
                               r"|(?!(?:was|has)\b)\w+s)\b", re.I)  # (a verb of the present: not "went to Luton")
# Grades named as a vocabulary: "Ofsted uses four grades: inadequate, requires improvement, good and outstanding",
# "replacing the old 'adequate' rating with 'requires improvement'".
# (three grades in one clause, or in a run joined by commas, "and" or "or": not "of the four judgements, leadership
# was graded X; A, B and C were found Y")
_GRADE_RUN = (rf"{Q}{GRADE_PHRASE}{QE}(?:(?:\s*[,;/]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+){Q}(?:to\s+be\s+)?"
              rf"{GRADE_PHRASE}{QE}){{2}}")
_VOCABULARY = re.compile(rf"\b(?:grades|ratings|judgements|categories|scale)\b(?!\s+(?-i:[A-Z]))"
                         rf"(?=(?:[^.;]*?\b{GRADE_PHRASE}){{3}}|[^.]*?\b{_GRADE_RUN})"  # not "grades Oldtown good"
                         rf"|\breplac\w*\s+(?:the\s+)?(?:old\s+)?{Q}{GRADE_PHRASE}{QE}\s+(?:rating|grade|judgement)\s+with\b",
                         re.I)
# A verdict's verb with the council as its object before the grade: "rated Wigan", "judged it", "found the council"
_COUNCIL_OBJECT = re.compile(rf"{_VERDICT_VERBS}\s+(?:it|them|the\s+(?:council|authority)|(?-i:[A-Z])[\w'’-]+"
                             r"(?:\s+(?-i:[A-Z])[\w'’-]+){0,3})\s", re.I)
# "an inspection of safeguarding and looked-after children's services": the inspection's name, not a judgement
# "an inspection of safeguarding and looked after children services" names the inspection; not across a verdict
# verb ("an inspection of Oldtown in 2010 found safeguarding services adequate")
_INSPECTION_NAME = re.compile(r"\b(?:inspections?|reviews?)\s+(?:of|into)\s+(?:(?!(?:found|finds|judged|rated|graded"
                              r"|deemed|concluded|said|says|gave|gives)\b)[\w'’-]+\s+){0,6}?services\b"
                              # ... or named by the judgements it grades: "the 2012 safeguarding and looked after
                              # children inspection" (what "both areas" means next; not "its child protection
                              # inspection had been adequate": one judgement, its verdict)
                              rf"|\b(?:the|its|their|an?)\s+(?:(?:19|20)\d{{2}}\s+)?(?:{NAME_ALTERNATIVES})"
                              rf"(?:\s+(?:and|&)\s+(?:{NAME_ALTERNATIVES}))+(?:\s+services)?\s+(?:re-?)?inspections?\b",
                              re.I)
_BOTH = re.compile(r"\b(?:both|each)\b", re.I)
_UP_FROM = re.compile(r"(?:up|down)\s+from\b", re.I)
_QUOTED = re.compile(r"[‘'\"“]")
# "its last inspection in 2014, ..., when it was rated": a verdict set in an earlier inspection's time
_WHEN_EARLIER = re.compile(r"\b(?:previous|last|earlier|prior)\s+(?:[\w-]+\s+){0,2}inspection\b[^.;]*\bwhen\b[^.;]*$",
                           re.I)
_ANAPHORIC_GRADE = re.compile(r"\b(?:same|that|this|its|their)\s+(?:overall\s+)?(?:grade|rating|judgement|judgment"
                               rf"|verdict|conclusion|category|bracket|group)\b|\bthe\s+same\b|\bunchanged\b|\bthe{_GRADE_IT_GOT}"
                               r"|\b(?:repeat|match|mirror)\w*\s+(?:the|its|their)\s+(?:overall\s+)?(?:outcome|result)\b",
                               re.I)
_ANY_GRADE = Caseless(rf"{GRADE_PHRASE}|\bperform(?:s|ing)?\s+(?:poorly|adequately|well|excellently)\b"
                      r"|\bneed(?:s|ed|ing)?\s+(?:to\s+improve|improvement|improving)\b|\bneed\s+of\s+improvement\b")
_ABBREVIATED_GRADE = re.compile(r"\bRI\b")  # (in capitals: not for `Caseless`)
_PARENTHETICAL_DASHES = re.compile(r"\s[-–—]\s[^-–—]*?\s[-–—]\s")
# The predicate a subject resumes after an aside between dashes: "care leavers - the young people it owes a duty to -
# received an outstanding grade", "Leadership – under a new director – was rated good"
_PREDICATE_AFTER = re.compile(r"(?:(?:has|have|had)\s+)?(?:was|were|is|are|been|received|got|gained|earned|won|achieved"
                              r"|kept|retained|remain(?:s|ed)?|stay(?:s|ed)?)\b", re.I)
# A grade named at a visit or a conversation is the standing grade from an earlier inspection.
_VISIT = re.compile(r"\b(?:focused|monitoring)\s+visit|\bannual\s+(?:engagement\s+)?conversation", re.I)
# "rated good at its previous inspection", "judged inadequate at the last inspection in 2016"
_HISTORY_AFTER = re.compile(
    r"\W*(?:\w+\s+){0,3}?(?:(?:at|in|during|under)\s+(?:its|the|their)\s+(?:previous|last|earlier"
    r"|(?:inspection|one|visit)\s+before\s+(?:last|that))|(?:the\s+)?(?:last|previous)\s+time"
    # "judged good when it was last inspected", "when inspectors last visited"
    r"|when\s+(?:[\w'’]+\s+){1,3}?last\s+(?:inspected|visited|came|assessed)"
    # "found to be failing at three separate inspections"
    r"|(?:at|in|across|over)\s+(?:two|three|four|\d+|successive|consecutive)\s+(?:(?:separate|successive|consecutive"
    r"|different)\s+)?inspections)\b", re.I)
_JUDGED_TO_BE = re.compile(rf"\b{VERDICT_PARTICIPLE}\s+(?:as\s+|to\s+be\s+)?$", re.I)
_APA_CONTEXT = re.compile(r"\bassessment\b|\bAPA\b", re.I)
# "judged inadequate for help and protection and for leadership", "good, as were X", "rated A good, along with B and
# C": stops at the next grade
_FOR_OR_AS_WERE = re.compile(
    rf"(?P<overall>\s+overall\b(?:\s+(?:again|too|also|once\s+more))?)?(?:\s*,?\s*(?:and\s+|both\s+)?(?:(?:as|so)\s+(?:(?:it|they|inspectors)\s+)?(?:were|was|had|did|has|have|does|do|is|are)|(?:(?:too|also|again)\s+)?for|at|on|along\s+with|together\s+with|alongside)\s+(?:(?!{Q}{GRADE_PHRASE})[^,;])+?)+"
    rf"(?=[,;.]|\s+and\s+(?:an?\s+|the\s+|(?:both|again|also)\s+)?{Q}{GRADE_PHRASE}|$)", re.I)
# A grade that is itself a finite verb, its subject before it: "Bristol requires improvement overall", "the
# council required improvement for care leavers" (its own predicate, not the tail of a verdict given before)
_FINITE_GRADE = re.compile(r"requir(?:es|ed)\s+improvement(?:\s+to\s+be\s+good)?", re.I)
_ALONG_WITH = re.compile(r"\s*,?\s*(?:(?:along|together)\s+with|alongside)\s", re.I)
_AS_WERE = re.compile(r"\s*,?\s*(?:and\s+|both\s+)?(?:as|so)\s", re.I)  # (then "were", "did", "has" ...)
_WITH = re.compile(r"\bwith\b", re.I)
_WITH_BEFORE = re.compile(r"\bwith\s+$", re.I)
_WITH_AFTER = re.compile(r"\s+with\b", re.I)
# (or a verdict recapped: "That's good overall, good for A, ...")
_CLAUSE_OPENING = re.compile(r"\W*(?:and\s+)?(?:that['’]s\s+|that\s+is\s+)?(?:(?:both|again|also|all)\s+)?", re.I)
# "Leadership good, children in care good, care leavers requires improvement": judgements graded with no verb
_TELEGRAPHIC = re.compile(rf"\W*(?:(?:the\s+)?(?:{NAME_ALTERNATIVES})\s+{Q}{GRADE_PHRASE}{QE}\s*[,;]\s*"
                          rf"(?:and\s+)?)+(?:the\s+)?(?:{NAME_ALTERNATIVES})\s+{Q}{GRADE_PHRASE}", re.I)
_OVERALL_AFTER = re.compile(r"\s+overall\b(?!\s+(?:effectiveness|judge?ment|grade|rating))", re.I)
# The outcome an inspection came out with: "came out in the summer of 2009 with safeguarding adequate and ..."
_OUTCOME_WITH = re.compile(r"\b(?:came|comes|come|coming|emerged|emerges)\s+(?:out|back|through)?\b[^.;:]{0,60}?"
                           r"\bwith\s+$", re.I)
_AFTER_COLON = re.compile(r":\s*[‘'\"“]?$")
# "Trafford, inadequate overall.": a name and a comma opening a verdict with no verb
_NAME_THEN_COMMA = re.compile(r"\W*(?!(?:\w+ly|Yes|No|So|Well|Now|Still|Again|Then|Here|There|Today|Overall|But|And)\b)"
                              r"(?-i:[A-Z][\w'’-]+(?:\s+(?:of\s+|upon\s+|on\s+|and\s+)?[A-Z][\w'’-]+){0,4}),\s*")
# ", I should say,", ", it has to be said,", ", we think,": the writer's comment set off by commas, no part of the claim
_COMMENT = re.compile(r",\s*(?:I|we|you|one|it)\s+(?:(?:should|would|must|have\s+to|has\s+to|can|could|might|do|did)"
                      r"\s+)?(?:be\s+)?(?:say|said|says|think|thought|believe|admit|admitted|add|added|note|noted"
                      r"|suspect|reckon|guess|suppose|argue|stress|confess)\s*,", re.I)
_DASH_BEFORE = re.compile(r"\s[-–—]\s*$")
_TO = re.compile(r"\s+to\s+", re.I)
# The inspection a verdict was given in, named after it: "judged adequate in a child protection inspection in 2012"
_IN_INSPECTION = re.compile(r"\s+(?:in|at|during|from|by)\s+(?:its|the|their|an?)\s+(?:(?:19|20)\d{2}\s+)?"
                            r"(?:\w+\s+){0,2}?(?:(?P<cp>child\s+protection)|safeguarding(?P<la>\s+and\s+looked[-\s]after"
                            r"(?:\s+children(?:['’]s)?)?(?:\s+services)?)?)\s+inspection\b", re.I)
# "good on both counts", "adequate for both", "good in both areas": the two judgements of the 2009-2012 framework
_BOTH_COUNTS = re.compile(r"\s+(?:on|for|in|across)\s+(?:both(?:\s+(?:counts|judge?ments|areas|fronts|of\s+them))?"
                          r"|the\s+(?:pair|two))"  # (its time may follow: "good for both in May")
                          r"(?=\s*(?:[.,;:)]|\s[-–—]\s|$)|\s+(?:in|during|last|this)\s)", re.I)
# "- good and good", "- again adequate and good": a verdict with no verb giving the two judgements of 2009-2012 in
# their order, safeguarding then looked after children
_GRADE_PAIR = re.compile(rf"\W*(?:(?:again|both|also)\s+)?{Q}(?P<first>{GRADE_PHRASE}){QE}\s+and\s+{Q}"
                         rf"(?P<second>{GRADE_PHRASE}){QE}(?:\s+(?:again|too))?\W*", re.I)


# "the safeguarding and looked after children inspection", "SLAC": the 2009-2012 inspections named
_SLAC_NAMED = re.compile(r"\bsafeguarding\s+and\s+looked[-\s]after\s+(?:children(?:['’]s)?\s+)?(?:services\s+)?"
                         r"inspections?\b|\bSLAC\b", re.I)


def _safeguarding_and_looked_after(clause: str, published: date | None) -> bool:
    """The clause speaks of the 2009-2012 inspections, which gave two judgements: safeguarding and looked after
    children (it names them, or a year of theirs is in it, or else the document's)."""
    if _SLAC_NAMED.search(clause):
        return True
    years = [int(y) for y in YEAR.findall(clause)]
    return years[-1] <= 2012 if years else published is not None and published.year <= 2013
# "The areas judged outstanding were leadership and help and protection": judgements named after the verdict
# ("the only area inspectors said required improvement was ...": the grade reported)
_AREAS_GRADED = re.compile(r"\b(?:areas?|(?:sub-?)?judge?ments?|aspects?)\s+(?:(?:that|which)\s+(?:(?:were|was)\s+)?)?"
                           r"(?:(?:inspectors|ofsted|the\s+report|they)\s+(?:(?:said|found|judged|thought|deemed)\s+)?)?$",
                           re.I)
_NAMED_AFTER = re.compile(r"\s+(?:were|are|was|is|include[sd]?)\s+(?:both\s+)?", re.I)
# "a good rating for leadership": the judgement a rating names after it
_RATING_FOR_JUDGEMENT = re.compile(r"\s+(?:for|in|on)\s+(?:[\w'’-]+\s+){0,4}?", re.I)
# ("inadequate in 2015 and again at the re-inspection in January 2018, and before that in the child protection
# inspection of 2013": the inspections the grade came again at)
_YEAR_LIST = re.compile(r"\b(?:19|20)\d{2}(?:\s*(?:,|,?\s+and,?)\s+(?:again\s+|(?:before|after)\s+that,?\s+)?"
                        r"(?:(?:at|after|during|in)\s+(?:the|its|their|a)\s+(?:[\w-]+\s+){0,3}?"
                        r"(?:inspection|re-?inspection|visit|ILACS|SIF)\s*,?\s+"
                        # ("in 2015 and again when inspectors returned in 2018")
                        r"|when\s+(?:(?:inspectors|Ofsted|they)\s+(?:returned|came\s+back|went\s+back|revisited|visited)"
                        r"|(?:it\s+was\s+)?re-?inspected)\s*,?\s+)?(?:in\s+|of\s+)?(?:(?-i:[A-Z])[a-z]+\s+)?"
                        r"(?:19|20)\d{2}\b)+", re.I)
# A grade given at a series of inspections, their years after it: "rated good at three inspections in a row, in
# 2015, 2019 and 2024" (each year's), "the third good rating in a row, after inspections in 2017 and 2022", "a
# second successive outstanding judgement, following the inspection published in 2018" (today's, and each year's)
_SERIES_YEARS = re.compile(r"(?:\s+(?:overall\s+)?(?P<counted>(?:at|in|across|over)\s+(?:(?:its|the|their)\s+last\s+)?"
                           r"(?:two|three|four|five|\d)\s+(?:(?:successive|consecutive|straight)\s+)?inspections)"
                           r"|(?:\s+in\s+a\s+row|\s+running)?(?:\s+for\s+[^,;.]{1,40}?)?\s*,?\s+(?:after|following)"
                           r"\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:inspections?|reports?|visits?))"
                           r"(?:\s+in\s+a\s+row|\s+running)?\s*,?\s*(?:(?:published|carried\s+out|held)\s+)?(?:in\s+|of\s+)?"
                           r"(?P<years>(?:19|20)\d{2}(?:\s*(?:,|,?\s+and)\s+(?:in\s+)?(?:19|20)\d{2})*)\b", re.I)
# An ordinal of a series right before a grade: "the third good rating", "a second successive outstanding judgement"
_SERIES_ORDINAL = re.compile(r"\b(?:second|third|fourth|fifth|successive|consecutive|straight)\s+(?:overall\s+)?"
                             r"[‘'\"“]?$", re.I)
# A name opening the sentence as the subject of a predicate that is no verdict, before "and" and a second one: "Leeds
# published in April and is outstanding again", "Wigan appointed a director in 2019 and was good by 2022"
_NAME_OPENS = re.compile(r"\W*(?!(?:Ofsted|Inspectors?|The|This|That|It|He|She|They|We|I)\b)"
                         r"(?-i:[A-Z][\w'’-]+(?:\s+(?:of\s+|upon\s+|on\s+|and\s+)?[A-Z][\w'’-]+){0,4})\s+(?-i:[a-z])[^,;:]*$")
# Clauses: a dash opens one, unless what follows only dates the verdict ("- in 2012, 2013 and 2015")
_CLAUSE_BREAK = re.compile(r"\s[-–—]\s(?!in\s+(?:19|20)\d{2})|;|\bwhile\b|\bwhereas\b|\bbut\b"
                           r"|,\s+(?=(?:up|down)\s+from\b)")
# A date in brackets right after a grade is its time: "requires improvement (2017)", "judged inadequate (November
# 2016)", "good overall (in 2019)", "outstanding (2018 inspection)"
_BRACKETED_YEAR = re.compile(r"\s*(?:overall\s*)?\((?:in\s+)?(?:[A-Z][a-z]+\s+)?((?:19|20)\d{2})"
                             r"(?:\s+(?:re-?)?(?:inspection|report|visit))?\)", re.I)
# A verb whose complement is taken as true, or asserted by the speaker adding it: "may recall that ...", "will
# remember how ...", "Would add that ...", "I'd point out that ..."
_FACTIVE = re.compile(r"\b(?:recall(?:s|ed)?|remember(?:s|ed)?|know(?:s|n)?|knew|forg[eo]t(?:s|ten)?|note(?:s|d)?"
                      r"|realis(?:e|es|ed)|realiz(?:e|es|ed)|add(?:s|ed)?|point(?:s|ed)?\s+out|mention(?:s|ed)?)"
                      r"\s+(?:that|how)\b", re.I)
# A description set off by a comma, up to its grade: ", judged good", ", which was rated inadequate"
_DESCRIPTION = re.compile(r",\s+(?:(?:which|who)\s+(?:(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+)?)?"
                          rf"{VERDICT_PARTICIPLE}\s+(?:as\s+|to\s+be\s+)?{Q}{GRADE_PHRASE}{QE}$",
                          re.I)
_ASIDE = re.compile(r"\([^()]*\)")  # words in brackets: no clause of the sentence breaks inside them
# "reminded members that the 2019 inspection had found ..., and that in 2016 it had been judged ...": a second
# reported clause, parallel to a "that" before it (not "..., and that part of the service was rated good")
_AND_THAT = re.compile(r",\s+(?=and\s+that\b)", re.I)
_THAT = re.compile(r"\bthat\b", re.I)
# The part of a year before it: "early", "March", "the summer of", "autumn"
_PART_OF_YEAR = (rf"(?:(?:early|late|mid)[\s-]+)?(?:(?:the\s+)?(?:spring|summer|autumn|winter)\s+(?:of\s+)?"
                 rf"|{_MONTH}\s+(?:of\s+)?)?")
# "as recently as 2014", "as long ago as 2009", "as far back as 2008": a time stressed as near or far
_AS_FAR_AS = r"as\s+(?:recently|late|early|long\s+ago|far\s+back)\s+as"
# A word focusing the time after it: "back in 2010", "even in 2016", "only in January 2019", "already by 2015"
_FOCUS = r"(?:(?:back|even|only|already|still|way\s+back)\s+)?"
_YEAR = re.compile(rf"\b(?:in|since|from|during|of|by|{_AS_FAR_AS})\s+{_PART_OF_YEAR}((?:19|20)\d{{2}})\b"
                   r"|\(((?:19|20)\d{2})\)", re.I)
# "Inspections in March 2013 and June 2016 had found ...": the year of the inspection the verdict's stretch names
_INSPECTED_IN = re.compile(rf"\binspect\w*\s+(?:\w+\s+){{0,2}}?(?:in|of|during)\s+{_PART_OF_YEAR}((?:19|20)\d{{2}})\b",
                           re.I)
# After a grade and its judgements, the inspection the verdict was given at, dated: "rated good for both
# safeguarding and looked-after children at its previous inspection, in 2009", "had received good judgements under
# the safeguarding and looked after children inspection in 2011"
_AT_INSPECTION_DATED = re.compile(rf"\b(?P<previous>(?:previous|last|earlier|prior)\s+(?:[\w-]+\s+){{0,2}}?)?"
                                  rf"(?:inspection|assessment|review)\s*,?\s+(?:(?:published|carried\s+out|held)\s+)?"
                                  rf"(?:in|of|during)\s+{_PART_OF_YEAR}((?:19|20)\d{{2}})\b", re.I)
# After a grade, a time that dates something else: a comparison, the start of a run ("for the first time since 2012")
_ANOTHER_TIME = re.compile(r"\b(?:(?<!\bless\s)(?<!\bmore\s)(?<!\bfewer\s)than|compared|unlike|(?:up|down)\s+from"
                           r"|improvement\s+on|same\s+(?:[\w-]+\s+){0,2}?as"
                           r"|(?:before|after)\s+that"  # "said requires improvement, and before that, in 2012, ..."
                           # "since the inspection of 2017", "since Ofsted's last visit in 2017" (not "since 2017")
                           r"|since\s+(?!(?:(?:early|late|mid)[\s-]+)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d{2})"
                           r"|as\s+(?:it|they|he|she|the\s+(?:council|authority))\s+(?:did|had|was|were|has)"  # again
                           r"|(?:first|highest|best|lowest|worst)\s+(?:[\w-]+\s+){0,3}?since)\b", re.I)
# After a grade, the time of a verdict coordinated next: "rated good in 2018, and in 2014 inadequate", "inadequate
# overall, and in 2018 ..."
_NEXT_TIME = re.compile(r"(?:\s+overall)?\s*,?\s*(?:and|but|then|while|whereas|(?:al)?though|yet)\s+(?:then\s+)?"
                        rf"(?:(?:back\s+)?in|during|by|{_AS_FAR_AS})\s+{_PART_OF_YEAR}"
                        r"(?:19|20)\d{2}\b", re.I)
# A grade held since the inspection that gave it: "requires improvement since its last full inspection in 2023",
# "good since its 2022 inspection"
_HELD_SINCE = re.compile(rf"\s+(?:overall\s+)?since\s+(?:its|the|their)\s+(?:(?:last|previous|most\s+recent)\s+"
                         rf"(?:full\s+|standard\s+|graded\s+)?inspection\s*,?\s+(?:in|of)\s+{_PART_OF_YEAR}((?:19|20)\d{{2}})"
                         rf"|((?:19|20)\d{{2}})\s+(?:full\s+|standard\s+|graded\s+)?inspection)\b", re.I)
# A clause coordinated after the verdict with a subject of its own: "..., and the re-inspection in 2017", "..., but its
# 2019 report" (not "..., and again in 2017": the verdict's own times)
# ("..., and Merton got there in 2022": a name opening the next conjunct, its subject or its gapped verdict's)
_NEXT_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s+(?:(?:the|its|their|a|an|this|that)\b|(?-i:[A-Z])[\w'’-])",
                          re.I)
# A comment on the verdict in the present after it: "..., which is quite something given ...", "..., which means ..."
_COMMENT_AFTER = re.compile(r",\s*(?:which|and\s+that)\s+(?:is|are|means|makes|shows|says|tells)\b", re.I)
# A clause opened after the verdict by a participle or a subordinator, running on with no break to the next verdict
# ("rated good, having been told four years earlier that it required improvement", "good, after inspectors had found
# it inadequate in 2019"): a time in it is that verdict's
CLAUSE_OPENER = (r"having|being|after|before|following|when|since|though|although|while|whereas|which|who|because"
                 r"|until|as")
_CLAUSE_TO_NEXT = re.compile(rf"[,;]\s*(?:(?:and|but)\s+)?(?:{CLAUSE_OPENER})\b[^,;:]*$", re.I)
# A time opened by "since": the start of what followed, not the time of a verdict after it
# "since" opening a stretch lasting to now ("since 2019", "since its last inspection"), not the "since" of a reason
# ("since in 2019 it had been rated outstanding": that year's verdict)
SINCE_STRETCH = r"\bsince\b(?!\s+(?:in|at|during|on|back\s+in)\s)"
_SINCE_BEFORE = re.compile(rf"{SINCE_STRETCH}[^,;]{{0,50}}$", re.I)
_WHEN = re.compile(r"\b(?:when|which)\b", re.I)
_SINCE_YEAR = re.compile(rf"{SINCE_STRETCH}[^,;.]{{0,50}}?\b((?:19|20)\d{{2}})\b", re.I)
# The time of the news in a verdict's own words: "now", "recently", "last month", "this week" (not "as recently as")
_TODAY = re.compile(r"\b(?:now|currently|today|yesterday|(?<!\bas\s)recently(?!\s+as\b)"
                    r"|(?:this|last)\s+(?:week|month))\b", re.I)
# A verdict told in the present tense ("which is inadequate", "remains good", "is still rated good"): of today, unless
# it names a time of its own after its grade
PRESENT_VERDICT = re.compile(r"\b(?:is|are|remains|stays)\s+(?:(?:still|now|currently|also|again)\s+)?"
                              rf"(?:{VERDICT_PARTICIPLE}\s+(?:as\s+|to\s+be\s+)?)?[‘'\"“]?$",
                              re.I)
# After a grade, the dated visit it came from: "good after its 2024 visit", "inadequate following the 2019 inspection"
_DATED_VISIT_AFTER = re.compile(r"\b(?:after|following|at|in|from)\s+(?:its|the|their)\s+((?:19|20)\d{2})\s+"
                                r"(?:[\w-]+\s+){0,2}?(?:visit|inspection|re-?inspection|report|assessment)\b", re.I)
_RELATIVE_PRONOUN = re.compile(r"\b(?:whose|which|who|when)\b", re.I)
_SINCE_LAST = re.compile(r"\bsince\s+(?:the|its|their)\s+(?:previous|last|earlier)\s+inspection\b", re.I)
# The reader sent back to a time: "Go back further still, to 2010, and ...", "Cast your mind back to 2013: ..."
_GO_BACK_TO = (r"(?:go|going|look|looking|think|thinking|cast\s+(?:your|our|their)\s+minds?|wind\s+the\s+clock)"
               # ("go further back, to 2010", "going back a little further to 2013": the degree before or after "back")
               r"(?:\s+(?:(?:even|still|much|a\s+(?:little|bit))\s+)?(?:further|farther))?\s+back"
               r"(?:\s+(?:(?:even|still|much|a\s+(?:little|bit))\s+)?(?:further|farther|again|a\s+little)(?:\s+still)?)?"
               r"\s*,?\s+to")
# "In 2015, ...", and after a fronted time phrase: "At the last full inspection, in 2019, ...", "When it was last
# inspected, in 2018, ..."
# "When inspectors last came, in late 2019, ...", "That report, published in March 2020, found ...": a dated subject;
# after a lead-in closed by a colon or a dash ("Not a one-off, mind: back in 2016 ..."); a cleft sentence putting the
# time first ("It was in March 2018 that ...", "It was not until 2021 that ...")
_LEADING_YEAR = re.compile(r"^\W*(?:[^:;.–—]{1,60}?(?::|\s[–—-])\s+"
                           # a clause of no verdict joined by "and": "Go back further and in 2011 inspectors ..."
                           r"|[^:;.,–—]{1,60}?\s(?:and|so)\s+(?=(?:back\s+|even\s+)?(?:in|by|during)\s))?"
                           r"(?:it\s+was\s+(?:only\s+|not\s+until\s+|back\s+|as\s+(?:recently|long\s+ago)\s+as\s+)?"
                           rf"(?:in\s+|by\s+|during\s+)?{_PART_OF_YEAR}(?P<cleft>(?:19|20)\d{{2}})\s+that\b"
                           r"|(?:(?:at|when|during|under|in|by)\s+[^,;]{0,80}?,\s*(?:(?:in\s+(?:a|the|its)\s+report\s+)?"
                           r"(?:published|issued|released)\s+)?"
                           # a count with its year set off after it: "Five years earlier, in 2010, ...", "Seven
                           # years ago, in 2017, ...": the year it names
                           rf"|(?:a|an|\d{{1,2}}|{YEARS_COUNT_WORD})\s+(?:and\s+a\s+half\s+)?(?:years?|months|decades?)"
                           r"\s+(?:earlier|before(?:\s+that)?|previously|ago|later|on|afterwards)\s*,\s*"
                           r"|(?:the|that|this|its|their|(?-i:[A-Z])[\w-]+['’]s)\s+(?:[\w-]+\s+){0,2}?(?:inspection|report"
                           r"|assessment|visit|judge?ment|verdict)\s*,\s*(?:(?:which\s+was\s+)?(?:published|carried\s+out"
                           r"|released|issued|completed|conducted|held|made|out)\s+)?)?"
                           # ("The report, dated 14 March 2019, rated ...": its date)
                           rf"(?:{_FOCUS}(?:in|by|during)|{_AS_FAR_AS}|{_GO_BACK_TO}|dated(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?)\s+"
                           rf"{_PART_OF_YEAR}"
                           r"((?:19|20)\d{2})\b"
                           # a subject naming the report, its time in a participle after it, no commas: "The
                           # re-inspection published just before Christmas 2017 moved ..."
                           r"|(?:the|that|this|its|their|(?-i:[A-Z])[\w-]+['’]s)\s+(?:[\w-]+\s+){0,2}?(?:(?:re-?)?inspection"
                           r"|report|assessment|visit)\s+(?:published|carried\s+out|released|issued|completed"
                           # or in a relative clause on it: "The report that followed in February 2022 rated ..."
                           r"|conducted|(?:that|which)\s+[\w'’-]+)\s+(?:[\w-]+\s+){0,5}?"
                           r"(?P<dated>(?:19|20)\d{2})\b"
                           # ... or its date in brackets: "The inspection before that (January 2016) said ..."
                           r"|(?:the|that|this|its|their|(?-i:[A-Z])[\w-]+['’]s)\s+(?:[\w-]+\s+){0,2}?(?:(?:re-?)?inspection"
                           r"|report|assessment|visit)(?:\s+[\w-]+){0,2}?\s*\((?:[A-Z][a-z]+\s+)?"
                           r"(?P<bracketed>(?:19|20)\d{2})\)"
                           # a lead-in naming the year alone, closed by a colon: "Remember 2013: ..."
                           r"|[^:;.–—]{0,40}?\b(?P<lead>(?:19|20)\d{2})\s*:\s+)", re.I)
# A year as the subject, the time a verdict was given: "2015 was requires improvement", "and March 2019 saw it rated
# good", "Then 2022 came and they were rated good"
_YEAR_AS_SUBJECT = re.compile(rf"(?:^|[:;,(]|\b(?:and|but|then|while))\W*(?:then\s+)?{_PART_OF_YEAR}"
                              rf"((?:19|20)\d{{2}})\s+(?:was|were|had\s+been"
                              rf"|saw\s+(?:it|them|the\s+[\w-]+)\s+{VERDICT_PARTICIPLE}(?:\s+as|\s+to\s+be)?"
                              r"|came\s+and\s+(?:[\w'’-]+\s+){1,4}?)\s*(?:an?\s+)?[‘'\"“]?$", re.I)
# After a grade, the same grade at another time: "2015 was requires improvement, and so was January 2019"
_SO_WAS_YEAR = re.compile(rf"\W*(?:overall\s*)?(?:(?:in|during)\s+{_PART_OF_YEAR}(?:19|20)\d{{2}}\s*)?,?\s*and\s+so\s+"
                          rf"(?:was|were|did)\s+(?:in\s+)?{_PART_OF_YEAR}"
                          r"((?:19|20)\d{2})\b", re.I)
# A year opening a conjunct after an earlier verdict: "..., and as far back as 2010 its safeguarding was ...", "...,
# and back in 2010 ..."
_YEAR_OPENING_CONJUNCT = (rf"(?:and|but|while|whereas|yet)\s*,?\s+(?:{_FOCUS}(?:in|by|during)|{_AS_FAR_AS})\s+"
                          rf"{_PART_OF_YEAR}((?:19|20)\d{{2}})\b")
_CONJUNCT_YEAR = re.compile(rf"\W*{_YEAR_OPENING_CONJUNCT}", re.I)
# ... or a conjunct before the verdict: "The first inspection found it weak, and in January 2018, after a long wait,
# inspectors again found overall effectiveness inadequate"
_JOINED_YEAR = re.compile(rf"[,;]\s*{_YEAR_OPENING_CONJUNCT}", re.I)
# A year opening a reported clause: "reminded Cabinet that in 2014 Ofsted had judged ...", "recalled how, back in 2015,"
# ... or dating the report whose clause it is: "Ofsted had told us in November 2019 that our services were ...",
# "inspectors concluded, in 2016, that ..."
_REPORTED_YEAR = re.compile(rf"\b(?:that|how|when)\s*,?\s+{_FOCUS}(?:in|by|during)\s+{_PART_OF_YEAR}"
                            rf"((?:19|20)\d{{2}})\b"
                            rf"|\b(?:in|during)\s+{_PART_OF_YEAR}((?:19|20)\d{{2}})\s*,?\s+that\s", re.I)
# "a good rating in 2017, when the LSCB was deemed outstanding too", "the inspection of summer 2016, which rated
# the council inadequate", "in 2016 too, under the old framework, when ...": a "when" or "which" clause set in the
# last year before it
# ... or a time in apposition to the year, the verdict in its relative clause: "in 2013, the summer Ofsted judged it
# inadequate", "in 2016, the year inspectors rated it good"
_YEAR_THEN_WHEN = re.compile(r"\b((?:19|20)\d{2})\b(?:(?:\)?\s*,?|(?:(?!(?:19|20)\d{2})[^.;]){0,50}?,)\s+"
                             r"(?:when|which)\b"
                             r"|\s*,\s+(?:the|that)\s+(?:very\s+|same\s+)?(?:year|spring|summer|autumn|winter|month|week"
                             r"|time)\b)"
                             r"(?![^.;]*\b(?:now|today|currently)\b)"
                             r"(?![^.;]*\b(?:19|20)\d{2}\b[^.;]*\s(?:when|which)\b)[^.;]*$", re.I)
# "its 2006 annual performance assessment", "the 2010 safeguarding and looked after children inspection", "the 2017
# SIF", "the 2019 verdict" (not "2018 to good at this inspection")
_YEAR_OF_INSPECTION = re.compile(r"\b((?:19|20)\d{2})\s+(?:(?!(?:to|at|in|on|for|from|by|with|this|that)\b)"
                                 r"[\w-]+\s+){0,5}(?:(?:re-?)?inspection|assessment|review|report|visit|verdict|APA|JAR"
                                 r"|SIF|ILACS|SLAC)\b"
                                 r"|\b(?:the|its|their)\s+((?:19|20)\d{2})\s+one\b", re.I)  # ("the 2019 one rated it")
# A year naming the grade before it, as the subject or the head of "of": "Derby's 2023 grade was good", "the 2023
# Ofsted judgement of good" (not after the grade: "good, an improvement on its 2019 rating")
_YEAR_OF_GRADE_NOUN = re.compile(r"\b((?:19|20)\d{2})\s+(?:(?:Ofsted|overall|ILACS|inspection)\s+){0,2}"
                                 r"(?:grade|rating|judge?ment|outcome|result)\b(?:\s+(?:for|on|in)\s+[^,;]{1,40}?)?"
                                 r"(?=\s+(?:of|was|is|had\s+been|remains|stood\s+at)\s+[‘'\"“]?$)", re.I)
# Time relative to the document's date: "last year", "six years ago", "two years earlier", "the previous year", "the
# year before last", "a couple of years ago", "four years back", "eighteen months ago"
_RELATIVE_YEAR = re.compile(
    r"\b(?:(?P<last>last|the\s+previous|the\s+year\s+before)\s+year\b|(?P<last2>a\s+year\s+(?:ago|earlier|before))"
    r"|(?P<decade>a\s+decade\s+(?:ago|earlier|before))|(?P<two>the\s+year\s+before\s+last|a\s+couple\s+of\s+years\s+"
    rf"(?:ago|back))|(?P<months>\d{{1,2}}|{YEARS_COUNT_WORD})\s+months\s+(?:ago|back)"
    # "It is five years since Oldtown was rated inadequate": counted back from now
    rf"|\bit(?:\s+is|['’]s|\s+has\s+been)\s+(?:(?:more|less)\s+than\s+|over\s+|almost\s+|nearly\s+|about\s+)?"
    rf"(?P<n2>\d{{1,2}}|{YEARS_COUNT_WORD})\s+years\s+since\b"
    r"|(?P<this>earlier\s+(?:in\s+)?(?:the|this)\s+year)"  # ("Earlier in the year, X's grade was": the document's)
    r"|(?:(?:more|less|fewer)\s+than\s+|over\s+|under\s+|almost\s+|nearly\s+|some\s+|about\s+|around\s+)?"
    rf"(?P<n>\d{{1,2}}|{YEARS_COUNT_WORD})(?P<half>\s+and\s+a\s+half)?\s+years\s+"
    r"(?:ago|earlier|before|back|prior)\b)", re.I)
# "rose to three stars this year", "... good now" (not "..., and this year inspectors rated it good": the next
# clause's time)
_THIS_YEAR = re.compile(r"\W*(?:(?!(?:and|but|while|whereas)\b)[\w'’-]+\s+){0,2}?this\s+year\b|\s+now\b", re.I)
# "a year after it was found to be failing": the earlier event's time, relative to the document's, for a verdict in
# that event's phrase (not one after it, set off by a comma: "Three years after a damning report, X has been rated
# good" is the news)
_YEARS_AFTER = re.compile(r"\b(?:(?P<last2>a\s+year)|(?P<decade>a\s+decade)"
                          rf"|(?P<n>\d{{1,2}}|{YEARS_COUNT_WORD})(?P<half>\s+and\s+a\s+half)?\s+years)"
                          # ("two years after that": after the time the text gave)
                          r"\s+after\b(?!\s+that\b)(?=[^,;:–—]*$)", re.I)
_HISTORY_CUE = re.compile(r"\b(?:previous(?:ly)?|last\s+(?:(?:full|fully|standard|graded|formal|ILACS|Ofsted)\s+)?"
                          r"(?:inspect(?:ion|ed)|visited)|(?<!days\s)(?<!weeks\s)(?<!day\s)(?<!week\s)earlier(?!\s+(?:this|today))"
                          r"|(?:inspection|one|visit)\s+before\s+(?:that|last|this)"
                          rf"|once\s+{VERDICT_PARTICIPLE}"
                          # not "the former" standing for a council named before: "the former was rated good"
                          r"|formerly|former(?!\s*(?:,|was|were|is|are|has|had|remains?|received|got)\b)|prior"
                          r"|(?:two|three|four|\d+|successive|consecutive)\s+(?:(?:separate|successive|consecutive"
                          r"|previous|earlier|different)\s+)?inspections"
                          # "years ago" (not "a week or so ago": the news)
                          r"|up\s+from|down\s+from|(?:years?|decades?|months)\s+ago|used\s+to\s+be|(?:last|previous)\s+time"
                          r"|in\s+those\s+days"
                          # "when I arrived", "when she took over as director": the time before the writer's
                          r"|when\s+(?:I|we|s?he|they|the\s+new\s+\w+)\s+(?:first\s+)?(?:arrived|joined|started|began"
                          r"|came|took\s+over|took\s+up))\b", re.I)
# An earlier grade recalled as background: "For context, Oldtown was rated good"
_BACKGROUND = re.compile(r"^\W*(?:for\s+(?:context|reference|comparison)|as\s+background)\b", re.I)
# Not a verdict given: "if it is rated inadequate", "avoided an inadequate rating", "hopes to be judged good",
# "would be rated outstanding at the next inspection". Looked for in the few words before the grade.
_HYPOTHETICAL = re.compile(
    r"\b(?:if|unless|whether|would|could|might|(?-i:may)|should|will|shall|can|hopes?|hoping|hoped|aims?|aiming|aimed"
    r"|wants?|ambition|aspir\w*|towards?|target|expects?|expected|expecting|confident|(?<!\bat\s)risk(?:ed|s)?"
    r"|at\s+risk\s+of|avoid(?:ed|s|ing)?"
    r"|(?:un)?likely|brac(?:ed?|ing)|predict(?:s|ed|ing|ions?)?|forecast|feared|fearing|spared|on\s+course"
    r"|escap(?:ed|es|ing)|narrowly\s+missed|ensure|make\s+sure|missed\s+out|bid|strive|striving|push(?:ing)?|on\s+track|goal"
    # a grade passed over: "skipping the good grade", "bypassed requires improvement"
    r"|skip(?:s|ped|ping)?|bypass(?:es|ed|ing)?|leapfrog(?:s|ged|ging)?"
    r"|possibility|prospect|chances?"
    # a grade passed over in a move: "went from requires improvement to outstanding, skipping good"
    r"|skip(?:s|ped|ping)?|bypass(?:es|ed|ing)?|leap-?frog(?:s|ged|ging)?|jump(?:s|ed|ing)?\s+over"
    # not yet given or never: "has yet to be rated good", "at no point was it judged inadequate", "denied an
    # outstanding grade"; imagined: "imagine it rated outstanding", "suppose it were found good"
    r"|yet\s+to|at\s+no\s+(?:point|time|stage)|on\s+no\s+occasion|denied|imagin(?:e|ing)|suppos(?:e|ing)"
    # a universal negated over the judgements: "no area was found inadequate", "in no single judgement was it good",
    # "nothing was graded inadequate" (not "nothing short of outstanding": the grade given)
    r"|no\s+(?:single\s+|one\s+|other\s+)?(?:areas?|(?:sub-?)?judge?ments?|parts?|aspects?|elements?|strands?|domains?)"
    r"|nothing(?!\s+(?:short|less)\s+(?:of|than)\b)"
    # "we'd hold on to good": "would" contracted (not "had": "we'd been rated good", "it'd slipped to inadequate")
    r"|(?<=\w)['’]d(?!\s+(?:been|had|got|\w+ed|\w+en)\b)"
    # (not "it was not until 2021 that ... was judged good", "not only ... but": a verdict given)
    r"|never|not(?!\s+(?:until|till|only)\b)|n't|nor)\b"
    # (its scope ends at a colon or a semicolon, and at a relative clause: "the pattern was not new: the 2010
    # inspection had found ...", "but not for help and protection, which required improvement")
    r"(?:[^\w:;]+(?!(?:which|who|whose)\b)[\w'’]+){0,5}?[^\w:;]*$", re.I)
# ... and at a predicate of its own after "and" or "but": "was not yet good and required improvement"
_OWN_PREDICATE = re.compile(r"\b(?:and|but)\s+(?:(?:was|were|is|are|has|had|have|then|now|still)\s+){0,2}$", re.I)
_PREDICATE_VERB = re.compile(rf"(?:requir|{VERDICT_PARTICIPLE}\b)", re.I)
# A grade a service in general has, not a verdict on this one: "a service that requires improvement could ...",
# "any council that is rated inadequate is ..."
_GENERIC = re.compile(r"\b(?:a|an|any|every|each)\s+(?:[\w-]+\s+){0,2}?(?:service|council|authority|department|area)"
                      r"\s+(?:(?:that|which|where)\s+(?:[\w'’]+\s+){0,4}?"
                      rf"|{VERDICT_PARTICIPLE}\s+(?:to\s+be\s+|as\s+)?)?$", re.I)
# ... but not a judgement said to be an area of the inspection: "care leavers remain an area that requires improvement"
_JUDGEMENT_AN_AREA = re.compile(rf"(?:{NAME_ALTERNATIVES})['’]?(?:\s+(?:services?|work|provision))?\s+"
                                r"(?:is|was|are|were|remains?|remained|becomes?|became)\s+(?:(?:still|now|also|again)\s+)?an?\s+"
                                r"(?:[\w-]+\s+)?area\s+(?:that|which|where)\b", re.I)
# "an authority rated inadequate in 2022", "an authority that was rated good in every judgement five years ago": a
# time makes it one authority's verdict, not a grade any council might have
_DATED_AFTER = re.compile(rf"\W*(?:[\w'’-]+\s+){{0,4}}?(?:(?:in|during)\s+{_PART_OF_YEAR}(?:19|20)\d{{2}}\b"
                          r"|(?:a|\w+)\s+years?\s+ago\b|last\s+year\b)", re.I)
_HYPOTHETICAL_AFTER = re.compile(r"\W*(?:\w+\s+){0,4}?(?:at|by|in)\s+(?:the|its|their)\s+next\b"
                                 # (not a next inspection already dated: "and again at its next inspection in 2018")
                                 r"(?!\s+(?:[\w-]+\s+){0,3}?(?:in|of)\s+(?:(?-i:[A-Z])[a-z]+\s+)?(?:19|20)\d{2})"
                                 # "what an outstanding judgement would have required": the grade's rating as the
                                 # subject of a modal
                                 r"|[’'\"”]?\s+(?:(?:overall\s+)?(?:grades?|ratings?|judge?ments?|verdicts?)\s+)?"
                                 r"(?:would|could|might|should)\b"
                                 # the grade as the aim: "Outstanding is the goal", "an outstanding grade was not the
                                 # target in itself", "a good rating remains our ambition"
                                 r"|[’'\"”]?\s+(?:(?:overall\s+)?(?:grades?|ratings?|judge?ments?|verdicts?)\s+)?"
                                 r"(?:is|was|remains|isn['’]t|wasn['’]t)\s+(?:(?:still|not|never|now)\s+)?[‘'\"“]?"
                                 r"(?:not\s+)?(?:the|our|its|their|an?)\s+(?:[\w-]+\s+)?(?:target|aim|goal|ambition"
                                 r"|aspiration|objective|priority|end\s+in\s+itself)s?\b", re.I)
# "moved out of inadequate", "no longer judged to be inadequate", "shed its 'inadequate' label", "shaken off its
# inadequate rating": the old grade only.
_LEFT_GRADE = re.compile(
    rf"\b(?:(?:mov(?:ed|es|ing)|com(?:e|es|ing)|came|climb(?:ed|s|ing)|lift(?:ed|s|ing)|emerg(?:ed|es|ing)|tak(?:en|es|ing)"
    rf"|took|br(?:ought|ings?|inging))\s+(?:\w+\s+){{0,2}}?(?:out\s+of|from)"
    rf"|no\s+longer(?:\s+(?:be(?:ing)?\s+)?{VERDICT_PARTICIPLE})?"
    rf"(?:\s+(?:to\s+be|as))?|shed|sheds|lost|loses|losing|removed|removes"
    rf"|removal\s+of"  # "welcomed the removal of the inadequate rating"
    rf"|dropped|drops|left\s+behind|leaves\s+behind|(?:shak(?:en|es?|ing)|shook|cast(?:s|ing)?|thr(?:ew|own|ows?))\s+off"
    rf"|replac(?:es|ed|ing)|(?:lifting|end)\s+of)"
    rf"\s+(?:(?:its|the|their|an?|a\s+council['’]s|[A-Z][\w-]+['’]s)\s+)?{Q}(?P<old>{GRADE_PHRASE}){QE}", re.I)


@dataclass(frozen=True)
class RatingClaim:
    """One verdict in a clause: which judgement, what grade in which words, when, and whether it is history.

    `anchor` says where the year came from: "stated" (a year or date in the clause), "relative" ("last year",
    "six years ago"), "previous_inspection" (an earlier inspection, year unknown) or "publication" (none:
    the document's date stands)."""

    judgement: str
    grade: str
    grade_label: str
    year: int | None
    status: str  # current | historical | transition (a grade left behind) | hypothetical (not a verdict given)
    clause: str
    start: int = 0  # where the grade stands in the clause
    segment: int = 0  # where the text this verdict owns begins: councils named from here to `start` own it
    anchor: str = "publication"
    judgement_stated: bool = True
    respective: int | None = None  # its place in a "respectively" list: the subject named in that place owns it

    @property
    def is_historical(self) -> bool:
        return self.status in ("historical", "transition")


def background(sentence: str) -> bool:
    """The sentence recalls grades as background ("For context, ..."): none of them is the news."""
    return bool(_BACKGROUND.match(sentence))


# The council's own services as a clause's subject after another provider was named: "Despite praise for its
# schools, the council's children's services were rated inadequate" (the verdict is theirs, not the schools'); one
# council's, by a determiner or a possessive (not "councils with children's services": councils at large)
_COUNCIL_SUBJECT = re.compile(r"(?:\b(?:the|its|our|their)\s+|(?-i:[A-Z])[\w-]*['’]s?\s+)(?:council['’]s\s+)?"
                              r"(?:children['’]?s\s+(?:social\s+)?(?:services|social\s+care)|social\s+(?:care|services)\b)"
                              # (not the agent of a passive: "a home opened by the council", "a unit built by its
                              # authority")
                              r"|(?<!\bby\s)\b(?:the|its|our|their)\s+(?:(?:city|county|borough)\s+)?(?:council|(?:local\s+)?authority)"
                              r"\b(?![-\s]run\b)(?!\s+(?:runs|ran|operates|owns|manages)\b)", re.I)
# A possessive naming the owner of what follows ("the council's own home", "Wigan's residential home"), a
# preposition its place ("a home in Wigan")
_OWNER = re.compile(r"['’]s?\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?", re.I)
_PLACE_OF = re.compile(r"\b(?:in|at|near|outside|across|around|within)\s+(?:the\s+)?$", re.I)
# A relative clause set off by commas or brackets: "Sutton Council, which runs six children's homes, was rated good"
# (the homes are not the subject); kept when it says the council runs the subject ("Oak House, which is run by the
# council, was rated inadequate")
_SET_OFF = re.compile(r"(?:,|\()\s*(?:(?:one|some|many|most|all|each|several|none|two|three)\s+of\s+)?"
                      r"(?:which|who|whose|whom|where|that|with|including)\b[^,()]*(?:,|\))"
                      # or an adverbial opening the clause: "Alongside its schools, ...", "Despite its homes, ..."
                      r"|^\W*(?:alongside|despite|after|before|following|like|unlike|as\s+with|besides|apart\s+from"
                      r"|in\s+addition\s+to|as\s+well\s+as|for\s+all)\b[^,()]*,", re.I)


def _subjects(text: str) -> str:
    """The text with what names no subject of a grade blanked: councils it names as councils, and relative clauses and
    opening adverbials set off by commas (see _SET_OFF; a grade inside one has its clause cut before the comma that
    closes it)."""
    def blank(m: re.Match) -> str:
        return m.group() if re.search(_RUN_BY_COUNCIL, m.group(), re.I) else " " * len(m.group())
    return _SET_OFF.sub(blank, _NAMED_COUNCILS.sub(" ", text))


def _last_other(read: str, vocabulary: re.Pattern) -> re.Match | None:
    """The last of the vocabulary's subjects in the text, when no council's services are named as a subject after
    it."""
    others = list(vocabulary.finditer(read))
    return others[-1] if others and not _COUNCIL_SUBJECT.search(read, others[-1].end()) else None


def given_to_other(before: str) -> bool:
    """The grade after `before` (its clause up to the grade) is the verdict of someone other than the council's
    children's services: a provider, councils at large, a share of them, named as the subject before it (and not
    followed by the council's services as the subject: "Despite its good schools, the council was rated ..."), or
    a grader other than Ofsted."""
    read = _subjects(before)
    graders = list(_OTHER_GRADER.finditer(read))
    return _last_other(read, _OTHER_SUBJECT) is not None or (
        bool(graders) and not _OFSTED.search(read, graders[-1].end()))


def provider_named(text: str, councils: list[tuple[int, int]]) -> bool:
    """The text is about another provider: what "it" in the next sentence is ("A children's home in the borough was
    inspected in May. It was rated inadequate."). Not when it names the council's services after the provider, the
    council as a subject before it ("The council runs three homes.", not "The council's own home was inspected"), or
    names a council (at `councils`, its spans) other than as the provider's place or owner ("a home in Wigan",
    "Wigan's own home")."""
    read = _subjects(text)
    if _last_other(read, _PROVIDER_SUBJECT) is None:
        return False
    first = _PROVIDER_SUBJECT.search(read)
    council = _COUNCIL_SUBJECT.search(read, 0, first.start())
    if council and not _OWNER.fullmatch(read, council.end(), first.start()):
        return False
    return all(_PLACE_OF.search(text, 0, start) or _OWNER.fullmatch(text, end, first.start())
               for start, end in councils)


def other_subject(text: str) -> bool:
    """The text is about someone other than a council's children's services: a school, a home, councils at large."""
    return bool(_OTHER_SUBJECT.search(text))


def _relative_year(m: re.Match, published: date | None) -> int | None:
    if published is None:
        return None
    found = m.groupdict()
    if found.get("last") or found.get("last2"):
        return published.year - 1
    if found.get("this"):
        return published.year
    if found.get("decade"):  # "a decade ago", "a decade after being branded failing"
        return published.year - 10
    if found.get("two"):  # "the year before last", "a couple of years ago"
        return published.year - 2
    if found.get("months"):  # "eighteen months ago": the year of the month that many months before
        return (published.year * 12 + published.month - 1 - count_of(m["months"])) // 12
    if found.get("half"):  # "three and a half years after": the year of the month that many months before
        return (published.year * 12 + published.month - 1 - count_of(m["n"]) * 12 - 6) // 12
    return published.year - count_of(found.get("n") or found["n2"])


def _year_near(clause: str, start: int, end: int, since: int = 0, published: date | None = None,
               until: int | None = None) -> tuple[int | None, int, str]:
    """(year, where its mention ends, anchor) for a verdict: a year stated right after the grade ("rated good in
    2015"), just before it but after any earlier verdict ("In 2015 it was ..."), leading the clause ("In 2012, an
    inspection ... judged"), or naming the inspection ("its 2006 annual performance assessment"); else a time
    relative to the document's date ("last year", "six years ago") in the verdict's own stretch of text."""
    if held := _HELD_SINCE.match(clause, end):  # "requires improvement since its last full inspection in 2023"
        return int(held[1] or held[2]), held.end(), "stated"
    after = min(end + 60, until or len(clause))
    if (colon := clause.find(":", end, after)) >= 0:  # "... rated good at any point: its last inspection, in 2020,
        after = colon                                   # had ...": what the colon opens has a time of its own
    if other := _ANOTHER_TIME.search(clause, end, after):  # "good, higher than at its last inspection in 2018"
        after = other.start()
    if next_time := _NEXT_TIME.match(clause, end):  # "in 2018 it was rated good, and in 2014 inadequate": the next
        after = end                                  # one's time
    # "rated inadequate, and the re-inspection in 2017 had found ...": a year of the next clause's subject
    joint = _NEXT_CLAUSE.search(clause, end, until or len(clause))
    if joint:
        after = min(after, joint.start())
    if until is not None and (opened := _CLAUSE_TO_NEXT.search(clause, end, until)):
        after = min(after, opened.start())
    if comment := _COMMENT_AFTER.search(clause, end, after):  # "got good, which is quite something given where
        after = comment.start()                               # they started in 2022": another event's time
    # "..., and it has now been judged good", "now requires improvement, after the 2019 inspection": the document's
    # time, no year named (not "now 'good', eight years after being rated failing": that count is this verdict's)
    # (a time before a colon is the lead-in's: "For those who came here recently: in 2013 it was rated ...")
    today_from = max(since, clause.rfind(":", since, start) + 1)
    if (today := _TODAY.search(clause, today_from, start)) and not (_YEARS_AFTER.search(clause, today.end(), start)
                                                              or _RELATIVE_YEAR.search(clause, today.end(), start)
                                                              # "... published today, ..., whose services were
                                                              # rated inadequate in March 2020": not the news
                                                              or _RELATIVE_PRONOUN.search(clause, today.end(), start)):
        return None, end, "publication"
    if bracketed := _BRACKETED_YEAR.match(clause, end):
        return int(bracketed[1]), bracketed.end(), "stated"
    # the nearest time after the grade is its own: "rated inadequate in May, when members had been told in 2020 ..."
    if (m := _YEAR.search(clause, end, after)) and not _MONTH_ONLY.search(clause, end, m.start()):
        return int(next(g for g in m.groups() if g)), m.end(), "stated"
    if (m := _AT_INSPECTION_DATED.search(clause, end, colon if colon >= 0 else joint.start() if joint
                                         else until or len(clause))) \
            and not _ANOTHER_TIME.search(clause, end, m.start()) \
            and (m["previous"] or (published is not None and int(m[2]) < published.year - 1)):
        return int(m[2]), m.end(), "stated"  # an earlier inspection named after the verdict's judgements
    if published is not None and (now := _THIS_YEAR.match(clause, end)):  # "rose to three stars this year"
        return published.year, now.end(), "relative"
    visit = _DATED_VISIT_AFTER.search(clause, end, after)  # "it is still good after its 2024 visit"
    visit = visit if visit and not _ANOTHER_TIME.search(clause, end, visit.start()) else None
    if PRESENT_VERDICT.search(clause, since, start) and time_named(clause[since:start], published) is None:
        # "..., and with Bradford, which is inadequate": of today, not of a year an earlier clause named (not "its
        # grade, from the inspection last summer, is outstanding": that time is its own)
        return (int(visit[1]), visit.end(), "stated") if visit else (None, end, "publication")
    m = (_year_before(clause, max(since, start - 40), start) or _YEAR_BEFORE_GRADE.search(clause, since, start)
         or _SUBJECT_TIME.search(clause, since, start)
         or _YEAR_AS_SUBJECT.search(clause, since, start)
         or (_LEADING_YEAR.match(clause, 0, start) if since == 0 else _CONJUNCT_YEAR.match(clause, since, start)
             or _leading_year_after_colon(clause, since, start))
         or _last(_JOINED_YEAR.finditer(clause, since, start))
         or _REPORTED_YEAR.search(clause, since, start)
         or _YEAR_OF_INSPECTION.search(clause, since, end if next_time else joint.start() if joint
                                       else until or len(clause))
         or _YEAR_OF_GRADE_NOUN.search(clause, since, start)
         or _INSPECTED_IN.search(clause, since, start) or _YEAR_THEN_WHEN.search(clause, 0, start))
    if m and m.start() < start and _SINCE_BEFORE.search(clause, 0, m.start() + 6) \
            and not _WHEN.search(clause, m.start(), start):  # not "since 2013, when it was rated inadequate"
        m = None  # "Since the last inspection in 2019, leadership has improved to outstanding": the earlier time
    if m:
        return int(next(g for g in m.groups() if g)), end, "stated"
    if visit:
        return int(visit[1]), visit.end(), "stated"
    rel = (_RELATIVE_YEAR.search(clause, end, after)
           or _RELATIVE_YEAR.search(clause, since, start) or _YEARS_AFTER.search(clause, since, start))
    if rel and (year := _relative_year(rel, published)) is not None:
        return year, max(end, rel.end()) if rel.start() >= end else end, "relative"
    # (searched to the clause's end, so that a year after the month is seen: "in March 2020" names its year)
    month = next((m for m in _MONTH_ONLY.finditer(clause, end) if m.start() < after), None) or next(
        (m for m in _MONTH_ONLY.finditer(clause, max(since, start - 60)) if m.end() <= start), None)
    if month and (year := _year_of_month(month, published)) is not None:
        return year, max(end, month.end()) if month.start() >= end else end, "relative"
    return None, end, "publication"


# A time set between the subject and its verb: "Kirklees in 2019 was among the few councils judged outstanding", "the
# council, in March 2018, was found inadequate" (its clause's time, however long the predicate)
_SUBJECT_TIME = re.compile(rf"\b(?!{GRADE_PHRASE})[\w'’-]+,?\s+(?:back\s+)?(?:in|during|by)\s+{_PART_OF_YEAR}"
                           rf"((?:19|20)\d{{2}}),?\s+"
                           rf"(?:had\s+been|has\s+been|was|were|had|became|remained|stood)\b(?:(?!{GRADE_PHRASE})[^.;:])*$",
                           re.I)


def _leading_year_after_colon(clause: str, since: int, start: int) -> re.Match | None:
    """A year opening what a colon introduces, after an earlier verdict: "... had not been rated good at any time:
    its last inspection, in January 2020, had graded it requires improvement" (positions as in the clause)."""
    colon = clause.rfind(":", since, start)
    return _LEADING_YEAR.match(" " * (colon + 1) + clause[colon + 1:start]) if colon >= 0 else None


def _last(matches: Iterator[re.Match]) -> re.Match | None:
    """The last of the matches, if any."""
    found = list(matches)
    return found[-1] if found else None


def _year_before(clause: str, since: int, start: int) -> re.Match | None:
    """A year stated before the grade, unless it is inside an earlier verdict set off by commas ("Luton, outstanding
    in 2019, was rated good": that year is the inserted verdict's)."""
    m = _YEAR.search(clause, since, start)
    if m and (comma := clause.rfind(",", 0, m.start())) >= 0 and _GRADE_WORDS.search(clause, comma, m.start()) \
            and "," in clause[m.end():start]:
        return None
    return m


# A month or season without a year: "in November", "last July", "the inspection last summer" (not "in May 2019",
# "in August last year": those name their year)
# ... or naming an inspection or its report: "Dorset's spring report", "the November inspection"; Christmas is
# December's ("just before Christmas", "over Christmas", "last Christmas")
_MONTH_ONLY = re.compile(rf"\b(?:(?:in|during)\s+(?:(?:early|late|mid)[\s-]+)?|(?P<last>last)\s+"
                         r"|(?:(?:just|shortly|right|not\s+long)\s+)?(?:before|at|over|around)\s+(?=Christmas\b)"
                         r"|(?P<attributive>(?:the|its|their|[\w-]+['’]s)\s+))(?:the\s+)?"
                         rf"(?P<month>{_MONTH}|spring|summer|autumn|winter|Christmas)\b"
                         r"(?(attributive)(?=\s+(?:(?:full|ILACS|Ofsted)\s+)?(?:re-?)?(?:inspection|report|visit)\b))"
                         r"(?!\s+(?:of\s+)?(?:(?:19|20)\d{2}|\d)|\s+(?:last|this|next)\s+year)", re.I)
_SEASON_MONTH = {"spring": 4, "summer": 7, "autumn": 10, "winter": 1, "christmas": 12}
_SEASON_END = {"spring": 5, "summer": 8, "autumn": 11, "winter": 2, "christmas": 12}
# A report follows its visit by about ten weeks: a month named this close before the document is the visit of the
# inspection it reports ("inspectors, who visited in November" in January), whose year is the document's
_MONTHS_OF_THE_NEWS = 3


def _year_of_month(m: re.Match, published: date | None) -> int | None:
    """The year of a month named without one: the latest such month before the document ("last July": before its
    month; "in November": up to it), unless it is so recent that it is the news's own (then None)."""
    if published is None or (m["month"][0].islower() and m["month"].lower() == "may"):
        return None  # "in may": the verb
    name = m["month"].lower()
    month = _SEASON_MONTH.get(name) or month_number(name)
    ends = _SEASON_END.get(name, month)  # "last spring" in May is the spring before this one
    year = published.year if ends < published.month or (month == published.month and not m["last"]) \
        else published.year - 1
    if (published.year - year) * 12 + published.month - month < _MONTHS_OF_THE_NEWS:
        return None
    return year


# "Oldtown children's services 'inadequate'", "Oldtown council 'requires improvement', says Ofsted"
# A headline's verdict with no verb: after its subject ("Ofsted: Oldtown children's services 'inadequate'", "Oldtown
# good again", "Oldtown now outstanding"), after a particle of motion ("Oldtown back to good", "Oldtown up to good"),
# or before the council it is for ("Good again for Oldtown", "Inadequate verdict for Oldtown", "A 'good' for Oldtown")
_HEADLINE_END = r"(?=\s*(?:$|[,:;–—-]|(?:says?|finds?|after|as|again|once\s+more|overall|at\s+last)\b))"
_HEADLINE_GRADES = [
    re.compile(rf"\b(?:services|department|council|care|authority)\s*[‘'\"“](?P<grade>{GRADE_PHRASE})[’'\"”]{_HEADLINE_END}",
               re.I),
    re.compile(rf"(?:^|:\s*)(?!(?:Once|Now|Still|Again|Ever|Never|Not|No|Yes|So|Too|Why|How|When|What|Who|Which|Is|Was"
               rf"|Are|Were|Formerly|Previously|Always|Rated|Judged|Found)\b)(?-i:[A-Z])[\w'’-]+(?:\s+(?:and\s+|upon\s+|of\s+|on\s+)?(?-i:[A-Z])[\w'’-]+){{0,3}}"
               rf"(?:['’]s\s+children['’]s\s+services)?\s+(?:(?:now|still|again|back|also)\s+)?{Q}(?P<grade>{GRADE_NAME}){QE}"
               rf"{_HEADLINE_END}"),
    re.compile(rf"\b(?:back|up|down)\s+to\s+{Q}(?P<grade>{GRADE_PHRASE}){QE}{_HEADLINE_END}", re.I),
    # (marked as a grade: by an article, quote marks, "again" or a noun of rating; not "Good for Oldtown")
    re.compile(rf"^\W*(?:an?\s+{Q}(?P<grade>{GRADE_NAME}){QE}|[‘'\"“](?P<quoted>{GRADE_NAME})[’'\"”]"
               rf"|(?P<marked>{GRADE_NAME})(?=\s+(?:again|once\s+more|at\s+last|(?:Ofsted\s+)?(?:verdict|rating|grade"
               r"|judge?ment))\b))(?:\s+(?:again|once\s+more|at\s+last))?(?:\s+(?:Ofsted\s+)?(?:verdict|rating|grade"
               r"|judge?ment))?\s+for\s+(?-i:[A-Z])", re.I),
]


def headline_claims(title: str, published: date | None = None) -> list[RatingClaim]:
    """A headline's verdicts; one with no verb ("Ofsted: Oldtown children's services 'inadequate'") gives its
    quoted grade as the verdict the article reports."""
    claims = rating_claims(title, published)
    if claims or _AGGREGATE.search(title) or other_subject(title):
        return claims
    found = next((m for pattern in _HEADLINE_GRADES if (m := pattern.search(title))), None)
    if found is None or _hypothetical(title, 0, found.start(), found.end()):
        return []
    group = next(name for name, value in found.groupdict().items() if value)
    return [RatingClaim("overall_effectiveness", normalise_grade(found[group]), found[group], None, "current",
                        title, found.start(group), judgement_stated=False)]


# A month or season with its year, no preposition needed in a lead-in: "Staffordshire (August 2009)", "Bolton, late
# 2019", "Wirral, the spring of 2016"
_MONTH_YEAR = re.compile(rf"\b(?:(?:early|late|mid)[\s-]+)?(?:(?:the\s+)?(?:spring|summer|autumn|winter|{_MONTH})\s+"
                         rf"(?:of\s+)?|(?:early|late|mid)[\s-]+)((?:19|20)\d{{2}})\b", re.I)
# A month alone ending a lead-in: "Bolton, October: good overall", "Wirral (February): ..."
_MONTH_ENDING = re.compile(rf"(?:^|[,(]\s*|\s)(?P<month>{_MONTH})(?P<last>(?!))?\W*$")


# "since the framework changed in 2023": the start of a stretch lasting to now, not a verdict's time
_SINCE_PHRASE = re.compile(rf"{SINCE_STRETCH}[^,;:()]*", re.I)


def time_named(text: str, published: date | None) -> tuple[int, str] | None:
    """(year, anchor) of the last time a lead-in names, for the verdict after it: a year ("where Durham was in
    2019"), a time relative to the document ("Swindon, September last year"), a month without its year ("Wirral
    in February", "Bolton, October"); not a time opening a stretch ("since ...") nor one of a modifier telling of
    something else ("Care leavers, graded separately since the framework changed in 2023: good")."""
    text = _blank_spans(_SINCE_PHRASE.sub(lambda m: " " * len(m.group()), text), _modifier_times(text))
    if years := [m for m in _YEAR.finditer(text)] + [m for m in _YEAR_OF_INSPECTION.finditer(text)] \
            + [m for m in _MONTH_YEAR.finditer(text)]:
        last = max(years, key=lambda m: m.start())
        return int(next(g for g in last.groups() if g)), "stated"
    if (rel := list(_RELATIVE_YEAR.finditer(text))) and (year := _relative_year(rel[-1], published)) is not None:
        return year, "relative"
    month = ([m for m in _MONTH_ONLY.finditer(text)] or [_MONTH_ENDING.search(text)])[-1]
    if month is not None and (year := _year_of_month(month, published)) is not None:
        return year, "relative"
    return None


def time_stated(text: str, published: date | None) -> tuple[int, str] | None:
    """(year, anchor) of a time a stretch of text opens with ("in 2019", "last year", "two years ago"), if any."""
    year, _, anchor = _year_near(text, 0, 0, published=published)
    return (year, anchor) if year is not None else None


# After a grade: "as at the last two inspections", "at its previous three inspections": years listed later are each one
_LAST_N_INSPECTIONS = re.compile(r"\s*(?:as\s+)?(?:at|in)\s+(?:the|its|their)\s+(?:last|previous)\s+"
                                 r"(?P<n>two|three|four)\s+(?:full\s+)?inspections\b", re.I)
_GRADE_NEXT = re.compile(rf"\s*,?\s*{Q}{GRADE_PHRASE}", re.I)


def _listed_years(clause: str, since: int, end: int, year: int | None) -> list[int | None]:
    """Every year of a list the verdict's stated year belongs to ("inadequate at three inspections in a row, in
    2012, 2013 and 2015", "inspections in April 2012 and May 2013 had found"): one claim per year."""
    for listed in _YEAR_LIST.finditer(clause, since, min(len(clause), end + 160)):
        years = [int(y) for y in re.findall(r"(?:19|20)\d{2}", listed.group())]
        if year in years and not _GRADE_NEXT.match(clause, listed.end()):  # not "in 2018, and in 2014 inadequate"
            return list(dict.fromkeys(years))
    return [year]


# A grade held for years, left now: "slips back after five years at requires improvement", "ending more than eight
# years in the requires improvement bracket" (the grade's year: that many years before the document's)
_YEARS_AT_GRADE = re.compile(
    r"\b(?:after|ending|ends|ended|following|closing)\s+(?:(?:more|less)\s+than\s+|over\s+|almost\s+|nearly\s+"
    rf"|some\s+|about\s+|around\s+)?(?P<n>\d{{1,2}}|{YEARS_COUNT_WORD})(?P<half>\s+and\s+a\s+half)?\s+years\s+"
    rf"(?:(?:at|in|as|on)\s+(?:the\s+)?|(?:{VERDICT_PARTICIPLE}(?:\s+as|\s+to\s+be)?|stuck\s+(?:at|in))\s+)"
    rf"{Q}(?P<old>{GRADE_PHRASE}){QE}",
    re.I)

# A grade as the subject of a move to another: "the outstanding for children in care in 2018 dropping to good", "its
# good for leadership slipped to requires improvement" (the words between modify it: no verb, no clause joined; "and"
# only inside a judgement's name)
_MOVED_TO = re.compile(
    rf"{Q}(?P<old>{GRADE_PHRASE}){QE}(?:\s+(?:(?!(?:and|but|or|while|whereas|which|who|that|was|were|is|are|has|have"
    rf"|had|be|been|it|they|then|now|to)\b)[\w'’()-]+|(?<=help\s)and(?=\s+protection)"
    rf"|(?<=experiences\s)and(?=\s+progress)|(?<=management\s)and(?=\s+governance))){{0,10}}?"
    rf"\s+(?:ha(?:s|ve|d)\s+(?:since\s+)?)?(?P<move>dropp(?:ed|ing)|drops?|f[ae]ll(?:s|ing|en)?|slipp(?:ed|ing)|slips?|slid(?:es|ing)?|s[ai]nk(?:s|ing)?|sank"
    rf"|declin(?:ed|es|ing)|improv(?:ed|es|ing)|r[io]s(?:e|es|en|ing)|climb(?:ed|s|ing)?|turn(?:ed|s|ing)?)"
    rf"\s+(?:(?:back|down|up|straight)\s+)?to\s+{Q}(?P<new>{GRADE_PHRASE}){QE}(?=[\s.,;:]|$)", re.I)


# A time right after a grade a verb of leaving or losing left (past its noun, or the grade it went to): the leaving's
# ("lost its good rating in 2023", "climbed out of inadequate last year", "out of inadequate to requires improvement at
# its January 2023 inspection"); not one in a phrase of the grade's own ("its rating of 2019", "the grade it got in
# 2016", "inadequate since 2017", "(2019)")
_LEFT_AT = re.compile(rf"{QE}(?:\s+(?:overall\s+)?(?:rating|grade|judge?ment|label|tag|status|verdict|category))?"
                      rf"(?:\s+(?:and\s+)?(?:(?:up|down)\s+)?to\s+{Q}{GRADE_PHRASE}{QE})?,?\s+(?:in|during|at|by|last|this|on)\b",
                      re.I)


def _transitions(clause: str) -> tuple[list[tuple[str, str, int, int]], str, set[int]]:
    """(label, status, start, end) for 'from X to Y' phrases, a grade moving to another ("good dropping to requires
    improvement") and grades left behind ("moved out of inadequate"), the clause with them blanked out, and where
    each grade a verb of leaving or losing left ends, when a time right after it is the leaving's (see _LEFT_AT)."""
    found, left_at = [], set()
    for m in _MOVED_TO.finditer(clause):
        found += [(m["old"], "transition", m.start("old"), m.end("old")), (m["new"], "current", m.start("new"),
                                                                             m.end("new"))]
        for start, end in (m.span("old"), (m.start("move"), m.end())):  # (its modifiers name its judgement)
            clause = clause[:start] + " " * (end - start) + clause[end:]
    for m in _TRANSITION.finditer(clause):
        found.append((m["old"], "transition", m.start("old"), m.end("old")))
        if m["new"]:
            found.append((m["new"], "current", m.start("new"), m.end("new")))
        clause = clause[:m.start()] + " " * (m.end() - m.start()) + clause[m.end():]
    for m in [*_LEFT_GRADE.finditer(clause), *_YEARS_AT_GRADE.finditer(clause)]:
        found.append((m["old"], "transition", m.start("old"), m.end("old")))
        if m.re is _LEFT_GRADE and _LEFT_AT.match(clause, m.end("old")):
            left_at.add(m.end("old"))
        clause = clause[:m.start()] + " " * (m.end() - m.start()) + clause[m.end():]
    return found, clause, left_at


_NAMES_INSPECTION = re.compile(r"\s+(?:re-?)?inspections?\b", re.I)  # "a safeguarding inspection"
_GRADE_OF = re.compile(r"\s+(?:for|in|on)\s+(?:(?:the|its|their)\s+)?", re.I)  # "good for leadership", "outstanding in"


def _transition_owner(scanned: str, judgements: list[tuple[int, int, str]],
                      transitions: list[tuple[str, str, int, int]], start: int, end: int) -> str | None:
    """The judgement a grade moved from or to is of: the one named before the move, its subject ("help and protection
    moved from requires improvement to good"), else the first named after it ("from inadequate to good for
    leadership") or naming the inspection ("fell from good to inadequate at a safeguarding inspection"), but not one
    a later verdict of the clause names ("moved from inadequate to good, with leadership outstanding" is the overall
    grade's move) nor another verb's object ("slipped from good after concerns about care leavers"). None: no
    judgement named, the overall grade's."""
    before = [name for _, e, name in judgements if e <= start]
    if before:
        return before[0]
    if modified := next((name for s, _, name in judgements if _GRADE_OF.fullmatch(scanned, end, s)), None):
        return modified  # "its good for leadership slipping to requires improvement"
    phrase_end = max(e for _, _, s, e in transitions if start <= s <= end + 40)  # "from X to Y": after Y
    after = next(((s, e, name) for s, e, name in judgements if s >= phrase_end), None)
    if after is None or _ANY_GRADE.search(scanned[phrase_end:after[0]]) or _WITH.search(scanned[phrase_end:after[0]]):
        return None
    joined = after[0] < phrase_end + 40 and _RATING_FOR_JUDGEMENT.fullmatch(scanned, phrase_end, after[0])
    return after[2] if joined or _NAMES_INSPECTION.match(scanned, after[1]) else None


# A modifier set off by commas after a noun, telling of something else than the verdict: a relative clause ("Medway,
# where I worked in 2019, went outstanding") or a participle ("Cumberland, formed last year, was rated good")
_NOUN_MODIFIER = re.compile(r"(?<=[\w'’)]),\s*(?P<modifier>(?:where|who|whose|which"
                            r"|(?!(?:and|but|or|yet|now)\b)\w+ed)\b[^,;:()]*?)\s*(?=,)", re.I)
# What the modifier must not tell of, for its time to be its own: the inspection, its report or a verdict
_INSPECTION_EVENT = re.compile(r"\b(?:(?:re-?)?inspect\w*|visit\w*|assess\w*|report\w*|publish\w*|review\w*"
                               r"|rated|judged|graded|found|verdict|grade|rating|judge?ments?|Ofsted|inspectors?)\b",
                               re.I)
# A time: a year, a month, "last year", "this spring", "two years ago"
_TIME_WORDS = re.compile(rf"\b(?:(?:19|20)\d{{2}}|{_MONTH}|(?:last|this|next)\s+(?:year|month|week|spring|summer|autumn"
                         r"|winter)|years?\s+ago)\b", re.I)


def _modifier_times(text: str) -> list[tuple[int, int]]:
    """(start, end) of each modifier of a noun whose time is its own: set off by commas, naming a time, holding no
    grade, telling of no inspection and modifying none ("Tower Hamlets, where I worked in 2021, went outstanding":
    not 2021; "Ofsted's verdict, issued in June 2016, ...": 2016)."""
    return [m.span("modifier") for m in _NOUN_MODIFIER.finditer(text)
            if _TIME_WORDS.search(m["modifier"]) and not _INSPECTION_EVENT.search(m["modifier"])
            and not _ANY_GRADE.search(m["modifier"])
            and not _INSPECTION_EVENT.search(re.split(r"[,;:]", text[max(0, m.start() - 40):m.start()])[-1])] + [
        m.span() for m in _dash_asides(text)
        if _TIME_WORDS.search(m.group()) and not _INSPECTION_EVENT.search(m.group())]


def _dash_asides(text: str) -> list[re.Match]:
    """Each aside between dashes that holds no grade, its subject's predicate after it ("care leavers - the young
    people it owes a duty to - received an outstanding grade"): no clause of its own, its time not the verdict's."""
    return [m for m in _PARENTHETICAL_DASHES.finditer(text)
            if not _ANY_GRADE.search(m.group()) and _PREDICATE_AFTER.match(text, m.end())]


# An aside that renames its subject as the judgements it is ("Each of the four judgements – A, B, C and D – was ..."):
# a judgement right after the dash, maybe after a word introducing the list
_LIST_ASIDE = re.compile(r"\s[-–—]\s+(?:(?:namely|including|both|all|i\.e\.|that\s+is|the)\b\W*)?")
_RELATIVE_ASIDE = re.compile(r"\s[-–—]\s+(?:which|who|whose|whom|where|when|that)\b", re.I)


def _describing_asides(clause: str) -> list[tuple[int, int]]:
    """(start, end) of each aside between dashes that describes its subject rather than naming it ("Wigan - where most
    children in care live close to home - was rated good", "Its service - a few dozen children - was rated
    outstanding"): no subject, no judgement and no count of the verdict; not one listing the judgements it renames."""
    spans = []
    for m in _dash_asides(clause):
        named = judgements_in(m.group())
        listed = _LIST_ASIDE.match(m.group())
        if _RELATIVE_ASIDE.match(m.group()) or not named or named[0][0] != listed.end():
            spans.append(m.span())
    return spans


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


# A verb of wanting or aiming with its infinitive, however far the grade is inside it: "wants to become the first
# council in the region to be rated outstanding", "is determined to see every judgement reach good" (not past a
# verb or a time of its own: "determined to improve after being rated inadequate in 2019", "aimed to improve, and
# was rated good")
# ... or an aim named by a noun or an adjective: "its ambition was for the service to be judged good", "the goal is
# for Oldtown to be rated outstanding", "ambitious to be judged good", "keen to be seen as outstanding"
_AIMING_TO = re.compile(r"\b(?:wants?|wanted|wanting|hopes?|hoped|hoping|aims?|aimed|aiming|aspires?|aspired|aspiring"
                        r"|intends?|intended|intending|plans?|planned|planning|seeks?|sought|seeking|strives?|striving"
                        r"|determined|ambitious|keen|eager|anxious|impatient|desperate"
                        r"|(?:ambition|aim|goal|target|hope|aspiration|intention|wish|objective|mission|plan|vision)s?"
                        r"(?:\s+for(?:\s+[\w'’-]+){1,4}?)?(?:\s+(?:now|still|also|then))?"
                        r"\s+(?:is|was|are|were|remains?|will\s+be)(?:\s+for(?:\s+[\w'’-]+){1,5}?(?=\s+to\b))?)"
                        r"\s+to\b(?:(?!\b(?:after|since|when|following|having"
                        r"|being|was|were|is|are|has|have|had|but|yet|said|says|told|added)\b)[^.;:])*$", re.I)


# A grade any council might get, named by what usually follows it: "as is usual after an inadequate judgement",
# "the intervention that typically follows an inadequate rating"
_AS_USUAL = re.compile(r"\b(?:as\s+(?:is\s+)?(?:usual|normal|standard|customary|routine)|usually|normally|typically"
                       r"|routinely|always|automatically)\b[^.;]{0,60}?\b(?:after|following|follows?|with|for|when|on)"
                       r"\s+(?:(?:an?|any|every)\s+)?[‘'\"“]?$", re.I)


# The subject of a verdict's verb, right before it, that is no judgement: "(children's) services were found to",
# "the council is", "the department stays" (passive or a verb of being: "which the council rated" grades its object)
_OWN_SUBJECT = re.compile(r"\b(?:services|department|council|authority)\s+(?:(?:(?:were|was|is|are|had|has|have|been"
                          r"|being|still|now|also|then|all|both)\s+){1,3}(?:(?:found|judged|rated|graded|deemed|assessed"
                          r"|considered)\s+(?:to\s+be\s+|as\s+|to\s+)?)?|(?:stay(?:s|ed)?|remain(?:s|ed)?)\s+)$", re.I)
_TAIL_AFTER_NAME = re.compile(NAME_TAIL, re.I)


def _subject_of_its_own(scanned: str, judgements: list[tuple[int, int, str]], grade_at: int) -> bool:
    """The verdict whose grade starts at `grade_at` has a subject of its own between the judgement named last before
    it and its verb ("... in child protection, and in 2018 services were found to require improvement"; not "help
    and protection services were found to ...", "care leavers: their services were ...": the judgement's own)."""
    named = [end for _, end, _ in judgements if end <= grade_at]
    if not named:
        return False
    tail = _TAIL_AFTER_NAME.match(scanned, named[-1])
    subject = _OWN_SUBJECT.search(scanned, tail.end() if tail else named[-1], grade_at)
    return subject is not None and not _REFERS_BACK.search(scanned, 0, subject.start())


# ... not one referring back to the judgement: "care leavers fared better: their services were rated ...", "children in
# care, where the council was judged good"
_REFERS_BACK = re.compile(r"\b(?:their|its|where(?:\s+the)?)\s+$", re.I)


# A judgement set apart from the verdict's subject: "every judgement but", "all except", "everything bar", "other than",
# "with the exception of" (not "but" alone: "good, but care leavers required improvement")
_SET_APART = re.compile(r"(?:\b(?:bar|barring|except(?:\s+for)?|excepting|apart\s+from|aside\s+from|other\s+than|save"
                        r"(?:\s+for)?|excluding|with\s+the\s+exception\s+of)|\b(?:all|every|each|everything)\b"
                        r"(?:\s+[\w-]+){0,3}?\s+but(?:\s+for)?)\s+(?:the\s+|its\s+|their\s+)?$", re.I)
_RELATIVE = re.compile(r",\s*(?:which|who|where|whose)\b", re.I)


def _set_apart(scanned: str, judgements: list[tuple[int, int, str]], count: int, grade_at: int) -> bool:
    """The `count` judgements named last before the grade at `grade_at` are set apart from the verdict's subject
    ("every judgement but care leavers was good"), not the subject of a relative clause giving their own ("apart
    from care leavers, which required improvement")."""
    named = [start for start, end, _ in judgements if end <= grade_at]
    if len(named) < count:
        return False
    first = named[-count]
    return bool(_SET_APART.search(scanned, 0, first)) and not _RELATIVE.search(scanned, first, grade_at)


def _hypothetical(scanned: str, since: int, start: int, end: int, verdict_verb: bool = False) -> bool:
    """A grade named as a hope, a risk, a condition or a negation, not as a verdict given (not by the words of an
    aside in brackets before it). Before a verdict verb "to be" is no aspiration ("the first council to be judged
    outstanding"; "hopes to be" is, by "hopes")."""
    # an aside in brackets before the grade is no part of its predicate ("Bury (not for the first time) was ...")
    asides = [m.span() for m in _ASIDE.finditer(scanned, 0, start)]
    window = _blank_spans(scanned, asides)[max(since, start - 80):start]
    if known := _last(_FACTIVE.finditer(window)):  # "Readers may recall that X was found inadequate": what is
        window = window[known.end():]  # recalled, known or noted is said, whatever may be of the recalling
    if described := _DESCRIPTION.search(scanned, max(since, start - 80), end):  # "asked whether the service,
        window = scanned[described.start():start]  # judged inadequate in 2015, had ...": a description set off by a
        # comma is said, whatever is asked of what it describes
    if _OWN_PREDICATE.search(window) and _PREDICATE_VERB.match(scanned, start):
        window = ""
    aspiration = _ASPIRATION.search(scanned[:start])
    if aspiration and verdict_verb and re.fullmatch(r"to\s+be\s+", aspiration.group(), re.I):
        aspiration = None
    return bool(_HYPOTHETICAL.search(window) or aspiration or _AIMING_TO.search(scanned, since, start)
                or _AS_USUAL.search(window)
                or ((generic := _GENERIC.search(window)) and not _DATED_AFTER.match(scanned, end)
                    and not _JUDGEMENT_AN_AREA.search(window, 0, generic.end()))
                or _HYPOTHETICAL_AFTER.match(scanned, end))


def _clauses(sentence: str) -> list[str]:
    """The sentence's clauses; a list of judgements set off by dashes or brackets stays in its predicate's clause
    ("Each of the four judgements – A, B, C and D – was graded good"), and so does any aside in brackets ("Bromley
    (late, but at last) was inadequate"); reported clauses ("... that A, and that B") are clauses of their own."""
    kept = but_setting_apart(unbracketed(sentence))  # ("all but X": no clause break)
    asides = [m.span() for m in _ASIDE.finditer(kept)]  # "X (not the north, but near) was ...": one aside
    asides += [(m.start() - 1, m.end()) for m in _dash_asides(kept)]  # ... or between dashes
    breaks = [m.span() for m in _CLAUSE_BREAK.finditer(kept) if not any(a < m.start() < b for a, b in asides)]
    if (first := _THAT.search(kept)) is not None:
        breaks = sorted(breaks + [m.span() for m in _AND_THAT.finditer(kept, first.end())])
    return [sentence[a:b] for a, b in zip([0] + [e for _, e in breaks], [s for s, _ in breaks] + [len(sentence)],
                                          strict=True)]


# A clause set after a verdict by a dash or a semicolon that only names its time, its subject the verdict itself: "...
# found inadequate – that was the 2017 report", "...; this was back in 2013", "– it was the spring 2016 inspection"
# A clause naming a time and no verdict, and the dash closing it: "Don't forget 2013 -", "Then came 2016 -"
_TIME_ALONE = re.compile(r"\W*(?:[^\W\d]+\W+){0,5}?(?:(?-i:[A-Z])[a-z]+\s+)?(?P<year>(?:19|20)\d{2})\W*", re.I)
_DASH_AFTER = re.compile(r"\s*[-–—]\s")


def _dated_by_lead(claims: list[RatingClaim], lead: tuple[int, int, int], published: date | None
                   ) -> list[RatingClaim]:
    """The claims, those of the clause after a time alone with no time of their own and none of today ("- and it is
    now rated good") given its year."""
    year, _, first = lead
    status = "historical" if published is None or year < published.year else "current"

    def of_today(c: RatingClaim) -> bool:
        return bool(_TODAY.search(c.clause, 0, c.start) or PRESENT_VERDICT.search(c.clause, 0, c.start))

    return claims[:first] + [replace(c, year=year, anchor="stated", status=status)
                             if c.year is None and c.status in ("current", "historical") and not of_today(c) else c
                             for c in claims[first:]]


_APPOSED_TIME = re.compile(rf"\W*(?:and\s+)?(?:that|this|it)\s*(?:was|['’]s|had\s+been|came)\s+"
                           rf"(?:(?:back|all|way\s+back|only|just)\s+)?(?:(?:in|during)\s+{_PART_OF_YEAR}((?:19|20)\d{{2}})\b"
                           rf"|(?:at\s+|in\s+|from\s+)?(?:the|its|their|an?)\s+(?:[\w-]+\s+){{0,2}}?((?:19|20)\d{{2}})\s+"
                           r"(?:[\w-]+\s+){0,2}?(?:(?:re-?)?inspection|report|visit|assessment|judge?ment|verdict|grade"
                           r"|rating)\b|((?:19|20)\d{2})\b(?!\s*(?:[-–]|to)\s*\d))", re.I)


def rating_claims(sentence: str, published: date | None = None, antecedent: str | None = None) -> list[RatingClaim]:
    """Every (judgement, grade) verdict in one sentence, clause by clause; `published` dates relative times,
    `antecedent` is the grade the discourse named last (what "the same rating", "that category" refer to)."""
    claims: list[RatingClaim] = []
    if not (_ANY_GRADE.search(sentence) or _ABBREVIATED_GRADE.search(sentence)
            or (antecedent and _ANAPHORIC_GRADE.search(sentence))):
        return claims  # most sentences: no grade word, nothing to read
    recalled = bool(_VISIT.search(sentence)) or background(sentence)  # standing grades, not news
    counted = _AGGREGATE.search(_PARENTHETICAL_DASHES.sub(" ", without_every(sentence)))
    if (counted and counted.start() < 12) or _VOCABULARY.search(sentence):
        return claims  # "Eight councils - three of them new - were judged inadequate": the count is the subject
    opened_by: list[str] = []  # the judgements the clause before opens with as its subject
    before_clause = 0  # where the claims of the clause before this one begin
    # a clause of a time alone before a dash ("Don't forget 2013 - the inspection came out as adequate"): its year,
    # the clause it was, and where the claims of the clause after it begin
    lead: tuple[int, int, int] | None = None
    for number, clause in enumerate(_clauses(sentence)):
        if lead is not None and lead[1] < number - 1:
            claims, lead = _dated_by_lead(claims, lead, published), None
        if (apposed := _APPOSED_TIME.match(clause)) and sentence[:sentence.find(clause)].rstrip()[-1:] in "-–—;":
            year = int(next(g for g in apposed.groups() if g))  # "... found inadequate – that was the 2017 report"
            claims[before_clause:] = [replace(c, year=year, anchor="stated") if c.year is None
                                      and c.status in ("current", "historical") else c for c in claims[before_clause:]]
        before_clause = len(claims)
        if (alone := _TIME_ALONE.fullmatch(clause)) \
                and _DASH_AFTER.match(sentence, sentence.find(clause) + len(clause)):
            lead = (int(alone["year"]), number, len(claims))
        # a verdict with no verb ("Good overall, good for leaders") opening the sentence or set after a dash
        at = sentence.find(clause)
        fragment = not sentence[:at].strip() or bool(_DASH_BEFORE.search(sentence, 0, at))
        clause = clause.strip()
        # "the care leavers service had stronger practice but still required improvement": that subject's verdict
        inherited, opened_by = opened_by if subjectless(clause) else [], subject_judgements(clause)
        described = _blank_spans(clause, _describing_asides(clause))  # "Wigan - where children in care ... -"
        if not clause or _AGGREGATE.search(_MEMBER_OF.sub(" ", without_every(described))):
            continue
        remit_blanked = _COMMENT.sub(lambda m: " " * len(m.group()),  # "took over fostering, adoption ...":
                                     without_other_names(semicolons_as_commas(without_delivery_scope(described))))
        judgements = judgements_in(_INSPECTION_NAME.sub(lambda m: " " * len(m.group()), remit_blanked))
        named_in_inspection = [j for j in judgements_in(clause) if j not in judgements]
        scale = scale_spans(remit_blanked)  # "outstanding, good, requires improvement or inadequate": no verdict
        transitions, scanned, left_at = _transitions(remit_blanked)
        transitions = [t for t in transitions if not any(a <= t[2] < b for a, b in scale)]
        # start, end, owned, label, status, year, anchor, judgement stated
        verdicts: list[tuple[int, int, list[str], str, str, int | None, str, bool]] = []
        for label, status, start, end in transitions:
            if given_to_other(remit_blanked[:start]):
                continue  # a school's or a home's move: "the academy went from good to inadequate"
            named = _transition_owner(scanned, judgements, transitions, start, end)
            owner = named or "overall_effectiveness"
            if not judgements and claims and _UP_FROM.match(clause):  # "child protection now good, up from
                owner = claims[-1].judgement                            # inadequate"
            if _hypothetical(clause, 0, start, end):
                status = "hypothetical"
            if status == "transition":  # the grade left behind: only a year stated after it, before the new grade
                new_at = min([s for _, st, s, _ in transitions if st == "current" and s > start] + [end + 60])
                stated_with = _YEAR.search(clause, end, new_at) or _YEAR_OF_INSPECTION.search(clause, end, new_at) \
                    or _BRACKETED_YEAR.match(clause, end)
                # or a "since" before it: "Since its last inspection in 2019, leadership has gone from good to ..."
                stated_with = stated_with or _SINCE_YEAR.search(clause, 0, start)
                left = end in left_at  # "lost its good rating in 2023": the year of the loss, the grade's before
                if left:
                    stated_with = _SINCE_YEAR.search(clause, 0, start)
                year = int(next(g for g in stated_with.groups() if g)) if stated_with else None
                anchor = "stated" if stated_with else "publication"
                # "the good rating of six years ago", "shed its inadequate rating, three years after inspectors found
                # failings" (a count from the grading to now)
                ago = None if left else _RELATIVE_YEAR.search(clause, end, new_at)
                if ago is None and (since := _YEARS_AFTER.search(clause, end, new_at)) \
                        and _INSPECTION_EVENT.search(clause, since.end(), since.end() + 40):
                    ago = since
                if year is None and ago:
                    year, anchor = _relative_year(ago, published), "relative"
                    anchor = anchor if year is not None else "publication"
                held = next((m for m in _YEARS_AT_GRADE.finditer(clause) if m.end("old") == end), None)
                if year is None and held and published is not None:  # "after five years at requires improvement":
                    year, anchor = _relative_year(held, published), "relative"  # held since five years before
            else:  # the new grade: the time between the old grade and it is the old one's ("from X in 2015 to Y")
                old_end = max([e for _, st, s, e in transitions if st == "transition" and e <= start], default=start)
                year, _, anchor = _year_near(clause[:old_end] + " " * (start - old_end) + clause[start:], start, end,
                                             published=published)
            if status == "transition" and anchor == "publication":
                anchor = "previous_inspection"
            # a grade left behind at several dated inspections ("a step up from the requires improvement grade of
            # December 2021, and of 2016 before that"): one verdict per year
            years = _listed_years(clause, start, end, year) if status == "transition" and anchor == "stated" \
                else [year]
            verdicts.extend((start, end, [owner], label, status, each, anchor, named is not None) for each in years)
        pair = _GRADE_PAIR.fullmatch(scanned) if fragment else None
        if pair and _safeguarding_and_looked_after(sentence, published):
            verdicts += [(pair.start(n), pair.end(n), [judgement], pair[n], "current", None, "publication", True)
                         for n, judgement in (("first", "safeguarding"), ("second", "children_in_care"))]
        previous_end = 0
        history_from = 0  # where this verdict's own words begin: after an inserted earlier grade too
        inserted = insertions(scanned, judgements)  # ", judged good last time,": set off after a NAME
        inserted_after: list[str] = []  # the NAMEs an inserted verdict followed: the subject of the next verdict
        slots = list(_SLOT.finditer(scanned))
        timed = _blank_spans(scanned, _modifier_times(scanned))  # the text whose times may date a verdict
        for n, slot in enumerate(slots):
            group = next(name for name, value in slot.groupdict().items() if value)
            label = slot.group(group)
            if group in _ANAPHORIC:  # the grade named last before it
                named = [v[3] for v in verdicts if v[0] < slot.start()] or [c.grade_label for c in claims]
                label = named[-1] if named else antecedent if group not in ("g33", "gag") else None  # (reached,
                # given again: in the sentence)
                if label is None:
                    continue
            if any(a <= slot.start(group) < b for a, b in scale) or _COUNTED.search(scanned, 0, slot.start(group)) \
                    or (_ANY_GRADED_BEFORE.search(scanned, 0, slot.start(group))
                        and _ANY_GRADED_AFTER.match(scanned, slot.end(group))):
                continue  # the scale, a count of councils with the grade ("36 requires improvement, 18 ..."), or any
                # grade of its kind as a clause's subject ("An inadequate judgement usually triggers intervention")
            if given_to_other(scanned[:slot.start(group)]) or _OTHER_AFTER.match(scanned, slot.end()) \
                    or _PROVIDERS_RATING.match(scanned, slot.end(group)):
                continue  # the verdict of a school, a home, councils at large: before it (also as the object of
                # "downgraded two schools to"), or "for/of" right after
            hypothetical = _hypothetical(scanned, previous_end, slot.start(), slot.end(), group in ("g1", "g5"))
            # a bare "X good" only continues a verdict already given (in this clause; "X good" also in an earlier one)
            if group == "g26" and not (verdicts and _WITH.search(scanned, verdicts[0][1], slot.start())) \
                    and not _ACHIEVED.search(scanned, 0, slot.start()):
                continue  # only after a verdict, in its "with" phrase, or as what was achieved
            if group == "ggap" and not (verdicts and verdicts[-1][2] == ["overall_effectiveness"]):
                continue  # only after an overall verdict it repeats the verb of
            continues = group in ("g6", "g17", "g20", "g24", "gy") and not (group == "g20" and _IMPROVED_ON.match(
                slot.group()))  # "X improved on its RI grade" stands alone
            if group == "g6" and not verdicts and (predicate := _LIST_PREDICATE.search(scanned, 0, slot.start(group))) \
                    and (listed := list_ending_at(scanned, judgements, previous_end, predicate.start() + 1)) \
                    and _VERB_BEFORE_LIST.search(scanned, previous_end, listed[0]):
                continues = False  # the end of a LIST after a verdict verb, read as "X good" from its last item:
                # "judged A, B, C and the experiences of D all inadequate" (as g30)
            # "Inadequate in July 2018.", "A turnaround: inadequate in 2016."
            # (or a clause after a semicolon: "Requires improvement in 2022; outstanding across the board in 2025")
            opens_sentence = (slot.start() == 0 and (sentence.startswith(clause)
                                                     or sentence[:at].rstrip().endswith(";"))
                              or bool(_AFTER_COLON.search(scanned, 0, slot.start())))
            if continues and not verdicts and not (group in ("g6", "g20") and claims) \
                    and not (group == "g20" and _NEWS_COMPARED.match(scanned, 0, slot.start())) \
                    and not (group == "g17" and (opens_sentence or claims or fragment  # (after a dash, not a
                                                 # home's: "Oak Lodge home, Wigan - inadequate (May 2025)")
                                                 and not given_to_other(sentence[:sentence.find(clause)]))) \
                    and not (group == "g6" and (_TELEGRAPHIC.match(sentence)  # or after a colon: "West
                                                or _AFTER_COLON.search(scanned, 0, slot.start())
                                                or _OUTCOME_WITH.search(scanned, 0, slot.start())
                                                or (fragment and slot.start() == 0))):  # or opening after a dash
                # Berkshire: safeguarding adequate, looked after children good"
                continue
            if group == "g9" and not (verdicts or _QUOTED.match(scanned, slot.start()) or _FINITE_GRADE.fullmatch(label)
                                      or _WITH_BEFORE.search(
                    scanned, 0, slot.start())  # "..., with good for A, for B and for C"
                                      or ((claims or fragment) and _CLAUSE_OPENING.fullmatch(scanned, 0, slot.start()))
                                      or _AFTER_COLON.search(scanned, 0, slot.start())
                                      or (fragment and _NAME_THEN_COMMA.fullmatch(scanned, 0, slot.start()))):
                continue  # an unquoted "good for ..." only continues a verdict already given (in this clause, or
                # opening it: "judged outstanding for leadership; good for help and protection"), opens a sentence
                # or follows a dash ("Good overall, good for leaders.", "did well - good for safeguarding"), or
                # follows a colon ("the outcome of the inspection: good overall, with ...")
            if group == "g30" and not ((listed := list_ending_at(scanned, judgements, previous_end, slot.start()))
                                       and _VERB_BEFORE_LIST.search(scanned, previous_end, listed[0])):
                continue  # only a LIST's predicate after a verdict verb: "found A, B and C all to be good"
            if group == "g7":  # "performs well" is a grade in an annual performance assessment, or when judged so
                if not (_APA_CONTEXT.search(sentence) or _JUDGED_TO_BE.search(scanned, 0, slot.start())):
                    continue
                label = f"performs {label}"
            before = scanned[:slot.start()]
            if group == "g9":
                owned = []
            elif group in ("g24", "g26"):  # the judgements right after the grade
                owned = coordinated_after(scanned, judgements, slot.end())
            else:
                # (a g4 subject near its verb: 40 characters, besides any insertion between them: "Adoption, which
                # usually saves a council's blushes, was also inadequate")
                inserted_before = _INSERTED.search(scanned, 0, slot.start())
                back = (inserted_before.start() if inserted_before else slot.start()) - 40
                owned = coordinated(scanned, judgements, max(previous_end, back) if group == "g4"
                                    else previous_end, slot.start(group), previous_end)
                if owned and (_subject_of_its_own(scanned, judgements, slot.start(group))
                              or _set_apart(scanned, judgements, len(owned), slot.start(group))):
                    owned = []  # "weaknesses in child protection, and in 2018 services were found to require
                    # improvement": the services' verdict, not the judgement's named before; "every judgement but
                    # care leavers was good": every other judgement's
            if (slot.group("g2") or slot.group("g2q") or slot.group("g2o")) and not owned:  # "a 'good' overall
                owned = [name for pos, _, name in judgements if slot.start() <= pos < slot.end()  # rating", "a good
                         # rating for A"
                         or (pos < slot.end() + 40 and _RATING_FOR_JUDGEMENT.fullmatch(scanned, slot.end(), pos))][:1]
            if not owned and inserted_after:  # "the impact of leaders, judged good last time, now requires ..."
                owned = list(inserted_after)
            following = _FOR_OR_AS_WERE.match(scanned, slot.end())
            named_after = []
            if following:  # "judged inadequate for help and protection and for leadership", "good, as were X"
                named_after = list(dict.fromkeys(
                    [name for pos, _, name in judgements if following.start() <= pos < following.end()]
                    + coordinated_after(scanned, judgements, following.start(), following.end())))
                if named_after and (following["overall"] or (not owned and (_AS_WERE.match(following.group())
                                                                             or _ALONG_WITH.match(following.group())))):
                    named_after.insert(0, "overall_effectiveness")  # "inadequate overall and for leadership",
                    # "rated good, as were leadership and help and protection"
                # "a good rating for A and an outstanding rating for B": a rating's "for" names its judgement; so
                # does a verdict's with the council as the verb's object ("the inspection of safeguarding and looked
                # after children rated Wigan adequate for safeguarding": not the judgements named before the verb)
                own_for = group in _RATING_FOR or (group == "g1" and _COUNCIL_OBJECT.match(slot.group()))
                owned = named_after if named_after and own_for else owned + named_after
            if _OVERALL_AFTER.match(scanned, slot.end()) and not following:
                owned = ["overall_effectiveness"]  # "services for children in need of help and protection, children
                # looked after and care leavers were rated inadequate overall": the services named, graded overall
            if (named := _NAMED_AFTER.match(scanned, slot.end())) and _AREAS_GRADED.search(scanned, 0, slot.start()):
                owned = coordinated_after(scanned, judgements, named.end()) or owned  # "the areas
                # judged outstanding were leadership and help and protection"
            if group in ("g17", "g20", "gy", "gag") and not owned and verdicts:
                # "judged inadequate for leadership in 2016 and good in 2019" (not a "with" phrase's: "rated good,
                # with leadership outstanding, and before that, in 2014, requires improvement")
                main = [v for v in verdicts if not _WITH_PHRASE_BEFORE.search(scanned, 0, v[0])] or verdicts
                owned = list(main[-1][2])
            if not owned and named_in_inspection and _BOTH.search(scanned, previous_end, slot.start(group)):
                owned = [name for _, _, name in named_in_inspection]  # "judged both services adequate"
            if not owned and group == "g1" and not _WITH_AFTER.match(scanned, slot.end()) and (
                    after := coordinated_after(scanned, judgements, len(scanned) - len(scanned[slot.end():].lstrip()))):
                owned = after  # "rated as outstanding the impact of leaders and ...": the grade before its object (not
                # "rated good with leadership outstanding": a "with" phrase of its own)
            if group in (*_ANAPHORIC, *_GIVEN) and (to := _TO.match(scanned, slot.end())) \
                    and (recipients := coordinated_after(scanned, judgements, to.end())):
                owned = recipients  # "gives the same grade to the service for care leavers"
            if not owned and _BOTH_COUNTS.match(scanned, slot.end()) and (
                    _safeguarding_and_looked_after(scanned, published) or _SLAC_NAMED.search(sentence)):
                owned = ["safeguarding", "children_in_care"]  # "good on both counts", "adequate for both" (2009-12)
            if not owned and (named_inspection := _IN_INSPECTION.match(scanned, slot.end())):
                owned = ["child_protection"] if named_inspection["cp"] else (  # "judged inadequate in its child
                    ["safeguarding", "children_in_care"] if named_inspection["la"] else ["safeguarding"])  # protection
                # inspection", "adequate in the safeguarding (and looked after children) inspection of 2011"
            if not owned and not judgements:
                owned = list(inherited)
            stated = bool(owned)
            if group == "g35":
                if not owned:
                    continue  # "the council needs to improve": no judgement's verdict
                label = "requires improvement"
            if slot.group("g4") and _SKILL.match(scanned, slot.end()):
                continue  # "leadership was good at setting priorities": the adjective
            if _DETERMINER_BEFORE.search(scanned, 0, slot.start(group)) and _OTHER_NOUN_AFTER.match(scanned,
                                                                                                 slot.end(group)):
                continue  # "found it a good place to work", "plus more good news": an adjective before another noun
            if (_GENERIC_SUBJECT.search(scanned, 0, slot.start(group)) and _GENERIC_PREDICATE.match(scanned,
                                                                                                  slot.end(group))) \
                    or (group == "g29" and _GRADE_DEFINED.match(scanned, slot.end(group))):
                continue  # "a county rated outstanding may still receive ...", "Outstanding is the highest grade
                # Ofsted can give": any council of a kind, the scale itself
            if not owned:
                if _PART_SUBJECT.search(before):
                    continue  # "most of what we do was found to be good": a part's grade, no judgement's
                if slot.group("g4") and not (
                        _SERVICES_SUBJECT.search(_INSERTED.sub(" ", before)) or refers_to_judgement(before)
                        or ((_COUNCIL_PRONOUN.search(before)
                             or ((verdicts or _NAME_OPENS.match(before)) and _AND_PREDICATE.search(before))
                             or _NAME_SUBJECT.search(_INSERTED.sub(" ", before)))
                            and _VERDICT_END.match(scanned, slot.end()))):
                    continue
                # "Leadership was rated outstanding; in 2019 it had been good": "it" is the judgement just graded
                graded = (verdicts[-1][2] if verdicts[-1][7] else []) if verdicts else \
                    [claims[-1].judgement] if claims and claims[-1].judgement_stated else []
                owned = graded if _IT_BEFORE.search(before) and len(graded) == 1 \
                    and graded[0] != "overall_effectiveness" else ["overall_effectiveness"]
            since = previous_end  # text before this verdict that no earlier verdict owns
            # "improved since the last inspection"; not the words of an inserted "previously good"
            own_text = _SINCE_LAST.sub(" ", _blank_spans(scanned, [s for s in inserted if not s[0] <= slot.start()
                                                                    < s[1]])[max(since, history_from):slot.end()])
            after_history = _HISTORY_AFTER.match(scanned, slot.end())
            historical = group in ("g19", "g20", "gins") or (
                not _NOW.search(scanned, since, slot.start(group)) and bool(
                    _HISTORY_CUE.search(own_text) or after_history or _WHEN_EARLIER.search(scanned, 0, slot.start())))
            # a year after the next verdict, or after a grade left behind ("good, from requires improvement in 2018"),
            # is that one's own
            until = min(([slots[n + 1].start()] if n + 1 < len(slots) else [])
                        + [s for _, _, s, _ in transitions if s > slot.end()], default=None)
            year, ends, anchor = _year_near(timed, slot.start(group), slot.end(), since, published, until)
            if group == "gag" and year is None:
                continue  # a grade given again tells only its time: none read, nothing new
            if group == "g23" and (own := YEAR.search(slot.group())):  # "its 2018 grade for X, outstanding,"
                year, anchor = int(own.group()), "stated"
            # an inserted earlier grade leaves the subject to the next
            previous_end = since if group in ("g19", "gins", "gbr") else ends
            if following and named_after:  # "outstanding for A and for B, and good for C": A and B are not C's
                previous_end = max(previous_end, following.end())
            if after_history:  # "X, rated inadequate at its last inspection, is now ...": that time is this verdict's
                close = scanned.find(",", after_history.end(), until or len(scanned))
                previous_end = max(previous_end, close if close >= 0 else after_history.end())
            history_from = max(previous_end, ends)
            inserted_after = owned if any(a <= slot.start() < b for a, b in inserted) else []
            if historical and year is None and (m := _YEAR.search(timed, since, until or len(timed))):
                year, anchor = int(next(g for g in m.groups() if g)), "stated"
            if anchor == "relative" and published is not None and year is not None and year < published.year:
                historical = True
            if historical and anchor == "publication":
                anchor = "previous_inspection"
            status = "hypothetical" if hypothetical else "historical" if historical or recalled else "current"
            years = _listed_years(scanned, since, slot.end(), year) if anchor == "stated" else [year]
            if anchor == "stated" and (again := _SO_WAS_YEAR.match(scanned, slot.end())):  # "2015 was requires
                years = list(dict.fromkeys([*years, int(again[1])]))            # improvement, and so was 2019"
            if (last_n := _LAST_N_INSPECTIONS.match(scanned, slot.end())) and historical:  # "the same grade as at the
                named = [int(y) for y in re.findall(r"(?:19|20)\d{2}", scanned[last_n.end():])]  # last two
                if len(named) >= 2:                                         # inspections: in 2017 and in 2020"
                    years = list(dict.fromkeys(named[:count_of(last_n["n"])]))
            times = [(status, each, anchor) for each in years]  # (status, year, anchor) of each verdict it gives
            if status != "hypothetical" and (series := _SERIES_YEARS.match(scanned, slot.end())) \
                    and (series["counted"] or _SERIES_ORDINAL.search(scanned, 0, slot.start(group))):
                times = [] if series["counted"] else [(status, None, "publication")]  # (a "third" one: today's)
                times += [("historical" if published is not None and each < published.year else status, each,
                           "stated") for each in dict.fromkeys(int(y) for y in YEAR.findall(series["years"]))]
            verdicts.extend((slot.start(group), slot.end(), owned, label, *time, stated) for time in times)
        segment = 0  # each verdict owns the text from the end of the one before it
        for start, end, owned, label, status, year, anchor, stated, place in sorted(_respective(scanned, verdicts),
                                                                                      key=lambda v: v[0]):
            grade = normalise_grade(label)
            if grade is not None:
                for judgement in dict.fromkeys(owned):
                    claims.append(RatingClaim(judgement, grade, " ".join(label.split()), year, status, clause, start,
                                              segment, anchor, stated, place))
            segment = end
    return _dated_by_lead(claims, lead, published) if lead is not None else claims


# "rated good and inadequate respectively", "in 2015, 2017 and 2019 respectively": one item per subject, in order
_RESPECTIVELY = r"(?=[^.;]{0,60}?\brespectively\b)"
_RESPECTIVE_GRADES = re.compile(rf"{Q}{GRADE_PHRASE}{QE}(?:\s*,\s*{Q}{GRADE_PHRASE}{QE})*\s*,?\s+and\s+{Q}"
                                rf"{GRADE_PHRASE}{QE}{_RESPECTIVELY}", re.I)
_RESPECTIVE_YEARS = re.compile(rf"\b(?:19|20)\d{{2}}(?:\s*,\s*(?:in\s+)?(?:19|20)\d{{2}})*\s*,?\s+and\s+(?:in\s+)?"
                               rf"(?:19|20)\d{{2}}\b{_RESPECTIVELY}")
_GRADE_WORDS = re.compile(GRADE_PHRASE, re.I)


def _respective(scanned: str, verdicts: list[tuple]) -> list[tuple]:
    """The verdicts, each with its place in a "respectively" list (else None). "Rated good and inadequate
    respectively": the first grade was read as a verdict, the others are added after it with its judgements,
    status and year; "rated inadequate in 2015 and 2017 respectively": the verdict read once per year takes each
    year's place; both lists: grade i takes year i."""
    years_listed = _RESPECTIVE_YEARS.search(scanned)
    years = [int(y) for y in re.findall(r"(?:19|20)\d{2}", years_listed.group())] if years_listed else []
    grades_listed = _RESPECTIVE_GRADES.search(scanned)
    first = next((v for v in verdicts if grades_listed and grades_listed.start() <= v[0] < grades_listed.end()), None)
    if grades_listed and first is not None:
        _, _, owned, _, status, year, anchor, stated = first
        labels = list(_GRADE_WORDS.finditer(grades_listed.group()))
        placed = [(*v, None) for v in verdicts if not grades_listed.start() <= v[0] < grades_listed.end()]
        by_judgement = len(owned) == len(labels)  # "A, B and C were rated X, Y and Z respectively": A is X, ...
        for i, label in enumerate(labels):
            at = grades_listed.start() + label.start()
            each_year, each_anchor = (years[i], "stated") if len(years) == len(labels) else (year, anchor)
            placed.append((at, at + len(label.group()), [owned[i]] if by_judgement else owned, label.group(), status,
                           each_year, each_anchor, stated, None if by_judgement else i))
        return placed
    return [(*v, years.index(v[5]) if len(years) > 1 and v[5] in years and v[6] == "stated" else None)
            for v in verdicts]


# "The boroughs judged to require improvement are Dudley, Walsall and Wolverhampton"
_LIST_AFTER_VERB = re.compile(rf"^(?P<lead>.*?\b(?:{VERDICT_PARTICIPLE}|placed|put|classed)\b.*?)"
                              r"\s+(?:are|were|include[sd]?)\s+(?P<names>[A-Z][^.]*?(?:,|\band\b)[^.]*?)\.?$")
# "Four councils - Kirklees, Thurrock, Enfield and Cumbria - were rated good"
_DASHED_LIST = re.compile(r"^(?P<lead_a>.*?)\s[-–—]\s(?P<names>[^-–—]+?(?:,|\band\b)[^-–—]+?)\s[-–—]\s(?P<lead_b>.+)$")
# "Seven councils, Oldtown among them, were rated good", "Five authorities - including A and B - were judged
# inadequate": a counted group naming some of its members
_MEMBERS_NAMED = re.compile(
    rf"^(?P<lead_a>.*?\b{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?(?:councils|local\s+authorities|authorities|areas|departments"
    r"|boroughs|counties))\s*(?:,|\s[-–—]|\()\s*(?:(?:including|among\s+them|such\s+as)\s+(?P<names_a>[^-–—(),;]+?)"
    r"|(?P<names_b>[^-–—(),;]+?)\s+(?:among\s+them|included))\s*(?:,|[-–—]\s|\))\s*(?P<lead_b>.+)$", re.I)
_LIST_VERB = re.compile(rf"\b(?:{VERDICT_PARTICIPLE}|placed|put|classed)\b", re.I)  # a cheap look first
_MEMBER_MARK = re.compile(r"\b(?:including|among\s+them|such\s+as|included)\b", re.I)  # a cheap look first
_LIST_SEPARATOR = re.compile(r"\s*(?:;|,|\band\b)\s*")


def lead_in_verdicts(lead: str, published: date | None = None, antecedent: str | None = None) -> list[RatingClaim]:
    """The verdicts of a list's lead-in ("The councils rated good overall were", "Seven judged inadequate:"):
    one current verdict, with any earlier ones it recalls; none if it gives no single current grade. The
    councils at large it speaks of are the list's items, so they do not make it someone else's verdict."""
    scanned = _AGGREGATE.sub(" rated", _OTHER_SUBJECT.sub(" ", _AGGREGATE.sub(" rated", lead)))
    claims = [c for c in rating_claims(scanned, published, antecedent) if c.status != "hypothetical"]
    current = sum(c.status == "current" for c in claims)
    earlier_only = current == 0 and len({(c.judgement, c.grade) for c in claims}) == 1  # "Last year ... were"
    return claims if current == 1 or earlier_only else []


def shared_grade_list(sentence: str, published: date | None = None, antecedent: str | None = None
                      ) -> tuple[list[RatingClaim], list[str], str, bool] | None:
    """'The seven judged inadequate are: A; B; C and D' -> (the grade claims, ['A', 'B', 'C', 'D'], 'A; B; C and
    D', False): one current verdict, with any earlier ones the lead-in recalls ("rated good after previously being
    judged ..."). The last element is True when the names are only some members of a counted group ("ten
    councils, A among them, were ..."): then one name is list enough.

    The lead-in before the colon holds the verdict; the councils named in the items are found by the caller.
    """
    lead, colon, names = sentence.partition(":")
    examples = False
    if not colon:
        if _MEMBER_MARK.search(sentence) and (m := _MEMBERS_NAMED.match(sentence)):
            lead, names, examples = f"{m['lead_a']} {m['lead_b']}", m["names_a"] or m["names_b"], True
        elif _LIST_VERB.search(sentence) and (m := _LIST_AFTER_VERB.match(sentence)):
            lead, names = m["lead"], m["names"]
        elif m := _DASHED_LIST.match(sentence):
            lead, names = f"{m['lead_a']} {m['lead_b']}", m["names"]
    if not names.strip():
        return None
    claims = lead_in_verdicts(lead, published, antecedent)
    if not claims:
        return None
    items = [n.strip(" .'\"") for n in _LIST_SEPARATOR.split(names.strip().rstrip("."))]
    return claims, [n for n in items if n], names, examples


def table_row_claim(row: str) -> RatingClaim | None:
    """'Impact of leaders | Requires improvement to be good' (a judgement table row) -> the claim."""
    cells = [c.strip() for c in row.split(CELL_SEPARATOR) if c.strip()]
    if len(cells) < 2:
        return None
    label = next((c for c in cells if normalise_grade(c)), None)
    if label is None:
        return None
    judgement = next((NAMES[m.lastgroup] for c in cells
                      if c != label and len(c) < 160 and (m := NAME.search(c))), None)
    if judgement is None:
        return None
    return RatingClaim(judgement, normalise_grade(label), label, None, "current", row)
