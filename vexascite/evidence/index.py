"""A field-weighted BM25 (BM25F) index over works' titles, abstracts and subject terms.

Our own small implementation on numpy rather than bm25s: BM25F needs each term's
frequencies from all fields combined *before* saturation (bm25s scores one text per
document), and the whole index must round-trip through one byte string so the library
can keep it between runs. Scores are computed eagerly at build time (one float per
term and document), so a query costs one vector add per distinct query term.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..documents.abbreviations import find_abbreviations
from .text import expand_abbreviations, terms

__all__ = ["FIELD_WEIGHTS", "Doc", "LexicalIndex", "pack_arrays", "unpack_arrays"]

#: How much one occurrence in each field counts against one in the abstract. A title
#: word or subject heading states what the work is about; an abstract word may be aside.
FIELD_WEIGHTS: dict[str, float] = {"title": 2.0, "abstract": 1.0, "subjects": 1.5}
#: Anserini's default BM25 constants (the usual choice for short queries over abstracts;
#: taken as they are, not tuned on any evaluation set here).
K1 = 0.9
B = 0.4


#: How a kept index's byte string begins (before it, indexes were kept as ``.npz`` files).
MAGIC = b"VXIDX1\n"
#: Alignment of each array in a kept index (a multiple of every item size).
ALIGN = 64


def pack_arrays(arrays: dict[str, np.ndarray]) -> bytes:
    """Named arrays as one byte string that :func:`unpack_arrays` reads back without
    copying them: ``MAGIC``, the length of a JSON header (name -> dtype, shape and offset
    of the array's bytes after the header), the header, then each array's bytes, aligned."""
    header: dict[str, tuple[str, list[int], int]] = {}
    parts: list[bytes] = []
    offset = 0
    for name, array in arrays.items():
        array = np.ascontiguousarray(array)
        padding = -offset % ALIGN
        parts.append(b"\0" * padding)
        offset += padding
        header[name] = (array.dtype.str, list(array.shape), offset)
        parts.append(array.tobytes())
        offset += array.nbytes
    text = json.dumps(header).encode("utf-8")
    start = len(MAGIC) + 8 + len(text)
    text += b" " * (-start % ALIGN)  # the arrays start aligned to the byte string's start
    return b"".join([MAGIC, len(text).to_bytes(8, "little"), text, *parts])


def unpack_arrays(data: bytes) -> dict[str, np.ndarray]:
    """The arrays of :func:`pack_arrays`'s byte string, as read-only views of ``data`` (loading
    a kept index then costs no copy of it); an index kept as ``.npz`` is read as before."""
    if not data.startswith(MAGIC):
        with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
            return {name: arrays[name] for name in arrays.files}
    size = int.from_bytes(data[len(MAGIC) : len(MAGIC) + 8], "little")
    start = len(MAGIC) + 8 + size
    header = json.loads(data[len(MAGIC) + 8 : start])
    out = {}
    for name, (dtype, shape, offset) in header.items():
        kind = np.dtype(dtype)
        count = int(np.prod(shape, dtype=np.int64))
        out[name] = np.frombuffer(data, dtype=kind, count=count, offset=start + offset).reshape(shape)
    return out


@dataclass(frozen=True, slots=True)
class Doc:
    """One work as the ranker sees it: plain text only."""

    key: str
    title: str = ""
    abstract: str = ""
    subjects: tuple[str, ...] = ()

    def field_texts(self) -> dict[str, str]:
        return {"title": self.title, "abstract": self.abstract, "subjects": " ; ".join(self.subjects)}


@dataclass(slots=True)
class LexicalIndex:
    """BM25F postings (term -> documents, precomputed scores) and library abbreviations."""

    keys: list[str]
    vocab: dict[str, int]
    indptr: np.ndarray
    doc_ids: np.ndarray
    weights: np.ndarray
    idf: np.ndarray
    abbreviations: dict[str, str] = field(default_factory=dict)
    _positions: dict[str, int] | None = field(default=None, repr=False, compare=False)

    # -- building ------------------------------------------------------------------
    @classmethod
    def build(cls, docs: Iterable[Doc], abbreviations: bool = True) -> LexicalIndex:
        """Index ``docs``; abbreviations defined in two or more abstracts become the
        library's dictionary for statements that use a short form without defining it
        (unless ``abbreviations`` is false)."""
        docs = list(docs)
        n = len(docs)
        per_field: dict[str, list[Counter[str]]] = {name: [] for name in FIELD_WEIGHTS}
        definitions: dict[str, Counter[str]] = {}
        for doc in docs:
            texts = doc.field_texts()
            for short, long in (find_abbreviations(texts["abstract"]) if abbreviations else {}).items():
                definitions.setdefault(short, Counter())[long.lower()] += 1
            for name, text in texts.items():
                per_field[name].append(Counter(terms(text)) if text else Counter())
        lengths = {name: np.array([sum(c.values()) for c in counters], dtype=np.float64) for name, counters in per_field.items()}
        average = {name: (float(values.mean()) if n and values.mean() > 0 else 1.0) for name, values in lengths.items()}
        vocab: dict[str, int] = {}
        combined: list[dict[int, float]] = []
        for i in range(n):
            tf: dict[int, float] = {}
            for name, weight in FIELD_WEIGHTS.items():
                counter = per_field[name][i]
                if not counter:
                    continue
                norm = weight / (1 - B + B * lengths[name][i] / average[name])
                for term, count in counter.items():
                    term_id = vocab.setdefault(term, len(vocab))
                    tf[term_id] = tf.get(term_id, 0.0) + count * norm
            combined.append(tf)
        # postings work by work, then grouped by term (a stable sort keeps each term's works in order)
        sizes = np.fromiter((len(tf) for tf in combined), dtype=np.int64, count=n)
        total = int(sizes.sum())
        posting_terms = np.fromiter((t for tf in combined for t in tf), dtype=np.int64, count=total)
        values = np.fromiter((v for tf in combined for v in tf.values()), dtype=np.float64, count=total)
        df = np.bincount(posting_terms, minlength=len(vocab)).astype(np.int64)
        idf = np.log1p((n - df + 0.5) / (df + 0.5))
        indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum(df)
        order = np.argsort(posting_terms, kind="stable")
        doc_ids = np.repeat(np.arange(n, dtype=np.int32), sizes)[order]
        values = values[order]
        weights = (idf[posting_terms[order]] * values * (K1 + 1) / (K1 + values)).astype(np.float32)
        known = {
            short: counts.most_common(1)[0][0] for short, counts in definitions.items() if counts.most_common(1)[0][1] >= 2
        }
        return cls([d.key for d in docs], vocab, indptr, doc_ids, weights, idf.astype(np.float32), known)

    # -- querying ------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.keys)

    def query_terms(self, text: str) -> list[str]:
        """A statement's terms, with the long forms of abbreviations it uses but does not define."""
        return terms(expand_abbreviations(text, self.abbreviations))

    def position(self, key: str) -> int | None:
        """The document number of ``key`` (``None`` when the index does not hold it)."""
        if self._positions is None:
            self._positions = {k: i for i, k in enumerate(self.keys)}
        return self._positions.get(key)

    def term_idf(self, term: str) -> float:
        term_id = self.vocab.get(term)
        return float(self.idf[term_id]) if term_id is not None else 0.0

    def scores(self, query: Sequence[str], size: int | None = None) -> np.ndarray:
        """BM25F score of every document for the query terms (repeats count once);
        ``size`` is the number of documents when the index keeps no keys."""
        total = np.zeros(len(self.keys) if size is None else size, dtype=np.float32)
        for term in dict.fromkeys(query):
            term_id = self.vocab.get(term)
            if term_id is None:
                continue
            start, end = self.indptr[term_id], self.indptr[term_id + 1]
            total[self.doc_ids[start:end]] += self.weights[start:end]
        return total

    def top(self, query: Sequence[str], k: int, scores: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The ``k`` best documents (index, score), best first; documents scoring 0 are left out.
        ``scores`` replaces the BM25F scores (e.g. combined with a later signal)."""
        scores = self.scores(query) if scores is None else scores
        k = min(k, len(scores))
        if k <= 0:
            return []
        part = np.argpartition(-scores, k - 1)[:k]
        order = part[np.argsort(-scores[part], kind="stable")]
        return [(int(i), float(scores[i])) for i in order if scores[i] > 0]

    # -- persistence ---------------------------------------------------------------
    def to_bytes(self) -> bytes:
        meta = json.dumps({"keys": self.keys, "vocab": list(self.vocab), "abbreviations": self.abbreviations})
        return pack_arrays({"indptr": self.indptr, "doc_ids": self.doc_ids, "weights": self.weights, "idf": self.idf,
                            "meta": np.frombuffer(meta.encode("utf-8"), dtype=np.uint8)})

    @classmethod
    def from_bytes(cls, data: bytes) -> LexicalIndex:
        arrays = unpack_arrays(data)
        meta = json.loads(arrays["meta"].tobytes().decode("utf-8"))
        vocab = {term: i for i, term in enumerate(meta["vocab"])}
        return cls(meta["keys"], vocab, arrays["indptr"], arrays["doc_ids"], arrays["weights"], arrays["idf"], meta["abbreviations"])
