"""PDF as text, page by page, with where each page starts so a line of the text can be
traced back to its page and its line on that page.

Text comes from pypdf: pure Python (nothing to build, no system library), maintained,
and its extraction keeps the reading order of single- and two-column papers well enough
for the list finder, which joins wrapped lines itself. A PDF whose pages carry no text
(a scan) cannot be read without OCR and is refused.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field

from ..errors import InputUnreadable

__all__ = ["PdfText", "page_position", "pdf_text"]


@dataclass(slots=True)
class PdfText:
    text: str
    #: First line (1-based, in ``text``) of each page, in page order.
    page_lines: list[int] = field(default_factory=list)


def page_position(page_lines: list[int], line: int) -> tuple[int, int]:
    """(page, line on that page), both 1-based, of a line of the text."""
    page = 0
    for index, first in enumerate(page_lines):
        if first > line:
            break
        page = index
    return page + 1, line - page_lines[page] + 1 if page_lines else line


def pdf_text(data: bytes) -> PdfText:
    """Extract the text of every page; :class:`InputUnreadable` for a damaged, locked
    or image-only PDF."""
    import zlib

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are about layout, not the text
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputUnreadable("the PDF is password-protected; save an unlocked copy and import that")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputUnreadable:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError,
            RecursionError, AssertionError, NotImplementedError, zlib.error) as exc:  # what a damaged file makes pypdf raise
        raise InputUnreadable(f"not a readable PDF ({exc}); nothing read") from exc
    if not any(page.strip() for page in pages):
        raise InputUnreadable(
            f"the PDF has no text layer ({len(pages)} page(s) of images: a scan?); "
            "run OCR on it first (for example ocrmypdf) and import the result; nothing read"
        )
    lines: list[str] = []
    page_lines = []
    for page in pages:
        page_lines.append(len(lines) + 1)
        lines.extend(page.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return PdfText("\n".join(lines) + "\n", page_lines)
