"""Where wrapped unnumbered reference text is cut into entries: a small logistic model (pure).

In wrapped text with no numbers, indents or blank lines (PDF extraction), whether a line
opens a new entry rests on how the line before ends and how this one starts. The
features are named facts about the two lines and the entry so far (``lists.cut_features``);
the weights were fitted by ``scripts/train_list_cuts.py`` on documents generated from
the training half of the eval strings and ship here as ``list_cuts.json``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, float], float, float] | None:
    """The shipped weights, bias and decision threshold (None when the file is absent)."""
    try:
        data = json.loads(resources.files(__package__).joinpath("list_cuts.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return dict(data["weights"]), float(data["bias"]), float(data["threshold"])


def available() -> bool:
    """Whether the model ships with the package (the rules decide alone otherwise)."""
    return _model() is not None


def cut_score(features: list[str]) -> float:
    """The model's log-odds, minus its threshold, that a new entry starts at this line."""
    model = _model()
    if model is None:
        return 0.0
    weights, bias, threshold = model
    return bias + sum(weights.get(name, 0.0) for name in features) - threshold
