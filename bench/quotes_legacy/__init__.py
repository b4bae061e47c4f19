"""FROZEN COPY of newsdossier.analysis.quotes as of commit 1418718 (before issue 14), kept so that
bench/quotes.py can score the old method side by side with the new one in the same run. Do not edit.

Who said what: direct and reported quotes, their speakers, and who reprinted whom.

:func:`extract_quotes` reads every article's text and parse and returns
:class:`~newsdossier.model.Quote` objects:

* direct quotes in straight or typographic marks, including quotes that run across
  paragraphs (flag ``continued``) and quotes whose marks never close (bounded by the
  paragraph, flag ``unbalanced``); scare quotes, titles and single words in marks are left out;
* reported speech (``X said that ...``, ``..., X said``, ``according to X, ...``) as quotes of
  kind ``indirect``;
* a speaker for each quote, found next to the quote, through a pronoun, from the paragraph a
  quote-only paragraph continues, or from a block introduced by a line ending in a colon,
  linked to a resolved entity when one is given;
* reprint chains: the same quote in several articles is returned once, in the article that
  printed it first, with the other appearances as :class:`~newsdossier.model.Reprint`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from newsdossier.model import Article, Entity, Quote, Speaker

from .attribution import Record, direct_records, indirect_records
from .marks import Marked, find_marked, paragraphs, term_kind, words
from .phrases import Phrase
from .provenance import Appearance, chain, same_quote
from .resolve import credit, resolve

__all__ = ["EntityIndex", "ParseMismatchError", "article_quotes", "extract_quotes", "link_entity", "same_quote"]


class ParseMismatchError(ValueError):
    """The spaCy parse given for an article is missing or was made from another text."""


def _quote_id(article: Article, start: int, end: int, kind: str) -> str:
    digest = hashlib.sha1(f"{article.id}:{start}:{end}:{kind}".encode()).hexdigest()
    return "q-" + digest[:12]


def _norm(name: str) -> str:
    return re.sub(r"[^\w\s]", "", name.replace("’", "'").split("'")[0] if name.endswith(("'s", "’s")) else name).lower().strip()


class EntityIndex:
    """Resolved entities indexed by article mention, full name and last word of name."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.mentions: dict[str, list[tuple[int, int, Entity]]] = {}
        self.names: dict[str, str] = {}
        self.last: dict[str, set[str]] = {}
        for ent in entities:
            for m in ent.mentions:
                self.mentions.setdefault(m.article, []).append((m.start, m.end, ent))
            for n in (ent.name, *ent.aliases):
                key = _norm(n)
                if key:
                    self.names.setdefault(key, ent.id)
                    self.last.setdefault(key.split()[-1], set()).add(ent.id)

    def link(self, article_id: str, phrase: Phrase) -> str | None:
        """Return the id of the entity a speaker phrase names, or ``None`` when none fits.

        An entity fits when one of its mentions overlaps the end of the phrase's name; else when its
        name or an alias equals the speaker's name; else when the speaker's last word is the
        last word of the names and aliases of exactly one entity.
        """
        best: Entity | None = None
        for start, end, ent in self.mentions.get(article_id, ()):
            # the mention must hold the end of the name, where an English noun phrase has its
            # head: "Iraqi officials" are not the group "Iraqi"
            if start < phrase.name_end and phrase.name_start < end and end >= phrase.name_end - 2:
                if best is None or (_is_person(ent) and not _is_person(best)):
                    best = ent
        if best is not None:
            return best.id
        name = _norm(phrase.name)
        if not name:
            return None
        if name in self.names:
            return self.names[name]
        if not phrase.name[:1].isupper():
            return None
        hits = self.last.get(name.split()[-1], set())
        return next(iter(hits)) if len(hits) == 1 else None


def _is_person(ent: Entity) -> bool:
    return ent.kind.upper().startswith("PER")


def link_entity(article_id: str, phrase: Phrase, entities: Sequence[Entity]) -> str | None:
    """Return the id of the entity a speaker phrase names (see :meth:`EntityIndex.link`)."""
    return EntityIndex(entities).link(article_id, phrase)


def _speaker(article: Article, rec: Record, entities: EntityIndex) -> Speaker | None:
    target = rec.speaker if rec.speaker is not None else rec.phrase
    if target is None:
        return None
    # the span points at the words next to the quote (a pronoun stays a pronoun); the name and
    # entity come from the resolved speaker
    local = rec.phrase if rec.phrase is not None else target
    span = article.span(local.name_start, local.name_end)
    entity = entities.link(article.id, target) if rec.speaker is not None else None
    role = target.role or (local.role if local is not target else None)
    return Speaker(name=target.name, span=span, entity=entity, role=role)


def article_quotes(
    article: Article, doc: Doc, entities: Sequence[Entity] | EntityIndex = ()
) -> list[tuple[Quote, str | None, str]]:
    """Return the quotes of one article with, for each, its credit and credit evidence.

    Args:
        article: the article.
        doc: its spaCy parse.
        entities: resolved entities (or an :class:`EntityIndex` of them) to link speakers to.

    Returns:
        ``(quote, credit, evidence)`` triples in text order: ``credit`` is how the article
        attributes the quote (its block's intro line, else the attribution words) and
        ``evidence`` the text searched for outlet names when choosing a reprint chain's origin.

    Raises:
        ParseMismatchError: if ``doc`` was not parsed from ``article.text``.
    """
    index = entities if isinstance(entities, EntityIndex) else EntityIndex(entities)
    text = article.text
    if doc.text != text:
        raise ParseMismatchError(f"the parse given for article {article.id} is of a different text")
    paras = paragraphs(text)
    marked: list[Marked] = find_marked(text, paras)
    records = direct_records(doc, text, marked, paras)
    kept: list[Record] = []
    for rec in records:
        q = rec.quote
        if q is None:
            continue
        kind = term_kind(text, q)
        uttered = text[q.start : q.end][-1:] in ",.!?…" and rec.how in ("frame", "dash", "dep")
        if kind is not None and not (kind == "word" and uttered):
            continue
        if len(words(text[q.start : q.end])) <= 4 and rec.how not in ("dep", "frame", "dash", "according"):
            continue  # a short phrase in marks with no attribution beside it: a term
        kept.append(rec)
    quote_ranges = [(q.open, q.after) for q in marked]
    indirect = [r for r in indirect_records(doc, text, marked, paras)
                if not any(a <= r.start < b and a < r.end <= b for a, b in quote_ranges)]
    all_recs = kept + indirect
    block_of = resolve(doc, text, paras, marked, all_recs)
    out: list[tuple[Quote, str | None, str]] = []
    for rec in sorted(all_recs, key=lambda r: (r.start, r.kind)):
        span = article.span(rec.start, rec.end)
        cue = article.span(*rec.cue) if rec.cue is not None else None
        quote = Quote(
            id=_quote_id(article, rec.start, rec.end, rec.kind),
            kind=rec.kind,
            span=span,
            speaker=_speaker(article, rec, index),
            cue=cue,
            flags=tuple(rec.flags),
        )
        block = block_of.get(rec.para)
        cred = credit(text, rec, block)
        para = paras[rec.para] if rec.para < len(paras) else None
        evidence = " ".join(
            x for x in (cred or "", text[para.start : para.end] if para else "", text[:200]) if x
        )
        if block is not None:
            evidence += " " + block.credit
        out.append((quote, cred, evidence))
    return out


def extract_quotes(
    articles: Sequence[Article],
    docs: Mapping[str, Doc],
    entities: Sequence[Entity] = (),
) -> list[Quote]:
    """Find the quotes of all articles, their speakers and their reprint chains.

    Args:
        articles: the articles, in input order (the order breaks ties in provenance).
        docs: the spaCy parse of each article by article id (see :func:`newsdossier.nlp.parse`).
        entities: resolved entities; speakers are linked to them when they fit.

    Returns:
        Direct and indirect quotes in article order, then text order. A quote printed in several
        articles appears once, in the article that printed it first (earliest ``published``;
        else the one the others credit; else ``origin`` is ``None`` and the first article in
        input order keeps it), with the other appearances in ``reprints``.

    Raises:
        ParseMismatchError: if an article has no parse in ``docs`` or its parse is of another text.
    """
    index = EntityIndex(entities)
    apps: list[Appearance] = []
    for order, article in enumerate(articles):
        doc = docs.get(article.id)
        if doc is None:
            raise ParseMismatchError(f"no parse given for article {article.id} ({article.label})")
        for quote, cred, evidence in article_quotes(article, doc, index):
            apps.append(Appearance(quote, article, order, cred, evidence))
    return chain(apps)
