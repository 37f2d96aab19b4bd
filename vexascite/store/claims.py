"""Stored manuscripts, claims and citations: writes, lookups and full-text search.

Functions take an open :class:`~vexascite.store.Store`. A document is named by its
path; :func:`document_key` turns any spelling of a path into the stored one (absolute,
resolved), the same key ``import`` uses for the file's reference lists.

Used by other commands:

- :func:`cited_work_ids_in_order` — works a manuscript cites, in order of first
  citation (``export --cited-in``, ``format --cited-in``);
- :func:`markers_of_document` — every stored marker target with its line and status
  (``linked``, ``entry-only``, ``dangling``, ``ambiguous``) for ``check``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import NotInLibrary
from . import Store, now
from .chunks import dicts_in, rows_in
from .fts import quoted, words_of

__all__ = [
    "claims_citing_work",
    "cited_work_ids_in_order",
    "document_key",
    "document_row",
    "evidence_rows",
    "list_documents",
    "markers_of_document",
    "numbered_lists_of_source",
    "replace_document_claims",
    "search_claims",
    "work_ids_by_key",
    "work_summaries",
]


def document_key(path: str | Path) -> str:
    """The stored name of a document: its absolute, resolved path."""
    return str(Path(path).expanduser().resolve())


def document_row(store: Store, path: str | Path) -> dict[str, Any] | None:
    """The document row for ``path`` (any spelling; a bare file name works if unique)."""
    rows = list(store.db.query("select * from documents where path = ?", [document_key(path)]))
    if not rows:
        name = Path(path).name
        rows = [r for r in store.db.query("select * from documents where path like ?", ["%" + name]) if Path(r["path"]).name == name]
        if len(rows) != 1:
            return None
    return dict(rows[0])


def _require_document(store: Store, path: str | Path) -> dict[str, Any]:
    row = document_row(store, path)
    if row is None:
        raise NotInLibrary(f"{path}: not linked yet; run 'vexascite link {path}' first")
    return row


# -- writing ---------------------------------------------------------------------------
def replace_document_claims(
    store: Store, document: dict[str, Any], claims: list[dict[str, Any]], citations: list[list[dict[str, Any]]]
) -> int:
    """Store a document's claims and citations, replacing any earlier link of it.

    ``citations[i]`` are the citation rows of ``claims[i]``. Runs in one transaction, so
    a failure leaves the earlier claims in place. Returns the document id.
    """
    with store.transaction():
        existing = list(store.db.query("select id from documents where path = ?", [document["path"]]))
        row = {**document, "linked_at": now()}
        if existing:
            document_id = int(existing[0]["id"])
            store.db.execute("delete from citations where document_id = ?", [document_id])
            store.db.execute("delete from claims where document_id = ?", [document_id])
            store.db.table("documents").update(document_id, row)
        else:
            document_id = int(store.db.table("documents").insert(row).last_pk or 0)
        claim_columns = (
            "document_id", "ordinal", "start", "end", "line", "end_line", "section", "text", "raw", "markers",
            "expansions", "search_text", "segments",
        )
        citation_columns = (
            "document_id", "claim_id", "ordinal", "marker", "style", "target", "number", "cite_key", "locator", "start",
            "end", "line", "clause_start", "clause_end", "clause", "work_id", "ref_id", "list_id", "status", "message",
        )
        claim_sql = (
            f"insert into claims (id, {', '.join(f'[{c}]' for c in claim_columns)}) "
            f"values (?, {', '.join('?' for _ in claim_columns)})"
        )
        citation_sql = (
            f"insert into citations ({', '.join(f'[{c}]' for c in citation_columns)}) "
            f"values ({', '.join('?' for _ in citation_columns)})"
        )
        conn = store.db.conn
        # Ids are given here so claims and citations go in with one executemany each.
        next_id = int(conn.execute("select coalesce(max(id), 0) from claims").fetchone()[0]) + 1
        claim_values = []
        citation_values = []
        for offset, (claim, claim_citations) in enumerate(zip(claims, citations, strict=True)):
            claim_id = next_id + offset
            values = {**claim, "document_id": document_id}
            values["search_text"] = " ".join(part for part in (claim.get("text"), claim.get("expansions")) if part)
            claim_values.append([claim_id] + [values.get(c) for c in claim_columns])
            for citation in claim_citations:
                citation_values.append([document_id, claim_id] + [citation.get(c) for c in citation_columns[2:]])
        conn.executemany(claim_sql, claim_values)
        conn.executemany(citation_sql, citation_values)
    return document_id


# -- reading what linking needs ------------------------------------------------------------
def numbered_lists_of_source(store: Store, source_id: int) -> list[dict[str, Any]]:
    """The numbered reference lists read from one file, each with its entries by number."""
    lists = []
    for ref_list in store.db.query("select id, label, line from ref_lists where source_id = ? order by ordinal", [source_id]):
        entries: dict[int, dict[str, Any]] = {}
        for ref in store.db.query(
            "select id, number, work_id, line from refs where list_id = ? and number is not null order by id", [ref_list["id"]]
        ):
            entries.setdefault(int(ref["number"]), {"ref_id": ref["id"], "work_id": ref["work_id"], "line": ref["line"]})
        first_line = min((e["line"] for e in entries.values() if e["line"]), default=ref_list["line"] or 0)
        lists.append({"list_id": ref_list["id"], "label": ref_list["label"], "line": first_line, "entries": entries})
    return lists


def work_ids_by_key(store: Store) -> dict[str, int]:
    """Citation key -> work id, then imported entry keys, then case-folded keys for a
    forgiving last try."""
    keys: dict[str, int] = {}
    folded: dict[str, int] = {}
    for row in store.db.query("select id, key from works"):
        keys[row["key"]] = row["id"]
        folded.setdefault(row["key"].casefold(), row["id"])
    # keys a work had before (rekey), of works merged into it, or given by another file
    for alias, work_id in store.db.execute("select alias, work_id from key_aliases").fetchall():
        keys.setdefault(alias, work_id)
        folded.setdefault(alias.casefold(), work_id)
    # The key an entry had where it was imported (BibTeX key, CSL-JSON id) also names
    # its work, for a manuscript written against that file.
    sql = (
        "select entry_key, work_id from refs where entry_key is not null and work_id is not null "
        "and format in ('bibtex', 'csl-json') order by id"
    )
    for entry_key, work_id in store.db.execute(sql).fetchall():
        keys.setdefault(entry_key, work_id)
        folded.setdefault(entry_key.casefold(), work_id)
    # A key merged away still names the work it was merged into.
    for merged_key, work_id in store.db.execute("select merged_key, kept_work_id from merges order by id").fetchall():
        keys.setdefault(merged_key, work_id)
    for key, work_id in folded.items():
        keys.setdefault(key, work_id)
    return keys


def work_summaries(store: Store) -> list[dict[str, Any]]:
    """Per work: id, key, folded first author, year, author count, second author, title."""
    out = []
    for row in store.db.query("select id, key, first_author_norm, year, title, csl from works"):
        csl = json.loads(row["csl"] or "{}")
        people = csl.get("author") or csl.get("editor") or []
        second = people[1].get("family") or people[1].get("literal") if len(people) > 1 else None
        out.append(
            {
                "id": row["id"],
                "key": row["key"],
                "family": row["first_author_norm"],
                "year": row["year"],
                "author_count": len(people),
                "second_family": second,
                "title": row["title"] or "",
            }
        )
    return out


# -- reading for other commands ------------------------------------------------------------
def claim_texts_of_document(store: Store, document_id: int) -> list[str]:
    """The texts of a linked manuscript's claims, in order."""
    return [row[0] for row in store.db.execute("select text from claims where document_id = ? order by ordinal", [document_id])]


def cited_work_ids_in_order(store: Store, document_path: str | Path) -> list[int]:
    """Works a linked manuscript cites, each once, in order of first citation.

    Raises :class:`NotInLibrary` when the manuscript has not been linked.
    """
    document = _require_document(store, document_path)
    seen: dict[int, None] = {}
    for row in store.db.query(
        "select work_id from citations where document_id = ? and work_id is not null order by start, ordinal, id",
        [document["id"]],
    ):
        seen.setdefault(int(row["work_id"]), None)
    return list(seen)


def markers_of_document(store: Store, document_path: str | Path) -> list[dict[str, Any]]:
    """Every marker target of a linked manuscript, in text order.

    Each dict: ``line``, ``marker`` (as written), ``style``, ``target`` (``12``,
    ``@beck2020``, ``Beck et al. 2020``), ``number``, ``cite_key``, ``status`` (``linked``,
    ``entry-only``, ``dangling``, ``ambiguous``), ``message``, ``work_id``, ``work_key``,
    ``ref_id``, ``list_id``, ``claim_id``, ``claim`` (text), ``start``/``end`` offsets,
    ``work_trashed_at`` (when the cited work is in the trash).
    """
    document = _require_document(store, document_path)
    sql = (
        "select citations.*, works.key as work_key, works.trashed_at as work_trashed_at, claims.text as claim from citations "
        "left join works on works.id = citations.work_id left join claims on claims.id = citations.claim_id "
        "where citations.document_id = ? order by citations.start, citations.ordinal, citations.id"
    )
    return [dict(row) for row in store.db.query(sql, [document["id"]])]


def list_documents(store: Store) -> list[dict[str, Any]]:
    return [dict(row) for row in store.db.query("select * from documents order by path")]


def _source_of(row: dict[str, Any]) -> dict[str, Any]:
    csl = json.loads(row.pop("csl") or "{}")
    people = csl.get("author") or csl.get("editor") or []
    first = ""
    if people:
        first = people[0].get("family") or people[0].get("literal") or ""
    return {
        "key": row["key"],
        "first_author": first,
        "year": row["year"],
        "title": row["title"],
        "doi": row["doi"],
        "status": row.get("status"),
    }


def _sources_of_claims(store: Store, claim_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Per claim: its citations in order, each with the work's key, author, year, title, DOI."""
    out: dict[int, list[dict[str, Any]]] = {claim_id: [] for claim_id in claim_ids}
    if not claim_ids:
        return out
    sql = (
        "select citations.claim_id, citations.marker, citations.target, citations.status, citations.message, citations.clause, "
        "citations.number, works.key, works.year, works.title, works.doi, works.csl, works.status as work_status, "
        "works.trashed_at "
        "from citations left join works on works.id = citations.work_id "
        "where citations.claim_id in ({ids}) order by citations.claim_id, citations.ordinal, citations.id"
    )
    for row in dicts_in(store, sql, claim_ids):
        source: dict[str, Any] = {
            "target": row["target"], "marker": row["marker"], "status": row["status"], "number": row["number"],
            "supports": row["clause"],
        }
        if row["key"]:
            csl = json.loads(row["csl"] or "{}")
            people = csl.get("author") or csl.get("editor") or []
            source.update(
                key=row["key"],
                first_author=(people[0].get("family") or people[0].get("literal") or "") if people else "",
                year=row["year"],
                title=row["title"],
                doi=row["doi"],
            )
            if row["trashed_at"]:  # the claim still cites it: say it was removed
                source["removed"] = row["trashed_at"]
        else:
            source["message"] = row["message"]
        out[row["claim_id"]].append(source)
    return out


_CLAIM_SELECT = (
    "select claims.id, claims.ordinal, claims.text, claims.line, claims.end_line, claims.section, claims.start, "
    "claims.end, claims.markers, documents.path as document from claims join documents on documents.id = claims.document_id"
)


def evidence_rows(store: Store, document_path: str | Path | None = None) -> list[dict[str, Any]]:
    """The evidence table: every claim with its sources, document and location."""
    params: list[Any] = []
    sql = _CLAIM_SELECT
    if document_path is not None:
        document = _require_document(store, document_path)
        sql += " where claims.document_id = ?"
        params.append(document["id"])
    sql += " order by documents.path, claims.ordinal"
    rows = [dict(row) for row in store.db.query(sql, params)]
    sources = _sources_of_claims(store, [row["id"] for row in rows])
    for row in rows:
        row["sources"] = sources[row["id"]]
    return rows


def claims_citing_work(store: Store, work_id: int) -> list[dict[str, Any]]:
    """Claims that cite a work, with the marker used and where they are."""
    sql = (
        _CLAIM_SELECT.replace("select claims.id,", "select distinct claims.id,")
        + " join citations on citations.claim_id = claims.id where citations.work_id = ? order by documents.path, claims.ordinal"
    )
    rows = [dict(row) for row in store.db.query(sql, [work_id])]
    for row in rows:
        citing = list(
            store.db.query("select marker, clause from citations where claim_id = ? and work_id = ? order by ordinal", [row["id"], work_id])
        )
        row["cited_as"] = [r["marker"] for r in citing]
        row["supports"] = citing[0]["clause"] if citing else None
    return rows


# -- search --------------------------------------------------------------------------------
_STOPWORDS = frozenset(
    "a an and are as at be but by for from has have in into is it its of on or that the their there these this to was "
    "were which with what where who why how does do did than then there versus vs".split()
)


def _query_words(text: str) -> list[str]:
    words = words_of(text.casefold())
    return [w for w in words if w not in _STOPWORDS] or words


def _word_matches(word: str, query_words: list[str]) -> bool:
    folded = word.casefold()
    for query_word in query_words:
        stem = query_word[: max(3, min(len(query_word) - 1, 6))] if len(query_word) > 3 else query_word
        if folded.startswith(stem):
            return True
    return False


def highlight(text: str, query_words: list[str], width: int = 40) -> str:
    """The claim with query words in ``**bold**`` (same prefixes the search uses),
    cut to the ``width`` words around the most matches when it is longer."""
    tokens = re.split(r"(\w+)", text)
    words = [i for i in range(1, len(tokens), 2)]
    hits = [i for i in words if _word_matches(tokens[i], query_words)]
    for i in hits:
        tokens[i] = f"**{tokens[i]}**"
    if len(words) <= width:
        return "".join(tokens)
    best_start, best_count = 0, -1
    hit_set = set(hits)
    for start in range(len(words) - width + 1):
        count = sum(1 for i in words[start : start + width] if i in hit_set)
        if count > best_count:
            best_start, best_count = start, count
    first, last = words[best_start], words[min(best_start + width, len(words)) - 1]
    return ("…" if best_start else "") + "".join(tokens[first : last + 1]) + ("…" if last < words[-1] else "")


def _prefix(word: str) -> str:
    return quoted(word[:7] if len(word) > 7 else word) + ("*" if len(word) >= 3 else "")


def fts_tiers(text: str, common: frozenset[str] = frozenset()) -> list[str]:
    """FTS5 queries from strict to loose, for any user text (never a syntax error).

    1. every word (stemmed by the index); 2. every word as a prefix, long words cut to
    their first seven letters ("thrombosis" finds "thromboembolism", "JAK" finds "JAKi");
    3. any word, leaving out ``common`` words (found in a large share of claims) while
    a rarer one remains: they add little to BM25 and would make every claim a match.
    Quotes, hyphens, ``AND`` and parentheses are plain words here.
    """
    words = _query_words(text)
    if not words:
        return []
    strict = " ".join(quoted(w) for w in words)
    prefixes = " ".join(_prefix(w) for w in words)
    tiers = [strict, prefixes]
    if len(words) > 1:
        rare = [w for w in words if w not in common] or words
        tiers.append(" OR ".join(_prefix(w) for w in rare))
    return tiers


#: A word in more than this share of claims (and in more than COMMON_MINIMUM of them) is
#: left out of the loose (OR) tier: in a large library it would make most claims match,
#: and ranking them all is what makes a query slow; a small library ranks everything.
COMMON_SHARE = 0.1
COMMON_MINIMUM = 2000


def _common_words(store: Store, text: str) -> frozenset[str]:
    total = store.db.execute("select max(rowid) from claims").fetchone()[0] or 0
    common = set()
    for word in _query_words(text):
        count = store.db.execute("select count(*) from claims_fts where claims_fts match ?", [_prefix(word)]).fetchone()[0]
        if count > max(COMMON_SHARE * total, COMMON_MINIMUM):
            common.add(word)
    return frozenset(common)


_AUTHOR_YEAR_QUERY = re.compile(r"\b([A-ZÀ-Þ][\w'’-]+)(?:\s+et\s+al\.?)?,?\s+((?:1[6-9]|20)\d\d)\b")


def _works_named_in(store: Store, query: str) -> list[int]:
    """Works a query names: "Beck 2020", "Beck et al., 2020", or a citation key."""
    from ..identity import fold

    found: dict[int, None] = {}
    for name, year in _AUTHOR_YEAR_QUERY.findall(query):
        for row in store.db.execute(
            "select id from works where first_author_norm = ? and year = ? and trashed_at is null order by key", [fold(name), int(year)]
        ):
            found.setdefault(int(row[0]), None)
    for word in re.findall(r"[\w:.-]+", query):
        for row in store.db.execute("select id from works where key = ? and trashed_at is null", [word.strip(".:")]):
            found.setdefault(int(row[0]), None)
    return list(found)


def _merge_same_claims(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One result per statement: the same text citing the same works in several
    manuscripts (drafts, versions) is shown once, its other places in ``also_in``."""
    kept: dict[tuple[str, tuple[str, ...]], dict[str, Any]] = {}
    for row in claims:
        identity = (row["text"], tuple(s.get("key") or s["target"] for s in row["sources"]))
        if identity in kept:
            kept[identity]["also_in"].append({"document": row["document"], "line": row["line"]})
        else:
            row["also_in"] = []
            kept[identity] = row
    return list(kept.values())


def search_claims(store: Store, query: str, limit: int = 20) -> dict[str, Any]:
    """Claims and works matching ``query``, best first (BM25), with highlighted snippets.

    A claim's score is its own BM25 plus a share of the best score among the works it
    cites (so a claim whose sources are about the query ranks above one that only
    mentions it); stricter query tiers always rank first. Returns ``claims`` (each with
    its ``sources``) and ``works`` (matching titles/abstracts, with how often cited).
    """
    tiers = fts_tiers(query)
    claim_hits: dict[int, tuple[int, float, str]] = {}
    work_hits: dict[int, tuple[int, float]] = {}
    # "where do I cite Beck 2020?": works named by author and year or by key come first,
    # with every claim that cites them
    for rank, work_id in enumerate(_works_named_in(store, query)):
        work_hits[work_id] = (-1, float(rank))
        for row in store.db.execute("select distinct claim_id from citations where work_id = ? order by claim_id", [work_id]):
            claim_hits.setdefault(row[0], (-1, float(rank), ""))
    wanted = 2 * limit  # room for the same claim found in several manuscripts
    for tier in range(len(tiers)):
        if len(claim_hits) >= wanted and len(work_hits) >= limit:
            break
        fts = tiers[tier] if tier < 2 else fts_tiers(query, _common_words(store, query))[tier]
        if len(work_hits) < limit:
            for row in store.db.execute(
                "select rowid, bm25(works_text_fts, 1.0, 0.4) from works_text_fts where works_text_fts match ? "
                "order by bm25(works_text_fts, 1.0, 0.4) limit ?",
                [fts, limit * 5],
            ):
                work_hits.setdefault(row[0], (tier, row[1]))
        if len(claim_hits) < wanted:
            # Snippets are made later, for the claims shown only: making one per match
            # before the sort would cost as much as the ranking itself.
            for row in store.db.execute(
                "select rowid, bm25(claims_fts) from claims_fts where claims_fts match ? order by bm25(claims_fts) limit ?",
                [fts, wanted],
            ):
                claim_hits.setdefault(row[0], (tier, row[1], fts))
    claim_ids = list(claim_hits)
    sources = _sources_of_claims(store, claim_ids)
    work_score_by_key: dict[str, float] = {}
    if work_hits:
        for work_id, key in rows_in(store, "select id, key from works where id in ({ids})", list(work_hits)):
            tier, score = work_hits[work_id]
            work_score_by_key[key] = score if tier == 0 else score * 0.5
    claims = []
    if claim_ids:
        rows = {row["id"]: row for row in dicts_in(store, _CLAIM_SELECT + " where claims.id in ({ids})", claim_ids)}
        for claim_id, (tier, score, tier_query) in claim_hits.items():
            row = rows[claim_id]
            row["sources"] = sources[claim_id]
            boost = min((work_score_by_key.get(s.get("key", ""), 0.0) for s in row["sources"]), default=0.0)
            row["score"] = round(score + 0.5 * boost, 4)
            row["tier"] = tier
            row["tier_query"] = tier_query
            claims.append(row)
    claims.sort(key=lambda r: (r["tier"], r["score"], r["document"], r["ordinal"]))
    claims = _merge_same_claims(claims)[:limit]
    words = _query_words(query)
    for row in claims:
        row.pop("tier_query")
        row["snippet"] = highlight(row["text"], words)
    works = []
    if work_hits:
        ranked = sorted(work_hits.items(), key=lambda item: item[1])[:limit]
        ids = [work_id for work_id, _ in ranked]
        found = {
            row["id"]: dict(row)
            for row in dicts_in(
                store,
                "select works.id, works.key, works.year, works.title, works.doi, works.status, works.csl, "
                "(select count(*) from citations where citations.work_id = works.id) as cited "
                "from works where works.id in ({ids}) and works.trashed_at is null",
                ids,
            )
        }
        for work_id in ids:
            if work_id not in found:  # in the trash
                continue
            row = found[work_id]
            works.append({**_source_of(dict(row)), "cited": row["cited"]})
    return {"query": query, "fts": tiers[0] if tiers else "", "claims": claims, "works": works}


#: The name ``export --cited-in`` and ``format --cited-in`` look up.
cited_work_ids = cited_work_ids_in_order
