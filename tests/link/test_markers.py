"""Citation markers of every style: examples, and generated sentences (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vexascite.link.markers import expand_numbers, find_markers


def labels(text: str) -> list[tuple[str, str, list[str]]]:
    return [(m.text, m.style, [t.label for t in m.targets]) for m in find_markers(text) if not m.affiliation]


@pytest.mark.parametrize(
    ("text", "marker", "targets"),
    [
        ("as shown [1].", "[1]", ["1"]),
        ("as shown [1,2].", "[1,2]", ["1", "2"]),
        ("as shown [1-3].", "[1-3]", ["1", "2", "3"]),
        ("as shown [2, 4–6].", "[2, 4–6]", ["2", "4", "5", "6"]),
        ("as shown (1).", "(1)", ["1"]),
        ("as shown (1, 3).", "(1, 3)", ["1", "3"]),
        ("mutations.^{1,2} Next", "^{1,2}", ["1", "2"]),
        ("mutations.^1 Next", "^1", ["1"]),
        ("mutations^1,2^ next", "^1,2^", ["1", "2"]),
        ("cohorts⁴ and", "⁴", ["4"]),
        ("risk of VTE,¹¹ but", "¹¹", ["11"]),
        ("shown.¹⁻³ Next", "¹⁻³", ["1", "2", "3"]),
        ("shown.<sup>3</sup> Next", "<sup>3</sup>", ["3"]),
        ("shown<sup>1-3</sup>.", "<sup>1-3</sup>", ["1", "2", "3"]),
        (r"shown\textsuperscript{5}.", r"\textsuperscript{5}", ["5"]),
        ("see [@beck2020; @heiblig2022, p. 4].", "[@beck2020; @heiblig2022, p. 4]", ["@beck2020", "@heiblig2022"]),
        ("as @beck2020 showed", "@beck2020", ["@beck2020"]),
        # a key a narrow page wrapped inside it (a browser's print of the manuscript, read from the PDF)
        ("given\n[@scott2018thromboembolis\nm], but", "[@scott2018thromboembolis\nm]", ["@scott2018thromboembolism"]),
        ("given [@okafor2019;\n@scott2018thrombo\nembolism; @beck2020, p. 4]", "[@okafor2019;\n@scott2018thrombo\nembolism; @beck2020, p. 4]",
         ["@okafor2019", "@scott2018thromboembolism", "@beck2020"]),
        (r"shown \cite{beck2020,heiblig2022}.", r"\cite{beck2020,heiblig2022}", ["@beck2020", "@heiblig2022"]),
        (r"shown \citep[p.~4]{beck2020}.", r"\citep[p.~4]{beck2020}", ["@beck2020"]),
        (r"\citet{beck2020} showed", r"\citet{beck2020}", ["@beck2020"]),
        ("shown (Beck et al., 2020).", "(Beck et al., 2020)", ["Beck et al. 2020"]),
        ("shown (Beck 2020; Heiblig 2022a).", "(Beck 2020; Heiblig 2022a)", ["Beck 2020", "Heiblig 2022a"]),
        ("Beck et al. (2020) showed", "Beck et al. (2020)", ["Beck et al. 2020"]),
        ("shown (Ferrada and Grayson 2021).", "(Ferrada and Grayson 2021)", ["Ferrada and Grayson 2021"]),
        ("shown [1]–[3].", "[1]–[3]", ["1", "2", "3"]),
        ("shown $^{1,2}$ here", "$^{1,2}$", ["1", "2"]),
        ("shown [2–1].", "[2–1]", ["1", "2"]),  # a range written high to low: the range it names
        ("shown (12–9).", "(12–9)", ["9", "10", "11", "12"]),
        ("shown [4, 6–8].", "[4, 6–8]", ["4", "6", "7", "8"]),
        ("shown (ref. 4).", "(ref. 4)", ["4"]),
        ("shown (refs. 4, 5).", "(refs. 4, 5)", ["4", "5"]),
        ("shown (Refs 4–6).", "(Refs 4–6)", ["4", "5", "6"]),
        ("shown (reference 4).", "(reference 4)", ["4"]),
        ("shown [ref. 4].", "[ref. 4]", ["4"]),
        ("shown (see ref. 12).", "(see ref. 12)", ["12"]),
        ("shown (references 4 and 5).", "(references 4 and 5)", ["4", "5"]),
        ("as shown in ref. 4, the", "ref. 4", ["4"]),
        ("(as in refs. 4 and 5) the", "refs. 4 and 5", ["4", "5"]),
        ("shown [4a].", "[4a]", ["4"]),  # part a of reference 4
        ("shown [4a, b].", "[4a, b]", ["4"]),
        ("shown.¹–³ Next", "¹–³", ["1", "2", "3"]),
        ("shown^1–3^ next", "^1–3^", ["1", "2", "3"]),
        ("shown^4^ next", "^4^", ["4"]),
        ("shown<sup>4–6</sup>.", "<sup>4–6</sup>", ["4", "5", "6"]),
        ("shown (4–6).", "(4–6)", ["4", "5", "6"]),
        ("shown [1](#ref1) and", "[1](#ref1)", ["1"]),  # a link's anchor is no reference named in words
    ],
)
def test_marker_styles(text: str, marker: str, targets: list[str]) -> None:
    found = labels(text)
    assert len(found) == 1, found
    assert found[0][0] == marker
    assert found[0][2] == targets


@pytest.mark.parametrize(
    "text",
    [
        "a dose of 20 mg/m² per day",
        "platelets 150 × 10⁹/L",
        "e-mail: pierre.sujobert@chu-lyon.fr",
        "Retrieved (2023, November 7) from the site",
        "results (range, 0-9) and (Figure 1) and Table (2)",
        "two aims: (1) to test",
        "New research at ACR Convergence 2023 (ACR 2023) found",
        "[bone marrow](#) and [$n = 12$]",
        "at 1 (CR, 67% vs 38%; P = .13)",
        "platelets 10^9/L",
        "first described (2019) and",
        "treated for (4–6 weeks) with",
        "a score of (5–1) at",  # a score, not a range
        "a reference 5 mg dose",
        "the reference 1.5 value",
        "our preference 4 of",
        "reference 2019 data",
        "per reference 4% of",
        "an interval [CD4a] of",
        "a token ref1 and an anchor #ref2 and ?ref=3",
    ],
)
def test_not_citations(text: str) -> None:
    assert labels(text) == []


def test_affiliation_marks_are_flagged() -> None:
    markers = find_markers("Marcela A. Ferrada,^{2,*} Yvan Jamilloux,^{5,†} and Pierre Sujobert²⁰")
    assert [m.affiliation for m in markers] == [True, True, False]


def test_expand_numbers() -> None:
    assert expand_numbers("1, 3-5") == [1, 3, 4, 5]
    assert expand_numbers("¹⁻³") == [1, 2, 3]
    assert expand_numbers("5-1") is None
    assert expand_numbers("1-5000") is None
    assert expand_numbers("a") is None


WORDS = st.sampled_from(
    "patients VEXAS syndrome were treated ruxolitinib response rates improved inflammation JAK inhibitors "
    "tocilizumab azacitidine cohort retrospective study showed higher lower".split()
)
KEYS = st.from_regex(r"[a-z]{3,8}20[0-2][0-9][a-z]{0,6}", fullmatch=True)
NUMBERS = st.lists(st.integers(1, 300), min_size=1, max_size=4, unique=True)
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
NAMES = st.sampled_from(["Beck", "Heiblig", "Ferrada", "Obiorah", "Georgin-Lavialle", "Comont", "van der Made"])


@st.composite
def marker_and_targets(draw: st.DrawFn) -> tuple[str, list[str], bool]:
    """A marker of a random style, what it must resolve to, and whether it hugs the word."""
    style = draw(st.sampled_from(["bracket", "paren", "brace", "unicode", "sup", "caret", "pandoc", "latex", "ay", "ay-narrative"]))
    numbers = draw(NUMBERS)
    joined = ",".join(str(n) for n in numbers)
    if style == "bracket":
        return f" [{joined}]", [str(n) for n in numbers], False
    if style == "paren":
        return f" ({joined})", [str(n) for n in numbers], False
    if style == "brace":
        return f"^{{{joined}}}", [str(n) for n in numbers], True
    if style == "unicode":
        return ",".join(str(n).translate(SUPERSCRIPT) for n in numbers), [str(n) for n in numbers], True
    if style == "sup":
        return f"<sup>{joined}</sup>", [str(n) for n in numbers], True
    if style == "caret":
        return f"^{numbers[0]}", [str(numbers[0])], True
    keys = draw(st.lists(KEYS, min_size=1, max_size=3, unique=True))
    if style == "pandoc":
        return " [" + "; ".join("@" + k for k in keys) + "]", ["@" + k for k in keys], False
    if style == "latex":
        command = draw(st.sampled_from(["cite", "citep", "citet", "parencite", "autocite"]))
        return f" \\{command}{{{','.join(keys)}}}", ["@" + k for k in keys], False
    name = draw(NAMES)
    year = draw(st.integers(1990, 2025))
    etal = draw(st.booleans())
    who = f"{name} et al." if etal else name
    if style == "ay":
        return f" ({who}, {year})", [f"{who} {year}"], False
    return f" {who} ({year})", [f"{who} {year}"], False


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(WORDS, min_size=3, max_size=20),
    inserts=st.lists(st.tuples(st.integers(0, 19), marker_and_targets()), min_size=1, max_size=3),
)
def test_generated_markers_are_recovered_exactly(words: list[str], inserts: list[tuple[int, tuple[str, list[str], bool]]]) -> None:
    positions = {}
    for index, item in inserts:
        positions.setdefault(min(index, len(words) - 1), item)
    text = ""
    expected = []
    for i, word in enumerate(words):
        text += (" " if i else "") + word
        if i in positions:
            marker, targets, _hug = positions[i]
            stripped = marker.lstrip()
            text += marker[: len(marker) - len(stripped)]
            start = len(text)
            text += stripped
            expected.append((start, start + len(stripped), stripped, targets))
    text += "."
    found = [(m.start, m.end, m.text, [t.label for t in m.targets]) for m in find_markers(text) if not m.affiliation]
    assert found == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.lists(WORDS, min_size=3, max_size=12), marker_and_targets(), st.booleans()),
        min_size=1,
        max_size=5,
    )
)
def test_markers_before_or_after_the_full_stop_stay_with_their_sentence(sentences) -> None:
    from vexascite.link import extract_claims

    parts = []
    expected = []
    for words, (marker, targets, hugs), after_stop in sentences:
        body = " ".join(words)
        body = body[0].upper() + body[1:]
        if after_stop and hugs:
            parts.append(f"{body}.{marker}")
        else:
            parts.append(f"{body}{marker}.")
        expected.append(targets)
    # numbers alone in parentheses cite only where most citations are numbers, not keys or
    # names, and most numbered ones are in parentheses, not in brackets or superscripts
    in_parentheses = [marker.strip()[:1] == "(" and marker.strip()[1:2].isdigit() for _, (marker, _, _), _ in sentences]
    named = sum(not targets[0].isdigit() for targets in expected)
    bracketed = sum(targets[0].isdigit() and not bare for targets, bare in zip(expected, in_parentheses, strict=True))
    if named > len(expected) - named or bracketed > sum(in_parentheses):
        expected = [targets for targets, bare in zip(expected, in_parentheses, strict=True) if not bare]
    document = " ".join(parts) + "\n"
    claims = extract_claims(document).claims
    assert [[t.label for m in c.markers for t in m.marker.targets] for c in claims] == expected


@pytest.mark.parametrize("text", ["as shown (Beck et al. 2020, 2021, p. 4).", "as Beck et al. (2020, 2021, p. 4) showed"])
def test_author_year_targets_one_per_year_with_names_and_locator(text: str) -> None:
    (marker,) = find_markers(text)
    assert [(t.author, t.year, t.et_al, t.second_author, t.locator) for t in marker.targets] == [
        ("Beck", "2020", True, None, "p. 4"),
        ("Beck", "2021", True, None, "p. 4"),
    ]


def test_a_markdown_footnote_reference_cites_its_number_and_its_definition_does_not() -> None:
    markers = find_markers("Basins drain slowly[^3] and fast[^12].\n\n[^3]: Abend K. Invented basins. 2020.\n")
    assert [(m.text, m.style, [t.number for t in m.targets]) for m in markers] == [("[^3]", "numeric", [3]), ("[^12]", "numeric", [12])]
    assert find_markers("A named note[^note-3] cites no number.") == []
