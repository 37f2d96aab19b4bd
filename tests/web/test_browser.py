"""The main flows in a real browser: Debian's headless Chromium driven by selenium.

Paste a reference list, import it, resolve it against the fake services, review a
candidate, open a work, open a manuscript with its findings, export. A screenshot of
each page is saved under tests/artifacts/ (not committed).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fakes import fake_settings
from tests.resolve.conftest import REFERENCES
from tests.web.conftest import MANUSCRIPT
from vexascite import api
from vexascite.config import Settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

# CI installs them (.ci/run): there a missing browser fails the test instead of skipping it
pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()) and not os.environ.get("CI"),
    reason="Debian's chromium and chromium-driver are not installed",
)


@pytest.fixture
def server(empty_settings: Settings, fakes, tmp_path: Path) -> Iterator[tuple[str, Settings, Path]]:
    """The app served by uvicorn on a free loopback port, over a library whose manuscript
    is linked (the import flow adds its references through the browser)."""
    settings = fake_settings(empty_settings, *fakes, mailto="tests@example.org", timeout=2.0)
    manuscript = tmp_path / "paper.md"
    manuscript.write_text(MANUSCRIPT, encoding="utf-8")
    with serving(settings) as base:
        yield base, settings, manuscript


@pytest.fixture
def evidence_server(evidence_settings: Settings) -> Iterator[tuple[str, Settings]]:
    """The app over works with abstracts cited by a manuscript (two citations swapped)."""
    with serving(evidence_settings) as base:
        yield base, evidence_settings


@contextlib.contextmanager
def serving(settings: Settings, **options: object) -> Iterator[str]:
    """The app over ``settings`` (``options`` for ``create_app``) served by uvicorn in a
    thread; yields its address."""
    import socket

    import uvicorn

    from vexascite.web.app import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app(settings, **options)  # type: ignore[arg-type]
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uv.started, "the app did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        uv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path / 'chromium-profile'}", "--window-size=1400,1000"):
        options.add_argument(flag)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    driver.downloads = downloads  # type: ignore[attr-defined]
    try:
        yield driver
    finally:
        driver.quit()


def shot(driver: object, name: str) -> Path:
    """Save a full-page screenshot as a test artefact."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 4000)")  # type: ignore[attr-defined]
    driver.set_window_size(1400, max(800, int(height)))  # type: ignore[attr-defined]
    driver.save_screenshot(str(path))  # type: ignore[attr-defined]
    driver.set_window_size(1400, 1000)  # type: ignore[attr-defined]
    return path


def wait_for(driver: object, css: str, text: str | None = None, timeout: float = 30) -> object:
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    def swapped(exc: WebDriverException) -> bool:
        """htmx replaced the element between finding and reading it: Chromium says so as an
        "unknown error" (the node no longer belongs to the document), not as a stale element."""
        return "does not belong to the document" in (exc.msg or "")

    def settled(condition: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def check(d: Any) -> Any:
            try:
                return condition(d)
            except WebDriverException as exc:
                if swapped(exc):
                    return False
                raise
        return check

    wait = WebDriverWait(driver, timeout)
    if text is not None:
        wait.until(settled(ec.text_to_be_present_in_element((By.CSS_SELECTOR, css), text)))
    return wait.until(settled(ec.visibility_of_element_located((By.CSS_SELECTOR, css))))


def test_main_flows_in_a_browser(server: tuple[str, Settings, Path], browser) -> None:
    from selenium.webdriver.common.by import By

    base, settings, manuscript = server
    driver = browser

    # -- paste a reference list, preview it, store it
    driver.get(base + "/import")
    pasted = "\n".join(f"{i}. {ref}" for i, ref in enumerate(REFERENCES, start=1))
    driver.find_element(By.ID, "references").send_keys(pasted)
    driver.find_element(By.CSS_SELECTOR, "#import-form button[type=submit]").click()
    wait_for(driver, "#preview h2", "4 references read")
    assert "Somatic mutations in UBA1" in driver.find_element(By.ID, "preview").text
    assert not Path(settings.db).exists() or api.list_works(settings) == []
    shot(driver, "01-import-preview")
    driver.find_element(By.ID, "store").click()
    wait_for(driver, "#preview h2", "Stored")
    assert len(api.list_works(settings)) == 4

    # -- resolve against the fakes with live progress
    driver.find_element(By.ID, "resolve").click()
    wait_for(driver, ".job", "Done.", timeout=90)
    progress = driver.find_element(By.CSS_SELECTOR, ".job").text
    assert "found 2" in progress and "to review 1" in progress and "not found 1" in progress
    shot(driver, "02-import-resolved")

    # -- review the candidate: side by side, accept
    driver.get(base + "/review")
    assert "Varga H, Okafor J. Dilate or divide?" in driver.find_element(By.CSS_SELECTOR, ".printed").text
    assert driver.find_elements(By.CSS_SELECTOR, ".compare mark")
    shot(driver, "03-review")
    driver.find_element(By.XPATH, "//button[contains(., 'Accept')]").click()
    wait_for(driver, ".notice", "accepted")
    assert "Nothing waits for review" in driver.page_source
    assert api.show_work(settings, "varga2006dilate")["status"] == "resolved"

    # -- the library: search as you type, open a work
    api.link_manuscript(settings, manuscript)
    driver.get(base + "/")
    shot(driver, "04-library")
    box = driver.find_element(By.ID, "q")
    box.send_keys("stenting")
    wait_for(driver, ".count", "1 work")
    assert "halden1993endoscopic" in driver.find_element(By.ID, "results").text
    assert "q=stenting" in driver.current_url
    driver.find_element(By.CSS_SELECTOR, "td.title a").click()
    wait_for(driver, "h1.work-title", "Endoscopic stenting")
    doi = driver.find_element(By.PARTIAL_LINK_TEXT, "doi:10.5555/s0099-5107(93)70412-8")
    assert doi.get_attribute("href").startswith("https://doi.org/10.5555/s0099-5107")
    assert "Endoscopic sphincterotomy has well described complications" in driver.page_source
    shot(driver, "05-work")

    # -- a manuscript with its findings
    driver.get(base + "/manuscripts")
    driver.find_element(By.LINK_TEXT, "paper.md").click()
    wait_for(driver, ".cite-dangling")
    driver.find_element(By.XPATH, "//button[contains(., 'Check citations')]").click()
    wait_for(driver, ".check-summary")
    findings = driver.find_element(By.CSS_SELECTOR, ".manuscript-text").text
    assert "Dangling marker" in findings and "Not found" in findings
    shot(driver, "06-manuscript-checked")

    # -- what supports a statement
    driver.get(base + "/find")
    driver.find_element(By.ID, "fq").send_keys("somatic mutations UBA1")
    wait_for(driver, ".claim-result")
    assert "beck2020somatic" in driver.page_source
    shot(driver, "07-find")

    # -- export: a formatted bibliography to copy, and a download
    driver.get(base + "/export")
    driver.find_element(By.ID, "format").click()
    wait_for(driver, "#bibliography")
    assert "Somatic mutations in UBA1" in driver.find_element(By.ID, "bibliography").get_attribute("value")
    shot(driver, "08-export")
    driver.find_element(By.ID, "download").click()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not list(driver.downloads.glob("*.bib")):
        time.sleep(0.2)
    downloaded = list(driver.downloads.glob("*.bib"))
    assert downloaded, "the BibTeX export was downloaded"
    assert "@article{beck2020somatic" in downloaded[0].read_text(encoding="utf-8")
    shutil.copy(downloaded[0], ARTIFACTS / "library.bib")


def test_organising_flows_in_a_browser(server: tuple[str, Settings, Path], browser, tmp_path: Path) -> None:
    """Search with fields, tag, file in a nested collection, note, filter, trash and restore,
    empty the trash with confirmation, export a tag, link a manuscript by upload."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    base, settings, manuscript = server
    driver = browser
    listing = tmp_path / "references.txt"
    listing.write_text("\n".join(f"{i}. {ref}" for i, ref in enumerate(REFERENCES, start=1)), encoding="utf-8")
    api.import_paths(settings, [listing])
    api.link_manuscript(settings, manuscript)

    # -- the search box takes field queries
    driver.get(base + "/")
    driver.find_element(By.ID, "q").send_keys("author:Beck year:2019-2021")
    wait_for(driver, ".count", "1 work")
    driver.find_element(By.CSS_SELECTOR, "td.title a").click()
    wait_for(driver, "h1.work-title", "Somatic mutations in UBA1")

    # -- tag it, put it in a nested collection, add a note
    driver.find_element(By.CSS_SELECTOR, "input[name=tag]").send_keys("jak")
    driver.find_element(By.XPATH, "//button[contains(., '+ Tag')]").click()
    wait_for(driver, ".notice", "tagged jak")
    driver.find_element(By.CSS_SELECTOR, "input[name=collection]").send_keys("Reviews/JAK inhibitors")
    driver.find_element(By.XPATH, "//button[contains(., 'Add to collection')]").click()
    wait_for(driver, ".notice", "added to Reviews/JAK inhibitors")
    driver.find_element(By.CSS_SELECTOR, "textarea[name=text]").send_keys("First description; read for the review.")
    driver.find_element(By.XPATH, "//button[contains(., 'Add note')]").click()
    wait_for(driver, ".note", "First description")
    assert api.show_work(settings, "beck2020somatic")["tags"] == ["jak"]
    shot(driver, "09-work-organised")

    # -- filter the library by tag and by the parent collection
    driver.get(base + "/")
    Select(driver.find_element(By.NAME, "collection")).select_by_value("Reviews")
    wait_for(driver, ".count", "1 work")
    assert "beck2020somatic" in driver.find_element(By.ID, "results").text
    assert "collection=Reviews" in driver.current_url
    driver.get(base + "/?tag=jak")
    wait_for(driver, ".count", "1 work")
    api.tag_works(settings, ["halden1993endoscopic", "varga2006dilate"], ["endoscopy"])
    driver.get(base + "/?sort=year")
    wait_for(driver, ".count", "4 works")
    shot(driver, "10-library-tags")
    driver.get(base + "/collections")
    assert "JAK inhibitors" in driver.find_element(By.CSS_SELECTOR, "table.works").text
    shot(driver, "11-collections")

    # -- move it to the trash: it says so, and so does the manuscript that cites it
    driver.get(base + "/works/beck2020somatic")
    driver.find_element(By.XPATH, "//button[contains(., 'Move to the trash')]").click()
    wait_for(driver, ".trashed-banner", "In the trash")
    assert "still cite" in driver.find_element(By.CSS_SELECTOR, ".trashed-banner").text
    shot(driver, "12-work-trashed")
    driver.get(base + "/manuscripts")
    driver.find_element(By.LINK_TEXT, "paper.md").click()
    wait_for(driver, ".cite-trashed")

    # -- the trash: restore, then trash again and empty it (asked first)
    driver.get(base + "/trash")
    driver.find_element(By.CSS_SELECTOR, "input[name=key][value=beck2020somatic]").click()
    driver.find_element(By.XPATH, "//button[contains(., 'Restore the chosen works')]").click()
    wait_for(driver, ".notice", "1 work restored")
    assert api.list_trash(settings) == []
    api.remove_works(settings, ["nobody2011study"])
    driver.get(base + "/trash")
    driver.find_element(By.XPATH, "//button[contains(., 'Empty the trash')]").click()
    wait_for(driver, ".trashed-banner", "cannot be undone")
    assert len(api.list_trash(settings)) == 1
    shot(driver, "13-trash-confirm")
    driver.find_element(By.XPATH, "//button[contains(., 'Yes, empty the trash')]").click()
    wait_for(driver, ".notice", "deleted for good")
    assert api.list_trash(settings) == []

    # -- export what carries a tag
    driver.get(base + "/export")
    Select(driver.find_elements(By.NAME, "format")[0]).select_by_value("csl-json")
    Select(driver.find_elements(By.NAME, "tag")[0]).select_by_value("jak")
    driver.find_element(By.ID, "download").click()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not list(driver.downloads.glob("*.json")):
        time.sleep(0.2)
    downloaded = list(driver.downloads.glob("*.json"))
    assert downloaded, "the CSL-JSON export was downloaded"
    import json

    assert [item["id"] for item in json.loads(downloaded[0].read_text(encoding="utf-8"))] == ["beck2020somatic"]

    # -- link a manuscript by upload: its page opens with the findings
    upload = tmp_path / "upload" / "jak-review.md"
    upload.parent.mkdir()
    upload.write_text("# JAK\n\nVEXAS is caused by somatic mutations in UBA1 [1].\nA trial nobody ran [4].\n\n"
                      f"## References\n\n1. {REFERENCES[0]}\n2. {REFERENCES[1]}\n", encoding="utf-8")
    driver.get(base + "/manuscripts")
    driver.find_element(By.ID, "manuscript-file").send_keys(str(upload))
    driver.find_element(By.ID, "link-manuscript").click()
    wait_for(driver, ".check-summary")
    assert "Dangling marker" in driver.find_element(By.CSS_SELECTOR, ".manuscript-text").text
    shot(driver, "14-manuscript-linked")


def test_edits_aliases_and_evidence_in_a_browser(evidence_server: tuple[str, Settings], browser) -> None:
    """A work reached by an old key, a field edited and one removed, the sources that
    disagree, each citing claim's evidence; the manuscript's evidence and unsupported
    citations; the statements' claims and suggested sources."""
    from selenium.webdriver.common.by import By

    base, settings = evidence_server
    driver = browser
    api.rekey_work(settings, "beta2022", "azacitidine2022")

    # -- an old key opens the work under its key
    driver.get(base + "/works/beta2022")
    wait_for(driver, "h1.work-title", "Azacitidine in myelodysplastic syndrome")
    assert "/works/azacitidine2022" in driver.current_url
    assert "a key this work was known by" in driver.find_element(By.CSS_SELECTOR, ".alert-info").text
    assert "beta2022" in driver.find_element(By.CSS_SELECTOR, ".aliases").text

    # -- edit a field, then remove one: both marked, and kept as the user's
    driver.find_element(By.CSS_SELECTOR, "form.edit-field input[name=field]").send_keys("volume")
    driver.find_element(By.CSS_SELECTOR, "form.edit-field input[name=value]").send_keys("12")
    driver.find_element(By.XPATH, "//form[@aria-label='Edit a field']//button[@value='set']").click()
    wait_for(driver, ".notice", "volume edited")
    edited = driver.find_element(By.CSS_SELECTOR, "table.fields tr.edited").text
    assert edited.startswith("volume edited") and "12" in edited
    driver.find_element(By.CSS_SELECTOR, "form.edit-field input[name=field]").send_keys("journal")
    driver.find_element(By.XPATH, "//form[@aria-label='Edit a field']//button[@value='unset']").click()
    wait_for(driver, ".notice", "container-title removed")
    assert "container-title removed" in driver.find_element(By.CSS_SELECTOR, "table.fields").text
    assert api.show_work(settings, "azacitidine2022")["edits"] == {"container-title": None, "volume": "12"}
    shot(driver, "15-work-edited")
    driver.find_element(By.CSS_SELECTOR, "button[aria-label=\"Use the sources' container-title again\"]").click()
    wait_for(driver, ".notice", "your edit dropped")
    assert api.show_work(settings, "azacitidine2022")["csl"]["container-title"] == "J Fict Med"
    # the chondritis sentence cites it by mistake (swapped numbers): nothing in its abstract bears on it
    assert "No sentence of its abstract bears on this claim" in driver.find_element(By.CSS_SELECTOR, ".evidence").text

    # -- sources that disagree, and the key a second file gave the same work
    driver.get(base + "/works/alpha2021")
    disagreement = driver.find_element(By.CSS_SELECTOR, "ul.disagreements").text
    assert disagreement.startswith("issued:") and "2021" in disagreement and "2020" in disagreement
    assert "alphaOther" in driver.find_element(By.CSS_SELECTOR, ".aliases").text

    # -- the manuscript: evidence beside each cited work, unsupported citations under their lines
    driver.get(base + "/manuscripts")
    driver.find_element(By.LINK_TEXT, "paper.txt").click()
    panel = wait_for(driver, "ul.cited-evidence").text  # type: ignore[attr-defined]
    assert "Ruxolitinib controlled systemic inflammation" in driver.find_element(By.CSS_SELECTOR, "aside.cited").text
    assert "line 3" in panel
    driver.find_element(By.XPATH, "//button[contains(., 'Check citations')]").click()
    wait_for(driver, ".check-summary")
    flagged = driver.find_elements(By.CSS_SELECTOR, ".finding strong[title=unsupported-citation]")
    assert len(flagged) == 2
    assert "Unsupported citation" in driver.find_element(By.CSS_SELECTOR, ".manuscript-text").text
    shot(driver, "16-manuscript-evidence")

    # -- what supports a statement: claims with their evidence, and suggested sources
    driver.get(base + "/find")
    driver.find_element(By.ID, "fq").send_keys("venous thromboembolism and anticoagulation")
    wait_for(driver, "ol.suggested")
    assert "mostly deep vein thrombosis" in driver.find_element(By.CSS_SELECTOR, ".claim-result").text
    suggested = driver.find_element(By.CSS_SELECTOR, "ol.suggested").text
    assert "Venous thromboembolism in VEXAS" in suggested and "“" in suggested
    shot(driver, "17-find-suggested")


def test_errors_of_partial_updates_are_shown_in_a_browser(empty_settings: Settings, browser, tmp_path: Path) -> None:
    """An upload over the limit, and storing a preview whose upload is gone: htmx does not
    show an error answer by itself, so the page said nothing at all."""
    from selenium.webdriver.common.by import By

    driver = browser
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    with serving(empty_settings, upload_limit=1024 * 1024, upload_dir=str(uploads)) as base:
        big = tmp_path / "big.txt"
        big.write_text("1. Roe A. A study. Blood. 2020;1:1-2.\n" * 40_000, encoding="utf-8")
        driver.get(base + "/import")
        driver.find_element(By.ID, "files").send_keys(str(big))
        driver.find_element(By.CSS_SELECTOR, "#import-form button[type=submit]").click()
        wait_for(driver, "#preview", "uploads are limited to 1 MB")

        driver.get(base + "/import")
        driver.find_element(By.ID, "references").send_keys("1. Roe A. A study of VEXAS. Blood. 2020;1:1-2.")
        driver.find_element(By.CSS_SELECTOR, "#import-form button[type=submit]").click()
        wait_for(driver, "#store")
        batch = driver.find_element(By.NAME, "batch").get_attribute("value")
        shutil.rmtree(uploads / batch)  # the app restarted, or its folder was cleaned
        driver.find_element(By.ID, "store").click()
        shown = wait_for(driver, "#preview .error", "preview the references again")
        assert "<html" not in driver.find_element(By.ID, "preview").get_attribute("innerHTML")
        assert shown.get_attribute("role") == "alert"  # type: ignore[attr-defined]
        shot(driver, "18-import-errors")


def test_duplicates_are_merged_in_a_browser_after_a_confirmation(empty_settings: Settings, browser, tmp_path: Path) -> None:
    """The pair with why, *Keep A, merge B into it…* asks in place, *Yes* merges and the
    list comes back saying so; a merge another tab already made is said in place too."""
    from selenium.webdriver.common.by import By

    from tests.web.test_app import TWINS

    bib = tmp_path / "twins.bib"
    bib.write_text(TWINS, encoding="utf-8")
    api.import_paths(empty_settings, [str(bib)])
    driver = browser
    with serving(empty_settings) as base:
        driver.get(base + "/duplicates")
        assert "same first author, same year" in driver.find_element(By.CSS_SELECTOR, "table.duplicates").text
        driver.find_element(By.XPATH, "//button[contains(., 'Keep okafor2031a, merge okafor2031b into it')]").click()
        wait_for(driver, "#answer-1 .merge-confirm", "Merge okafor2031b into okafor2031a?")
        assert api.work_key(empty_settings, "okafor2031b") == "okafor2031b"  # asked, not merged
        shot(driver, "19-duplicates-confirm")
        api.merge_works(empty_settings, "okafor2031a", "okafor2031b")  # another tab, or the command line, was first
        driver.find_element(By.XPATH, "//button[contains(., 'Yes, merge okafor2031b into okafor2031a')]").click()
        shown = wait_for(driver, "#answer-1 .error", "name the same work")
        assert shown.get_attribute("role") == "alert"  # type: ignore[attr-defined]
        assert "<html" not in driver.find_element(By.ID, "answer-1").get_attribute("innerHTML")

    other = tmp_path / "other-twins.bib"
    other.write_text(TWINS.replace("okafor2031", "roe2031").replace("relapsing polychondritis", "VEXAS syndrome"),
                     encoding="utf-8")
    api.import_paths(empty_settings, [str(other)])
    with serving(empty_settings) as base:
        driver.get(base + "/duplicates")
        driver.find_element(By.XPATH, "//button[contains(., 'Keep roe2031b, merge roe2031a into it')]").click()
        wait_for(driver, ".merge-confirm", "Merge roe2031a into roe2031b?")
        driver.find_element(By.XPATH, "//button[contains(., 'Yes, merge roe2031a into roe2031b')]").click()
        wait_for(driver, ".notice", "merged roe2031a into roe2031b")
        assert driver.current_url == base + "/duplicates"  # the list again (its notice said once): a reload posts nothing
        assert api.work_key(empty_settings, "roe2031a") == "roe2031b"
        shot(driver, "20-duplicates-merged")


def test_a_form_is_posted_once_until_the_page_is_shown_again(empty_settings: Settings, browser, tmp_path: Path) -> None:
    """A double click on *Add note* posted the note twice: a second submit of a posted form
    is held back, and the back button brings a page whose forms can be posted again."""
    source = tmp_path / "one.bib"
    source.write_text("@article{one2020, author = {One, A.}, title = {A study of one}, year = {2020}}\n", encoding="utf-8")
    api.import_paths(empty_settings, [source])
    with serving(empty_settings) as base:
        driver = browser
        driver.get(base + "/works/one2020")
        submits = """
            var form = document.querySelector("form[action$='/notes']");
            return [1, 2].map(function () {
              var event = new Event("submit", {bubbles: true, cancelable: true});
              form.dispatchEvent(event);
              return event.defaultPrevented;
            });"""
        assert driver.execute_script(submits) == [False, True]
        driver.get(base + "/works/one2020?shown=again")
        driver.back()
        assert driver.execute_script(submits)[0] is False


def test_the_library_fits_a_narrow_window(empty_settings: Settings, browser, tmp_path: Path) -> None:
    """A long key (an organisation's) and a DOI kept the table wider than a 1024-pixel
    window: the page scrolled sideways and the identifiers were cut off; and the page
    loads without an error in the browser's console."""
    source = tmp_path / "long.bib"
    source.write_text(
        "@misc{americansocietyofhaematologyandotherbodiescovid, author = {{American Society of Haematology}},"
        " title = {COVID-19 and a long key}, year = {2021}, doi = {10.5555/blood.2022015936.long.suffix}}\n"
        "@article{two2020, author = {Two, B. and Three, C. and Four, D.}, title = {A second study of a long"
        " title that wraps over several lines in the table of works}, journal = {J Clin Rheumatol}, year = {2020},"
        " doi = {10.5555/jcr.2020.0001}, pmid = {99990001}}\n",
        encoding="utf-8",
    )
    api.import_paths(empty_settings, [source])
    with serving(empty_settings) as base:
        driver = browser
        driver.set_window_size(1024, 900)
        try:
            driver.get(base + "/")
            wait_for(driver, ".count", "2 works")
            widths = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert widths[0] <= widths[1], widths
            # nothing failed to load (the browser asked for /favicon.ico: a 404 on every page)
            assert not [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        finally:
            driver.set_window_size(1400, 1000)


def _no_policy_refusals(driver: object) -> None:
    """Nothing on the page was refused by its content security policy (an inline script or
    style, an eval), which would leave a part of the page dead without a word."""
    refused = [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"]]  # type: ignore[attr-defined]
    assert not refused, refused


def test_a_search_typed_after_sorting_keeps_the_sort_and_the_page_size(empty_settings: Settings, browser,
                                                                         tmp_path: Path) -> None:
    """Sorting by year, then typing a search, gave the results unsorted: the search form
    still held the sort of the page as first loaded. A page size asked for in the address
    was lost on the next page's link; the address bar filled with empty fields."""
    from selenium.webdriver.common.by import By

    source = tmp_path / "years.bib"
    source.write_text("".join(f"@article{{w{year}, author = {{Roe, A.}}, title = {{VEXAS study of {year}}}, year = {{{year}}}}}\n"
                              for year in (2014, 2019, 2011, 2023, 2016, 2021, 2012)), encoding="utf-8")
    api.import_paths(empty_settings, [source])
    with serving(empty_settings) as base:
        driver = browser
        driver.get(base + "/")
        driver.find_element(By.LINK_TEXT, "Year").click()
        wait_for(driver, "th a[aria-sort]", "Year ▲")
        driver.find_element(By.PARTIAL_LINK_TEXT, "Year").click()
        wait_for(driver, "th a[aria-sort]", "Year ▼")
        driver.find_element(By.ID, "q").send_keys("VEXAS study")
        wait_for(driver, ".count", "7 works")
        time.sleep(0.5)
        assert driver.find_element(By.CSS_SELECTOR, "th a[aria-sort]").text == "Year ▼"
        years = [row.find_elements(By.TAG_NAME, "td")[1].text for row in driver.find_elements(By.CSS_SELECTOR, "table.works tbody tr")]
        assert years == ["2023", "2021", "2019", "2016", "2014", "2012", "2011"]
        assert driver.current_url == base + "/?q=VEXAS+study&sort=year&order=desc"

        driver.get(base + "/?per_page=3&sort=year")
        driver.find_element(By.PARTIAL_LINK_TEXT, "Next").click()
        wait_for(driver, ".count", "page 2 of 3")
        assert "per_page=3" in driver.current_url
        driver.find_element(By.ID, "q").send_keys("study")
        wait_for(driver, ".count", "page 1 of 3")
        assert [row.find_elements(By.TAG_NAME, "td")[1].text
                for row in driver.find_elements(By.CSS_SELECTOR, "table.works tbody tr")] == ["2011", "2012", "2014"]
        _no_policy_refusals(driver)


def test_a_refused_edit_and_a_stale_tab_keep_what_was_typed_in_a_browser(empty_settings: Settings, browser,
                                                                         tmp_path: Path) -> None:
    """A date the edit refuses led to an error page: going on meant typing the value again.
    Two tabs on one work: the second tab's edit silently overwrote the first's."""
    from selenium.webdriver.common.by import By

    source = tmp_path / "one.bib"
    source.write_text("@article{one2020, author = {One, A.}, title = {A study of one}, year = {2020}, volume = {3}}\n",
                      encoding="utf-8")
    api.import_paths(empty_settings, [source])
    with serving(empty_settings) as base:
        driver = browser

        def edit(field: str, value: str) -> None:
            form = driver.find_element(By.ID, "edit-field")
            form.find_element(By.NAME, "field").clear()
            form.find_element(By.NAME, "field").send_keys(field)
            form.find_element(By.NAME, "value").clear()
            form.find_element(By.NAME, "value").send_keys(value)
            form.find_element(By.CSS_SELECTOR, "button[value=set]").click()

        driver.get(base + "/works/one2020")
        edit("issued", "early spring")
        wait_for(driver, "#edit-error", "is not a date")
        value = driver.find_element(By.CSS_SELECTOR, "#edit-field input[name=value]")
        assert value.get_attribute("value") == "early spring"
        assert driver.switch_to.active_element == value  # the cursor is where the correction goes
        assert not driver.find_elements(By.CSS_SELECTOR, ".notice")
        shot(driver, "21-work-edit-refused")
        value.clear()
        value.send_keys("2020-04")
        driver.find_element(By.CSS_SELECTOR, "#edit-field button[value=set]").click()
        wait_for(driver, ".notice", "issued edited")

        first = driver.current_window_handle
        driver.switch_to.new_window("tab")
        driver.get(base + "/works/one2020")
        edit("volume", "11")
        wait_for(driver, ".notice", "volume edited")
        driver.switch_to.window(first)
        edit("volume", "22")
        wait_for(driver, "#edit-error", "changed after this page was shown")
        assert api.show_work(empty_settings, "one2020")["csl"]["volume"] == "11"
        assert driver.find_element(By.CSS_SELECTOR, "#edit-field input[name=value]").get_attribute("value") == "22"
        shot(driver, "22-work-edit-stale-tab")
        driver.find_element(By.CSS_SELECTOR, "#edit-field button[value=set]").click()  # seen the current state: again
        wait_for(driver, ".notice", "volume edited")
        assert api.show_work(empty_settings, "one2020")["csl"]["volume"] == "22"
        _no_policy_refusals(driver)


def test_every_page_fits_a_phone_wide_window(web_world, browser) -> None:
    """At a phone's width (390 pixels) the library table was 840 pixels wide, the work
    page's edit form and a source's path 450: the whole page scrolled sideways."""
    with serving(web_world.settings) as base:
        driver = browser
        document = api.manuscripts(web_world.settings)[0]["id"]
        api.change_collection(web_world.settings, "Reviews/JAK inhibitors", ["beck2020somatic"], add=True)
        driver.set_window_size(390, 844)
        try:
            for path in ["/", "/works/beck2020somatic", f"/manuscripts/{document}", "/import", "/export", "/trash",
                         "/collections", "/duplicates", "/review", "/find?q=UBA1", "/manuscripts"]:
                driver.get(base + path)
                widths = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
                wide = driver.execute_script(
                    "return Array.from(document.querySelectorAll('main *')).filter(e => !e.parentElement.closest('table') && "
                    "e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 5)"
                    ".map(e => e.tagName + '.' + e.className + ' ' + e.textContent.slice(0, 40))")
                assert widths[0] <= widths[1], (path, widths, wide)
            driver.get(base + "/")
            ARTIFACTS.mkdir(exist_ok=True)
            driver.save_screenshot(str(ARTIFACTS / "23-library-phone.png"))
        finally:
            driver.set_window_size(1400, 1000)


def test_the_keyboard_skips_the_header_and_works_the_forms(empty_settings: Settings, browser, tmp_path: Path) -> None:
    """With the keyboard only, every page began with the header's ten links before its own
    content: the first Tab now shows a link past them. A tag is added and removed with
    Tab and Enter alone."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    source = tmp_path / "one.bib"
    source.write_text("@article{one2020, author = {One, A.}, title = {A study of one}, year = {2020}}\n", encoding="utf-8")
    api.import_paths(empty_settings, [source])
    with serving(empty_settings) as base:
        driver = browser
        driver.get(base + "/works/one2020")
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        skip = driver.switch_to.active_element
        assert skip.text == "Skip to the page" and skip.is_displayed()
        skip.send_keys(Keys.ENTER)
        assert driver.switch_to.active_element.get_attribute("id") == "main"

        def tab_to(label: str) -> object:
            for _ in range(40):
                driver.switch_to.active_element.send_keys(Keys.TAB)
                if driver.switch_to.active_element.get_attribute("aria-label") == label:
                    return driver.switch_to.active_element
            raise AssertionError(f"Tab never reached {label!r}")

        tab_to("Tag to add").send_keys("read first", Keys.ENTER)
        wait_for(driver, ".notice", "tagged read first")
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        driver.switch_to.active_element.send_keys(Keys.ENTER)  # past the header again
        tab_to("Remove tag read first").send_keys(Keys.ENTER)
        wait_for(driver, ".notice", "tag read first removed")
        assert api.show_work(empty_settings, "one2020")["tags"] == []


def test_a_manuscript_page_looks_up_its_cited_works(server: tuple[str, Settings, Path], browser) -> None:
    """Check said of every cited work "not looked up yet: run 'vexascite resolve' first",
    a command a browser user has no way to run: the page offers to look them up."""
    from selenium.webdriver.common.by import By

    base, settings, manuscript = server
    api.link_manuscript(settings, manuscript)
    document = api.manuscripts(settings)[0]["id"]
    driver = browser
    driver.get(f"{base}/manuscripts/{document}?check=1")
    wait_for(driver, ".check-summary")
    assert "has not been looked up yet" in driver.find_element(By.CSS_SELECTOR, ".manuscript-text").text
    button = driver.find_element(By.ID, "resolve-cited-button")
    assert "for the 4 cited works not looked up yet" in button.text
    button.click()
    wait_for(driver, "#resolve-cited .job", "Done.", timeout=90)
    assert "found 2" in driver.find_element(By.CSS_SELECTOR, "#resolve-cited .job").text
    driver.find_element(By.XPATH, "//button[contains(., 'Check citations')]").click()
    wait_for(driver, ".check-summary")
    time.sleep(0.5)
    assert "has not been looked up yet" not in driver.find_element(By.CSS_SELECTOR, ".manuscript-text").text
    assert not driver.find_elements(By.ID, "resolve-cited-button")  # every cited work was looked up
    shot(driver, "24-manuscript-cited-resolved")
    _no_policy_refusals(driver)


def test_what_a_form_did_is_said_once(empty_settings: Settings, browser, tmp_path: Path) -> None:
    """After *Add note*, a reload of the page said "note 1 added" again (the words stayed in
    the address), as if it had been added twice."""
    from selenium.webdriver.common.by import By

    source = tmp_path / "one.bib"
    source.write_text("@article{one2020, author = {One, A.}, title = {A study of one}, year = {2020}}\n", encoding="utf-8")
    api.import_paths(empty_settings, [source])
    with serving(empty_settings) as base:
        driver = browser
        driver.get(base + "/works/one2020")
        driver.find_element(By.CSS_SELECTOR, "textarea[name=text]").send_keys("Read the methods")
        driver.find_element(By.XPATH, "//button[contains(., 'Add note')]").click()
        wait_for(driver, ".notice", "note 1 added")
        assert driver.current_url == base + "/works/one2020"
        driver.refresh()
        wait_for(driver, "h1.work-title", "A study of one")
        assert not driver.find_elements(By.CSS_SELECTOR, ".notice")
        assert len(api.list_notes(empty_settings, "one2020")) == 1
        driver.back()  # the page with the notice, as it was
        _no_policy_refusals(driver)
