"""A pretrained static sentence embedding that ships inside a Python package (no download).

WordLlama's ``l2_supercat`` model (MIT licence, the ``wordllama`` package on PyPI) is a
table of 256-dimensional token vectors, distilled from the input embeddings of several
large language models and trained on sentence pairs for similarity and retrieval; a text's
vector is the mean of its tokens' vectors. Unlike the latent vectors of :mod:`.dense`, it
was learned from far more text than one library holds, so it can know that two words mean
the same thing although no abstract of the library uses both.

Only the two files the package ships are read (the safetensors weights and the tokenizer's
JSON), with ``safetensors`` and ``tokenizers``; the package itself is never imported, as its
loader would try to fetch a missing file from the network. Without the package installed,
:func:`load` returns ``None`` and callers go without.
"""

from __future__ import annotations

import importlib.util
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .index import Doc
from .text import sentences

__all__ = ["MODEL", "PRETRAINED_SENTENCE", "PRETRAINED_WHOLE", "PretrainedIndex", "StaticEncoder", "index_version", "load"]

#: The package and the two files of it that are read.
PACKAGE = "wordllama"
WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
#: The model's name, part of the name vectors are kept under.
MODEL = "wordllama-l2_supercat-256"
#: How much the statement's pretrained cosine with a work (title and abstract) and with its
#: best sentence count in ``suggest``'s reordering of the best 100 (beside the lexical score
#: over the best one's and the latent cosine; derived by ``scripts/suggest_pretrained.py``).
PRETRAINED_WHOLE = 0.5
PRETRAINED_SENTENCE = 1.0
#: Texts tokenized at once.
BATCH = 256


def _package_dir() -> Path | None:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


class StaticEncoder:
    """Mean of token vectors, unit length."""

    def __init__(self, table: np.ndarray, tokenizer: object) -> None:
        self.table = np.ascontiguousarray(table, dtype=np.float32)
        self.tokenizer = tokenizer

    @property
    def dimensions(self) -> int:
        return int(self.table.shape[1])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors (float32, one row a text; zeros for a text with no token)."""
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for start in range(0, len(texts), BATCH):
            chunk = [t or "" for t in texts[start : start + BATCH]]
            encoded = self.tokenizer.encode_batch(chunk, add_special_tokens=False)  # type: ignore[attr-defined]
            for n, item in enumerate(encoded):
                ids = np.clip(np.asarray(item.ids, dtype=np.int64), 0, len(self.table) - 1)
                if len(ids):
                    out[start + n] = self.table[ids].mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms > 0, norms, 1.0)


def load() -> StaticEncoder | None:
    """The encoder from the installed package's files, or ``None`` when it is not installed."""
    folder = _package_dir()
    if folder is None or not (folder / WEIGHTS).is_file() or not (folder / TOKENIZER).is_file():
        return None
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    tensors = load_file(str(folder / WEIGHTS))
    table = tensors.get("embedding.weight", next(iter(tensors.values())))
    tokenizer = Tokenizer.from_file(str(folder / TOKENIZER))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return StaticEncoder(table, tokenizer)


def index_version() -> str:
    """The name a library keeps these vectors under (the model and how texts are cut)."""
    return f"pretrained-v1-{MODEL}"


@dataclass(slots=True)
class PretrainedIndex:
    """Each work's vector (title and abstract) and its sentences' (the title counts as one)."""

    doc_vectors: np.ndarray
    sentence_vectors: np.ndarray
    #: Rows of ``sentence_vectors`` of work n: ``starts[n]`` to ``starts[n + 1]``.
    starts: np.ndarray

    @classmethod
    def build(cls, encoder: StaticEncoder, docs: Sequence[Doc]) -> PretrainedIndex:
        whole = encoder.encode([f"{d.title} {d.abstract}".strip() for d in docs])
        parts = [([d.title] if d.title else []) + sentences(d.abstract) for d in docs]
        starts = np.concatenate(([0], np.cumsum([len(p) for p in parts]))).astype(np.int64)
        pieces = encoder.encode([s for p in parts for s in p])
        return cls(whole.astype(np.float16), pieces.astype(np.float16), starts)

    def cosines(self, vector: np.ndarray, documents: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Cosine of a statement's vector with each of ``documents`` whole, and with its best sentence."""
        whole = self.doc_vectors[documents].astype(np.float32) @ vector
        best = np.zeros(len(documents), dtype=np.float32)
        if not len(documents):
            return whole, best
        rows = [np.arange(self.starts[n], self.starts[n + 1]) for n in documents]
        counts = np.array([len(r) for r in rows])
        if counts.sum():
            flat = np.concatenate(rows)
            values = self.sentence_vectors[flat].astype(np.float32) @ vector
            owners = np.repeat(np.arange(len(documents)), counts)
            best[:] = -1.0
            np.maximum.at(best, owners, values)
            best[counts == 0] = 0.0
        return whole, best

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        np.savez(buffer, doc_vectors=self.doc_vectors, sentence_vectors=self.sentence_vectors, starts=self.starts)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> PretrainedIndex:
        arrays = np.load(io.BytesIO(data), allow_pickle=False)
        return cls(arrays["doc_vectors"], arrays["sentence_vectors"], arrays["starts"])
