"""Libraries for the web app's tests: empty, small (resolved against the fakes, a linked
manuscript, a candidate to review) and 10,000 works; and an app client over each."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from benchmarks.cslgen import generate_works
from tests.check.test_support import BIB, manuscript
from tests.fakes import FakeCrossref, FakeDoiOrg, FakeNcbi, crossref_work, fake_settings
from tests.resolve.conftest import REFERENCES, load_world
from vexascite import api
from vexascite.config import Settings, load_settings
from vexascite.web.app import create_app

MANUSCRIPT = """# VEXAS syndrome

VEXAS syndrome is caused by somatic mutations in UBA1 [2].
Endoscopic sphincterotomy has well described complications [1], and stenting is an alternative [3].
Some claims cite a study no index holds [4] or a reference that does not exist [7].

## References

1. {}
2. {}
3. {}
4. {}
""".format(*REFERENCES)

#: A CSL title a hostile or careless source could send.
SCRIPT_TITLE = "<script>alert('x')</script> and <i>UBA1</i> in H<sub>2</sub>O"


@dataclass
class WebWorld:
    settings: Settings
    manuscript: Path
    crossref: FakeCrossref
    ncbi: FakeNcbi
    doiorg: FakeDoiOrg


def csrf_of(client: TestClient) -> str:
    """The CSRF token the app put in its pages."""
    found = re.search(r'name="csrf" value="([^"]+)"', client.get("/import").text)
    assert found, "the import page carries a CSRF token"
    return found.group(1)


@pytest.fixture
def empty_settings(tmp_path: Path) -> Settings:
    return load_settings(tmp_path / "none.toml", environ={}, db=str(tmp_path / "library.db"))


@pytest.fixture
def fakes() -> Iterator[tuple[FakeCrossref, FakeNcbi, FakeDoiOrg]]:
    with FakeCrossref() as crossref, FakeNcbi() as ncbi, FakeDoiOrg() as doiorg:
        load_world(crossref, ncbi, doiorg)
        # a second Crossref record as close as the right one: the resolver holds both for review
        crossref.add_work(crossref_work("10.5555/twin.2006.99999", "Dilate or divide?", [("Varga", "H")],
                                        "Am J Gastroenterol", "Am J Gastroenterol", 2006, "101", None, "1502-1504"))
        yield crossref, ncbi, doiorg


@pytest.fixture
def web_world(tmp_path: Path, empty_settings: Settings, fakes) -> WebWorld:
    """A library with a linked, resolved manuscript, a candidate to review, and a work
    whose title carries a script tag."""
    crossref, ncbi, doiorg = fakes
    settings = fake_settings(empty_settings, crossref, ncbi, doiorg, mailto="tests@example.org", timeout=2.0)
    manuscript = tmp_path / "paper.md"
    manuscript.write_text(MANUSCRIPT, encoding="utf-8")
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps([{"id": "evil", "type": "article-journal", "title": SCRIPT_TITLE,
                                    "issued": {"date-parts": [[2021]]}, "author": [{"family": "Mallory", "given": "E"}]}]),
                       encoding="utf-8")
    api.import_paths(settings, [hostile])
    api.link_manuscript(settings, manuscript)
    api.resolve_works(settings)
    return WebWorld(settings, manuscript, crossref, ncbi, doiorg)


@pytest.fixture
def client(web_world: WebWorld) -> Iterator[TestClient]:
    with TestClient(create_app(web_world.settings), base_url="http://127.0.0.1") as test_client:
        yield test_client


@pytest.fixture
def empty_client(empty_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(empty_settings), base_url="http://127.0.0.1") as test_client:
        yield test_client


def write_big_library(folder: Path, n: int = 10_000) -> Settings:
    """A library of ``n`` distinct works read from one generated CSL-JSON file."""
    path = folder / "big.json"
    path.write_text(json.dumps(generate_works(n)), encoding="utf-8")
    settings = load_settings(folder / "none.toml", environ={}, db=str(folder / "library.db"))
    api.import_paths(settings, [path])
    manuscript = folder / "big-paper.md"
    manuscript.write_text("VEXAS is a disease of older men [@w1; @w2].\nIt answers to JAK inhibitors [@w3] [@w99999].\n",
                          encoding="utf-8")
    api.link_manuscript(settings, manuscript)
    return settings


@pytest.fixture(scope="session")
def big_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return write_big_library(tmp_path_factory.mktemp("big"))


@pytest.fixture
def big_client(big_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(replace(big_settings)), base_url="http://127.0.0.1") as test_client:
        yield test_client


@pytest.fixture
def evidence_settings(tmp_path: Path, empty_settings: Settings) -> Settings:
    """Five works with abstracts (one without), a manuscript citing two of them swapped,
    and a second file stating another year for one of them."""
    bib = tmp_path / "library.bib"
    bib.write_text(BIB.replace("year={2021},", "year={2021}, doi={10.5555/alpha.2021},", 1), encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text(json.dumps([{"id": "alphaOther", "type": "article-journal", "DOI": "10.5555/alpha.2021",
                                  "title": "Ruxolitinib controls inflammation in VEXAS syndrome",
                                  "issued": {"date-parts": [[2020]]}, "author": [{"family": "Alpha", "given": "Ann"}]}]),
                     encoding="utf-8")
    api.import_paths(empty_settings, [bib, other])
    api.link_manuscript(empty_settings, manuscript(tmp_path, [1, 3, 2, 4, 5]))
    return empty_settings
