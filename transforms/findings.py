"""Findings: what inspectors praised, criticised or asked to improve, with a theme.

Two shapes carry findings in reports and in the news that echoes them:
- a list under a lead-in ("inspectors highlighted that:", "areas for improvement are:"),
  whose lead-in says the kind for all its items (or, when neutral, each item's own tone);
- prose that reports the inspectors ("Inspectors noted ...", "X should improve ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

from csi.records import Block
from transforms.text import sentences, without_long_quotes

_RECOMMENDATION = re.compile(
    r"\b(?:should|recommend\w*|what\s+needs\s+to\s+improve|must\s+(?:now\s+)?(?:improve|ensure|address)"
    r"|priority\s+actions?)\b", re.I)
_WEAKNESS = re.compile(
    r"\b(?:weak\w*|poor\w*|fail\w*|shortcomings?|concerns?|concerned|criticis\w*|did\s+not|didn't|not\s+\w+ed"
    r"|lack\w*|problem\w*|insufficient\w*|inadequate|inconsisten\w*|variable|drift\w*|gaps?|delays?|not\s+always"
    r"|not\s+yet|not\s+sufficiently|areas?\s+(?:where|in\s+which|for)\b.*\bimprove\w*|needs?\s+to\s+improve"
    r"|requires?\s+improvement|too\s+(?:many|few|long|slow|high|low|often)|unchallenging|ignorance|inability|no-one|nobody"
    r"|lost\s+sight|declin\w*|deteriorat\w*|worr\w*)\b", re.I)
_STRENGTH = re.compile(
    r"\b(?:strengths?|strong\w*|good|praised?|positive\w*|highlighted|effective\w*|impress\w*|excellent"
    r"|outstanding|benefit\w*|timely|well[-\s]\w+|skilled|committed|commitment|improved|improving|thoughtful"
    r"|tenacious|high[-\s]quality|robust|rigorous|comprehensive|sensitive|clear|successful\w*|value|valued"
    r"|ambition\w*|significant\s+strength|particularly\s+impressive|safe|sophisticated)\b", re.I)
_REPORTING = re.compile(
    r"\b(?:inspectors?|Ofsted|the\s+report|they|it)\b[^.]{0,80}?\b(?:found|finding|find|noted|praised|highlighted"
    r"|said|says|warned|reported|concluded"
    r"|criticised|identified|observed|raised|were\s+(?:positive|impressed|concerned|critical)|commended)\b"
    r"|\bwere\s+found\s+to\b|\bwas\s+found\s+to\b", re.I)
# The subject is a name (capitalised words: "Hillingdon", "The authority") or the council's leaders;
# case matters here, so "the government must" or "councils should" (policy talk) do not match.
_SHOULD = re.compile(r"^(?:[^,]{0,80},\s+)?"
                     r"(?:(?:Inspectors|Ofsted|The\s+report|They)\s+(?:said|found|recommended|added|concluded|warned)"
                     r"\s+(?:that\s+)?)?"
                     r"(?!(?:You|We|I|They|People|The\s+government|Government|Councils)\b)"
                     r"(?P<subject>(?:[A-Z][\w'’-]+\s*){1,4}|[Tt]he\s+(?:authority|council|local\s+authority)"
                     r"|(?:[Ss]enior\s+)?[Ll]eaders|[Ii]t)\s+(?:should|must|needs\s+to)\s+(?:also\s+)?")
_AND_SHOULD = re.compile(r",?\s+and\s+(?:should|must)\s+(?:also\s+)?", re.I)

THEME_KEYWORDS: list[tuple[str, str]] = [
    ("care_leavers", r"care\s+leavers?|pathway\s+plans?|living\s+independently|independen\w+\s+living"),
    ("adoption", r"adopt\w*"),
    ("exploitation_missing", r"exploitation|missing|return\s+home\s+interviews?"),
    ("early_help", r"early\s+help|preventi\w+|prevent\b|coming\s+into\s+care"),
    ("front_door", r"referrals?|thresholds?|front\s+door|\bMASH\b|duty|out-of-hours|strategy\s+discussions?"
                   r"|immediate\s+harm|child\s+protection\s+arrangements"),
    ("disabled_children", r"disabilit\w+|disabled"),
    ("voice_of_child", r"advocacy|voice|complain\w*|rights|wishes\s+and\s+feelings|participation|identity"),
    ("permanence", r"permanen\w+|public\s+law\s+outline|care\s+proceedings|long-term\s+foster"),
    ("placements", r"placements?|foster\w*|sufficiency|where\s+they\s+live|accommodation|purchasing"),
    ("caseloads", r"caseloads?"),
    ("supervision", r"supervision|management\s+oversight|oversight\s+of\s+practice|frontline\s+management"),
    ("workforce", r"workforce|recruit\w*|staff\w*|social\s+workers?|agency|turnover|retention|permanent\s+staff"),
    ("governance", r"governance|scrutiny|councillors?|corporate\s+parenting|members|held\s+to\s+account"
                   r"|health\s+and\s+wellbeing\s+board|children'?s\s+trust"),
    ("leadership", r"leaders?|leadership|senior\s+managers?|director|management\s+culture|corporate|culture"),
    ("performance_management", r"performance|monitoring|management\s+information|quality\s+assurance|audits?"
                               r"|evaluation|analysis|data|case\s+files?|records?"),
    ("partnership", r"partners?|partnership|multi-agency|agencies|joined\s+up"),
    ("assessment", r"assessments?|assessed"),
    ("planning", r"plans?|planning|decision[-\s]making"),
]
_THEMES = [(theme, re.compile(rf"\b(?:{pattern})\b", re.I)) for theme, pattern in THEME_KEYWORDS]


@dataclass(frozen=True)
class FindingClaim:
    kind: str
    theme: str
    text: str


def classify_theme(text: str) -> str:
    """The theme whose keywords occur most often (earlier themes win ties); 'other' if none."""
    best, best_score = "other", 0
    for theme, pattern in _THEMES:
        score = len(pattern.findall(text))
        if score > best_score:
            best, best_score = theme, score
    return best


def tone(text: str) -> str | None:
    """'strength' or 'weakness' when the cue words lean one way; None when they balance."""
    weak = len(_WEAKNESS.findall(text))
    strong = len(_STRENGTH.findall(text))
    if strong > weak:
        return "strength"
    if weak > strong:
        return "weakness"
    return None


def lead_in_kind(text: str) -> str | None:
    """The kind a lead-in sentence gives its list: recommendation, weakness, strength or None (neutral)."""
    if _RECOMMENDATION.search(text):
        return "recommendation"
    if _WEAKNESS.search(text):
        return "weakness"
    if _STRENGTH.search(text):
        return "strength"
    return None


def with_implicit_lists(blocks: list[Block], max_item_chars: int = 160) -> list[Block]:
    """Short one-sentence paragraphs after a colon lead-in become a list (older sites write lists so)."""
    out: list[Block] = []
    next_id = max((b.list_id or 0 for b in blocks), default=0) + 1
    current: int | None = None
    for block in blocks:
        is_item = (current is not None and block.kind == "paragraph" and len(block.text) <= max_item_chars
                   and not block.text.rstrip().endswith(":") and len(sentences(block.text)) == 1)
        if is_item:
            out.append(Block("list_item", block.text, list_id=current))
            continue
        current = None
        if block.kind == "paragraph" and block.text.rstrip().endswith(":"):
            current, next_id = next_id, next_id + 1
        out.append(block)
    return out


def list_findings(blocks: list[Block]) -> list[FindingClaim]:
    """Findings from lists whose lead-in (the paragraph just before, ending with a colon) sets the kind."""
    found: list[FindingClaim] = []
    previous: Block | None = None
    lead_in = ""
    for list_id, items in groupby(blocks, key=lambda b: b.list_id if b.kind == "list_item" else None):
        items = list(items)
        if list_id is None:
            previous = items[-1]
            continue
        # A list straight after another list continues under the same lead-in.
        if previous is None or previous.kind != "list_item":
            lead_in = previous.text if previous is not None and previous.kind == "paragraph" else ""
        if not lead_in.rstrip().endswith(":"):
            previous = items[-1]
            continue
        kind = lead_in_kind(sentences(lead_in)[-1])
        for item in items:
            if len(item.text.split()) < 3:  # "Comment", "Share": link chrome, not a finding
                continue
            item_kind = kind or tone(item.text)
            if item_kind:
                found.append(FindingClaim(item_kind, classify_theme(item.text), item.text))
        previous = items[-1]
    return found


def prose_findings(blocks: list[Block]) -> list[FindingClaim]:
    """Findings from paragraphs: recommendations ("X should ...") and reported inspector verdicts."""
    found: list[FindingClaim] = []
    for block in blocks:
        if block.kind != "paragraph" or block.text.rstrip().endswith(":"):
            continue
        for narrative in sentences(without_long_quotes(block.text)):
            if _SHOULD.match(narrative.strip()):
                for part in _AND_SHOULD.split(narrative.strip()):
                    found.append(FindingClaim("recommendation", classify_theme(part), part.strip().rstrip(".") + "."))
            elif _REPORTING.search(narrative) and (kind := tone(narrative)):
                found.append(FindingClaim(kind, classify_theme(narrative), narrative))
    return found
