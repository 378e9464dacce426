"""Lab 09 (labs_lib.labs.lab09_causal_lm): prompt-completion masking, label words, parsing and label scoring, on hand-computed cases."""

import pytest
import torch

from labs_lib.labs.lab09_causal_lm import IGNORE, completion_ids, encode_pair, label_token_ids, parse_label, score_labels

WORDS = ["<pad>", "<s>", "</s>", "<unk>", "review", ":", "great", "film", "dull", "plot", "sentiment", "positive",
         "negative", "pos", "a", "b", "c", "d", "e"]


@pytest.fixture(scope="module")
def tokenizer():
    """Word-level: one token per word, so every expected id is written by hand; "<s>" in a text is the BOS."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.WordLevel({w: i for i, w in enumerate(WORDS)}, unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.WhitespaceSplit(),
                                                 pre_tokenizers.Punctuation()])
    return PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="</s>", pad_token="<pad>",
                                   unk_token="<unk>")


def test_prompt_positions_are_ignored_and_the_completion_ends_with_eos(tokenizer):
    pair = encode_pair(tokenizer, "<s> review: great film sentiment:", " positive", max_length=32)
    #                      <s> review :  great film sentiment :  positive </s>
    assert pair["input_ids"] == [1, 4, 5, 6, 7, 10, 5, 11, 2]
    assert pair["labels"] == [IGNORE] * 7 + [11, 2]
    assert pair["attention_mask"] == [1] * 9


def test_a_prompt_longer_than_max_length_loses_its_start_and_the_completion_survives(tokenizer):
    pair = encode_pair(tokenizer, "<s> review: a b c d e great film sentiment:", " negative", max_length=8)
    # room for the prompt: 8 - 2 (negative, EOS) = 6 tokens = its last 6 (as TRL's truncation_mode="keep_end")
    assert pair["input_ids"] == [17, 18, 6, 7, 10, 5, 12, 2]
    assert pair["labels"] == [IGNORE] * 6 + [12, 2]
    assert len(pair["input_ids"]) == 8


def test_without_bos_the_cut_prompt_keeps_its_last_tokens(tokenizer):
    pair = encode_pair(tokenizer, "review: a b c great", " dull", max_length=4)
    assert pair["input_ids"] == [16, 6, 8, 2] and pair["labels"] == [IGNORE, IGNORE, 8, 2]


def test_the_completion_is_tokenized_in_context_and_a_broken_boundary_is_named():
    """A tokenizer that writes a word differently at the start of a text: the completion's ids are the ones it gets
    after the prompt; a prompt whose last token merges with the completion is an error that says so."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    vocab = {"[UNK]": 0, "go": 1, "od": 2, "good": 3, "\n": 4, "a": 5, "ans": 6, "##wer": 7, "answer": 8}
    tok = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]", max_input_chars_per_word=100))
    tok.pre_tokenizer = pre_tokenizers.Split("\n", behavior="isolated")
    wrapped = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", eos_token="[UNK]")
    assert completion_ids(wrapped, "answer\n", "good") == ([8, 4], [3])
    with pytest.raises(ValueError, match="prompt's last tokens change"):
        completion_ids(wrapped, "ans", "wer")          # "ans" alone, but "answer" once "wer" follows


def test_a_completion_that_cannot_fit_is_an_error(tokenizer):
    with pytest.raises(ValueError, match="no room for a prompt"):
        encode_pair(tokenizer, "review: great", " great film dull plot", max_length=5)


def test_label_words_hand_computed_and_bad_labels_named(tokenizer):
    assert label_token_ids(tokenizer, ["positive", "negative"]) == {"positive": [11], "negative": [12]}
    with pytest.raises(ValueError, match="'' is empty"):
        label_token_ids(tokenizer, ["positive", ""])
    with pytest.raises(ValueError, match="'  ' is empty"):
        label_token_ids(tokenizer, ["  ", "positive"])
    with pytest.raises(ValueError, match="tokenize the same"):
        label_token_ids(tokenizer, ["zebra", "yak"])          # both are <unk>


def test_a_label_that_tokenizes_to_nothing_is_named():
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.WordLevel({"<unk>": 0, "ok": 1}, unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Punctuation()])
    tok.normalizer = __import__("tokenizers").normalizers.Replace("~", "")   # "~" vanishes before splitting
    wrapped = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="<unk>")
    with pytest.raises(ValueError, match="'~' tokenizes to nothing"):
        label_token_ids(wrapped, ["ok", "~"])


def test_a_label_that_begins_another_is_warned(tokenizer):
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.WordPiece({"[UNK]": 0, "pos": 1, "##itive": 2}, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    wrapped = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]")
    with pytest.warns(UserWarning, match="'pos'.s tokens begin label 'positive'"):
        label_token_ids(wrapped, ["pos", "positive"])


@pytest.mark.parametrize("text, expected", [
    (" positive", "positive"), ("Positive.", "positive"), ("  NEGATIVE because", "negative"),
    ("positively", None), ("I think positive", None), ("", None), ("pos", "pos"), ("positive!", "positive"),
])
def test_parse_label(text, expected):
    assert parse_label(text, ["positive", "negative", "pos"]) == expected


def _tiny_llama(seed=0):
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(seed)
    return LlamaForCausalLM(LlamaConfig(vocab_size=len(WORDS), hidden_size=16, intermediate_size=32,
                                        num_hidden_layers=1, num_attention_heads=2, num_key_value_heads=2,
                                        pad_token_id=0, bos_token_id=1, eos_token_id=2))


def test_label_scores_equal_the_models_own_loss_on_label_and_eos(tokenizer):
    """Independent computation: transformers' causal-LM loss on (prompt + label + EOS) with the prompt masked is the
    mean negative log-likelihood of the label tokens and the EOS; times their count it must equal our summed log-prob.
    Without the EOS (the old scoring) every score is off by log P(EOS | prompt, label) and this fails."""
    model = _tiny_llama()
    labels = {"great film": [6, 7], "dull": [8]}           # two tokens vs one: sums, not means (ids by hand)
    prompts = ["<s> review: a b sentiment:", "review: c sentiment:", "<s> review: d e a sentiment:"]
    scores = score_labels(model, tokenizer, prompts, list(labels), batch_size=4)   # batches cut across prompts
    assert scores.shape == (3, 2)
    for i, prompt in enumerate(prompts):
        for j, (name, ids) in enumerate(labels.items()):
            prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
            answer = ids + [tokenizer.eos_token_id]
            input_ids = torch.tensor([prompt_ids + answer])
            target = torch.tensor([[IGNORE] * len(prompt_ids) + answer])
            with torch.no_grad():
                loss = model(input_ids=input_ids, labels=target).loss.item()
            assert scores[i, j].item() == pytest.approx(-loss * len(answer), abs=1e-4)


class _Bigram(torch.nn.Module):
    """A stand-in causal LM whose next-token log-probs depend on the current token only (a table set by hand), so
    every score is known exactly. It takes logits_to_keep as LlamaForCausalLM does (per-row positions) and records
    the positions it was asked for."""

    def __init__(self, table):
        super().__init__()
        self.table, self.calls = table, []

    @property
    def device(self):
        return torch.device("cpu")

    def forward(self, input_ids, attention_mask, logits_to_keep=0):
        self.calls.append(logits_to_keep)
        logits = self.table[input_ids]                                  # (batch, length, vocabulary)
        if isinstance(logits_to_keep, torch.Tensor):
            logits = torch.take_along_dim(logits, logits_to_keep[..., None], dim=1)
        return type("Out", (), {"logits": logits})()


def test_eos_decides_between_a_label_and_its_own_prefix(tokenizer):
    """"great" vs "great film" after "sentiment:": the model writes "great", then "film" (p=.9), almost never EOS
    after "great" (p=.01), and EOS after "film" (p=.9). The answer is "great film". Scored without EOS, the shorter
    label wins whatever the model thinks (log P(great) >= log P(great) + log P(film | great)); with EOS it loses."""
    vocab = len(WORDS)
    probs = torch.full((vocab, vocab), 1e-6)
    probs[5, 6] = 0.9                       # ":"     -> "great"
    probs[6, 7], probs[6, 2] = 0.9, 0.01    # "great" -> "film" / EOS
    probs[7, 2] = 0.9                       # "film"  -> EOS
    model = _Bigram((probs / probs.sum(1, keepdim=True)).log())
    scores = score_labels(model, tokenizer, ["review: sentiment:"], ["great", "great film"])
    logp = model.table
    assert scores[0, 0].item() == pytest.approx((logp[5, 6] + logp[6, 2]).item(), abs=1e-5)
    assert scores[0, 1].item() == pytest.approx((logp[5, 6] + logp[6, 7] + logp[7, 2]).item(), abs=1e-5)
    assert scores[0].argmax().item() == 1


def test_scoring_asks_the_output_layer_for_the_answer_positions_only(tokenizer):
    """The memory bound: the lm_head sees (rows x (longest answer + 1)) positions, never the whole sequence -- the
    old scoring computed full-vocabulary logits at every position of every row and copied them to the host."""
    model = _tiny_llama()
    seen = []
    model.lm_head.register_forward_hook(lambda module, args, out: seen.append(args[0].shape))
    prompts = ["<s> review: a b c d e great film plot sentiment:", "review: c sentiment:"]
    scores = score_labels(model, tokenizer, prompts, ["great film", "dull"], batch_size=4)
    longest = max(len(tokenizer(p + " great film", add_special_tokens=False)["input_ids"]) + 1 for p in prompts)
    assert [tuple(shape) for shape in seen] == [(4, 3, 16)]     # 4 rows x (2 label tokens + EOS) x hidden
    assert 3 < longest                                          # ... of rows up to `longest` tokens
    # and the scores are those of each pair scored alone (padding and the other rows change nothing)
    for i, prompt in enumerate(prompts):
        alone = score_labels(model, tokenizer, [prompt], ["great film", "dull"], batch_size=1)
        assert torch.allclose(alone, scores[i:i + 1], atol=1e-5)


@pytest.mark.parametrize("build", ["tiny", "small"])
def test_the_local_decoders_are_chat_models_without_a_pad_token(build, tmp_path):
    """tiny:llama (smoke) and scratch:llama-4x256 (cpu; 3 pretraining steps here, the real build runs 800): what
    lab 09 relies on -- no pad token, BOS/EOS as ChatML markers that tokenizing does not add, a template that opens
    the assistant's turn, tied embeddings."""
    import json

    from transformers import AutoModelForCausalLM, AutoTokenizer

    from labs_lib import builders

    folder = (builders.build_tiny_llama(tmp_path / "m") if build == "tiny"
              else builders.build_small_llama(tmp_path / "m", steps=3))
    tok, model = AutoTokenizer.from_pretrained(folder), AutoModelForCausalLM.from_pretrained(folder)
    assert tok.pad_token is None and (tok.bos_token, tok.eos_token) == ("<|im_start|>", "<|im_end|>")
    assert tok("a film")["input_ids"] == tok("a film", add_special_tokens=False)["input_ids"]
    text = tok.apply_chat_template([{"role": "user", "content": "hi"}], tokenize=False, add_generation_prompt=True)
    assert text == "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n"
    assert model.get_output_embeddings().weight is model.get_input_embeddings().weight
    assert json.loads((folder / "config.json").read_text())["eos_token_id"] == tok.eos_token_id
    if build == "small":
        assert model.config.num_hidden_layers == 4 and model.config.hidden_size == 256
