"""Claims: the citing sentences of a manuscript, with the span each marker supports (pure).

A claim is a sentence of running text (not a byline, affiliation list, heading or
reference entry) that carries at least one citation marker. Each marker supports the
clause before it: from the sentence start, or from the previous marker in the sentence,
up to the marker; a citation that is part of the sentence ("As Beck et al. (2020)
showed, ...", pandoc's ``@key``, ``\\citet``) supports the whole sentence. Claim text
is the sentence with its markers and markup removed, so it reads as a statement and
can be searched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .abbreviations import find_abbreviations
from .markers import Marker
from .sentences import Sentence, split_sentences

__all__ = ["Claim", "ClaimMarker", "Extraction", "clean_claim_text", "extract_claims"]

_CLAIM_KINDS = frozenset({"paragraph", "list-item", "legend"})


@dataclass(slots=True)
class ClaimMarker:
    """A marker of a claim and the clause it supports (document offsets)."""

    marker: Marker
    line: int
    clause_start: int
    clause_end: int
    clause: str = ""  # the text the marker supports, cleaned like the claim


@dataclass(slots=True)
class Claim:
    """A citing sentence: where it is, what it says and what it cites."""

    ordinal: int
    start: int
    end: int
    segments: tuple[tuple[int, int], ...]
    line: int
    end_line: int
    section: str | None
    text: str
    raw: str
    markers: list[ClaimMarker] = field(default_factory=list)


@dataclass(slots=True)
class Extraction:
    """What reading one manuscript found."""

    sentences: int
    claims: list[Claim]
    abbreviations: dict[str, str]
    ignored_marks: int  # affiliation marks in bylines and affiliation lists


_LATEX_FORMATTING = re.compile(r"\\[A-Za-z]+\*?\{([^{}]*)\}")
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+\*?\s?")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1")
_MATH_DOLLARS = re.compile(r"\$([^$]{0,80})\$")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?)\]])(?!\d)")  # not "P = .001"
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
#: A word cut at its hyphen by a line's end (``follow-`` / ``up``, ``IL-`` / ``6``): the hyphen stays, the line
#: break goes (a page printed from the manuscript wraps compounds there; ``pre- and post-`` keeps its space).
_WRAPPED_AT_HYPHEN = re.compile(r"(?<=[^\W\d_])-[ \t]*\n\s*(?=[^\W_])")


def clean_claim_text(text: str) -> str:
    """Readable claim text: markup, emphasis and math dollars removed, a compound wrapped at its hyphen
    joined, spaces collapsed."""
    if "\\" in text:
        text = text.replace("\\%", "%").replace("\\&", "&")
        for _ in range(3):  # nested: \caption{\emph{x}}
            text = _LATEX_FORMATTING.sub(r"\1", text)
        text = _LATEX_COMMAND.sub("", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub(r"\2", text)
    if "$" in text:
        text = _MATH_DOLLARS.sub(r"\1", text)
    text = text.replace("~", " ")
    if "()" in text or "[]" in text or "( " in text or "[ " in text:
        text = _EMPTY_BRACKETS.sub("", text)
    if "-\n" in text or "- \n" in text:
        text = _WRAPPED_AT_HYPHEN.sub("-", text)
    text = " ".join(text.split())
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return text.strip()


#: A Markdown footnote's definition, ``[^3]: ...``, at a line's start.
_FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^(\d{1,4})\]:", re.MULTILINE)


def _prose_notes(document: str, line_starts: list[int], reference_lines: frozenset[int]) -> frozenset[int]:
    """Numbers of the Markdown footnotes defined outside every reference list (a note of prose): a ``[^3]``
    citing one of them cites no reference; one citing a footnote the list finder took as an entry does."""
    if "[^" not in document:
        return frozenset()
    lines = {int(m.group(1)): _line_of(line_starts, m.start()) for m in _FOOTNOTE_DEFINITION.finditer(document)}
    return frozenset(number for number, line in lines.items() if line not in reference_lines)


_NARRATIVE_LATEX = re.compile(r"\\(?:citet|textcite|Textcite|citeauthor|Citet|Citeauthor)\b")


def narrative_text(marker: Marker) -> str:
    """What a citation that is part of the sentence leaves in the claim text.

    "Beck et al. (2020) found" keeps "Beck et al."; ``\\citet{beck2020}`` and pandoc's
    in-text ``@beck2020`` keep the key, so the sentence still reads; a parenthetical or
    superscript marker leaves nothing.
    """
    if marker.style == "author-year" and not marker.text.startswith("("):
        return marker.text[: marker.text.rfind("(")].strip()
    if marker.style == "latex" and _NARRATIVE_LATEX.match(marker.text):
        return " and ".join(str(t.key) for t in marker.targets)
    if marker.style == "pandoc" and marker.text.startswith("@"):
        return marker.text[1:]
    if marker.style == "numeric" and marker.text[:1].isalpha():
        return marker.text  # "as shown in ref. 4": the words stay
    return ""


def _text_without(document: str, sentence: Sentence, cut: list[tuple[int, int, str]]) -> str:
    """The sentence's text with the ``cut`` spans (markers) replaced by their text."""
    pieces = []
    for seg_start, seg_end in sentence.segments:
        position = seg_start
        for cut_start, cut_end, replacement in cut:
            if cut_end <= position or cut_start >= seg_end:
                continue
            if cut_start >= position:  # (a marker over two segments is replaced once, in the first)
                pieces.append(document[position:cut_start])
                if replacement:
                    pieces.append(replacement)
            position = max(position, cut_end)
        pieces.append(document[position:seg_end])
        pieces.append(" ")
    return "".join(pieces)


def extract_claims(
    document: str, *, paragraph_per_line: bool = False, reference_lines: frozenset[int] = frozenset(),
    furniture_lines: frozenset[int] = frozenset(), heading_lines: frozenset[int] = frozenset(),
) -> Extraction:
    """Split ``document`` into sentences and keep those that cite, with their markers (``furniture_lines``:
    a PDF's page furniture, left out of every sentence; ``heading_lines``: the lines it prints as headings)."""
    sentences = split_sentences(
        document, paragraph_per_line=paragraph_per_line, reference_lines=reference_lines, furniture_lines=furniture_lines,
        heading_lines=heading_lines,
    )
    line_starts = [0] + [m.end() for m in re.finditer("\n", document)]
    claims: list[Claim] = []
    ignored = 0
    numbers_in_parentheses = _numbers_in_parentheses_cite(sentences)
    prose_notes = _prose_notes(document, line_starts, reference_lines)
    for sentence in sentences:
        if not numbers_in_parentheses:
            sentence.markers = [m for m in sentence.markers if not m.bare_parenthesis]
        if prose_notes:
            sentence.markers = [
                m for m in sentence.markers if not (m.text.startswith("[^") and m.targets and m.targets[0].number in prose_notes)
            ]
        if not sentence.markers:
            continue
        if sentence.kind not in _CLAIM_KINDS:
            ignored += len(sentence.markers) if sentence.kind == "front" else 0
            continue
        citing = [m for m in sentence.markers if m.targets and not m.affiliation]
        ignored += sum(m.affiliation for m in sentence.markers)
        if not citing:
            continue
        raw = sentence.text(document)
        cut = [(m.start, m.end, narrative_text(m)) for m in sentence.markers]
        text = clean_claim_text(_text_without(document, sentence, cut))
        claim_markers = []
        clause_start = sentence.start
        for marker in citing:
            line = _line_of(line_starts, marker.start)
            if clause_start == sentence.start and marker is sentence.markers[-1] and marker.end == sentence.end:
                clause = text  # the usual case: one marker closing the sentence supports all of it
            elif narrative_text(marker):
                clause = text  # "As Beck et al. (2020) showed, X": a citation that is part of the sentence supports all of it
            else:
                clause = _clause_text(document, sentence, clause_start, marker.start, cut)
            claim_markers.append(ClaimMarker(marker, line, clause_start, marker.start, clause))
            clause_start = marker.end
        claims.append(
            Claim(
                ordinal=len(claims) + 1,
                start=sentence.start,
                end=sentence.end,
                segments=sentence.segments,
                line=sentence.line,
                end_line=_line_of(line_starts, max(sentence.end - 1, sentence.start)),
                section=sentence.section,
                text=text,
                raw=raw,
                markers=claim_markers,
            )
        )
    return Extraction(len(sentences), claims, find_abbreviations(document), ignored)


def _numbers_in_parentheses_cite(sentences: list[Sentence]) -> bool:
    """Whether ``(4)``, ``(4–6)`` are citations here, by the document's own style: not
    where author-year or key citations are most of the document's (there such numbers are
    counts, ranges and items, "(4–6)" after a word), nor where its numbered citations are
    written mostly otherwise, in brackets or superscripts (``[3]``, ``³``: then "patients
    (4–6)" is a range of values or of a table's rows, not a second way of citing)."""
    named = numbered = parenthesised = bracketed = 0
    for sentence in sentences:
        if sentence.kind not in _CLAIM_KINDS:
            continue
        for marker in sentence.markers:
            if marker.targets and not marker.affiliation:
                if marker.style == "numeric" or marker.superscript:
                    numbered += 1
                    if marker.bare_parenthesis:
                        parenthesised += 1
                    elif marker.superscript or marker.text[:1] == "[":
                        bracketed += 1
                else:
                    named += 1
    return named <= numbered and bracketed <= parenthesised


def _clause_text(document: str, sentence: Sentence, start: int, end: int, cut: list[tuple[int, int, str]]) -> str:
    """The part of a sentence between ``start`` and ``end``, markers removed, cleaned."""
    segments = tuple((max(s, start), min(e, end)) for s, e in sentence.segments if s < end and e > start)
    if not segments:
        return ""
    part = Sentence(segments, sentence.line, sentence.kind)
    return clean_claim_text(_text_without(document, part, cut)).strip(",;: ")


def _line_of(line_starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(line_starts, offset)
