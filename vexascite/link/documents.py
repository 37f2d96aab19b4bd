"""Manuscripts as text: Markdown, plain text (PDF extractions too), LaTeX and Word .docx.

Offsets and lines of claims refer to the text returned here: the file itself for text
formats; for .docx, one line per Word paragraph, headings as Markdown ``#`` lines and
superscript runs as ``<sup>…</sup>`` so superscript citation numbers stay markers.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputUnreadable
from ..inputs import decode_input, read_input_bytes

__all__ = ["Manuscript", "docx_to_text", "manuscript_format", "read_manuscript"]


@dataclass(slots=True)
class Manuscript:
    """The text of a manuscript and how to read it."""

    text: str
    format: str  # markdown | text | latex | docx
    paragraph_per_line: bool = False


def manuscript_format(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return {
        ".md": "markdown",
        ".markdown": "markdown",
        ".rmd": "markdown",
        ".qmd": "markdown",
        ".tex": "latex",
        ".latex": "latex",
        ".docx": "docx",
    }.get(suffix, "text")


def docx_to_text(data: bytes) -> str:
    """Word paragraphs as lines: headings as ``# …``, superscripts as ``<sup>…</sup>``."""
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise InputUnreadable("reading .docx needs python-docx") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputUnreadable(f"not a Word .docx file ({exc})") from exc
    lines = []
    for paragraph in document.paragraphs:
        parts = []
        for run in paragraph.runs:
            text = run.text
            if not text:
                continue
            if run.font.superscript and text.strip():
                parts.append(f"<sup>{text.strip()}</sup>")
            else:
                parts.append(text)
        line = "".join(parts).replace("\n", " ").replace("\r", " ")
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if style.lower().startswith("heading") and line.strip():
            level = "".join(ch for ch in style if ch.isdigit()) or "1"
            line = "#" * min(int(level), 6) + " " + line.strip()
        elif style.lower() == "title" and line.strip():
            line = "# " + line.strip()
        lines.append(line)
    return "\n".join(lines) + "\n"


def read_manuscript(path: str | Path, data: bytes | None = None) -> Manuscript:
    """Read a manuscript file; raises :class:`InputUnreadable` with the file named."""
    path = Path(path)
    fmt = manuscript_format(path.name)
    raw = read_input_bytes(path) if data is None else data
    if fmt == "docx":
        try:
            return Manuscript(docx_to_text(raw), "docx", paragraph_per_line=True)
        except InputUnreadable as exc:
            raise InputUnreadable(f"{path}: {exc}") from exc
    text, _ = decode_input(raw, str(path), "a manuscript")
    return Manuscript(text, fmt)
