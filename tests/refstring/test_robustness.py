"""The parser never raises, keeps the raw string, and runs in linear time on hostile input."""

from __future__ import annotations

import time

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from vexascite.api import parse_strings
from vexascite.refstring import find_reference_lists, parse_reference

_REFERENCE_ALPHABET = st.sampled_from(list("AaBbJjKkMm .,;:()[]-–*_0123456789/\"'&?") + ["et al", "2019", "doi:", "10.1000/x", "http://", "PMID:", "\n", "\x00", "é"])


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_parse_reference_never_raises_on_any_text(text: str) -> None:
    item = parse_reference(text)
    assert isinstance(item, dict)
    assert "type" in item


@given(st.lists(_REFERENCE_ALPHABET, max_size=120).map("".join))
@settings(max_examples=300, deadline=None)
def test_reference_like_junk_is_parsed_without_error(text: str) -> None:
    item = parse_reference(text)
    assert isinstance(item.get("title", ""), str)
    for name in item.get("author", []):
        assert isinstance(name, dict)


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), max_size=80), max_size=20))
@settings(max_examples=150, deadline=None)
def test_parse_lines_gives_one_item_per_line_with_its_raw_string(lines: list[str]) -> None:
    items = parse_strings("".join(line + "\n" for line in lines), per_line=True)
    assert [item["raw"] for item in items] == lines


@given(st.text(max_size=2000))
@settings(max_examples=150, deadline=None)
def test_list_finder_never_raises(text: str) -> None:
    for found in find_reference_lists(text):
        assert found.entries
        for entry in found.entries:
            assert entry.text.strip()


def _seconds(func, arg) -> float:
    started = time.process_time()
    func(arg)
    return time.process_time() - started


def test_long_and_binary_lines_take_linear_time() -> None:
    hostile = [
        "A" * 100_000,
        "Smith J, " * 11_000,
        "(" * 50_000 + ")" * 50_000,
        "1234;5(6):7-8. " * 6_000,
        bytes(range(256)).decode("latin-1") * 400,
        "*a* _b_ " * 12_000,
        "Aa Bb " * 16_000,
        "10.1000/" + "x" * 100_000,
    ]
    for text in hostile:
        item = parse_reference(text)
        assert isinstance(item, dict)
        small = _seconds(parse_reference, text[: len(text) // 10])
        large = _seconds(parse_reference, text)
        assert large < 2.0, text[:30]
        assert large < 20 * small + 0.05, text[:30]
        assert find_reference_lists(text) is not None


def test_a_list_entry_of_thousands_of_lines_takes_linear_time() -> None:
    """Lines that continue the first entry of a list, one after another (labels out of
    step, ``1.`` to ``1999.``, or short capitalised lines): each is asked whether it ends
    the list, which must not join the whole entry again each time."""
    first = "1. Doe J, Roe R. An invented study. J Inv Stud. 2020;12(3):45-67. doi:10.5555/inv.1.\n"
    last = "2. Roe R. Another invented study. J Inv Stud. 2021;13(1):1-9. doi:10.5555/inv.2.\n"
    for line in ("{}.\n", "A{}.\n"):
        def document(n: int, line: str = line) -> str:
            return "A manuscript.\n\nReferences\n\n" + first + "".join(line.format(i) for i in range(1, n)) + last

        small = min(_seconds(find_reference_lists, document(500)) for _ in range(2))
        large = _seconds(find_reference_lists, document(2000))
        assert [len(found.entries) for found in find_reference_lists(document(2000))] == [2]
        assert large < 1.5, line
        assert large < 8 * small + 0.05, (line, small, large)  # four times the lines: 16 times as long if quadratic


def _alnum(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


_DOCUMENT_LINES = st.lists(
    st.one_of(
        st.sampled_from(["", "References", "REFERENCES", "Figure 1. Legend.", "Page 3 of 9", "Author Manuscript", "12", "1.", "[2]", "Smith et al.", "DOI 10.5555/x.1"]),
        st.builds(lambda n, ref: f"{n}. {ref}", st.integers(0, 20_000), st.sampled_from(["Beck DB, Ferrada MA. Somatic mutations. N Engl J Med. 2020;383:2628-38.", "Roe B. Another- ", "study. Lancet. 2019;393:1-10.", "(2009) Title"])),
        st.lists(_REFERENCE_ALPHABET, max_size=40).map("".join),
        st.text(max_size=60),
    ),
    max_size=40,
)


@given(_DOCUMENT_LINES.map("\n".join))
@settings(max_examples=300, deadline=None)
def test_list_finding_keeps_every_character_of_what_it_calls_an_entry(text: str) -> None:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for found in find_reference_lists(text):
        for entry in found.entries:
            # The raw text is the entry's own lines, exactly as in the document.
            raw_lines = entry.raw.split("\n")
            assert raw_lines[0] == lines[entry.line - 1]
            assert all(line in lines for line in raw_lines)
            # The joined text drops no letter or digit of the raw lines (only hyphens and spaces).
            assert _alnum(entry.text) == _alnum(entry.raw)
            assert entry.text.strip()


_OWN_LINE_BODIES = st.sampled_from(
    [
        "Holm K, Varga T. Invented title of a study. J Inv Res. 2019;12:45-50.",
        "Brandt P, Okafor A. Another invented paper on marsh birds. Inv Med J.\n2018",
        "Lindqvist M. The reed beds of an invented coast. Larch House, London,\n2016.",
        "Quill P, Osei A. Fourth study of\ntides. Inv Lett. 2017;2:3-4. doi:10.5555/inv.2017.2",
        "2019",
        "2015.",
        "(2004)",
        "Ashby L. Counting nests. Inv Coast Res 30:55-61",
        "Arch Inv Ophthalmol. 2001; 119: 709-717",
    ]
)


@given(
    st.sampled_from(["{}", "{}.", "[{}]", "({})", "{})"]),
    st.integers(1, 2100),  # numbers that read as years (1598, 1599, 1600 over a 2018) included
    st.lists(_OWN_LINE_BODIES, min_size=3, max_size=8),  # the same reference printed twice included
)
@settings(max_examples=200, deadline=None)
def test_labels_on_lines_of_their_own_lose_no_character(form: str, start: int, bodies: list[str]) -> None:
    # Each label alone on its line, its reference on the next lines (PDF extraction): every letter
    # and digit of the list is in one of its entries, a year alone included.
    # (Labels that read as years over a body that is only a year, "2014" / "2015." / "2015" or "[2014]" / "2015." /
    # "[2015]": an entry of a year alone among year-like numbers is a year ahead of the list as much as an entry; the
    # finder sets such lines aside in the list's left_out, said, not in an entry.)
    assume(not any(1600 <= n < 2100 for n in range(start, start + len(bodies)))
           or not any(body.strip("().").isdigit() for body in bodies))
    lines = [line for number, body in enumerate(bodies, start) for line in (form.format(number), *body.split("\n"))]
    found = find_reference_lists("References\n" + "\n".join(lines) + "\n")
    kept = "".join(entry.raw for reference_list in found for entry in reference_list.entries)
    assert sorted(_alnum(kept)) == sorted(_alnum("".join(lines)))


_ENTRY_BODIES = st.sampled_from(
    [
        "Holm K, Varga T. Invented title of a study. J Inv Res. 2019;12:45-50.",
        "Brandt P, Okafor A. Another invented paper on marsh birds. Inv Med J.\n2018",
        "Quill P, Osei A. Fourth study of\ntides. Inv Lett. 2017;2:3-4. doi:10.5555/inv.2017.2",
        "Ashby L. Counting nests. Inv Coast Res 30:55-61",
        "2019",
        "(2004)",
        "doi:10.5555/inv.2020.7",  # an entry that is only its DOI
        "https://doi.org/10.5555/inv.2021.3",
        "김윤정, 이유리 (2014) 발명된 갯벌 연구. 가상학회지 3:1-9.",  # CJK text
        "王小明, 李华. 虚构的潮汐研究. 虚构医学杂志, 2018, 12(3): 45-50.",
        "Lindqvist M. The reed beds of an invented coast. Larch House, London,\n2016.",
    ]
)
#: Page furniture set between two entries (a page break).
_FURNITURE = st.sampled_from(
    ["Page 3 of 9", "Author Manuscript", "Downloaded from https://inv.example.org on 5 May 2020", "J Inv Res. 2019;12:1-20", "12", "INVENTED JOURNAL OF TIDES", "Holm and Varga"]
)


@given(
    st.sampled_from(["{}", "{}.", "[{}]", "({})"]),
    st.booleans(),  # the label alone on its line, or opening the entry's first line
    st.integers(1, 2100),
    # (Most steps are by one, as in any numbering: "1" / text / "1" / the same text / "1" is no list.)
    st.lists(st.tuples(_ENTRY_BODIES, st.sampled_from([1, 1, 1, 1, 0, 2]), st.one_of(st.none(), _FURNITURE), st.booleans()), min_size=3, max_size=8).filter(
        lambda entries: 2 * sum(step == 1 for _, step, _, _ in entries[:-1]) >= len(entries) - 1
    ),
)
@settings(max_examples=300, deadline=None)
def test_numbered_entries_among_furniture_lose_no_character(form: str, own_line: bool, start: int, entries: list[tuple[str, int, str | None, bool]]) -> None:
    # Repeated numbers and gaps, lone years, CJK text, entries that are only a DOI, furniture between entries:
    # every letter and digit of every entry is in the entries found, in order.
    # ("3 2019" between two page footers reads as a page number and a year as much as an entry, and so does a
    # bare "2003" on its own line over "(2004)" after a page break: a bare number over a body that is only a
    # number is no evidence of an entry in either layout, so not this test's.)
    assume(form != "{}" or not any(body.strip("()").isdigit() for body, _, _, _ in entries))
    lines = ["References"]
    texts = []
    number = start
    for body, step, furniture, blank in entries:
        label = form.format(number)
        body_lines = body.split("\n")
        own = [label, *body_lines] if own_line else [f"{label} {body_lines[0]}", *body_lines[1:]]
        lines.extend(own)
        texts.append("".join(own))
        if furniture is not None:
            lines.extend(["", furniture, ""] if blank else [furniture])
        number += step
    found = find_reference_lists("\n".join(lines) + "\n")
    kept = _alnum("".join(entry.raw for reference_list in found for entry in reference_list.entries))
    for text in texts:
        assert _alnum(text) in kept, text
