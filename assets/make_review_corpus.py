"""Write the unlabelled movie-review corpus lab 04 continues pretraining on: assets/review_corpus/{train,test}.csv.

It reuses the review builder of make_reviews.py (same vocabulary, same style), draws half of the reviews from the
wording kept out of the labelled training split, and drops any text that is also in a labelled split. The labels
are thrown away: this is the cheap, plentiful in-domain text a team has before it labels anything.
Byte-deterministic: run it again and the files are identical.
"""

import csv
import importlib.util
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 4040
SPLITS = (("train", 2000), ("test", 200))  # test: held-out text for perplexity, never trained on


def load_review_builder():
    spec = importlib.util.spec_from_file_location("make_reviews", os.path.join(HERE, "make_reviews.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generate(seed=SEED):
    """Return {split: [text, ...]} with no text repeated, and none taken from the labelled review splits."""
    reviews = load_review_builder()
    seen = {text for rows in reviews.generate().values() for text, _ in rows}
    data = {}
    for index, (split, size) in enumerate(SPLITS):
        rng = random.Random(seed * 10 + index)
        texts = []
        while len(texts) < size:
            text = reviews.make_review(rng, rng.choice(["pos", "neg"]), ev=rng.random() < 0.5)
            if text not in seen and reviews.n_sentences(text) <= reviews.MAX_SENTENCES:
                seen.add(text)
                texts.append(text)
        data[split] = texts
    return data


def main(out_dir=None, seed=SEED):
    out_dir = out_dir or os.path.join(HERE, "review_corpus")
    os.makedirs(out_dir, exist_ok=True)
    for split, texts in generate(seed).items():
        path = os.path.join(out_dir, split + ".csv")
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(["text"])
            writer.writerows([t] for t in texts)
        print("wrote %s (%d rows)" % (path, len(texts)))


if __name__ == "__main__":
    main()
