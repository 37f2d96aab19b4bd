"""Reading input files: bytes with clear errors, and text decoding that reports the
lines it had to guess (used by import and by link alike).

Decoding order: a byte-order mark (UTF-8, UTF-16, UTF-32) wins; then UTF-16 without a
mark, recognised by its zero bytes; then an XML declaration's ``encoding``; then UTF-8,
with lines that are not UTF-8 read as Windows-1252 and reported. A file whose first
8 KB are mostly control bytes is binary and refused. NUL bytes in a text file are
removed and reported by line, wherever they are.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import InputUnreadable
from ..ids import DOI_START
from ..model import ImportProblem

#: The most bytes one input file may hold (an import, a manuscript): larger is refused.
MAX_INPUT_BYTES = 200 * 1024 * 1024
#: Lines reported one by one for one kind of decoding problem; the rest are counted.
MAX_LINES_REPORTED = 20

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
#: Where a file of binary-looking bytes still holds references worth reading: an entry
#: start of one of the formats, or a DOI.
_ENTRY_MARKERS = re.compile(
    rb"(?:^|\n)\s*@[A-Za-z]+\s*[{(]|(?:^|\n)TY  - |(?:^|\n)PMID- |<PubmedArticle[\s>]|\"title\"\s*:|\b"
    + DOI_START.encode() + rb"\S"
)
_SINGLE_BYTE_LATIN = frozenset({"iso8859-1", "cp1252", "iso8859-15", "ascii"})


def read_input_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """The file's bytes; :class:`InputUnreadable` naming the file when it cannot be had.

    A stream (a pipe, ``<(...)``, a device such as ``/dev/zero``) states no size, so the
    limit is also kept while reading: never more than ``max_bytes`` are held."""
    try:
        if max_bytes is None:
            return path.read_bytes()
        size = path.stat().st_size
        if size <= max_bytes:
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
            if len(data) <= max_bytes:
                return data
        limit = f"the {max_bytes // 2**20} MB limit; split the file"
        if size > max_bytes:
            raise InputUnreadable(f"{path}: {size / 2**20:.0f} MB is larger than {limit}")
        raise InputUnreadable(f"{path}: a stream that gives more than {limit}")
    except FileNotFoundError as exc:
        raise InputUnreadable(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputUnreadable(f"{path}: is a folder") from exc
    except OSError as exc:
        raise InputUnreadable(f"{path}: cannot read: {exc.strerror or exc}") from exc


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte of the head is mostly zero (text in a
    Latin script written as UTF-16 without a byte-order mark)."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    even_zero, odd_zero = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_zero > 0.4 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.4 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def _declared_xml_encoding(data: bytes) -> str | None:
    match = _XML_DECLARATION.match(data[:512])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def _looks_binary(head: bytes) -> bool:
    """Many control bytes, in a head that is not UTF-8 text (text holding a few stray
    control characters is read; its entries are still worth having)."""
    if not head or sum(b < 9 or 13 < b < 32 for b in head) <= len(head) * 0.05:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start < len(head) - 3  # not just a character cut at the end of the head
    return head.count(0) > len(head) * 0.05


def _decode_replacing(data: bytes, encoding: str, problems: list[ImportProblem]) -> str:
    """Decode with a known encoding; lines with bytes it cannot read are reported."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        pass
    text = data.decode(encoding, errors="replace")
    bad = [number for number, line in enumerate(text.splitlines(), start=1) if "\ufffd" in line]
    _report_lines(problems, bad, f"bytes that are not {encoding}; replaced by \ufffd: check the file's encoding")
    return text


def _report_lines(problems: list[ImportProblem], lines: list[int], message: str) -> None:
    for number in lines[:MAX_LINES_REPORTED]:
        problems.append(ImportProblem(number, message))
    if len(lines) > MAX_LINES_REPORTED:
        problems.append(ImportProblem(lines[MAX_LINES_REPORTED], f"and {len(lines) - MAX_LINES_REPORTED} more lines: {message}"))


def _decode_utf8_or_legacy(data: bytes, problems: list[ImportProblem]) -> str:
    """UTF-8; lines that are not are read as Windows-1252/Latin-1 and reported."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines, bad = [], []
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line.decode("cp1252", errors="replace"))
            bad.append(number)
    _report_lines(problems, bad, "not UTF-8; read as Latin-1/Windows-1252: check its accents and save the file as UTF-8")
    return "".join(lines)


def decode_input(data: bytes, name: str, what: str = "references") -> tuple[str, list[ImportProblem]]:
    """Bytes to text and the problems met (see the module's docstring for the order)."""
    problems: list[ImportProblem] = []
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is not None:
        data = data[len(next(bom for bom, enc in _BOMS if enc == encoding)) :]
    else:
        encoding = _utf16_without_bom(data[:8192])
    if encoding is None and _looks_binary(data[:8192]):
        if not _ENTRY_MARKERS.search(data):
            raise InputUnreadable(f"{name}: looks like a binary file, not {what}; nothing read")
        problems.append(ImportProblem(1, "binary content in this file; the entries that could be read were read"))
    if encoding is None:
        declared = _declared_xml_encoding(data)
        if declared in _SINGLE_BYTE_LATIN and not data.isascii():
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                encoding = declared
            else:
                problems.append(ImportProblem(1, f"declares encoding {declared} but is UTF-8; read as UTF-8"))
                return _without_nuls(_line_ends(text), problems), problems
        elif declared is not None and declared not in ("utf-8", "utf-16", "utf-32"):
            encoding = declared
    if encoding is None or encoding == "utf-8":
        text = _decode_utf8_or_legacy(data, problems)
    else:
        text = _decode_replacing(data, encoding, problems)
    return _without_nuls(_line_ends(text.lstrip("\ufeff")), problems), problems


def _line_ends(text: str) -> str:
    """A file with carriage returns and no line feeds (classic Mac OS) gets line feeds:
    every importer reads lines ending in one."""
    if "\r" in text and "\n" not in text:
        return text.replace("\r", "\n")
    return text


def _without_nuls(text: str, problems: list[ImportProblem]) -> str:
    """NUL characters removed (no format has a use for them; SQLite and XML do not take
    them), each line that held one reported."""
    if "\x00" not in text:
        return text
    bad = [number for number, line in enumerate(text.splitlines(), start=1) if "\x00" in line]
    _report_lines(problems, bad, "NUL bytes removed from this line; check the file was saved as text")
    return text.replace("\x00", "")
