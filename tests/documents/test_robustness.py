"""Any bytes given as a Word or PDF file give a document or a clear InputUnreadable."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.documents.pdfs import text_pdf
from vexascite.documents import read_document_bytes
from vexascite.errors import InputUnreadable

PDF = text_pdf("1. Beck DB. Somatic mutations in UBA1. N Engl J Med. 2020;383:2628.")


def _read(data: bytes, name: str) -> None:
    try:
        document = read_document_bytes(data, name)
    except InputUnreadable as exc:
        assert name in str(exc)
    else:
        assert isinstance(document.text, str)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=600), st.sampled_from(["a.pdf", "a.docx"]))
def test_random_bytes(data: bytes, name: str):
    _read(data, name)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(PDF) - 1), st.integers(1, 400), st.binary(min_size=1, max_size=40))
def test_damaged_pdf(at: int, cut: int, junk: bytes):
    _read(PDF[:at] + junk + PDF[at + cut :], "damaged.pdf")


def test_pdf_with_a_damaged_filter_name():
    """A stream filter pypdf does not know (``/FlateDecode`` hit by one byte) is a
    damaged file, not a crash."""
    at = PDF.index(b"/FlateDecode") + 1
    _read(PDF[:at] + b"\x00" + PDF[at + 1 :], "damaged.pdf")


def test_zip_that_is_not_a_word_document():
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types><broken")
        archive.writestr("word/document.xml", "<w:document/>")
    _read(out.getvalue(), "fake.docx")
