"""Services a trust or a company runs or took over are what it delivers, not what inspectors judged.

"Together for Children took over fostering, adoption and social work from the council in 2017" names the
trust's remit: its grade (if the sentence gives one) is the council's overall grade, not a grade for adoption,
and the year of the takeover is not the year of a verdict. The span is blanked before judgements and years are
looked for (same length: offsets into the clause still hold).
"""

from __future__ import annotations

import re

from transforms.grades import GRADE_PHRASE

# "took over fostering, adoption and social work from the council in 2017", "runs adoption and children's social
# care for the borough": a verb of delivery and its object, lower-case service words joined by commas and "and",
# then whom for and when; never a verb, a modal, a conjunction or a grade (the clause goes on there).
_STOP = (rf"(?:is|are|was|were|be|has|have|had|been|being|which|who|whose|rated|judged|graded|found|deemed|said|says"
         rf"|would|could|will|shall|should|may|might|must|can|until|unless|if|when|after|before|since|while|but"
         rf"|because|so|though|although|{GRADE_PHRASE})\b")
_WORD = rf"(?!{_STOP})[a-z][\w'’-]*"
_ITEM = rf"{_WORD}(?:\s+{_WORD}){{0,3}}"
_DELIVERY = re.compile(
    r"\b(?:(?:took|taken|takes|taking)\s+over(?!\s+as\b)(?:\s+(?:the\s+)?(?:running|delivery|responsibility)\s+(?:of|for))?"
    r"|(?:runs|running|ran)(?!\s+(?:by|of)\b)|deliver(?:s|ed|ing)(?!\s+by\b)|responsib(?:le|ility)\s+for"
    r"|in\s+charge\s+of|transferr(?:ed|ing)|outsourc(?:ed|ing))\s+"
    rf"(?:(?:the|its|their)\s+)?{_ITEM}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s+){_ITEM}){{0,6}}"
    r"(?:\s+(?:from|for|on\s+behalf\s+of)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,4}(?:(?:city|county|borough)\s+)?"
    r"(?:council|authority)?)?"
    r"(?:\s*,?\s+in\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d{2}\b)?")


def without_delivery_scope(text: str) -> str:
    """The text with the services a trust runs or took over blanked out (same length, offsets kept)."""
    return _DELIVERY.sub(lambda m: " " * len(m.group()), text)
