"""Cross-validation folds of the reference-string tagger, for training and the held-out
benchmark only (never needed at run time, so it lives beside the training script).

``fold_of`` splits references by a hash of their letters and digits, so copies of one
reference in several training files share a fold; ``heldout_parser`` parses each string
with the model trained on the other fold.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def fold_of(raw: str, folds: int = 2) -> int:
    """Cross-validation fold of a reference (by its letters and digits, so copies share a fold)."""
    key = re.sub(r"[\W_]+", "", raw.casefold())
    return zlib.crc32(key.encode("utf-8")) % folds


def heldout_parser(model_dir: Path | None = None) -> Callable[[str], dict[str, Any]]:
    """A parser that tags each string with the cross-validation model not trained on it."""
    from vexascite.refstring.parse import parse_with_model

    root = model_dir or ROOT / "build" / "parser-cv"

    def parse(raw: str) -> dict[str, Any]:
        return parse_with_model(raw, root / f"fold{fold_of(raw)}.crfsuite")

    return parse
