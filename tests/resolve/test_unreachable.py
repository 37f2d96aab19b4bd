"""No network: one failed connection per service, then a clear exit 4, nothing lost."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path


def closed_port() -> int:
    """A local port nothing listens on (connections are refused at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def offline_env() -> dict[str, str]:
    base = f"http://127.0.0.1:{closed_port()}"
    return {
        "VEXASCITE_CROSSREF_URL": base, "VEXASCITE_NCBI_URL": base + "/entrez/eutils",
        "VEXASCITE_IDCONV_URL": base + "/idconv/", "VEXASCITE_DOI_URL": base, "VEXASCITE_TIMEOUT": "5",
    }


def test_resolve_without_network_fails_fast_with_exit_4(tmp_path: Path, run_cli) -> None:
    refs = tmp_path / "refs.txt"
    refs.write_text("References\n\n" + "".join(
        f"{i}. Author{i} A. A study number {i} of imaginary things. J Imag Res. 2011;{i}:1-9.\n" for i in range(1, 31)
    ), encoding="utf-8")
    env = offline_env()
    assert run_cli("import", str(refs), env=env).exit_code == 0
    started = time.monotonic()
    result = run_cli("resolve", "--json", env=env)
    elapsed = time.monotonic() - started
    assert result.exit_code == 4
    assert elapsed < 10
    report = json.loads(result.stdout)
    assert report["failed"] == 30
    assert set(report["unreachable"]) <= {"crossref", "ncbi", "doi.org"} and report["unreachable"]
    assert all(n == 1 for n in report["requests"].values())  # one failed connection per service
    assert "Is this machine offline?" in result.stderr and "cannot connect to" in result.stderr
    assert "resolve found" not in result.stderr  # no progress bar when stderr is not a terminal
    listed = json.loads(run_cli("list", "--json").stdout)
    assert len(listed) == 30 and {w["status"] for w in listed} == {"failed"}  # saved; a rerun retries


def test_lookup_without_network_exits_4(run_cli) -> None:
    result = run_cli("lookup", "Beck DB. Somatic mutations in UBA1. N Engl J Med. 2020;383:2628-38.", env=offline_env())
    assert result.exit_code == 4
    assert json.loads(result.stdout.splitlines()[0])["status"] == "failed"
    assert "cannot connect to" in result.stderr
