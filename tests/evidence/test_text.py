"""Spelling normalisation of index terms: one term for the spellings of one word."""

from __future__ import annotations

import pytest

from vexascite.evidence.text import american, normalise, terms


@pytest.mark.parametrize(
    "variants",
    [
        ("TNF-\u03b1", "TNF\u03b1", "TNF-alpha", "TNF\u2010\u03b1"),
        ("IL-1\u03b2", "IL-1beta", "IL\u20111\u03b2"),
        ("NF-\u03baB", "NF-kappaB"),
        ("IFN-\u03b3", "IFN\u03b3", "IFN-gamma"),
    ],
)
def test_greek_letters_hyphens_and_names_give_the_same_terms(variants):
    first = set(terms(variants[0]))
    for other in variants[1:]:
        assert set(terms(other)) == first, other


def test_micro_units_and_superscripts():
    assert "10ug" in terms("10 \u03bcg daily") and "10ug" in terms("10 \u00b5g daily") and "10ug" in terms("10 ug daily")
    assert "109" not in terms("a count of 10\u2079/L")  # the exponent stays apart from its base
    assert terms("\ufb01brosis") == terms("fibrosis")  # ligature folded
    assert normalise("\u03b1\u03b2 T cells") == "alpha-beta t cells"


@pytest.mark.parametrize(
    ("british", "us"),
    [
        ("tumour", "tumor"), ("tumours", "tumors"), ("behavioural", "behavioral"), ("haemoglobin", "hemoglobin"),
        ("leukaemia", "leukemia"), ("ischaemic", "ischemic"), ("anaesthesia", "anesthesia"), ("paediatric", "pediatric"),
        ("oestrogen", "estrogen"), ("oesophageal", "esophageal"), ("oedema", "edema"), ("foetal", "fetal"),
        ("diarrhoea", "diarrhea"), ("coeliac", "celiac"), ("centre", "center"), ("fibres", "fibers"), ("analogue", "analog"),
        ("sulphate", "sulfate"), ("signalling", "signaling"), ("modelled", "modeled"), ("programme", "program"),
        ("ageing", "aging"), ("randomised", "randomized"), ("hospitalisation", "hospitalization"), ("analysed", "analyzed"),
    ],
)
def test_british_spellings_share_the_american_term(british, us):
    assert american(british) == american(us)
    assert terms(f"the {british} was seen") == terms(f"the {us} was seen")


def test_words_that_only_look_british_stay_apart():
    assert american("four") == "four" and american("hour") == "hour" and american("your") == "your"
    assert terms("rise") != terms("raise") and terms("licence") != terms("lice")
    assert american("aerobic") == "aerobic" and american("israel") == "israel" and american("paediatric") != "paediatric"


def test_stop_words_are_bm25s_list_read_without_importing_the_package():
    import subprocess
    import sys

    from bm25s.stopwords import STOPWORDS_EN

    from vexascite.evidence.text import STOPWORDS

    assert frozenset(STOPWORDS_EN) == STOPWORDS
    loaded = subprocess.run([sys.executable, "-c", "import sys, vexascite.evidence.text; print('bm25s' in sys.modules)"],
                            capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "False"
