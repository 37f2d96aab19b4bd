"""Pretrained static sentence vectors of works (WordLlama), kept small, for ``suggest``.

The latent vectors of :mod:`.dense` know only the words the library's own abstracts use
together. WordLlama's ``l2_supercat`` model (the ``wordllama`` package, MIT licence) was
learned from far more text: a table of token vectors distilled from the input embeddings
of several large language models and trained on sentence pairs, a text's vector being the
mean of its tokens'. So it can put a claim near an abstract although no abstract of the
library uses both of their words.

Nothing is fetched: only two files the package ships are read, the safetensors weights and
the tokenizer's JSON (the package's own loader looks for the tokenizer under another folder
and would download it). Works keep the first ``DIMENSIONS`` of the model's 256 dimensions
(it is trained so that a prefix of them still works) as one sign bit each, taken after the
library's mean vector is removed: ``DIMENSIONS / 8`` bytes for the work (title and abstract)
and as many for each of its sentences. A statement keeps its float vector, so a cosine is
the statement's centred unit vector against the work's unit sign vector. The weights are
derived on pseudo-claims by ``scripts/suggest_pretrained_size.py`` (see docs/evidence.md).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .index import Doc, pack_arrays, unpack_arrays
from .text import sentences

__all__ = ["SENTENCE_WEIGHT", "WHOLE_WEIGHT", "Encoder", "PretrainedIndex", "PretrainedScorer", "encoder", "index_version"]

#: The package and the two files of it that are read.
PACKAGE = "wordllama"
WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
#: Dimensions kept of the model's 256 (a prefix: Matryoshka-trained).
DIMENSIONS = 256
#: How much each cosine counts in the reordering of the best works (see ``Searcher.ranked``):
#: with the work whole (title and abstract) and with its best sentence.
WHOLE_WEIGHT = 0.25
SENTENCE_WEIGHT = 0.5
#: Texts tokenized at once.
BATCH = 512
#: Revision of how the vectors are made, for changes the settings do not name.
REVISION = 1


def index_version() -> str:
    """The name a library keeps these vectors under (every setting that shapes them is in it)."""
    return f"wordllama-l2s-v{REVISION}-d{DIMENSIONS}-bits"


class Encoder:
    """Text -> the mean of its tokens' vectors (the first ``DIMENSIONS``), float32."""

    def __init__(self, table: np.ndarray, tokenizer: Any) -> None:
        # kept as stored (float16): the rows a text uses are widened when it is encoded, which
        # gives the same float32 values without converting the whole table at every start
        self.table = np.ascontiguousarray(table[:, :DIMENSIONS])
        self.tokenizer = tokenizer

    def sums(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Each text's sum of token vectors and its number of tokens."""
        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        counts = np.zeros(len(texts), dtype=np.int64)
        # the fast call skips the tokens' character offsets, which are not needed here
        encode = getattr(self.tokenizer, "encode_batch_fast", self.tokenizer.encode_batch)
        for start in range(0, len(texts), BATCH):
            encoded = encode([t or "" for t in texts[start : start + BATCH]], add_special_tokens=False)
            lengths = np.array([len(item.ids) for item in encoded], dtype=np.int64)
            if not lengths.any():
                continue
            ids = np.clip(np.concatenate([np.asarray(item.ids, dtype=np.int64) for item in encoded]), 0, len(self.table) - 1)
            has = lengths > 0
            offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))[has]
            out[start : start + len(encoded)][has] = np.add.reduceat(self.table[ids].astype(np.float32, copy=False), offsets, axis=0)
            counts[start : start + len(encoded)] = lengths
        return out, counts

    def encode(self, text: str) -> np.ndarray:
        """One text's mean token vector (zeros for a text with no token)."""
        total, count = self.sums([text])
        return total[0] / max(1, int(count[0]))


def _package_dir() -> Path | None:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=1)
def encoder() -> Encoder | None:
    """The encoder from the installed package's files, or ``None`` when they are missing."""
    folder = _package_dir()
    if folder is None or not (folder / WEIGHTS).is_file() or not (folder / TOKENIZER).is_file():
        return None
    from safetensors.numpy import load_file  # the package (not its torch half)
    from tokenizers import Tokenizer

    tensors = load_file(str(folder / WEIGHTS))
    table = tensors.get("embedding.weight", next(iter(tensors.values())))
    tokenizer = Tokenizer.from_file(str(folder / TOKENIZER))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return Encoder(table, tokenizer)


def _unit(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    return x / np.where(norms > 0, norms, 1.0)


@dataclass(slots=True)
class PretrainedIndex:
    """Sign bits of every work's and every sentence's centred vector, and the library's mean.

    ``starts[n]:starts[n + 1]`` are work ``n``'s sentences (its title counts as one)."""

    mean: np.ndarray
    works: np.ndarray
    sentences: np.ndarray
    starts: np.ndarray

    @classmethod
    def build(cls, encoder: Encoder, docs: Sequence[Doc]) -> PretrainedIndex:
        """Encode each work's sentences; a work's vector is the mean of all its tokens."""
        parts = [([d.title] if d.title.strip() else []) + sentences(d.abstract) for d in docs]
        counts = np.array([len(p) for p in parts], dtype=np.int64)
        starts = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        totals, tokens = encoder.sums([s for p in parts for s in p])
        dims = encoder.table.shape[1]
        whole = np.zeros((len(docs), dims), dtype=np.float32)
        owners = np.repeat(np.arange(len(docs)), counts)
        np.add.at(whole, owners, totals)
        work_tokens = np.bincount(owners, weights=tokens, minlength=len(docs))
        whole /= np.maximum(work_tokens, 1)[:, None]
        sentence_vectors = totals / np.maximum(tokens, 1)[:, None]
        has = work_tokens > 0
        mean = whole[has].mean(axis=0) if has.any() else np.zeros(dims, dtype=np.float32)
        return cls(mean.astype(np.float32), _bits(whole - mean), _bits(sentence_vectors - mean), starts)

    def __len__(self) -> int:
        return len(self.starts) - 1

    def query_vector(self, encoder: Encoder, statement: str) -> np.ndarray | None:
        """A statement's centred unit vector, or ``None`` when it has no token."""
        vector = encoder.encode(statement)
        if not vector.any():
            return None
        return _unit(vector - self.mean)

    def similarity(self, vector: np.ndarray | None, documents: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Cosine of the statement with each of ``documents`` whole, and with its best sentence."""
        whole = np.zeros(len(documents), dtype=np.float32)
        best = np.zeros(len(documents), dtype=np.float32)
        if vector is None or not len(documents):
            return whole, best
        dims = len(self.mean)
        scale = np.float32(1 / np.sqrt(dims))
        whole = _signs(self.works[documents], dims) @ vector * scale
        counts = self.starts[documents + 1] - self.starts[documents]
        has = counts > 0
        whole[~has] = 0  # a work without text has only the bits of the mean taken off
        if has.any():
            # every sentence row of the works that have some, work by work
            first, runs = self.starts[documents[has]], counts[has]
            rows = np.arange(int(runs.sum())) + np.repeat(first - (np.cumsum(runs) - runs), runs)
            cosines = _signs(self.sentences[rows], dims) @ vector * scale
            best[has] = np.maximum.reduceat(cosines, np.concatenate(([0], np.cumsum(counts[has])[:-1])))
        return whole, best

    def to_bytes(self) -> bytes:
        return pack_arrays({"mean": self.mean, "works": self.works, "sentences": self.sentences, "starts": self.starts})

    @classmethod
    def from_bytes(cls, data: bytes) -> PretrainedIndex:
        arrays = unpack_arrays(data)
        return cls(arrays["mean"], arrays["works"], arrays["sentences"], arrays["starts"])


def _bits(vectors: np.ndarray) -> np.ndarray:
    """One sign bit a dimension, packed (8 dimensions a byte)."""
    return np.packbits(vectors >= 0, axis=1)


def _signs(packed: np.ndarray, dims: int) -> np.ndarray:
    """Packed sign bits as +1 / -1 (float32)."""
    return np.unpackbits(packed, axis=1, count=dims).astype(np.float32) * 2 - 1


class PretrainedScorer:
    """The pretrained cosines as a :class:`~.rank.PoolScorer`: ``whole`` times the cosine with
    the work plus ``sentence`` times that with its best sentence."""

    def __init__(self, encoder: Encoder, index: PretrainedIndex, whole: float = WHOLE_WEIGHT,
                 sentence: float = SENTENCE_WEIGHT) -> None:
        self.encoder, self.index, self.whole, self.sentence = encoder, index, whole, sentence

    def pool_scores(self, statement: str, documents: np.ndarray) -> np.ndarray:
        whole, best = self.index.similarity(self.index.query_vector(self.encoder, statement), documents)
        return np.float32(self.whole) * whole + np.float32(self.sentence) * best
