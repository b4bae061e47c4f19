"""The NLP pass: sentences never cross paragraphs; mentions are spans; parses are cached."""

from __future__ import annotations

import pytest

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


def test_parallel_parse_gives_the_same_parses_as_one_process(nlp, store):
    texts = [f"Mayor Clara Jensen of town {i} opened the bridge on Friday.\nThe council in Oslo approved "
             f"{i + 3} million crowns for repairs. \"It is safe,\" said engineer Ola Berg." for i in range(12)]
    arts = [Article.create(t, f"t{i}") for i, t in enumerate(texts)]
    one = nd_nlp.parse(arts, nlp=nlp, n_process=1)
    two = nd_nlp.parse(arts, nlp=nlp, n_process=2, cache=store)
    for a in arts:
        x, y = one[a.id], two[a.id]
        assert [(t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in x] == \
               [(t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in y]
        assert [s.text for s in nd_nlp.sentences(a, x)] == [s.text for s in nd_nlp.sentences(a, y)]
    cached = nd_nlp.parse(arts, nlp=nlp, cache=store)  # the parallel run filled the cache
    assert all(cached[a.id].to_bytes(exclude=["tensor", "user_data"]) == one[a.id].to_bytes(exclude=["tensor", "user_data"])
               for a in arts)


def test_the_number_of_workers_follows_the_input():
    import threading

    import pytest

    c = nd_nlp.cores()
    small = ["A short text about the ferry."] * 5
    large = ["A longer text about the ferry and the pier. " * 60] * 60
    assert nd_nlp.workers_for(small) == 1
    assert nd_nlp.workers_for(large) == c  # every core
    assert nd_nlp.workers_for(large, 1) == 1 and nd_nlp.workers_for(small, -1) == min(c, 5)
    assert nd_nlp.workers_for(["one"], 4) == 1  # never more workers than texts
    seen = []
    worker = threading.Thread(target=lambda: seen.append(nd_nlp.workers_for(large)))
    worker.start()
    worker.join()
    assert seen == [1]  # spaCy forks: never from a server's worker thread
    with pytest.raises(ValueError, match="n_process"):
        nd_nlp.workers_for(small, 0)


def test_parses_are_held_as_bytes_and_rebuilt_one_at_a_time(nlp):
    import gc

    import pytest
    from spacy.tokens import Doc

    texts = [f"Mayor Clara Jensen of town {i} opened the bridge on Friday. \"It is safe,\" said Ola Berg."
             for i in range(6)]
    arts = [Article.create(t, f"t{i}") for i, t in enumerate(texts)]
    gc.collect()
    before = sum(isinstance(o, Doc) for o in gc.get_objects())
    docs = nd_nlp.parse(arts, nlp=nlp, n_process=1)
    gc.collect()
    assert sum(isinstance(o, Doc) for o in gc.get_objects()) == before  # no Doc held
    one = docs[arts[2].id]
    gc.collect()
    assert sum(isinstance(o, Doc) for o in gc.get_objects()) == before + 1  # the count sees a Doc
    direct = nlp(texts[2])
    assert one.text == texts[2]
    assert [(t.tag_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in one] == \
           [(t.tag_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in direct]
    view = docs.only({arts[0].id, arts[5].id, "no such id"})
    assert sorted(view) == sorted([arts[0].id, arts[5].id]) and arts[1].id not in view
    assert view[arts[5].id].text == texts[5]
    with pytest.raises(KeyError):
        docs["no such id"]
    docs.close()
    with pytest.raises(ValueError, match="closed"):
        view[arts[0].id]


def test_title_case_is_one_test_for_headlines_and_headings():
    from newsdossier.nlp import is_title_case

    assert is_title_case("Senate Passes Sweeping Budget Deal After Late Vote".split())
    assert is_title_case("Storm Leaves Thousands Without Power in the North".split())  # short words do not count
    assert not is_title_case("The senate passed the budget deal after a late vote.".split())
    assert not is_title_case("Obama Said Yes".split())  # too few long words to tell


def test_an_unreadable_text_is_refused_before_parsing_with_its_article(nlp):
    # spaCy's tokenizer raised UnicodeEncodeError mid-batch on a lone surrogate (issue 16);
    # ingest replaces them, an article made by other code is refused naming it
    good = Article.create("The harbour reopened on Monday.", "good.txt")
    bad = Article.create("The mayor \ud83d said the bridge would open.", "made-by-hand")
    with pytest.raises(nd_nlp.UnreadableText, match=r"made-by-hand.*U\+D83D at character 10"):
        nd_nlp.parse([good, bad], nlp=nlp)
    assert len(nd_nlp.parse([good], nlp=nlp)) == 1


def test_a_long_run_without_spaces_is_tokenized_in_linear_time(nlp):
    # spaCy's tokenizer split the affixes of one run in quadratic time: 16,000 characters of
    # "»" took 90 s to parse, an 80 KB fuzzed file of brackets most of an hour (issue 16)
    import time

    run = "[" * 3000 + "»" * 3000 + "]" * 3000
    t0 = time.process_time()
    doc = nlp.tokenizer(run)
    assert time.process_time() - t0 < 2  # was about 20 s
    assert doc.text == run and len(doc) == len(run)
    prose = "The mayor (who spoke first) said: \"No.\" See https://a.example/" + "q" * 300 + " today."
    assert [t.text for t in nlp.tokenizer(prose)] == [t.text for t in nlp.tokenizer.inner(prose)]
    art = Article.create(prose + "\n\n" + run + "\n\nThe council met on Monday.", "runs.txt")
    docs = nd_nlp.parse([art], nlp=nlp)
    assert docs[art.id].text == art.text
    assert [t.text for t in docs[art.id]][:len(nlp.tokenizer.inner(prose))] == [t.text for t in nlp.tokenizer.inner(prose)]
    for span in nd_nlp.sentences(art, docs[art.id]):
        assert art.text[span.start:span.end] == span.text


def test_a_rebuilt_parse_equals_spacys_own_and_decoders_are_looked_up_once(nlp, monkeypatch):
    import srsly
    from spacy.tokens import Doc

    doc = nlp("Ann Lee of Acme said on Monday that 3,000 jobs would go. \u201cIt hurts,\u201d she said.")
    data = doc.to_bytes(exclude=list(nd_nlp.SERIALISE_EXCLUDE))
    nd_nlp._msgpack_hook.cache_clear()
    calls = []
    real = srsly.msgpack.msgpack_decoders.get_all
    monkeypatch.setattr(srsly.msgpack.msgpack_decoders, "get_all", lambda: calls.append(1) or real())
    rebuilt = [nd_nlp._doc_from_bytes(nlp.vocab, data) for _ in range(3)]
    assert len(calls) == 1  # spaCy's own from_bytes looks them up on every call
    nd_nlp._msgpack_hook.cache_clear()  # later callers get the real decoders again
    plain = Doc(nlp.vocab).from_bytes(data)
    for got in rebuilt:
        assert got.to_bytes() == plain.to_bytes()
        assert [(t.text, t.dep_, t.head.i, t.ent_type_, t.lemma_) for t in got] == \
            [(t.text, t.dep_, t.head.i, t.ent_type_, t.lemma_) for t in plain]
