"""``unsupported-citation``: the cited work should bear on the sentence citing it."""

from __future__ import annotations

import json

from vexascite.check import support as support_module
from vexascite.check.findings import CheckReport, Kind
from vexascite.check.support import (
    LIBRARY_GAP,
    TWIN_COSINE,
    TWIN_GAP,
    CitationSupport,
    apply_support,
    support_findings,
)

BIB = r"""
@article{alpha2021, author={Alpha, Ann}, title={Ruxolitinib controls inflammation in VEXAS syndrome}, journal={J Fict Med}, year={2021},
  abstract={We treated 20 patients with VEXAS syndrome with ruxolitinib. Ruxolitinib controlled systemic inflammation and allowed steroid tapering in most patients.}}
@article{beta2022, author={Beta, Bo}, title={Azacitidine in myelodysplastic syndrome with VEXAS}, journal={J Fict Med}, year={2022},
  abstract={Azacitidine was given to 11 patients with myelodysplastic syndrome and VEXAS. Azacitidine produced complete clinical responses and clearance of the UBA1 clone in some patients.}}
@article{gamma2020, author={Gamma, Gil}, title={Chondritis of the ear and nose in VEXAS}, journal={J Fict Med}, year={2020},
  abstract={Relapsing chondritis of the ear and nose was present in 60% of patients. Chondritis often came before the diagnosis of VEXAS.}}
@article{delta2023, author={Delta, Dee}, title={Venous thromboembolism in VEXAS}, journal={J Fict Med}, year={2023},
  abstract={Venous thromboembolism occurred in 40% of patients with VEXAS, mostly deep vein thrombosis. Anticoagulation was needed for long periods.}}
@article{nobody2019, author={Nobody, Ned}, title={A letter on VEXAS}, journal={J Fict Med}, year={2019}}
"""
SENTENCES = [
    "Ruxolitinib controlled systemic inflammation and allowed steroid tapering [{}].",
    "Azacitidine cleared the UBA1 clone in patients with myelodysplastic syndrome [{}].",
    "Relapsing chondritis of the ear and nose is frequent and often precedes the diagnosis [{}].",
    "Deep vein thrombosis and other venous thromboembolism are common and need long anticoagulation [{}].",
    "VEXAS was also the subject of letters [{}].",
]
LIST = """References

1. Alpha A. Ruxolitinib controls inflammation in VEXAS syndrome. J Fict Med. 2021.
2. Beta B. Azacitidine in myelodysplastic syndrome with VEXAS. J Fict Med. 2022.
3. Gamma G. Chondritis of the ear and nose in VEXAS. J Fict Med. 2020.
4. Delta D. Venous thromboembolism in VEXAS. J Fict Med. 2023.
5. Nobody N. A letter on VEXAS. J Fict Med. 2019.
"""


def manuscript(tmp_path, numbers, name="paper.txt"):
    body = "\n\n".join(s.format(n) for s, n in zip(SENTENCES, numbers, strict=True))
    path = tmp_path / name
    path.write_text(f"Title\n\n{body}\n\n{LIST}", encoding="utf-8")
    return path


def check_json(run_cli, tmp_path, numbers):
    bib = tmp_path / "library.bib"
    bib.write_text(BIB, encoding="utf-8")
    assert run_cli("import", str(bib)).exit_code == 0
    result = run_cli("check", str(manuscript(tmp_path, numbers)), "--format", "json")
    return json.loads(result.stdout)


def unsupported(report):
    return [f for f in report["findings"] if f["kind"] == "unsupported-citation"]


def test_correct_citations_are_not_flagged_and_a_work_without_abstract_is_not_checked(run_cli, tmp_path):
    report = check_json(run_cli, tmp_path, [1, 2, 3, 4, 5])
    assert unsupported(report) == []
    assert report["support"] == {"checked": 4, "not_checked": ["5"]}


def test_two_swapped_numbers_are_both_named_with_the_right_one(run_cli, tmp_path):
    report = check_json(run_cli, tmp_path, [1, 3, 2, 4, 5])
    flagged = unsupported(report)
    assert sorted(f["reference"] for f in flagged) == ["2", "3"]
    by_reference = {f["reference"]: f for f in flagged}
    assert "did you mean 2?" in by_reference["3"]["suggestion"]
    assert "did you mean 3?" in by_reference["2"]["suggestion"]
    assert by_reference["3"]["line"] == 5 and by_reference["2"]["line"] == 7


def test_text_output_says_what_was_not_checked(run_cli, tmp_path):
    bib = tmp_path / "library.bib"
    bib.write_text(BIB, encoding="utf-8")
    run_cli("import", str(bib))
    out = run_cli("check", str(manuscript(tmp_path, [1, 2, 3, 4, 5]))).stdout
    # "reference 5", not ": 5", which reads as a count
    assert "support of 4 citations checked against abstracts; not checked (no abstract): reference 5\n" in out


def test_rule_flags_little_support_and_a_clearly_better_list_entry():
    items = [
        CitationSupport(3, "1", "s", True, score=0.1, library_rank=None),
        CitationSupport(4, "2", "s", True, score=1.5, library_rank=1, alternative="3", alternative_score=1.9, relative=1.0),
        CitationSupport(5, "3", "s", True, score=0.8, library_rank=None, alternative="4", alternative_score=1.5, relative=0.9),
        CitationSupport(6, "4", "s", True, score=0.8, library_rank=None, library_best=1.9, relative=0.9),
        CitationSupport(7, "5", "s", True, score=0.8, library_rank=2, library_best=1.2, alternative_score=0.9, relative=0.6),
        CitationSupport(8, "6", "s", checked=False),
    ]
    findings, summary = support_findings(items)
    assert [(f.line, f.kind) for f in findings] == [(3, Kind.UNSUPPORTED_CITATION), (5, Kind.UNSUPPORTED_CITATION),
                                                    (6, Kind.UNSUPPORTED_CITATION)]
    assert findings[0].suggestion is None and "did you mean 4?" in findings[1].suggestion
    assert summary == {"checked": 5, "not_checked": ["6"]}
    report = apply_support(CheckReport("m"), items)
    assert report.to_dict()["support"] == summary


def test_rule_flags_a_work_far_below_the_librarys_best_match():
    items = [
        CitationSupport(3, "1", "s", True, score=0.9, library_rank=4, library_best=1.0, relative=0.2),
        CitationSupport(4, "2", "s", True, score=0.9, library_rank=1, library_best=1.0, relative=0.2),
        CitationSupport(5, "3", "s", True, score=0.9, library_rank=2, library_best=1.0, relative=0.5),
    ]
    findings, _ = support_findings(items)
    assert [f.line for f in findings] == [3]


def test_rule_flags_a_work_beaten_by_its_twin_by_a_smaller_gap_and_names_the_twin():
    assert TWIN_GAP < LIBRARY_GAP
    best = 0.8 + (TWIN_GAP + LIBRARY_GAP) / 2  # beaten by more than TWIN_GAP, less than LIBRARY_GAP

    def cited(line, cosine, *, rank=2, best=best, first="4", listed=True):
        return CitationSupport(line, "1", "s", True, score=0.8, library_rank=rank, library_best=best, relative=0.9,
                               first=first, first_listed=listed, first_score=best, twin_cosine=cosine)

    twin = min(1.0, TWIN_COSINE + 0.05)
    items = [
        cited(3, twin),
        cited(4, TWIN_COSINE - 0.2),  # the first match is not a look-alike: LIBRARY_GAP applies
        cited(5, twin, rank=1),
        cited(6, twin, best=0.8 + TWIN_GAP - 0.1),  # beaten by less than TWIN_GAP
        cited(7, twin, first="smith2020", listed=False),
        cited(8, None),  # no latent vectors
    ]
    findings, _ = support_findings(items)
    assert [f.line for f in findings] == [3, 7]
    assert findings[0].suggestion.startswith("did you mean 4?")
    assert "library holds a work much like the cited one" in findings[1].suggestion
    assert "smith2020" in findings[1].suggestion


TWINS = r"""
@article{ferritin2021, author={Alpha, Ann}, title={Ruxolitinib lowers ferritin in VEXAS}, journal={J Fict Med}, year={2021},
  abstract={Serum ferritin was raised in patients with VEXAS syndrome. Ferritin fell with ruxolitinib treatment.}}
@article{ferritin2022, author={Beta, Bo}, title={Anaemia and transfusion needs in VEXAS}, journal={J Fict Med}, year={2022},
  abstract={Macrocytic anaemia was present in patients with VEXAS syndrome. Serum ferritin was normal and transfusions were frequent.}}
@article{chondritis2020, author={Gamma, Gil}, title={Chondritis of the ear in VEXAS}, journal={J Fict Med}, year={2020},
  abstract={Relapsing chondritis of the ear was present in 60% of patients. Chondritis often came before the diagnosis.}}
"""


def twin_findings(run_cli, tmp_path, monkeypatch, listed):
    # every citation beaten by a look-alike is flagged, whatever the derived thresholds are
    monkeypatch.setattr(support_module, "TWIN_GAP", -9.0)
    monkeypatch.setattr(support_module, "TWIN_COSINE", -2.0)
    monkeypatch.setattr(support_module, "LOW_SUPPORT", 0.0)
    monkeypatch.setattr(support_module, "RELATIVE_SCORE", 0.0)
    monkeypatch.setattr(support_module, "LIBRARY_GAP", 9.0)
    monkeypatch.setattr(support_module, "CLEARLY_BETTER", 9.0)
    bib = tmp_path / "library.bib"
    bib.write_text(TWINS, encoding="utf-8")
    assert run_cli("import", str(bib)).exit_code == 0
    entries = ["Beta B. Anaemia and transfusion needs in VEXAS. J Fict Med. 2022.",
               "Gamma G. Chondritis of the ear in VEXAS. J Fict Med. 2020."]
    if listed:
        entries.append("Alpha A. Ruxolitinib lowers ferritin in VEXAS. J Fict Med. 2021.")
    references = "".join(f"{n}. {entry}\n" for n, entry in enumerate(entries, start=1))
    path = tmp_path / "paper.txt"
    path.write_text("Title\n\nSerum ferritin fell with ruxolitinib treatment [1].\n\n"
                    "Relapsing chondritis of the ear often came first [2].\n\n"
                    + ("Ferritin was raised [3].\n\n" if listed else "") + f"References\n\n{references}", encoding="utf-8")
    report = json.loads(run_cli("check", str(path), "--format", "json").stdout)
    return unsupported(report)


def test_a_twin_outside_the_list_is_named_by_its_library_key(run_cli, tmp_path, monkeypatch):
    flagged = twin_findings(run_cli, tmp_path, monkeypatch, listed=False)
    assert [f["reference"] for f in flagged] == ["1"]
    assert "library holds a work much like the cited one" in flagged[0]["suggestion"]
    assert "ferritin2021" in flagged[0]["suggestion"]


def test_a_twin_in_the_list_is_named_by_its_number(run_cli, tmp_path, monkeypatch):
    flagged = twin_findings(run_cli, tmp_path, monkeypatch, listed=True)
    assert "1" in [f["reference"] for f in flagged]
    first = next(f for f in flagged if f["reference"] == "1")
    assert first["suggestion"].startswith("did you mean 3? a work much like the cited one")


def test_an_entry_cited_beside_the_flagged_one_is_not_offered_instead(run_cli, tmp_path):
    """[1,2] where 2 does not bear on the sentence: "did you mean 1?" would tell the author
    to cite what the marker already cites (the one-number-off error is about other entries)."""
    report = check_json(run_cli, tmp_path, ["1,2", 2, 3, 4, 5])
    flagged = {(f["line"], f["reference"]): f for f in unsupported(report)}
    assert (3, "2") in flagged
    assert "did you mean 1" not in (flagged[(3, "2")].get("suggestion") or "")
