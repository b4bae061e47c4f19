"""The thresholds and weights of quote extraction and speaker resolution, in one place."""

from __future__ import annotations

from dataclasses import dataclass

from ...errors import OptionError


class QuotesConfigError(OptionError):
    """A :class:`QuotesConfig` value is out of range; the message names the field and its range."""


@dataclass(frozen=True, slots=True)
class QuotesConfig:
    """Settings of :func:`~newsdossier.analysis.quotes.extract_quotes` (defaults are the tuned ones).

    Attributes:
        lookback_sentences: how many sentences back a pronoun or a description ("the governor")
            may find its referent (1-20).
        previous_subject_bonus: the salience a pronoun's candidate gains for being the subject of
            the sentence just before the pronoun's (0-3).
        sole_referent_confidence: the confidence of a description linked to the only organisation
            named in the last sentences though not salient ("The agency said", "their spokesperson
            said"; 0-1).
        issuer_confidence: the confidence of a document speaker ("the statement said") linked to
            the one name the article gives as its issuer ("X said in a statement"; 0-1).
        belief_cue_confidence: the highest confidence of reported speech introduced by a belief
            verb ("thought", "believes", "feared"; 0-1): below ``low_confidence``, as such clauses
            were the writer's narration about half the time when labelled.
        inside_attribution_confidence: the highest confidence of reported speech whose attribution
            stands inside its span ("X, officials said, did Y"; 0-1): below ``low_confidence``, since
            the span then is not the words alone.
        min_margin: the salience lead the best referent needs over the next one; below it the
            speaker is left unresolved (0-5).
        low_confidence: quotes or speaker links below this confidence are marked as uncertain by
            the renderers and suggested as the ``--min-confidence`` cut (0-1).
        unresolved_confidence: the confidence given to a speaker link left unresolved (0-1).
        drop_self_reported: drop reported speech whose source is the writer or the reader ("we
            show that", "I think", "you say"): the article's own narration, not a quote.
        drop_hypothetical: drop speech under a modal ("would say", "might have answered").
        reported_speech: how reported (indirect) speech is found: ``rules`` (speech and belief
            verbs, parentheticals, "according to"), ``model`` (the learned cue model only, see
            :mod:`.learned`) or ``combined`` (both).
        model_threshold: the learned model's probability cut (0-1), for every form; ``None``
            takes the ones shipped with the model, one per form (clause: out-of-fold precision
            >= 0.85 on PolNeAR train; infinitive and object: >= 0.75; noun: off).
        document_speaker_confidence: the highest confidence of a speaker link to a document that
            stands in for its issuer ("the statement said", "a new study suggests"; 0-1): below
            ``low_confidence``, since such speakers were right about half the time when labelled.
        bare_description_confidence: the highest confidence of a bare role noun ("the judge said",
            "the woman said", no modifier of its own) linked by salience alone to a person named
            before it: below ``low_confidence``, since such links were right about one time in four
            when labelled (0-1).
        min_confidence: quotes whose trust (the lower of the quote's and its speaker link's
            confidence) is below this are left out of the dossier (``--min-confidence``; 0
            keeps every quote and the outputs mark the uncertain ones).
    """

    lookback_sentences: int = 5
    min_margin: float = 0.5
    previous_subject_bonus: float = 1.0
    sole_referent_confidence: float = 0.55
    issuer_confidence: float = 0.65
    belief_cue_confidence: float = 0.45
    inside_attribution_confidence: float = 0.45
    low_confidence: float = 0.5
    unresolved_confidence: float = 0.2
    drop_self_reported: bool = True
    drop_hypothetical: bool = True
    reported_speech: str = "combined"
    model_threshold: float | None = None
    min_confidence: float = 0.0
    document_speaker_confidence: float = 0.45
    bare_description_confidence: float = 0.45

    def __post_init__(self) -> None:
        """Check the ranges.

        Raises:
            QuotesConfigError: if a value is out of its documented range.
        """
        if not 1 <= self.lookback_sentences <= 20:
            raise QuotesConfigError(f"lookback_sentences must be 1-20, got {self.lookback_sentences}")
        if not 0.0 <= self.previous_subject_bonus <= 3.0:
            raise QuotesConfigError(f"previous_subject_bonus must be 0-3, got {self.previous_subject_bonus}")
        if not 0.0 <= self.min_margin <= 5.0:
            raise QuotesConfigError(f"min_margin must be 0-5, got {self.min_margin}")
        if self.reported_speech not in ("rules", "model", "combined"):
            raise QuotesConfigError(f"reported_speech must be rules, model or combined, got {self.reported_speech!r}")
        if self.model_threshold is not None and not 0.0 <= self.model_threshold <= 1.0:
            raise QuotesConfigError(f"model_threshold must be between 0 and 1, got {self.model_threshold}")
        for name in ("low_confidence", "unresolved_confidence", "sole_referent_confidence", "issuer_confidence",
                     "belief_cue_confidence", "inside_attribution_confidence", "min_confidence", "document_speaker_confidence",
                     "bare_description_confidence"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise QuotesConfigError(f"{name} must be between 0 and 1, got {value}")
