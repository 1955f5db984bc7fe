"""Quotations and who said them: 'NAME, ROLE, said: "..."', 'ROLE NAME said: "..."', '"...," said NAME'.

A paragraph that opens with a quote mark and names nobody continues the previous speaker's
quotation; 'Mr Ransford added:' resolves to the John Ransford named earlier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from csi.records import Block

_TITLES = (r"(?:Cllr\.?|(?:County\s+|City\s+)?Councillor|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Sir|Dame|Prof\.?|Professor"
           r"|Baroness|Lord|Lady)")
_NAME_WORD = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
_NAME = rf"(?:{_TITLES}\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
_VERB = r"(?:said|says|added|adds|commented|explained|stated|warned|told\s+[A-Z]\w+(?:\s+\w+){0,2})"
_VERB_WORDS = ("said", "says", "add", "commented", "explained", "stated", "warned", "told")  # one is in every _VERB
_OPEN = "\"“‘'"
_CLOSE = "\"”’'"
_VERB_THEN_QUOTE = re.compile(rf"\s*,?\s+{_VERB}\s*[:,]\s*(?=[{_OPEN}])")
_ATTRIBUTION_AFTER = re.compile(
    rf"^(?P<quote>[{_OPEN}].+?[,.!?][{_CLOSE}])\s*{_VERB}\s+(?P<who>[^.]+?)\.?$|"
    rf"^(?P<quote2>[{_OPEN}].+?[,.!?][{_CLOSE}])\s*(?P<who2>{_NAME})(?:,\s*(?P<role2>[^.]+?))?,?\s+{_VERB}\.?$", re.S)
_NAME_THEN_ROLE = re.compile(rf"^(?P<name>{_NAME})\s*,\s*(?P<role>.+?)\s*(?:,\s*who\b.*)?,?$", re.S)
_ROLE_COMMA_NAME = re.compile(rf"^(?P<role>[^,]{{3,160}}?),\s*(?P<name>{_NAME})\s*,?$", re.S)
# "Calderdale Council's cabinet member", "the SSI's regional director", "KCC's cabinet member"
_ORG_POSSESSIVE = re.compile(r"^(?:the\s+)?(?P<org>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,5}|council|authority)['’]s\s+"
                             r"(?P<role>.+)$")
_ROLE_THEN_NAME = re.compile(rf"^(?P<role>.*?)\s*(?P<name>{_NAME})(?:\s*,\s*who\b.*)?,?$", re.S)
_ORG_AFTER = re.compile(r"^(?P<role>.+?)\s+(?:at|of)\s+"
                        r"(?P<org>the\s+(?:council|authority)|(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:of|and|for|the|[A-Z][\w'’&-]*))*)$")
_ORG_BEFORE = re.compile(r"^(?P<org>(?:[A-Z][\w'’-]*\s+){0,3}(?:Council|Borough|Inspectorate|Association|Ofsted))\s+"
                         r"(?P<role>[a-z].+)$")
KNOWN_ORGANISATIONS = {
    "SSI": "Social Services Inspectorate",
    "LGA": "Local Government Association",
    "ADCS": "Association of Directors of Children's Services",
    "Ofsted": "Ofsted",
    "DfE": "Department for Education",
}
_NOT_PEOPLE = re.compile(r"^(?:the|a|an|it|this|they|he|she|report|inspectors?|ofsted)\b", re.I)


@dataclass(frozen=True)
class QuoteClaim:
    speaker: str
    role: str | None
    organisation: str | None
    text: str


def _clean_quote(text: str) -> str:
    text = text.strip()
    if text and text[0] in _OPEN:
        text = text[1:]
    if text and text[-1] in _CLOSE:
        text = text[:-1]
    return text.strip()


def split_role(role: str | None) -> tuple[str | None, str | None]:
    """'head of X at the Local Government Association' -> ('head of X', 'Local Government Association');
    "Calderdale Council's cabinet member" -> ('cabinet member', 'Calderdale Council')."""
    if not role:
        return None, None
    role = role.strip(" ,")
    if m := _ORG_POSSESSIVE.match(role):
        role, org = m["role"], m["org"]
        return role, KNOWN_ORGANISATIONS.get(org, "council" if org.lower() in ("council", "authority") else org)
    first, _, rest = role.partition(" ")
    if first in KNOWN_ORGANISATIONS and rest:
        return rest, KNOWN_ORGANISATIONS[first]
    if m := _ORG_BEFORE.match(role):
        return m["role"], m["org"]
    if m := _ORG_AFTER.match(role):
        return m["role"], re.sub(r"^the\s+", "", m["org"])
    return role, None


def _speaker(who: str) -> tuple[str, str | None] | None:
    """(name, role) from the words that introduce a quotation, or None if no person is named."""
    who = who.strip().rstrip(",")
    last_sentence = re.split(r"(?<=[.!?])\s+", who)[-1].strip()
    last_clause = re.split(r"\b(?:and|but|while)\s+(?=[A-Za-z])", last_sentence)[-1].strip()
    if m := _NAME_THEN_ROLE.match(who) or _NAME_THEN_ROLE.match(last_sentence):
        name, role = m["name"], m["role"]
    elif m := _ROLE_COMMA_NAME.match(last_sentence) or _ROLE_THEN_NAME.match(last_clause):
        name, role = m["name"], m["role"].strip() or None
    else:
        return None
    if _NOT_PEOPLE.match(name) or (len(name.split()) < 2):
        return None
    return name, role


def quotations(blocks: list[Block]) -> list[QuoteClaim]:
    """Every attributed quotation in the paragraphs of a document, continuations merged."""
    found: list[QuoteClaim] = []
    people: dict[str, tuple[str, str | None]] = {}  # surname -> (full name, role)
    last: QuoteClaim | None = None
    for block in blocks:
        if block.kind not in ("paragraph", "quote"):
            last = None
            continue
        text = block.text.strip()
        claim = _attributed(text, people)
        if claim is None and _is_attribution(text):
            last = None  # a quotation attributed to no person ("said the report") ends the previous one
        elif claim:
            found.append(claim)
            last = claim
        elif last is not None and text[:1] in _OPEN:
            merged = QuoteClaim(last.speaker, last.role, last.organisation, f"{last.text} {_clean_quote(text)}")
            found[-1] = merged
            last = merged
        else:
            last = None
    return found


def _attribution_before(text: str) -> tuple[str, str] | None:
    """(who, quotation) for 'WHO said: "..."', the first such verb not itself inside a quotation."""
    if not any(verb in text for verb in _VERB_WORDS):  # (a quick test first: most paragraphs quote nobody)
        return None
    for m in _VERB_THEN_QUOTE.finditer(text):
        who = text[:m.start()]
        if not any(mark in who for mark in "\"“‘"):
            return who, text[m.end():]
    return None


def _is_attribution(text: str) -> bool:
    return bool(_attribution_before(text) or _ATTRIBUTION_AFTER.match(text))


def _attributed(text: str, people: dict[str, tuple[str, str | None]]) -> QuoteClaim | None:
    if before := _attribution_before(text):
        who, quote = before
    elif m := _ATTRIBUTION_AFTER.match(text):
        quote = m["quote"] or m["quote2"]
        who = m["who"] if m["quote"] else f"{m['who2']}, {m['role2']}" if m["role2"] else m["who2"]
    else:
        return None
    speaker = _speaker(who)
    if speaker is None:
        return None
    name, role = speaker
    surname = name.split()[-1]
    bare = re.sub(rf"^{_TITLES}\s+", "", name)
    if len(bare.split()) < 2 and surname in people:
        name, known_role = people[surname]
        role = role or known_role
    elif len(bare.split()) < 2:
        return None
    else:
        name = bare
        people.setdefault(surname, (name, role))
    role, organisation = split_role(role)
    return QuoteClaim(name, role, organisation, _clean_quote(quote))
