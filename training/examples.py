"""Reader training pairs from a SQuAD 2.0-shaped pool: (question, window, answer span or none).

Windows are cut as answering cuts them (retrieval.qa.reader_windows). Per answerable question: one window that
holds the answer (starting up to two sentences before it, so the answer sits anywhere in the window) and a
hard negative: the window of the same title that shares most content words with the question among those
holding no gold answer. Per unanswerable question: the best-overlapping window of its own paragraph (the
near-miss the deployed system would show the reader) and the best-overlapping window elsewhere in the title.
Titles are split whole into train, validation (calibration) and test (report only).
"""

from __future__ import annotations

import json
import math
import random
import re
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from retrieval.article.sentences import split_sentences
from retrieval.qa.lexical import tokenize
from retrieval.qa.reader_windows import MAX_CHARS, pack, windows

# Whole titles held out: validation chooses thresholds and the checkpoint; test is only reported.
VALIDATION_TITLES = ("Amazon_rainforest", "Fresno,_California", "Intergovernmental_Panel_on_Climate_Change",
                     "Jacksonville,_Florida", "Yuan_dynasty")
TEST_TITLES = ("Black_Death", "Pharmacy", "Private_school", "Harvard_University")


@dataclass(frozen=True)
class Pair:
    qid: str
    title: str
    question: str
    context: str
    answer_start: int  # character offset in context; -1 = the window does not answer
    answer_text: str
    kind: str  # "positive", "hard-negative", "near-miss", "near-miss-title"


def load_pool(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["data"]


def split_titles(pool: list[dict]) -> dict[str, list[dict]]:
    held = set(VALIDATION_TITLES) | set(TEST_TITLES)
    return {"train": [t for t in pool if t["title"] not in held],
            "validation": [t for t in pool if t["title"] in VALIDATION_TITLES],
            "test": [t for t in pool if t["title"] in TEST_TITLES]}


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


class TitleWindows:
    """Every deployment window of one title, with IDF weights for word-overlap ranking."""

    def __init__(self, title: dict):
        self.items: list[tuple[int, str]] = []  # (paragraph index, window text)
        for p, para in enumerate(title["paragraphs"]):
            for a, b in windows(para["context"]):
                self.items.append((p, para["context"][a:b]))
        self.terms = [set(tokenize(text)) for _, text in self.items]
        df = Counter(t for terms in self.terms for t in terms)
        n = len(self.items)
        self.idf = {t: math.log(1 + n / c) for t, c in df.items()}

    def ranked(self, question: str, answers: list[str], paragraph: int | None = None) -> list[str]:
        """Windows without any gold answer, best word overlap first (only `paragraph`'s when given)."""
        q = set(tokenize(question))
        gold = [_normal(a) for a in answers if _normal(a)]
        scored = []
        for (p, text), terms in zip(self.items, self.terms, strict=True):
            if paragraph is not None and p != paragraph:
                continue
            if any(f" {g} " in f" {_normal(text)} " for g in gold):
                continue
            scored.append((sum(self.idf.get(t, 0.0) for t in q & terms), text))
        scored.sort(key=lambda s: -s[0])
        return [text for _, text in scored]


def positive_window(context: str, answer_start: int, answer_text: str, rng: random.Random) -> tuple[str, int] | None:
    """A window holding the answer whole, starting 0-2 sentences before it; (text, answer offset in it)."""
    spans = split_sentences(context)
    answer_end = answer_start + len(answer_text)
    holding = [i for i, (a, b) in enumerate(spans) if a <= answer_start < b]
    if not holding:
        return None
    i = holding[0]
    for first in rng.sample(range(max(0, i - 2), i + 1), k=min(3, i + 1)):
        first, last = pack(spans, first, MAX_CHARS)
        a, b = spans[first][0], spans[last - 1][1]
        if a <= answer_start and answer_end <= b:
            return context[a:b], answer_start - a
    a, b = spans[i]
    if answer_end <= b:
        return context[a:b], answer_start - a
    return None


def title_pairs(title: dict, rng: random.Random) -> list[Pair]:
    tw = TitleWindows(title)
    out: list[Pair] = []
    for p, para in enumerate(title["paragraphs"]):
        for qa in para["qas"]:
            q = qa["question"].strip()
            if qa.get("is_impossible"):
                plausible = [a["text"] for a in qa.get("plausible_answers", [])]
                own = tw.ranked(q, plausible, paragraph=p)
                if own:
                    out.append(Pair(qa["id"], title["title"], q, own[0], -1, "", "near-miss"))
                elsewhere = [w for w in tw.ranked(q, plausible) if w not in own[:1]]
                if elsewhere:
                    out.append(Pair(qa["id"], title["title"], q, elsewhere[0], -1, "", "near-miss-title"))
                continue
            answer = qa["answers"][0]
            found = positive_window(para["context"], answer["answer_start"], answer["text"], rng)
            if found:
                out.append(Pair(qa["id"], title["title"], q, found[0], found[1], answer["text"], "positive"))
            negatives = tw.ranked(q, [a["text"] for a in qa["answers"]])
            if negatives:
                out.append(Pair(qa["id"], title["title"], q, negatives[0], -1, "", "hard-negative"))
    return out


def build(pool_path: Path, out_dir: Path, seed: int = 13) -> dict[str, int]:
    """Write train/validation/test pairs as JSON lines; returns the counts."""
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for split, titles in split_titles(load_pool(pool_path)).items():
        pairs = [pair for title in titles for pair in title_pairs(title, rng)]
        if split == "train":
            rng.shuffle(pairs)
        with (out_dir / f"{split}.jsonl").open("w", encoding="utf-8") as f:
            for pair in pairs:
                f.write(json.dumps(asdict(pair), ensure_ascii=False) + "\n")
        counts[split] = len(pairs)
    return counts


def read_pairs(path: Path) -> list[Pair]:
    with path.open(encoding="utf-8") as f:
        return [Pair(**json.loads(line)) for line in f if line.strip()]
