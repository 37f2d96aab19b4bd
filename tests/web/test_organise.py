"""The web app over HTTP: searching as ``list`` does, tags, collections, notes, the trash,
selections for export, PDF uploads and linking a manuscript from the browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

from starlette.testclient import TestClient

from tests.documents.pdfs import text_pdf
from tests.resolve.conftest import REFERENCES
from tests.web.conftest import WebWorld, csrf_of
from vexascite import api


def _keys(html: str) -> list[str]:
    return re.findall(r'href="/works/([^"]+)"', html)


def _post(client: TestClient, url: str, **data: str):
    return client.post(url, data={"csrf": csrf_of(client), **data}, follow_redirects=False)


# -- the library page searches as list does ------------------------------------------------------------
def test_field_queries_prefixes_and_identifiers(client: TestClient, web_world: WebWorld) -> None:
    assert _keys(client.get("/", params={"q": "author:Beck year:2020"}).text) == ["beck2020somatic"]
    assert _keys(client.get("/", params={"q": "author:Beck year:2021-"}).text) == []
    assert _keys(client.get("/", params={"q": "somat*"}).text) == ["beck2020somatic"]
    assert _keys(client.get("/", params={"q": "https://doi.org/10.1056/NEJMoa2026834"}).text) == ["beck2020somatic"]
    assert _keys(client.get("/", params={"q": "halden1993endoscopic"}).text) == ["halden1993endoscopic"]
    assert _keys(client.get("/", params={"q": "stenting -author:Beck"}).text) == ["halden1993endoscopic"]
    assert "only leaves works out" in client.get("/", params={"q": "-author:Beck"}).text  # as list: nothing to look for
    # the same search as the command line's list
    for query in ("author:Beck year:2020", "grading OR stent*", "journal:blood", "-somatic"):
        listed = [w["key"] for w in api.search_works(web_world.settings, query).works]
        assert sorted(_keys(client.get("/", params={"q": query}).text)) == sorted(listed), query


def test_any_text_is_a_safe_search(client: TestClient) -> None:
    for query in ('"unbalanced', "((", "title:", "NEAR AND OR", "a:b:c", "*", "'; drop table works; --", "<script>x</script>",
                  "tag:", "collection:\"\"", "\u0000"):
        response = client.get("/", params={"q": query})
        assert response.status_code == 200, (query, response.text[:300])
        assert "<script>x" not in response.text
    unreadable = client.get("/", params={"q": "year:soon"}).text
    assert "year:soon: give a year" in unreadable and _keys(unreadable) == []
    assert "holds nothing to search for" in client.get("/", params={"q": "!!!"}).text
    empty_field = client.get("/", params={"q": "vexas author:"}).text  # said in place, not an empty table
    assert "author: give a value after &#39;author:&#39;" in empty_field and _keys(empty_field) == []
    assert "no collection &#39;Nowhere&#39;" in client.get("/", params={"collection": "Nowhere"}).text


def test_tag_and_nested_collection_filters(client: TestClient, web_world: WebWorld) -> None:
    settings = web_world.settings
    api.tag_works(settings, ["beck2020somatic", "varga2006dilate"], ["jak"])
    api.change_collection(settings, "Reviews/JAK", ["beck2020somatic"], add=True)
    api.change_collection(settings, "Reviews", ["halden1993endoscopic"], add=True)
    assert sorted(_keys(client.get("/?tag=jak").text)) == ["beck2020somatic", "varga2006dilate"]
    assert sorted(_keys(client.get("/?tag=JAK").text)) == ["beck2020somatic", "varga2006dilate"]  # as list: any case
    assert _keys(client.get("/", params={"collection": "Reviews/JAK"}).text) == ["beck2020somatic"]
    # a collection holds its sub-collections' works
    assert sorted(_keys(client.get("/", params={"collection": "Reviews"}).text)) == ["beck2020somatic", "halden1993endoscopic"]
    assert _keys(client.get("/", params={"tag": "jak", "collection": "Reviews", "q": "year:2020"}).text) == ["beck2020somatic"]
    page = client.get("/").text
    assert '<option value="jak"' in page and '<option value="Reviews/JAK"' in page
    assert 'class="tag" href="/?tag=jak' in page  # each row shows its tags, a link to the filter


def test_trashed_works_leave_the_library_page(client: TestClient, web_world: WebWorld) -> None:
    api.remove_works(web_world.settings, ["halden1993endoscopic"])
    page = client.get("/").text
    assert "halden1993endoscopic" not in _keys(page)
    assert "1 work in the trash" in page
    assert _keys(client.get("/?q=halden1993endoscopic").text) == []


# -- actions on a work ---------------------------------------------------------------------------------
def test_tag_note_and_collection_actions(client: TestClient, web_world: WebWorld) -> None:
    settings, base = web_world.settings, "/works/beck2020somatic"
    response = _post(client, f"{base}/tags", tag="jak inhibitors")
    assert response.status_code == 303 and "tagged+jak+inhibitors" in response.headers["location"]
    assert api.show_work(settings, "beck2020somatic")["tags"] == ["jak inhibitors"]
    assert "already+tagged" in _post(client, f"{base}/tags", tag="jak inhibitors").headers["location"]
    page = client.get(base).text
    assert 'aria-label="Remove tag jak inhibitors"' in page
    _post(client, f"{base}/tags", tag="jak inhibitors", action="remove")
    assert api.show_work(settings, "beck2020somatic")["tags"] == []
    assert _post(client, f"{base}/tags", tag="  ").status_code == 400
    # the command line's +TAG / -TAG typed in the box: the tag meant, not a tag named "+jak"
    assert "tagged+jak" in _post(client, f"{base}/tags", tag="+jak").headers["location"]
    assert api.show_work(settings, "beck2020somatic")["tags"] == ["jak"]
    minus = _post(client, f"{base}/tags", tag="-jak")
    assert minus.status_code == 400 and "×" in minus.text
    assert api.show_work(settings, "beck2020somatic")["tags"] == ["jak"]
    _post(client, f"{base}/tags", tag="jak", action="remove")

    _post(client, f"{base}/notes", text="Read for the <b>review</b>")
    notes = api.list_notes(settings, "beck2020somatic")
    assert [n["text"] for n in notes] == ["Read for the <b>review</b>"]
    assert "Read for the &lt;b&gt;review&lt;/b&gt;" in client.get(base).text  # a note is text, never markup
    assert _post(client, f"{base}/notes", text="   ").status_code == 400
    assert _post(client, f"{base}/notes/{notes[0]['id']}/remove").status_code == 303
    assert api.list_notes(settings, "beck2020somatic") == []
    assert _post(client, f"{base}/notes/99999/remove").status_code == 404

    _post(client, f"{base}/collections", collection="Reviews/JAK")
    assert api.show_work(settings, "beck2020somatic")["collections"] == ["Reviews/JAK"]
    assert "Reviews/JAK" in client.get(base).text
    _post(client, f"{base}/collections", collection="Reviews/JAK", action="remove")
    assert api.show_work(settings, "beck2020somatic")["collections"] == []
    assert _post(client, f"{base}/collections", collection="Nowhere", action="remove").status_code == 404
    assert _post(client, "/works/nosuch/tags", tag="x").status_code == 404


def test_remove_and_restore_a_cited_work(client: TestClient, web_world: WebWorld) -> None:
    base = "/works/beck2020somatic"
    response = _post(client, f"{base}/remove")
    assert response.status_code == 303 and "claim" in response.headers["location"]  # it is cited: said
    page = client.get(base).text
    assert "In the trash" in page and "still cite" in page and "Restore" in page
    assert 'action="/works/beck2020somatic/tags"' not in page  # a trashed work is not organised, only restored
    # the manuscript that cites it says so
    manuscript = client.get("/manuscripts/1").text
    assert "cite-trashed" in manuscript and "1 cited work is in the trash" in manuscript
    # actions on a trashed work are refused (409: it went to the trash after the page was shown), not silently done
    assert _post(client, f"{base}/tags", tag="x").status_code == 409
    assert 'action="/works/beck2020somatic/resolve"' not in page  # only Restore is offered
    assert _post(client, f"{base}/resolve").status_code == 409
    assert _post(client, f"{base}/edit", field="volume", value="9").status_code == 409
    assert "volume" not in api.show_work(web_world.settings, "beck2020somatic")["edits"]
    assert _post(client, f"{base}/restore").status_code == 303
    assert "In the trash" not in client.get(base).text
    assert "beck2020somatic" in _keys(client.get("/").text)


# -- the trash and collections pages ------------------------------------------------------------------------
def test_trash_page_restores_and_empties_with_confirmation(client: TestClient, web_world: WebWorld) -> None:
    settings = web_world.settings
    assert "The trash is empty" in client.get("/trash").text
    api.remove_works(settings, ["beck2020somatic", "halden1993endoscopic", "evil"])
    page = client.get("/trash").text
    assert sorted(_keys(page)) == ["beck2020somatic", "evil", "halden1993endoscopic"]
    assert "&lt;script&gt;" in page and "<script>alert" not in page
    response = client.post("/trash/restore", data={"csrf": csrf_of(client), "key": ["evil"]}, follow_redirects=False)
    assert response.status_code == 303
    assert [w["key"] for w in api.list_trash(settings)] == ["beck2020somatic", "halden1993endoscopic"]
    # the first press only asks, and says what will go
    asking = _post(client, "/trash/empty")
    assert asking.status_code == 200 and "Yes, empty the trash" in asking.text and "cannot be undone" in asking.text
    assert len(api.list_trash(settings)) == 2
    done = _post(client, "/trash/empty", confirm="yes")
    assert done.status_code == 303 and "2+work" in done.headers["location"]
    assert api.list_trash(settings) == []
    assert client.get("/works/beck2020somatic").status_code == 404
    manuscript = client.get("/manuscripts/1").text
    assert "cite-removed" in manuscript and "was removed from the library" in manuscript


def test_emptying_the_trash_deletes_only_what_the_confirmation_showed(client: TestClient, web_world: WebWorld) -> None:
    """A work moved to the trash after the confirmation was shown (another tab, the command
    line) was never shown as going: the second press keeps it."""
    settings = web_world.settings
    api.remove_works(settings, ["evil"])
    asking = _post(client, "/trash/empty")
    assert "Delete 1 work for good" in asking.text
    shown = re.findall(r'name="key" value="([^"]+)"', asking.text.split("Yes, empty the trash")[0])
    assert shown == ["evil"]
    api.remove_works(settings, ["beck2020somatic"])  # meanwhile, elsewhere
    done = client.post("/trash/empty", data={"csrf": csrf_of(client), "confirm": "yes", "key": shown}, follow_redirects=False)
    assert done.status_code == 303
    assert [w["key"] for w in api.list_trash(settings)] == ["beck2020somatic"]
    message = client.get(done.headers["location"]).text
    assert "1 work deleted for good" in message and "1 work put in the trash since then was kept" in message
    assert client.get("/works/evil").status_code == 404


def test_collections_page_creates_nests_and_deletes(client: TestClient, web_world: WebWorld) -> None:
    assert "No collections yet" in client.get("/collections").text
    created = _post(client, "/collections/create", path="Reviews/JAK inhibitors")
    assert created.status_code == 303  # after a post, back to the page with what was done
    assert created.headers["location"] == "/collections?message=created+Reviews%2C+Reviews%2FJAK+inhibitors"
    assert "created Reviews, Reviews/JAK inhibitors" in client.get(created.headers["location"]).text
    _post(client, "/collections/create", path="Cohorts")
    api.change_collection(web_world.settings, "Reviews/JAK inhibitors", ["beck2020somatic"], add=True)
    page = client.get("/collections").text
    order = [page.index(f">{name}</a>") for name in ("Cohorts", "Reviews", "JAK inhibitors")]
    assert order == sorted(order)  # tree order: a parent, then its children
    assert "/?collection=Reviews%2FJAK+inhibitors" in page
    assert _post(client, "/collections/create", path="Reviews//x").status_code == 400
    assert _post(client, "/collections/delete", path="Reviews").status_code == 400  # not confirmed: nothing goes
    assert [c["path"] for c in api.list_collections(web_world.settings)] == ["Cohorts", "Reviews", "Reviews/JAK inhibitors"]
    deleted = _post(client, "/collections/delete", path="Reviews", confirm="yes")
    assert deleted.status_code == 303 and deleted.headers["location"].startswith("/collections?message=deleted+Reviews+%282+collection")
    assert [c["path"] for c in api.list_collections(web_world.settings)] == ["Cohorts"]
    assert "beck2020somatic" in _keys(client.get("/").text)  # the works stay


# -- export selections ------------------------------------------------------------------------------------------
def test_export_by_tag_and_collection(client: TestClient, web_world: WebWorld) -> None:
    settings = web_world.settings
    api.tag_works(settings, ["beck2020somatic", "varga2006dilate"], ["jak"])
    api.change_collection(settings, "Reviews/JAK", ["varga2006dilate"], add=True)
    by_tag = client.get("/export", params={"format": "csl-json", "tag": "jak"}).json()
    assert sorted(item["id"] for item in by_tag) == ["beck2020somatic", "varga2006dilate"]
    by_parent = client.get("/export", params={"format": "csl-json", "collection": "Reviews"}).json()
    assert [item["id"] for item in by_parent] == ["varga2006dilate"]
    both = client.get("/export", params={"format": "ris", "tag": "jak", "cited_in": str(web_world.manuscript)})
    assert both.status_code == 200 and both.headers["x-vexascite-count"] == "2"
    assert client.get("/export", params={"format": "bibtex", "collection": "Nowhere"}).status_code == 404
    formatted = client.get("/export", params={"style": "vancouver", "tag": "jak"}).text
    assert "Somatic mutations in UBA1" in formatted and "Endoscopic stenting" not in formatted
    assert "no works" in client.get("/export", params={"style": "vancouver", "tag": "unused"}).text
    page = client.get("/export").text
    assert '<option value="jak"' in page and "Reviews/JAK" in page and "--keep-updated" in page
    assert json.loads(client.get("/export?format=csl-json&tag=jak&keys=varga2006dilate").text)[0]["id"] == "varga2006dilate"
    # choices that leave nothing: said on a page, not an empty file downloaded without a word
    api.remove_works(settings, ["varga2006dilate"])
    for params in ({"format": "bibtex", "collection": "Reviews"}, {"format": "ris", "tag": "jak", "keys": "halden1993endoscopic"}):
        empty = client.get("/export", params=params)
        assert empty.status_code == 404 and "content-disposition" not in empty.headers, params
        assert "nothing to download" in empty.text


# -- PDF uploads and linking a manuscript ------------------------------------------------------------------------
def test_a_pdf_reference_list_is_previewed_and_imported(client: TestClient, web_world: WebWorld) -> None:
    pdf = text_pdf("References\n\n" + "\n".join(f"{n}. {ref}" for n, ref in enumerate(REFERENCES, start=1)))
    preview = client.post("/import/preview", data={"csrf": csrf_of(client)},
                          files={"files": ("list.pdf", pdf, "application/pdf")})
    assert preview.status_code == 200 and "not a format" not in preview.text
    assert "Somatic mutations in UBA1" in preview.text
    batch = re.search(r'name="batch" value="([0-9a-f]{16})"', preview.text)
    assert batch
    stored = client.post("/import/store", data={"csrf": csrf_of(client), "batch": batch.group(1)})
    assert stored.status_code == 200
    sources = [ref["source_path"] for ref in api.show_work(web_world.settings, "beck2020somatic")["references"]]
    assert any(path and path.endswith("list.pdf") for path in sources)


def test_link_a_manuscript_from_the_browser(client: TestClient, web_world: WebWorld, tmp_path: Path) -> None:
    text = ("# JAK in VEXAS\n\nVEXAS is caused by somatic mutations in UBA1 [1].\nA trial nobody ran [3].\n\n"
            f"## References\n\n1. {REFERENCES[0]}\n2. {REFERENCES[1]}\n")
    for name, data in (("jak.md", text.encode()), ("jak-pdf.pdf", text_pdf(text))):
        linked = client.post("/manuscripts/link", data={"csrf": csrf_of(client)},
                             files={"manuscript": (name, data, "application/octet-stream")}, follow_redirects=False)
        # to its page (303: a reload does not upload and link the file again), which checks it as it opens
        assert linked.status_code == 303, linked.text[:500]
        where = linked.headers["location"]
        assert re.fullmatch(r"/manuscripts/\d+\?check=1", where)
        page = client.get(where)
        assert 'hx-trigger="load, submit"' in page.text and 'class="cite cite-linked"' in page.text
        checked = client.post(where.split("?")[0] + "/check", data={"csrf": csrf_of(client)}, headers={"HX-Request": "true"})
        assert "Check:" in checked.text and 'title="dangling-marker"' in checked.text  # its findings
        assert 'hx-trigger="load' not in checked.text and 'id="cited-' in checked.text
        assert name in client.get("/manuscripts").text
    # the same name again replaces its claims, not a second manuscript
    client.post("/manuscripts/link", data={"csrf": csrf_of(client)}, files={"manuscript": ("jak.md", text.encode(), "text/markdown")})
    assert client.get("/manuscripts").text.count(">jak.md</a>") == 1
    refused = client.post("/manuscripts/link", data={"csrf": csrf_of(client)},
                          files={"manuscript": ("photo.png", b"\x89PNG", "image/png")})
    assert refused.status_code == 400 and "photo.png: not a manuscript" in refused.text
    assert client.post("/manuscripts/link", data={"csrf": csrf_of(client)}).status_code == 400


def test_retracted_filter_reads_notices_as_the_work_page_does(client: TestClient, web_world: WebWorld, tmp_path: Path) -> None:
    from tests.fakes import crossref_work

    retracted = crossref_work("10.5555/retracted.2019.1", "Ruxolitinib in VEXAS: a cohort", [("Doe", "J")], "Blood", None, 2019)
    retracted["updated-by"] = [{"DOI": "10.5555/notice.2021.1", "type": "retraction", "label": "Retraction",
                                "source": "retraction-watch", "updated": {"date-parts": [[2021, 3, 1]]}}]
    web_world.crossref.add_work(retracted)
    # a work whose payload mentions a retraction it is not subject to is read, and left out
    cites = crossref_work("10.5555/mentions.2022.1", "Why a retracted trial was withdrawn", [("Roe", "R")], "Blood", None, 2022)
    web_world.crossref.add_work(cites)
    ids = tmp_path / "new.ids"
    ids.write_text("10.5555/retracted.2019.1\n10.5555/mentions.2022.1\n", encoding="utf-8")
    titled = tmp_path / "titled.json"
    titled.write_text(json.dumps([{"id": "old2018", "type": "article-journal", "title": "RETRACTED: An old trial",
                                   "issued": {"date-parts": [[2018]]}}]), encoding="utf-8")
    api.import_paths(web_world.settings, [ids, titled])
    api.resolve_works(web_world.settings)
    keys = _keys(client.get("/?status=retracted").text)
    retracted_key = next(w["key"] for w in api.list_works(web_world.settings, "doi:10.5555/retracted.2019.1"))
    assert sorted(keys) == sorted([retracted_key, "old2018"])
    assert "Retracted" in client.get(f"/works/{retracted_key}").text  # the page says why
    assert _keys(client.get("/?status=retracted&q=year:2019").text) == [retracted_key]
    assert '<option value="retracted"' in client.get("/").text
