"""Build csi/reference/{councils,council_aliases,official_inspections}.csv and NOTICE.md from the la-reference
sources and Ofsted's official outcomes.

Usage (from the repo root)::

    python scripts/build_reference.py [--shared PATH] [--outcomes PATH]

PATH defaults to ../shared/data/la-reference relative to the repo root and must contain the
files described in its PROVENANCE.md (mySociety, Data to Insight, DfE/ONS, DemocracyClub).

councils.csv has one row per English children's services authority (London boroughs and the
City of London, metropolitan districts, unitary authorities, county councils), current or
abolished since 2009, keyed by ONS GSS code. council_aliases.csv maps normalised names
(transforms.councils.normalise_alias) to those codes. moderngov.csv gives the ModernGov committee
site (base URL) of each of those councils that has one, from DemocracyClub's LGSF metadata.
council_domains.csv gives the domain of each current council's own website, from Data to Insight's lookup.
official_inspections.csv is the official record of every graded inspection since 2009, one row per
inspection (council, framework, dates, a grade per judgement), read from the CSV copies of Ofsted's outcome
files in OUTCOMES (default ../shared/data/ofsted-la-outcomes) by transforms.official_outcomes, the parser
the warehouse loads them with.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import re
import sys
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from transforms.councils import normalise_alias  # noqa: E402

log = logging.getLogger("build_reference")

OUT_DIR = ROOT / "csi" / "reference"
DEFAULT_SHARED = ROOT.parent / "shared" / "data" / "la-reference"
DEFAULT_OUTCOMES = ROOT.parent / "shared" / "data" / "ofsted-la-outcomes"
# The one-row-per-council copy repeats the long file's facts in another layout.
OUTCOMES_SKIPPED = ("ofsted_la_inspections_2009_2023_wide.csv",)

MYSOCIETY_COMMIT = "67ef8b118938678401a452f4f19f669a7221cc73"
D2I_COMMIT = "15af1ad55ef4ecf0c314cf9edef12bd5bc1230a3"
DFE_COMMIT = "2f5d11a431050523dab58810083259d3313029ae"
LGSF_COMMIT = "5d40e23c6860b8be049b57a4ca9b177696a3c02f"

COUNCIL_COLUMNS = [
    "council_code", "name", "official_name", "kind", "region", "ofsted_urn", "dfe_la_code",
    "start_date", "end_date", "replaced_by",
]

# mySociety local-authority-type -> contract kind. Non-metropolitan districts (NMD), combined
# authorities and the GLA are not children's services authorities.
KINDS = {
    "LBO": "london_borough",
    "CC": "london_borough",  # City of London Corporation
    "MD": "metropolitan_district",
    "UA": "unitary",
    "CTY": "county",
}

# Councils abolished before this date are out of scope (and never had GSS codes anyway).
SINCE = date(2009, 1, 1)

# Nice names that are not "nice" in mySociety.
NAME_OVERRIDES = {"E06000059": "Dorset"}  # mySociety: "Dorset Council"

# DfE 3-digit LA codes of abolished councils that the Data to Insight lookup lacks (it lists
# Cumbria 909, Northamptonshire 928 and Poole 836 only). Source: DfE LA codes (Get Information
# about Schools / DfE statistics). Buckinghamshire, North Yorkshire and Somerset kept their
# codes when they became unitary; Dorset CC and Bournemouth were replaced by 838 and 839.
DFE_CODE_SUPPLEMENT = {
    "E10000002": "825",  # Buckinghamshire County Council
    "E10000023": "815",  # North Yorkshire County Council
    "E10000027": "933",  # Somerset County Council
    "E10000009": "835",  # Dorset County Council
    "E06000028": "837",  # Bournemouth Borough Council
}

# County councils abolished on 1 April 2009 whose areas were split between new unitary councils, which
# mySociety's register does not list (the five counties that became one unitary each are listed under their
# successors). Sources: the Bedfordshire (Structural Changes) Order 2008 and the Cheshire (Structural Changes)
# Order 2008 (successors, last day 31 March 2009); GSS codes from the ONS Code History Database (the E10 county
# series, allocated alphabetically to the counties of 2009); DfE LA codes 820 and 875 (DfE LA codes list).
SPLIT_IN_2009 = [
    {"council_code": "E10000001", "name": "Bedfordshire County", "official_name": "Bedfordshire County Council",
     "kind": "county", "region": "East of England", "ofsted_urn": "", "dfe_la_code": "820", "start_date": "",
     "end_date": "2009-03-31", "replaced_by": "E06000055;E06000056"},
    {"council_code": "E10000004", "name": "Cheshire County", "official_name": "Cheshire County Council",
     "kind": "county", "region": "North West", "ofsted_urn": "", "dfe_la_code": "875", "start_date": "",
     "end_date": "2009-03-31", "replaced_by": "E06000049;E06000050"},
]

# A single-word alias that is not the council's own nice name ("Hillingdon", "Kent", "Barnet"
# stay) is dropped unless listed here: such words are too often an everyday word, a surname or
# first name, or one town of a larger council area ("bath" is not Bath and North East Somerset:
# "Cllr Lily Bath"; "blackburn" is not Blackburn with Darwen). The build logs every single-word
# alias it drops (-v), so a new source name gets reviewed rather than silently matched.
SINGLE_WORD_KEEP = {
    "bristol",    # City of Bristol
    "hull",       # Kingston upon Hull: a word too, but a capitalised "Hull" is the city
    "durham",     # County Durham (Durham County Council)
    "newcastle",  # Newcastle upon Tyne (Newcastle City Council)
    "bcp",        # Bournemouth, Christchurch and Poole
    # the first word of an "X-on-Y" name, as news writes it (pattern_aliases): the town is the council
    "stoke",      # Stoke-on-Trent
    "stockton",   # Stockton-on-Tees
    "southend",   # Southend-on-Sea
    "richmond",   # Richmond upon Thames ("Kingston" is dropped: Kingston upon Hull has it too)
    # a split county's bare name: no current council has it (Central Bedfordshire, Cheshire East are others)
    "bedfordshire",
    "cheshire",
}
# "Stoke-on-Trent" -> "Stoke", "Kingston upon Thames" -> "Kingston" (dropped: Kingston upon Hull has it too)
_SHORT_NAME = re.compile(r"(\w+)(?:-on-|\s+upon\s+|\s+on\s+)\w+", re.I)
# "East Riding of Yorkshire" -> "East Riding", "Cheshire West and Chester" -> "Cheshire West": the words before a
# compound name's joining word, when at least two (one word alone is a town of the area or a surname: "Telford")
_LEADING_PART = re.compile(r"((?:[A-Z]\w+\s+)+[A-Z]\w+)\s+(?:of|and|with)\s+\w.*")


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def split_alt_names(value: str) -> list[str]:
    """mySociety alt-names: comma-separated, but a name may contain ", " ("Bristol, City of")."""
    return [part.strip() for part in re.split(r",(?! )", value) if part.strip()]


def split_also_known_as(value: str, whole_names: set[str]) -> list[str]:
    """d2i also_known_as "[BCP, Bournemouth, Christchurch & Poole]" -> ["BCP", "Bournemouth,
    Christchurch & Poole"]: fragments are re-joined when together they spell the council's name."""
    value = value.strip().strip("[]").strip()
    if not value:
        return []
    parts = [p.strip().strip("'\"") for p in value.split(",")]
    out: list[str] = []
    i = 0
    while i < len(parts):
        for j in range(len(parts), i + 1, -1):
            joined = ", ".join(parts[i:j])
            if normalise_alias(joined) in whole_names:
                out.append(joined)
                i = j
                break
        else:
            out.append(parts[i])
            i += 1
    return [p for p in out if p]


def iso(value: str | None) -> date | None:
    value = (value or "").strip()
    return date.fromisoformat(value) if value else None


# --------------------------------------------------------------------------- councils

def build_councils(shared: Path) -> tuple[list[dict[str, str]], dict[str, dict[str, str]]]:
    """Rows for councils.csv (sorted by code) and the mySociety row for each code."""
    ms_rows = read_csv(shared / "mysociety_uk_local_authorities.csv")
    chosen: dict[str, dict[str, str]] = {}
    for r in ms_rows:
        if r["nation"] != "England" or r["local-authority-type"] not in KINDS:
            continue
        end = iso(r["end-date"])
        if end is not None and end < SINCE:
            continue
        chosen[r["gss-code"]] = r

    gss_of = {r["local-authority-code"]: r["gss-code"] for r in ms_rows}

    # Data to Insight: Ofsted URN and DfE code. Abolished councils have an empty la_code_new;
    # their own GSS code is then in ltla23cd (Cumbria E10000006, Northamptonshire E10000021,
    # Poole E06000029).
    d2i: dict[str, dict[str, str]] = {}
    for r in read_csv(shared / "d2i_Provider_data_lookup.csv"):
        code = r["la_code_new"].strip() or r["ltla23cd"].strip()
        if code in d2i:
            raise SystemExit(f"d2i lookup: two rows for {code}")
        d2i[code] = r

    successors: dict[str, list[str]] = {}
    for code, r in chosen.items():
        succ = [gss_of[c.strip()] for c in r["replaced-by"].split(",") if c.strip()]
        for s in succ:
            if s not in chosen:
                raise SystemExit(f"{code} replaced by {s}, which is not a children's services authority")
        successors[code] = succ

    rows = []
    for code, r in sorted(chosen.items()):
        current = r["current-authority"] == "True"
        start = iso(r["start-date"])
        # The contract: start_date is NULL when the authority predates the records (2009).
        # mySociety's earlier start dates are partly register artefacts (2005-06-xx) anyway.
        start_out = start.isoformat() if start and start >= SINCE else ""
        end = iso(r["end-date"])
        end_out = ""
        if end is not None:
            # end_date is the last day of existence (Buckinghamshire CC: 2020-03-31). mySociety
            # sometimes gives the successor's first day instead (Cumbria: 2023-04-01).
            succ_starts = {iso(chosen[s]["start-date"]) for s in successors[code]}
            if end in succ_starts:
                end -= timedelta(days=1)
            end_out = end.isoformat()
        if current and end_out:
            raise SystemExit(f"{code} is current but has an end date")
        region = r["region"].strip()
        if not region and successors[code]:
            region = chosen[successors[code][0]]["region"].strip()
        d = d2i.get(code, {})
        dfe = d.get("la_code", "").strip() or DFE_CODE_SUPPLEMENT.get(code, "")
        rows.append({
            "council_code": code,
            "name": NAME_OVERRIDES.get(code, r["nice-name"].strip()),
            "official_name": re.sub(r"\s+", " ", r["official-name"]).strip(),
            "kind": KINDS[r["local-authority-type"]],
            "region": region,
            "ofsted_urn": d.get("urn", "").strip(),
            "dfe_la_code": dfe,
            "start_date": start_out,
            "end_date": end_out,
            "replaced_by": ";".join(successors[code]),
        })
        if current and not d:
            log.warning("current council %s %s is not in the d2i lookup", code, r["nice-name"])
    rows = sorted(rows + [dict(r) for r in SPLIT_IN_2009], key=lambda r: r["council_code"])
    missing = sorted(set(d2i) - set(chosen))
    if missing:
        log.warning("d2i rows without a council: %s", missing)
    check_against_ons(shared, {r["council_code"] for r in rows if not r["end_date"]})
    return rows, chosen


def check_against_ons(shared: Path, current: set[str]) -> None:
    """Cross-check: the current councils are the English upper-tier (UTLA) codes of the ONS
    LTLA-UTLA April 2023 lookup (upper tier = the children's services authority)."""
    utla = {
        r["UTLA23CD"]
        for r in read_csv(shared / "dfe_LTLA-UTLA_Apr23_Lookup_England-Wales.csv")
        if r["UTLA23CD"].startswith("E")
    }
    if utla != current:
        log.warning(
            "current councils differ from ONS UTLA April 2023: only ours %s, only ONS %s",
            sorted(current - utla), sorted(utla - current),
        )


# --------------------------------------------------------------------------- aliases

def _is_city(official: str, names: list[str]) -> bool:
    return bool(re.search(r"\bcity\b", official, re.I)) or any(
        re.search(r"\bcity\b", n, re.I) for n in names
    )


def _base_names(row: dict[str, str]) -> list[str]:
    """Bare place names for the patterns: "City of Bristol" -> "Bristol", "County Durham" ->
    "Durham", "Buckinghamshire County" (former county council) -> "Buckinghamshire"."""
    name = row["name"]
    if row["council_code"] == "E09000001":  # never "London" for the City of London
        return [name]
    if row["kind"] == "county" and name.endswith(" County"):
        return [name[: -len(" County")]]
    m = (
        re.fullmatch(r"City of (.+)", name)
        or re.fullmatch(r"(.+), City of", name)
        or re.fullmatch(r"County (.+)", name)
    )
    return [m.group(1)] if m else [name]


def pattern_aliases(row: dict[str, str], names: list[str]) -> set[str]:
    kind, official, code = row["kind"], row["official_name"], row["council_code"]
    out: set[str] = set()
    if code == "E09000001":  # City of London Corporation: its names come from the sources
        return {"Corporation of London"}
    city = _is_city(official, names)
    for b in _base_names(row):
        out.add(f"{b} Council")
        if short := _SHORT_NAME.fullmatch(b):
            out.add(short.group(1))
        if leading := _LEADING_PART.fullmatch(b):
            out.add(leading.group(1))
        if city:
            out |= {f"{b} City Council", f"City of {b}", f"City of {b} Council"}
        if kind == "london_borough":
            out |= {
                f"London Borough of {b}", f"{b} LBC", f"{b} London Borough Council",
                f"{b} Borough Council", f"{b} London Borough",
            }
            if official.startswith("Royal Borough"):
                out |= {f"Royal Borough of {b}", f"{b} Royal Borough Council"}
        elif kind == "metropolitan_district":
            out |= {
                f"{b} MBC", f"{b} Metropolitan Borough Council", f"{b} Borough Council",
                f"{b} Metropolitan District Council", f"{b} MDC", f"Metropolitan Borough of {b}",
            }
        elif kind == "unitary":
            if re.search(r"\bBorough\b", official):
                out |= {f"{b} Borough Council", f"Borough of {b}"}
            if official.startswith("Royal Borough"):
                out |= {f"Royal Borough of {b}"}
            if re.search(r"\bCounty Council\b", official):
                out |= {f"{b} County Council", f"{b} CC"}
        elif kind == "county":
            out |= {f"{b} County Council", f"{b} CC", f"{b} County"}
    return out


def build_aliases(
    shared: Path, councils: list[dict[str, str]], ms_by_gss: dict[str, dict[str, str]]
) -> list[tuple[str, str]]:
    codes = {r["council_code"] for r in councils}
    three_to_gss = {r["local-authority-code"]: gss for gss, r in ms_by_gss.items()}
    current = {r["council_code"] for r in councils if not r["end_date"]}
    nice = {r["council_code"]: normalise_alias(r["name"]) for r in councils}

    sources: dict[str, set[str]] = defaultdict(set)  # code -> raw names
    for r in councils:
        sources[r["council_code"]] |= {r["name"], r["official_name"]}
        if ms := ms_by_gss.get(r["council_code"]):
            sources[r["council_code"]] |= {ms["nice-name"], ms["official-name"]}
            sources[r["council_code"]] |= set(split_alt_names(ms["alt-names"]))
        else:  # a county split in 2009 (SPLIT_IN_2009): also its bare name, "Bedfordshire"
            sources[r["council_code"]] |= set(_base_names(r))

    for r in read_csv(shared / "mysociety_lookup_name_to_registry.csv"):
        gss = three_to_gss.get(r["local-authority-code"])
        if gss:
            sources[gss].add(r["la-name"])

    for r in read_csv(shared / "d2i_Provider_data_lookup.csv"):
        code = r["la_code_new"].strip() or r["ltla23cd"].strip()
        if code not in codes:
            continue
        whole = {normalise_alias(n) for n in sources[code] | {r["local_authority_ons_name"]}}
        sources[code].add(r["local_authority_ons_name"])
        for aka in split_also_known_as(r["also_known_as"], whole):
            sources[code] |= {aka, f"{aka} Council"}  # "BCP" -> also "BCP Council"

    # DemocracyClub / EveryElection names (e.g. the pre-2021 "Doncaster Metropolitan Borough
    # Council"), matched on the mySociety 3-letter code.
    for entry in json.loads((shared / "lgsf_council_metadata.json").read_text(encoding="utf-8")):
        meta = entry["metadata"]
        ee = meta.get("everyelectiion_data") or meta.get("everyelection_data") or {}
        gss = three_to_gss.get(ee.get("official_identifier", ""))
        if gss:
            sources[gss] |= {n for n in (ee.get("official_name"), ee.get("common_name")) if n}

    for r in councils:
        sources[r["council_code"]] |= pattern_aliases(r, sorted(sources[r["council_code"]]))

    alias_codes: dict[str, set[str]] = defaultdict(set)
    for code, names in sources.items():
        for name in names:
            alias = normalise_alias(name)
            if alias:
                alias_codes[alias].add(code)

    out: list[tuple[str, str]] = []
    single_word_kept: list[str] = []
    for alias, cs in sorted(alias_codes.items()):
        cur = cs & current
        if len(cur) > 1:
            log.warning("dropped alias %r: names several current councils %s", alias, sorted(cur))
            continue
        if cur:
            dropped = cs - cur
            if dropped:
                log.info("alias %r: current %s wins over former %s", alias, sorted(cur), sorted(dropped))
            cs = cur
        elif len(cs) > 1:
            log.warning("dropped alias %r: names several former councils %s", alias, sorted(cs))
            continue
        (code,) = cs
        if re.fullmatch(r"\S+ city", alias):
            # "Hull City", "Leicester City", "Derby City": in running text mostly football clubs.
            log.info("dropped alias %r of %s (reads as a football club)", alias, code)
            continue
        if " " not in alias and alias != nice[code]:
            if alias not in SINGLE_WORD_KEEP:
                log.info("dropped single-word alias %r of %s (not its nice name)", alias, code)
                continue
            single_word_kept.append(alias)
        out.append((alias, code))
    log.info("single-word aliases kept besides nice names: %s", single_word_kept)
    return out


# --------------------------------------------------------------------------- ModernGov sites

MODERNGOV_COLUMNS = ["council_code", "base_url"]


def _moderngov_base(url: str) -> str:
    """"https://Democracy.Kent.gov.uk/" -> "https://democracy.kent.gov.uk"; a page name at the end is dropped."""
    parts = urlsplit(url.strip())
    path = parts.path
    if re.search(r"\.(aspx|asmx|html?)$", path, re.I):
        path = path.rsplit("/", 1)[0]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path.rstrip("/"), "", ""))


def build_moderngov(
    shared: Path, councils: list[dict[str, str]], ms_by_gss: dict[str, dict[str, str]]
) -> list[tuple[str, str]]:
    """(council_code, base_url) for the children's services authorities whose LGSF councillors scraper is
    ModernGov (`services.councillors.cms_type`), mapped through the EveryElection official_identifier
    (the mySociety 3-letter code). When that identifier is not a council's code, the code that names the
    LGSF scraper directory (`scrapers/LND-city-of-london/`) is used: the City of London's entry carries the
    Greater London Authority's EveryElection data."""
    codes = {r["council_code"] for r in councils}
    three_to_gss = {r["local-authority-code"]: gss for gss, r in ms_by_gss.items()}
    found: dict[str, set[str]] = defaultdict(set)
    for entry in json.loads((shared / "lgsf_council_metadata.json").read_text(encoding="utf-8")):
        meta = entry["metadata"]
        service = (meta.get("services") or {}).get("councillors") or {}
        base = (service.get("base_url") or "").strip()
        if (service.get("cms_type") or "").strip().lower() != "moderngov" or not base.startswith("http"):
            continue
        ee = meta.get("everyelectiion_data") or meta.get("everyelection_data") or {}
        gss = three_to_gss.get(ee.get("official_identifier", ""))
        if gss is None:
            m = re.match(r"scrapers/([A-Z]{3})\b", entry.get("source_path", ""))
            gss = three_to_gss.get(m.group(1)) if m else None
            if gss is not None:
                log.info("moderngov: %s mapped by its directory (official_identifier %r)", entry["source_path"],
                         ee.get("official_identifier"))
        if gss in codes:
            found[gss].add(_moderngov_base(base))
    out = []
    for code, bases in sorted(found.items()):
        if len(bases) > 1:
            log.warning("moderngov: %s has several base URLs %s; the first is kept", code, sorted(bases))
        out.append((code, sorted(bases)[0]))
    return out


# --------------------------------------------------------------------------- council websites

DOMAIN_COLUMNS = ["council_code", "domain"]


def build_domains(
    shared: Path, councils: list[dict[str, str]], aliases: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """(council_code, domain) of each current council's own website under gov.uk, from the Data to Insight lookup's
    `domain` column ("royalgreenwich.gov.uk", "hullcc.gov.uk"). Left out: a trust's or a supplier's address (not
    the council's own), a former council's (its successor's site), and a site two councils share, its name two
    councils' names joined by "and" ("richmondandwandsworth.gov.uk")."""
    current = {r["council_code"] for r in councils if not r["end_date"]}
    named: dict[str, set[str]] = defaultdict(set)
    for alias, code in aliases:
        named[alias.replace(" ", "")].add(code)

    def shared_by_two(label: str) -> bool:
        for i in (i for i in range(1, len(label) - 3) if label.startswith("and", i)):
            left, right = named.get(label[:i], set()), named.get(label[i + 3:], set())
            if left and right and not left & right:
                return True
        return False

    out = []
    for r in read_csv(shared / "d2i_Provider_data_lookup.csv"):
        code, domain = r["la_code_new"].strip(), r["domain"].strip().lower()
        if code not in current or not domain.endswith(".gov.uk"):
            continue
        if shared_by_two(domain.removesuffix(".gov.uk").split(".")[-1]):
            log.info("domains: %s is shared by two councils; left out", domain)
            continue
        out.append((code, domain))
    return sorted(out)


# --------------------------------------------------------------------------- official record

def build_official(outcomes: Path) -> list[list[str]]:
    """One row per graded official inspection (OFFICIAL_COLUMNS), from every CSV copy of Ofsted's outcome files,
    read and folded together as the warehouse loads them (transforms.official_outcomes, then
    transforms.inspections.resolve_identities): the same inspection in two files is one row with the
    warehouse's id; the newest edition's grade wins where editions differ."""
    from csi.frameworks import OFFICIALLY_GRADED
    from transforms.inspections import DOC_TYPE_RANK, resolve_identities
    from transforms.official_outcomes import outcomes_rows, read_file, typed_frameworks

    files = [read_file(p.read_bytes(), p.name, None, datetime(2026, 1, 1)) for p in sorted(outcomes.glob("*.csv"))
             if p.name not in OUTCOMES_SKIPPED]
    files.sort(key=lambda f: f.document.published_on or date.min, reverse=True)  # newest edition first
    known = typed_frameworks([row for f in files for row in f.rows])
    read = [outcomes_rows(f.document, f.rows, known=known) for f in files]
    rank = DOC_TYPE_RANK["statistics"]
    resolution = resolve_identities([(i, rank) for out in read for i in out.inspections
                                     if i.framework in OFFICIALLY_GRADED], [])  # visits carry no grade
    grades: dict[str, dict[str, str]] = {}
    for out in read:
        for r in out.ratings:
            kept = resolution.renamed.get(r.inspection_id, r.inspection_id)
            grades.setdefault(kept, {}).setdefault(r.judgement, r.grade)
    rows = [[i.inspection_id, i.council_code, i.framework, i.visit_start.isoformat() if i.visit_start else "",
             i.published_on.isoformat() if i.published_on else "",
             *(grades.get(i.inspection_id, {}).get(j, "") for j in OFFICIAL_COLUMNS[5:])]
            for i in resolution.rows]
    return sorted(rows, key=lambda r: (r[1], r[4] or r[3], r[2]))


OFFICIAL_COLUMNS = ["inspection_id", "council_code", "framework", "visit_start", "published_on",
                    "overall_effectiveness",
                    "leadership", "help_and_protection", "children_in_care", "care_leavers", "adoption", "lscb",
                    "safeguarding", "looked_after"]


# --------------------------------------------------------------------------- NOTICE

NOTICE = f"""# csi/reference — councils reference data and the official record

`councils.csv`, `council_aliases.csv`, `council_domains.csv` and `official_inspections.csv` are **generated** by
`scripts/build_reference.py` from the files in `shared/data/la-reference/` and
`shared/data/ofsted-la-outcomes/` (see their `PROVENANCE.md`). Do not edit them by hand; change the
script and rebuild:

```
python scripts/build_reference.py --shared ../shared/data/la-reference --outcomes ../shared/data/ofsted-la-outcomes
```

## Contents

- `councils.csv`: one row per English children's services authority (London boroughs and the
  City of London, metropolitan districts, unitary authorities, county councils), current or
  abolished since 2009, keyed by ONS GSS code. `end_date` is the last day of existence;
  `replaced_by` lists the successor code(s), separated by `;` when there are several
  (Northamptonshire, Cumbria). `start_date` is filled only for authorities created since
  2009 (earlier dates are left empty: the authority predates the records). Bedfordshire and
  Cheshire County Councils, split between new unitary councils on 1 April 2009, are not in
  mySociety's register: the script adds them (`SPLIT_IN_2009`, with its sources).
- `council_aliases.csv`: normalised names (`transforms.councils.normalise_alias`) -> code,
  from mySociety names and alt-names, Data to Insight `also_known_as`, DemocracyClub names
  and generated patterns ("Hillingdon LBC", "Kent County Council", ...). Aliases naming two
  current councils are dropped; a former council keeps an alias only if no current council
  has it.
- `council_domains.csv`: the domain of each current council's own website under gov.uk, from Data to
  Insight's `domain` column (a trust's or supplier's address, and a site two councils share, left out),
  read by `transforms.councils.CouncilIndex.of_site`.
- `official_inspections.csv`: Ofsted's official record of every graded inspection of a council's
  children's services since 2009 (SLAC, child protection, SIF and its re-inspections, ILACS standard
  and short), one row per inspection: the id the warehouse gives it, council code, framework, first
  day on site (ILACS only: the 2009-2023 file gives publication dates only), publication date, and
  the grade of each judgement it graded (`outstanding`, `good`, `requires_improvement`,
  `inadequate`; empty when not graded). Facts only, read by `transforms.official_outcomes` and folded
  by `transforms.inspections.resolve_identities` as the warehouse loads the files, so its ids are the
  warehouse's. Used by `transforms.official_record` to link a claim in news, press
  releases, blogs and minutes to the official inspection it reports. Ofsted recoded pre-2013
  "Adequate" as "Requires improvement to be good" in the 2009-2023 file: it reads
  `requires_improvement`.

## Sources and attribution

- **mySociety, UK local authority names and codes** (`uk_local_authorities.csv`,
  `lookup_name_to_registry.csv`),
  https://github.com/mysociety/uk_local_authority_names_and_codes at commit
  `{MYSOCIETY_COMMIT}`. Data licensed under the Creative Commons Attribution 4.0 licence
  (CC BY 4.0), https://creativecommons.org/licenses/by/4.0/. Contains data from mySociety.
  Changes: filtered to English children's services authorities, names normalised, end dates
  aligned to the last day of existence, aliases generated.
- **Data to Insight, Ofsted ILACS scrape tool LA lookup** (`Provider_data_lookup.csv`: Ofsted
  URN, DfE LA code, also-known-as names, website domains),
  https://github.com/data-to-insight/ofsted-ilacs-scrape-tool at commit `{D2I_COMMIT}`,
  MIT licence, Copyright (c) Data to Insight.
- **DfE / ONS lookups**: the ONS LTLA-UTLA April 2023 lookup (used to cross-check the list of
  current authorities) via https://github.com/dfe-analytical-services/CSC_outcomes_and_enablers
  at commit `{DFE_COMMIT}`. Contains public sector information licensed under the Open
  Government Licence v3.0 (Office for National Statistics, Department for Education).
  DfE LA codes of abolished councils missing from the Data to Insight lookup are added from
  DfE's published LA codes (OGL v3.0).
- **Ofsted** local authority unique reference numbers (URNs): Ofsted, Open Government
  Licence v3.0, https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/.
- **DemocracyClub LGSF / EveryElection** council names (`metadata.json`),
  https://github.com/DemocracyClub/LGSF at commit `{LGSF_COMMIT}`, MIT licence.
- **Ofsted, local authority inspection outcomes** ("Local authority inspection outcomes as at 31
  March 2025", as at March 2024, and the LA_inspections_2009-2023 sheet of "Children's social care
  data in England 2023"), copies committed unchanged by
  https://github.com/dfe-analytical-services/CSC_outcomes_and_enablers (commits in the outcomes'
  `PROVENANCE.md`). Contains public sector information licensed under the Open Government Licence
  v3.0. Source: Ofsted. Changes: reshaped to one row per inspection, grades in the warehouse's
  vocabulary.
"""


# --------------------------------------------------------------------------- main

def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="la-reference directory")
    parser.add_argument("--outcomes", type=Path, default=DEFAULT_OUTCOMES,
                        help="ofsted-la-outcomes directory (Ofsted's official outcome files, CSV copies)")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help=argparse.SUPPRESS)
    parser.add_argument("-v", "--verbose", action="store_true", help="log every dropped alias")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")

    # A relative --shared is taken from the current directory if it exists there, else from
    # the repo root.
    shared = args.shared if args.shared.exists() else (ROOT / args.shared)
    if not (shared / "mysociety_uk_local_authorities.csv").exists():
        parser.error(f"{shared} does not contain the la-reference files")
    outcomes = args.outcomes if args.outcomes.exists() else (ROOT / args.outcomes)
    if not any(outcomes.glob("*.csv")):
        parser.error(f"{outcomes} does not contain Ofsted's outcome files (CSV)")
    councils, ms_by_gss = build_councils(shared)
    aliases = build_aliases(shared, councils, ms_by_gss)
    moderngov = build_moderngov(shared, councils, ms_by_gss)
    domains = build_domains(shared, councils, aliases)

    args.out.mkdir(parents=True, exist_ok=True)
    write_csv(args.out / "councils.csv", COUNCIL_COLUMNS, [[r[c] for c in COUNCIL_COLUMNS] for r in councils])
    write_csv(args.out / "council_aliases.csv", ["alias", "council_code"], [list(a) for a in aliases])
    write_csv(args.out / "moderngov.csv", MODERNGOV_COLUMNS, [list(m) for m in moderngov])
    write_csv(args.out / "council_domains.csv", DOMAIN_COLUMNS, [list(d) for d in domains])
    (args.out / "NOTICE.md").write_text(NOTICE, encoding="utf-8")
    official = build_official(outcomes)  # after councils.csv: the parser names councils with it
    write_csv(args.out / "official_inspections.csv", OFFICIAL_COLUMNS, official)

    n_current = sum(1 for r in councils if not r["end_date"])
    print(
        f"councils.csv: {len(councils)} rows ({n_current} current, {len(councils) - n_current} former); "
        f"council_aliases.csv: {len(aliases)} rows -> {args.out}"
    )
    current = {r["council_code"] for r in councils if not r["end_date"]}
    print(f"moderngov.csv: {len(moderngov)} councils with a ModernGov base URL "
          f"({sum(code in current for code, _ in moderngov)} of {n_current} current councils)")
    print(f"council_domains.csv: {len(domains)} councils' own websites")
    print(f"official_inspections.csv: {len(official)} graded inspections of "
          f"{len({r[1] for r in official})} councils")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
