"""The NLP pass: sentences never cross paragraphs; mentions are spans; parses are cached."""

from __future__ import annotations

from newsdossier import nlp as nd_nlp
from newsdossier.model import Article


def test_sentences_do_not_cross_line_breaks(nlp):
    art = Article.create("Headline without a full stop\nThe river rose. It fell again\n\nNew paragraph here.", "t")
    docs = nd_nlp.parse([art], nlp=nlp)
    sents = [s.text for s in nd_nlp.sentences(art, docs[art.id])]
    assert sents[0] == "Headline without a full stop"
    assert "New paragraph here." in sents
    assert all("\n" not in s for s in sents)


def test_mentions_are_spans_with_labels(nlp):
    art = Article.create("Mayor Clara Jensen visited Oslo on Friday with officials from the United Nations.", "t")
    docs = nd_nlp.parse([art], nlp=nlp)
    ments = nd_nlp.mentions(art, docs[art.id])
    assert ("Clara Jensen", "PERSON") in {(m.span.text, m.label) for m in ments}
    for m in ments:
        assert art.text[m.span.start:m.span.end] == m.span.text


def test_cache_hit_returns_equal_parse_without_parsing(nlp, store):
    art = Article.create("Engineers inspected the dam in Bergen on Monday.", "t")
    first = nd_nlp.parse([art], cache=store, nlp=nlp)
    calls = []

    class Spy:
        vocab = nlp.vocab
        meta = nlp.meta

        def pipe(self, texts, **kw):
            calls.append(list(texts))
            return nlp.pipe(texts, **kw)

    second = nd_nlp.parse([art], cache=store, nlp=Spy())
    assert calls == [[]]
    assert [t.text for t in second[art.id]] == [t.text for t in first[art.id]]
    assert [(e.text, e.label_) for e in second[art.id].ents] == [(e.text, e.label_) for e in first[art.id].ents]


def test_model_key_names_model_and_version(nlp):
    key = nd_nlp.model_key(nlp)
    assert "core_web_sm" in key and "3.8" in key
