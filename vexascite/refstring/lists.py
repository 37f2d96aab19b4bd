"""Find reference lists in plain text, Markdown or PDF-extracted text (pure).

A document may hold several lists (a page of a journal often starts with the tail of
the previous article's references), so lists are kept apart where the numbering
restarts, at a heading, or at an article boundary such as a ``DOI ...`` footer or a
``©`` line. Wrapped lines are joined and end-of-line hyphenation is repaired, so each
entry comes back as the text a reader would copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: A numbered entry's opening: ``12.``, ``12)``, ``[12]``, ``(12)``, or ``12`` + space.
_NUMBERED = re.compile(r"^\s{0,8}(?:[-*+]\s+)?(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})[.)](?!\d)|(\d{1,4})(?=\s+[A-Z\u00c0-\u024f]))\s*(?=\S)")
#: A number alone on its line (PDF extraction often puts the label on a line of its own).
_BARE_NUMBER = re.compile(r"^\s{0,8}(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})[.)])\s*$")
#: Stands for a line whose text was moved up to a bare number's line (not a blank line).
_MOVED = "\x00moved"
_BULLET = re.compile(r"^\s{0,8}[-*+•]\s+")
_HEADING_WORDS = (
    r"references(?:\s+and\s+notes)?|reference\s+list|bibliography|literature\s+cited|works\s+cited|"
    r"cited\s+literature|literature|sources|citations|notes\s+and\s+references|further\s+reading"
)
_REF_HEADING = re.compile(rf"^\s{{0,3}}(?:#{{1,6}}\s*)?(?:[*_]{{1,2}})?(?:\d+\.?\s+)?({_HEADING_WORDS})\s*:?(?:[*_]{{1,2}})?\s*:?\s*$", re.IGNORECASE)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")
_BOUNDARY = re.compile(
    r"^\s*(?:DOI\s*:?\s*10\.\d{4,9}/\S+\s*$|©|\(c\)\s*\d{4}|copyright\b|(?:-{3,}|\*{3,}|_{3,})\s*$)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(?:1[6-9]\d\d|20\d\d)(?!\d)")
_REFERENCE_HINT = re.compile(r"(?<!\d)(?:1[6-9]\d\d|20\d\d)[a-z]?(?!\d)|\b10\.\d{4,9}/|https?://|\bdoi\b|\bet al\b", re.IGNORECASE)
_SHORT_TITLE = re.compile(r"^[A-Z][\w ,&'’:-]{0,60}$")


@dataclass(slots=True)
class ListEntry:
    """One entry of a reference list: the joined text as printed (number included), its first line and number."""

    text: str
    line: int
    number: int | None = None


@dataclass(slots=True)
class ReferenceList:
    """A run of entries that belong together, with a label such as ``references-1``."""

    label: str
    heading: str | None
    line: int
    entries: list[ListEntry] = field(default_factory=list)


def _number_of(line: str) -> tuple[int, str] | None:
    match = _NUMBERED.match(line)
    if not match:
        return None
    number = next(int(group) for group in match.groups() if group is not None)
    return number, line[match.end() :]


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines: repair ``hyphen-\\nation`` and keep URLs and DOIs whole."""
    text = ""
    for raw_line in lines:
        line = raw_line.strip()
        if not line:
            continue
        if not text:
            text = _BULLET.sub("", line)
            continue
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].islower():
            # End-of-line hyphenation: "Endo-" + "scopic" -> "Endoscopic".
            text = text[:-1] + line
        elif text.endswith(("-", "/", "_")) or (_ends_in_link(text) and not line[:1].isupper() and line[:1] not in "([" and text[-1] != "."):
            text += line
        else:
            text += " " + line
    return text


def _ends_in_link(text: str) -> bool:
    last = text.rsplit(None, 1)[-1] if text.strip() else ""
    return bool(re.match(r"(?:https?://|www\.|doi:|10\.\d{4,9}/)", last, re.IGNORECASE)) and len(last) > 12


def _looks_like_reference(text: str) -> bool:
    return bool(_REFERENCE_HINT.search(text)) and len(text) >= 20


def find_reference_lists(text: str) -> list[ReferenceList]:
    """Return the reference lists found in a document, in order, entries numbered as printed."""
    lines = _attach_bare_numbers(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    lists: list[ReferenceList] = []
    current: ReferenceList | None = None
    entry_lines: list[str] = []
    entry_start = 0
    entry_number: int | None = None
    numbered = False  # whether the current list's entries carry numbers
    in_section = False  # after a "References" heading, until the next heading/boundary
    heading: str | None = None
    heading_line = 0
    blank_before = True

    def flush_entry() -> None:
        nonlocal entry_lines, entry_number
        if current is not None and entry_lines:
            joined = join_lines(entry_lines)
            if joined:
                current.entries.append(ListEntry(joined, entry_start, entry_number))
        entry_lines = []
        entry_number = None

    def close_list() -> None:
        nonlocal current
        flush_entry()
        if current is not None and current.entries and (current.heading is not None or _plausible_run(current)):
            lists.append(current)
        current = None

    def open_list(line_no: int) -> ReferenceList:
        nonlocal current
        current = ReferenceList(label="", heading=heading if in_section else None, line=line_no)
        return current

    for index, line in enumerate(lines):
        line_no = index + 1
        if line == _MOVED:
            continue
        stripped = line.strip()
        if not stripped:
            blank_before = True
            continue
        heading_match = _REF_HEADING.match(stripped)
        if heading_match:
            close_list()
            in_section, heading, heading_line = True, heading_match.group(1), line_no
            numbered = False
            blank_before = True
            continue
        if _BOUNDARY.match(stripped):
            close_list()
            in_section = False
            blank_before = True
            continue
        parsed_number = _number_of(line)
        if parsed_number is not None:
            number, rest = parsed_number
            expected = None
            if current is not None and current.entries or entry_lines:
                expected = (entry_number if entry_number is not None else _last_number(current)) or 0
            starts_new = current is None or not numbered or (expected is not None and number != expected + 1)
            if current is not None and numbered and expected is not None and number == expected + 1:
                flush_entry()
            elif current is not None and numbered and entry_lines and number != 1 and not blank_before:
                entry_lines.append(line)  # a wrapped line that starts with a number ("2014 Jan;...")
                continue
            elif starts_new:
                if not in_section and not _looks_like_reference(rest):
                    # A numbered line in prose (a list of points, a table row): not a reference.
                    close_list()
                    blank_before = False
                    continue
                close_list()
                open_list(line_no)
                numbered = True
            entry_lines, entry_start, entry_number = [line], line_no, number
            blank_before = False
            continue
        # An unnumbered line.
        if current is not None and numbered:
            if not blank_before and entry_lines:
                entry_lines.append(line)  # a wrapped line of the current entry
                continue
            if blank_before and entry_lines and _is_continuation(entry_lines, stripped):
                entry_lines.append(line)
                blank_before = False
                continue
            # Prose or a heading after a blank line ends a numbered list.
            close_list()
            numbered = False
            if not in_section:
                blank_before = False
                continue
        if in_section:
            if _MD_HEADING.match(stripped) or (blank_before and _is_section_heading(stripped)):
                close_list()
                in_section = False
                blank_before = False
                continue
            if current is None:
                open_list(heading_line or line_no)
                numbered = False
            if entry_lines and not blank_before and _is_continuation(entry_lines, stripped):
                entry_lines.append(line)
            else:
                flush_entry()
                entry_lines, entry_start, entry_number = [line], line_no, None
        blank_before = False
    close_list()
    for position, found in enumerate(lists, start=1):
        found.label = f"references-{position}"
    return lists


def _attach_bare_numbers(lines: list[str]) -> list[str]:
    """Put a number that stands alone on its line in front of the next line's text.

    The number's line keeps the entry (so line numbers stay those of the file); the
    following line is emptied.
    """
    out = list(lines)
    for index, line in enumerate(out):
        if not line.strip() or not _BARE_NUMBER.match(line):
            continue
        following = index + 1
        while following < len(out) and following <= index + 2 and not out[following].strip():
            following += 1
        if following < len(out) and following <= index + 2 and out[following].strip() and not _BARE_NUMBER.match(out[following]):
            if _NUMBERED.match(out[following]) or _REF_HEADING.match(out[following].strip()):
                continue
            out[index] = f"{line.strip()} {out[following].strip()}"
            for between in range(index + 1, following + 1):
                out[between] = _MOVED
    return out


def _last_number(current: ReferenceList | None) -> int | None:
    if current is None or not current.entries:
        return None
    return current.entries[-1].number


_STRONG_HINT = re.compile(
    r"\bet al\b|\b10\.\d{4,9}/|\bdoi\b|https?://|(?:1[6-9]|20)\d\d[a-z]?\s*[;:]\s*\d|\((?:1[6-9]|20)\d\d[a-z]?\)"
    r"|\b\d+\s*\(\d+\)\s*:\s*\d|\bpp?\.\s*\d|\bvol\.\s*\d",
    re.IGNORECASE,
)


def _looks_strongly_like_reference(text: str) -> bool:
    """A year plus something only references have: authors first, et al, a source, a link."""
    body = _NUMBERED.sub("", text, count=1)
    return _looks_like_reference(body) and (_starts_like_authors(body) or bool(_STRONG_HINT.search(body)))


def _plausible_run(found: ReferenceList) -> bool:
    """A list without a heading counts if most entries look like references."""
    hits = sum(1 for entry in found.entries if _looks_strongly_like_reference(entry.text))
    return hits >= max(1, (len(found.entries) + 1) // 2) and (len(found.entries) >= 2 or hits == 1)


def _is_continuation(entry_lines: list[str], line: str) -> bool:
    """Whether a line continues the entry above rather than starting a new one."""
    previous = entry_lines[-1].rstrip()
    if previous.endswith(("-", "/", ",", ";", ":", "&", " and")):
        return True
    first = line[:1]
    if first.islower() or first.isdigit() or first in "(":
        return True
    if re.match(r"^(?:doi|pmid|pmcid|https?://|available|accessed|retrieved|\[)", line, re.IGNORECASE):
        return True
    return not previous.endswith((".", "]", ")", ">")) and not _starts_like_authors(line)


def _starts_like_authors(line: str) -> bool:
    return bool(re.match(r"^[A-Z\u00c0-\u024f][\w'’\-]+(?:\s+[A-Z]{1,4}\b|,\s*[A-Z])", line))


def _is_section_heading(line: str) -> bool:
    """A short capitalised line with no full stop: a new section, not a reference."""
    return bool(_SHORT_TITLE.match(line)) and not _YEAR.search(line) and len(line.split()) <= 6
