"""What the data generators in assets/ share: word lists from text blocks, held-out pools, picks, counts, CSV output.

Every helper is deterministic (random draws come from the caller's ``rng`` or from a seed fixed per pool name), so
moving a generator onto these helpers leaves its files byte-identical.
"""

import argparse
import csv
import os
import random
import re

ASSETS_DIR = os.path.dirname(os.path.abspath(__file__))
HELDOUT_SHARE = 0.3  # share of each wording pool only seen in validation/test
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def lines(block):
    """Split a triple-quoted block into stripped, non-empty lines."""
    return [ln.strip() for ln in block.strip().splitlines() if ln.strip()]


def words(block):
    return block.split()


def cap(s):
    return s[:1].upper() + s[1:]


def n_words(text):
    return len(text.split())


def n_sentences(text):
    """Sentence ends: . ! or ?, maybe followed by a closing quote, before a space or the end."""
    return len(re.findall(r"[.!?]\"?(?=\s|$)", text))


def weighted(rng, table):
    """The value of one (value, weight) pair of `table`, drawn with one rng.random()."""
    x = rng.random() * sum(w for _, w in table)
    for value, w in table:
        x -= w
        if x < 0:
            return value
    return table[-1][0]


def distinct(draw, k):
    """`k` different results of draw(), in the order they were first drawn."""
    out = []
    while len(out) < k:
        value = draw()
        if value not in out:
            out.append(value)
    return out


def split_pool(name, items, share=HELDOUT_SHARE):
    """Two disjoint lists (seen in train, held out for validation/test); fixed per name, original order kept."""
    items = list(items)
    order = list(range(len(items)))
    random.Random("pool:" + name).shuffle(order)  # str seeds are stable
    held = set(order[: round(len(items) * share)])
    return ([x for i, x in enumerate(items) if i not in held],
            [x for i, x in enumerate(items) if i in held])


class Pool:
    """A list of wordings (`all`): a fixed share (`held`) is only for validation/test, the rest is `shared`."""

    def __init__(self, name, items, share=HELDOUT_SHARE):
        self.all = list(items)
        self.shared, self.held = split_pool(name, self.all, share)

    def pick(self, rng, heldout_ok):
        return rng.choice(self.all if heldout_ok else self.shared)


def write_csv_splits(out_dir, splits, columns):
    """Write {split: rows} as `out_dir`/<split>.csv (UTF-8, header `columns`, "\\n" line ends); return the paths."""
    os.makedirs(out_dir, exist_ok=True)
    paths = []
    for split, rows in splits.items():
        path = os.path.join(out_dir, split + ".csv")
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(columns)
            writer.writerows(rows)
        paths.append(path)
        print("wrote %s (%d rows)" % (path, len(rows)))
    return paths


def command_line(doc, seed, out_help):
    """The --out-dir / --seed parser of a generator's ``__main__`` (a generator may add options before parsing)."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--out-dir", help=out_help)
    parser.add_argument("--seed", type=int, default=seed)
    return parser
