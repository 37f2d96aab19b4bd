"""Sentence splitting: abbreviations, numbers, page breaks, legends; nothing lost or doubled."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vexascite.link.sentences import split_blocks, split_sentences


def texts(document: str) -> list[str]:
    return [s.text(document) for s in split_sentences(document)]


def test_abbreviations_and_numbers_do_not_end_sentences() -> None:
    document = (
        "Beck et al. described VEXAS in 2020. Response was 57.1% vs. 18% (P = .001) in Fig. 2 and no. 3 cases. "
        "Marcela A. Ferrada treated them, e.g. with ruxolitinib. Dr. Grayson agreed."
    )
    assert texts(document) == [
        "Beck et al. described VEXAS in 2020.",
        "Response was 57.1% vs. 18% (P = .001) in Fig. 2 and no. 3 cases.",
        "Marcela A. Ferrada treated them, e.g. with ruxolitinib.",
        "Dr. Grayson agreed.",
    ]


def test_markers_after_the_full_stop_stay_with_their_sentence() -> None:
    document = "Somatic mutations in UBA1 cause VEXAS.^{1,2} Patients present with fever.³ Others do not [4]. Done."
    sentences = split_sentences(document)
    assert [s.text(document) for s in sentences] == [
        "Somatic mutations in UBA1 cause VEXAS.^{1,2}",
        "Patients present with fever.³",
        "Others do not [4].",
        "Done.",
    ]
    assert [[m.text for m in s.markers] for s in sentences] == [["^{1,2}"], ["³"], ["[4]"], []]


def test_page_break_and_figure_legend_do_not_split_a_sentence() -> None:
    document = (
        "Here, we present the results of\n\n \n\nFigure 1. Response rates. (A) Clinical response.\n\n"
        "a multicenter analysis of patients. Next sentence here.\n\nThe complication was thrombosis, which was highly\n\n"
        "prevalent in previous cohorts⁴ and this series.\n"
    )
    sentences = split_sentences(document)
    by_text = {s.text(document): s for s in sentences}
    interrupted = "Here, we present the results of a multicenter analysis of patients."
    assert interrupted in by_text
    assert len(by_text[interrupted].segments) == 2
    assert by_text["Figure 1. Response rates."].kind == "legend"
    assert "The complication was thrombosis, which was highly prevalent in previous cohorts⁴ and this series." in by_text


def test_headings_sections_and_reference_lists() -> None:
    document = (
        "# Treatment\n\nRuxolitinib works [1]. It is used.\n\nStudy Background\nAzacitidine helps [2].\n\n"
        "References\n\n1. Beck DB, Ferrada MA. Somatic mutations in UBA1. N Engl J Med. 2020;383(27):2628-2638.\n"
    )
    sentences = split_sentences(document)
    kinds = {s.text(document): (s.kind, s.section) for s in sentences}
    assert kinds["Ruxolitinib works [1]."] == ("paragraph", "Treatment")
    assert kinds["Azacitidine helps [2]."] == ("paragraph", "Study Background")
    reference = [s for s in sentences if s.kind == "reference"]
    assert len(reference) == 1 and reference[0].line == 10


def test_byline_and_affiliations_are_front_matter() -> None:
    document = (
        "Maël Heiblig,¹ Marcela A. Ferrada,^{2,*} Matthew T. Koster,^{3,*} and Pierre Sujobert²⁰\n\n"
        "¹Service d'Hématologie Clinique, Lyon, France; ²National Institutes of Health, Bethesda, MD\n\n"
        "VEXAS is caused by UBA1 mutations.^{1,2}\n"
    )
    kinds = [s.kind for s in split_sentences(document)]
    assert kinds == ["front", "front", "paragraph"]


def test_word_paragraphs_one_per_line() -> None:
    document = "# Title\nFirst paragraph without stop\nSecond paragraph. Two sentences.\n"
    blocks = split_blocks(document, paragraph_per_line=True)
    assert [b.kind for b in blocks] == ["heading", "paragraph", "paragraph"]


ALPHABET = st.sampled_from(
    list("abcdefXYZ .,;:!?()[]^{}*_-\n\n  0123456789¹²⁴") + ["et al.", "vs.", "Fig.", "no.", " 57.1%", "Figure 1. ", "\n\n", "# H\n", "1. ", "[@key]", "⁶ ", "```\n", "---\n", "| ", "% ", "\\cite{k}"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=120).map("".join))
def test_splitter_never_loses_or_duplicates_text(document: str) -> None:
    sentences = split_sentences(document)
    covered = [0] * len(document)
    for sentence in sentences:
        previous_end = -1
        for start, end in sentence.segments:
            assert previous_end <= start < end <= len(document)
            previous_end = end
            for i in range(start, end):
                covered[i] += 1
    for i, ch in enumerate(document):
        if ch.isspace():
            assert covered[i] <= 1
        else:
            assert covered[i] == 1, (i, ch, document)
    starts = [s.start for s in sentences]
    assert starts == sorted(starts)


def test_front_matter_code_and_tables() -> None:
    document = (
        "---\ntitle: JAK inhibitors\nbibliography: refs.bib\n---\n\n"
        "Ruxolitinib works [@heiblig2022].\n\n```\nx = [1]\n```\n\n"
        "| drug | response |\n|---|---|\n| ruxolitinib | 83% [2] |\n"
    )
    sentences = split_sentences(document)
    with_markers = [(s.kind, s.text(document)) for s in sentences if s.markers]
    assert with_markers == [
        ("paragraph", "Ruxolitinib works [@heiblig2022]."),
        ("list-item", "| ruxolitinib | 83% [2] |"),
    ]


def test_a_short_wrapped_line_before_a_comma_or_a_number_is_not_a_heading() -> None:
    """PDF text wraps where the page ends a line: a short line ending in a comma, or one
    followed by a line that goes on with a number ("25% in ..."), is still the sentence."""
    text = (
        "Responses were durable [@okafor2021].\n"
        "After a median follow-up of 7.2 months,\n"
        "8 of 11 patients were still on treatment [@okafor2021].\n"
        "The clone size fell by at least\n"
        "30% in 70% of patients [@lindqvist2019].\n"
    )
    sentences = [s for s in split_sentences(text) if s.kind == "paragraph"]
    assert [" ".join(s.text(text).split()) for s in sentences] == [
        "Responses were durable [@okafor2021].",
        "After a median follow-up of 7.2 months, 8 of 11 patients were still on treatment [@okafor2021].",
        "The clone size fell by at least 30% in 70% of patients [@lindqvist2019].",
    ]
    assert not any(s.kind == "heading" for s in split_sentences(text))


def test_a_short_wrapped_line_before_the_sentence_s_marker_is_not_a_heading() -> None:
    """A page wraps a sentence right before its marker (``... is given`` / ``[@okafor2021], a thrombotic ...``,
    ``... in trials`` / ``[3, 4]. Venous ...``): a heading is never followed by a marker or the sentence's comma."""
    text = (
        "Responses were durable [@okafor2021].\n"
        "Because thrombosis is frequent in VEXAS before any JAK inhibitor is given\n"
        "[@okafor2021], a thrombotic event on treatment does not show that the drug caused it.\n"
        "Infections are the best-known risk of JAK inhibitors in trials\n"
        "[3, 4]. Venous thrombosis is the other.\n"
    )
    sentences = [s for s in split_sentences(text) if s.kind == "paragraph"]
    assert [" ".join(s.text(text).split()) for s in sentences] == [
        "Responses were durable [@okafor2021].",
        "Because thrombosis is frequent in VEXAS before any JAK inhibitor is given [@okafor2021], a thrombotic event on "
        "treatment does not show that the drug caused it.",
        "Infections are the best-known risk of JAK inhibitors in trials [3, 4].",
        "Venous thrombosis is the other.",
    ]
    assert not any(s.kind == "heading" for s in split_sentences(text))


def test_lines_the_layout_shows_as_headings_are_headings_whatever_they_read_like() -> None:
    """``heading_lines`` (a PDF's, known by their font) are headings even where the text reads on: a
    numbered heading, one over a number (``25 patients``), one wrapped over two lines (one heading);
    a line the list finder took as a reference entry stays one."""
    text = (
        "Responses were durable [@okafor2021].\n"
        "2. Patients and methods\n"
        "25 patients were treated [@okafor2021].\n"
        "Outcomes at twelve months in the\n"
        "patients who stayed on treatment\n"
        "Most kept a response [@lindqvist2019].\n"
    )
    blocks = split_blocks(text, heading_lines=frozenset({2, 4, 5}))
    assert [(b.kind, b.text) for b in blocks if b.kind == "heading"] == [
        ("heading", "2. Patients and methods"), ("heading", "Outcomes at twelve months in the patients who stayed on treatment"),
    ]
    sentences = [s for s in split_sentences(text, heading_lines=frozenset({2, 4, 5})) if s.kind == "paragraph"]
    assert [(" ".join(s.text(text).split()), s.section) for s in sentences] == [
        ("Responses were durable [@okafor2021].", None),
        ("25 patients were treated [@okafor2021].", "2. Patients and methods"),
        ("Most kept a response [@lindqvist2019].", "Outcomes at twelve months in the patients who stayed on treatment"),
    ]
    assert [b.kind for b in split_blocks(text, heading_lines=frozenset({2}), reference_lines=frozenset({2}))][1] == "reference"


def test_running_text_glued_to_a_byline_and_affiliations_is_still_prose() -> None:
    """PDF text has no blank line between an affiliation list and the letter's first
    paragraph, and wraps bylines anywhere: the marks stay affiliation marks, the prose
    after them keeps its citations."""
    text = (
        "TO THE EDITOR:\n"
        "Imatinib response in an invented cohort\n"
        "Ada Okafor,¹ Bruno T.\n"
        "Lindqvist,^{2,*} Chen Wei,^{3,*} Dana\n"
        "Moreau,² and Elif Kaya¹\n"
        "¹Department of Haematology, Invented University Hospital, Lyon, France; ²Department of\n"
        "Medicine, Invented Institute, Porto, Portugal; and ³Laboratory of Imaginary Studies,\n"
        "Invented College, Bergen, Norway\n"
        "The disease is driven by somatic mutations in blood stem cells of older\n"
        "adults.^{1,2} Patients present with fever, and about half of them have a\n"
        "myeloid neoplasm as well.^{3,4} Treatment options remain limited in this setting.⁵\n"
    )
    sentences = split_sentences(text)
    prose = [" ".join(s.text(text).split()) for s in sentences if s.kind == "paragraph" and s.markers]
    assert prose == [
        "The disease is driven by somatic mutations in blood stem cells of older adults.^{1,2}",
        "Patients present with fever, and about half of them have a myeloid neoplasm as well.^{3,4}",
        "Treatment options remain limited in this setting.⁵",
    ]
    assert not any(s.kind == "heading" and "," in s.text(text) for s in sentences)


def test_a_paragraph_of_thousands_of_cited_sentences_takes_linear_time() -> None:
    """Each sentence takes its own markers and lines by bisection, not by a scan of the
    paragraph's: four times the sentences take about four times as long, not sixteen."""
    import time

    from vexascite.link import extract_claims

    def seconds(n: int, joint: str) -> float:
        text = "# Results\n\n" + joint.join(["Patients (4–6) relapsed after ruxolitinib [2–3]."] * n) + "\n"
        started = time.process_time()
        claims = extract_claims(text).claims
        assert len(claims) == n
        return time.process_time() - started

    for joint in (" ", "\n"):  # one long line, and a paragraph wrapped a sentence a line
        small = min(seconds(1000, joint) for _ in range(2))
        large = min(seconds(4000, joint) for _ in range(2))  # (the best of two each: a busy machine's pauses are no cost)
        assert large < 8 * small + 0.05, (joint, small, large)
