"""Learned tagger (linear-chain CRF, python-crfsuite) for strings the rules do not read.

Each token of the string gets a label (author, title, container, date, volume, issue,
pages, publisher, location, editor, edition, note, number, other); runs of a label
become fields. The model is package data (``parser.crfsuite``), trained by
``scripts/train_parser.py`` from the labelled sets in ``../shared/eval`` (never the seeds).
Features are computed once per distinct token and cached, which keeps tagging fast.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..csl import MONTHS
from ..ids import DOI_START

MODEL_PATH = Path(__file__).resolve().parent / "parser.crfsuite"

LABELS = (
    "author", "editor", "title", "container", "date", "volume", "issue", "pages", "publisher",
    "location", "edition", "note", "number", "id", "other",
)

_TOKEN = re.compile(
    r"(?:https?://|www\.)\S+|\b(?:doi:\s*)?" + DOI_START + r"\S+|(?-i:\b[A-Z](?=\d))|\w+(?:[-‐–'’]\w+)*|[^\w\s]",
    re.IGNORECASE,
)
_MONTHS = {*MONTHS, "spring", "summer", "autumn", "fall", "winter"}
_LEXICON = {
    "journal": "jw", "j": "jw", "proc": "jw", "proceedings": "conf", "rev": "jw", "lett": "jw", "review": "jw",
    "letters": "jw", "trans": "jw", "transactions": "jw", "annals": "jw", "ann": "jw", "bull": "jw",
    "bulletin": "jw", "acta": "jw", "phys": "jw", "med": "jw", "sci": "jw", "res": "jw", "clin": "jw",
    "int": "jw", "am": "jw", "soc": "jw", "chem": "jw", "biol": "jw", "nature": "jw", "science": "jw",
    "conference": "conf", "symposium": "conf", "workshop": "conf", "congress": "conf", "meeting": "conf",
    "press": "pub", "publishers": "pub", "publishing": "pub", "verlag": "pub", "springer": "pub",
    "wiley": "pub", "elsevier": "pub", "university": "pub", "academic": "pub", "books": "pub", "inc": "pub",
    "ltd": "pub", "co": "pub", "company": "pub", "edn": "ed", "ed": "ed", "eds": "ed", "editor": "ed",
    "editors": "ed", "edition": "ed", "hrsg": "ed", "in": "in", "pp": "pp", "p": "pp", "pages": "pp",
    "vol": "vol", "volume": "vol", "no": "no", "nr": "no", "issue": "no", "suppl": "no", "et": "et",
    "al": "al", "and": "and", "&": "and", "thesis": "thesis", "dissertation": "thesis", "phd": "thesis",
    "report": "rep", "tech": "rep", "technical": "rep", "arxiv": "id", "doi": "id", "isbn": "id",
    "pmid": "id", "available": "id", "accessed": "id", "retrieved": "id", "new": "place", "york": "place",
    "london": "place", "berlin": "place", "boston": "place", "cambridge": "place", "oxford": "place",
    "paris": "place", "amsterdam": "place", "usa": "place", "uk": "place", "ny": "place", "ma": "place",
    "ca": "place", "heidelberg": "place", "philadelphia": "place", "chicago": "place", "washington": "place",
}
#: The words of the ``particle`` feature, as the packaged model was trained with them: not
#: ``csl.PARTICLE_WORDS``, which a change of would change the model's input (retrain with it).
_PARTICLES = {"van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le", "dos"}


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Tokens with their character offsets in ``text``."""
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _shape(token: str) -> str:
    shape = re.sub(r"[A-ZÀ-Þ]", "X", token)
    shape = re.sub(r"[a-zß-ÿ]", "x", shape)
    shape = re.sub(r"\d", "d", shape)
    return re.sub(r"(.)\1{2,}", r"\1\1", shape)


@lru_cache(maxsize=200_000)
def token_features(token: str) -> tuple[str, ...]:
    """Features of a token on its own (cached: most tokens recur)."""
    lower = token.lower()
    shape = _shape(token)
    feats = [f"w={lower}" if len(lower) <= 20 else "w=LONG", f"s={shape[:8]}", f"p3={lower[:3]}", f"x3={lower[-3:]}"]
    if token.isdigit():
        value = int(token) if len(token) < 9 and token.isdecimal() else 0  # "²" is a digit, not a number
        feats.append(f"num{min(len(token), 6)}")
        if 1600 <= value <= 2039 and len(token) == 4:
            feats.append("year")
    elif re.fullmatch(r"(?:1[6-9]|20)\d\d[a-z]", token):
        feats.append("year")
    elif re.fullmatch(r"[A-Za-z]{0,6}\d+[-‐–][A-Za-z]{0,6}\d+", token):
        feats.append("range")
    elif re.fullmatch(r"e\d{3,}|[a-z]{2,5}\d{3,}", token):
        feats.append("eloc")
    if token[:1].isupper():
        feats.append("cap")
        if len(token) == 1:
            feats.append("initial")
        elif token.isupper():
            feats.append("caps" if len(token) > 4 else "shortcaps")
    elif token[:1].islower():
        feats.append("low")
    elif not token[:1].isalnum():
        feats.append(f"punct={token}")
    if lower in _MONTHS:
        feats.append("month")
    if lower in _LEXICON:
        feats.append(f"lex={_LEXICON[lower]}")
    if lower in _PARTICLES:
        feats.append("particle")
    if token.startswith(("http", "www", "doi", "10.")) and len(token) > 6:
        feats.append("link")
    return tuple(feats)


_NEIGHBOUR_KEYS = ("w=", "s=", "punct=", "year", "initial", "lex=", "cap", "low")


@lru_cache(maxsize=200_000)
def _neighbour_features(token: str) -> tuple[str, ...]:
    return tuple(f for f in token_features(token) if f.startswith(_NEIGHBOUR_KEYS))


@lru_cache(maxsize=200_000)
def _context(token: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str, bool]:
    """Cached per distinct token: own features, as left and right neighbour, lower-cased, is-year."""
    neighbour = _neighbour_features(token)
    return (
        token_features(token),
        tuple("-1" + f for f in neighbour),
        tuple("+1" + f for f in neighbour),
        token.lower()[:20],
        "year" in neighbour,
    )


_NUMBERISH = re.compile(r"[A-Za-z]{1,3}\d+\w*")


def sequence_features(tokens: list[tuple[str, int, int]]) -> list[list[str]]:
    """Features of each token in context: neighbours, position, brackets, sentence index."""
    words = [t[0] for t in tokens]
    n = len(words)
    contexts = [_context(word) for word in words]
    out: list[list[str]] = []
    sentence = 0
    depth = 0
    quote = False
    seen_year = False
    # Where a number stands in its run of numbers ("78 , 465 ( 1969 )": 0, 1, 2 of 3), which
    # tells volume from pages from year in styles that print them bare.
    number_index = [0] * n
    number_left = [0] * n
    run: list[int] = []
    for index, word in enumerate(words + ["END"]):
        if word[:1].isdigit() or (index < n and _NUMBERISH.fullmatch(word)):
            run.append(index)
        elif word[:1].isalpha() and len(word) > 1 or word == "END":
            for position, member in enumerate(run):
                number_index[member], number_left[member] = position, len(run) - 1 - position
            run = []
    # Sentence boundaries still to come (the title is rarely in the last sentence, the
    # journal rarely in the first), counted like ``sentence`` below.
    ends_after = [0] * n
    remaining = 0
    for index in range(n - 1, -1, -1):
        ends_after[index] = remaining
        if words[index] in ".?!" and index > 0 and (len(words[index - 1]) > 2 or words[index] != "."):
            remaining += 1
    segment_feats = _segment_features(words)
    for index, word in enumerate(words):
        own, _left, _right, _lower, is_year = contexts[index]
        start, end = tokens[index][1], tokens[index][2]
        feats = list(own)
        feats.append(f"pos={(index * 10) // n}")
        feats.append(f"sent={min(sentence, 4)}")
        feats.append(f"left={min(ends_after[index], 4)}")
        feats.extend(segment_feats[index])
        if index < 2:
            feats.append(f"first{index}")
        if word[:1].isdigit():
            feats.append(f"numidx={min(number_index[index], 3)}")
            feats.append(f"numleft={min(number_left[index], 3)}")
        if index and tokens[index - 1][2] == start:
            feats.append("glued-")
        if index + 1 < n and tokens[index + 1][1] == end:
            feats.append("glued+")
        if index >= n - 2:
            feats.append(f"last{n - 1 - index}")
        if depth:
            feats.append("inparen")
        if quote:
            feats.append("inquote")
        if seen_year:
            feats.append("afteryear")
        if index:
            feats.extend(contexts[index - 1][1])
        else:
            feats.append("BOS")
        if index + 1 < n:
            feats.extend(contexts[index + 1][2])
        else:
            feats.append("+1EOS")
        if index >= 2:
            feats.append("-2w=" + contexts[index - 2][3])
        if index + 2 < n:
            feats.append("+2w=" + contexts[index + 2][3])
        out.append(feats)
        if word in "([":
            depth += 1
        elif word in ")]" and depth:
            depth -= 1
        elif word in "\"“”":
            quote = not quote if word == '"' else word == "“"
        elif word in ".?!" and index > 0 and (len(words[index - 1]) > 2 or word != "."):
            sentence += 1
        if is_year:
            seen_year = True
    return out


def _bucket(count: int) -> str:
    return "1" if count <= 1 else "2" if count == 2 else "3" if count == 3 else "6" if count <= 6 else "12" if count <= 12 else "L"


def _segment_features(words: list[str]) -> list[tuple[str, ...]]:
    """What the comma/sentence-delimited piece a token sits in looks like.

    Titles are long runs of mostly lower-case words; journals are short runs of
    capitalised abbreviations ("Phys. Rev. Lett."); a token window cannot see this.
    """
    n = len(words)
    out: list[tuple[str, ...]] = [()] * n
    start = 0
    for index in range(n + 1):
        word = words[index] if index < n else ","
        boundary = word in (",", ";", ":", "?", "!") or (word == "." and index > 0 and len(words[index - 1]) > 2)
        if not boundary:
            continue
        alpha = [w for w in words[start:index] if w[:1].isalpha()]
        if alpha:
            capital = sum(1 for w in alpha if w[:1].isupper())
            abbreviations = sum(
                1 for position in range(start, index - 1)
                if words[position + 1] == "." and words[position][:1].isupper() and len(words[position]) <= 5
            )
            feats = (
                f"segl={_bucket(len(alpha))}",
                f"segcap={(4 * capital) // len(alpha)}",
                f"segabbr={min(abbreviations, 3)}",
                f"seglow={min(len(alpha) - capital, 3)}",
            )
            for position in range(start, index):
                out[position] = feats
        start = index + 1
    return out


class _Model:
    """The CRF tagger, opened once per process and thread."""

    _local = threading.local()

    @classmethod
    def tagger(cls, path: Path = MODEL_PATH) -> Any:
        taggers = getattr(cls._local, "taggers", None)
        if taggers is None:
            taggers = cls._local.taggers = {}
        if path not in taggers:
            if not path.exists():
                taggers[path] = None
            else:
                import pycrfsuite

                tagger = pycrfsuite.Tagger()
                tagger.open(str(path))
                taggers[path] = tagger
        return taggers[path]


def tag_tokens(text: str, model: Path = MODEL_PATH) -> list[tuple[str, int, int, str]] | None:
    """Label each token of ``text``; None when the model file is missing."""
    tagger = _Model.tagger(model)
    if tagger is None:
        return None
    tokens = tokenize(text)
    if not tokens:
        return []
    labels = tagger.tag(sequence_features(tokens))
    return [(word, start, end, label) for (word, start, end), label in zip(tokens, labels, strict=True)]


def fields_from_tags(text: str, tagged: list[tuple[str, int, int, str]]) -> dict[str, Any]:
    """Turn labelled tokens into field strings (first run of each label)."""
    runs: list[tuple[str, int, int]] = []
    for _word, start, end, label in tagged:
        if runs and runs[-1][0] == label:
            runs[-1] = (label, runs[-1][1], end)
        else:
            runs.append((label, start, end))
    fields: dict[str, Any] = {}
    for label, start, end in runs:
        value = text[start:end].strip()
        if label in ("other", "id", "number") or not value:
            continue
        if label in ("author", "editor"):
            key = "authors" if label == "author" else "editors"
            fields[key] = f"{fields[key]}, {value}" if key in fields else value
            continue
        if label == "note":
            fields.setdefault("notes", []).append(value)
            continue
        if label not in fields:
            fields[label] = value
    return _post_process(fields)


_YEAR_TEXT = re.compile(r"(?<!\d)((?:1[6-9]|20)\d\d)(?!\d)")
_PAGE_RANGE = re.compile(r"^(?:pages?|pp?\.?|S\.)?\s*([A-Za-z]{0,4}\d+[A-Za-z]?(?:\s*[-‐–—‑]\s*[A-Za-z]{0,4}\d+[A-Za-z]?)?)", re.IGNORECASE)


def _split_volume(fields: dict[str, Any], volume: str) -> None:
    """``vol. 7, no. 2``, ``2009;108(2):508-12``, ``50:493-506``, ``20 (9`` -> volume, issue, pages."""
    text = volume.strip()
    leading_year = re.match(r"^((?:1[6-9]|20)\d\d)[a-z]?\s*;\s*", text)
    if leading_year:
        fields.setdefault("date", leading_year.group(1))
        text = text[leading_year.end() :]
    text = re.sub(r"^(?:vol(?:ume)?s?\.?|v\.|bd\.|band|jg\.|t\.|tome)\s*", "", text, flags=re.IGNORECASE)
    match = re.match(r"[^\s,:;(]+", text)
    if not match:
        fields.pop("volume", None)
        return
    fields["volume"] = match.group(0).rstrip(".")
    rest = text[match.end() :]
    issue = re.search(r"\(([^()]+)\)?|\b(?:no|nr|issue|iss|n|h|heft)\b\.?\s*([\w\-–/]+)", rest, re.IGNORECASE)
    if issue and not fields.get("issue"):
        fields["issue"] = (issue.group(1) or issue.group(2)).strip()
    pages = re.search(r"(?::|,?\s*\b(?:pp?\.|pages?\b))\s*(?:pp?\.?\s*)?([\w\-–]+)", rest)
    if pages and not fields.get("pages"):
        fields["pages"] = pages.group(1)


def _post_process(fields: dict[str, Any]) -> dict[str, Any]:
    """Tidy what the tagger labelled: split volume parts, read dates, trim pages and containers."""
    if fields.get("volume"):
        _split_volume(fields, fields["volume"])
    lettered = re.fullmatch(r"([A-Z])\s?(\d+)", fields.get("volume") or "")
    if lettered and fields.get("container") and not fields["container"].endswith(lettered.group(1)):
        # Physics: "Nucl. Phys. B364" is journal "Nucl. Phys. B", volume 364.
        fields["container"] = f"{fields['container']} {lettered.group(1)}"
        fields["volume"] = lettered.group(2)
    issue = fields.get("issue")
    if issue:
        fields["issue"] = re.sub(r"^(?:no|nr|issue|iss|n)\.?\s*", "", issue.strip(" ()"), flags=re.IGNORECASE)
    container = fields.get("container")
    if container:
        container = re.sub(r"^in\s*:\s*|^in\s+(?!vivo\b|vitro\b|silico\b|practice\b)", "", container, flags=re.IGNORECASE)
        trailing_year = re.match(r"^(.{3,}?)[\s,.]+((?:1[6-9]|20)\d\d)$", container)
        if trailing_year and not fields.get("date"):
            container, fields["date"] = trailing_year.group(1), trailing_year.group(2)
        fields["container"] = container
    if fields.get("container") and not fields.get("title"):
        # "Title. Journal" labelled as one journal: split at the full stop after a word.
        split = re.match(r"^(.{12,}?[a-z0-9)\]?!][.?!])\s+([A-Z].{2,})$", fields["container"])
        if split and not re.search(r"\b[A-Z][a-z]{0,4}\.$", split.group(1)):
            fields["title"], fields["container"] = split.group(1).rstrip("."), split.group(2)
    if fields.get("container") and not fields.get("title") and not fields.get("volume") and not fields.get("issue"):
        # A lone "container" with no volume is the title of a book or report.
        fields["title"] = fields.pop("container")
    pages = fields.get("pages")
    if pages:
        match = _PAGE_RANGE.match(pages.strip())
        if match:
            fields["pages"] = match.group(1)
    date = fields.pop("date", None)
    if date:
        year = _YEAR_TEXT.search(date)
        if year:
            fields["year"] = year.group(1)
            month = re.search(r"\b([A-Za-z]{3,9})\b", date)
            if month and month.group(1).lower() in _MONTHS:
                fields["month"] = month.group(1)
                day = re.search(r"(?<!\d)(\d{1,2})(?!\d)", date.replace(year.group(1), " "))
                if day:
                    fields["day"] = day.group(1)
    if "location" in fields:
        fields["place"] = fields.pop("location")
    notes = fields.pop("notes", None)
    if notes and any(re.search(r"thesis|dissertation", n, re.IGNORECASE) for n in notes):
        fields["thesis"] = True
    return fields


def tag_reference(text: str, emphasis: list[str], model: Path = MODEL_PATH) -> dict[str, Any] | None:
    """Fields of a reference string read by the tagger; None without a model."""
    tagged = tag_tokens(text, model)
    if tagged is None:
        return None
    return fields_from_tags(text, tagged)

