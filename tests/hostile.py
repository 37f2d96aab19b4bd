"""Hostile and broken input files in every importable format, each holding known good
entries that an import must keep.

Every case is a file (name and bytes), the titles (or DOIs) of its good entries, and
what must never appear in the library after importing it (an identifier the file does
not state, a title decoded twice). Kinds: encodings (UTF-16 with and without a BOM,
UTF-8 BOM, Latin-1, CR-only and CRLF line ends), NUL bytes early and late, control
characters, truncation, junk between entries, very long fields and lines, deep nesting,
5,000-digit numbers, many bad entries, injection text, and the problems of each format
(``@string`` growth, missing commas, crossref loops; wrong JSON types; RIS notes naming
another paper; MEDLINE records run together; XML entities and declared encodings;
identifier lists that are numbered lists).

    python -m tests.hostile OUTDIR     # write every case to OUTDIR
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Case:
    name: str
    filename: str
    data: bytes
    #: Titles (DOIs for identifier lists and text) that must be in the library after import.
    good: list[str]
    #: (CSL variable, value) pairs no work may have afterwards.
    forbidden: list[tuple[str, str]] = field(default_factory=list)
    #: Heavy cases are also run in a separate process under a memory limit.
    heavy: bool = False


# -- good entries of each format ------------------------------------------------------
def _title(fmt: str, case: str, i: int) -> str:
    return f"Hostile survivor {fmt} {case.replace('_', ' ')} {i}"


def _bibtex(case: str, i: int, title: str) -> str:
    return (f"@article{{good{i},\n  author = {{Doe, Jane and Roe, Richard}},\n  title = {{{title}}},\n"
            f"  journal = {{Journal of Fictional Studies}},\n  year = 2020,\n  volume = {{{i}}},\n  pages = {{1--9}}\n}}\n\n")


def _biblatex(case: str, i: int, title: str) -> str:
    return (f"@online{{good{i},\n  author = {{Doe, Jane}},\n  title = {{{title}}},\n  date = {{2021-03-0{i % 9 + 1}}},\n"
            f"  url = {{https://example.org/{case}/{i}}},\n  urldate = {{2024-01-01}}\n}}\n\n")


def _ris(case: str, i: int, title: str) -> str:
    return f"TY  - JOUR\nAU  - Doe, Jane\nTI  - {title}\nT2  - Journal of Fictional Studies\nPY  - 2020\nVL  - {i}\nER  - \n\n"


def _medline(case: str, i: int, title: str) -> str:
    return f"PMID- {99990000 + i}\nTI  - {title}.\nFAU - Doe, Jane\nAU  - Doe J\nDP  - 2020 Jan\nTA  - J Fict Stud\n\n"


def _xml(case: str, i: int, title: str) -> str:
    return (f"<PubmedArticle><MedlineCitation><PMID>{99991000 + i}</PMID><Article><ArticleTitle>{title}.</ArticleTitle>"
            "<AuthorList><Author><LastName>Doe</LastName><ForeName>Jane</ForeName></Author></AuthorList>"
            "<Journal><Title>Journal of Fictional Studies</Title><JournalIssue><PubDate><Year>2020</Year></PubDate>"
            "</JournalIssue></Journal></Article></MedlineCitation></PubmedArticle>\n")


def _csl(case: str, i: int, title: str) -> str:
    item = {"id": f"good{i}", "type": "article-journal", "title": title, "author": [{"family": "Doe", "given": "Jane"}],
            "issued": {"date-parts": [[2020, 1]]}, "container-title": "Journal of Fictional Studies"}
    return json.dumps(item, ensure_ascii=False)


def _ids(case: str, i: int, doi: str) -> str:
    return f"{doi}\n"


def _text(case: str, i: int, doi: str) -> str:
    return f"{i}. Doe J, Roe R. A fictional study number {i}. J Fict Stud. 2020;12(3):45-67. doi:{doi}. Epub 2020 Jan 5.\n"


@dataclass
class Format:
    name: str
    extension: str
    entry: Callable[[str, int, str], str]
    by_doi: bool = False
    head: str = ""
    tail: str = ""
    separator: str = ""


FORMATS = {
    "bibtex": Format("bibtex", ".bib", _bibtex),
    "biblatex": Format("biblatex", ".biblatex", _biblatex),
    "ris": Format("ris", ".ris", _ris),
    "csl-json": Format("csl-json", ".json", _csl, head="[\n", tail="\n]\n", separator=",\n"),
    "medline": Format("medline", ".nbib", _medline),
    "pubmed-xml": Format("pubmed-xml", ".xml", _xml, head='<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n',
                         tail="</PubmedArticleSet>\n"),
    "ids": Format("ids", ".ids", _ids, by_doi=True),
    "text": Format("text", ".txt", _text, by_doi=True, head="A manuscript.\n\nReferences\n\n"),
}


def _good(fmt: Format, case: str, i: int) -> tuple[str, str]:
    value = f"10.5555/hostile.{fmt.name}.{case}.{i}".replace("_", "-") if fmt.by_doi else _title(fmt.name, case, i)
    return fmt.entry(case, i, value), value


def _document(fmt: Format, case: str, pieces: list[str | int]) -> tuple[str, list[str]]:
    """A file of the format: ints are good entries (by number), strings are put verbatim."""
    parts, good = [], []
    for piece in pieces:
        if isinstance(piece, int):
            text, value = _good(fmt, case, piece)
            parts.append(text)
            good.append(value)
        else:
            parts.append(piece)
    body = fmt.separator.join(parts) if fmt.separator else "".join(parts)
    return fmt.head + body + fmt.tail, good


# -- hostile pieces of each format -------------------------------------------------------
def _bad_entry(fmt: str, payload: str) -> str:
    """An entry of the format whose title is ``payload`` (valid syntax, odd content)."""
    return {
        "bibtex": f"@article{{odd,\n  title = {{{payload}}},\n  year = 2020\n}}\n\n",
        "biblatex": f"@online{{odd,\n  title = {{{payload}}},\n  date = {{2020}}\n}}\n\n",
        "ris": f"TY  - JOUR\nTI  - {payload}\nER  - \n\n",
        "csl-json": json.dumps({"id": "odd", "title": payload}),
        "medline": f"PMID- 99989999\nTI  - {payload}\n\n",
        "pubmed-xml": f"<PubmedArticle><MedlineCitation><PMID>99989998</PMID><Article><ArticleTitle>{payload}"
                      "</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n",
        "ids": f"{payload}\n",
        "text": f"99. {payload}\n",
    }[fmt]


def _broken_entry(fmt: str) -> str:
    """An entry that cannot be read (syntax broken) but ends where the next one starts."""
    return {
        "bibtex": "@article{broken title = {No key comma}, year = 2020}\n\n",
        "biblatex": "@online{broken,\n  title = {Unclosed brace\n\n",
        "ris": "TY  - JOUR\nTI  Missing the dash\nXX\nER  - \n\n",
        "csl-json": '{"id": "broken", "title": oops, "author": [}',
        "medline": "this is not a tag\nneither is this\n\n",
        "pubmed-xml": "<PubmedArticle><MedlineCitation><Article><ArticleTitle>Unclosed</Article></PubmedArticle>\n",
        "ids": "not an identifier at all\n",
        "text": "98. ???\n",
    }[fmt]


def _generic_cases(fmt: Format) -> Iterator[Case]:
    name, ext = fmt.name, fmt.extension

    def case(kind: str, pieces: list[str | int], encode: Callable[[str], bytes] = lambda t: t.encode("utf-8"),
             transform: Callable[[str], str] = lambda t: t, heavy: bool = False, **extra: object) -> Case:
        text, good = _document(fmt, kind, pieces)
        return Case(f"{name}-{kind}", f"{name}-{kind}{ext}", encode(transform(text)), good, heavy=heavy, **extra)  # type: ignore[arg-type]

    yield case("utf16_bom", [1, 2, 3], encode=lambda t: t.encode("utf-16"))
    yield case("utf16be_no_bom", [1, 2, 3], encode=lambda t: t.encode("utf-16-be"))
    yield case("utf8_bom", [1, 2, 3], encode=lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"))
    yield case("crlf", [1, 2, 3], transform=lambda t: t.replace("\n", "\r\n"))
    yield case("cr_only", [1, 2, 3], transform=lambda t: t.replace("\n", "\r"))
    yield case("nul_early", [1, "\x00", 2, 3])
    yield case("nul_late", [1, *range(2, 80), "\x00", 80])
    yield case("control_chars", [1, _bad_entry(name, "Odd \x01\x02\x03\x07\x08\x0b\x0c\x1b[31m title"), 2])
    yield case("broken_between", [1, _broken_entry(name), 2, _broken_entry(name), 3])
    yield case("many_broken", [*[piece for i in range(1, 301) for piece in (i, _broken_entry(name))], 301])
    yield case("junk_lines", [1, "\u00ff\u00fe garbage \u2028 line \ufffd\n#@!$%^&*()\n" if fmt.separator == "" else "", 2])
    yield case("huge_field", [1, _bad_entry(name, "Long " + "x" * 3_000_000), 2], heavy=True)
    yield case("injection", [1, _bad_entry(name, "\\input{/etc/passwd} '); DROP TABLE works;-- <script>alert(1)</script> ${x}"), 2])
    yield case("long_line_junk", [1, "junk" * 500_000 + "\n" if fmt.separator == "" else "", 2], heavy=True)
    latin = fmt.name not in ("ids", "text")
    if latin:
        text, good = _document(fmt, "latin1", [1, 2])
        accented = text.replace("Hostile survivor", "Hostile survivor caf\u00e9 M\u00fcller")
        good = [g.replace("Hostile survivor", "Hostile survivor caf\u00e9 M\u00fcller") for g in good]
        yield Case(f"{name}-latin1", f"{name}-latin1{ext}", accented.encode("latin-1"), good,
                   forbidden=[("title-contains", "\u00c3")])
    text, good = _document(fmt, "truncated", [1, 2, 3])
    yield Case(f"{name}-truncated", f"{name}-truncated{ext}", text.encode()[: len(text.encode()) - 3], good[:2])


def _specific_cases() -> Iterator[Case]:
    bib, csl, ris, med, xml, ids, txt = (FORMATS[n] for n in ("bibtex", "csl-json", "ris", "medline", "pubmed-xml", "ids", "text"))

    def doc(fmt: Format, kind: str, pieces: list[str | int], **extra: object) -> Case:
        text, good = _document(fmt, kind, pieces)
        return Case(f"{fmt.name}-{kind}", f"{fmt.name}-{kind}{fmt.extension}", text.encode(), good, **extra)  # type: ignore[arg-type]

    # BibTeX / BibLaTeX
    bomb = '@string{a0 = "' + "ha" * 20 + '"}\n' + "".join(f"@string{{a{i} = a{i - 1} # a{i - 1}}}\n" for i in range(1, 40))
    yield doc(bib, "string_bomb", [bomb, 1, "@article{boom, title = a39, year = 2020}\n\n", 2], heavy=True)
    yield doc(bib, "string_field_bomb", ['@string{big = "' + "y" * 100_000 + '"}\n', 1,
                                         "@article{wide, title = " + " # ".join(["big"] * 2000) + "}\n\n", 2], heavy=True)
    yield doc(bib, "missing_comma", [1, "@article{nocomma,\n  title = {No comma}\n  year = {2020},\n}\n\n", 2],
              forbidden=[("title", "No comma}\n  year = {2020")])
    yield doc(bib, "duplicate_keys", [1, 1, 2])
    yield doc(bib, "crossref_loop", [1, "@inproceedings{c1, title = {Loop one}, crossref = {c2}}\n\n"
                                        "@inproceedings{c2, title = {Loop two}, crossref = {c1}}\n\n"
                                        "@inproceedings{c3, title = {Self}, crossref = {c3}}\n\n", 2])
    yield doc(bib, "deep_braces", [1, "@article{deep, title = {" + "{" * 100_000 + "x" + "}" * 100_000 + "}}\n\n", 2], heavy=True)
    yield doc(bib, "big_number", [1, "@article{num, title = {Numbers}, year = " + "9" * 5000 + ", volume = " + "1" * 5000 + "}\n\n", 2])
    yield doc(bib, "unbalanced", [1, "@article{open, title = {Never closed\n\n", 2, "@article{close, title = {x}}}}}\n\n", 3])
    yield doc(bib, "no_entries_junk", ["@comment{just a comment}\n", "% percent comment\n", 1])
    yield doc(bib, "parenthesis_entries", [1, "@article(paren, title = {Parenthesised}, year = 2020)\n\n", 2])
    yield doc(bib, "latex_hostile", [1, "@article{tex, title = {\\def\\x{\\x}\\x \\csname end\\endcsname \\\\\\\\ \\verb|x| $$}}\n\n", 2])
    twice = _document(bib, "duplicate_fields", [1, "@article{twice, title = {Hostile survivor bibtex twice}, title = {Other}}\n\n", 2])
    yield Case("bibtex-duplicate_fields", "bibtex-duplicate_fields.bib", twice[0].encode(), [*twice[1], "Hostile survivor bibtex twice"])
    yield doc(bib, "odd_keys_and_names", [1, "@article{k\u00e9y/with:odd chars, author = {" + " and ".join(["Doe, J"] * 5000)
                                          + "}, title = {Trailing backslash\\}, year = {20xx}, month = {13}}\n\n",
                                          "@article{undefined, title = nomacro # {x}, journal = alsonomacro}\n\n", 2])
    # CSL-JSON
    wrong = [
        {"id": "w1", "title": "Wrong authors string", "author": "Doe, Jane"},
        {"id": "w2", "title": "Wrong authors numbers", "author": [1, 2, None]},
        {"id": "w3", "title": "Wrong authors null", "author": None},
        {"id": "w4", "title": "Wrong family", "author": [{"family": ["Doe"], "given": {"x": 1}}]},
        {"id": "w5", "title": "Wrong DOI", "DOI": 10.1234},
        {"id": "w6", "title": "Flat date", "issued": {"date-parts": [2020, 1]}},
        {"id": "w7", "title": "Object date", "issued": {"date-parts": {"year": 2020}}},
        {"id": "w8", "title": ["List", "title"], "issued": "2020"},
        {"id": ["list id"], "title": {"nested": "title"}, "PMID": [1]},
        {"id": "w10", "title": True, "type": 5, "volume": None, "page": {"a": 1}},
        "a string item", 42, None, [],
    ]
    yield doc(csl, "wrong_types", [1, *(json.dumps(w) for w in wrong), 2], forbidden=[("DOI", "10.1234")])
    yield doc(csl, "deep_nesting", [1, "[" * 100_000 + "]" * 100_000, 2, '{"id": "d", "title": "D", "x": ' + "{\"a\":" * 50_000 + "1" + "}" * 50_000 + "}", 3], heavy=True)
    yield doc(csl, "big_number", [1, '{"id": "n", "title": "Numbers", "volume": ' + "9" * 5000 + ', "page": 1e999999}', 2])
    yield doc(csl, "surrogates", [1, '{"id": "s\\ud800", "title": "Lone \\udc00 surrogate \\u0000 nul"}', 2])
    yield doc(csl, "bad_syntax_middle", [1, '{"id": "b", "title": "B", }', 2, "{'single': 'quotes'}", 3, "NaN", 4])
    yield Case("csl-json-object_items", "csl-json-object_items.json",
               ('{"items": [' + _csl("x", 1, "Hostile survivor object items 1") + ', 5, "x"]}').encode(),
               ["Hostile survivor object items 1"])
    lines_text = "\n".join(_csl("jl", i, _title("csl-json", "json lines", i)) for i in (1, 2, 3)) + "\n"
    yield Case("csl-json-json_lines", "csl-json-json_lines.json", lines_text.encode(),
               [_title("csl-json", "json lines", i) for i in (1, 2, 3)])
    yield doc(csl, "stray_brackets", [1, "]", 2, "}", 3])
    wrapped = '{"items": [' + _csl("w", 1, "Hostile survivor wrapped 1") + ', {"title": oops}, ' + _csl("w", 2, "Hostile survivor wrapped 2") + "]}"
    yield Case("csl-json-items_with_broken", "csl-json-items_with_broken.json", wrapped.encode("utf-8-sig"),
               ["Hostile survivor wrapped 1", "Hostile survivor wrapped 2"])
    # RIS
    loose = _document(ris, "loose_tags", [1, 2])
    yield Case("ris-loose_tags", "ris-loose_tags.ris", loose[0].replace("  - ", " - ").encode(), loose[1])
    yield doc(ris, "comment_on_pmid", ["TY  - JOUR\nTI  - Hostile survivor ris comment\nN1  - Comment on PMID: 12345678\n"
                                       "N1  - Erratum in: J Fict Stud. 2021. PMID: 23456789\nER  - \n\n", 1],
              forbidden=[("PMID", "12345678"), ("PMID", "23456789")])
    yield doc(ris, "missing_er", [1, "TY  - JOUR\nTI  - No end record\n", 2, 3])
    yield doc(ris, "odd_tags", [1, "TY  - ZZZZ\nZZ  - unknown tag\nAU  -\nAU  - ,\nPY  - " + "9" * 5000 + "\nSP  - \nER  - \n\n", 2])
    yield doc(ris, "title_newlines", [1, "TY  - JOUR\nTI  - Line one\n  continued\nER  - \nTY  - \nER  - \n\n", 2])
    # MEDLINE
    together = ["Hostile survivor medline run together 1", "Hostile survivor medline run together 2"]
    yield Case("medline-run_together", "medline-run_together.nbib",
               (_medline("r", 1, together[0]).rstrip("\n") + "\n" + _medline("r", 2, together[1])).encode(), together)
    yield doc(med, "comment_in", ["PMID- 99990077\nTI  - Hostile survivor medline comment in.\nCIN - J Fict Stud. 2021. PMID: 12345678\n"
                                  "CON - Other. PMID: 23456789\nDP  - 2020\n\n", 1],
              forbidden=[("PMID", "12345678"), ("PMID", "23456789")])
    yield doc(med, "long_continuation", [1, "PMID- 99990088\nTI  - Long\n" + "      continued line\n" * 200_000 + "\n", 2], heavy=True)
    # PubMed XML
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10)) + "]>\n")
    text, good = _document(xml, "laughs", [1, 2])
    text = laughs + text.split("\n", 1)[1].replace("<PubmedArticleSet>", "<PubmedArticleSet><X>&lol9;</X>")
    yield Case("pubmed-xml-billion_laughs", "pubmed-xml-billion_laughs.xml", text.encode(), good, heavy=True)
    text, good = _document(xml, "xxe", [1, 2])
    text = ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
            + text.split("\n", 1)[1].replace("<PubmedArticleSet>", "<PubmedArticleSet><PubmedArticle><MedlineCitation>"
                                             "<PMID>99992222</PMID><Article><ArticleTitle>&xxe;</ArticleTitle></Article>"
                                             "</MedlineCitation></PubmedArticle>"))
    yield Case("pubmed-xml-xxe", "pubmed-xml-xxe.xml", text.encode(), good, forbidden=[("title-contains", "root:")])
    text, good = _document(xml, "declared_latin1", [1, 2])
    text = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("Hostile survivor", "Hostile survivor M\u00fcller")
    yield Case("pubmed-xml-declared_latin1", "pubmed-xml-declared_latin1.xml", text.encode("latin-1"),
               [g.replace("Hostile survivor", "Hostile survivor M\u00fcller") for g in good], forbidden=[("title-contains", "\u00c3")])
    text, good = _document(xml, "declared_utf16", [1, 2])
    yield Case("pubmed-xml-declared_utf16", "pubmed-xml-declared_utf16.xml",
               text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"), good)
    yield doc(xml, "deep_elements", [1, "<X>" * 100_000 + "</X>" * 100_000 + "\n", 2], heavy=True)
    yield doc(xml, "unclosed_tags", [1, "<PubmedArticle><MedlineCitation><PMID>99993333</PMID><Article><ArticleTitle>Broken\n", 2])
    # Identifier lists and text
    yield doc(ids, "numbered_list", [1, "".join(f"{i}.\n" for i in range(1, 2000)), "10.\n", 2],
              forbidden=[("PMID", "10"), ("PMID", "1999"), ("PMID", "1")])
    yield doc(ids, "comments", ["# a list\n", 1, "   # indented comment\n", 2])
    yield doc(ids, "doi_fragments", [1, "10.1234\n10.1234/\ndoi:\nhttps://doi.org/\nPMID:\nPMC\n", 2])
    yield doc(txt, "numbered_numbers", [1, "".join(f"{i}.\n" for i in range(1, 2000)), 2], forbidden=[("PMID", "10")])
    yield doc(txt, "comment_pmid", [1, "3. Comment on: Doe J. Earlier paper. J Fict Stud. 2019. PMID: 12345678\n", 2])


def cases() -> list[Case]:
    """Every hostile case, in a stable order."""
    found = [case for fmt in FORMATS.values() for case in _generic_cases(fmt)]
    found.extend(_specific_cases())
    return found


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "hostile")
    out.mkdir(parents=True, exist_ok=True)
    for case in cases():
        (out / case.filename).write_bytes(case.data)
    print(f"{len(cases())} files in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
