"""The text importer: reference lists found in documents, entries numbered as printed."""

from __future__ import annotations

from pathlib import Path

from vexascite.importers.text import read_line_references, read_text_references
from vexascite.refstring import PARSER_VERSION


def test_seed_letter_yields_exactly_two_lists(shared_dir: Path) -> None:
    text = (shared_dir / "seeds" / "002_c01bdb4f21cce9b3.txt").read_text(encoding="utf-8")
    parsed = read_text_references(text)
    labels: dict[str, list[int | None]] = {}
    for ref in parsed.references:
        labels.setdefault(ref.list_label or "", []).append(ref.number)
    assert list(labels.values()) == [list(range(8, 26)), list(range(1, 13))]
    first = parsed.references[0]
    assert first.raw.startswith("8. Arnold DM, Nazy I, Clare R, et al.")
    assert first.line == 3
    assert first.format == "text"
    assert first.extra["parser_version"] == PARSER_VERSION
    assert first.fields["container-title"] == "Blood Adv"


def test_summary_with_one_unnumbered_reference(shared_dir: Path) -> None:
    text = (shared_dir / "seeds" / "004_e6a2b63b7fbaa52d.txt").read_text(encoding="utf-8")
    parsed = read_text_references(text)
    assert len(parsed.references) == 1
    ref = parsed.references[0]
    assert ref.number is None
    assert ref.fields["DOI"] == "10.1182/blood.2024028133"
    assert ref.fields["PMID"] == "40373272"


def test_wrapped_lines_are_joined_and_hyphenation_repaired() -> None:
    text = (
        "Some prose before the list.\n\nReferences\n\n"
        "1. Smith J, Jones K. Endo-\nscopic results in a large\ncohort. Gut. 2019;68(2):100-110.\n"
        "2. Doe A. Another study of the liver. Hepatology. 2020;71:5-9.\n"
    )
    parsed = read_text_references(text)
    assert [r.number for r in parsed.references] == [1, 2]
    assert parsed.references[0].raw == "1. Smith J, Jones K. Endoscopic results in a large cohort. Gut. 2019;68(2):100-110."
    assert parsed.references[0].line == 5
    assert parsed.references[0].fields["title"] == "Endoscopic results in a large cohort"


def test_numbering_restart_starts_a_new_list() -> None:
    text = (
        "1. Smith J. A title here. Gut. 2019;68:100-110.\n"
        "2. Doe A. Another title. Liver. 2020;71:5-9.\n"
        "1. Roe B. Third title. Blood. 2021;1:1-2.\n"
        "2. Poe C. Fourth title. Blood. 2021;2:3-4.\n"
    )
    parsed = read_text_references(text)
    assert [r.list_label for r in parsed.references] == ["references-1"] * 2 + ["references-2"] * 2


def test_numbered_points_in_prose_are_not_a_reference_list() -> None:
    text = "Steps:\n1. Open the box.\n2. Take the device out.\n3. Switch it on.\n"
    parsed = read_text_references(text)
    assert parsed.references == []
    assert parsed.notes and not parsed.problems


def test_import_command_stores_two_lists_with_numbered_entries(shared_dir: Path, run_cli) -> None:
    import sqlite3

    result = run_cli("import", str(shared_dir / "seeds" / "002_c01bdb4f21cce9b3.txt"))
    assert result.exit_code == 0, result.output
    db = sqlite3.connect(run_cli.db)
    lists = db.execute("select id, label from ref_lists order by ordinal").fetchall()
    assert [label for _, label in lists] == ["references-1", "references-2"]
    numbers = [
        [row[0] for row in db.execute("select number from refs where list_id = ? order by id", [list_id])]
        for list_id, _ in lists
    ]
    assert numbers == [list(range(8, 26)), list(range(1, 13))]
    raw, extra = db.execute("select raw, extra from refs where list_id = ? and number = 7", [lists[1][0]]).fetchone()
    assert raw.startswith("7. Winthrop KL.") and PARSER_VERSION in extra


def test_lines_count_the_empty_lines_they_skip_exactly():
    ref = "Okafor A. An invented study. Blood. 2020;1:1-2."
    assert read_line_references(f"{ref}\n{ref}\n").notes == ["2 lines read as one reference each"]
    assert read_line_references(f"{ref}\r\n\r\n{ref}\r\n\r\n").notes == ["2 lines read as one reference each, 2 empty lines skipped"]
    assert read_line_references(f"{ref}\n\n{ref}").notes == ["2 lines read as one reference each, 1 empty line skipped"]
