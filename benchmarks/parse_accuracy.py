"""Field precision/recall/F1 of the reference-string parser on the seeds and the eval sets.

    .venv/bin/python benchmarks/parse_accuracy.py [--sets seeds,plos_jats,...] [--errors N]
        [--heldout]

``--heldout`` parses each record with the tagger model trained without it (the two
cross-validation models written by ``scripts/train_parser.py --cv``), which is the honest
figure for sets the shipped model was trained on. Conventions: ``benchmarks/evalsets.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evalsets import SET_FIELDS, Score, gold_values, load, predicted_values  # noqa: E402

from vexascite.refstring import parse_reference  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="seeds,plos_jats,anystyle_gold,grobid_citation")
    parser.add_argument(
        "--errors", type=int, default=0, help="Print this many wrong records per set."
    )
    parser.add_argument(
        "--heldout", action="store_true", help="Use the cross-validation models (held-out figures)."
    )
    args = parser.parse_args()
    parse = parse_reference
    if args.heldout:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
        from parser_folds import heldout_parser

        cv_dir = Path(__file__).resolve().parents[1] / "build" / "parser-cv"
        if not all((cv_dir / f"fold{fold}.crfsuite").exists() for fold in (0, 1)):
            raise SystemExit(
                f"no cross-validation models in {cv_dir}: run scripts/train_parser.py --cv first"
            )
        parse = heldout_parser(cv_dir)
    for set_name in args.sets.split(","):
        score = Score(SET_FIELDS[set_name])
        shown = 0
        for record in load(set_name):
            gold = gold_values(set_name, record)
            item = parse(record["raw"])
            predicted = predicted_values(item)
            wrong = score.add(gold, predicted)
            if wrong and shown < args.errors:
                shown += 1
                print(
                    json.dumps(
                        {
                            "raw": record["raw"],
                            "wrong": {f: [gold.get(f), predicted.get(f)] for f in wrong},
                        },
                        ensure_ascii=False,
                    )
                )
        print(score.report(f"{set_name} ({sum(1 for _ in load(set_name))} references)"))


if __name__ == "__main__":
    main()
