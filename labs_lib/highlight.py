"""Small HTML renderings for notebooks: tokens with masked positions marked (lab 04), entities (lab 05)."""

from __future__ import annotations

import html

from labs_lib.ner import entity_spans

MASK_STYLES = {  # what the collator did to a position it chose for the loss
    "[MASK]": "background:#f4a6a6",
    "random": "background:#f7d08a",
    "kept": "background:#b9e3b1",
}


def masked_positions(input_ids, labels, mask_token_id: int) -> list[str | None]:
    """Per position: None (not in the loss), '[MASK]', 'random' (replaced by another token) or 'kept'."""
    kinds = []
    for token, label in zip(list(input_ids), list(labels)):
        token, label = int(token), int(label)
        if label == -100:
            kinds.append(None)
        elif token == mask_token_id:
            kinds.append("[MASK]")
        elif token != label:
            kinds.append("random")
        else:
            kinds.append("kept")
    return kinds


def masked_tokens_html(tokenizer, input_ids, labels, title: str = "") -> str:
    """One row of tokens as the model sees them; chosen positions coloured, the original token underneath."""
    kinds = masked_positions(input_ids, labels, tokenizer.mask_token_id)
    shown = tokenizer.convert_ids_to_tokens([int(t) for t in input_ids])
    spans = []
    for token, label, kind in zip(shown, list(labels), kinds):
        if kind is None:
            spans.append(f"<span style='padding:1px 2px'>{html.escape(token)}</span>")
        else:
            original = tokenizer.convert_ids_to_tokens(int(label))
            spans.append(f"<span title='{kind}' style='{MASK_STYLES[kind]};padding:1px 2px;display:inline-block;"
                         f"text-align:center'>{html.escape(token)}<br><small>{html.escape(original)}</small></span>")
    legend = " ".join(f"<span style='{style};padding:1px 4px'>{html.escape(kind)}</span>"
                      for kind, style in MASK_STYLES.items())
    head = f"<b>{html.escape(title)}</b> &nbsp; " if title else ""
    return (f"<div style='font-family:monospace;line-height:2.2;margin-bottom:8px'>{head}{legend}<br>"
            + " ".join(spans) + "</div>")


ENTITY_COLORS = {"PER": "#f4a6a6", "ORG": "#a6c8f4", "LOC": "#b9e3b1", "MISC": "#f7d08a"}


def entities_html(tokens, tags) -> str:
    """A sentence with each entity on a coloured background, its type in small capitals after it."""
    spans = {start: (end, kind) for start, end, kind in entity_spans(tokens, tags)}
    parts, i = [], 0
    while i < len(tokens):
        if i in spans:
            end, kind = spans[i]
            color = ENTITY_COLORS.get(kind, "#dddddd")
            parts.append(f"<span style='background:{color};padding:1px 4px;border-radius:3px'>"
                         f"{html.escape(' '.join(tokens[i:end]))} <small><b>{html.escape(kind)}</b></small></span>")
            i = end
        else:
            parts.append(html.escape(tokens[i]))
            i += 1
    return "<div style='line-height:2'>" + " ".join(parts) + "</div>"
