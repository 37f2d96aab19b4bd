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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .index import Doc
from .text import sentences

__all__ = ["MODEL", "Pretrained", "StaticEncoder", "index_version", "load"]

#: The package and the two files of it that are read.
PACKAGE = "wordllama"
WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
#: The model's name, part of the name vectors are kept under.
MODEL = "wordllama-l2_supercat-256"
#: Works the library's centre is taken from (all up to this many; a random sample beyond).
SAMPLE = 10_000
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
    """The name a library keeps its centre under (the model and the sample it is taken from)."""
    return f"pretrained-centre-v1-{MODEL}-s{SAMPLE}"


def _unit(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    return x / np.where(norms > 0, norms, 1.0)


@dataclass(slots=True)
class Pretrained:
    """The encoder and the library's centre: the mean vector of its works, taken off every
    vector before a cosine (a static embedding's cosines all lie high; centring spreads them)."""

    encoder: StaticEncoder
    centre: np.ndarray

    @staticmethod
    def centre_of(encoder: StaticEncoder, docs: Sequence[Doc], seed: int = 0) -> np.ndarray:
        """The mean vector of the works' titles and abstracts (over at most ``SAMPLE`` of them)."""
        chosen = list(docs)
        if len(chosen) > SAMPLE:
            rng = np.random.default_rng(seed)
            chosen = [chosen[i] for i in sorted(rng.choice(len(chosen), SAMPLE, replace=False))]
        if not chosen:
            return np.zeros(encoder.dimensions, dtype=np.float32)
        return encoder.encode([f"{d.title} {d.abstract}".strip() for d in chosen]).mean(axis=0)

    def vector(self, text: str) -> np.ndarray:
        """A statement's centred unit vector."""
        return _unit(self.encoder.encode([text])[0] - self.centre)

    def support(self, vector: np.ndarray, doc: Doc) -> float:
        """How well a work bears on a statement by this model, 0..2 (about): the cosine of the
        statement's vector with the work's (title and abstract) plus that with its best sentence's."""
        texts = [f"{doc.title} {doc.abstract}".strip()] + ([doc.title] if doc.title else []) + sentences(doc.abstract)
        vectors = _unit(self.encoder.encode(texts) - self.centre) @ vector
        return float(vectors[0] + (vectors[1:].max() if len(vectors) > 1 else 0.0))

    def to_bytes(self) -> bytes:
        return np.asarray(self.centre, dtype=np.float32).tobytes()

    @staticmethod
    def centre_from_bytes(data: bytes) -> np.ndarray:
        return np.frombuffer(data, dtype=np.float32).copy()
