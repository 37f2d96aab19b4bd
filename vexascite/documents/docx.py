"""Word .docx as text: one line per body paragraph, with what Word shows and the
citations a reference manager left in it.

- headings become Markdown ``#`` lines and superscript runs ``<sup>…</sup>``, so
  superscript citation numbers stay markers;
- automatically numbered paragraphs get the number Word shows (:mod:`.numbering`);
- citation fields (Zotero ``ADDIN ZOTERO_ITEM CSL_CITATION``, Mendeley ``ADDIN
  CSL_CITATION``, EndNote ``ADDIN EN.CITE``), complex (``w:fldChar``/``w:instrText`` over
  several runs) or simple (``w:fldSimple``), are kept with their instruction verbatim and
  the span of their shown text in the returned text.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputUnreadable
from .encoding import MAX_INPUT_BYTES
from .numbering import Numbering, W

__all__ = ["CitationField", "DocxText", "citation_kind", "docx_text"]


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(slots=True)
class CitationField:
    """A reference manager's citation field: its instruction as stored and where its
    shown text (``"(1,2)"``, ``"Beck et al., 2020"``) stands in the document's text."""

    kind: str  # zotero | mendeley | endnote
    instruction: str
    line: int
    start: int  # offsets in the whole text
    end: int
    shown: str
    data: str | None = None  # w:fldData (EndNote keeps its XML there, base64)


@dataclass(slots=True)
class DocxText:
    text: str
    fields: list[CitationField] = field(default_factory=list)
    numbered_paragraphs: int = 0


def citation_kind(instruction: str) -> str | None:
    """Which reference manager wrote a field, from its instruction; None for other fields."""
    words = instruction.split()
    if len(words) < 2 or words[0].upper() != "ADDIN":
        return None
    name = words[1].upper()
    if name == "ZOTERO_ITEM":
        return "zotero"
    if name == "CSL_CITATION":
        return "mendeley"
    if name in ("EN.CITE", "EN.CITE.DATA"):
        return "endnote"
    return None


@dataclass(slots=True)
class _Field:
    #: the instruction as Word split it over runs, joined once read (adding each run to a
    #: string copied it whole every time: a field of megabytes in 25,000 runs took 15 s)
    pieces: list[str] = field(default_factory=list)
    data: str = ""
    in_result: bool = False
    start: int | None = None  # offset in the line where the shown text began
    simple: bool = False

    @property
    def instruction(self) -> str:
        return "".join(self.pieces)


class _Reader:
    """Walks the paragraphs, carrying open complex fields from one paragraph to the next."""

    def __init__(self, numbering: Numbering, styles: dict[str, Any]) -> None:
        self.numbering = numbering
        self.styles = styles
        self.stack: list[_Field] = []
        self.lines: list[str] = []
        self.fields: list[CitationField] = []
        self.offset = 0  # offset of the current line in the whole text
        self.numbered = 0

    # -- a paragraph ------------------------------------------------------------------
    def paragraph(self, p: Any, style_name: str, style_numpr: Any) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.pending: list[tuple[_Field, int, int]] = []  # fields ended in this line
        for f in self.stack:  # a field's shown text continues from the previous paragraph
            if f.in_result:
                f.start = 0
        label = self._label(p, style_numpr)
        if label:
            self._emit(label + " ", superscript=False)
            self.numbered += 1
        self._walk(p)
        line = "".join(self.parts).replace("\n", " ").replace("\r", " ")
        shift = 0
        if style_name.lower().startswith("heading") and line.strip():
            level = "".join(ch for ch in style_name if ch.isdigit()) or "1"
            prefix = "#" * min(int(level), 6) + " "
            shift = len(prefix) - (len(line) - len(line.lstrip()))
            line = prefix + line.strip()
        elif style_name.lower() == "title" and line.strip():
            shift = 2 - (len(line) - len(line.lstrip()))
            line = "# " + line.strip()
        number = len(self.lines) + 1
        for f, start, end in self.pending:
            kind = citation_kind(f.instruction)
            if kind is None:
                continue
            start, end = max(0, start + shift), min(len(line), end + shift)
            self.fields.append(
                CitationField(kind, f.instruction.strip(), number, self.offset + start, self.offset + end,
                              line[start:end], f.data.strip() or None)
            )
        self.lines.append(line)
        self.offset += len(line) + 1

    def _label(self, p: Any, style_numpr: Any) -> str | None:
        ppr = p.find(_q("pPr"))
        numpr = ppr.find(_q("numPr")) if ppr is not None else None
        num_id = ilvl = None
        for source in (numpr, style_numpr):
            if source is None:
                continue
            num_el, lvl_el = source.find(_q("numId")), source.find(_q("ilvl"))
            if num_id is None and num_el is not None:
                num_id = num_el.get(_q("val"))
            if ilvl is None and lvl_el is not None:
                ilvl = lvl_el.get(_q("val"))
        if num_id is None:
            return None
        return self.numbering.label(num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0)

    def _emit(self, text: str, superscript: bool) -> None:
        if not text:
            return
        if self.stack and not self.stack[-1].in_result:
            return  # text inside a field's instruction part is not shown
        if superscript and text.strip():
            text = f"<sup>{text.strip()}</sup>"
        self.parts.append(text)
        self.length += len(text)

    def _walk(self, element: Any) -> None:
        for child in element:
            tag = child.tag
            if tag == _q("r"):
                self._run(child)
            elif tag == _q("fldSimple"):
                f = _Field([child.get(_q("instr")) or ""], in_result=True, start=self.length, simple=True)
                self.stack.append(f)
                self._walk(child)
                self.stack.pop()
                self.pending.append((f, f.start or 0, self.length))
            elif tag in (_q("pPr"), _q("rPr"), _q("del"), _q("moveFrom")):
                continue
            elif isinstance(tag, str):
                self._walk(child)  # hyperlinks, insertions, content controls, smart tags

    def _run(self, r: Any) -> None:
        rpr = r.find(_q("rPr"))
        vert = rpr.find(_q("vertAlign")) if rpr is not None else None
        superscript = vert is not None and vert.get(_q("val")) == "superscript"
        buffer: list[str] = []

        def flush() -> None:
            if buffer:
                self._emit("".join(buffer), superscript)
                buffer.clear()

        for child in r:
            tag = child.tag
            if tag == _q("t"):
                # text after an entity reference (a DTD Word never writes; its entities are
                # not expanded) is the element's children's tails: itertext keeps it
                buffer.append(child.text or "" if not len(child) else "".join(child.itertext()))
            elif tag == _q("tab"):
                buffer.append("\t")
            elif tag in (_q("br"), _q("cr")):
                buffer.append("\n")
            elif tag == _q("noBreakHyphen"):
                buffer.append("-")
            elif tag == _q("fldChar"):
                flush()
                kind = child.get(_q("fldCharType"))
                if kind == "begin":
                    f = _Field()
                    data = child.find(_q("fldData"))
                    if data is not None and data.text:
                        f.data = data.text
                    self.stack.append(f)
                elif kind == "separate" and self.stack:
                    self.stack[-1].in_result = True
                    self.stack[-1].start = self.length
                elif kind == "end" and self.stack:
                    f = self.stack.pop()
                    if f.in_result:
                        self.pending.append((f, f.start or 0, self.length))
                    elif self.stack and not self.stack[-1].in_result and not self.stack[-1].data:
                        # EndNote nests an EN.CITE.DATA field, holding the data, in the
                        # instruction of its EN.CITE field
                        self.stack[-1].data = f.data
            elif tag == _q("instrText"):
                flush()
                if self.stack and not self.stack[-1].in_result:
                    self.stack[-1].pieces.append(child.text or "" if not len(child) else "".join(child.itertext()))
        flush()


def _style_numbering(document: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Paragraph styles that number their paragraphs: style id -> its ``w:numPr``."""
    numprs: dict[str, Any] = {}
    try:
        styles = document.styles.element
    except Exception:  # noqa: BLE001 - a document without styles part
        return {}, {}
    based: dict[str, str] = {}
    for style in styles.iter(_q("style")):
        style_id = style.get(_q("styleId")) or ""
        ppr = style.find(_q("pPr"))
        numpr = ppr.find(_q("numPr")) if ppr is not None else None
        if numpr is not None:
            numprs[style_id] = numpr
        parent = style.find(_q("basedOn"))
        if parent is not None:
            based[style_id] = parent.get(_q("val")) or ""
    for style_id in list(based):
        seen, current = set(), style_id
        while current not in numprs and current in based and current not in seen:
            seen.add(current)
            current = based[current]
        if current in numprs:
            numprs[style_id] = numprs[current]
    return numprs, based


def _refuse_bomb(data: bytes) -> None:
    """Refuse a .docx whose parts unpack to more than an input file may hold: python-docx
    reads every part into memory, so a small archive of repeated bytes (a zip bomb) took
    gigabytes. The sizes an archive states bound what reading it gives."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_INPUT_BYTES:
        raise InputUnreadable(
            f"the .docx unpacks to {unpacked / 2**20:.0f} MB, more than the {MAX_INPUT_BYTES // 2**20} MB limit "
            "(a zip bomb, or a file too large to read); nothing read"
        )


def docx_text(data: bytes) -> DocxText:
    """Read a .docx; raises :class:`InputUnreadable` when it is not one."""
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise InputUnreadable("reading .docx needs python-docx") from exc
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        _refuse_bomb(data)
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError, XMLSyntaxError) as exc:
        raise InputUnreadable(f"not a Word .docx file ({exc})") from exc
    numbering_xml = None
    try:
        numbering_xml = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        numbering_xml = None
    style_numprs, _ = _style_numbering(document)
    style_nums = {
        style_id: num.get(_q("val")) or ""
        for style_id, numpr in style_numprs.items()
        if (num := numpr.find(_q("numId"))) is not None
    }
    reader = _Reader(Numbering(numbering_xml, style_nums), style_numprs)
    names = _style_names(document)
    default = names.get("", "")
    for p in _body_paragraphs(document.element.body):
        ppr = p.find(_q("pPr"))
        style_el = ppr.find(_q("pStyle")) if ppr is not None else None
        style_id = style_el.get(_q("val")) if style_el is not None else None
        reader.paragraph(p, names.get(style_id or "", default), style_numprs.get(style_id or ""))
    return DocxText("\n".join(reader.lines) + "\n", reader.fields, reader.numbered)


def _body_paragraphs(container: Any) -> Iterator[Any]:
    """Every paragraph of the body in reading order: also those inside content controls
    (Word's own bibliography and some reference managers put the reference list in one)
    and table cells, which ``document.paragraphs`` leaves out."""
    for child in container:
        if child.tag == _q("p"):
            yield child
        elif child.tag == _q("sdt"):
            content = child.find(_q("sdtContent"))
            if content is not None:
                yield from _body_paragraphs(content)
        elif child.tag == _q("tbl"):
            for row in child.findall(_q("tr")):
                for cell in row.findall(_q("tc")):
                    yield from _body_paragraphs(cell)
        elif child.tag in (_q("customXml"), _q("ins"), _q("moveTo")):
            yield from _body_paragraphs(child)


def _style_names(document: Any) -> dict[str, str]:
    """Paragraph style id -> its name (``Heading1`` -> ``heading 1``); the default
    paragraph style under ``""``."""
    names: dict[str, str] = {}
    try:
        styles = document.styles.element
    except Exception:  # noqa: BLE001 - a document without styles part
        return names
    for style in styles.iter(_q("style")):
        if style.get(_q("type")) not in (None, "paragraph"):
            continue
        name = style.find(_q("name"))
        shown = (name.get(_q("val")) if name is not None else None) or style.get(_q("styleId")) or ""
        names[style.get(_q("styleId")) or ""] = shown
        if style.get(_q("default")) in ("1", "true", "on"):
            names[""] = names[style.get(_q("styleId")) or ""]
    return names

