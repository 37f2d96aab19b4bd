"""Blocks and sentences of a manuscript, with exact character spans (pure).

Real manuscripts, above all text extracted from PDFs, break sentences across page breaks
and interrupt them with figure legends; they also abbreviate ("et al.", "vs.", "Fig.",
"no."), print decimals and P values (".041") and put citation markers after the full
stop. The splitter works in three steps:

1. lines become *blocks*: paragraphs (blank-line separated, or one per line for Word
   files), headings, list items, figure legends and reference-list entries;
2. a paragraph that stops without end punctuation continues in the next paragraph that
   starts in lower case, skipping legends in between (the page-break rule);
3. each logical paragraph is cut at ``.``/``!``/``?`` followed by a space and a
   non-lower-case letter, unless the word before is a known abbreviation or an initial;
   markers right after the stop stay with the sentence they end.

PDF text has no blank lines, so a byline or an affiliation list may run straight into
the first paragraph: within such a block, a sentence that cites without affiliation marks
and reads as prose (a full stop, mostly lower-case words) is a paragraph sentence, and
one that starts with an affiliation list's tail is cut where the list's last line ends.
A short wrapped line is no heading when it ends in a comma, carries marks after names
(``Koster,^{3,*} Thomas``) or the next line goes on with a number (``25% in ...``).

A sentence is a tuple of *segments* (document offsets), so one interrupted by a legend
is still one sentence whose text skips the legend. Every non-space character of the
document belongs to exactly one sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from .markers import Marker, find_markers

__all__ = ["Block", "Sentence", "split_blocks", "split_sentences"]

#: Words that end with a full stop without ending a sentence (lower-cased, no stop).
ABBREVIATIONS = frozenset(
    ["al", "vs", "v", "fig", "figs", "no", "nos", "e.g", "i.e", "eg", "ie", "cf", "ca", "approx", "resp", "ref", "refs", "eq", "eqs", "suppl", "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "inc", "ltd", "co", "vol", "vols", "pp", "p", "ed", "eds", "viz", "univ", "dept", "est", "min", "max", "mo", "wk", "wks", "yr", "yrs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ph.d", "m.d", "u.s", "u.k", "e.u", "nr", "tab", "sect", "ch", "chap", "approx."]
)

_FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "of", "and", "or", "with", "in", "to", "for", "by", "from", "on", "at", "as", "is", "was",
     "were", "are", "be", "that", "which", "than", "but", "not", "its", "their"]
)
_HEADING_MD = re.compile(r"^\s{0,3}#{1,6}\s+\S")
_HEADING_LATEX = re.compile(r"^\s*\\(?:part|chapter|section|subsection|subsubsection|paragraph)\*?\s*(?:\[[^\]]*\])?\{")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]\s+|\d{1,3}[.)]\s+|\[\d{1,3}\]\s+|\(\d{1,3}\)\s+)\S")
_REF_ENTRY = re.compile(r"^\s*(?:\d{1,3}[.)]|\[\d{1,3}\])\s+\S.*\b(?:1[6-9]\d\d|20\d\d)\b")
_LEGEND = re.compile(r"^\s*(?:\*\*)?(?:Supplementary\s+|Supplemental\s+)?(?:Figure|Fig\.|Table|Box)\s*[\dA-Z]{1,3}[a-z]?(?:\*\*)?[.:|]", re.I)
_REF_HEADING = re.compile(r"^\s*(?:#{1,6}\s*|\\section\*?\{)?(?:references?(?: and notes)?|bibliography|literature cited|works cited|cited literature)\s*:?\}?\s*$", re.I)
_LATEX_ENV_LINE = re.compile(r"^\s*\\(?:begin|end|documentclass|usepackage|bibliography|bibliographystyle|maketitle|label|includegraphics|centering|item\b)")
_LEGEND_LABEL = re.compile(r"\W*(?:Supplementary\s+|Supplemental\s+)?(?:Figure|Fig\.|Table|Box)\s*[\dA-Z]{1,3}[a-z]?\W*", re.I)
_COMMENT = re.compile(r"^\s*%")
_END_PUNCT = ".!?:;"
_TRAILING_NOISE = re.compile(r"(?:\s|\*|_|\]|\)|\"|'|”|’|\^\{[^}]*\}|\^[\d,–-]+\^?|\[@[^\]]*\]|[⁰¹²³⁴⁵⁶⁷⁸⁹,˒⁻–-]|<sup>[^<]*</sup>|\[[\d,\s–-]+\])+$")


@dataclass(slots=True)
class Block:
    """A run of lines that belongs together: paragraph, heading, legend, list item..."""

    start: int
    end: int
    line: int
    kind: str  # paragraph | heading | legend | reference | list-item | markup
    text: str = ""


@dataclass(slots=True)
class Sentence:
    """One sentence: its segments (document offsets), first line, section and kind."""

    segments: tuple[tuple[int, int], ...]
    line: int
    kind: str
    section: str | None = None
    markers: list[Marker] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]

    def text(self, document: str) -> str:
        """The sentence as written, segments joined by a space."""
        return " ".join(document[s:e] for s, e in self.segments)


def _heading_text(line: str) -> str:
    line = line.strip()
    line = re.sub(r"^#{1,6}\s*", "", line)
    match = re.match(r"^\\[a-z]+\*?\s*(?:\[[^\]]*\])?\{(.*)\}\s*$", line)
    if match:
        line = match.group(1)
    return line.strip("*_ #:").strip()


#: An affiliation mark after a name and its comma, as bylines have.
_MARK_AFTER_COMMA = re.compile(r",(?:\^\{|\^[\d*†]|<sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹])")

#: A line that continues a sentence with a number: "25% in", "9 of 12", "3.5 mg/kg".
_GOES_ON = re.compile(r"\d[\d.,]*\s*(?:%|[a-zµ])")
#: A line that opens with the sentence's marker or punctuation: "[@okafor2021], a ...", "[3, 4]. Venous", ", and".
_MARKER_GOES_ON = re.compile(r"[,;:)\]]|\[-?@|\[[\d,\s–-]+\][,.;:)]")


def _looks_like_heading(stripped: str, prev_stripped: str | None, next_stripped: str | None) -> bool:
    """A short line without end punctuation between blocks: "Study Background", "REFERENCES"."""
    if not stripped or len(stripped) > 80 or len(stripped.split()) > 12:
        return False
    if not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    if stripped[-1] in ",;":
        return False  # "After a median follow-up of 6.9 months," wrapped before its end
    if _MARK_AFTER_COMMA.search(stripped):
        return False  # a byline wrapped in a PDF: "Koster,^{3,*} Thomas Barba,^{4,*} Mathieu"
    core = _TRAILING_NOISE.sub("", stripped)
    last = core[-1] if core else stripped[-1]
    if last in ".!?;,":
        return False
    if last == ":" and not stripped[:-1].isupper():
        return False
    if stripped.rsplit(None, 1)[-1] in _FUNCTION_WORDS:
        return False  # "Here, we present the results of" stops mid-sentence
    if prev_stripped and prev_stripped[-1] not in ".!?:" and not prev_stripped.isupper():
        return False
    # the sentence goes on: "... fell by at least" / "25% in 65% of patients", "... is given" / "[@okafor2021], a"
    return not (next_stripped and (next_stripped[0].islower() or _GOES_ON.match(next_stripped) or _MARKER_GOES_ON.match(next_stripped)))


def split_blocks(
    text: str, *, paragraph_per_line: bool = False, reference_lines: frozenset[int] = frozenset(), furniture_lines: frozenset[int] = frozenset(),
    heading_lines: frozenset[int] = frozenset(),
) -> list[Block]:
    """Cut a document into blocks (see module docstring); offsets exclude outer spaces. ``furniture_lines``
    (1-based) are a PDF's running heads, page numbers and footers: blocks of their own that a sentence runs over.
    ``heading_lines`` are lines the document's layout shows to be headings (a PDF's, by their font): each is a
    heading, lines of one heading in a row (wrapped) one block, whatever the text around them reads like."""
    lines = text.splitlines(keepends=True)
    offsets = []
    position = 0
    for line in lines:
        offsets.append(position)
        position += len(line)
    stripped_lines = [line.strip() for line in lines]
    next_nonblank: list[str | None] = [None] * len(lines)
    following: str | None = None
    for index in range(len(lines) - 1, -1, -1):
        next_nonblank[index] = following
        if stripped_lines[index]:
            following = stripped_lines[index]
    blocks: list[Block] = []
    current: Block | None = None
    in_references = False
    in_bibliography_env = False
    in_front_matter = False
    in_code = False
    wrapped_from = 0  # the first line of the last heading found in ``heading_lines``

    def close() -> None:
        nonlocal current
        if current is not None:
            blocks.append(current)
            current = None

    for index, line in enumerate(lines):
        stripped = stripped_lines[index]
        number = index + 1
        if not stripped:
            close()
            continue
        lead = len(line) - len(line.lstrip())
        start = offsets[index] + lead
        end = offsets[index] + len(line.rstrip())
        if number in furniture_lines:
            close()
            blocks.append(Block(start, end, number, "furniture"))
            continue
        if index == 0 and stripped == "---":
            in_front_matter = True  # YAML front matter of a pandoc Markdown file
        fence = stripped.startswith(("```", "~~~"))
        if in_front_matter or in_code or fence or (_COMMENT.match(line) and not paragraph_per_line):
            close()
            blocks.append(Block(start, end, number, "markup"))
            if fence:
                in_code = not in_code
            elif in_front_matter and index > 0 and stripped in ("---", "..."):
                in_front_matter = False
            continue
        if stripped.startswith("|"):  # a Markdown table row stands alone
            close()
            blocks.append(Block(start, end, number, "list-item"))
            continue
        if "\\begin{thebibliography}" in stripped:
            in_bibliography_env = True
        if in_bibliography_env:
            close()
            blocks.append(Block(start, end, number, "reference"))
            if "\\end{thebibliography}" in stripped:
                in_bibliography_env = False
            continue
        prev = stripped_lines[index - 1] if index and stripped_lines[index - 1] else None
        nxt = next_nonblank[index]
        kind = None
        if _REF_HEADING.match(stripped):
            in_references = True
            kind = "heading"
        elif _HEADING_MD.match(line) or _HEADING_LATEX.match(line):
            in_references = False
            kind = "heading"
        elif number in heading_lines and number not in reference_lines:
            in_references = False
            if number - 1 in heading_lines and blocks and blocks[-1].kind == "heading" and blocks[-1].line == wrapped_from and current is None:
                blocks[-1].end = end  # the heading wrapped: one block
                blocks[-1].text = f"{blocks[-1].text} {_heading_text(stripped)}"
                continue
            kind = "heading"
            wrapped_from = number
        elif _LATEX_ENV_LINE.match(line):
            kind = "markup"
        elif number in reference_lines or _REF_ENTRY.match(line) and (in_references or _looks_like_reference(stripped)):
            kind = "reference"
        elif in_references and (current is None or current.kind == "reference") and not _HEADING_MD.match(line):
            if _looks_like_heading(stripped, prev, nxt) and not _REF_ENTRY.match(line):
                in_references = False
                kind = "heading"
            else:
                kind = "reference"
        elif _LEGEND.match(line) and (current is None or prev is None or prev[-1] in ".!?"):
            kind = "legend"
        elif _LIST_ITEM.match(line):
            kind = "list-item"
        elif (current is None or (prev is not None and prev[-1] in ".!?:")) and _looks_like_heading(stripped, prev, nxt):
            kind = "heading"
        if kind in ("heading", "markup"):
            close()
            blocks.append(Block(start, end, number, kind, _heading_text(stripped) if kind == "heading" else ""))
            continue
        if kind == "reference" and current is not None and current.kind == "reference" and not _REF_ENTRY.match(line):
            current.end = end  # a reference entry wrapped over lines
            continue
        if kind is not None or current is None or paragraph_per_line or current.kind in ("reference",):
            close()
            current = Block(start, end, number, kind or "paragraph")
        else:
            current.end = end
    close()
    return blocks


def _looks_like_reference(stripped: str) -> bool:
    """A numbered line that reads like a reference entry rather than a list item."""
    return bool(
        re.search(r"\d{4}\s*[;:,.]\s*\d*\s*\(?[\w-]*\)?\s*[:;]\s*[\w-]+", stripped)
        or re.search(r"\bet al\b", stripped)
        and re.search(r"\b(?:doi|\d{4};)", stripped, re.I)
    )


def _ends_open(text: str) -> bool:
    """True when a paragraph stops mid-sentence (no end punctuation before trailing marks)."""
    trimmed = _TRAILING_NOISE.sub("", text[-120:])  # the tail only: the pattern is anchored at the end
    if not trimmed:
        return False
    return trimmed[-1] not in _END_PUNCT


def _logical_paragraphs(text: str, blocks: list[Block]) -> list[list[Block]]:
    """Join paragraphs broken by a page break or interrupted by legends (lower-case restart)."""
    groups: list[list[Block]] = []
    open_group: list[Block] | None = None
    skipped = 0
    for block in blocks:
        if block.kind == "paragraph":
            body = text[block.start : block.end]
            if open_group is not None and body[:1].islower():
                open_group.append(block)
            else:
                open_group = [block]
                groups.append(open_group)
            skipped = 0
            if not _ends_open(body):
                open_group = None
            continue
        groups.append([block])
        if block.kind == "furniture" and open_group is not None:
            continue  # the page broke inside the paragraph
        if block.kind == "legend" and open_group is not None and skipped < 3:
            skipped += 1
            continue
        open_group = None
    return groups


def _is_boundary_start(paragraph: str, position: int) -> bool:
    """Can a sentence start at ``position`` (the first non-space after a stop)?"""
    if position >= len(paragraph):
        return True
    ch = paragraph[position]
    return not (ch.islower() or ch in ",;:)]}%")


#: A full stop (with closing quotes or brackets) followed by a space, the end, or a marker.
_STOP = re.compile(r"[.!?]+[\"'”’)\]*_]*(?=\s|$|[\^<\[$\\⁰¹²³⁴⁵⁶⁷⁸⁹@(])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _abbreviation_before(paragraph: str, stop: int) -> bool:
    """Is the full stop at ``stop`` the end of an abbreviation or an initial?"""
    if paragraph[stop] != ".":
        return False
    match = _WORD_BEFORE.search(paragraph, max(0, stop - 20), stop)
    if not match:
        return False
    word = match.group(1)
    bare = word.strip(".").lower()
    if bare in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "Marcela A. Ferrada"
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))  # e.g, i.e, U.S


def _split_paragraph(paragraph: str, markers: list[Marker]) -> list[tuple[int, int]]:
    """Sentence spans (offsets into ``paragraph``), trimmed of outer spaces."""
    marker_at = {m.start: m.end for m in markers}
    inside: set[int] = set()
    for m in markers:
        if m.end - m.start > 1:
            inside.update(range(m.start, m.end))
    spans = []
    start = 0
    length = len(paragraph)
    for stop in _STOP.finditer(paragraph):
        if stop.start() in inside or stop.start() < start:
            continue
        end = stop.end()
        while end in marker_at:
            end = marker_at[end]
        if end < length and not paragraph[end].isspace():
            continue
        nxt = end
        while nxt < length and paragraph[nxt].isspace():
            nxt += 1
        if nxt >= length:
            break
        if not _is_boundary_start(paragraph, nxt) or _abbreviation_before(paragraph, stop.start()):
            continue
        if _LEGEND_LABEL.fullmatch(paragraph, start, stop.end()):
            continue  # "Figure 1." opens its legend's first sentence
        spans.append((start, end))
        start = nxt
    spans.append((start, length))
    trimmed = []
    for s, e in spans:
        while s < e and paragraph[s].isspace():
            s += 1
        while e > s and paragraph[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def split_sentences(
    text: str, *, paragraph_per_line: bool = False, reference_lines: frozenset[int] = frozenset(), furniture_lines: frozenset[int] = frozenset(),
    heading_lines: frozenset[int] = frozenset(),
) -> list[Sentence]:
    """Every sentence of ``text`` in order, with its markers (document offsets).

    Bylines and affiliation lists (superscript marks after names) get kind ``front``;
    reference entries get kind ``reference``: callers take claims from neither.
    """
    blocks = split_blocks(
        text, paragraph_per_line=paragraph_per_line, reference_lines=reference_lines, furniture_lines=furniture_lines, heading_lines=heading_lines
    )
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    sentences: list[Sentence] = []
    section: str | None = None
    for group in _logical_paragraphs(text, blocks):
        first = group[0]
        if first.kind == "heading":
            section = first.text or section
        pieces = [text[b.start : b.end] for b in group]
        paragraph = " ".join(pieces)
        bases = []  # (paragraph offset, document offset, length)
        offset = 0
        for block, piece in zip(group, pieces, strict=True):
            bases.append((offset, block.start, len(piece)))
            offset += len(piece) + 1
        kind = first.kind
        markers = find_markers(paragraph) if kind in ("paragraph", "list-item", "legend") else []
        if markers and _is_front_matter(paragraph, markers):
            kind = "front"
        spans = _split_paragraph(paragraph, markers) if kind in _PROSE else [(0, len(paragraph))]
        kinds = [kind] * len(spans)
        if kind == "front" and len(spans) > 1:
            spans, kinds = _prose_after_front(paragraph, markers, spans)
        # (Blocks and markers are in the paragraph's order: each sentence looks only at its own,
        # found by bisection, so a paragraph of thousands of sentences stays linear.)
        block_ends = [p_off + length for p_off, _, length in bases]
        marker_starts = [m.start for m in markers]
        for (s, e), kind in zip(spans, kinds, strict=True):
            segments = []
            for index in range(bisect.bisect_right(block_ends, s), len(bases)):
                p_off, d_off, length = bases[index]
                if p_off >= e:
                    break
                lo, hi = max(s, p_off), min(e, p_off + length)
                if lo < hi:
                    segments.append(_strip_segment(text, d_off + lo - p_off, d_off + hi - p_off))
            segments = [seg for seg in segments if seg[1] > seg[0]]
            if not segments:
                continue
            own = []
            for index in range(bisect.bisect_left(marker_starts, s), len(markers)):
                m = markers[index]
                if m.start >= e:
                    break
                if m.end <= e:
                    own.append(_shift(m, bases, block_ends))
            line = bisect.bisect_right(line_starts, segments[0][0])
            sentences.append(Sentence(tuple(segments), line, kind, section if kind != "heading" else None, own))
    sentences.sort(key=lambda sentence: sentence.start)
    return sentences


_PROSE = frozenset({"paragraph", "list-item", "legend", "front"})
#: Lower-case words a run of names in a byline may hold (``and``, ``of``, particles, ``d``): not
#: ``csl.PARTICLE_WORDS``, a byline's words, not a family name's.
_CONNECTORS = frozenset(["and", "of", "the", "de", "du", "la", "le", "van", "von", "der", "den", "des", "d", "et", "y", "e", "da", "di", "at", "in", "for"])


def _is_front_matter(paragraph: str, markers: list[Marker]) -> bool:
    """A byline or an affiliation list: superscript marks after capitalised names."""
    superscripts = [m for m in markers if m.superscript]
    if len(superscripts) < 2:
        return False
    if superscripts[0].start == 0 or sum(m.affiliation for m in superscripts) >= 2:
        return True
    # "Maël Heiblig,¹ Marcela A. Ferrada,² ...": marks after names and commas
    after_names = sum(
        paragraph[max(0, m.start - 1) : m.start] == "," or paragraph[m.end : m.end + 1] == "," for m in superscripts
    )
    if len(superscripts) < 3 or after_names < 0.6 * len(superscripts):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", paragraph) if w.lower() not in _CONNECTORS]
    capitalised = sum(w[0].isupper() for w in words)
    return bool(words) and capitalised / len(words) >= 0.6


def _front_like(paragraph: str, marker: Marker, start: int) -> bool:
    """An affiliation mark: flagged so, opening its text, or glued to the name after it
    ("²⁰Laboratory of ...")."""
    if marker.affiliation or marker.start == start:
        return True
    return marker.superscript and marker.end < len(paragraph) and paragraph[marker.end].isalpha()


def _prose_after_front(
    paragraph: str, markers: list[Marker], spans: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[str]]:
    """Sentences of running text glued to a byline or an affiliation list (PDF text has no
    blank line between them): a sentence that cites and has no affiliation mark, and is
    not itself a list of marked names, is prose; one that starts with the tail of an
    affiliation list is cut after the line of its last affiliation mark."""
    out: list[tuple[int, int]] = []
    kinds: list[str] = []
    for s, e in spans:
        own = [m for m in markers if s <= m.start and m.end <= e]
        marks = [m for m in own if _front_like(paragraph, m, s)]
        if not own:
            out.append((s, e))
            kinds.append("front")
            continue
        if not marks:
            out.append((s, e))
            kinds.append("paragraph" if _running_text(paragraph[s:e]) else "front")
            continue
        cut = _line_after_affiliation(paragraph, marks[-1].end, e)
        tail = [m for m in own if cut >= 0 and m.start > cut]
        if cut >= 0 and tail and _running_text(paragraph[cut:e]):
            out.extend([(s, cut), (cut + 1, e)])
            kinds.extend(["front", "paragraph"])
        else:
            out.append((s, e))
            kinds.append("front")
    return out, kinds


def _line_after_affiliation(paragraph: str, start: int, end: int) -> int:
    """Where running text begins after an affiliation list's last mark: the first line
    break after it where a line that does not end in a comma or "and" is followed by one
    starting with a capital (-1: none)."""
    cut = paragraph.find("\n", start, end)
    while cut >= 0:
        before = paragraph[start:cut].rstrip()
        after = paragraph[cut + 1 : end].lstrip()
        if before and before[-1] not in ",;" and not before.endswith(" and") and after[:1].isupper():
            return cut
        cut = paragraph.find("\n", cut + 1, end)
    return -1


def _running_text(text: str) -> bool:
    """A sentence of prose rather than names: several words, a full stop before its
    trailing markers (not after an initial), mostly lower-case words."""
    trimmed = _TRAILING_NOISE.sub("", text.rstrip())
    if len(text.split()) < 6 or not trimmed or trimmed[-1] not in _END_PUNCT:
        return False
    if re.search(r"(?:^|\s)[A-Z]\.$", trimmed):
        return False  # "... Marcela A." ends a byline cut at an initial
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in _CONNECTORS]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) < 0.5


def _strip_segment(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _shift(marker: Marker, bases: list[tuple[int, int, int]], block_ends: list[int] | None = None) -> Marker:
    """Move a marker from paragraph offsets to document offsets (its end by the piece it ends in: a marker
    broken by a page break, ``(Gadina`` / ``et al. 2020)``, spans the furniture between). ``block_ends``
    (each piece's end) lets it look only at the pieces the marker touches."""
    start = end = None
    first = bisect.bisect_right(block_ends, marker.start) if block_ends is not None else 0
    for index in range(first, len(bases)):  # (indices, not a slice: no copy a marker)
        p_off, d_off, length = bases[index]
        if p_off >= marker.end:
            break  # (no later piece holds any of it)
        if start is None and p_off <= marker.start < p_off + length:
            start = marker.start + d_off - p_off
        if p_off < marker.end <= p_off + length:
            end = marker.end + d_off - p_off
    if start is None:
        return marker
    if end is None or end < start:
        end = marker.end + start - marker.start
    return replace(marker, start=start, end=end)
