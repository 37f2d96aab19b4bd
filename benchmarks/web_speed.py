"""The web app's library page over 10,000 works: server time per request, side by side
with the obvious alternative, and as a user meets it (a running ``vexascite serve``).

Builds a library of generated works (CSL-JSON, distinct titles, four journals, 35 years,
a third with DOIs; a tenth tagged, a twentieth in a nested collection, 20 in the trash,
20 marked retracted) and times, best of N:

* server time: one request through the whole app in-process (routing, the api call,
  SQLite, the template), for the first page, a search, a sort by title, a filter and a
  deep page; the alternative is the obvious page: read every work as ``list`` does
  (``api.list_works``) and slice 50 of them in Python, rendered by the same template;
* as a user: an HTTP GET to a running ``vexascite serve`` process (wall time) beside
  ``vexascite list`` run as a whole process, the command-line way to look.

    .venv/bin/python benchmarks/web_speed.py [--works 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from cslgen import generate_works  # noqa: E402
from timing import CPU, best_of  # noqa: E402

from vexascite import api  # noqa: E402
from vexascite.config import load_settings  # noqa: E402

BUDGET_MS = 300.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from starlette.testclient import TestClient

    from vexascite.web.app import create_app, templates

    folder = Path(tempfile.mkdtemp(prefix="vexascite-web-bench-"))
    source = folder / "works.json"
    source.write_text(json.dumps(generate_works(args.works)), encoding="utf-8")
    settings = load_settings(folder / "none.toml", environ={}, db=str(folder / "library.db"))
    start = time.perf_counter()
    api.import_paths(settings, [source])
    print(
        f"library: {args.works:,} works imported in {time.perf_counter() - start:.1f} s ({folder})"
    )
    # organised as a user would: a tenth tagged, a twentieth in a nested collection, a few in the trash
    api.tag_works(settings, [f"w{i}" for i in range(0, args.works, 10)], ["jak"])
    api.change_collection(
        settings, "Reviews/JAK", [f"w{i}" for i in range(0, args.works, 20)], add=True
    )
    api.remove_works(settings, [f"w{i}" for i in range(5, args.works, 500)])
    retracted = folder / "retracted.json"  # the retracted filter reads these few in full
    retracted.write_text(
        json.dumps(
            [
                {
                    "id": f"r{i}",
                    "type": "article-journal",
                    "title": f"RETRACTED: Trial {i} of VEXAS",
                    "issued": {"date-parts": [[2015]]},
                }
                for i in range(20)
            ]
        ),
        encoding="utf-8",
    )
    api.import_paths(settings, [retracted])

    pages = {
        "first page": "/",
        "search 'cohort 42'": "/?q=cohort+42",
        "sort by title": "/?sort=title",
        "filter Blood 2001": "/?journal=Blood&year=2001",
        "page 150": "/?page=150",
        "as you type (partial)": "/?q=variant+7",
        "fields author: year:": "/?q=author%3AAuthor42+year%3A2000-2010",
        "prefix 'coh*'": "/?q=coh*",
        "tag filter": "/?tag=jak",
        "collection (nested)": "/?collection=Reviews",
        "tag + field + sort": "/?tag=jak&q=journal%3ABlood&sort=year",
        "status retracted": "/?status=retracted",
    }
    worst = 0.0
    print(f"\nserver time, best of {args.repeat} (in-process: routing + api + SQLite + template)")
    print(f"{'request':<24}{'vexascite':>12}{'cpu':>9}{'all works + slice':>20}{'ratio':>9}")
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as client:

        def obvious(url: str) -> object:
            # the obvious page: every work read as `list` does, sorted/filtered in Python, 50 shown
            query = {
                "q=cohort": "cohort 42",
                "variant": "variant 7",
                "Author42": "author:Author42 year:2000-2010",
                "coh*": "coh*",
                "tag=jak&q": "journal:Blood tag:jak",
                "tag=jak": "tag:jak",
                "collection=": "collection:Reviews",
            }
            rows = api.list_works(settings, next((q for k, q in query.items() if k in url), None))
            if "sort=year" in url:
                rows.sort(key=lambda r: r["year"] or 0)
            if "sort=title" in url:
                rows.sort(key=lambda r: (r["title"] or "").lower())
            if "journal=" in url:
                rows = [r for r in rows if r["container"] == "Blood" and r["year"] == 2001]
            offset = 149 * 50 if "page=150" in url else 0
            return templates.get_template("_works_table.html").render(
                page=api.web_views.LibraryPage(rows[offset : offset + 50], len(rows), 1, 1, 50, {}),
                state={"q": "", "sort": "", "order": ""},
                filters={},
                link=lambda **k: "/",
                status_labels={},
            )

        for name, url in pages.items():
            headers = {"HX-Request": "true"} if "partial" in name else {}
            ours, response = best_of(
                args.repeat,
                lambda url=url, headers=headers: client.get(url, headers=headers),
                "ours",
            )
            assert response.status_code == 200
            ours_cpu = CPU["ours"]
            theirs, _ = best_of(max(2, args.repeat // 2), lambda url=url: obvious(url), "theirs")
            worst = max(worst, ours)
            print(
                f"{name:<24}{ours * 1000:>10.1f}ms{ours_cpu * 1000:>7.1f}ms{theirs * 1000:>18.1f}ms{theirs / ours:>8.1f}x"
            )

    print(f"\nas a user, best of {args.repeat} (wall, whole process / real HTTP)")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    exe = [sys.executable, "-m", "vexascite", "--db", settings.db]
    server = subprocess.Popen(
        [*exe, "serve", "--no-open", "--port", str(port)],
        stderr=subprocess.DEVNULL,
        env={**os.environ, "BROWSER": "false"},
    )
    try:
        for _ in range(200):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        url = f"http://127.0.0.1:{port}/"
        http, _ = best_of(
            args.repeat, lambda: urllib.request.urlopen(url, timeout=30).read(), "http"
        )
        search, _ = best_of(
            args.repeat,
            lambda: urllib.request.urlopen(url + "?q=cohort+42", timeout=30).read(),
            "http",
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
    cli, _ = best_of(
        max(2, args.repeat // 2),
        lambda: subprocess.run([*exe, "list", "--limit", "50"], capture_output=True, check=True),
        "cli",
    )
    cli_search, _ = best_of(
        max(2, args.repeat // 2),
        lambda: subprocess.run(
            [*exe, "list", "cohort 42", "--limit", "50"], capture_output=True, check=True
        ),
        "cli",
    )
    print(
        f"{'library page':<24}{http * 1000:>10.1f}ms   vexascite list --limit 50: {cli * 1000:.0f} ms ({cli / http:.1f}x)"
    )
    print(
        f"{'search':<24}{search * 1000:>10.1f}ms   vexascite list QUERY --limit 50: {cli_search * 1000:.0f} ms ({cli_search / search:.1f}x)"
    )
    verdict = "within" if worst * 1000 <= BUDGET_MS else "OVER"
    print(
        f"\nslowest library request: {worst * 1000:.1f} ms server time, {verdict} the {BUDGET_MS:.0f} ms budget"
    )
    return 0 if worst * 1000 <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
