"""Settings and errors of the summary (one frozen config class, validated defaults)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from ...errors import OptionError
from ..layout import DATELINE_MAX_WORDS

__all__ = ["SummaryConfig", "SummaryError", "MissingParseError", "CITE_SIMILARITY"]

CITE_SIMILARITY = 0.42        # TF-IDF cosine above which another article "says the same thing"


class SummaryError(OptionError):
    """The summary cannot be built from these inputs."""


class MissingParseError(SummaryError):
    """An article has no spaCy parse in ``docs``."""


@dataclass(frozen=True)
class SummaryConfig:
    """Every threshold and weight of the summary (defaults measured by ``bench/summary.py``).

    Attributes:
        words: the default word budget (the one place other modules take it from).
        min_words: shortest candidate sentence, in words.
        max_words: longest candidate sentence, in words.
        cost_power: ``r`` in ``gain / words ** r``; below 1 favours longer sentences.
        unigram_weight: weight of a content lemma relative to a content bigram.
        freq_bonus: weight of ``log(1 + occurrences)`` added to a concept's article count.
        lead_bonus: extra weight for a concept occurring in an article's first sentences.
        lead_sentences: how many opening sentences count as the lead.
        position_weight: gain multiplier bonus ``position_weight / (1 + position)`` for a
            sentence near its article's start.
        redundancy: TF-IDF cosine to a picked sentence above which a candidate is skipped.
        lead_redundancy: the same for two lead sentences (among the first
            ``lead_redundancy_sentences`` usable sentences of their articles): a news lead tells the whole
            story, so two leads that share this much tell the same story twice.
        lead_redundancy_sentences: how many opening sentences count as a lead for
            ``lead_redundancy``.
        event_redundancy: TF-IDF cosine to a picked sentence from which a candidate whose facts
            also match (``event_facts``) is skipped: the same who and the same what, another
            telling of the same event ("the judge threw out the charges" / "the judge dismissed
            the charges"), below ``redundancy``. A softer rule than the others: a summary short of
            ``fill_floor`` may take such a sentence back (0 turns it off).
        event_facts: the TF-IDF cosine of two sentences' facts (``Sent.facts``: content words but
            names and speech verbs) from which, with ``event_redundancy``, they tell one event.
        min_support: a concept must occur in at least this many sentences to count.
        off_topic: topicality (see ``_article_weights``) below which an article's sentences
            are down-weighted in proportion; 0 turns the rule off.
        mu: share of the similarity-coverage term (Lin & Bilmes) in the objective.
        alpha: saturation of the similarity coverage (fraction of a sentence's total).
        standalone: drop sentences that cannot stand alone (off only to measure its cost).
        dateline_max_words: longest leading dateline (``CITY, State (Agency) --``), in words,
            trimmed off a sentence; a longer match is reporting, not a dateline.
        dateline_sentences: how many of an article's opening sentences may carry a dateline.
        off_topic_sentences: how many of an article's sentences closest to the rest of the
            cluster its topicality averages over.
        off_topic_floor: lowest weight of an off-topic article's sentences (still usable).
        off_topic_exclude: share of ``off_topic`` below which an article is left out.
        off_topic_story: topicality below which an article the story clustering puts outside
            the build's main story (``stories.main_story``) is left out: two signals that agree
            that it belongs to another story (a stray article, a page of another site).
        off_topic_story_share: the share of a long article's sentences that topicality averages
            over for ``off_topic_story`` (at least ``off_topic_sentences`` of them).
        cite_similarity: TF-IDF cosine above which another article's sentence is cited as
            saying the same thing.
        cite_facts: the TF-IDF cosine of the two sentences' facts (their content words but
            names and speech verbs, ``Sent.facts``) below which they are not cited as saying the
            same thing, however alike: sharing who (names, a title) and "said" is not sharing what.
        cite_days: two sentences dated (by the timeline) to days further apart than this are not
            cited as saying the same thing: the same words about another day tell another event.
        containment_redundancy: also skip a candidate when a picked sentence holds at least
            ``cite_containment`` of its IDF-weighted content words (a paraphrase the cosine
            misses: three leads that say the same thing).
        cite_containment_min_terms: fewest content lemmas a summary sentence needs before
            containment (rather than the cosine alone) may cite another article's sentence.
        cite_containment: share of a summary sentence's (IDF-weighted) content words found in
            another article's sentence above which that sentence is also cited (the same
            report in other words around it).
        query_concepts: how much a concept's weight grows with its relevance to the query
            (``w * (1 + query_concepts * relevance)``).
        query_sentences: how much a sentence's gain grows with its own relevance to the query
            (``gain * (1 + query_sentences * relevance)``).
        query_title_weight: weight of the query's title words relative to its narrative's.
        query_position_weight: ``position_weight`` used when a query is given (answers are
            not always in the leads).
        relevant_min: relevance (0-1) from which a sentence counts as answering the query;
            below it, a sentence fills the budget as a central one (``basis="central"``).
        prior_concepts: how much a concept's weight shrinks with the share of prior
            articles that mention it (``w * max(0, 1 - prior_concepts * share)``).
        prior_new_bonus: extra weight ``w * (1 + prior_new_bonus)`` for a concept no prior
            article mentions (what is new is what the update is about).
        prior_ratio: exponent of a concept's "new share" ``p_new / (p_new + p_prior)`` (``p``:
            share of the new / prior articles mentioning it) multiplying its weight: 1 for
            what only the new articles say, 0.5 for what both say as often.
        prior_rise: extra weight ``w * (1 + prior_rise * max(0, p_new - p_prior))`` for a
            concept mentioned by a larger share of the new articles than of the prior ones
            (a subject the story has moved on to; old subjects keep their weight).
        prior_context: weight of the prior articles as evidence of what the story (and the
            query's topic) is about: a concept's weight adds ``prior_context`` times its
            weight in the prior articles (0 ignores them).
        prior_topic: how much a sentence's gain grows with its TF-IDF cosine to the centroid
            of the prior articles' sentences (scaled to the best): the prior articles as
            evidence of what the story is about, like a query (0 ignores them).
        prior_redundancy: TF-IDF cosine to a prior sentence above which a candidate is old
            news and left out.
        novelty_power: exponent of a candidate's novelty ``1 - max cosine to a prior
            sentence`` multiplying its gain.
        centrality: how much a sentence's gain grows with its TF-IDF degree centrality
            (sum of cosines to the other sentences, scaled to the best): LexRank's signal.
        learned: exponent of the learned sentence scorer's relative prediction multiplying a
            sentence's gain (``scorer.py``; 0 turns it off).
        learned_floor: lowest relative prediction used (a sentence the model dislikes is
            damped, never excluded).
        fill: once no candidate adds a weighted concept, keep filling what is left of the
            budget with the remaining sentences that fit, most content words first (off, the
            summary stops when nothing new is covered and may stay short of its budget).
        listing_min: fewest cut-off sentences ("... according to new ...") that make an
            article a page of teasers, every sentence of which is left out.
        listing_share: the share of an article's sentences that must be cut off, too.
        fill_floor: share of the budget a summary should reach: while it is short of it, a
            sentence left out only because it needs the one before it (``CONTINUABLE``) may
            fill the rest, on its own (a filled summary over a perfect but short one; 0 turns
            it off).
        continuations: a sentence that needs its predecessor (pronoun or connective
            opening, a quote whose speaker the sentence before names, "that's why") becomes a
            candidate once that predecessor is picked, and may fill what is left of the
            budget after it; the two are shown together as one passage.
        trim_connectives: a sentence may leave out a leading connective ("However,", "But")
            when the parse says it is a phrase of its own and the rest stands alone; the
            summary then capitalises its first letter (``compress.py``). Off: measured no
            better on held-out Multi-News (-0.05 R-1; tuning +0.08), see
            ``docs/benchmarks/summary.md``.
        trim_attributions: a sentence may leave out a trailing attribution ("..., officials
            said.", "..., according to the AP.") of a claim without quotation marks that
            another article reports too; the summary closes the claim with a full stop
            (``compress.py``). Off: measured no better (Multi-News tuning +0.06 R-1, DUC main
            +0.01 R-2, update -0.26 R-2), and a claim shown without its source is a risk.
        attribution_max_words: longest trailing attribution cut off, in words (a longer tail
            says more than who said it).
        max_candidates: most candidate sentences compared (every pair is): past it, each
            article's first sentences are kept, round-robin, so memory stays bounded.
        focus: what the reader asks (``--focus``, a batch line's ``query``): a question, an
            entity name, or a topic ``{"title", "narr"}``; it steers the summary, never empties it.

    Raises:
        SummaryError: if a value is out of range.
    """

    words: int = 120
    min_words: int = 8
    max_words: int = 60
    cost_power: float = 0.8
    unigram_weight: float = 0.5
    freq_bonus: float = 0.5
    lead_bonus: float = 0.5
    lead_sentences: int = 3
    position_weight: float = 4.0
    redundancy: float = 0.5
    lead_redundancy: float = 0.35
    lead_redundancy_sentences: int = 2
    event_redundancy: float = 0.3
    event_facts: float = 0.3
    min_support: int = 2
    off_topic: float = 0.1
    mu: float = 0.0
    alpha: float = 0.2
    standalone: bool = True
    dateline_max_words: int = DATELINE_MAX_WORDS
    dateline_sentences: int = 2
    off_topic_sentences: int = 5
    off_topic_floor: float = 0.05
    off_topic_exclude: float = 0.25
    off_topic_story: float = 0.2
    off_topic_story_share: float = 0.1
    cite_similarity: float = CITE_SIMILARITY
    cite_containment: float = 0.75
    cite_facts: float = 0.38
    cite_days: int = 3
    cite_containment_min_terms: int = 5
    containment_redundancy: bool = True
    query_concepts: float = 3.0
    query_sentences: float = 6.0
    query_title_weight: float = 2.0
    query_position_weight: float = 0.5
    relevant_min: float = 0.15
    prior_concepts: float = 0.0
    prior_new_bonus: float = 0.0
    prior_ratio: float = 0.0
    prior_rise: float = 0.0
    prior_context: float = 1.0
    prior_topic: float = 6.0
    prior_redundancy: float = 0.5
    novelty_power: float = 0.0
    centrality: float = 0.0
    learned: float = 0.0
    learned_floor: float = 0.2
    listing_min: int = 3
    listing_share: float = 0.2
    fill: bool = True
    fill_floor: float = 0.9
    continuations: bool = True
    trim_connectives: bool = False
    trim_attributions: bool = False
    attribution_max_words: int = 8
    max_candidates: int = 3000
    focus: Any = None

    def __post_init__(self) -> None:
        if self.focus is not None and not isinstance(self.focus, (str, Mapping)):
            raise SummaryError(f"SummaryConfig.focus must be a string or {{title, narr}}, got {type(self.focus).__name__}")
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or f.name == "focus":
                continue
            if value < 0:
                raise SummaryError(f"SummaryConfig.{f.name} must not be negative, got {value}")
        if self.cite_days < 0:
            raise SummaryError(f"SummaryConfig.cite_days must not be negative, got {self.cite_days}")
        if self.max_candidates < 10:
            raise SummaryError(f"SummaryConfig.max_candidates must be at least 10, got {self.max_candidates}")
        if self.words <= 0:
            raise SummaryError(f"SummaryConfig.words must be positive, got {self.words}")
        if self.min_words > self.max_words:
            raise SummaryError("SummaryConfig.min_words must not exceed max_words")
        if self.off_topic_sentences < 1:
            raise SummaryError("SummaryConfig.off_topic_sentences must be at least 1")
        for name in ("redundancy", "lead_redundancy", "event_redundancy", "event_facts", "prior_redundancy", "cite_similarity", "cite_containment", "cite_facts",
                     "mu", "relevant_min", "off_topic_floor", "off_topic_exclude", "off_topic_story", "off_topic_story_share", "fill_floor",
                     "listing_share"):
            if getattr(self, name) > 1:
                raise SummaryError(f"SummaryConfig.{name} is a similarity or share: at most 1")


# Backwards-compatible names (the settings used to be called ``Params``).
Params = SummaryConfig
DEFAULT_PARAMS = SummaryConfig()
