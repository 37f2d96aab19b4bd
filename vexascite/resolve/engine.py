"""The resolution pipeline: identifiers verified and found for many references at once.

Stages, each one batch of requests (services run side by side within a stage):
  1. PMCIDs -> PMID/DOI (PMC ID converter)
  2. references without identifiers -> PMID candidates (ECitMatch, one request per
     ~60 citations)
  3. PMIDs given or found -> PubMed records (ESummary, 200 per request), side by side
     with their abstracts and MeSH headings (EFetch XML, 200 per request); candidates
     validated against the reference (:mod:`.match`)
  4. references still unmatched -> Crossref ``query.bibliographic`` candidates, validated
  5. DOIs -> Crossref records (``filter=doi:``, 50 per request) and, side by side,
     DOI -> PMID (ESearch of OR-ed DOIs)
  6. DOIs Crossref does not hold -> doi.org content negotiation (DataCite, mEDRA);
     PMIDs found in 5 -> PubMed records, then their abstracts (EFetch)
Nothing here touches the library: the caller passes a cache and receives
:class:`Outcome` values to store (see :func:`vexascite.api.resolve_works`).
"""

from __future__ import annotations

import re
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..batches import chunked
from ..config import Settings
from ..ids import normalize_doi, normalize_pmcid, normalize_pmid
from ..model import Work, WorkStatus
from . import crossref, doiorg, pubmed, services
from .http import Cache, Failure, HttpClient, HttpRequest, HttpResponse
from .match import Candidate, Decision, Query, choose, judge, words
from .ratelimit import SharedSchedule, default_rate_file

CHUNK = 1000
#: "12. ", "[12] ", "12) " before a reference: its place in a list, not part of it
_LIST_LABEL = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)])\s+")


@dataclass(slots=True)
class Item:
    """One reference to resolve: its key, what is known (CSL) and its verbatim string."""

    key: str
    csl: Work
    raw: str | None = None


@dataclass(slots=True)
class Outcome:
    """What resolution established for one reference."""

    key: str
    status: WorkStatus = WorkStatus.UNRESOLVED
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    #: source ("crossref", "pubmed", "doi.org", "pmc") -> (CSL, payload id)
    records: dict[str, tuple[Work, int | None]] = field(default_factory=dict)
    candidates: list[Candidate] = field(default_factory=list)
    #: the best rejected candidate, when nothing was accepted or held for review
    nearest: Candidate | None = None
    score: float | None = None
    reason: str = ""
    matched_by: str | None = None
    failures: list[str] = field(default_factory=list)
    offline: bool = False
    # bookkeeping while the pipeline runs
    searched: bool = False
    emitted: bool = False
    given: set[str] = field(default_factory=set)
    not_found: set[str] = field(default_factory=set)
    query: Query | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "status": str(self.status),
            "doi": self.doi,
            "pmid": self.pmid,
            "pmcid": self.pmcid,
            "score": self.score,
            "matched_by": self.matched_by,
            "reason": self.reason,
            "sources": sorted(self.records),
            "candidates": [
                {"source": c.source, "doi": c.csl.get("DOI"), "pmid": c.csl.get("PMID"), "title": c.csl.get("title"),
                 "score": c.verdict.score if c.verdict else None, "reason": c.verdict.reason if c.verdict else None}
                for c in self.candidates
            ],
        }


@dataclass(slots=True)
class ResolveReport:
    """Counts of one run: outcomes, and requests sent per service (retries included)."""

    found: int = 0
    not_found: int = 0
    review: int = 0
    failed: int = 0
    unchanged: int = 0
    skipped: int = 0
    requests: Counter[str] = field(default_factory=Counter)
    cache_hits: Counter[str] = field(default_factory=Counter)
    retries: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    outcomes: list[Outcome] = field(default_factory=list)
    #: (old key, new key): works added by identifier, keyed from their metadata once found
    rekeyed: list[tuple[str, str]] = field(default_factory=list)
    #: (merged key, kept key): works that resolved to a DOI or PMID another work has
    merged: list[tuple[str, str]] = field(default_factory=list)
    #: service -> why it could not be reached at all in this run (no network, bad host)
    unreachable: dict[str, str] = field(default_factory=dict)
    #: works whose records of another article than the identifiers the user states were
    #: set aside when saved: ``{"key", "sources": {source: why}, "fields": [dropped]}``
    set_aside: list[dict[str, Any]] = field(default_factory=list)

    def count(self, outcome: Outcome) -> None:
        if outcome.offline and outcome.status == WorkStatus.UNRESOLVED:
            self.unchanged += 1
        elif outcome.status == WorkStatus.RESOLVED:
            self.found += 1
        elif outcome.status == WorkStatus.NOT_FOUND:
            self.not_found += 1
        elif outcome.status == WorkStatus.REVIEW:
            self.review += 1
        elif outcome.status == WorkStatus.FAILED:
            self.failed += 1
        else:
            self.unchanged += 1

    @property
    def total_requests(self) -> int:
        return sum(self.requests.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "found": self.found, "not_found": self.not_found, "review": self.review, "failed": self.failed,
            "unchanged": self.unchanged, "skipped": self.skipped,
            "requests": dict(self.requests), "cache_hits": dict(self.cache_hits), "retries": dict(self.retries),
            "seconds": round(self.seconds, 2),
            "unreachable": dict(self.unreachable),
            "rekeyed": [{"from": a, "to": b} for a, b in self.rekeyed],
            "merged": [{"merged": a, "into": b} for a, b in self.merged],
            "set_aside": self.set_aside,
        }


Progress = Callable[[Outcome, ResolveReport], None]


def shared_schedule(settings: Settings) -> SharedSchedule | None:
    """Where this machine's processes share rate limits (see :class:`SharedSchedule`)."""
    if settings.rate_file.strip().lower() == "off":
        return None
    return SharedSchedule(settings.rate_file or default_rate_file())


class Resolver:
    """Resolves items against Crossref, NCBI and doi.org (see module docstring)."""

    def __init__(
        self,
        settings: Settings,
        cache: Cache | None = None,
        *,
        refresh: bool = False,
        max_attempts: int | None = None,
        backoff: float | None = None,
        lane_rates: dict[str, float] | None = None,
    ) -> None:
        """``lane_rates`` overrides requests/s per lane (only for local fakes in benchmarks)."""
        self.settings = settings
        self.clients = services.clients(settings)
        self.crossref: crossref.CrossrefApi = self.clients["crossref"]
        self.ncbi: pubmed.NcbiApi = self.clients["ncbi"]
        self.doiorg: doiorg.DoiOrgApi = self.clients["doi.org"]
        limits = {name: client.limits() for name, client in self.clients.items()}
        for spec in limits.values():
            for lane in spec.lanes:
                if lane_rates and lane in lane_rates:
                    spec.lanes[lane] = lane_rates[lane]
                    spec.announced_lane = None
        self.http = HttpClient(
            limits,
            cache,
            timeout=settings.timeout,
            offline=settings.offline,
            refresh=refresh,
            max_attempts=max_attempts,
            backoff=backoff,
            shared=shared_schedule(settings),
        )
        self._emit: Callable[[Outcome], None] = lambda outcome: None

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Resolver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- driving ---------------------------------------------------------------------------
    def run(self, items: Iterable[Item], on_done: Progress | None = None) -> ResolveReport:
        report = ResolveReport()
        started = time.monotonic()
        chunk: list[Item] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= CHUNK:
                self._run_chunk(chunk, report, on_done)
                chunk = []
        if chunk:
            self._run_chunk(chunk, report, on_done)
        report.requests = Counter(self.http.requests)
        report.cache_hits = Counter(self.http.cache_hits)
        report.retries = Counter(self.http.retries)
        report.unreachable = dict(self.http.unreachable)
        report.seconds = time.monotonic() - started
        return report

    def _run_chunk(self, items: list[Item], report: ResolveReport, on_done: Progress | None) -> None:
        outcomes = [self._start(item) for item in items]

        def emit(outcome: Outcome) -> None:
            if outcome.emitted:
                return
            outcome.emitted = True
            self._finish(outcome)
            report.count(outcome)
            report.outcomes.append(outcome)
            report.requests = Counter(self.http.requests)
            if on_done:
                on_done(outcome, report)

        self._emit = emit
        self._stage_idconv(outcomes)
        self._stage_citmatch(outcomes)
        self._stage_summaries(outcomes)
        self._stage_search(outcomes)
        self._stage_links(outcomes, emit)

    # -- stages ----------------------------------------------------------------------------
    def _start(self, item: Item) -> Outcome:
        csl = item.csl
        outcome = Outcome(
            item.key,
            doi=normalize_doi(csl.get("DOI")),
            pmid=normalize_pmid(csl.get("PMID")),
            pmcid=normalize_pmcid(csl.get("PMCID")),
        )
        outcome.given = {k for k in ("doi", "pmid", "pmcid") if getattr(outcome, k)}
        if item.raw or csl.get("title"):
            outcome.query = Query.of(csl, _LIST_LABEL.sub("", item.raw) if item.raw else None)
        return outcome

    def _fetch(self, planned: list[tuple[HttpRequest, list[Outcome]]]) -> list[HttpResponse | None]:
        """Run requests; a failure is written on every outcome it concerns."""
        answers = self.http.fetch_all([request for request, _ in planned])
        out: list[HttpResponse | None] = []
        for (_, concerned), answer in zip(planned, answers, strict=True):
            if isinstance(answer, Failure):
                for outcome in concerned:
                    outcome.failures.append(answer.reason)
                    outcome.offline = outcome.offline or answer.kind == "offline"
                out.append(None)
            else:
                out.append(answer)
        return out

    def _stage_idconv(self, outcomes: list[Outcome]) -> None:
        wanted = [o for o in outcomes if o.pmcid and not (o.pmid and o.doi)]
        planned = []
        for group in chunked(wanted, pubmed.IDCONV_BATCH):
            planned.append((self.ncbi.idconv(sorted({o.pmcid for o in group if o.pmcid})), group))
        for (_, group), answer in zip(planned, self._fetch(planned), strict=True):
            if answer is None or answer.status != 200:
                continue
            by_pmcid = {normalize_pmcid(r.get("pmcid")): r for r in pubmed.parse_idconv(_json(answer))}
            for outcome in group:
                record = by_pmcid.get(outcome.pmcid)
                if record is None:
                    outcome.not_found.add("pmc")
                    continue
                pmid = normalize_pmid(str(record.get("pmid") or ""))
                doi = normalize_doi(record.get("doi"))
                outcome.pmid = outcome.pmid or pmid
                outcome.doi = outcome.doi or doi
                csl: Work = {"PMCID": outcome.pmcid, **({"PMID": pmid} if pmid else {}), **({"DOI": doi} if doi else {})}
                outcome.records["pmc"] = (csl, answer.payload_id)

    def _stage_citmatch(self, outcomes: list[Outcome]) -> None:
        """ECitMatch for journal citations; side by side, Crossref searches for the rest
        (references ECitMatch cannot take), so the two services work at the same time."""
        lines: list[str] = []
        by_key: dict[str, Outcome] = {}
        search_now: list[Outcome] = []
        for index, outcome in enumerate(outcomes):
            if outcome.given or outcome.query is None:
                continue
            line = _citation_line(outcome.query, f"r{index}")
            if line:
                lines.append(line)
                by_key[f"r{index}"] = outcome
            elif outcome.query.searchable:
                search_now.append(outcome)
        planned = [
            (self.ncbi.citmatch(batch), [by_key[line.split("|")[5]] for line in batch])
            for batch in self.ncbi.citmatch_batches(lines)
        ]
        citmatch_count = len(planned)
        planned += [(self.crossref.search(_search_text(o)), [o]) for o in search_now]
        answers = self._fetch(planned)
        for answer in answers[:citmatch_count]:
            if answer is None or answer.status != 200:
                continue
            for key, pmid in pubmed.parse_citmatch(answer.text).items():
                cited = by_key.get(key)
                if cited is not None and pmid:
                    cited.candidates.append(Candidate("pubmed", {"PMID": pmid}, answer.payload_id))
        for outcome, answer in zip(search_now, answers[citmatch_count:], strict=True):
            self._take_search(outcome, answer)

    def _stage_summaries(self, outcomes: list[Outcome]) -> None:
        want: dict[str, list[Outcome]] = {}
        for outcome in outcomes:
            if outcome.pmid and "pubmed" not in outcome.records:
                want.setdefault(outcome.pmid, []).append(outcome)
            for candidate in outcome.candidates:
                if candidate.source == "pubmed" and "title" not in candidate.csl:
                    want.setdefault(candidate.csl["PMID"], []).append(outcome)
        summaries = self._summaries(want)
        for outcome in outcomes:
            if outcome.pmid and "pubmed" not in outcome.records:
                found = summaries.get(outcome.pmid)
                if found:
                    csl, payload_id = found
                    outcome.records["pubmed"] = (csl, payload_id)
                    outcome.doi = outcome.doi or csl.get("DOI")
                    outcome.pmcid = outcome.pmcid or csl.get("PMCID")
                elif outcome.pmid in summaries.missing:  # type: ignore[attr-defined]
                    outcome.not_found.add("pubmed")
            pending = [c for c in outcome.candidates if c.source == "pubmed" and "title" not in c.csl]
            if pending and outcome.query is not None:
                outcome.candidates = [c for c in outcome.candidates if c not in pending]
                for candidate in pending:
                    found = summaries.get(candidate.csl["PMID"])
                    if found:
                        outcome.candidates.append(Candidate("pubmed", found[0], found[1]))
                choice = choose(outcome.query, outcome.candidates)
                if choice.accepted is not None:
                    self._accept(outcome, choice.accepted, choice.score, choice.reason, "ecitmatch")
                else:
                    outcome.candidates, outcome.nearest = choice.review, choice.nearest
                    outcome.score, outcome.reason = choice.score, choice.reason

    def _summaries(self, want: dict[str, list[Outcome]]) -> _Found:
        found = _Found()
        pmids = sorted(want, key=int)
        planned = []
        fetches = []
        for group in chunked(pmids, pubmed.SUMMARY_BATCH):
            concerned = list({id(o): o for p in group for o in want[p]}.values())
            planned.append((self.ncbi.summaries(group), concerned, group))
        for group in chunked(pmids, pubmed.FETCH_BATCH):
            concerned = list({id(o): o for p in group for o in want[p]}.values())
            fetches.append((self.ncbi.abstracts(group), concerned))
        answers = self._fetch([(request, concerned) for request, concerned, _ in planned] + fetches)
        fetched: dict[str, Work] = {}
        for answer in answers[len(planned) :]:
            if answer is not None and answer.status == 200:
                fetched.update(pubmed.parse_efetch(answer.body))
        for (_, _, group), answer in zip(planned, answers[: len(planned)], strict=True):
            if answer is None or answer.status != 200:
                continue
            docs = pubmed.parse_summaries(_json(answer))
            for pmid in group:
                if pmid in docs:
                    found[pmid] = (pubmed.add_fetched(pubmed.summary_to_csl(docs[pmid]), fetched.get(pmid)), answer.payload_id)
                else:
                    found.missing.add(pmid)
        return found

    def _stage_search(self, outcomes: list[Outcome]) -> None:
        todo = [
            o for o in outcomes
            if not o.given and o.matched_by is None and not o.searched and o.query is not None and o.query.searchable
        ]
        requests = [self.crossref.search(_search_text(o)) for o in todo]
        for index, answer in self.http.iter_fetch(requests):
            outcome = todo[index]
            if isinstance(answer, Failure):
                outcome.failures.append(answer.reason)
                outcome.offline = outcome.offline or answer.kind == "offline"
                self._take_search(outcome, None)
            else:
                self._take_search(outcome, answer)

    def _take_search(self, outcome: Outcome, answer: HttpResponse | None) -> None:
        outcome.searched = True
        if answer is not None and answer.status == 200:
            for item in crossref.list_items(_json(answer)):
                outcome.candidates.append(Candidate("crossref", crossref.to_csl(item), answer.payload_id))
        if outcome.query is not None:
            choice = choose(outcome.query, outcome.candidates)
            if choice.accepted is not None:
                self._accept(outcome, choice.accepted, choice.score, choice.reason, "crossref-search")
            else:
                outcome.candidates, outcome.nearest = choice.review, choice.nearest
                outcome.score = choice.score
                outcome.reason = choice.reason
        if outcome.matched_by is None and not outcome.doi:
            self._emit(outcome)  # nothing more will be asked for it: save it now

    def _accept(self, outcome: Outcome, candidate: Candidate, score: float, reason: str, how: str) -> None:
        outcome.nearest = None
        outcome.records[candidate.source] = (candidate.csl, candidate.payload_id)
        outcome.doi = outcome.doi or candidate.csl.get("DOI")
        outcome.pmid = outcome.pmid or normalize_pmid(candidate.csl.get("PMID"))
        outcome.pmcid = outcome.pmcid or candidate.csl.get("PMCID")
        outcome.matched_by = how
        outcome.score = score
        outcome.reason = reason
        outcome.candidates = []

    def _stage_links(self, outcomes: list[Outcome], emit: Callable[[Outcome], None]) -> None:
        """DOIs -> Crossref records (batched) and DOI -> PMID (ESearch, then ESummary);
        DOIs Crossref does not hold -> doi.org. Answers are handled as they land: a
        follow-up starts at once and each reference is emitted (saved) as soon as
        nothing more is pending for it, while other requests are still on the wire."""
        by_doi: dict[str, list[Outcome]] = {}
        for outcome in outcomes:
            if outcome.doi:
                by_doi.setdefault(outcome.doi, []).append(outcome)
        waiting: dict[int, int] = {}
        flight = self.http.flight()
        ready: deque[tuple[Any, HttpResponse | Failure]] = deque()

        def concerned(dois: list[str]) -> list[Outcome]:
            return [o for d in dois for o in by_doi.get(d, [])]

        def send(request: HttpRequest, kind: str, group: list[str], extra: Any = None) -> None:
            targets = concerned(group)
            for outcome in targets:
                waiting[id(outcome)] = waiting.get(id(outcome), 0) + 1
            ready.extend(flight.add(request, (kind, group, targets, extra)))

        need_crossref = sorted({o.doi for o in outcomes if o.doi and "crossref" not in o.records})
        need_pmid = sorted({o.doi for o in outcomes if o.doi and not o.pmid})
        groups, alone = crossref.batches(need_crossref)
        for group in groups:
            send(self.crossref.works_by_doi(group), "crossref", group)
        for doi in alone:
            send(self.crossref.work(doi), "crossref-single", [doi])
        for group in chunked(need_pmid, pubmed.DOI_SEARCH_BATCH):
            send(self.ncbi.pmids_for_dois(group), "esearch", group)
        for outcome in outcomes:
            if not waiting.get(id(outcome)):
                emit(outcome)  # nothing to link (or done earlier)
        while ready or flight:
            if not ready:
                ready.extend(flight.next())
                continue
            (kind, group, targets, extra), answer = ready.popleft()
            if isinstance(answer, Failure):
                for outcome in targets:
                    outcome.failures.append(answer.reason)
                    outcome.offline = outcome.offline or answer.kind == "offline"
            else:
                self._take_link_answer(kind, group, answer, by_doi, extra, send)
            for outcome in targets:
                waiting[id(outcome)] -= 1
                if waiting[id(outcome)] == 0:
                    emit(outcome)

    def _take_link_answer(
        self, kind: str, group: list[str], answer: HttpResponse, by_doi: dict[str, list[Outcome]], extra: Any,
        send: Callable[..., None],
    ) -> None:
        if kind == "crossref" and answer.status != 200 and len(group) > 1:
            # the list request was refused: ask for each DOI by path instead
            for doi in group:
                send(self.crossref.work(doi), "crossref-single", [doi])
        elif kind in ("crossref", "crossref-single"):
            if kind == "crossref":
                found = crossref.list_items(_json(answer)) if answer.status == 200 else []
            else:
                single = crossref.single_item(_json(answer)) if answer.status == 200 else None
                found = [single] if single else []
            items = {normalize_doi(i.get("DOI")): i for i in found}
            for doi in group:
                if doi in items:
                    for outcome in by_doi.get(doi, []):
                        outcome.records["crossref"] = (crossref.to_csl(items[doi]), answer.payload_id)
                elif answer.status in (200, 404, 400):
                    for outcome in by_doi.get(doi, []):
                        outcome.not_found.add("crossref")
                    send(self.doiorg.csl(doi), "doi.org", [doi])
        elif kind == "esearch":
            pmids = pubmed.parse_esearch_ids(_json(answer)) if answer.status == 200 else []
            for part in chunked(pmids, pubmed.SUMMARY_BATCH):
                send(self.ncbi.summaries(sorted(part, key=int)), "esummary-doi", group)
        elif kind == "doi.org":
            csl = doiorg.to_csl(_json(answer)) if answer.status == 200 else None
            for outcome in by_doi.get(group[0], []):
                if csl:
                    outcome.records["doi.org"] = (csl, answer.payload_id)
                elif answer.status in (404, 400):
                    outcome.not_found.add("doi.org")
        elif kind == "esummary-doi" and answer.status == 200:
            taken = []
            for pmid, doc in pubmed.parse_summaries(_json(answer)).items():
                csl = pubmed.summary_to_csl(doc)
                for outcome in by_doi.get(csl.get("DOI") or "", []):
                    if not outcome.pmid:
                        outcome.pmid = pmid
                        outcome.pmcid = outcome.pmcid or csl.get("PMCID")
                        outcome.records["pubmed"] = (csl, answer.payload_id)
                        taken.append(pmid)
            if taken:
                send(self.ncbi.abstracts(sorted(set(taken), key=int)), "efetch-doi", group)
        elif kind == "efetch-doi" and answer.status == 200:
            fetched = pubmed.parse_efetch(answer.body)
            for doi in group:
                for outcome in by_doi.get(doi, []):
                    record = outcome.records.get("pubmed")
                    if record and outcome.pmid in fetched:
                        outcome.records["pubmed"] = (pubmed.add_fetched(record[0], fetched[outcome.pmid]), record[1])

    # -- verdict ---------------------------------------------------------------------------
    def _finish(self, outcome: Outcome) -> None:
        failures = "; ".join(dict.fromkeys(outcome.failures))
        if outcome.given:
            verified = bool(outcome.records)
            if verified:
                outcome.status = WorkStatus.RESOLVED
                outcome.matched_by = outcome.matched_by or "identifier"
                self._check_given_doi(outcome)
                notes = [f"not found in {s}" for s in sorted(outcome.not_found)]
                if failures:
                    notes.append(f"partly checked: {failures}")
                outcome.reason = "; ".join(notes) or "identifier verified"
            elif failures:
                outcome.status = WorkStatus.UNRESOLVED if outcome.offline else WorkStatus.FAILED
                outcome.reason = failures
            else:
                outcome.status = WorkStatus.NOT_FOUND
                kinds = "/".join(sorted(outcome.given))
                outcome.reason = f"{kinds} unknown to {', '.join(sorted(outcome.not_found)) or 'the services'}"
            return
        if outcome.matched_by:
            outcome.status = WorkStatus.RESOLVED
            if failures:
                outcome.reason += f"; partly checked: {failures}"
        elif outcome.candidates:
            outcome.status = WorkStatus.REVIEW
        elif failures:
            outcome.status = WorkStatus.UNRESOLVED if outcome.offline else WorkStatus.FAILED
            outcome.reason = failures
        elif outcome.query is None or not outcome.query.searchable:
            outcome.status = WorkStatus.NOT_FOUND
            outcome.reason = "no identifier, title or reference text to search with"
        else:
            outcome.status = WorkStatus.NOT_FOUND
            outcome.reason = outcome.reason or "no candidate found"

    def _check_given_doi(self, outcome: Outcome) -> None:
        """A DOI copied wrongly points at another work: hold it for review, do not apply it."""
        if "doi" not in outcome.given or outcome.query is None or not outcome.query.title:
            return
        record = (outcome.records.get("crossref") or outcome.records.get("doi.org") or (None, None))[0]
        if not record or not record.get("title"):
            return
        verdict = judge(outcome.query, record)
        if verdict.decision == Decision.REJECT and float(verdict.checks.get("title", "1")) < 0.5 and verdict.checks.get("author") != "ok":
            source = "crossref" if "crossref" in outcome.records else "doi.org"
            csl, payload_id = outcome.records.pop(source)
            outcome.candidates = [Candidate(source, csl, payload_id, verdict)]
            outcome.status = WorkStatus.REVIEW
            outcome.matched_by = None


class _Found(dict[str, tuple[Work, int | None]]):
    def __init__(self) -> None:
        super().__init__()
        self.missing: set[str] = set()


def _json(answer: HttpResponse) -> Any:
    try:
        return answer.json()
    except ValueError:
        return None


def _citation_line(query: Query, key: str) -> str | None:
    """An ECitMatch citation from what was parsed, or None when too little is known."""
    if not (query.journal and query.volume and query.page):
        return None
    csl = query.csl
    journal = csl.get("container-title-short") or csl.get("container-title")
    if isinstance(journal, list):
        journal = journal[0] if journal else None
    if not journal:
        from .match import vancouver_fields

        journal = vancouver_fields(query.raw or "").get("journal")
    if not journal:
        return None
    author = ""
    people = csl.get("author") or []
    if people:
        family = people[0].get("family") or people[0].get("literal") or ""
        given = people[0].get("given") or ""
        initials = "".join(part[0] for part in given.replace(".", " ").replace("-", " ").split() if part)
        author = f"{family} {initials}".strip()
    year = str(query.year or "")
    line = pubmed.citation_line(str(journal), year, str(csl.get("volume") or query.volume), query.page, author, key)
    # no real citation is this long (a hostile file's journal of megabytes): searched instead,
    # by its fields cut to length, where it went whole into a URL no HTTP client sends
    return line if len(line) <= SEARCH_CHARS else None


#: Characters of a reference (or of one of its fields) a bibliographic search sends.
SEARCH_CHARS = 600


def _search_text(outcome: Outcome) -> str:
    """What goes into ``query.bibliographic``: the reference as written, else its fields
    (each cut, as the reference is: a hostile file's title of megabytes made a URL no
    HTTP client sends)."""
    query = outcome.query
    assert query is not None
    if query.raw:
        from .match import dehyphenate

        return dehyphenate(query.raw)[:SEARCH_CHARS]
    csl = query.csl
    parts = [
        "; ".join(p.get("family") or p.get("literal") or "" for p in (csl.get("author") or [])[:3])[:SEARCH_CHARS],
        (csl.get("title") or "")[:SEARCH_CHARS],
        str(csl.get("container-title") or "")[:SEARCH_CHARS],
        str(query.year or ""),
        str(csl.get("volume") or "")[:SEARCH_CHARS],
        str(csl.get("page") or "")[:SEARCH_CHARS],
    ]
    return words(" ".join(parts)) if not any(parts) else " ".join(p for p in parts if p)
