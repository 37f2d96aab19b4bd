"""The api package: every use case named by the facade, each loaded only when used."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from vexascite import api

ROOT = Path(__file__).resolve().parents[2]

#: What start-up must not import: the slow libraries, and the parts of vexascite that
#: only some commands need.
HEAVY = ("sqlite_utils", "rich", "numpy", "bibtexparser", "rapidfuzz", "httpx", "lxml", "docx", "pypdf", "pycrfsuite")


def _modules_after(code: str) -> set[str]:
    """Modules loaded in a fresh interpreter after running ``code``."""
    probe = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_every_facade_name_is_its_use_case_modules_own_object() -> None:
    for name in api.__all__:
        module = importlib.import_module(f"vexascite.api.{api._HOME_OF[name]}")
        assert getattr(api, name) is getattr(module, name), name


def test_names_used_by_the_cli_web_tests_and_benchmarks_all_resolve() -> None:
    used: set[str] = set()
    for folder in ("vexascite/cli", "vexascite/web", "tests", "benchmarks"):
        for path in [ROOT / folder] if folder.endswith(".py") else sorted((ROOT / folder).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            if path != Path(__file__).resolve() and re.search(r"from (vexascite|\.\.) import api\b", text):
                used |= set(re.findall(r"\bapi\.([A-Za-z_]\w*)", text))
    assert {"import_paths", "search_works", "link_manuscript"} <= used  # the scan found the callers
    missing = sorted(name for name in used if not hasattr(api, name))
    assert missing == []


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_use_case"):
        api.no_such_use_case  # noqa: B018
    assert not hasattr(api, "no_such_use_case")


def test_importing_the_api_or_the_cli_imports_nothing_heavy() -> None:
    for code in ("import vexascite.api", "import vexascite.cli"):
        loaded = _modules_after(code)
        assert [m for m in loaded if m.split(".")[0] in HEAVY] == [], code
        assert [m for m in loaded if m.startswith("vexascite.api.")] == [], code
        assert "vexascite.store" not in loaded, code


def test_list_reads_the_library_without_the_importers_exporters_or_services(tmp_path: Path) -> None:
    bib = tmp_path / "a.bib"
    bib.write_text("@article{doe2020one,\n  title = {One},\n  author = {Doe, Jane},\n  year = {2020}\n}\n", encoding="utf-8")
    db = str(tmp_path / "library.db")
    subprocess.run([sys.executable, "-m", "vexascite", "--db", db, "import", str(bib)], capture_output=True, check=True)
    code = (
        "import contextlib, io\nfrom vexascite.cli import main\nlisted = io.StringIO()\n"
        f"with contextlib.redirect_stdout(listed):\n"
        f"    main(['--db', {db!r}, 'list'], standalone_mode=False)\n"
        "assert 'doe2020one' in listed.getvalue(), listed.getvalue()"
    )
    loaded = _modules_after(code)
    assert "vexascite.store" in loaded  # the library was read
    unwanted = ("vexascite.importers.", "vexascite.exporters.bibtex", "vexascite.documents", "vexascite.resolve",
                "vexascite.evidence", "vexascite.link", "vexascite.refstring", "vexascite.check")
    assert sorted(m for m in loaded if m.startswith(unwanted)) == []
    assert not {"bibtexparser", "httpx", "docx", "pypdf", "pycrfsuite"} & loaded
