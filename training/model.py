"""The reading model: the packaged MiniLM encoder with an answer-span head and an "answers it" head.

A SQuAD 2.0-style extractive reader: start/end logits over the window's tokens with the [CLS] position as
"no answer", plus a logit on [CLS] for whether the window answers the question at all.
"""

from __future__ import annotations

from pathlib import Path

from torch import nn

MAX_LEN = 128
MAX_QUESTION_TOKENS = 48
NEG = -1e4


class Reader(nn.Module):
    def __init__(self, encoder: nn.Module):
        super().__init__()
        self.encoder = encoder
        hidden = encoder.config.hidden_size
        self.span = nn.Linear(hidden, 2)
        self.answers = nn.Linear(hidden, 1)

    def forward(self, input_ids, attention_mask, token_type_ids):
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state
        start, end = self.span(hidden).unbind(-1)
        # Only the window's tokens and [CLS] (no answer) may start or end a span.
        allowed = (token_type_ids == 1) & (attention_mask == 1)
        allowed[:, 0] = True
        start = start.masked_fill(~allowed, NEG)
        end = end.masked_fill(~allowed, NEG)
        return start, end, self.answers(hidden[:, 0]).squeeze(-1)


def base_encoder(folder: Path, layers: int) -> nn.Module:
    """The packaged all-MiniLM-L6-v2 BERT, cut to its first `layers` layers."""
    from transformers import BertModel

    encoder = BertModel.from_pretrained(str(folder), add_pooling_layer=False, attn_implementation="eager")
    if layers < encoder.config.num_hidden_layers:
        encoder.encoder.layer = encoder.encoder.layer[:layers]
        encoder.config.num_hidden_layers = layers
    return encoder


def blank_reader(config_dict: dict) -> Reader:
    """A reader of the given BERT config with random weights (to load a state dict into)."""
    from transformers import BertConfig, BertModel

    config = BertConfig(**config_dict)
    config._attn_implementation = "eager"
    return Reader(BertModel(config, add_pooling_layer=False))


def encode(tokenizer, questions: list[str], contexts: list[str], max_len: int = MAX_LEN):
    """Tokenize pairs for the reader: the question cut to MAX_QUESTION_TOKENS, the window truncated to fit."""
    cut = []
    for q in questions:
        enc = tokenizer(q, add_special_tokens=False, return_offsets_mapping=True)
        offsets = enc["offset_mapping"]
        cut.append(q if len(offsets) <= MAX_QUESTION_TOKENS else q[:offsets[MAX_QUESTION_TOKENS - 1][1]])
    return tokenizer(cut, contexts, truncation="only_second", max_length=max_len, padding=True,
                     return_offsets_mapping=True, return_tensors="pt")


def span_labels(batch, answer_starts: list[int], answer_texts: list[str]) -> tuple[list[int], list[int]]:
    """Token start/end of each answer in the encoded window; (0, 0) when there is none or it was cut off."""
    starts, ends = [], []
    for i, (a, text) in enumerate(zip(answer_starts, answer_texts, strict=True)):
        s = e = 0
        if a >= 0:
            b = a + len(text)
            seq = batch.sequence_ids(i)
            offsets = batch["offset_mapping"][i].tolist()
            tokens = [t for t, sid in enumerate(seq) if sid == 1]
            first = [t for t in tokens if offsets[t][0] <= a < offsets[t][1] or offsets[t][0] >= a]
            last = [t for t in tokens if offsets[t][0] < b]
            if first and last and offsets[last[-1]][1] >= b and first[0] <= last[-1]:
                s, e = first[0], last[-1]
        starts.append(s)
        ends.append(e)
    return starts, ends
