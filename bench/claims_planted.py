"""Planted contradictions: does the finder report a changed count as contested, and only that?

Used by ``bench/claims.py`` (``--bench planted``). On the Multi-News validation sample, in each
cluster with at least two articles, the bench picks (seeded) a source article A and a target
article B and copies up to three sentences of A that state a quantity into B, each as its own
paragraph at a paragraph break:

* the **plant**: the number changed (multiplied by 0.5, 0.6, 1.5, 2, 2.5 or 3, written in the
  same style) - must come out as a contested point (``contradict`` or ``update``) pairing the
  plant with the original sentence in A;
* the **agree control**: the sentence unchanged - must be a point with status ``agree``;
* the **compatible control**: the number preceded by "about" and rounded to two significant
  figures - must be a point with status ``compatible``.

The bench chooses its sentences with its own regular expression (a number in digits that counts
a following lower-case noun, a sum of money or a percentage; no years, ages, times, dates or
identifiers), independent of the finder. Scores:

* ``recall`` - plants reported in a contested point with A's original sentence;
* ``precision`` - contested points that involve a plant / all contested points reported;
* ``false/dossier`` - contested points that involve no plant, per dossier (this counts real
  contradictions between the unplanted articles too, so it is an upper bound);
* ``agree acc`` / ``compat acc`` - controls whose point with A's sentence has the expected status
  (a control with no point at all counts as wrong).
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsdossier.model import Article

CONTESTED = ("contradict", "update")

# a point as the bench sees it: (status, confidence, statements as (article id, start, end))
BenchPoint = tuple[str, float, tuple[tuple[str, int, int], ...]]
System = Callable[[Sequence[Article], dict[str, object]], list[BenchPoint]]

_SENT = re.compile(r"[^.!?\n]*[A-Za-z][^\n]*?[.!?](?=[\"”’']?\s|$)")
_NUMBER = re.compile(
    r"(?<![\w$£€.,/:-])(?P<cur>\$\s?)?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?"
    r"(?P<scale>\s(?:million|billion))?(?P<pct>\s?%|\s(?:percent|per cent))?(?![\w,.]?\d)"
)
_NOT_BEFORE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.|No\.|Route|Highway|Interstate|Bill|District|"
    r"Flight|Room|Street|page|Chapter|Section|Article|Amendment|number|No|age|aged|ages|"
    r"[A-Z][A-Za-z]*,|[-/#])\s*$"
)
_NOT_AFTER = re.compile(
    r"^(?:-|\s?(?:a\.m|p\.m|am\b|pm\b|years?\s+old|year-old|-year|st\b|nd\b|rd\b|th\b|:|/|\))|,\s*\d)"
)
_QUALIFIED = re.compile(
    r"(?:about|around|nearly|almost|approximately|roughly|some|over|more than|less than|fewer than|"
    r"at least|up to|as many as|estimated|than|between|from|to|and|or|of|by)\s*$", re.I)
_FUNCTION = {
    "at", "in", "on", "of", "to", "the", "a", "an", "and", "or", "for", "with", "from", "by", "as", "who",
    "which", "that", "when", "while", "but", "is", "was", "are", "were", "has", "had", "have", "than",
    "times", "more", "less", "other", "others", "percent", "per", "years", "year", "months", "month",
    "weeks", "week", "days", "day", "hours", "hour", "minutes", "minute", "seconds", "second", "points",
    "point", "feet", "foot", "miles", "mile", "pounds", "pound", "inches", "yards", "meters", "km",
    "degrees", "games", "runs", "goals", "yard", "innings", "block", "call",
}
_TIME_UNITS = {"years", "year", "months", "days", "hours", "minutes", "seconds", "weeks", "old"}
_FACTORS = (0.5, 0.6, 1.5, 2.0, 2.5, 3.0)


@dataclass(frozen=True, slots=True)
class Plant:
    """One sentence copied into the target article."""

    kind: str  # plant | agree | compatible
    source_start: int  # the original sentence in A
    source_end: int
    start: int  # the copy in B' (the modified target text)
    end: int


@dataclass(slots=True)
class PlantedCluster:
    """A cluster with one target article modified."""

    id: str
    articles: list[Article]
    source: str  # article id of A
    target: str  # article id of B'
    plants: list[Plant] = field(default_factory=list)


def _candidates(text: str) -> list[tuple[int, int, re.Match[str]]]:
    """Return (sentence start, end, number match) for sentences that state one clear quantity."""
    out = []
    for sm in _SENT.finditer(text):
        s, e = sm.start(), sm.end()
        while s < e and text[s] in " \t\"“”'":
            s += 1
        sent = text[s:e]
        if not (60 <= len(sent) <= 300) or not sent[:1].isupper():
            continue
        nums = list(_NUMBER.finditer(sent))
        if len(nums) != 1 or len(re.findall(r"\d", sent)) != len(re.sub(r"\D", "", nums[0].group())):
            continue  # exactly one number in the sentence, nothing else in digits
        m = nums[0]
        value = float(m.group("num").replace(",", "") + (m.group("dec") or ""))
        before, after = sent[: m.start()], sent[m.end():]
        if value < 2 or (re.fullmatch(r"1[89]\d\d|20\d\d", m.group("num")) and not m.group("cur")):
            continue
        if _NOT_BEFORE.search(before) or _NOT_AFTER.match(after) or _QUALIFIED.search(before):
            continue
        if re.search(r"(?:[A-Z][\w.]*|=)\s*$", before) or (value >= 1000 and "," not in m.group("num")):
            continue  # "Fox 20", "ISI = 144", "a 2278 call": names and codes, not counts
        words = re.findall(r"[A-Za-z]+", after[:30])[:2]
        if not (m.group("cur") or m.group("pct")) and not (
            words and after[:1] == " " and words[0].islower() and words[0] not in _FUNCTION
            and (len(words) < 2 or words[1] not in _TIME_UNITS)
        ):
            continue  # a count needs a following lower-case noun ("12 people", "40 wounded soldiers")
        out.append((s, e, m))
    return out


def _fmt(value: float, like: re.Match[str]) -> str:
    dec = like.group("dec")
    if dec:
        return f"{value:,.{len(dec) - 1}f}" if "," in like.group("num") else f"{value:.{len(dec) - 1}f}"
    n = int(round(value))
    return f"{n:,}" if ("," in like.group("num") or n >= 10_000) else str(n)


def _changed(sent: str, m: re.Match[str], rng: random.Random) -> str:
    value = float(m.group("num").replace(",", "") + (m.group("dec") or ""))
    factor = rng.choice(_FACTORS)
    new = value * factor
    if not m.group("dec") and round(new) == round(value):
        new = value * 2
    return sent[: m.start("num")] + _fmt(new, m) + sent[m.end("dec") if m.group("dec") else m.end("num"):]


def _rounded(sent: str, m: re.Match[str]) -> str:
    value = float(m.group("num").replace(",", "") + (m.group("dec") or ""))
    step = 10 ** max(0, len(str(int(value))) - 2)
    new = float(round(value / step) * step) if value >= 100 else value
    lead = m.start("cur") if m.group("cur") else m.start("num")
    num_end = m.end("dec") if m.group("dec") else m.end("num")
    about = "About " if lead == 0 else "about "
    return sent[:lead] + about + sent[lead: m.start("num")] + _fmt(new, m) + sent[num_end:]


def _breaks(text: str) -> list[int]:
    """Return paragraph starts in the middle of a text (after a newline, before a capital)."""
    n = len(text)
    return [m.end() for m in re.finditer(r"\n[ \t]*(?=\S)", text) if 0.15 * n <= m.end() <= 0.9 * n]


def plant_cluster(cid: str, docs: Sequence[str], seed: int) -> PlantedCluster | None:
    """Return the cluster with up to three sentences of one article planted into another.

    Returns None when no article has a sentence the bench can plant.
    """
    rng = random.Random(f"{seed}:{cid}")
    order = list(range(len(docs)))
    rng.shuffle(order)
    for ai in order:
        cands = _candidates(docs[ai])
        targets = [j for j in order if j != ai and _breaks(docs[j])]
        if not cands or not targets:
            continue
        bi = targets[0]
        rng.shuffle(cands)
        picked = cands[:3]
        kinds = ["plant", "agree", "compatible"][: len(picked)]
        src, tgt = docs[ai], docs[bi]
        breaks = _breaks(tgt)
        at = sorted(rng.sample(breaks, min(len(picked), len(breaks))))
        while len(at) < len(picked):
            at.append(at[-1])
        pieces: list[str] = []
        plants: list[Plant] = []
        pos = 0
        for (s, e, m), kind, where in zip(picked, kinds, at):
            sent = src[s:e]
            if kind == "plant":
                new = _changed(sent, m, rng)
            elif kind == "compatible":
                new = _rounded(sent, m)
            else:
                new = sent
            pieces.append(tgt[pos:where])
            start = sum(len(p) for p in pieces)
            pieces.append(new + " \n \n ")
            plants.append(Plant(kind, s, e, start, start + len(new)))
            pos = where
        pieces.append(tgt[pos:])
        new_tgt = "".join(pieces)
        arts = []
        for i, text in enumerate(docs):
            body = new_tgt if i == bi else text
            arts.append(Article.create(body, f"{cid}#{i}", outlet=f"outlet {i}"))
        return PlantedCluster(cid, arts, arts[ai].id, arts[bi].id, plants)
    return None


def load_planted(data_path: Path, limit: int | None, seed: int) -> list[PlantedCluster]:
    """Return the planted clusters of the data file (clusters with >= 2 articles), in file order.

    Raises:
        FileNotFoundError: if the data file is missing.
    """
    out: list[PlantedCluster] = []
    with data_path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            docs = [d for d in row["documents"] if d.strip()]
            if len(docs) < 2:
                continue
            pc = plant_cluster(row["id"], docs, seed)
            if pc is not None:
                out.append(pc)
            if limit is not None and len(out) >= limit:
                break
    return out


def _touches(point: BenchPoint, art: str, start: int, end: int) -> bool:
    return any(a == art and start <= s and e <= end + 1 for a, s, e in point[2])


def score_planted(clusters: Sequence[PlantedCluster], points: Sequence[Sequence[BenchPoint]],
                  errors: list[str] | None = None) -> dict[str, float]:
    """Return recall, precision, false contested points per dossier and control accuracies."""
    n_plant = found = contested = true_contested = 0
    ctl = {"agree": [0, 0], "compatible": [0, 0]}
    for pc, pts in zip(clusters, points):
        plant_ranges = [(p.start, p.end) for p in pc.plants if p.kind == "plant"]
        for pt in pts:
            if pt[0] in CONTESTED:
                contested += 1
                if any(_touches(pt, pc.target, s, e) for s, e in plant_ranges):
                    true_contested += 1
                elif errors is not None:
                    errors.append(f"false contested {pc.id}: {pt[0]} {pt[1]:.2f} "
                                  + " | ".join(_show(pc, st) for st in pt[2][:4]))
        for p in pc.plants:
            mine = [pt for pt in pts if _touches(pt, pc.target, p.start, p.end)
                    and _touches(pt, pc.source, p.source_start, p.source_end)]
            if p.kind == "plant":
                n_plant += 1
                ok = any(pt[0] in CONTESTED for pt in mine)
                found += ok
                if errors is not None and not ok:
                    errors.append(f"missed plant {pc.id}: {[pt[0] for pt in mine]} "
                                  f"{_text(pc, pc.target, p.start, p.end)!r}")
            else:
                ctl[p.kind][1] += 1
                ok = any(pt[0] == p.kind for pt in mine)
                ctl[p.kind][0] += ok
                if errors is not None and not ok:
                    errors.append(f"control {p.kind} {pc.id} got {[pt[0] for pt in mine]}: "
                                  f"{_text(pc, pc.target, p.start, p.end)!r}")

    def div(a: float, b: float) -> float:
        return a / b if b else 0.0

    return {
        "dossiers": len(clusters), "plants": n_plant, "recall": div(found, n_plant),
        "precision": div(true_contested, contested), "false_per_dossier": div(contested - true_contested, len(clusters)),
        "agree_acc": div(*ctl["agree"]), "compat_acc": div(*ctl["compatible"]),
        "agree_n": ctl["agree"][1], "compat_n": ctl["compatible"][1],
    }


def _text(pc: PlantedCluster, art: str, start: int, end: int) -> str:
    a = next(x for x in pc.articles if x.id == art)
    return a.text[start:end][:160]


def _show(pc: PlantedCluster, st: tuple[str, int, int]) -> str:
    a = next(x for x in pc.articles if x.id == st[0])
    s = a.text.rfind("\n", 0, st[1]) + 1
    return f"{a.outlet}: {a.text[st[1]:st[2]]!r} in {a.text[max(s, st[1] - 80):st[2] + 60]!r}"
