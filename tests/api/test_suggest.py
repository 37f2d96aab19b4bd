"""``vexascite suggest``: sources for statements from the library's abstracts."""

from __future__ import annotations

import json

ITEMS = [
    {"id": "ruxo", "type": "article-journal", "title": "Ruxolitinib in VEXAS syndrome",
     "abstract": "We treated 12 patients. Ruxolitinib led to complete responses in most patients with VEXAS syndrome."},
    {"id": "aza", "type": "article-journal", "title": "Azacitidine in VEXAS",
     "abstract": "Azacitidine controlled inflammation in patients with myelodysplastic syndrome and VEXAS."},
    {"id": "notes", "type": "article-journal", "title": "Cardiology notes"},
]


def library(run_cli, tmp_path):
    path = tmp_path / "lib.json"
    path.write_text(json.dumps(ITEMS), encoding="utf-8")
    assert run_cli("import", str(path)).exit_code == 0


def test_suggest_one_statement(run_cli, tmp_path):
    library(run_cli, tmp_path)
    result = run_cli("suggest", "ruxolitinib gives complete responses in VEXAS", "--limit", "1")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 1 and lines[0]["text"] == "ruxolitinib gives complete responses in VEXAS"
    assert [s["key"] for s in lines[0]["sources"]] == ["ruxo"]
    assert lines[0]["sources"][0]["evidence"].startswith("Ruxolitinib led to complete responses")
    assert set(lines[0]["sources"][0]) == {"key", "score", "evidence"}


def test_suggest_lines_one_output_line_per_input_line(run_cli, tmp_path):
    library(run_cli, tmp_path)
    statements = tmp_path / "claims.txt"
    statements.write_text("azacitidine controls inflammation\n\ncardiology\nzebrafish\n", encoding="utf-8")
    result = run_cli("suggest", "--lines", str(statements))
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["text"] for o in out] == ["azacitidine controls inflammation", "", "cardiology", "zebrafish"]
    assert out[0]["sources"][0]["key"] == "aza"
    assert out[1]["sources"] == [] and out[3]["sources"] == []
    assert out[2]["sources"] == [{"key": "notes", "score": out[2]["sources"][0]["score"], "evidence": None}]
    assert "4 statements, 2 with suggested sources" in result.stderr


def test_suggest_gives_ten_sources_by_default_and_reads_statements_from_stdin(run_cli, tmp_path):
    items = [{"id": f"w{n}", "type": "article-journal", "title": f"Ruxolitinib in invented cohort {n}",
              "abstract": f"Ruxolitinib gave responses in {n + 3} patients with VEXAS syndrome."} for n in range(14)]
    path = tmp_path / "many.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    assert run_cli("import", str(path)).exit_code == 0
    result = run_cli("suggest", "--lines", "-", input="ruxolitinib responses in VEXAS\r\n\nzebrafish\n")
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["text"] for o in out] == ["ruxolitinib responses in VEXAS", "", "zebrafish"]
    assert len(out[0]["sources"]) == 10  # --limit's default
    assert len(json.loads(run_cli("suggest", "ruxolitinib", "--limit", "3").stdout)["sources"]) == 3


def test_suggest_keeps_its_index_until_a_work_changes(run_cli, tmp_path):
    import sqlite3

    library(run_cli, tmp_path)
    run_cli("suggest", "azacitidine")
    stamp = sqlite3.connect(run_cli.db).execute("select fingerprint from search_index").fetchone()[0]
    run_cli("suggest", "azacitidine")
    assert sqlite3.connect(run_cli.db).execute("select fingerprint from search_index").fetchone()[0] == stamp
    more = tmp_path / "more.json"
    more.write_text(json.dumps([{"id": "zeb", "type": "article-journal", "abstract": "Zebrafish fins regrow."}]), encoding="utf-8")
    run_cli("import", str(more))
    result = run_cli("suggest", "zebrafish fins")
    assert json.loads(result.stdout)["sources"][0]["key"] == "zeb"


def test_suggest_usage_errors(run_cli, tmp_path):
    library(run_cli, tmp_path)
    assert run_cli("suggest").exit_code == 2
    assert run_cli("suggest", "x", "--lines", str(tmp_path / "lib.json")).exit_code == 2
    missing = run_cli("suggest", "--lines", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 5 and "nope.txt" in missing.stderr


def test_suggest_lines_on_a_binary_file_names_what_it_reads(run_cli, tmp_path):
    """A binary file handed to --lines is said to be binary and not statements (what
    suggest reads), as import and check say it of references and manuscripts."""
    library(run_cli, tmp_path)
    image = tmp_path / "figure.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    result = run_cli("suggest", "--lines", str(image))
    assert result.exit_code == 5 and result.stdout == ""
    assert "figure.txt: looks like a binary file, not statements; nothing read" in result.stderr
    assert "reference strings" not in result.stderr


def test_find_shows_citing_claims_and_suggested_sources(run_cli, tmp_path):
    library(run_cli, tmp_path)
    paper = tmp_path / "paper.md"
    paper.write_text("Azacitidine helps patients with myelodysplastic syndrome [@aza].\n", encoding="utf-8")
    run_cli("link", str(paper))
    found = json.loads(run_cli("find", "azacitidine inflammation", "--json").stdout)
    assert found["claims"][0]["sources"][0]["key"] == "aza"
    assert found["suggested"][0]["key"] == "aza" and found["suggested"][0]["evidence"].startswith("Azacitidine controlled")
    text = run_cli("find", "azacitidine inflammation")
    assert "suggested sources" in text.stdout and "1 suggested source for" in text.stderr


def test_suggest_keeps_latent_vectors_with_the_index(run_cli, tmp_path):
    import sqlite3

    from vexascite.api.evidence import INDEX_NAME, SENTENCE_INDEX_NAME
    from vexascite.evidence.dense import index_version
    from vexascite.evidence.sentences import SENTENCE_WEIGHT

    library(run_cli, tmp_path)
    first = run_cli("suggest", "ruxolitinib responses").stdout
    names = {row[0] for row in sqlite3.connect(run_cli.db).execute("select name from search_index")}
    assert {INDEX_NAME, index_version()} <= names
    assert (SENTENCE_INDEX_NAME in names) == (SENTENCE_WEIGHT > 0)
    # read back from the kept index, the answer is the same
    assert run_cli("suggest", "ruxolitinib responses").stdout == first


def test_latent_vectors_kept_from_other_settings_are_rebuilt(run_cli, tmp_path, monkeypatch):
    import sqlite3

    import numpy as np

    from vexascite.api.common import open_library
    from vexascite.api.evidence import library_searcher
    from vexascite.config import load_settings
    from vexascite.evidence import dense

    library(run_cli, tmp_path)
    settings = load_settings(tmp_path / "none.toml", environ={}, db=run_cli.db)
    with monkeypatch.context() as older:  # a library whose vectors were built with older settings
        older.setattr(dense, "OVERSAMPLE", 10)
        older.setattr(dense, "ITERATIONS", 0)
        older_name = dense.index_version()
        with open_library(settings) as store:
            stale = library_searcher(store).dense
    assert older_name != dense.index_version()
    with open_library(settings) as store:
        current = library_searcher(store).dense
    with open_library(settings) as store:
        fresh = dense.DenseIndex.build(library_searcher(store).index)
    assert np.array_equal(current.doc_vectors, fresh.doc_vectors)
    assert not np.array_equal(current.doc_vectors, stale.doc_vectors)
    names = {row[0] for row in sqlite3.connect(run_cli.db).execute("select name from search_index")}
    assert dense.index_version() in names and older_name not in names


def test_an_index_kept_from_older_terms_is_rebuilt(run_cli, tmp_path):
    import sqlite3

    from vexascite.api.evidence import INDEX_NAME

    library(run_cli, tmp_path)
    first = run_cli("suggest", "ruxolitinib responses").stdout
    with sqlite3.connect(run_cli.db) as db:  # as a library indexed before the terms' last revision keeps it
        db.execute("update search_index set name = 'bm25f-v1' where name = ?", (INDEX_NAME,))
    assert run_cli("suggest", "ruxolitinib responses").stdout == first
    names = {row[0] for row in sqlite3.connect(run_cli.db).execute("select name from search_index")}
    assert INDEX_NAME in names and "bm25f-v1" not in names


def test_works_in_the_trash_are_not_suggested(run_cli, tmp_path):
    library(run_cli, tmp_path)
    statement = "ruxolitinib gives complete responses in VEXAS"
    assert run_cli("remove", "ruxo").exit_code == 0
    suggested = json.loads(run_cli("suggest", statement, "--limit", "2").stdout)
    assert "ruxo" not in [s["key"] for s in suggested["sources"]] and suggested["sources"]
    found = json.loads(run_cli("find", statement, "--json").stdout)
    assert "ruxo" not in [s["key"] for s in found["suggested"]]
    assert run_cli("restore", "ruxo").exit_code == 0
    again = json.loads(run_cli("suggest", statement, "--limit", "1").stdout)
    assert [s["key"] for s in again["sources"]] == ["ruxo"]


def test_pretrained_vectors_kept_and_built_on_demand_for_a_library_kept_without_them(run_cli, tmp_path):
    import sqlite3

    from vexascite.evidence.pretrained import index_version

    library(run_cli, tmp_path)
    first = run_cli("suggest", "ruxolitinib responses").stdout

    def kept():
        return dict(sqlite3.connect(run_cli.db).execute("select name, built_at from search_index").fetchall())

    assert index_version() in kept()
    with sqlite3.connect(run_cli.db) as db:  # as a library indexed before the pretrained vectors keeps it
        db.execute("delete from search_index where name = ?", (index_version(),))
        db.execute("update search_index set built_at = 'kept'")
    assert run_cli("suggest", "ruxolitinib responses").stdout == first
    after = kept()
    assert after.pop(index_version()) != "kept"
    # only the missing vectors were built: the other indexes are the ones kept before
    assert after and set(after.values()) == {"kept"}


def test_sentence_terms_kept_and_built_on_demand_for_a_library_kept_without_them(run_cli, tmp_path):
    import sqlite3

    from vexascite.evidence.sentences import terms_version
    from vexascite.evidence.text import TERMS_REVISION

    library(run_cli, tmp_path)
    statement = "ruxolitinib gives complete responses in VEXAS"
    first = run_cli("suggest", statement).stdout
    name = terms_version(TERMS_REVISION)
    with sqlite3.connect(run_cli.db) as db:  # as a library indexed before the sentence terms were kept
        assert db.execute("select count(*) from search_index where name = ?", (name,)).fetchone()[0] == 1
        db.execute("delete from search_index where name = ?", (name,))
        db.execute("update search_index set built_at = 'kept'")
    assert run_cli("suggest", statement).stdout == first
    kept = dict(sqlite3.connect(run_cli.db).execute("select name, built_at from search_index").fetchall())
    assert kept.pop(name) != "kept" and set(kept.values()) == {"kept"}
    assert json.loads(first)["sources"][0]["evidence"].startswith("Ruxolitinib led to complete responses")


def test_indexes_kept_in_the_older_npz_form_are_read_and_kept_again(run_cli, tmp_path):
    import io
    import sqlite3

    import numpy as np

    from vexascite.api.evidence import INDEX_NAME
    from vexascite.evidence.index import MAGIC, unpack_arrays

    library(run_cli, tmp_path)
    statement = "ruxolitinib gives complete responses in VEXAS"
    first = run_cli("suggest", statement).stdout
    with sqlite3.connect(run_cli.db) as db:  # the BM25F index as an older version kept it
        data = db.execute("select data from search_index where name = ?", (INDEX_NAME,)).fetchone()[0]
        buffer = io.BytesIO()
        np.savez(buffer, **unpack_arrays(data))
        db.execute("update search_index set data = ? where name = ?", (buffer.getvalue(), INDEX_NAME))
    assert run_cli("suggest", statement).stdout == first
    with sqlite3.connect(run_cli.db) as db:
        again = db.execute("select data from search_index where name = ?", (INDEX_NAME,)).fetchone()[0]
    assert again.startswith(MAGIC) and again == data


def _first(run_cli, statement: str) -> list[str]:
    result = run_cli("suggest", statement, "--limit", "3")
    assert result.exit_code == 0, result.output
    return [source["key"] for source in json.loads(result.stdout)["sources"]]


def test_every_write_path_changes_what_suggest_answers(run_cli, tmp_path):
    """The kept index is current through every way a work's texts or trash state change:
    import of a changed file, edit and revert, trash and restore, rekey, resolve, merge,
    add, emptying the trash, and a write by another program (the counter is kept by
    triggers in the library)."""
    import sqlite3

    from tests.fakes import FakeCrossref, FakeDoiOrg, FakeNcbi, crossref_work

    items = [
        {"id": "alpha", "type": "article-journal", "title": "Ruxolitinib in an invented cohort", "DOI": "10.5555/lib12.alpha",
         "abstract": "Ruxolitinib gave complete responses in invented patients."},
        {"id": "beta", "type": "article-journal", "title": "Cardiology notes", "DOI": "10.5555/lib12.beta",
         "abstract": "Heart rhythm was monitored in invented patients."},
        {"id": "gamma", "type": "article-journal", "title": "Azacitidine in an invented cohort", "DOI": "10.5555/lib12.gamma",
         "abstract": "Azacitidine controlled inflammation in invented patients."},
    ]
    path = tmp_path / "lib.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    with FakeCrossref() as crossref, FakeNcbi() as ncbi, FakeDoiOrg() as doiorg:
        gamma = crossref_work("10.5555/lib12.gamma", "Azacitidine in an invented cohort", [("Roe", "Rita")], "J Invented",
                              None, 2031)
        gamma["abstract"] = "<jats:p>Narwhal tusks were measured in an invented cohort.</jats:p>"
        okapi = crossref_work("10.5555/lib12.okapi", "Okapi stripes", [("Doe", "Jane")], "J Invented", None, 2030)
        okapi["abstract"] = "<jats:p>Okapi stripes differ between invented herds.</jats:p>"
        crossref.add_work(gamma)
        crossref.add_work(okapi)
        env = {"VEXASCITE_CROSSREF_URL": crossref.url, "VEXASCITE_NCBI_URL": ncbi.url + "/entrez/eutils",
               "VEXASCITE_IDCONV_URL": ncbi.url + "/idconv/", "VEXASCITE_DOI_URL": doiorg.url,
               "VEXASCITE_MAILTO": "tests@example.org", "VEXASCITE_TIMEOUT": "2"}
        assert run_cli("import", str(path)).exit_code == 0
        assert _first(run_cli, "ruxolitinib responses")[0] == "alpha"
        assert "beta" not in _first(run_cli, "zebrafish fins")
        items[1]["abstract"] = "Zebrafish fins regrew in invented tanks."  # import: the file changed
        path.write_text(json.dumps(items), encoding="utf-8")
        assert run_cli("import", str(path)).exit_code == 0
        assert _first(run_cli, "zebrafish fins")[0] == "beta"
        assert run_cli("edit", "alpha", "title=Quokka habitats").exit_code == 0  # edit
        assert _first(run_cli, "quokka habitats")[0] == "alpha"
        assert run_cli("edit", "alpha", "--revert", "title").exit_code == 0  # revert
        assert "alpha" not in _first(run_cli, "quokka habitats")
        assert run_cli("remove", "beta").exit_code == 0  # the trash
        assert "beta" not in _first(run_cli, "zebrafish fins")
        assert run_cli("restore", "beta").exit_code == 0
        assert _first(run_cli, "zebrafish fins")[0] == "beta"
        assert run_cli("rekey", "gamma", "newgamma").exit_code == 0  # rekey
        assert _first(run_cli, "azacitidine inflammation")[0] == "newgamma"
        assert "newgamma" not in _first(run_cli, "narwhal tusks")
        assert run_cli("resolve", env=env).exit_code in (0, 3)  # resolve: Crossref's abstract
        assert _first(run_cli, "narwhal tusks")[0] == "newgamma"
        assert run_cli("merge", "newgamma", "alpha").exit_code == 0  # merge
        assert "alpha" not in _first(run_cli, "ruxolitinib responses")
        assert run_cli("add", "10.5555/lib12.okapi", env=env).exit_code == 0  # add
        assert _first(run_cli, "okapi stripes")
        okapi_key = _first(run_cli, "okapi stripes")[0]
        assert okapi_key not in ("alpha", "beta", "newgamma")
    assert run_cli("remove", okapi_key).exit_code == 0
    stamp = sqlite3.connect(run_cli.db).execute("select fingerprint from search_index").fetchone()[0]
    assert run_cli("trash", "--empty").exit_code == 0  # emptying the trash
    _first(run_cli, "okapi stripes")
    assert sqlite3.connect(run_cli.db).execute("select fingerprint from search_index").fetchone()[0] != stamp
    with sqlite3.connect(run_cli.db) as other:  # another program writes the library
        other.execute("update works set csl = json_set(csl, '$.abstract', 'Wombat burrows were mapped.') "
                      "where key = 'beta'")
    assert _first(run_cli, "wombat burrows")[0] == "beta"


def test_suggest_while_another_process_writes_answers_at_once_and_says_its_index_is_not_kept(run_cli, tmp_path):
    """The index built for a library whose kept one is stale was kept under the write lock,
    waited for up to ``lock_wait`` (300 s) while an import held it: ``suggest`` hung. Now it
    answers from the index it built, says that index was not kept, and the next run keeps it."""
    import sqlite3

    library(run_cli, tmp_path)
    other = sqlite3.connect(run_cli.db, isolation_level=None)  # an import, holding the write lock
    other.execute("delete from search_index")
    other.execute("begin immediate")
    try:
        result = run_cli("suggest", "ruxolitinib gives complete responses in VEXAS", "--limit", "1",
                         env={"VEXASCITE_LOCK_WAIT": "6"})
    finally:
        other.execute("rollback")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sources"][0]["key"] == "ruxo"
    assert "search index built for this run, not kept (another vexascite is writing the library" in result.stderr
    assert other.execute("select count(*) from search_index").fetchone()[0] == 0
    again = run_cli("suggest", "ruxolitinib gives complete responses in VEXAS", "--limit", "1")
    assert again.exit_code == 0 and "not kept" not in again.stderr
    assert other.execute("select count(*) from search_index").fetchone()[0] > 0
    other.close()
