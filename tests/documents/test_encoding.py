"""Decoding input bytes: byte-order marks, UTF-16 without one, declared XML encodings,
NUL bytes wherever they are, binary files."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from vexascite.documents import decode_input, read_document, read_input_bytes
from vexascite.errors import InputUnreadable

TEXT = "@article{a,\n  title = {M\u00fcller's caf\u00e9},\n  year = 2020\n}\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_unicode_encodings_with_or_without_a_mark(encoding):
    text, problems = decode_input(TEXT.encode(encoding), "x.bib")
    assert text == TEXT and problems == []


def test_declared_xml_encoding_is_honoured_once():
    xml = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<A>M\u00fcller</A>\n'
    text, problems = decode_input(xml.encode("latin-1"), "x.xml")
    assert "M\u00fcller" in text and "\u00c3" not in text and problems == []


def test_a_utf8_file_declaring_latin1_is_read_as_utf8_and_said():
    xml = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<A>M\u00fcller</A>\n'
    text, problems = decode_input(xml.encode("utf-8"), "x.xml")
    assert "M\u00fcller" in text and "but is UTF-8" in problems[0].message


@pytest.mark.parametrize("where", [10, 20_000])
def test_nul_bytes_are_removed_and_reported_wherever_they_are(where):
    data = ("line\n" * 5000).encode()
    data = data[:where] + b"\x00" + data[where:]
    text, problems = decode_input(data, "x.txt")
    assert "\x00" not in text
    assert len(problems) == 1 and "NUL" in problems[0].message
    assert problems[0].line == data[:where].count(b"\n") + 1


def test_binary_is_refused_unless_it_holds_entries():
    with pytest.raises(InputUnreadable, match="binary"):
        decode_input(bytes(range(256)) * 8, "x.bib")
    text, problems = decode_input(bytes(range(256)) * 8 + b"\n@article{a, title={Kept}}\n", "x.bib")
    assert "@article{a, title={Kept}}" in text and "binary content" in problems[0].message


def test_stray_control_characters_do_not_make_text_binary():
    text, _ = decode_input(b"10.5555/a\n\x01\x02\x03\x07\x08\x0b\x0e\x1b odd\n10.5555/b\n", "x.ids")
    assert "10.5555/b" in text


def test_cr_only_line_ends_become_lines():
    text, _ = decode_input(b"TY  - JOUR\rTI  - A\rER  - \r", "x.ris")
    assert text.splitlines() == ["TY  - JOUR", "TI  - A", "ER  - "]


def test_a_stream_is_read_no_further_than_the_limit(tmp_path: Path):
    """A pipe or device states no size: reading stops past the limit instead of taking
    memory until the machine runs out (``import /dev/zero`` ran for ever)."""
    with pytest.raises(InputUnreadable, match="a stream that gives more than the 0 MB limit"):
        read_input_bytes(Path("/dev/zero"), 1000)
    fifo = tmp_path / "refs.bib"
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "wb") as handle:
            handle.write(b"@article{a, title={Piped}}\n")

    writer = threading.Thread(target=feed)
    writer.start()
    assert read_input_bytes(fifo, 1000) == b"@article{a, title={Piped}}\n"  # a stream within the limit is read whole
    writer.join()


def test_a_manuscript_is_read_within_the_same_limit():
    with pytest.raises(InputUnreadable, match="limit"):
        read_document("/dev/zero")
