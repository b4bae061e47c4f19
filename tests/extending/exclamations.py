"""The worked example of docs/extending.md: a whole new analysis in one module.

It lists the sentences that end in an exclamation mark, with how many words each has. Nothing
else in the project knows about it: importing this module registers it, and it then appears in
dossier.json (under ``extra``), in dossier.md and in dossier.html.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdossier.errors import OptionError
from newsdossier.model import Span
from newsdossier.registry import Inputs, Produced, analysis


@dataclass(frozen=True, slots=True)
class Exclamation:
    """A sentence that ends in an exclamation mark."""

    span: Span
    words: int


@dataclass(frozen=True)
class ExclamationsConfig:
    """Settings of the exclamations analysis.

    Attributes:
        min_words: shortest sentence, in words, worth listing.
    """

    min_words: int = 2

    def __post_init__(self) -> None:
        if self.min_words < 1:
            raise OptionError(f"min_words must be at least 1, got {self.min_words}")


@analysis("exclamations", requires=("articles", "sentences"), produces=("exclamations",),
          config=ExclamationsConfig, title="Exclamations")
def exclamations(inputs: Inputs, config: ExclamationsConfig) -> Produced:
    """Every sentence that ends in "!" and has at least ``min_words`` words."""
    reads = {a.id for a in inputs.articles}
    found = []
    for sent in inputs.dossier.sentences:
        words = len(sent.text.split())
        if sent.article in reads and sent.text.rstrip().endswith("!") and words >= config.min_words:
            found.append(Exclamation(span=sent, words=words))
    return {"exclamations": tuple(found)}
