"""Write the unlabelled movie-review corpus lab 04 continues pretraining on: assets/review_corpus/{train,test}.csv.

It reuses the review builder of make_reviews.py (same vocabulary, same style) with the wording of the labelled
TRAINING split only (never the names and phrasing the labelled set holds out for validation/test, so continued
pretraining cannot learn the test split's wording before the classifier does), and drops any text that is also in a
labelled split. The labels
are thrown away: this is the cheap, plentiful in-domain text a team has before it labels anything.
Byte-deterministic: run it again and the files are identical.

Run from the repository root:  python -m assets.make_review_corpus  (or python assets/make_review_corpus.py)
"""

import os
import random
import sys

if not __package__:  # run as a file: make the assets package importable
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from assets import make_reviews as reviews
from assets.generator_helpers import ASSETS_DIR, command_line, n_sentences, write_csv_splits

SEED = 4040
SPLITS = (("train", 2000), ("test", 200))  # test: held-out text for perplexity, never trained on


def generate(seed=SEED):
    """Return {split: [text, ...]} with no text repeated, and none taken from the labelled review splits."""
    seen = {text for rows in reviews.generate().values() for text, _ in rows}
    data = {}
    for index, (split, size) in enumerate(SPLITS):
        rng = random.Random(seed * 10 + index)
        texts = []
        while len(texts) < size:
            text = reviews.make_review(rng, rng.choice(["pos", "neg"]), ev=False)   # training-side wording only
            if text not in seen and n_sentences(text) <= reviews.MAX_SENTENCES:
                seen.add(text)
                texts.append(text)
        data[split] = texts
    return data


def main(out_dir=None, seed=SEED):
    """Write train/test CSVs (one column, text) into `out_dir` (default: assets/review_corpus)."""
    return write_csv_splits(out_dir or os.path.join(ASSETS_DIR, "review_corpus"),
                            {split: [[t] for t in texts] for split, texts in generate(seed).items()}, ["text"])


if __name__ == "__main__":
    main(**vars(command_line(__doc__, SEED, "folder that gets train/test.csv (default: assets/review_corpus/)")
                .parse_args()))
