"""What a user sees when a form of the work page is refused: the page again, the error
beside the form, what was typed kept; an edit from a page another tab made stale is held
back; an error page says its error once."""

from __future__ import annotations

import html
import re

from starlette.testclient import TestClient

from tests.web.conftest import WebWorld, csrf_of
from vexascite import api

WORK = "/works/beck2020somatic"


def _post(client: TestClient, url: str, **data: str):
    return client.post(url, data={"csrf": csrf_of(client), **data}, follow_redirects=False)


def _version(page: str) -> str:
    found = re.search(r'name="version" value="([0-9a-f]+)"', page)
    assert found, "the edit form carries the version of the work it shows"
    return found.group(1)


def _value_of(page: str, name: str) -> str | None:
    found = re.search(rf'<input name="{name}"[^>]*value="([^"]*)"', page)
    return html.unescape(found.group(1)) if found else None


def test_a_refused_edit_shows_the_work_page_with_what_was_typed(client: TestClient, web_world: WebWorld) -> None:
    before = api.show_work(web_world.settings, "beck2020somatic")["csl"]
    typed = 'spring "2020" <b>\u202e'
    response = _post(client, f"{WORK}/edit", field="issued", value=typed, action="set")
    assert response.status_code == 400
    page = response.text
    assert '<h1 class="work-title">' in page  # the work's page, not an error page that lost the form
    assert 'id="edit-error"' in page and "is not a date" in page
    assert _value_of(page, "field") == "issued"
    assert _value_of(page, "value") == typed  # as typed, a direction override too
    assert 'aria-invalid="true"' in page
    assert api.show_work(web_world.settings, "beck2020somatic")["csl"] == before


def test_refused_tag_note_and_collection_keep_what_was_typed(client: TestClient, web_world: WebWorld) -> None:
    tag = _post(client, f"{WORK}/tags", tag="-jak", action="add")
    assert tag.status_code == 400 and 'id="tag-error"' in tag.text and _value_of(tag.text, "tag") == "-jak"
    collection = _post(client, f"{WORK}/collections", collection="Reviews//JAK", action="add")
    assert collection.status_code == 400 and 'id="collection-error"' in collection.text
    assert _value_of(collection.text, "collection") == "Reviews//JAK"
    note = _post(client, f"{WORK}/notes", text="  \n ")
    assert note.status_code == 400 and 'id="note-error"' in note.text and "the note is empty" in note.text
    assert api.show_work(web_world.settings, "beck2020somatic")["tags"] == []


def test_an_edit_from_a_page_another_tab_made_stale_is_held_back(client: TestClient, web_world: WebWorld) -> None:
    settings = web_world.settings
    first_tab = client.get(WORK).text
    second_tab = client.get(WORK).text
    assert _version(first_tab) == _version(second_tab)
    done = _post(client, f"{WORK}/edit", field="volume", value="11", action="set", version=_version(second_tab))
    assert done.status_code == 303
    stale = _post(client, f"{WORK}/edit", field="volume", value="22", action="set", version=_version(first_tab))
    assert stale.status_code == 409
    assert "changed after this page was shown" in stale.text and "nothing was saved" in stale.text
    assert _value_of(stale.text, "value") == "22"  # kept, to press again
    assert api.show_work(settings, "beck2020somatic")["csl"]["volume"] == "11"  # the other tab's value stands
    # the page shown with the conflict carries the current version: pressing again applies the value
    again = _post(client, f"{WORK}/edit", field="volume", value="22", action="set", version=_version(stale.text))
    assert again.status_code == 303
    assert api.show_work(settings, "beck2020somatic")["csl"]["volume"] == "22"
    # undo from a stale page is held back too; from the current page it drops the edit
    assert _post(client, f"{WORK}/edit", field="volume", action="revert", version=_version(first_tab)).status_code == 409
    assert api.show_work(settings, "beck2020somatic")["csl"]["volume"] == "22"
    current = client.get(WORK).text
    assert _post(client, f"{WORK}/edit", field="volume", action="revert", version=_version(current)).status_code == 303
    assert api.show_work(settings, "beck2020somatic")["csl"].get("volume") != "22"


def test_an_edit_of_the_author_list_does_not_name_its_cut(client: TestClient) -> None:
    response = _post(client, f"{WORK}/edit", field="author", value="Beck, David B. and others", action="set")
    assert response.status_code == 303
    assert "et-al" not in response.headers["location"]


def test_an_error_page_says_its_error_once(client: TestClient) -> None:
    response = _post(client, "/trash/restore")
    assert response.status_code == 400
    assert response.text.count("choose the works to restore") == 1  # it was also shown above as a notice of what was done
    assert 'class="notice"' not in response.text
    assert "data-back" in response.text  # a posted form: back to it, as the browser kept it
    assert "data-back" not in client.get("/works/nosuch").text


def test_a_refused_collection_shows_the_collections_page_with_what_was_typed(client: TestClient) -> None:
    response = _post(client, "/collections/create", path="Reviews//JAK")
    assert response.status_code == 400
    assert "<h1>Collections</h1>" in response.text and 'id="collections-error"' in response.text
    assert _value_of(response.text, "path") == "Reviews//JAK"
    assert _post(client, "/collections/create", path="Reviews/JAK").status_code == 303
    unticked = _post(client, "/collections/delete", path="Reviews")
    assert unticked.status_code == 400 and "tick the box" in unticked.text and "<h1>Collections</h1>" in unticked.text
    assert 'aria-label="Delete Reviews/JAK"' in unticked.text  # each Delete says which collection


def test_a_refused_download_shows_the_export_page_with_the_choices_made(client: TestClient) -> None:
    response = client.get("/export", params={"format": "ris", "keys": "beck2020somatic, nosuch", "unicode": "1"})
    assert response.status_code == 404
    page = response.text
    assert 'id="download-error"' in page and page.count("nosuch") >= 2  # said, and kept in the keys box
    assert '<option value="ris" selected>' in page
    assert _value_of(page, "keys") == "beck2020somatic, nosuch"
    assert 'name="unicode" value="1" checked' in page
    unknown = client.get("/export", params={"format": "docx"})
    assert unknown.status_code == 400 and 'id="download-error"' in unknown.text and "choose bibtex" in unknown.text


def test_a_file_uploaded_in_the_browser_is_named_as_uploaded(client: TestClient, web_world: WebWorld) -> None:
    """The work page said where a reference was read as the app's temporary folder
    (``/tmp/vexascite-uploads-…/0123…/refs.bib``), a path that meant nothing to its reader."""
    preview = client.post("/import/preview", data={"csrf": csrf_of(client)},
                          files={"files": ("my refs.bib", b"@article{upl2024, author={Uploaded, A.}, title={Sent from a browser},"
                                                          b" year={2024}}\n", "text/plain")})
    batch = re.search(r'name="batch" value="([0-9a-f]+)"', preview.text)
    assert batch
    assert client.post("/import/store", data={"csrf": csrf_of(client), "batch": batch.group(1)}).status_code == 200
    stored = api.show_work(web_world.settings, "upl2024")["references"][0]["source_path"]
    assert "vexascite-uploads-" in stored  # the library keeps the path it read
    page = client.get("/works/upl2024").text
    assert "<code>my_refs.bib (uploaded):1</code>" in page and "vexascite-uploads-" not in page


def test_a_preview_row_without_a_title_shows_what_it_read(client: TestClient) -> None:
    """An identifier list's rows were blank (no authors, year or title) but for a folded
    *raw*: nothing said which identifier each row was."""
    preview = client.post("/import/preview", data={"csrf": csrf_of(client)},
                          files={"files": ("ids.txt", b"10.5555/preview.0001\nPMID: 99990002\n", "text/plain")})
    assert preview.status_code == 200
    assert '<span class="untitled">10.5555/preview.0001</span>' in preview.text
    assert '<span class="untitled">PMID: 99990002</span>' in preview.text


def test_a_candidate_decided_in_another_tab_is_said_on_the_review_page(client: TestClient) -> None:
    page = client.get("/review").text
    labels = re.findall(r'aria-label="(Accept candidate \d+: it is [^"]+|Reject candidate \d+ for [^"]+)"', page)
    assert labels and len(labels) == 2 * len(set(re.findall(r'action="/review/(\d+)"', page)))  # each button says which
    candidate = re.findall(r'action="/review/(\d+)"', page)[0]
    assert _post(client, f"/review/{candidate}", decision="accept").status_code == 303
    again = _post(client, f"/review/{candidate}", decision="reject")  # the first tab, still showing it
    assert again.status_code == 409
    assert "<h1>Review</h1>" in again.text and 'id="review-error"' in again.text
    assert f"candidate {candidate} was already accepted" in again.text and "vexascite review" not in again.text


def test_a_resolve_run_that_failed_says_why(empty_settings, tmp_path) -> None:
    """"2 could not be checked because a service did not answer" did not say which service
    or why (no network, a refused connection): the run's page lists the reasons."""
    import time
    from dataclasses import replace

    from vexascite.web.app import create_app

    source = tmp_path / "two.bib"
    source.write_text("@article{a2020, author={Roe, A.}, title={A first study}, year={2020}, journal={Blood}}\n"
                      "@article{b2021, author={Roe, B.}, title={A second study}, year={2021}, journal={Blood}}\n", encoding="utf-8")
    settings = replace(empty_settings, crossref_url="http://127.0.0.1:9", ncbi_url="http://127.0.0.1:9/entrez/eutils",
                       idconv_url="http://127.0.0.1:9/idconv/", doi_url="http://127.0.0.1:9", mailto="tests@example.org",
                       timeout=2.0, rate_file="off")
    api.import_paths(settings, [source])
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as client:
        started = client.post("/resolve", data={"csrf": csrf_of(client), "keys": "a2020 b2021"}).text
        job = re.search(r'hx-get="/jobs/([0-9a-f]+)"', started)
        assert job
        text, deadline = started, time.monotonic() + 60
        while "Done." not in text and time.monotonic() < deadline:
            time.sleep(0.2)
            text = client.get(f"/jobs/{job.group(1)}").text
    assert "failed 2" in text
    reasons = re.findall(r"<li>([^<]*)</li>", text.split('class="job-failures"', 1)[1])
    assert reasons and "(2 works)" in reasons[0] and "crossref" in reasons[0].lower()


def test_an_edited_date_is_shown_as_written(client: TestClient) -> None:
    """An April date was shown as 2020-4."""
    assert _post(client, f"{WORK}/edit", field="issued", value="2020-04-09", action="set").status_code == 303
    row = re.search(r"<td>issued.*?</td>\s*<td>(.*?)</td>", client.get(WORK).text, re.S)
    assert row and row.group(1).strip() == "2020-04-09"


def test_a_form_of_a_work_put_in_the_trash_since_says_so(client: TestClient, web_world: WebWorld) -> None:
    """A tab still showing a work another tab put in the trash: its forms led to a page not
    found that told a browser user to run 'vexascite restore'."""
    page = client.get(WORK).text
    api.remove_works(web_world.settings, ["beck2020somatic"])
    for action, data in [("tags", {"tag": "jak"}), ("notes", {"text": "read it"}), ("collections", {"collection": "Reviews"}),
                         ("edit", {"field": "volume", "value": "9", "action": "set", "version": _version(page)}),
                         ("edit", {"field": "volume", "value": "9", "action": "set"}), ("resolve", {})]:
        response = _post(client, f"{WORK}/{action}", **data)
        assert response.status_code == 409, (action, response.status_code)
        assert 'id="trashed-error"' in response.text and "moved to the trash after this page was shown" in response.text
        assert "vexascite restore" not in response.text and ">Restore</button>" in response.text
    shown = api.show_work(web_world.settings, "beck2020somatic")
    assert shown["tags"] == [] and shown["collections"] == [] and "volume" not in (shown.get("edits") or {})
    assert _post(client, "/works/nosuch/tags", tag="x").status_code == 404  # a work not in the library stays a 404


def test_an_error_on_a_page_names_no_command_to_type(client: TestClient) -> None:
    """Errors of the library carry the command line's next step ("; 'vexascite list' shows
    the keys"), which a browser user cannot take: a page leaves those clauses out."""
    download = client.get("/export", params={"format": "bibtex", "keys": "nosuch"})
    assert "no work with key" in download.text and "vexascite list" not in download.text
    missing = _post(client, "/collections/delete", path="Nowhere", confirm="yes")
    assert missing.status_code == 404 and "no collection" in missing.text and "vexascite collection" not in missing.text
