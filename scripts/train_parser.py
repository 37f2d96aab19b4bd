"""Train the reference-string tagger (CRF) from the labelled sets in ../shared/eval.

    .venv/bin/python scripts/train_parser.py            # the shipped model, all training sets
    .venv/bin/python scripts/train_parser.py --cv       # two held-out models in build/parser-cv/

Training data: AnyStyle's five labelled files, GROBID's citation corpus, Cora and the
PLOS JATS citations (field labels aligned back onto the string). The seeds are never
used, so they stay a held-out check. ``--cv`` trains one model per half (split by a hash
of the reference text, so copies of one reference in several files share a half); the
benchmark's ``--heldout`` parses each record with the model that did not see it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parser_folds import fold_of  # noqa: E402

from vexascite.refstring.tagger import MODEL_PATH, sequence_features, tokenize  # noqa: E402

SHARED = Path(os.environ.get("VEXASCITE_SHARED", ROOT.parent / "shared"))
EVAL = SHARED / "eval"

ANYSTYLE_MAP = {
    "author": "author", "editor": "editor", "translator": "editor", "title": "title", "journal": "container",
    "container-title": "container", "collection-title": "note", "date": "date", "volume": "volume",
    "pages": "pages", "publisher": "publisher", "location": "location", "edition": "edition",
    "citation-number": "number", "doi": "id", "url": "id", "isbn": "id",
}
GROBID_MAP = {
    "author": "author", "authors": "author", "editor": "editor", "title/a": "title", "title/j": "container",
    "title/s": "note", "date": "date", "biblScope/volume": "volume", "biblScope/vol": "volume",
    "biblScope/issue": "issue", "biblScope/page": "pages", "biblScope/pp": "pages", "publisher": "publisher",
    "publishe": "publisher", "pubPlace": "location", "pubplace": "location", "ptr/web": "id",
}
CORA_MAP = {
    "author": "author", "editor": "editor", "title": "title", "booktitle": "container", "journal": "container",
    "date": "date", "volume": "volume", "pages": "pages", "publisher": "publisher", "location": "location",
    "institution": "publisher",
}
_PUNCT = re.compile(r"^[^\w]+$")
_DASH = "-–—‐‑−"


def _loose(value: str) -> re.Pattern[str]:
    parts = []
    for ch in value.strip():
        if ch.isspace():
            parts.append(r"\s*")
        elif ch in _DASH:
            parts.append(f"[{_DASH}]")
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts))


def _label_tokens(raw: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """Token labels from character spans; punctuation at the edge of a span is 'other'."""
    tokens = tokenize(raw)
    labels = ["other"] * len(tokens)
    for index, (_word, start, end) in enumerate(tokens):
        for span_start, span_end, label in spans:
            if span_start <= start and end <= span_end + 1 and start < span_end:
                labels[index] = label
                break
    # Punctuation is "other" unless it sits inside a run ("J. Phys.", "risk: a review"), the
    # same in every corpus whatever its span boundaries.
    original = list(labels)
    for index, (word, _s, _e) in enumerate(tokens):
        if original[index] != "other" and _PUNCT.match(word):
            before = original[index - 1] if index else "other"
            after = original[index + 1] if index + 1 < len(original) else "other"
            if before != original[index] or after != original[index]:
                labels[index] = "other"
    return labels


def _refine_volume(raw: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """AnyStyle's volume span holds issue and sometimes pages: label those parts as such."""
    out = []
    for start, end, label in spans:
        if label != "volume":
            out.append((start, end, label))
            continue
        text = raw[start:end]
        leading_year = re.match(r"((?:1[6-9]|20)\d\d)[a-z]?\s*;\s*", text)
        if leading_year:
            out.append((start, start + len(leading_year.group(1)), "date"))
            start += leading_year.end()
            text = raw[start:end]
        issue = re.search(r"\(([^()]+)\)|\b(?:no|nr|issue|n|h|heft)\.?\s*([\w\-–/]+)", text, re.IGNORECASE)
        pages = re.search(r":\s*(?:pp?\.?\s*)?([\w\-–]+)", text)
        cut = min([m.start() for m in (issue, pages) if m] or [len(text)])
        out.append((start, start + cut, "volume"))
        if issue:
            out.append((start + issue.start(), start + issue.end(), "issue"))
        if pages:
            out.append((start + pages.start(), start + pages.end(), "pages"))
    return out


def from_joined_spans(record: dict[str, Any], mapping: dict[str, str]) -> tuple[str, list[str]] | None:
    """AnyStyle/Cora: ``raw`` is the span texts joined by single spaces."""
    raw = record["raw"]
    spans = []
    cursor = 0
    for label, span_text in record["spans"]:
        text = span_text.strip()
        if not text:
            continue
        position = raw.find(text, cursor)
        if position < 0:
            return None
        spans.append((position, position + len(text), mapping.get(label, "note")))
        cursor = position + len(text)
    spans = _refine_volume(raw, spans)
    return raw, _label_tokens(raw, spans)


def from_grobid(record: dict[str, Any]) -> tuple[str, list[str]] | None:
    raw = record["raw"]
    labels_present = {label for label, _ in record["spans"]}
    spans = []
    cursor = 0
    for label, text in record["spans"]:
        if label == "lb":
            continue
        match = _loose(text).search(raw, cursor)
        if not match:
            return None
        mapped = GROBID_MAP.get(label)
        if label == "title/m":
            mapped = "container" if "title/a" in labels_present else "title"
        if mapped is None:
            mapped = "id" if label.startswith("idno") else "note"
        spans.append((match.start(), match.end(), mapped))
        cursor = match.end()
    return raw, _label_tokens(raw, spans)


def from_plos(record: dict[str, Any]) -> tuple[str, list[str]] | None:
    """Align PLOS field labels back onto the string (they carry no spans)."""
    raw, fields = record["raw"], record["fields"]
    spans: list[tuple[int, int, str]] = []

    def find(value: str, start: int, label: str) -> int | None:
        match = _loose(value).search(raw, start)
        while match and any(s < match.end() and match.start() < e for s, e, _ in spans):
            match = _loose(value).search(raw, match.start() + 1)
        if not match:
            return None
        spans.append((match.start(), match.end(), label))
        return match.end()

    cursor = 0
    authors = fields.get("authors") or []
    if authors:
        last = authors[-1]
        name = " ".join(p for p in (last.get("family"), last.get("given")) if p) or last.get("literal", "")
        match = _loose(name).search(raw) if name else None
        if not match:
            return None
        end = match.end()
        etal = re.match(r"[,\s]*et\s*al\.?", raw[end:])
        if etal:
            end += etal.end()
        spans.append((0, end, "author"))
        cursor = end
    title_end = find(fields["title"], cursor, "title") if fields.get("title") else cursor
    if title_end is None:
        return None
    after = title_end
    if fields.get("container"):
        container_end = find(fields["container"], title_end, "container")
        if container_end is None:
            return None
        after = container_end
    if fields.get("year") and find(fields.get("year_raw") or fields["year"], cursor, "date") is None:
        return None
    position = after
    for key, label in (("volume", "volume"), ("issue", "issue")):
        if fields.get(key):
            found = find(fields[key], position, label)
            if found is None:
                return None
            position = found
    pages_missing = fields.get("pages") and find(fields["pages"], position, "pages") is None
    if pages_missing and find(fields.get("fpage", "\0"), position, "pages") is None:
        return None
    for key, label in (("publisher", "publisher"), ("publisher_place", "location"), ("edition", "edition")):
        if fields.get(key):
            find(fields[key], cursor, label)
    if fields.get("doi"):
        find(fields["doi"], cursor, "id")
    return raw, _label_tokens(raw, spans)


def training_records() -> list[tuple[str, list[str]]]:
    """Every usable labelled sequence, one copy per distinct reference text."""
    out: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    sources: list[tuple[str, Any]] = [
        ("plos_jats", from_plos),
        ("anystyle_gold", lambda r: from_joined_spans(r, ANYSTYLE_MAP)),
        ("anystyle_core", lambda r: from_joined_spans(r, ANYSTYLE_MAP)),
        ("anystyle_good", lambda r: from_joined_spans(r, ANYSTYLE_MAP)),
        ("anystyle_bad", lambda r: from_joined_spans(r, ANYSTYLE_MAP)),
        ("anystyle_ugly", lambda r: from_joined_spans(r, ANYSTYLE_MAP)),
        ("grobid_citation", from_grobid),
        ("cora_parscit", lambda r: from_joined_spans(r, CORA_MAP)),
    ]
    for name, convert in sources:
        kept = dropped = 0
        with (EVAL / f"{name}.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                key = re.sub(r"[\W_]+", "", record["raw"].casefold())
                if key in seen or not key:
                    continue
                seen.add(key)
                converted = convert(record)
                if converted is None or not converted[1]:
                    dropped += 1
                    continue
                out.append(converted)
                kept += 1
        print(f"{name}: {kept} sequences, {dropped} not aligned", file=sys.stderr)
    return out


def train(records: list[tuple[str, list[str]]], path: Path, iterations: int, c1: float = 0.6, c2: float = 0.1) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for raw, labels in records:
        tokens = tokenize(raw)
        trainer.append(sequence_features(tokens), labels)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True, "feature.minfreq": 2})
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.time()
    trainer.train(str(path))
    print(f"{path}: {len(records)} sequences, {time.time() - started:.0f} s, {path.stat().st_size // 1024} KB", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="Train the two held-out models in build/parser-cv/.")
    parser.add_argument("--fold", type=int, default=None, help="With --cv, train only this fold's model.")
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    parser.add_argument("--c1", type=float, default=0.6, help="L1 penalty (also keeps the model small).")
    parser.add_argument("--c2", type=float, default=0.1, help="L2 penalty.")
    args = parser.parse_args()
    records = training_records()
    if not args.cv:
        train(records, args.output, args.iterations, args.c1, args.c2)
        return
    for fold in (0, 1) if args.fold is None else (args.fold,):
        # The model for fold k never sees a reference of fold k.
        subset = [(raw, labels) for raw, labels in records if fold_of(raw) != fold]
        train(subset, ROOT / "build" / "parser-cv" / f"fold{fold}.crfsuite", args.iterations, args.c1, args.c2)


if __name__ == "__main__":
    main()
