"""A kept-up-to-date export is rewritten when resolve fills in what the services state."""

from __future__ import annotations

from tests.resolve.conftest import World


def test_resolve_rewrites_a_kept_up_to_date_export(world: World, run_cli, tmp_path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@article{heiblig2022rux, author = {Heiblig, Maël and Ferrada, Marcela A.}, title = {Ruxolitinib in VEXAS syndrome},"
        " journal = {Blood}, year = {2022}, volume = {99}, pages = {101--105}}\n",
        encoding="utf-8",
    )
    assert run_cli("import", str(bib)).exit_code == 0
    out = tmp_path / "vexas.bib"
    assert run_cli("export", "-o", str(out), "--keep-updated", env=world.env()).exit_code == 0
    assert "10.5555/vexas.blood.2022" not in out.read_text()
    resolved = run_cli("resolve", env=world.env())
    assert resolved.exit_code == 0, resolved.stderr
    assert "rewrote kept-up-to-date export" in resolved.stderr
    assert "doi = {10.5555/vexas.blood.2022}" in out.read_text()
