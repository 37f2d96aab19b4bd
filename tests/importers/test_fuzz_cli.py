"""Hypothesis fuzzing of every importer through the CLI: good entries around a hostile
middle (arbitrary text, bytes or the format's own tokens in any order), in any
encoding. Whatever the middle holds: no traceback, exit 0, 3 or 5, and every good
entry imported."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile import FORMATS, _good
from tests.importers.test_hostile import library_values
from vexascite.cli import main

TOKENS = {
    "bibtex": ["@article{", "@string{", "@comment{", "@preamble{", "{", "}", "(", ")", ",", "=", "#", '"', "\\", "\n",
               "title", "author = ", "crossref = {good1}", " and ", "{\\\"u}", "$", "%", "@", "year = 2020", "x"],
    "ris": ["TY  - ", "ER  - ", "AU  - ", "TI  - ", "N1  - PMID: 1", "DO  - 10.", "\n", "  - ", "JOUR", "PY  - ", "x"],
    "csl-json": ["{", "}", "[", "]", ",", ":", '"', '"title"', '"author"', '"issued"', '"date-parts"', "null", "true",
                 "1e999", "-0", "99999999999999999999999", "\\u", "\\ud800", "\n", '"x"'],
    "medline": ["PMID- ", "TI  - ", "FAU - ", "AU  - ", "LID - ", " [doi]", "DP  - ", "      ", "\n", "\n\n", "CIN - PMID: 1", "x"],
    "pubmed-xml": ["<PubmedArticle>", "</PubmedArticle>", "<MedlineCitation>", "<PMID>", "</PMID>", "<Article>",
                   "<ArticleTitle>", "&amp;", "&lol;", "&#0;", "&#xD800;", "<![CDATA[", "]]>", "<!--", "-->", "<", ">", "x"],
    "ids": ["10.", "1234", "/", "doi:", "PMID:", "PMC", "https://doi.org/", "\n", ".", " ", "x"],
    "text": ["References\n", "1. ", "2. ", "[1] ", "doi:", "10.5555/", "PMID: ", ". ", ";", "(", ")", "\n", "x"],
}
TOKENS["biblatex"] = TOKENS["bibtex"]
SEPARATOR_AFTER = {"bibtex": "\n\n", "biblatex": "\n\n", "ris": "\nER  - \n\n", "medline": "\n\n", "ids": "\n", "text": "\n",
                   "csl-json": "", "pubmed-xml": "\n"}

middles = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
    st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
    st.lists(st.sampled_from(sorted({t for tokens in TOKENS.values() for t in tokens})), max_size=40).map("".join),
)


def _document(fmt_name: str, middle: str) -> tuple[str, list[str]]:
    fmt = FORMATS[fmt_name]
    before, first = _good(fmt, "fuzz", 1)
    after, second = _good(fmt, "fuzz", 2)
    if fmt_name == "csl-json":
        # the middle is one more item: whatever it holds, the items around it are read
        body = f"{before},\n{middle}\n,\n{after}"
    elif fmt_name == "pubmed-xml":
        body = f"{before}<Junk><![CDATA[{middle.replace(']]>', '')}]]></Junk>\n{after}"
    elif fmt_name == "text":
        body = f"{before}\n{middle}\n\n{after}"
    else:
        body = f"{before}{middle}{SEPARATOR_AFTER[fmt_name]}{after}"
    return fmt.head + body + fmt.tail, [first, second]


@pytest.mark.parametrize("fmt_name", sorted(FORMATS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(middle=middles, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]))
def test_importers_survive_anything_between_good_entries(fmt_name: str, middle: str, encoding: str) -> None:
    text, good = _document(fmt_name, middle)
    with TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{FORMATS[fmt_name].extension}"
        path.write_bytes(text.encode(encoding, errors="replace"))
        db = Path(folder) / "library.db"
        result = CliRunner().invoke(main, ["--db", str(db), "import", str(path)])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code in (0, 3, 5), result.output
        found, _, _ = library_values(db)
        missing = [g for g in good if g not in found and g.lower() not in found]
        assert not missing, f"good entries lost: {missing}\n{result.output[-2000:]}"
        if db.exists():
            with sqlite3.connect(db) as conn:
                assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
