"""Metamorphic testing of the claims grammar: a text's ratings must not change when a grade, a verdict verb, a
judgement or a council is named by an equivalent wording ("requires improvement" / "RI" / "requires improvement to
be good"; "rated" / "judged to be" / "assessed as"; "help and protection" / "children who need help and protection";
"Luton" / "Luton Borough Council").

Each SUBSTITUTION rewrites every occurrence it may rewrite (only where the new wording means exactly what the old one
did) and leaves the rest of the text alone; `variant_rows` reads a text and its variant through the whole extraction.
Diagnostic: ``python -m tests.vocabulary_variants CORPUS.pkl`` counts the divergences, by substitution, over a corpus
of Documents (captured from the claims tests with ``CSI_VOCAB_CAPTURE=CORPUS.pkl pytest -p tests.vocabulary_variants
tests/test_claims*.py``) and the gold pages.
"""

from __future__ import annotations

import os
import pickle
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from csi.records import Block, Document

_Q = "[‘'\"“]?"
_QE = "[’'\"”]?"
# A grade word as the grammar's texts write it, in its plain wording (the forms the substitutions start from)
_RI = r"requires\s+improvement(?:\s+to\s+be\s+good)?"
_PLAIN = rf"(?:{_RI}|inadequate|outstanding|good)"
# Where a grade is a verdict's complement (never a verb: "the service requires improvement" keeps its words in "RI"
# substitutions): after a verdict verb, a copula, "as", "each", a colon or dash, a quote mark
_COMPLEMENT = (r"(?:(?<=\brated\s)|(?<=\bgraded\s)|(?<=\bjudged\s)|(?<=\bfound\s)|(?<=\bdeemed\s)|(?<=\bas\s)"
               r"|(?<=\bbe\s)|(?<=\bbeen\s)|(?<=\bwas\s)|(?<=\bwere\s)|(?<=\bis\s)|(?<=\bare\s)|(?<=\beach\s)"
               r"|(?<=\bboth\s)|(?<=\ball\s)|(?<=\bremains\s)|(?<=\bremained\s)|(?<=:\s)|(?<=–\s)|(?<=—\s)"
               r"|(?<=\s-\s)|(?<=\bout\s))")
_NOT_VERB_TAIL = r"(?!\s+(?:to\b(?!\s+be\s+good)|in\b|of\b|across\b|at\b|for\b|on\b|if\b|before\b|and\s+\w+ing\b))"


def _sub(pattern: str, repl: str | Callable[[re.Match], str], flags: int = re.I) -> Callable[[str], str]:
    compiled = re.compile(pattern, flags)
    return lambda text: compiled.sub(repl, text)


def _keep_case(word: str, new: str) -> str:
    return new[0].upper() + new[1:] if word[:1].isupper() else new


def _quoted(grade: str, left: str, right: str) -> Callable[[str], str]:
    # a grade word not already in quotes, nor part of a longer word or name ("goodwill", "Good Shepherd")
    return _sub(rf"(?<![‘'\"“\w-])(?<!to\sbe\s){grade}(?![’'\"”\w-])", lambda m: f"{left}{m.group()}{right}")


_VERBS = r"(?:rated|graded|judged)"
_GRADE_AFTER = rf"(?=\s+{_Q}(?:{_RI}|inadequate|outstanding|good|RI)\b)"
# a verdict verb directly before its grade, in any of its wordings
_VERB_BEFORE_GRADE = (rf"\b(?:(?:rated|graded|judged)(?:\s+as|\s+to\s+be)?|assessed\s+as|found\s+to\s+be"
                      rf"|deemed(?:\s+to\s+be)?){_GRADE_AFTER}")


def _verdict(new: str) -> Callable[[str], str]:
    return _sub(rf"(?<![-\w]){_VERB_BEFORE_GRADE}", lambda m: _keep_case(m.group(), new))


# An uncoordinated grade after a passive verdict: "was rated good" -> "was given a good rating"
_PASSIVE = re.compile(rf"\b(was|were|been|being|is|are)\s+{_VERB_BEFORE_GRADE}\s+({_Q})({_PLAIN})({_QE})"
                      rf"(?!\s*(?:,|/|\band\b|\bor\b)\s*{_Q}(?:{_PLAIN}|RI)\b)(?!\s+(?:rating|grade|judgement)s?\b)",
                      re.I)


def _given_rating(text: str) -> str:
    def repl(m: re.Match) -> str:
        article = "an" if m.group(3)[0].lower() in "aeiou" else "a"
        return f"{m.group(1)} given {article} {m.group(2)}{m.group(3)}{m.group(4)} rating"
    return _PASSIVE.sub(repl, text)


def _title_case(text: str) -> str:
    return re.sub(rf"(?<![\w-]){_PLAIN}(?![\w-])", lambda m: " ".join(
        w if w in ("to", "be") else w[0].upper() + w[1:] for w in m.group().split()), text, flags=re.I)


# The grade substitutions: name -> rewrite of a text
GRADE_SUBSTITUTIONS: dict[str, Callable[[str], str]] = {
    "RI -> RI to be good": _sub(rf"\brequires\s+improvement(?!\s+to\s+be\s+good){_NOT_VERB_TAIL}",
                                lambda m: m.group() + " to be good"),
    "RI to be good -> RI": _sub(r"\brequires\s+improvement\s+to\s+be\s+good\b", "requires improvement"),
    "RI -> 'RI' (capitals)": _sub(rf"{_COMPLEMENT}{_RI}\b{_NOT_VERB_TAIL}", "RI"),
    "RI -> requires-improvement": _sub(rf"{_COMPLEMENT}requires\s+improvement\b(?!\s+to\s+be){_NOT_VERB_TAIL}",
                                       lambda m: _keep_case(m.group(), "requires-improvement")),
    "grades in Title Case": _title_case,
    "good -> 'good'": _quoted("good", "'", "'"),
    "good -> “good”": _quoted("good", "“", "”"),
    "inadequate -> 'inadequate'": _quoted("inadequate", "'", "'"),
    "outstanding -> 'outstanding'": _quoted("outstanding", "'", "'"),
    "RI -> 'requires improvement'": _quoted(_RI, "'", "'"),
}
VERB_SUBSTITUTIONS: dict[str, Callable[[str], str]] = {
    "verdict -> rated": _verdict("rated"),
    "verdict -> graded": _verdict("graded"),
    "verdict -> judged": _verdict("judged"),
    "verdict -> judged to be": _verdict("judged to be"),
    "verdict -> rated as": _verdict("rated as"),
    "verdict -> assessed as": _verdict("assessed as"),
    "verdict -> found to be": _verdict("found to be"),
    "verdict -> deemed": _verdict("deemed"),
    "was rated X -> was given an X rating": _given_rating,
}
# Judgement names, each for its long or short name (never inside a longer name, nor after a determiner that would
# not fit it)
JUDGEMENT_SUBSTITUTIONS: dict[str, Callable[[str], str]] = {
    "help and protection -> children who need help and protection": _sub(
        r"(?<!need\s)(?<!needing\s)(?<!needed\s)(?<!for\s)(?<!of\s)(?<!the\s)(?<!its\s)\bhelp\s+and\s+protection\b"
        r"(?!\s+(?:for|of|to|given)\b)", lambda m: _keep_case(m.group(), "children who need help and protection")),
    "children in care -> looked after children": _sub(
        r"(?<!of\s)(?<!for\s)\bchildren\s+in\s+care\b(?!\s+and\s+care\s+leavers)(?!\s+(?:and|to|for|of)\b)",
        lambda m: _keep_case(m.group(), "looked after children")),
    "leadership -> the impact of leaders": _sub(
        r"(?<![\w'’]\s)(?<!the\s)(?<!its\s)(?<!their\s)\bleadership\b(?!,?\s+(?:and|management|team|of|in|on|'s)\b)"
        r"(?=\s+(?:was|were|is|has|had|remained|remains|and|\(|–|-)|\s*[,:;])",
        lambda m: _keep_case(m.group(), "the impact of leaders")),
}
SUBSTITUTIONS = GRADE_SUBSTITUTIONS | VERB_SUBSTITUTIONS | JUDGEMENT_SUBSTITUTIONS


def council_substitutions(doc: Document) -> dict[str, Callable[[str], str]]:
    """"Luton" -> "Luton Council" / "Luton council" for every council the document names by its bare name (where
    the name stands alone: not followed by "Council" or another capitalised word, nor a possessive)."""
    from transforms.councils import default_index

    names = {m.surface for m in default_index().find_mentions(doc.text, on=doc.published_on)
                    if re.fullmatch(r"[A-Z][a-z][\w-]*(?:\s+(?:[A-Z][a-z][\w-]*|upon|on|and))*", m.surface)
                    and not re.search(r"\b(?:Council|Borough|County|City|Metropolitan)\b", m.surface)}
    if not names:
        return {}
    # (the longest name first; not a place: "in Devon", "the re-referral rate in Hartlepool")
    alone = re.compile(rf"(?<![\w-])(?<!\bin\s)(?:{'|'.join(map(re.escape, sorted(names, key=len, reverse=True)))})"
                       r"(?![\w-])(?!['’]s)(?!\s+(?:[A-Z]\w*|council|borough|county|city|and|&|upon|on|with)\b)"
                       r"(?!\s*,\s+(?:[A-Z]\w*\s+)?(?:and|&)\s)")
    return {"X -> X Council": lambda text: alone.sub(lambda m: m.group() + " Council", text),
            "X -> X council": lambda text: alone.sub(lambda m: m.group() + " council", text)}


def rewrite(doc: Document, substitution: Callable[[str], str]) -> Document:
    """The document with every block (and its text and title) rewritten."""
    blocks = [replace(b, text=substitution(b.text)) for b in doc.blocks]
    return replace(doc, blocks=blocks, text=substitution(doc.text), title=doc.title and substitution(doc.title),
                   comments=[replace(b, text=substitution(b.text)) for b in doc.comments])


def rows(doc: Document, council: str | None = None) -> frozenset[tuple]:
    """(council, judgement, grade, year, historical) of every rating the document yields (the language alone)."""
    from transforms.extract import extract

    return frozenset((r.council_code, r.judgement, r.grade, r.rated_year, r.is_historical)
                     for r in extract(doc, council=council, link_official=False).ratings)


def sample_doc(blocks: list[tuple[str, str, int | None]], published: str | None) -> Document:
    """A news document of (kind, text, list_id) blocks, as the claims tests build them."""
    from tests.claim_docs import news_doc

    return news_doc([Block(kind, text, list_id=list_id) for kind, text, list_id in blocks],
                    date.fromisoformat(published) if published else None)


# ------------------------------------------------------------------------------------------------ the diagnostic

def divergences(docs: list[tuple[str, Document, str | None]], substitutions: dict[str, Callable[[str], str]],
                councils: bool = False) -> tuple[Counter, Counter, dict[str, list]]:
    """(tried, diverged, examples) by substitution over (name, document, council) triples."""
    tried, diverged, examples = Counter(), Counter(), {}
    for name, doc, council in docs:
        before = None
        by_council = council_substitutions(doc) if councils else {}
        for sub_name, substitution in (substitutions | by_council).items():
            variant = rewrite(doc, substitution)
            if variant.text == doc.text and variant.title == doc.title:
                continue
            before = rows(doc, council) if before is None else before
            after = rows(variant, council)
            tried[sub_name] += 1
            if after != before:
                diverged[sub_name] += 1
                examples.setdefault(sub_name, []).append((name, doc, variant, before, after))
    return tried, diverged, examples


def _gold_docs() -> list[tuple[str, Document, str | None]]:
    from front.evaluation.gold import DEFAULT_GOLD, load_pages, run_page

    return [(f"gold:{page.name}", run_page(page, link_official=False)[0], page.spec["source"].get("council"))
            for page in load_pages(DEFAULT_GOLD)]


def main(argv: list[str]) -> None:
    docs = []
    for path in argv[1:]:
        with open(path, "rb") as f:
            for node, captured in pickle.load(f).items():
                docs += [(node, doc, council) for doc, council in captured]
    docs += _gold_docs()
    only = re.compile(os.environ.get("ONLY", ""))
    tried, diverged, examples = divergences(docs, {k: v for k, v in SUBSTITUTIONS.items() if only.search(k)},
                                            councils=bool(only.search("X -> X council")))
    verbose = os.environ.get("VERBOSE")
    for name in [*SUBSTITUTIONS, "X -> X Council", "X -> X council"]:
        print(f"{diverged[name]:5d} / {tried[name]:5d}  {name}")
        if verbose and name in examples:
            for node, _doc, variant, before, after in examples[name][:int(verbose)]:
                print(f"    {node}\n      {variant.text[:400]!r}\n      lost {sorted(before - after)}"
                      f"\n      new  {sorted(after - before)}")
    print(f"{sum(diverged.values()):5d} / {sum(tried.values()):5d}  all")


# --------------------------------------------------------------- a pytest plugin capturing the claims tests' docs

_captured: dict[str, list] = {}
_outcomes: dict[str, str] = {}
_current: list[str | None] = [None]


def pytest_configure(config) -> None:
    if not os.environ.get("CSI_VOCAB_CAPTURE"):
        return
    import transforms.extract as extract_module

    original = extract_module.extract

    def recording(doc, *args, **kwargs):
        if _current[0] is not None and not args and kwargs.get("index") is None:
            _captured.setdefault(_current[0], []).append((doc, kwargs.get("council")))
        return original(doc, *args, **kwargs)
    extract_module.extract = recording


def pytest_runtest_setup(item) -> None:
    _current[0] = item.nodeid


def pytest_runtest_logreport(report) -> None:
    if report.when == "call":
        _outcomes[report.nodeid] = report.outcome


def pytest_unconfigure(config) -> None:
    if out := os.environ.get("CSI_VOCAB_CAPTURE"):
        with open(out, "wb") as f:  # the documents of passing tests only: texts the grammar reads as they expect
            pickle.dump({node: docs for node, docs in _captured.items() if _outcomes.get(node) == "passed"}, f)


if __name__ == "__main__":
    main(sys.argv)
