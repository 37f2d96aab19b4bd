"""The resolver's tables in the store: records replaced or set aside keep their history."""

from __future__ import annotations

import json

from vexascite.model import WorkStatus
from vexascite.store import Store
from vexascite.store.resolution import save_resolution, set_aside_contradicted

from .helpers import new_work

OLD = {"DOI": "10.5555/old.2020", "title": "The old article", "volume": "7"}
NEW = {"DOI": "10.5555/new.2021", "title": "The new article"}


def _aside(store: Store, work_id: int) -> list[dict]:
    return [dict(r) for r in store.db.query("select source, csl, reason from records_set_aside where work_id = ?", [work_id])]


def test_a_record_replaced_by_one_of_another_article_is_kept_aside(tmp_path) -> None:
    with Store.open(tmp_path / "l.db") as store:
        with store.transaction():
            work_id = new_work(store, {"title": "A work"})
        save_resolution(store, work_id, WorkStatus.RESOLVED, None, {"crossref": (OLD, None)}, [], {})
        save_resolution(store, work_id, WorkStatus.RESOLVED, None, {"crossref": (dict(OLD, title="The old article."), None)}, [], {})
        assert _aside(store, work_id) == []  # the same article verified again: replaced in place
        save_resolution(store, work_id, WorkStatus.RESOLVED, None, {"crossref": (NEW, None)}, [], {})
        aside = _aside(store, work_id)
        assert [json.loads(a["csl"])["DOI"] for a in aside] == ["10.5555/old.2020"] and "another article" in aside[0]["reason"]
        assert store.work_row(work_id)["csl"].get("volume") is None  # nothing of the old record is merged


def test_only_the_users_identifiers_set_records_aside(tmp_path) -> None:
    with Store.open(tmp_path / "l.db") as store:
        with store.transaction():
            work_id = new_work(store, {"DOI": "10.5555/typo.2020", "PMID": "111"})
        # an imported DOI a PubMed record corrects is not the user's statement: the record stays
        pubmed = {"DOI": "10.5555/right.2020", "PMID": "111", "title": "Right"}
        assert save_resolution(store, work_id, WorkStatus.RESOLVED, None, {"pubmed": (pubmed, None)}, [], {}) is None
        assert store.work_row(work_id)["title"] == "Right"
        with store.transaction():
            store.set_user_edit(work_id, "PMID", "222")
        aside = set_aside_contradicted(store, work_id)
        assert aside is not None and aside["sources"] == {"pubmed": "PMID 111, not 222"} and "title" in aside["fields"]
        assert store.work_row(work_id)["title"] is None
