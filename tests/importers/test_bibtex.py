"""BibTeX import: decoding, macros, inheritance, failures with their lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text

from vexascite.importers import bibtex
from vexascite.importers.bibtex import read_bibtex
from vexascite.importers.latex import fast_latex_to_unicode, latex_to_unicode
from vexascite.model import RefStatus

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


def by_key(parsed):
    return {ref.entry_key: ref for ref in parsed.references if ref.entry_key}


def test_accents_in_every_form_decode_to_unicode():
    parsed = read_bibtex((DATA / "accents.bib").read_text(encoding="utf-8"))
    assert parsed.problems == []
    work = by_key(parsed)["comont2022azacitidine"].fields
    families = [a["family"] for a in work["author"]]
    assert families == ["Comont", "Heiblig", "Rivière", "Öztürk", "Müller", "åkesson", "Café", "Guéry", "Škoda", "François"]
    assert work["title"] == (
        "Azacitidine for patients with VEXAS and myelodysplastic syndrome: R&D of α-chain nested braces 50% data"
    )
    assert work["container-title"] == "Br J Haematol"  # @string macro
    assert work["issued"] == {"date-parts": [[2022, 4]]}  # month macro
    assert work["page"] == "969-974"
    assert work["issue"] == "4"
    assert work["note"] == "Data from the French VEXAS registry"  # '#' concatenation


def test_unknown_fields_are_kept_verbatim_for_export():
    parsed = read_bibtex((DATA / "accents.bib").read_text(encoding="utf-8"))
    ref = by_key(parsed)["comont2022azacitidine"]
    extra = ref.extra["bibtex"]
    assert extra["entrytype"] == "article"
    assert extra["fields"]["annote"] == "an unknown field, kept"
    # fields CSL holds are in the CSL item and, as written, in the raw entry
    assert "author" not in extra["fields"] and "Comont, T. and Heiblig" in ref.raw


def test_a_name_list_cut_with_and_others_is_kept_for_export():
    parsed = read_bibtex("@article{k, author = {Beck, D. B. and others}, editor = {Doe, J.}, title = {T}}")
    assert parsed.references[0].extra["bibtex"]["fields"] == {"author": "Beck, D. B. and others"}


PARTS = """@string{parent = "ash2022"}
@inproceedings{child1, author = {Hadjadj, J.}, title = {Targeted therapies}, crossref = {acr2023}, pages = {L03}}
@inproceedings{child2, author = {Kosmider, O.}, title = {Clonal hematopoiesis}, crossref = parent}
@article{one, author = {Beck, D. B.}, title = {Somatic mutations in UBA1}, journal = {N Engl J Med}, year = 2020}
@article{two, author = {Georgin-Lavialle, S.}, title = {Further characterization}, journal = {Br J Dermatol}, year = 2022}
@article{one, author = {Somebody, E.}, title = {Same key again}, year = 2021}
@proceedings{acr2023, title = {ACR Convergence 2023}, year = {2023}, publisher = {American College of Rheumatology}}
@proceedings{ash2022, title = {ASH Annual Meeting 2022}, year = {2022}, publisher = {American Society of Hematology}}
"""


def test_a_file_read_in_parts_by_other_processes_reads_as_one_part(monkeypatch):
    whole = read_bibtex(PARTS)
    monkeypatch.setattr(bibtex.reading, "CHUNK_CHARS", 150)
    monkeypatch.setattr(bibtex.reading, "PARALLEL_MIN_CHARS", 0)
    in_parts = read_bibtex(PARTS)
    assert in_parts == whole
    children = {ref.entry_key: ref.fields for ref in in_parts.references if ref.entry_key.startswith("child")}
    # parents come after children (as BibTeX wants), one named only through a macro
    assert children["child1"]["container-title"] == "ACR Convergence 2023"
    assert children["child2"]["container-title"] == "ASH Annual Meeting 2022"
    assert children["child2"]["publisher"] == "American Society of Hematology"
    assert [ref.status for ref in in_parts.references if ref.entry_key == "one"] == [RefStatus.PARSED, RefStatus.DUPLICATE_KEY]


def test_crossref_parent_fields_are_inherited():
    parsed = read_bibtex((DATA / "accents.bib").read_text(encoding="utf-8"))
    child = by_key(parsed)["hadjadj2023abstract"].fields
    assert child["type"] == "paper-conference"
    assert child["container-title"] == "ACR Convergence 2023"
    assert child["publisher"] == "American College of Rheumatology"
    assert child["publisher-place"] == "San Diego"
    assert child["issued"] == {"date-parts": [[2023]]}
    assert child["title"].startswith("Efficacy and safety")


def test_failed_blocks_and_duplicate_keys_are_recorded_with_lines():
    parsed = read_bibtex((DATA / "bad.bib").read_text(encoding="utf-8"))
    statuses = [(ref.line, ref.status, ref.entry_key) for ref in parsed.references]
    assert (1, RefStatus.PARSED, "good1") in statuses
    assert (6, RefStatus.DUPLICATE_KEY, "good1") in statuses
    assert any(line == 11 and status == RefStatus.FAILED for line, status, _ in statuses)
    assert (16, RefStatus.PARSED, "good2") in statuses
    lines = sorted(problem.line for problem in parsed.problems)
    assert lines == [6, 11]
    failed = next(ref for ref in parsed.references if ref.status == RefStatus.FAILED)
    assert "This title never closes" in failed.raw


def test_group_authors_in_braces_are_literal_and_others_is_dropped():
    parsed = read_bibtex("@misc{x, author = {{European Medicines Agency} and Doe, J. and others}, title={T}}")
    work = parsed.references[0].fields
    assert work["author"] == [{"literal": "European Medicines Agency"}, {"family": "Doe", "given": "J."}]
    assert "and others" in parsed.references[0].message


def test_von_and_first_last_names():
    parsed = read_bibtex("@article{x, author = {Ludwig van Beethoven and von Drygalski, Annette and Jean de La Fontaine}}")
    people = parsed.references[0].fields["author"]
    assert people[0] == {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"}
    assert people[1] == {"family": "Drygalski", "given": "Annette", "non-dropping-particle": "von"}


def test_undefined_macro_is_reported_and_kept():
    parsed = read_bibtex("@article{x, journal = nosuchmacro, title = {T}}")
    assert parsed.references[0].fields["container-title"] == "nosuchmacro"
    assert "undefined @string macro 'nosuchmacro'" in parsed.problems[0].message


@pytest.mark.parametrize(
    "latex",
    [r"M{\"u}ller", r"M\"{u}ller", r"{\aa}se", r"Caf\'{e}", r"R\&D", r"Role of $\alpha$-synuclein", r"\v{S}koda",
     r"\c{c}a", r"50\% of", r"\textit{in vivo}", r"{\em in vivo}", r"na\"\i ve", r"pages 1--2", r"\"u\ss",
     r"Fran\c cois", r"{\O}stergaard", r"\'{\i}", r"Gu\'{e}ry {UBA1}"],
)
def test_fast_decoder_agrees_with_pylatexenc(latex):
    reference = LatexNodes2Text(math_mode="text", keep_braced_groups=False, strict_latex_spaces=True)
    assert fast_latex_to_unicode(latex) is not None
    assert latex_to_unicode(latex) == " ".join(reference.latex_to_text(latex).split())


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_bibtex_reader_never_raises(text):
    parsed = read_bibtex(text)
    for ref in parsed.references:
        assert isinstance(ref.raw, str)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab{}\\\"'`^~=.,@#%&$_ ")) , max_size=60))
def test_latex_decoder_never_raises(value):
    assert isinstance(latex_to_unicode(value), str)


def split_names_by_walking(value):
    """The plain definition: split on `` and `` wherever no brace is open."""
    names, depth, start = [], 0, 0
    for match in re.finditer(r"[{}]|\s+and\s+", value, re.IGNORECASE):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            names.append(value[start : match.start()])
            start = match.end()
    names.append(value[start:])
    return [name.strip() for name in names if name.strip()]


@given(st.lists(st.sampled_from(["Beck", " and ", " AND ", "{", "}", "{Barnes and Noble}", "\\v{S}", ", D.", "\n"]), max_size=12).map("".join))
def test_names_split_as_the_plain_definition_says(value):
    assert bibtex.split_names(value) == split_names_by_walking(value)


def test_an_identifier_field_that_is_no_identifier_is_said_by_line_and_left_out():
    """'doi = {not a doi}' was left out of the work with a note only the stored
    reference kept: the import said nothing."""
    parsed = read_bibtex("@article{good, title = {Good}, doi = {10.5555/good}}\n\n"
                         "@article{bad, title = {Bad}, doi = {not a doi}, pmid = {xyz}, author = {Doe, J and others}}\n")
    assert [r.fields.get("DOI") for r in parsed.references] == ["10.5555/good", None]
    assert [(p.line, p.entry_key, p.message) for p in parsed.problems] == [
        (3, "bad", "doi 'not a doi' is not a DOI; left out"), (3, "bad", "pmid 'xyz' is not a PMID; left out")]


@pytest.mark.parametrize(
    ("value", "rich"),
    [
        (r"Somatic \textit{UBA1} mutations", "Somatic <i>UBA1</i> mutations"),
        (r"CO\textsubscript{2} and Ca\textsuperscript{2+} in \emph{Nested \textbf{bold} words}",
         "CO<sub>2</sub> and Ca<sup>2+</sup> in <i>Nested <b>bold</b> words</i>"),
        (r"Caf\'{e} \textit{\"{o}ther} $\alpha$-chain {VEXAS}", "Café <i>öther</i> α-chain VEXAS"),
        (r"\textit{p<b} \& \&amp; a <i>spelt</i> tag", "<i>p&lt;b</i> & &amp;amp; a &lt;i>spelt&lt;/i> tag"),
        (r"An unclosed \textit{group", "An unclosed <i>group</i>"),
        (r"No font command \& <b>here</b>", "No font command & &lt;b>here&lt;/b>"),  # in BibTeX <b> is text
    ],
)
def test_title_font_commands_become_csl_rich_text(value: str, rich: str) -> None:
    """A title's italics, bold, sub- and superscripts are CSL's tags; its own text that
    would read as a tag or an entity is escaped where the value gets tags."""
    from vexascite.importers.latex import latex_to_rich_text

    assert latex_to_rich_text(value) == rich
    if value.count("{") != value.count("}"):
        return  # (no BibTeX field holds it)
    (ref,) = read_bibtex("@article{k, title = {" + value + "}, journal = {J \\textit{Inv}}, year = {2020}}").references
    assert ref.fields["title"] == rich
    assert ref.fields["container-title"] == "J <i>Inv</i>"


@pytest.mark.parametrize(
    ("field", "value", "kept", "commands"),
    [
        ("title", r"A {\input{/etc/passwd}} study", r"A \input{/etc/passwd} study", r"\input"),
        ("note", r"\write18{rm -rf ~}", r"\write18{rm -rf ~}", r"\write"),
        ("title", r"\textit{\frobnicate[x]{UBA1}} and \'{e}", r"<i>\frobnicate[x]{UBA1}</i> and é", r"\frobnicate"),
        ("journal", r"\newcommand{\x}{y} Journal", r"\newcommand{\x}{y} Journal", r"\newcommand, \x"),
        ("booktitle", r"Proc \input{x}", r"Proc \input{x}", r"\input"),
        ("author", r"Doe\input{x}, J", [{"family": r"Doe\input{x}", "given": "J"}], r"\input"),
    ],
)
def test_an_unknown_or_unsafe_latex_command_is_kept_as_text_and_said(field, value, kept, commands):
    """``\\input{...}`` vanished from a title and ``\\write18{rm -rf ~}`` became
    '18rm -rf', without a word: such commands are never run, and now neither dropped."""
    parsed = read_bibtex(f"@article{{k1, {field} = {{{value}}}, title2 = {{x}}}}\n")
    work = parsed.references[0].fields
    csl_name = {"title": "title", "note": "note", "journal": "container-title", "booktitle": "container-title", "author": "author"}[field]
    assert work[csl_name] == kept
    [problem] = parsed.problems
    assert (problem.line, problem.entry_key) == (1, "k1")
    assert f"{commands} in {field}" in problem.message and "kept as text" in problem.message


def test_known_latex_commands_and_an_escaped_backslash_say_nothing():
    parsed = read_bibtex(r"@article{k2, title = {\textit{UBA1} $x^{2}$ \c{c} \LaTeX-free line\\break \alpha}}" "\n")
    assert parsed.references[0].fields["title"] == "<i>UBA1</i> x2 ç \\LaTeX-free line break α"
    assert [p.message for p in parsed.problems] == [r"LaTeX command \LaTeX in title not read (unknown or unsafe): kept as text"]
