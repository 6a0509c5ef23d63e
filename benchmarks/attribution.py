"""Fit and measure the conversation model's weights on annotated texts.

  uv run python benchmarks/attribution.py score [--gold FILE]   # accuracy by text and quote type
  uv run python benchmarks/attribution.py fit                    # fit, write reader/weights.json
  uv run python benchmarks/attribution.py loo [--novels N]       # leave one novel out

The annotated texts are the gold files of the evaluation folder (``../shared/eval`` beside the
checkout, or ``--eval DIR``): novels (PDNC) for the fiction weights, PolNeAR's training
articles for the news weights. ``loo`` holds each novel out in turn, fits on the others and
scores the one held out: the figure that says how the weights do on a novel they never saw.

Scoring follows the evaluation's scorer (its ``score.py`` is imported): a quotation found by
the engine is matched to a gold one by overlap, and its speaker is right when the name the
engine gives resolves to the gold character (or the mention overlaps the gold mention, for
news pronouns and descriptions).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from reader.cast import capitalised_words, find_cast  # noqa: E402
from reader.conversation import DEFAULT_WEIGHTS, WEIGHTS_FILE, Conversation, load_weights  # noqa: E402
from reader.document import _FICTION_LENGTH  # noqa: E402
from reader.model import MENTION  # noqa: E402
from reader.narrator import find_narrator  # noqa: E402
from reader.quotes import find_quotes  # noqa: E402
from reader.structure import parse_structure  # noqa: E402
from reader.tags import TagFinder, find_tags  # noqa: E402


def load_gold(path: Path, limit: int | None = None) -> list[dict]:
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs.append(json.loads(line))
                if limit and len(docs) >= limit:
                    break
    return docs


class Text:
    """One annotated text, analysed up to the conversation (which weights do not change)."""

    def __init__(self, doc: dict, score, types: set[str] | None) -> None:
        self.id = doc["id"]
        text = doc["text"]
        st = parse_structure(text)
        spans = find_quotes(text, st.paragraphs)
        self.fiction = st.chapter_headings > 0 or len(text) > _FICTION_LENGTH
        names = capitalised_words(text, st.paragraphs, spans)
        finder = TagFinder(text, st.paragraphs, spans, names[0])
        tags = find_tags(text, st.paragraphs, spans, names[0])
        beats = [finder.beat(i) if tags[i] is None and s.kind != MENTION and s.label is None else None
                 for i, s in enumerate(spans)]
        cast = find_cast(text, st.paragraphs, spans, tags, names)
        narrator = find_narrator(text, spans, tags, cast, names[0])
        self.conv = Conversation(text, st.paragraphs, spans, tags, beats, cast, None, narrator, self.fiction)
        table = (doc.get("meta") or {}).get("characters")
        self.chars = score.Characters(table) if table else None
        gold = [q for q in doc["quotes"] if not q.get("optional") and (not types or q.get("type") in types)]
        preds = [{"start": spans[t.index].start, "end": spans[t.index].end, "k": k}
                 for k, t in enumerate(self.conv.turns)]
        self.gold_of: dict[int, dict] = {}
        for gi, pj in score.greedy_match(gold, preds, 0.5):
            self.gold_of[preds[pj]["k"]] = gold[gi]
        self.score = score
        self.use_auto = types is not None  # the automatic coreference of the news gold, as the evaluation uses it
        self._ok: dict[tuple[int, int], bool] = {}

    def right(self, k: int, person: int | None, mention=None) -> bool:
        g = self.gold_of[k]
        if person is None:
            return not g.get("speaker")
        key = (k, person) if mention is None else (k, person, mention.start)
        ok = self._ok.get(key)
        if ok is None:
            p = self.conv.people.persons[person]
            pred = {"speaker": p.display}
            if mention is not None:
                pred["mention_start"], pred["mention_end"] = mention.start, mention.end
            ok = self.score.speaker_ok(pred, g, True, self.use_auto, self.chars) or self.score.mention_ok(pred, g)
            self._ok[key] = ok
        return ok

    def decide(self, weights: dict[str, float]) -> list[int | None]:
        self.conv.w = weights
        return self.conv.decide()

    def tally(self, speakers, by: dict) -> None:
        for k, g in self.gold_of.items():
            tag = self.conv.mention_of(k) if speakers[k] is not None else None
            ok = self.right(k, speakers[k], tag.mention if tag else None)
            for key in (("all",), ("type", g.get("type", "?")), ("doc", self.id)):
                by[key][0] += 1
                by[key][1] += ok

    def examples(self, speakers) -> list[tuple[list[str], list[dict[str, float]], int]]:
        """(candidates, their features, index of a right one) for every matched quotation whose
        speaker is among the candidates, with the neighbours' speakers as decided."""
        out = []
        conv = self.conv
        for k in self.gold_of:
            cands = conv.candidates(k)
            people = list(cands)
            right = []
            for n, p in enumerate(people):
                # As the engine would print it: with the tag's mention when the tag fits them.
                conv.speaker[k], keep = p, conv.speaker[k]
                tag = conv.mention_of(k)
                conv.speaker[k] = keep
                if self.right(k, p, tag.mention if tag else None):
                    right.append(n)
            if right:
                out.append((people, [cands[p] for p in people], right))
        return out


def fit(examples, names: list[str], start: dict[str, float], prior: dict[str, float], l2: float = 0.001,
        steps: int = 600) -> dict[str, float]:
    """Softmax over each quotation's candidates and a "nobody" option scored 0, fitted by
    gradient descent (Adam), with an L2 penalty towards the prior (the weights written by hand:
    a feature the data says little about keeps the weight its meaning gives it)."""
    index = {n: i for i, n in enumerate(names)}
    rows, group, gold_rows = [], [], []
    for g, (_people, feats, right) in enumerate(examples):
        base = len(rows)
        for f in feats:
            v = np.zeros(len(names))
            for n, x in f.items():
                if n in index:
                    v[index[n]] = x
            rows.append(v)
            group.append(g)
        gold_rows.append([base + r for r in right])
    X = np.array(rows)
    group = np.array(group)
    # Every right candidate of a quotation counts (one person may be two entities, or a mention
    # may be right whoever it names): the likelihood is of choosing any of them.
    is_right = np.zeros(len(rows))
    for rs in gold_rows:
        is_right[rs] = 1.0
    G = len(examples)
    w = np.array([start.get(n, 0.0) for n in names])
    w0 = np.array([prior.get(n, 0.0) for n in names])
    m = np.zeros_like(w)
    v2 = np.zeros_like(w)
    lr, b1, b2 = 0.05, 0.9, 0.999
    for step in range(1, steps + 1):
        s = X @ w
        smax = np.maximum(np.zeros(G), np.full(G, -np.inf))
        np.maximum.at(smax, group, s)
        e = np.exp(s - smax[group])
        z = np.exp(-smax) + np.bincount(group, e, minlength=G)  # the "nobody" option scores 0
        p = e / z[group]
        pr = p * is_right
        right_mass = np.bincount(group, pr, minlength=G)
        q = pr / right_mass[group]
        grad = X.T @ p - X.T @ q
        grad = grad / G + l2 * (w - w0)  # drawn towards the weights written by hand
        m = b1 * m + (1 - b1) * grad
        v2 = b2 * v2 + (1 - b2) * grad * grad
        w -= lr * (m / (1 - b1 ** step)) / (np.sqrt(v2 / (1 - b2 ** step)) + 1e-8)
    return {n: round(float(x), 4) for n, x in zip(names, w)}


def fit_rounds(texts: list[Text], prior: dict[str, float], rounds: int = 3) -> dict[str, float]:
    """Fit, decide again with the new weights (the neighbours' speakers change), fit again."""
    w = dict(prior)
    names = list(prior)
    for _ in range(rounds):
        examples = []
        for t in texts:
            examples.extend(t.examples(t.decide(w)))
        w = fit(examples, names, w, prior)
    return w


def report(texts: list[Text], weights: dict[str, float], label: str = "") -> dict:
    by: dict = defaultdict(lambda: [0, 0])
    for t in texts:
        t.tally(t.decide(weights), by)
    return by


def _pct(v) -> str:
    return f"{v[1] / v[0]:.3f}" if v[0] else "  -  "


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=("score", "fit", "loo"))
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval", help="the evaluation folder")
    ap.add_argument("--gold", type=Path, help="score this gold file (default: the novels)")
    ap.add_argument("--novels", type=int, default=None, help="hold out only the first N novels (loo)")
    ap.add_argument("--defaults", action="store_true", help="start from the default weights, not weights.json")
    args = ap.parse_args()
    sys.path.insert(0, str(args.eval))
    import score  # the evaluation's scorer

    t0 = time.monotonic()
    weights = DEFAULT_WEIGHTS if args.defaults else load_weights()
    if args.command == "score":
        path = args.gold or args.eval / "fiction-pdnc-dev.jsonl"
        types = {"direct"} if "polnear" in path.name else None
        texts = [Text(d, score, types) for d in load_gold(path)]
        domain = "fiction" if texts and texts[0].fiction else "news"
        by = report(texts, weights[domain])
        for key in sorted(k for k in by if k[0] == "doc"):
            print(f"  {key[1]:45s} {by[key][0]:6d}  {_pct(by[key])}")
        print("by type:", "  ".join(f"{k[1]} {_pct(v)} ({v[0]})" for k, v in sorted(by.items()) if k[0] == "type"))
        print(f"all: {_pct(by[('all',)])} of {by[('all',)][0]} quotations  ({time.monotonic() - t0:.1f} s)")
        return
    novels = [Text(d, score, None) for d in load_gold(args.eval / "fiction-pdnc-dev.jsonl")]
    if args.command == "fit":
        fitted = {"fiction": fit_rounds(novels, DEFAULT_WEIGHTS["fiction"])}
        news = [Text(d, score, {"direct"}) for d in load_gold(args.eval / "news-polnear-train.jsonl")]
        fitted["news"] = fit_rounds(news, DEFAULT_WEIGHTS["news"])
        WEIGHTS_FILE.write_text(json.dumps(fitted, indent=1) + "\n", encoding="utf-8")
        for domain, texts in (("fiction", novels), ("news", news)):
            by = report(texts, fitted[domain])
            print(f"{domain}: fitted on {len(texts)} texts, accuracy there {_pct(by[('all',)])}")
        print(f"wrote {WEIGHTS_FILE.relative_to(ROOT)} ({time.monotonic() - t0:.0f} s)")
        return
    # Leave one novel out.
    held = novels[: args.novels] if args.novels else novels
    total = defaultdict(lambda: [0, 0])
    print(f"{'held-out novel':45s} quotes  fitted-on-others  (explicit / anaphoric / implicit)")
    for h in held:
        others = [t for t in novels if t is not h]
        w = fit_rounds(others, DEFAULT_WEIGHTS["fiction"])
        by = report([h], w)
        for k, v in by.items():
            if k[0] != "doc":
                total[k][0] += v[0]
                total[k][1] += v[1]
        types = " / ".join(_pct(by[("type", t)]) for t in ("explicit", "anaphoric", "implicit"))
        print(f"{h.id:45s} {by[('all',)][0]:6d}  {_pct(by[('all',)])}  ({types})", flush=True)
    types = " / ".join(_pct(total[("type", t)]) for t in ("explicit", "anaphoric", "implicit"))
    print(f"{'all held out':45s} {total[('all',)][0]:6d}  {_pct(total[('all',)])}  ({types})")
    print(f"({time.monotonic() - t0:.0f} s)")


if __name__ == "__main__":
    main()
