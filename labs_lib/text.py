"""Plain-text helpers shared by labs: sentence splitting (lab 02's lead-N and ROUGE-Lsum, lab 06's sentence
embeddings)."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9#])")


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``: a break after . ! or ? followed by a capital, a digit or '#', and at every newline.
    A rule, not a parser ("Dr. Smith" splits); good enough for lead-N and for ROUGE-Lsum's sentence lines.
    (``RougeScorer(split_summaries=True)`` would split with NLTK's punkt model, which is not installed offline.)"""
    sentences = []
    for line in str(text).splitlines():
        start = 0
        for end in _SENTENCE_END.finditer(line):
            sentences.append(line[start:end.end()].strip())
            start = end.end()
        sentences.append(line[start:].strip())
    return [s for s in sentences if s]
