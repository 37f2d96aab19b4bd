"""The web app over HTTP (Starlette's TestClient): pages, safety, import, review, export."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from tests.web.conftest import SCRIPT_TITLE, WebWorld, csrf_of
from vexascite import api
from vexascite.config import Settings
from vexascite.store import Store
from vexascite.web.app import create_app

PAGES = ["/", "/?q=vexas", "/?status=review&sort=year&order=desc", "/?year=2020&journal=Blood&page=2", "/review",
         "/manuscripts", "/import", "/find", "/find?q=UBA1 mutations", "/export", "/export?style=vancouver",
         "/?q=author:Beck year:2019-2021 thromb*", "/?q=year:soon", "/?tag=jak", "/?collection=Reviews/JAK", "/trash",
         "/collections", "/export?style=vancouver&tag=jak", "/duplicates",
         "/?page=99999999999999999999&year=99999999999999999999&per_page=-99999999999999999999",
         "/?page=9223372036854775000"]


def _keys(html: str) -> list[str]:
    return re.findall(r'href="/works/([^"]+)"', html)


# -- every page answers ---------------------------------------------------------------------------
@pytest.mark.parametrize("url", [u for u in PAGES if "style=" not in u])
def test_pages_answer_without_a_library(empty_client: TestClient, url: str) -> None:
    response = empty_client.get(url)
    assert response.status_code == 200, response.text[:500]
    assert "vexascite" in response.text


@pytest.mark.parametrize("url", [*PAGES, "/export?format=bibtex", "/export?format=csl-json"])
def test_pages_answer_for_an_empty_library(empty_settings: Settings, url: str) -> None:
    Store.open(empty_settings.db).close()
    with TestClient(create_app(empty_settings), base_url="http://127.0.0.1") as client:
        response = client.get(url)
    assert response.status_code == 200, response.text[:500]


def test_empty_library_says_so(empty_client: TestClient) -> None:
    assert "Import references" in empty_client.get("/").text
    for url in ("/export?style=vancouver", "/export?format=ris"):  # nothing to export: said, not an empty file
        response = empty_client.get(url)
        assert response.status_code == 404 and "no library" in response.text


@pytest.mark.parametrize("url", PAGES)
def test_pages_answer_for_ten_thousand_works(big_client: TestClient, url: str) -> None:
    response = big_client.get(url)
    assert response.status_code == 200, response.text[:500]


def test_library_page_of_ten_thousand_works(big_client: TestClient) -> None:
    page = big_client.get("/").text
    assert "10,000 works" in page and "page 1 of 200" in page
    past = big_client.get("/", params={"page": "999"}).text  # an old link, or works gone meanwhile
    assert "page 200 of 200" in past and len(_keys(past)) == 50
    assert len(_keys(page)) == 50
    last = big_client.get("/?page=200").text
    assert len(_keys(last)) == 50 and "Page 200 of 200" in last
    by_year = big_client.get("/?sort=year&order=desc").text
    years = [int(y) for y in re.findall(r"<td>(\d{4})</td>", by_year)]
    assert years == sorted(years, reverse=True) and years[0] == 2024
    assert "works" in big_client.get("/?journal=Blood&year=2000").text
    found = big_client.get("/?q=cohort 7 variant 3").text
    assert _keys(found), "a search finds works"
    work = big_client.get("/works/" + _keys(page)[0])
    assert work.status_code == 200
    assert big_client.get("/works/w1").status_code == 200 and "VEXAS is a disease of older men" in big_client.get("/works/w1").text
    document = big_client.get("/manuscripts/1").text
    assert 'id="cited-w3"' in document and "cite-dangling" in document
    assert big_client.get("/export?format=ris&cited_in=big-paper.md").text.count("TY  -") == 3


def test_search_as_you_type_returns_the_table_only(client: TestClient) -> None:
    partial = client.get("/?q=somatic", headers={"HX-Request": "true", "HX-Target": "results"})
    assert partial.status_code == 200
    assert "<html" not in partial.text and "beck2020somatic" in partial.text
    assert "halden1993endoscopic" not in partial.text


def test_filters_and_sorting(client: TestClient) -> None:
    assert _keys(client.get("/?status=review").text) == ["varga2006dilate"]
    assert "nobody2011study" in _keys(client.get("/?status=not-found").text)
    assert _keys(client.get("/?year=1993").text) == ["halden1993endoscopic"]
    titles = client.get("/?sort=title").text
    assert titles.index("Endoscopic stenting") < titles.index("Somatic mutations")
    reverse = client.get("/?sort=title&order=desc").text
    assert reverse.index("Endoscopic stenting") > reverse.index("Somatic mutations")


# -- one work -------------------------------------------------------------------------------------------
def test_unknown_keys_are_404(client: TestClient, tmp_path: Path) -> None:
    assert client.get("/works/nosuch2020key").status_code == 404
    assert "nosuch2020key" in client.get("/works/nosuch2020key").text
    from vexascite.config import load_settings

    nowhere = load_settings(tmp_path / "none.toml", environ={}, db=str(tmp_path / "elsewhere" / "library.db"))
    with TestClient(create_app(nowhere), base_url="http://127.0.0.1") as empty_client:
        assert empty_client.get("/works/beck2020somatic").status_code == 404
        assert empty_client.get("/manuscripts/1").status_code == 404
    assert client.get("/manuscripts/999").status_code == 404
    assert client.post("/works/nosuch/resolve", data={"csrf": csrf_of(client)}).status_code == 404


def test_work_page_shows_sources_identifiers_occurrences_and_claims(client: TestClient, web_world: WebWorld) -> None:
    page = client.get("/works/beck2020somatic").text
    assert 'href="https://doi.org/10.1056/nejmoa2026834"' in page
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/33108101/"' in page
    assert 'href="https://pmc.ncbi.nlm.nih.gov/articles/PMC9900001/"' in page
    assert "crossref" in page  # which source stated the fields
    assert f"{web_world.manuscript.resolve()}:10" in page  # the raw occurrence, file:line
    assert "VEXAS syndrome is caused by somatic mutations in UBA1" in page  # the claim citing it
    assert "Resolve now" in page


def test_resolve_now_is_a_post(client: TestClient) -> None:
    response = client.post("/works/nobody2011study/resolve", data={"csrf": csrf_of(client)}, follow_redirects=False)
    assert response.status_code == 303 and "not-found" in response.headers["location"]


# -- untrusted text stays text ----------------------------------------------------------------------------
def test_script_in_a_title_is_shown_as_text(client: TestClient) -> None:
    for url in ("/", "/works/evil", "/?q=alert"):
        page = client.get(url).text
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
        assert "<i>UBA1</i>" in page and "H<sub>2</sub>O" in page  # the styles a title may carry are kept


def test_raw_occurrences_and_claims_are_escaped(client: TestClient, web_world: WebWorld) -> None:
    page = client.get("/works/evil").text
    assert "<script>" not in page.replace('<script src="/static/', "")
    assert SCRIPT_TITLE not in page


def test_direction_overrides_are_shown_as_spaces(empty_settings, tmp_path) -> None:
    """A right-to-left override in a title (``\u202egnp.exe`` is shown as ``exe.png``) or an
    isolate left open reorders what the page shows around it: a space, as on the command line."""
    title = "Invoice \u202egnp.exe\u202c and \u2067open isolate"
    source = tmp_path / "rtl.json"
    source.write_text(json.dumps([{"id": "rtl2020", "type": "article-journal", "title": title, "abstract": title,
                                   "issued": {"date-parts": [[2020]]}, "author": [{"family": "Rtl\u202e", "given": "A"}]}]),
                      encoding="utf-8")
    api.import_paths(empty_settings, [source])
    with TestClient(create_app(empty_settings), base_url="http://127.0.0.1") as app_client:
        for url in ("/", "/works/rtl2020", "/?q=invoice"):
            page = app_client.get(url).text
            assert "Invoice  gnp.exe  and" in page, url
            assert not any(chr(c) in page for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))), url
        csrf = csrf_of(app_client)
        tag = "rtl\u202etag"  # a form's value goes back as it came: the tag can be taken off
        app_client.post("/works/rtl2020/tags", data={"csrf": csrf, "action": "add", "tag": tag})
        page = app_client.get("/works/rtl2020").text
        assert f'name="tag" value="{tag}"' in page and "rtl tag" in page
        app_client.post("/works/rtl2020/tags", data={"csrf": csrf, "action": "remove", "tag": tag})
        assert "rtl tag" not in app_client.get("/works/rtl2020").text


def test_an_id_past_what_the_library_stores_is_not_found(client: TestClient) -> None:
    """An id of 20 digits in a URL reached SQLite and failed there (500)."""
    huge = "99999999999999999999"
    assert client.get(f"/manuscripts/{huge}").status_code == 404
    csrf = csrf_of(client)
    for url, data in ((f"/manuscripts/{huge}/check", {}), (f"/review/{huge}", {"decision": "accept"}),
                      (f"/works/beck2020somatic/notes/{huge}/remove", {})):
        # no route takes it: the work page's route (GET only) answers 405 for the note's
        assert client.post(url, data={"csrf": csrf, **data}).status_code in (404, 405), url


def test_every_style_the_export_page_offers_formats(client: TestClient) -> None:
    """The page offered ``new-england-journal-of-medicine``, a style no one ships (it is
    ``the-new-england-journal-of-medicine``): choosing it was an error."""
    from vexascite.web.app import STYLES

    offered = re.findall(r'<option value="([^"]+)"', client.get("/export").text)
    assert set(STYLES) <= set(offered)
    for style in STYLES:
        response = client.get("/export", params={"style": style})
        assert response.status_code == 200 and 'role="alert"' not in response.text, style


def test_a_manuscript_upload_with_a_long_name_links_and_an_unreadable_one_is_said(empty_client: TestClient) -> None:
    """A 300-character file name and an unreadable PDF were 500s (the second quoting the
    app's private copy of the file)."""
    csrf = csrf_of(empty_client)
    text = b"# T\n\nA claim [1].\n\n## References\n\n1. Doe J. A study. J Test. 2020;1:1-2.\n"
    linked = empty_client.post("/manuscripts/link", data={"csrf": csrf}, files={"manuscript": ("x" * 300 + ".md", text)},
                               follow_redirects=False)
    assert linked.status_code == 303
    bad = empty_client.post("/manuscripts/link", data={"csrf": csrf},
                            files={"manuscript": ("bad.pdf", b"%PDF-1.4\n\x00garbage")})
    assert bad.status_code == 400 and "bad.pdf: not a readable PDF" in bad.text and "vexascite-uploads" not in bad.text


# -- CSRF, access, uploads ------------------------------------------------------------------------------------
POSTS = ["/works/beck2020somatic/resolve", "/review/1", "/manuscripts/1/check", "/import/preview", "/import/store", "/resolve",
         "/works/beck2020somatic/tags", "/works/beck2020somatic/notes", "/works/beck2020somatic/notes/1/remove",
         "/works/beck2020somatic/collections", "/works/beck2020somatic/remove", "/works/beck2020somatic/restore",
         "/trash/restore", "/trash/empty", "/collections/create", "/collections/delete", "/manuscripts/link",
         "/works/beck2020somatic/edit", "/duplicates/merge"]


def test_every_post_route_is_in_the_csrf_test() -> None:
    from starlette.routing import Route

    from vexascite.web.app import ROUTES

    posting = {r.path for r in ROUTES if isinstance(r, Route) and "POST" in (r.methods or ())}
    filled = {re.sub(r"\{[^}]+\}", "X", path) for path in posting}
    assert filled == {re.sub(r"/(beck2020somatic|1)(?=/|$)", "/X", url) for url in POSTS}


@pytest.mark.parametrize("url", POSTS)
def test_a_post_without_a_csrf_token_is_refused(client: TestClient, url: str) -> None:
    assert client.post(url, data={"decision": "accept", "references": "x"}).status_code == 403
    assert client.post(url, data={"csrf": "forged", "decision": "accept"}).status_code == 403
    assert client.post(url, headers={"X-CSRF-Token": "forged"}).status_code == 403


def test_state_changes_only_by_post(client: TestClient) -> None:
    for url in POSTS:
        assert client.get(url).status_code in (404, 405)


def test_another_host_needs_the_access_token(empty_settings: Settings) -> None:
    with TestClient(create_app(empty_settings, token="s3cret"), base_url="http://127.0.0.1") as client:
        assert client.get("/").status_code == 401
        assert client.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.get("/", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        entered = client.get("/?token=s3cret&q=x", follow_redirects=False)
        assert entered.status_code == 303 and entered.headers["location"] == "/?q=x"
        assert client.get("/").status_code == 200  # the cookie now carries it


def test_uploads_are_size_limited_and_private(empty_settings: Settings, tmp_path: Path) -> None:
    uploads = tmp_path / "uploads"
    uploads.mkdir(mode=0o700)
    with TestClient(create_app(empty_settings, upload_limit=50_000, upload_dir=str(uploads)), base_url="http://127.0.0.1") as client:
        csrf = csrf_of(client)
        big = client.post("/import/preview", data={"csrf": csrf}, files={"files": ("big.bib", b"x" * 60_000)})
        assert big.status_code == 413
        ok = client.post("/import/preview", data={"csrf": csrf},
                         files={"files": ("../../evil name.bib", b"@article{a, title={T}, year={2020}}")})
        assert ok.status_code == 200, ok.text
    written = [p for p in uploads.rglob("*") if p.is_file()]
    assert [p.name for p in written] == ["evil_name.bib"]
    assert all(uploads in p.parents for p in written)
    assert oct(written[0].parent.stat().st_mode & 0o777) == "0o700"


# -- import, resolve, review ----------------------------------------------------------------------------------
def test_paste_preview_store_and_resolve(empty_settings: Settings, fakes) -> None:
    from tests.fakes import fake_settings
    from tests.resolve.conftest import REFERENCES

    settings = fake_settings(empty_settings, *fakes, mailto="tests@example.org", timeout=2.0)
    pasted = "\n".join(f"{i}. {ref}" for i, ref in enumerate(REFERENCES[:2], start=1))
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as client:
        csrf = csrf_of(client)
        preview = client.post("/import/preview", data={"csrf": csrf, "references": pasted})
        assert preview.status_code == 200
        assert "2 references read" in preview.text and "Somatic mutations in UBA1" in preview.text
        assert not Path(settings.db).exists() or api.list_works(settings) == []  # nothing stored yet
        batch = re.search(r'name="batch" value="([0-9a-f]+)"', preview.text).group(1)
        stored = client.post("/import/store", data={"csrf": csrf, "batch": batch})
        assert stored.status_code == 200 and "2 new works" in stored.text
        assert len(api.list_works(settings)) == 2
        keys = re.search(r'name="keys" value="([^"]*)"', stored.text).group(1).split()
        assert sorted(keys) == ["beck2020somatic", "halden1993endoscopic"]  # only this import's works
        job_page = client.post("/resolve", data={"csrf": csrf, "keys": " ".join(keys)})
        job = re.search(r'hx-get="/jobs/([0-9a-f]+)"', job_page.text)
        text = job_page.text
        deadline = time.monotonic() + 60
        while job and "Done." not in text and time.monotonic() < deadline:
            time.sleep(0.2)
            text = client.get(f"/jobs/{job.group(1)}").text
        assert "Done." in text and "found 2" in text
        assert {w["status"] for w in api.list_works(settings)} == {"resolved"}


def test_a_second_resolve_waits_for_the_first_instead_of_joining_it(empty_settings: Settings, fakes) -> None:
    """Two imports, each resolved from its page while the first run is still under way: the
    second import's works are resolved too (they were silently left out when the second
    press joined the first run)."""
    from tests.fakes import fake_settings
    from tests.resolve.conftest import REFERENCES

    crossref, ncbi, doiorg = fakes
    for fake in fakes:
        fake.latency = 0.3
    settings = fake_settings(empty_settings, *fakes, mailto="tests@example.org", timeout=5.0, rate_file="off")
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as client:
        csrf = csrf_of(client)
        keys = []
        for ref in REFERENCES[:2]:
            preview = client.post("/import/preview", data={"csrf": csrf, "references": f"1. {ref}"})
            batch = re.search(r'name="batch" value="([0-9a-f]+)"', preview.text).group(1)
            stored = client.post("/import/store", data={"csrf": csrf, "batch": batch})
            keys.append(re.search(r'name="keys" value="([^"]*)"', stored.text).group(1))
        first = client.post("/resolve", data={"csrf": csrf, "keys": keys[0]}).text
        second = client.post("/resolve", data={"csrf": csrf, "keys": keys[1]}).text
        jobs = [re.search(r'hx-get="/jobs/([0-9a-f]+)"', page).group(1) for page in (first, second)]
        assert jobs[0] != jobs[1]
        assert "another resolve run is under way" in second
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and "Done." not in client.get(f"/jobs/{jobs[1]}").text:
            time.sleep(0.2)
        assert "found 1" in client.get(f"/jobs/{jobs[1]}").text
        assert {w["key"]: w["status"] for w in api.list_works(settings)} == {keys[0]: "resolved", keys[1]: "resolved"}
        # the same works asked for again while their run is under way: that run is the answer
        again = client.post("/resolve", data={"csrf": csrf, "keys": keys[1]}).text
        assert "another resolve run" not in again


def test_preview_reports_warnings_and_unreadable_files(empty_client: TestClient) -> None:
    csrf = csrf_of(empty_client)
    response = empty_client.post("/import/preview", data={"csrf": csrf}, files=[
        ("files", ("bad.bib", b"@article{ok, title={Fine}, year={2020}}\n@article{broken, title={Unclosed\n")),
        ("files", ("photo.png", b"\x89PNG\r\n")),
    ])
    assert response.status_code == 200
    assert "photo.png: not a format vexascite reads" in response.text
    assert "bad.bib" in response.text and "line" in response.text


def test_an_unreadable_upload_is_named_as_chosen_and_counts_agree(empty_client: TestClient) -> None:
    """The messages named the app's copy (``/tmp/vexascite-uploads-.../binary.pdf``) and the
    report said "1 problems"."""
    csrf = csrf_of(empty_client)
    files = [("files", ("binary.pdf", b"%PDF-1.4\n\x00garbage")),
             ("files", ("one.bib", b"@article{one, title={Fine}, year={2020}}\n@article{broken, title={Unclosed\n"))]
    preview = empty_client.post("/import/preview", data={"csrf": csrf}, files=files).text
    assert "binary.pdf: not a readable PDF" in preview and "vexascite-uploads" not in preview
    batch = re.search(r'name="batch" value="([^"]+)"', preview).group(1)
    stored = empty_client.post("/import/store", data={"csrf": csrf, "batch": batch}).text
    assert "binary.pdf: not a readable PDF" in stored and "vexascite-uploads" not in stored
    assert "1 new work ·" in stored and re.search(r"1 problem(?!s)", stored) and "1 problems" not in stored


def test_review_side_by_side_and_accept(client: TestClient, web_world: WebWorld) -> None:
    page = client.get("/review").text
    assert "varga2006dilate" in page and "Varga H, Okafor J. Dilate or divide?" in page  # the printed reference
    ids = [int(i) for i in re.findall(r'action="/review/(\d+)"', page)]
    assert len(set(ids)) == 2
    assert "<mark>" in page  # what differs is highlighted (the twin's DOI)
    response = client.post(f"/review/{ids[0]}", data={"csrf": csrf_of(client), "decision": "accept"}, follow_redirects=False)
    assert response.status_code == 303
    assert "Nothing waits for review" in client.get("/review").text
    assert api.show_work(web_world.settings, "varga2006dilate")["status"] == "resolved"
    assert client.post("/review/99999", data={"csrf": csrf_of(client), "decision": "accept"}).status_code == 404


# -- manuscripts, find, export -----------------------------------------------------------------------------------
def test_manuscript_page_highlights_citations_and_checks(client: TestClient) -> None:
    listing = client.get("/manuscripts").text
    assert "paper.md" in listing
    page = client.get("/manuscripts/1").text
    assert 'class="cite cite-linked"' in page and 'class="cite cite-dangling"' in page
    assert 'id="cited-beck2020somatic"' in page
    checked = client.post("/manuscripts/1/check", data={"csrf": csrf_of(client)}, headers={"HX-Request": "true"})
    assert checked.status_code == 200 and "<html" not in checked.text
    assert 'title="dangling-marker"' in checked.text and 'title="not-found"' in checked.text
    assert re.search(r'id="L5".*?title="dangling-marker"', checked.text, re.S)  # inline, after its line


def test_find_shows_claims_and_sources(client: TestClient) -> None:
    page = client.get("/find?q=somatic mutations UBA1").text
    assert "<mark>" in page and "beck2020somatic" in page


def test_export_downloads_each_format_with_selections(client: TestClient, web_world: WebWorld) -> None:
    for fmt, marker in [("bibtex", "@article{"), ("biblatex", "@article{"), ("ris", "TY  -"), ("csl-json", '"DOI"')]:
        response = client.get(f"/export?format={fmt}")
        assert response.status_code == 200 and marker in response.text
        assert "attachment" in response.headers["content-disposition"]
    one = client.get("/export?format=csl-json&keys=beck2020somatic").json()
    assert [item["id"] for item in one] == ["beck2020somatic"]
    cited = client.get("/export", params={"format": "csl-json", "cited_in": str(web_world.manuscript)}).json()
    assert [item["id"] for item in cited][:3] == ["beck2020somatic", "halden1993endoscopic", "varga2006dilate"]
    assert client.get("/export?format=docx").status_code == 400
    assert client.get("/export?format=bibtex&keys=nosuch").status_code in (200, 404)
    formatted = client.get("/export?style=vancouver&keys=beck2020somatic").text
    assert "Somatic mutations in UBA1" in formatted and 'id="bibliography"' in formatted
    assert "Somatic mutations in UBA1" in client.get(f"/export?style=apa&cited_in={web_world.manuscript}").text


def test_a_formatted_bibliography_of_a_whole_large_library_asks_for_a_selection(big_client: TestClient) -> None:
    page = big_client.get("/export?style=vancouver")
    assert page.status_code == 200 and "vexascite format" in page.text and 'id="bibliography"' not in page.text
    chosen = big_client.get("/export?style=vancouver&keys=" + ",".join(_keys(big_client.get("/").text)[:3])).text
    assert chosen.count("Study ") >= 3 and 'id="bibliography"' in chosen


def test_the_command_line_writes_while_the_app_runs(client: TestClient, web_world: WebWorld, tmp_path: Path) -> None:
    """WAL: a CLI import (another process) and the app's reads and writes run at once;
    neither fails and no write is lost."""
    import subprocess
    import sys
    import threading

    items = [{"id": f"c{i}", "type": "article-journal", "title": f"Written beside the app {i}",
              "issued": {"date-parts": [[2023]]}} for i in range(1500)]
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps(items))
    assert len(_keys(client.get("/").text)) == 5
    csrf = csrf_of(client)
    statuses: list[int] = []
    done = threading.Event()

    def browse() -> None:
        while not done.is_set():
            statuses.append(client.get("/?q=written").status_code)
            statuses.append(client.post("/works/evil/resolve", data={"csrf": csrf}, follow_redirects=False).status_code)

    reader = threading.Thread(target=browse)
    reader.start()
    try:
        result = subprocess.run([sys.executable, "-m", "vexascite", "--db", web_world.settings.db, "import", str(extra)],
                                capture_output=True, text=True, timeout=120)
    finally:
        done.set()
        reader.join()
    assert result.returncode == 0, result.stderr
    assert statuses and set(statuses) <= {200, 303}
    assert "1,505 works" in client.get("/").text


def test_other_host_names_are_refused_on_loopback(empty_settings: Settings) -> None:
    """A page elsewhere whose name resolves to 127.0.0.1 (DNS rebinding) gets nothing."""
    with TestClient(create_app(empty_settings), base_url="http://attacker.example") as client:
        assert client.get("/").status_code == 400
    with TestClient(create_app(empty_settings), base_url="http://localhost:8765") as client:
        assert client.get("/").status_code == 200


def test_review_leaves_out_works_in_the_trash_and_says_how_many_candidates_wait_there(client: TestClient,
                                                                                      web_world: WebWorld) -> None:
    api.remove_works(web_world.settings, ["varga2006dilate"])
    page = client.get("/review").text
    assert "varga2006dilate" not in page and "Nothing waits for review" in page
    assert "2 more candidates wait for works in the" in page
    api.restore_works(web_world.settings, ["varga2006dilate"])
    page = client.get("/review").text
    assert "varga2006dilate" in page and "in the trash" not in page


def test_editing_a_doi_on_the_page_says_which_records_were_set_aside(client: TestClient, web_world: WebWorld) -> None:
    assert api.show_work(web_world.settings, "beck2020somatic")["records"]  # resolved: verified records
    done = client.post("/works/beck2020somatic/edit",
                       data={"csrf": csrf_of(client), "field": "DOI", "value": "10.5555/nobody.knows.this", "action": "set"})
    assert done.status_code == 200 and "DOI edited" in done.text
    assert "set aside 2 records" in done.text and 'id="records-set-aside"' in done.text
    shown = api.show_work(web_world.settings, "beck2020somatic")
    assert shown["status"] == "unresolved" and "PMID" not in shown["csl"]
    page = client.get("/works/beck2020somatic").text
    assert "no longer current: DOI edited" in page and "<p class=\"muted\" id=\"resolution\">Resolution:" not in page


def test_a_work_known_by_a_key_with_a_slash_is_reached_by_it(empty_settings: Settings, tmp_path: Path) -> None:
    """An imported entry's own key that cannot be a library key (``smith/2020``) still
    names its work: its URL, with the slash encoded or not, leads to the work's page."""
    bib = tmp_path / "a.bib"
    bib.write_text("@article{smith/2020, author = {Smith, Jane}, title = {A slash in the key}, journal = {Blood},"
                   " year = {2020}}\n", encoding="utf-8")
    api.import_paths(empty_settings, [str(bib)])
    with TestClient(create_app(empty_settings), base_url="http://127.0.0.1") as client:
        for url in ("/works/smith%2F2020", "/works/smith/2020"):
            page = client.get(url, follow_redirects=False)
            assert page.status_code == 302 and page.headers["location"].startswith("/works/smith2020slash?"), url
        assert "smith/2020" in client.get("/works/smith%2F2020").text  # the page says which old key was asked for
        assert client.get("/?q=key:smith/2020").text.count('href="/works/smith2020slash"') == 1
        assert client.get("/works/smith2020slash/edit").status_code == 404  # not a key: no page, as before



TWINS = """@article{okafor2031a,
  author = {Okafor, Jane and Lindqvist, Astrid}, title = {Clonal haematopoiesis in relapsing polychondritis: a cohort},
  journal = {Rheumatology}, year = {2031}, volume = {60}, pages = {1201--1209},
}
@article{okafor2031b,
  author = {Okafor, J.}, title = {Clonal haematopoiesis in relapsing polychondritis: a cohort study},
  journal = {Rheumatology}, year = {2031},
}
"""


def test_duplicates_of_ten_thousand_works_come_a_page_at_a_time(big_client: TestClient) -> None:
    first = big_client.get("/duplicates").text  # one author's studies a year apart: thousands of pairs
    total, pages = (int(n.replace(",", "")) for n in re.search(r"([\d,]+) pairs · page 1 of ([\d,]+), pairs 1–50\.", first).groups())
    assert total > 1000 and pages == -(-total // 50)
    assert first.count('class="answer-row"') == 50 and 'href="/duplicates?page=2"' in first
    last = big_client.get("/duplicates", params={"page": "999"}).text  # past the last (pairs merged meanwhile): the last
    assert f"page {pages} of {pages}" in last and f'id="pair-{total}"' in last and f'id="pair-{total + 1}"' not in last


def test_the_duplicates_page_says_how_many_pairs_are_not_listed(empty_settings: Settings, tmp_path: Path) -> None:
    bib = tmp_path / "replies.bib"
    bib.write_text("".join(f"@article{{r{n:02d}, author={{Writer{n}, A.}}, title={{Reply}}, year=2031}}\n"
                           for n in range(15)), encoding="utf-8")
    api.import_paths(empty_settings, [str(bib)])
    unlisted = api.find_near_duplicates(empty_settings).unlisted
    assert unlisted > 0
    with TestClient(create_app(empty_settings), base_url="http://127.0.0.1") as client:
        page = client.get("/duplicates").text
    assert f"{unlisted} more pairs look as alike but are not listed: each work is listed with its 10 most alike" in page


def test_duplicates_are_listed_with_why_and_merged_after_a_confirmation(empty_settings: Settings, tmp_path: Path) -> None:
    bib = tmp_path / "twins.bib"
    bib.write_text(TWINS, encoding="utf-8")
    api.import_paths(empty_settings, [str(bib)])
    assert api.find_near_duplicates(empty_settings)  # the command's own list
    with TestClient(create_app(empty_settings), base_url="http://127.0.0.1") as client:
        page = client.get("/duplicates").text
        assert "okafor2031a" in page and "okafor2031b" in page and "same first author, same year" in page
        csrf = csrf_of(client)
        pair = {"csrf": csrf, "keep": "okafor2031a", "drop": "okafor2031b"}
        asked = client.post("/duplicates/merge", data=pair)  # the first press only asks
        assert asked.status_code == 200 and "Merge okafor2031b into okafor2031a?" in asked.text
        assert api.work_key(empty_settings, "okafor2031b") == "okafor2031b"  # nothing merged yet
        in_place = client.post("/duplicates/merge", data={**pair, "target": "answer-1"}, headers={"HX-Request": "true"})
        assert in_place.status_code == 200 and "<html" not in in_place.text and 'hx-target="#answer-1"' in in_place.text
        hostile = client.post("/duplicates/merge", data={**pair, "target": '1" onclick="x'}, headers={"HX-Request": "true"})
        assert "onclick" not in hostile.text
        done = client.post("/duplicates/merge", data={**pair, "confirm": "yes"}, follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"].startswith("/duplicates?message=merged")
        assert api.work_key(empty_settings, "okafor2031b") == "okafor2031a"  # the merged key names the kept work
        listed = client.get(done.headers["location"]).text
        assert "merged okafor2031b into okafor2031a" in listed and "No possible duplicates." in listed
        # a second tab merging again: the error is shown where the answer goes, not as a page
        again = client.post("/duplicates/merge", data={**pair, "confirm": "yes"}, headers={"HX-Request": "true"})
        assert again.status_code == 400 and again.text.startswith('<p class="error" role="alert">')
        assert "name the same work" in again.text
        gone = client.post("/duplicates/merge", data={**pair, "drop": "nosuch"}, headers={"HX-Request": "true"})
        assert gone.status_code == 404 and 'role="alert"' in gone.text and "nosuch" in gone.text


def test_merging_from_the_page_with_htmx_sends_the_browser_to_the_list(empty_settings: Settings, tmp_path: Path) -> None:
    bib = tmp_path / "twins.bib"
    bib.write_text(TWINS, encoding="utf-8")
    api.import_paths(empty_settings, [str(bib)])
    with TestClient(create_app(empty_settings), base_url="http://127.0.0.1") as client:
        done = client.post("/duplicates/merge", data={"csrf": csrf_of(client), "keep": "okafor2031b", "drop": "okafor2031a",
                                                      "confirm": "yes"}, headers={"HX-Request": "true"})
        assert done.status_code == 200 and done.headers["HX-Redirect"].startswith("/duplicates?message=merged+okafor2031a")
