"""Library search queries: user text to structured clauses (pure; no SQL, no FTS syntax).

``list`` and the web app's ``?q=`` both read a query through :func:`parse_query`:

- words match titles, authors and journals (``thromb*`` is a prefix; ``"somatic
  mutations"`` a phrase; ``-word`` and ``NOT word`` leave works out; ``AND``, ``OR`` and
  ``NEAR`` in capitals are ignored: every clause must hold);
- ``field:value`` narrows: ``author:`` ``title:`` ``journal:`` ``year:`` (``2020``,
  ``2019-2021``, ``2019-``, ``-2021``) ``doi:`` ``pmid:`` ``pmcid:`` ``key:`` ``tag:``
  ``collection:``;
- an identifier in any written form (``10.5555/x``, ``https://doi.org/...``, ``PMID:
  123``, ``PMC123``) finds the work that has it; a lone word also matches a citation key,
  and lone digits a PMID.

Every clause must hold. Nothing here can fail on user text: unknown fields are words,
unbalanced quotes are characters, operators are words; what cannot be read (``year:soon``,
a field with no value such as ``author:`` or ``title:""``) is returned in ``problems``. The store turns clauses into SQL and safe FTS terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .ids import classify_identifier, normalize_doi, normalize_pmcid, normalize_pmid

#: Field names and the clause they make (aliases included).
FIELDS = {
    "author": "author", "au": "author", "authors": "author",
    "title": "title", "ti": "title",
    "journal": "journal", "container": "journal", "jo": "journal", "ta": "journal",
    "year": "year", "py": "year", "dp": "year",
    "doi": "doi", "pmid": "pmid", "pmcid": "pmcid", "key": "key",
    "tag": "tag", "collection": "collection", "in": "collection",
}

#: ``field:value`` (the value may be missing: ``author:`` at the end is said, not searched
#: as a word), ``"a phrase"``, or a word; each may start with ``-``.
_TOKEN = re.compile(r'(-?)(?:([A-Za-z]+):\s*("[^"]*"|\S+)?|"([^"]*)"|(\S+))')
_WORD = re.compile(r"\w+", re.UNICODE)
#: Written in capitals these are read as search-box operators: every clause must hold
#: anyway (AND, and OR, which is not offered), NOT leaves the next one out.
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_YEAR_RANGE = re.compile(r"^(\d{4})?\s*(?:-|–|\.\.)\s*(\d{4})?$")


@dataclass(frozen=True, slots=True)
class Clause:
    """One condition a work must meet (or must not, when ``negated``).

    ``kind`` is ``text`` (words anywhere), ``author``/``title``/``journal`` (words in
    that field), ``year`` (``low``..``high``), ``doi``/``pmid``/``pmcid``/``key``/``tag``/
    ``collection`` (``value``). Text clauses hold ``words`` (a phrase; the last one a
    prefix when ``prefix``); a lone word also carries ``value`` for key/PMID matching.
    """

    kind: str
    words: tuple[str, ...] = ()
    prefix: bool = False
    value: str | None = None
    low: int | None = None
    high: int | None = None
    negated: bool = False


@dataclass(slots=True)
class Query:
    """A parsed query: clauses that must all hold, and what could not be read."""

    text: str
    clauses: list[Clause] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when the text held nothing to search for (only punctuation, say)."""
        return not any(not c.negated for c in self.clauses)

    @property
    def text_words(self) -> list[str]:
        """Every searched word (for ranking and highlighting)."""
        return [w for c in self.clauses if not c.negated for w in c.words]


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


def _text_clause(kind: str, text: str, negated: bool) -> Clause | None:
    words = _words(text)
    if not words:
        return None
    prefix = text.rstrip().endswith("*") and len(words[-1]) >= 1
    lone = text.strip().rstrip("*") if kind == "text" and len(text.split()) == 1 else None
    return Clause(kind, words, prefix, value=lone, negated=negated)


def _year_clause(value: str, negated: bool) -> Clause | str:
    value = value.strip()
    if re.fullmatch(r"\d{4}", value):
        return Clause("year", low=int(value), high=int(value), negated=negated)
    match = _YEAR_RANGE.match(value)
    if match and (match.group(1) or match.group(2)):
        low = int(match.group(1)) if match.group(1) else None
        high = int(match.group(2)) if match.group(2) else None
        if low is not None and high is not None and low > high:
            low, high = high, low
        return Clause("year", low=low, high=high, negated=negated)
    return f"year:{value}: give a year (2020) or a range (2019-2021, 2019-, -2021)"


def _identifier_clause(kind: str, value: str, negated: bool) -> Clause | str:
    normal = {"doi": normalize_doi, "pmid": normalize_pmid, "pmcid": normalize_pmcid}[kind](value)
    if normal is None:
        return f"{kind}:{value}: not a {kind.upper()}"
    return Clause(kind, value=normal, negated=negated)


def _field_clause(name: str, value: str, negated: bool) -> Clause | str:
    """The clause of ``name:value``, or what is wrong with it (a value missing, or one
    with nothing to search for, is said rather than silently finding nothing)."""
    kind = FIELDS[name.lower()]
    example = {"author": "author:beck", "title": "title:vexas", "journal": "journal:blood", "key": "key:beck2020somatic",
               "tag": "tag:jak", "collection": "collection:Reviews", "year": "year:2020 or year:2019-2021",
               "doi": "doi:10.1056/NEJMoa2026834", "pmid": "pmid:33108101", "pmcid": "pmcid:PMC7894321"}[kind]
    if not value.strip():
        return f"{name}: give a value after '{name}:' ({example})"
    clause = _field_value_clause(kind, value, negated)
    return f"{name}:{value}: nothing to search for in {value!r} ({example})" if clause is None else clause


def _field_value_clause(kind: str, value: str, negated: bool) -> Clause | str | None:
    if kind == "year":
        return _year_clause(value, negated)
    if kind in ("doi", "pmid", "pmcid"):
        return _identifier_clause(kind, value, negated)
    if kind in ("key", "tag", "collection"):
        return Clause(kind, value=value, negated=negated) if value else None
    return _text_clause(kind, value, negated)


def parse_query(text: str | None) -> Query:
    """Read any user text as a query (see the module docstring); never raises."""
    query = Query(text or "")
    negate_next = False
    for match in _TOKEN.finditer(text or ""):
        minus, name, value, phrase, bare = match.groups()
        if bare in _OPERATORS and not minus:
            negate_next = bare == "NOT"
            continue
        negated, negate_next = bool(minus) or negate_next, False
        clause: Clause | str | None
        if name is not None and name.lower() in FIELDS:
            value = value or ""
            value = value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value
            clause = _field_clause(name, value, negated)
        elif phrase is not None:
            clause = _text_clause("text", phrase, negated)
        else:
            token = bare if bare is not None else f"{name}:{value or ''}"
            found = classify_identifier(token) if not token.isdigit() else None
            if found is not None and (found[0] != "pmid" or token.lower().startswith(("pmid", "pubmed", "http", "www"))):
                clause = Clause(found[0], value=found[1], negated=negated)
            else:
                clause = _text_clause("text", token, negated)
        if isinstance(clause, str):
            query.problems.append(clause)
        elif clause is not None:
            query.clauses.append(clause)
    return query
