"""The pretrained static embedding read from the ``wordllama`` package's own files."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from vexascite.evidence import pretrained as pretrained_module
from vexascite.evidence.index import Doc
from vexascite.evidence.pretrained import Pretrained, load


@pytest.fixture(scope="module")
def encoder():
    found = load()
    assert found is not None, "the wordllama package is a dependency"
    return found


def test_loads_from_the_package_files_without_importing_the_package(encoder):
    # the package's own loader would fetch a file it cannot find; only its two files are read
    assert "wordllama" not in sys.modules
    assert encoder.dimensions == 256


def test_paraphrases_lie_closer_than_unrelated_statements(encoder):
    a, b, c = encoder.encode(["Serum ferritin fell with ruxolitinib treatment",
                              "Ruxolitinib lowered ferritin levels in the blood",
                              "Relapsing chondritis of the ear came before diagnosis"])
    assert float(a @ b) > float(a @ c) + 0.1
    assert np.isclose(float(a @ a), 1.0, atol=1e-5)


def test_an_empty_text_gives_a_zero_vector(encoder):
    assert not encoder.encode([""]).any()


def test_without_the_package_there_is_no_model(monkeypatch):
    monkeypatch.setattr(pretrained_module, "PACKAGE", "no_such_package_here")
    assert load() is None


def test_support_prefers_the_work_that_states_the_finding(encoder):
    works = [Doc("ferritin", "Ruxolitinib in VEXAS", "Serum ferritin was raised. Ferritin fell with ruxolitinib."),
             Doc("ear", "Chondritis in VEXAS", "Relapsing chondritis of the ear was common. It came before diagnosis."),
             Doc("clots", "Thrombosis in VEXAS", "Venous thromboembolism occurred in 40% of patients.")]
    model = Pretrained(encoder, Pretrained.centre_of(encoder, works))
    vector = model.vector("ruxolitinib lowered ferritin")
    scores = {w.key: model.support(vector, w) for w in works}
    assert max(scores, key=scores.__getitem__) == "ferritin"
    # the centre is the works' mean vector
    one = Pretrained.centre_of(encoder, works[:1])
    assert np.allclose(one, encoder.encode([f"{works[0].title} {works[0].abstract}"])[0])
