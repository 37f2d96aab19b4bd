"""The web app: routes that call :mod:`vexascite.api` and render templates.

Routes only read the request, call one api function and render what it returns; every
rule lives in the api or below. Each request opens the library for the length of the
call (WAL mode), so the command line can write to it while the app runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import secrets
import shutil
import tempfile
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from markupsafe import Markup, escape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.convertors import IntegerConvertor, register_url_convertor
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from .. import api
from ..config import Settings
from ..errors import InputUnreadable, NotInLibrary, UsageError, VexasciteError
from ..wording import DIRECTION_CONTROLS, quantity, verb
from .jobs import Jobs
from .security import (
    CSRF_FIELD,
    AccessTokenMiddleware,
    BodyLimitMiddleware,
    SecurityHeadersMiddleware,
    checked_form,
    new_secret,
)

HERE = Path(__file__).resolve().parent


class RowIdConvertor(IntegerConvertor):
    """A row id in a URL (``/manuscripts/{document:id}``): at most 18 digits, so a longer
    one is a page not found rather than a number SQLite cannot take."""

    regex = "[0-9]{1,18}"


register_url_convertor("id", RowIdConvertor())
#: Largest request body accepted (an upload of several reference files).
DEFAULT_UPLOAD_LIMIT = 25 * 1024 * 1024
#: Most files one upload may carry.
MAX_FILES = 50
EXPORT_FORMATS = ("bibtex", "biblatex", "csl-json", "ris")
EXPORT_SUFFIX = {"bibtex": "bib", "biblatex": "bib", "csl-json": "json", "ris": "ris"}
STYLES = ("vancouver", "american-medical-association", "apa", "nature", "blood", "the-lancet", "the-new-england-journal-of-medicine")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")

_STYLE_TAGS = {"italic": ("<i>", "</i>"), "bold": ("<b>", "</b>"), "sup": ("<sup>", "</sup>"),
               "sub": ("<sub>", "</sub>"), "smallcaps": ('<span class="sc">', "</span>")}


def rich_text(value: Any) -> Markup:
    """A title with its italic, bold, super/subscript and small caps kept, as safe HTML:
    every run of text is escaped and only these five tags are ever written."""
    if value is None:
        return Markup("")
    out = []
    for text, styles in api.title_runs(str(value)):
        opened = [_STYLE_TAGS[s] for s in ("italic", "bold", "smallcaps", "sup", "sub") if s in styles]
        out.append("".join(o for o, _ in opened) + str(escape(text)) + "".join(c for _, c in reversed(opened)))
    return Markup("".join(out))


_AS_SPACES = dict.fromkeys(DIRECTION_CONTROLS, " ")


class Verbatim(Markup):
    """A form's value (a key, a tag, a collection), escaped and sent back as it came."""


def verbatim(value: Any) -> Verbatim:
    return Verbatim(escape(value))


def shown(value: Any) -> Any:
    """What a template writes: text with each direction override or isolate a space (one
    left open would reorder the page around it); a form's value stays as it is."""
    return value.translate(_AS_SPACES) if isinstance(value, str) and not isinstance(value, Verbatim) else value


#: A file uploaded in the browser, as the library names it: a path in the app's private
#: folder (``/tmp/vexascite-uploads-x1y2/0123456789abcdef/refs.bib``), gone when it stops.
_UPLOADED = re.compile(r"^.*/vexascite-uploads-[^/]+/(?:[0-9a-f]{16}|manuscripts(?:/lists)?)/(?P<name>[^/]+)$")


def source_name(path: Any) -> Any:
    """Where a reference or claim was read: a file uploaded in the browser by the name it
    was uploaded as (the app's temporary folder said nothing to its reader)."""
    found = _UPLOADED.match(str(path or ""))
    return f"{found['name']} (uploaded)" if found else path


def csl_date(value: Any) -> Any:
    """A CSL date as written to be read: ``2020-04-09`` (its month and day were shown
    unpadded, ``2020-4``); a literal or season date as it is."""
    if not isinstance(value, dict) or not isinstance(value.get("date-parts"), list):
        return value.get("literal", value) if isinstance(value, dict) else value
    parts = (value["date-parts"] or [[]])[0] or []
    shown = [f"{part:02d}" if isinstance(part, int) and index else str(part) for index, part in enumerate(parts)]
    return "-".join(shown) + (" (approximately)" if value.get("circa") else "")


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True, finalize=shown)
    env.filters["rich"] = rich_text
    env.filters["verbatim"] = verbatim
    env.filters["source_name"] = source_name
    env.filters["csl_date"] = csl_date
    env.filters["quantity"] = quantity  # "1 claim", "2 claims"
    env.globals["status_labels"] = api.web_views.STATUS_LABELS
    return Jinja2Templates(env=env)


templates = _templates()


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("active", "")
    return templates.TemplateResponse(request, name, {"csrf_token": request.app.state.csrf_token, **context},
                                      status_code=status_code)


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _int(value: str | None, default: int | None = None) -> int | None:
    """A number of the query string; one not written as a number, or past what the library
    can store (``?page=99999999999999999999``), is not read."""
    try:
        number = int(value) if value not in (None, "") else default
    except ValueError:
        return default
    return number if number is None or -(2**63) <= number < 2**63 else default


#: A clause of an error that tells the command line's user what to type next.
_COMMAND_HINT = re.compile(r";[^;]*'vexascite [^;]*")


def for_a_page(message: str) -> str:
    """An error of the library as a page says it: without the clauses that name a command
    to type ("; 'vexascite list' shows the keys"), which a browser user has no use for."""
    return _COMMAND_HINT.sub("", message).strip() or message


def _htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true" and request.headers.get("hx-boosted") != "true"


# -- library ---------------------------------------------------------------------------------
async def library(request: Request) -> Response:
    params = request.query_params
    query = (params.get("q") or "").strip()
    filters: dict[str, Any] = {"year": _int(params.get("year")), "journal": params.get("journal") or None,
               "status": params.get("status") or None, "tag": params.get("tag") or None,
               "collection": params.get("collection") or None}
    sort = params.get("sort") or None
    descending = params.get("order") == "desc"
    per_page = _int(params.get("per_page"), 50) or 50
    page = await run_in_threadpool(
        api.library_page, settings_of(request), query=query or None, sort=sort, descending=descending,
        page=_int(params.get("page"), 1) or 1, per_page=per_page,
        with_facets=not _htmx(request), **filters,
    )
    # what the links of the page keep: a page size asked for stays on the next page's link
    state = {"q": query, **{k: v for k, v in filters.items() if v is not None}, "sort": sort or "",
             "order": "desc" if descending else "", "per_page": page.per_page if page.per_page != 50 else None}

    def link(**changes: Any) -> str:
        merged = {**state, **changes}
        return "/?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})

    context: dict[str, Any] = {"page": page, "state": state, "link": link, "active": "library", "filters": filters}
    if not _htmx(request):
        return render(request, "library.html", **context)
    # a part of the page: the address bar gets the search as a link would write it (no empty
    # fields), and the search form the sort and page size of the table it now shows
    response = render(request, "_works_table.html", partial=True, **context)
    response.headers["HX-Push-Url"] = link(page=page.page if page.page > 1 else None)
    return response


# -- one work ----------------------------------------------------------------------------------
def work_version(row: dict[str, Any]) -> str:
    """A short fingerprint of what a work's page shows of it (its fields, your edits, its
    place in the trash): an edit posted from a page that showed another state (a second
    tab, a resolve run, the command line changed the work since) is held back and said."""
    shown = json.dumps([row.get("key"), row.get("csl"), row.get("edits"), row.get("trashed_at")], sort_keys=True, default=str)
    return hashlib.sha256(shown.encode()).hexdigest()[:16]


async def work(request: Request) -> Response:
    key = request.path_params["key"]
    canonical = await run_in_threadpool(api.work_key, settings_of(request), key)
    if canonical != key:  # a key the work was known by: its page lives at its own key
        return RedirectResponse(f"/works/{quote(canonical, safe='')}?" + urlencode({"via": key}), status_code=302)
    row = await run_in_threadpool(api.work_view, settings_of(request), key)
    return render(request, "work.html", work=row, version=work_version(row), active="library",
                  message=request.query_params.get("message"), via=request.query_params.get("via"))


async def _work_form_failed(request: Request, key: str, form: str, error: str, values: dict[str, str],
                            status_code: int = 400) -> Response:
    """The work's page again, as it is now, with the error beside the form that failed and
    what was typed in it kept (an error page lost it)."""
    row = await run_in_threadpool(api.work_view, settings_of(request), key)
    return render(request, "work.html", status_code=status_code, work=row, version=work_version(row), active="library",
                  failed={"form": form, "error": for_a_page(error), "values": values})


#: What a form posted from a page that showed the work out of the trash is told.
TRASHED_SINCE = ("This work was moved to the trash after this page was shown (in another tab or from the command line): "
                 "nothing was saved; restore it to change it.")


async def _trashed_since(request: Request, key: str, form: str, values: dict[str, str], exc: NotInLibrary) -> Response:
    """A form of a work that went to the trash since its page was shown: the page as it is
    now says so (409), not a page not found with the command line's hint; a work that is
    not in the library, or a collection that is not, stays a 404."""
    try:
        row = await run_in_threadpool(api.show_work, settings_of(request), key)
    except NotInLibrary:
        raise exc from None
    if not row.get("trashed"):
        raise exc
    return await _work_form_failed(request, key, form, TRASHED_SINCE, values, status_code=409)


async def work_edit(request: Request) -> Response:
    form = await checked_form(request)
    key, name = request.path_params["key"], str(form.get("field") or "")
    action = str(form.get("action") or "set")
    typed = {"field": name, "value": str(form.get("value") or "")}
    seen = str(form.get("version") or "")
    current = await run_in_threadpool(api.show_work, settings_of(request), key) if seen else None
    if current is not None and current.get("trashed"):
        return await _work_form_failed(request, key, "edit", TRASHED_SINCE, typed, status_code=409)
    if current is not None and work_version(current) != seen:
        again = "press undo again to drop your edit" if action == "revert" else "press the button again to apply what you typed"
        return await _work_form_failed(
            request, key, "edit", "This work changed after this page was shown (in another tab, by a resolve run or from the "
            f"command line): nothing was saved. It is shown below as it is now; {again}.", typed, status_code=409)
    try:
        if action == "revert":
            reverted = await run_in_threadpool(api.revert_from_page, settings_of(request), key, name)
            return _back_to_work(reverted["key"], f"{', '.join(reverted['reverted'])}: your edit dropped, the sources' value is used")
        unset = action == "unset"
        result = await run_in_threadpool(api.edit_from_page, settings_of(request), key, name, typed["value"], unset=unset)
    except UsageError as exc:
        return await _work_form_failed(request, key, "edit", str(exc), typed)
    except NotInLibrary as exc:
        return await _trashed_since(request, key, "edit", typed, exc)
    changed = [n for n in (result["unset"] if unset else result["set"]) if n != "et-al"]  # an author list's cut goes with it
    message = f"{', '.join(changed)} {'removed' if unset else 'edited'} (your edit wins over every source)"
    if result.get("set_aside"):
        message += "; " + api.describe_set_aside(result["key"], result["set_aside"])
    return _back_to_work(result["key"], message)


async def work_resolve(request: Request) -> Response:
    await checked_form(request)
    key = request.path_params["key"]
    shown = await run_in_threadpool(api.show_work, settings_of(request), key)  # 404 before any service is asked
    if shown.get("trashed"):  # put in the trash since its page was shown, which now offers only Restore
        return await _work_form_failed(request, key, "resolve", TRASHED_SINCE, {}, status_code=409)
    report = await run_in_threadpool(api.resolve_works, settings_of(request), [key])
    outcome = report.outcomes[0] if report.outcomes else None
    message = f"resolved: {outcome.status}" + (f" ({outcome.reason})" if outcome and outcome.reason else "") if outcome else "nothing to resolve"
    return _back_to_work(key, message)


def _with_message(path: str, message: str) -> RedirectResponse:
    """After a form's POST, back to a page that says what was done (303: the browser GETs it,
    so a reload does not post again)."""
    return RedirectResponse(f"{path}?" + urlencode({"message": message}), status_code=303)


def _back_to_work(key: str, message: str) -> RedirectResponse:
    return _with_message(f"/works/{quote(key, safe='')}", message)


async def work_tag(request: Request) -> Response:
    form = await checked_form(request)
    key, typed = request.path_params["key"], str(form.get("tag") or "")
    tag = typed.strip()
    adding = form.get("action") != "remove"
    try:
        if not tag:
            raise UsageError("write the tag to add or remove")
        if adding and tag[0] in "+-" and tag[1:].strip():  # the command line's +TAG / -TAG, typed here
            if tag[0] == "-":
                raise UsageError(f"to take the tag {tag[1:].strip()!r} off, press × beside it")
            tag = tag[1:].strip()
        report = await run_in_threadpool(api.tag_works, settings_of(request), [key], [tag] if adding else [], [] if adding else [tag])
    except UsageError as exc:
        return await _work_form_failed(request, key, "tag", str(exc), {"tag": typed})
    except NotInLibrary as exc:
        return await _trashed_since(request, key, "tag", {"tag": typed}, exc)
    done = report.added or report.removed
    message = (f"tagged {tag}" if adding else f"tag {tag} removed") if done else (
        f"already tagged {tag}" if adding else f"was not tagged {tag}")
    return _back_to_work(key, message)


async def work_note_add(request: Request) -> Response:
    form = await checked_form(request)
    key, text = request.path_params["key"], str(form.get("text") or "")
    try:
        note, added = await run_in_threadpool(api.add_note, settings_of(request), key, text)
    except UsageError as exc:
        return await _work_form_failed(request, key, "note", str(exc), {"text": text})
    except NotInLibrary as exc:
        return await _trashed_since(request, key, "note", {"text": text}, exc)
    return _back_to_work(key, f"note {note} added" if added else f"note {note} already says this: nothing added")


async def work_note_remove(request: Request) -> Response:
    await checked_form(request)
    note = request.path_params["note"]
    key = await run_in_threadpool(api.remove_note, settings_of(request), note)
    return _back_to_work(key, f"note {note} removed")


async def work_collection(request: Request) -> Response:
    form = await checked_form(request)
    key, typed = request.path_params["key"], str(form.get("collection") or "")
    path = typed.strip()
    adding = form.get("action") != "remove"
    try:
        changed, _ = await run_in_threadpool(api.change_collection, settings_of(request), path, [key], add=adding)
    except UsageError as exc:
        return await _work_form_failed(request, key, "collection", str(exc), {"collection": typed})
    except NotInLibrary as exc:
        return await _trashed_since(request, key, "collection", {"collection": typed}, exc)
    message = (f"added to {path}" if adding else f"taken out of {path}") if changed else (
        f"already in {path}" if adding else f"was not in {path}")
    return _back_to_work(key, message)


async def work_remove(request: Request) -> Response:
    await checked_form(request)
    key = request.path_params["key"]
    report = await run_in_threadpool(api.remove_works, settings_of(request), [key])
    message = "moved to the trash" if report.changed else "already in the trash"
    if report.citing_claims.get(key):
        claims = report.citing_claims[key]
        message += f"; {quantity(claims, 'claim')} of linked manuscripts still {verb(claims, 'cites', 'cite')} it"
    return _back_to_work(key, message)


async def work_restore(request: Request) -> Response:
    await checked_form(request)
    key = request.path_params["key"]
    report = await run_in_threadpool(api.restore_works, settings_of(request), [key])
    return _back_to_work(key, "restored from the trash" if report.changed else "was not in the trash")


# -- trash and collections -------------------------------------------------------------------------
async def trash(request: Request) -> Response:
    works = await run_in_threadpool(api.trash_view, settings_of(request))
    return render(request, "trash.html", works=works, active="trash", message=request.query_params.get("message"),
                  confirming=False)


async def trash_restore(request: Request) -> Response:
    form = await checked_form(request)
    keys = [str(k) for k in form.getlist("key") if k]
    if not keys:
        raise UsageError("choose the works to restore")
    report = await run_in_threadpool(api.restore_works, settings_of(request), keys)
    message = f"{quantity(len(report.changed), 'work')} restored" + (f"; not in the trash: {', '.join(report.unchanged)}" if report.unchanged else "")
    return _with_message("/trash", message)


async def trash_empty(request: Request) -> Response:
    form = await checked_form(request)
    if form.get("confirm") != "yes":  # the first press only asks
        works = await run_in_threadpool(api.trash_view, settings_of(request))
        return render(request, "trash.html", works=works, active="trash", confirming=True)
    # only the works the confirmation showed: one trashed since (another tab, the command line) stays
    shown = [str(k) for k in form.getlist("key") if k]
    counts = await run_in_threadpool(api.empty_trash, settings_of(request), shown or None)
    unlinked = counts["citations_unlinked"]
    message = (f"{quantity(counts['works'], 'work')} deleted for good; {quantity(counts['references_kept'], 'raw reference')} kept, "
               f"{quantity(unlinked, 'citation')} now {verb(unlinked, 'says', 'say')} {verb(unlinked, 'its', 'their')} work was removed")
    if counts["kept"]:
        message += (f"; {quantity(counts['kept'], 'work')} put in the trash since then {verb(counts['kept'], 'was', 'were')} kept "
                    "(not shown when you confirmed)")
    return _with_message("/trash", message)


async def collections(request: Request, error: str | None = None, typed: str = "", status_code: int = 200) -> Response:
    tree = await run_in_threadpool(api.collections_view, settings_of(request))
    return render(request, "collections.html", status_code=status_code, tree=tree, active="collections",
                  message=request.query_params.get("message"), error=error, typed=verbatim(typed))


async def collection_create(request: Request) -> Response:
    form = await checked_form(request)
    path = str(form.get("path") or "")
    try:
        created = await run_in_threadpool(api.create_collection, settings_of(request), path)
    except UsageError as exc:  # the page again, the name as typed in its box, to correct
        return await collections(request, str(exc), path, 400)
    message = f"created {', '.join(created)}" if created else f"{path} already exists"
    return _with_message("/collections", message)


async def collection_delete(request: Request) -> Response:
    form = await checked_form(request)
    path = str(form.get("path") or "")
    if form.get("confirm") != "yes":
        return await collections(request, f"tick the box to confirm deleting {path!r} (its works stay in the library)",
                                 status_code=400)
    deleted, members = await run_in_threadpool(api.delete_collection, settings_of(request), path)
    message = f"deleted {path} ({quantity(deleted, 'collection')}, {quantity(members, 'membership')}; the works stay in the library)"
    return _with_message("/collections", message)


# -- duplicates ---------------------------------------------------------------------------------
async def duplicates(request: Request) -> Response:
    page = await run_in_threadpool(api.duplicates_page, settings_of(request), _int(request.query_params.get("page"), 1) or 1)
    return render(request, "duplicates.html", page=page, active="duplicates", message=request.query_params.get("message"),
                  confirming=None)


async def duplicates_merge(request: Request) -> Response:
    """``merge KEEP DROP`` from the page: the first press asks (in place, or as the page
    without htmx), only a second press with ``confirm=yes`` merges; then back to the list."""
    form = await checked_form(request)
    keep, drop = str(form.get("keep") or "").strip(), str(form.get("drop") or "").strip()
    if not keep or not drop:
        raise UsageError("choose the work to keep and the one to merge into it")
    settings = settings_of(request)
    if form.get("confirm") != "yes":  # the first press only asks, after checking both works are there
        kept, dropped = await run_in_threadpool(api.work_key, settings, keep), await run_in_threadpool(api.work_key, settings, drop)
        if kept == dropped:
            raise UsageError(f"{keep} and {drop} name the same work: nothing to merge")
        confirming = {"keep": kept, "drop": dropped}
        if _htmx(request):
            target = str(form.get("target") or "")  # the pair's cell the answers go to (an id of the page's own)
            return render(request, "_merge_confirm.html", confirming=confirming,
                          target=target if re.fullmatch(r"answer-\d+", target) else "")
        page = await run_in_threadpool(api.duplicates_page, settings, _int(str(form.get("page") or ""), 1) or 1)
        return render(request, "duplicates.html", page=page, active="duplicates", confirming=confirming)
    result = await run_in_threadpool(api.merge_works, settings, keep, drop)
    if result["merged"] is None:  # merged already (a second tab): said where the answer goes
        raise UsageError(f"{keep} and {drop} name the same work: nothing to merge")
    message = f"merged {result['merged']} into {result['key']} ({result['merged']} still names it)"
    for gave_way in api.describe_gave_way(result):
        message += f"; {gave_way}"
    if result.get("set_aside"):
        message += "; " + api.describe_set_aside(result["key"], result["set_aside"])
    back = _with_message("/duplicates", message)
    if _htmx(request):  # htmx would swap the list into the pair's cell: the browser loads it instead
        return Response(status_code=200, headers={"HX-Redirect": back.headers["location"]})
    return back


# -- review -------------------------------------------------------------------------------------
async def review(request: Request, error: str | None = None, status_code: int = 200) -> Response:
    view = await run_in_threadpool(api.review_view, settings_of(request))
    return render(request, "review.html", status_code=status_code, works=view["works"], in_trash=view["in_trash"],
                  active="review", message=request.query_params.get("message"), error=error)


async def review_decide(request: Request) -> Response:
    form = await checked_form(request)
    decision = form.get("decision")
    if decision not in ("accept", "reject"):
        raise HTTPException(400, "decision must be accept or reject")
    candidate = request.path_params["candidate"]
    try:
        result = await run_in_threadpool(api.decide_review, settings_of(request), candidate, accept=decision == "accept")
    except UsageError as exc:  # decided already (another tab, the command line): the list as it is now, saying so
        return await review(request, f"{for_a_page(str(exc))}: nothing changed; the list below is as it is now", 409)
    message = f"candidate {candidate} {'accepted' if result['accepted'] else 'rejected'}"
    return _with_message("/review", message)


# -- manuscripts ---------------------------------------------------------------------------------
async def manuscripts(request: Request) -> Response:
    documents = await run_in_threadpool(api.manuscripts, settings_of(request))
    return render(request, "manuscripts.html", documents=documents, active="manuscripts")


async def manuscript(request: Request) -> Response:
    view = await run_in_threadpool(api.manuscript_view, settings_of(request), request.path_params["document"])
    return render(request, "manuscript.html", view=view, active="manuscripts",
                  check_on_load=request.query_params.get("check") == "1")


async def manuscript_check(request: Request) -> Response:
    await checked_form(request)
    view = await run_in_threadpool(api.manuscript_view, settings_of(request), request.path_params["document"], check=True)
    return render(request, "_document.html" if _htmx(request) else "manuscript.html", view=view, active="manuscripts")


async def manuscript_link(request: Request) -> Response:
    """Link an uploaded manuscript (kept in the app's private folder) and open its page,
    which asks for the ``check`` findings as it loads."""
    form = await checked_form(request, max_files=2, max_fields=5, max_part_size=request.app.state.upload_limit)
    folder = Path(request.app.state.upload_dir) / "manuscripts"
    folder.mkdir(mode=0o700, exist_ok=True)
    saved: dict[str, Path] = {}
    for field in ("manuscript", "reference_list"):
        upload = form.get(field)
        if isinstance(upload, UploadFile) and upload.filename:
            # the same name uploaded again replaces the file, so linking it again replaces its claims
            target = (folder / "lists" if field == "reference_list" else folder) / _safe_name(upload.filename)
            target.parent.mkdir(mode=0o700, exist_ok=True)
            await _save(upload, target)
            saved[field] = target
    await form.close()
    if "manuscript" not in saved:
        raise UsageError("choose a manuscript file to link (Markdown, text, Word .docx or PDF)")
    document = await run_in_threadpool(api.link_uploaded, settings_of(request), saved["manuscript"], saved.get("reference_list"))
    # to its page (303: a reload does not upload and link it again), which runs the check as it opens
    return RedirectResponse(f"/manuscripts/{document}?check=1", status_code=303)


def _safe_name(filename: str) -> str:
    """An uploaded file's name reduced to safe characters and to 120 of them, its suffix
    kept (a longer one was past what the file system takes: a 500)."""
    name = _SAFE_NAME.sub("_", Path(filename).name).lstrip(".") or "upload"
    suffix = Path(name).suffix[:16]
    return name if len(name) <= 120 else name[: 120 - len(suffix)] + suffix


async def _save(upload: UploadFile, target: Path) -> None:
    with target.open("wb") as out:
        while chunk := await upload.read(1024 * 1024):
            out.write(chunk)


# -- import ----------------------------------------------------------------------------------------
def _batch_dir(request: Request, batch: str) -> Path:
    if not re.fullmatch(r"[0-9a-f]{16}", batch or ""):
        raise HTTPException(400, "unknown upload: preview the references again")
    folder = Path(request.app.state.upload_dir) / batch
    if not folder.is_dir():
        raise HTTPException(400, "this upload is gone (the app restarted?): preview the references again")
    return folder


async def import_page(request: Request) -> Response:
    return render(request, "import.html", active="import", limit_mb=request.app.state.upload_limit // (1024 * 1024))


async def import_preview(request: Request) -> Response:
    form = await checked_form(request, max_files=MAX_FILES, max_fields=20, max_part_size=request.app.state.upload_limit)
    batch = secrets.token_hex(8)
    folder = Path(request.app.state.upload_dir) / batch
    folder.mkdir(mode=0o700)
    paths: list[Path] = []
    pasted = str(form.get("references") or "")
    if pasted.strip():
        path = folder / "pasted-references.txt"
        path.write_text(pasted, encoding="utf-8")
        paths.append(path)
    for upload in form.getlist("files"):
        if isinstance(upload, UploadFile) and upload.filename:
            name = _safe_name(upload.filename)
            target = folder / name
            n = 1
            while target.exists():
                n += 1
                target = folder / f"{n}-{name}"
            await _save(upload, target)
            paths.append(target)
    await form.close()
    if not paths:
        shutil.rmtree(folder, ignore_errors=True)
        return render(request, "_preview.html", files=[], batch=None, error="paste a reference list or choose files to import")
    files = await run_in_threadpool(api.preview_files, paths)
    entries = sum(len(f["entries"]) for f in files)
    return render(request, "_preview.html", files=files, batch=batch, entries=entries, error=None)


async def import_store(request: Request) -> Response:
    form = await checked_form(request)
    folder = _batch_dir(request, str(form.get("batch") or ""))
    paths = sorted(p for p in folder.iterdir() if p.is_file())
    report, keys = await run_in_threadpool(api.import_uploaded, settings_of(request), paths)
    return render(request, "_imported.html", report=report, keys=keys)


async def resolve_start(request: Request) -> Response:
    form = await checked_form(request)
    keys = [k for k in str(form.get("keys") or "").replace(",", " ").split() if k]
    job = request.app.state.jobs.start_resolve(keys or None)  # without keys: every work not resolved yet
    return render(request, "_job.html", job=job)


async def job_status(request: Request) -> Response:
    job = request.app.state.jobs.get(request.path_params["job"])
    if job is None:
        raise HTTPException(404, "no such resolve run (the app restarted?)")
    return render(request, "_job.html", job=job)


# -- find ------------------------------------------------------------------------------------------
async def find(request: Request) -> Response:
    query = (request.query_params.get("q") or "").strip()
    result = None
    if query and Path(settings_of(request).db).exists():
        result = await run_in_threadpool(api.find_view, settings_of(request), query, 20)
    context: dict[str, Any] = {"query": query, "result": result, "active": "find"}
    return render(request, "_find_results.html" if _htmx(request) else "find.html", **context)


# -- export ----------------------------------------------------------------------------------------
async def export(request: Request) -> Response:
    params = request.query_params
    keys_text = params.get("keys") or ""
    keys = [keys_text] if keys_text else None
    cited_in = params.get("cited_in") or None
    tag, collection = params.get("tag") or None, params.get("collection") or None
    fmt = params.get("format")
    download_error, status_code = None, 200
    if fmt:
        try:
            if fmt.lower() not in EXPORT_FORMATS:
                raise UsageError(f"unknown format {fmt!r}: choose {', '.join(EXPORT_FORMATS)}")
            result = await run_in_threadpool(api.export_library, settings_of(request), fmt.lower(), keys=keys, cited_in=cited_in,
                                             tag=tag, collection=collection,
                                             unicode=params.get("unicode") == "1")
            if not result.count and (keys or cited_in or tag or collection):  # an empty file would say nothing
                raise NotInLibrary("nothing to download: no works (outside the trash) are in this selection")
        except (NotInLibrary, UsageError) as exc:
            # the page again with the choices as they were made (an error page lost them)
            download_error, status_code = for_a_page(str(exc)), 404 if isinstance(exc, NotInLibrary) else 400
        else:
            media = "application/json" if fmt == "csl-json" else "text/plain"
            return Response(result.text, media_type=f"{media}; charset=utf-8", headers={
                "Content-Disposition": f'attachment; filename="library.{EXPORT_SUFFIX[fmt.lower()]}"',
                "X-Vexascite-Count": str(result.count)})
    documents = await run_in_threadpool(api.manuscripts, settings_of(request))
    choices = await run_in_threadpool(api.selection_choices, settings_of(request))
    formatted, why_not = None, None
    style = params.get("style")
    if style:
        formatted, why_not = await run_in_threadpool(api.formatted_for_page, settings_of(request), style, keys=keys,
                                                     cited_in=cited_in, tag=tag, collection=collection)
    return render(request, "export.html", status_code=status_code, documents=documents, formatted=formatted, why_not=why_not,
                  styles=STYLES, style=style or "vancouver", download_error=download_error,
                  format=(fmt or "").lower(), unicode=params.get("unicode") == "1",
                  keys=params.get("keys") or "", cited_in=cited_in or "", formats=EXPORT_FORMATS, active="export",
                  tags=choices["tags"], collections=choices["collections"], tag=tag or "", collection=collection or "")


# -- errors ------------------------------------------------------------------------------------------
def error_page(request: Request, status_code: int, title: str, message: str) -> Response:
    """An error as a page, or, for a partial update (htmx swaps it into its target), as
    one alert paragraph."""
    message = for_a_page(message)
    if request.headers.get("hx-request") == "true":
        return HTMLResponse(f'<p class="error" role="alert">{escape(message)}</p>', status_code=status_code)
    # as ``error``: a page's ``message`` is the green notice of what was done, shown above it
    return render(request, "error.html", status_code=status_code, title=title, error=message,
                  posted=request.method == "POST")


async def not_found(request: Request, exc: Exception) -> Response:
    return error_page(request, 404, "Not in the library", str(exc))


async def usage_error(request: Request, exc: Exception) -> Response:
    return error_page(request, 400, "That cannot be done", str(exc))


async def unreadable_input(request: Request, exc: Exception) -> Response:
    """An upload that cannot be read is the chooser's to fix (400, as the command line's exit
    5 says of a file), named as chosen rather than by the app's copy of it."""
    message = re.sub(re.escape(request.app.state.upload_dir) + r"/(?:[^/\s]+/)*", "", str(exc))
    return error_page(request, 400, "That file cannot be read", message)


async def library_error(request: Request, exc: Exception) -> Response:
    return error_page(request, 500, "Something went wrong", str(exc))


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return error_page(request, exc.status_code, f"Error {exc.status_code}", exc.detail)


ROUTES = [
    Route("/", library, name="library"),
    Route("/works/{key}", work, name="work"),
    Route("/works/{key}/resolve", work_resolve, methods=["POST"], name="work_resolve"),
    Route("/works/{key}/edit", work_edit, methods=["POST"], name="work_edit"),
    Route("/works/{key}/tags", work_tag, methods=["POST"], name="work_tag"),
    Route("/works/{key}/notes", work_note_add, methods=["POST"], name="work_note_add"),
    Route("/works/{key}/notes/{note:id}/remove", work_note_remove, methods=["POST"], name="work_note_remove"),
    Route("/works/{key}/collections", work_collection, methods=["POST"], name="work_collection"),
    Route("/works/{key}/remove", work_remove, methods=["POST"], name="work_remove"),
    Route("/works/{key}/restore", work_restore, methods=["POST"], name="work_restore"),
    # a key with a / (an imported entry's own, now an alias: smith%2F2020) redirects to its work's page
    Route("/works/{key:path}", work, name="work_by_old_key"),
    Route("/trash", trash, name="trash"),
    Route("/trash/restore", trash_restore, methods=["POST"], name="trash_restore"),
    Route("/trash/empty", trash_empty, methods=["POST"], name="trash_empty"),
    Route("/collections", collections, name="collections"),
    Route("/collections/create", collection_create, methods=["POST"], name="collection_create"),
    Route("/collections/delete", collection_delete, methods=["POST"], name="collection_delete"),
    Route("/duplicates", duplicates, name="duplicates"),
    Route("/duplicates/merge", duplicates_merge, methods=["POST"], name="duplicates_merge"),
    Route("/review", review, name="review"),
    Route("/review/{candidate:id}", review_decide, methods=["POST"], name="review_decide"),
    Route("/manuscripts", manuscripts, name="manuscripts"),
    Route("/manuscripts/link", manuscript_link, methods=["POST"], name="manuscript_link"),
    Route("/manuscripts/{document:id}", manuscript, name="manuscript"),
    Route("/manuscripts/{document:id}/check", manuscript_check, methods=["POST"], name="manuscript_check"),
    Route("/import", import_page, name="import"),
    Route("/import/preview", import_preview, methods=["POST"], name="import_preview"),
    Route("/import/store", import_store, methods=["POST"], name="import_store"),
    Route("/resolve", resolve_start, methods=["POST"], name="resolve"),
    Route("/jobs/{job}", job_status, name="job"),
    Route("/find", find, name="find"),
    Route("/export", export, name="export"),
    Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
]


#: Host names a browser uses for an app on loopback; any other Host header is refused, so
#: a web page cannot reach the app through a name of its own that resolves to 127.0.0.1.
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]


def create_app(
    settings: Settings, *, token: str | None = None, upload_limit: int = DEFAULT_UPLOAD_LIMIT, upload_dir: str | None = None,
    allowed_hosts: list[str] | None = None,
) -> Starlette:
    """The app over the library named by ``settings``. ``token``, when given, is required
    on every request (any address other than loopback must set one); without one only
    loopback host names (or ``allowed_hosts``) are answered."""
    private = Path(upload_dir) if upload_dir else None

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        if private is None:
            shutil.rmtree(app.state.upload_dir, ignore_errors=True)

    app = Starlette(
        routes=ROUTES,
        middleware=[
            Middleware(SecurityHeadersMiddleware),  # outermost: on every answer, a refusal too
            Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or (["*"] if token else LOOPBACK_HOSTS)),
            Middleware(AccessTokenMiddleware, token=token),
            Middleware(BodyLimitMiddleware, limit=upload_limit),
        ],
        exception_handlers={NotInLibrary: not_found, UsageError: usage_error, InputUnreadable: unreadable_input,
                            VexasciteError: library_error,
                            HTTPException: http_error},
        lifespan=lifespan,
    )
    app.state.settings = replace(settings)
    app.state.csrf_token = new_secret()
    app.state.upload_limit = upload_limit
    # a private folder (mode 700) for this app's uploads; nothing is written elsewhere
    app.state.upload_dir = str(private) if private else tempfile.mkdtemp(prefix="vexascite-uploads-")
    app.state.jobs = Jobs(app.state.settings)
    return app


__all__ = ["CSRF_FIELD", "create_app", "rich_text"]
