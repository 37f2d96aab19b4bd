"""Faults and interruptions: every reference ends resolved or failed with a reason, and a
killed run, rerun, leaves the same library as a run never interrupted."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from tests.fakes import (
    FakeCrossref,
    FakeDoiOrg,
    FakeNcbi,
    crossref_work,
    fake_settings,
    pubmed_article,
)
from vexascite import api
from vexascite.store import Store

FAMILIES = ["Beck", "Ferrada", "Georgin", "Heiblig", "Kosmider", "Grayson", "Koster", "Bourbon", "Obiorah", "Staels"]
TOPICS = ["UBA1 variants", "macrocytic anaemia", "relapsing chondritis", "ruxolitinib response", "azacitidine use",
          "skin lesions", "pulmonary infiltrates", "thrombosis risk"]


def synthetic(n: int) -> tuple[list[dict], list[str], list[str]]:
    """n works, their Vancouver strings, and DOIs (every 7th work is in no index)."""
    works, strings, dois = [], [], []
    for i in range(n):
        family = FAMILIES[i % len(FAMILIES)]
        title = f"{TOPICS[i % len(TOPICS)].capitalize()} in VEXAS syndrome: cohort {i} of a multicentre study"
        year, volume, first = 2000 + i % 20, str(10 + i), 100 + 7 * i
        work = {"doi": f"10.7777/vexas.{i}", "pmid": str(3_000_000 + i), "title": title, "family": family,
                "journal": "J Test Med", "year": year, "volume": volume, "pages": f"{first}-{first + 6}", "indexed": i % 7 != 0}
        works.append(work)
        strings.append(f"{family} A, Roe B, Poe C. {title}. J Test Med. {year};{volume}:{first}-{str(first + 6)[-1]}.")
        dois.append(work["doi"])
    return works, strings, dois


def fakes_for(works: list[dict], **kwargs) -> tuple[FakeCrossref, FakeNcbi, FakeDoiOrg]:
    crossref, ncbi, doiorg = FakeCrossref(**kwargs), FakeNcbi(**kwargs), FakeDoiOrg(**kwargs)
    for w in works:
        if not w["indexed"]:
            continue
        crossref.add_work(crossref_work(w["doi"], w["title"], [(w["family"], "A")], w["journal"], w["journal"], w["year"], w["volume"], None, w["pages"]))
        ncbi.add_article(pubmed_article(w["pmid"], w["title"], [f"{w['family']} A"], w["journal"], w["year"], w["volume"], None, w["pages"], w["doi"]))
    return crossref, ncbi, doiorg


def state(db: str) -> list[tuple]:
    with Store.open(db, create=False) as store:
        return [(r["key"], r["status"], r["doi"], r["pmid"], json.dumps(r["csl"], sort_keys=True)) for r in store.iter_works()]


def write_list(path: Path, strings: list[str]) -> Path:
    path.write_text("References\n\n" + "\n".join(f"{i}. {s}" for i, s in enumerate(strings, 1)) + "\n", encoding="utf-8")
    return path


def run_library(settings, folder: Path, strings: list[str], dois: list[str]) -> str:
    settings = replace(settings, db=str(folder / "library.db"))
    folder.mkdir(exist_ok=True)
    api.import_paths(settings, [write_list(folder / "refs.txt", strings)])
    api.add_identifiers(settings, dois)
    api.resolve_works(settings)  # a second pass retries what failed, as a user would
    return settings.db


def test_a_fifth_of_answers_faulty_every_reference_still_accounted_for(settings, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("vexascite.resolve.http.BACKOFF", 0.01)
    monkeypatch.setattr("vexascite.resolve.http.MAX_ATTEMPTS", 8)
    works, strings, dois = synthetic(60)
    results = {}
    for name, rate in (("clean", 0.0), ("faulty", 0.2)):
        crossref, ncbi, doiorg = fakes_for(works, fault_rate=rate, retry_after="0", hang=0.6, seed=11)
        with crossref, ncbi, doiorg:
            base = fake_settings(settings, crossref, ncbi, doiorg, mailto="t@example.org", timeout=0.3)
            db = run_library(base, tmp_path / name, strings[:30], dois[30:])
            if rate:
                assert sum(crossref.faults_injected.values()) + sum(ncbi.faults_injected.values()) > 0
        results[name] = state(db)
        with Store.open(db) as store:
            for row in store.iter_works():
                assert row["status"] in ("resolved", "not-found", "review", "failed")
                if row["status"] != "resolved":
                    assert row["status_message"], row["key"]
    assert results["faulty"] == results["clean"]
    assert {r[1] for r in results["clean"]} == {"resolved", "not-found"}


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_mid_run_then_rerun_equals_an_uninterrupted_run(settings, tmp_path: Path) -> None:
    works, strings, _ = synthetic(40)
    crossref, ncbi, doiorg = fakes_for(works, latency=0.15)
    with crossref, ncbi, doiorg:
        env = {**os.environ, "VEXASCITE_CROSSREF_URL": crossref.url, "VEXASCITE_NCBI_URL": ncbi.url + "/entrez/eutils",
               "VEXASCITE_IDCONV_URL": ncbi.url + "/idconv/", "VEXASCITE_DOI_URL": doiorg.url,
               "VEXASCITE_MAILTO": "t@example.org", "VEXASCITE_CONFIG": str(tmp_path / "none.toml")}
        states = []
        for name, kill in (("whole", False), ("killed", True)):
            folder = tmp_path / name
            folder.mkdir()
            command = [sys.executable, "-m", "vexascite", "--db", str(folder / "library.db")]
            subprocess.run([*command, "import", str(write_list(folder / "refs.txt", strings))], env=env, check=True, capture_output=True)
            if kill:
                before = crossref.total_requests + ncbi.total_requests
                process = subprocess.Popen([*command, "resolve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                deadline = time.monotonic() + 30
                while crossref.total_requests + ncbi.total_requests < before + 4 and time.monotonic() < deadline:
                    time.sleep(0.01)
                process.send_signal(signal.SIGKILL)
                process.wait()
                assert state(str(folder / "library.db")) != states[0]  # it really was cut short
            finished = subprocess.run([*command, "resolve"], env=env, capture_output=True, text=True)
            assert finished.returncode == 0, finished.stderr
            states.append(state(str(folder / "library.db")))
    assert states[0] == states[1]
    assert sum(1 for s in states[0] if s[1] == "resolved") == sum(1 for w in works if w["indexed"])
