"""A pretrained static sentence embedding that ships inside a Python package (no download).

The full-precision vectors of the experiments (``suggest_pretrained.py``,
``suggest_pretrained_size.py``, ``support_pretrained.py``); ``suggest`` keeps them smaller
(``vexascite.evidence.pretrained``, see docs/evidence.md). The ``wordllama`` package is one of
vexascite's dependencies.

WordLlama's ``l2_supercat`` model (MIT licence, the ``wordllama`` package on PyPI) is a
table of 256-dimensional token vectors, distilled from the input embeddings of several
large language models and trained on sentence pairs for similarity and retrieval; a text's
vector is the mean of its tokens' vectors. Unlike the latent vectors of ``vexascite.evidence.dense``, it
was learned from far more text than one library holds, so it can know that two words mean
the same thing although no abstract of the library uses both.

Only the two files the package ships are read (the safetensors weights and the tokenizer's
JSON), with ``safetensors`` and ``tokenizers``; the package itself is never imported, as its
loader would try to fetch a missing file from the network. Without the package installed,
:func:`load` returns ``None`` and callers go without.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from vexascite.evidence import pretrained

__all__ = ["MODEL", "StaticEncoder", "load"]

#: The model's name.
MODEL = "wordllama-l2_supercat-256"
#: Texts tokenized at once.
BATCH = 256



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
    """The encoder from the installed package's files (read as ``suggest`` reads them), or
    ``None`` when it is not installed."""
    found = pretrained.encoder()
    return None if found is None else StaticEncoder(found.table, found.tokenizer)
