"""The speed work on entity resolution changes nothing it returns: the memoised string functions give
what their undecorated bodies give, every memo is bounded and keyed on strings only (no state of one
build reaches the next), each parse is read once per call, and the rewritten scans find what the
plain ones found. (bench/entities_identical.py checks whole outputs against a revision, byte for byte.)
"""

from __future__ import annotations

import functools
import inspect
import random
import re
from collections.abc import Iterator, Mapping

import pytest

from newsdossier.analysis.entities import (
    clusters,
    mentions,
    names,
    resolve,
    resolve_entities,
    rules,
    variants,
)
from newsdossier.model import Article

# surfaces a name function meets: particles, hyphens, apostrophes of every kind, accents, titles, dots,
# capitals, odd whitespace (no-break space, information separators), digits, empty and quote-only tokens
TRICKY = [
    "", " ", "al-Rashidi", "Al-Kazemi", "el-Baz", "De La", "van", "Van", "bin", "Jong-Un", "Abad-Santos",
    "O'Brien", "O’Brien", "D`Arcy", "José", "Zoë", "Ørsted", "Mr.", "Mr", "mr.", "Gen", "Gen.", "President",
    "U.S.", "U.S", "NATO", "Nato", "Mrs", "Messrs.", "A.", "Q.", "3M", "Oscar-", "Shhhh", "XIV", "R-Texas",
    "Ann Li/AP", "Photography - Ann Li", "Moqbel\u00a0al-Rashidi", "Moqbel\x1cRashidi", "Tom  Fenwick",
    "\u2018", "’", "''", "Honoring Biden", "La La Land's Emma Stone", "Beatty saw Emma Stone", "the Post",
    "Procter and Gamble", "Ilse Marrow Dead", "Trump Jr", "Donald Trump Jr.", "GEORGE STEPHANOPOULOS",
    "Qadhafi", "Gaddafi", "Zelenskyy", "Aleksandr", "Petroff", "Binyamin", "Riyad", "x", "ab", "abcd",
]


def _memos() -> Iterator[tuple[str, object]]:
    for module in (names, mentions, clusters, resolve, rules, variants):
        for name, value in vars(module).items():
            if callable(getattr(value, "cache_info", None)):
                yield f"{module.__name__}.{name}", value


def test_every_memo_is_bounded_and_keyed_on_plain_values() -> None:
    found = dict(_memos())
    assert {"names.split_name", "names.norm_token", "names.is_title", "names.is_particle", "names.consonant_key",
            "mentions._acceptable"} <= {k.rsplit(".", 2)[-2] + "." + k.rsplit(".", 1)[-1] for k in found}
    for name, fn in found.items():
        assert fn.cache_info().maxsize is not None, f"{name} is an unbounded memo"  # type: ignore[attr-defined]
        params = inspect.signature(fn).parameters  # type: ignore[arg-type]
        assert all(p.annotation in ("str", "tuple[str, ...]") for p in params.values()), \
            f"{name} is memoised on something other than strings: {params}"


@pytest.mark.parametrize("fn", [names.norm_token, names.is_title, names.is_particle, names.consonant_key,
                                mentions._acceptable])
def test_memoised_string_functions_give_their_plain_results(fn: functools._lru_cache_wrapper) -> None:
    plain = fn.__wrapped__
    for text in TRICKY + [t.lower() for t in TRICKY]:
        if fn is names.consonant_key:
            text = names.norm_token(text)
        assert fn(text) == plain(text), text
        assert fn(text) == plain(text), text  # the second call is answered by the memo


def test_split_name_memo_and_plain_agree_and_whitespace_is_re_whitespace() -> None:
    plain = names.split_name.__wrapped__
    for text in TRICKY:
        try:
            want = plain(text)
        except ValueError:
            with pytest.raises(ValueError):
                names.split_name(text)
            continue
        got = names.split_name(text)
        assert got == want and got.key == " ".join(want.tokens) and got.core_key == " ".join(want.core)
        assert got.tokens == tuple(t for t in got.tokens if t)
    # str.split and re's \s agree on every code point, so "A<no-break space>B" stays two words
    assert all((re.fullmatch(r"\s", chr(c)) is not None) == chr(c).isspace() for c in range(0x3100))
    assert names.split_name("Moqbel\u00a0al-Rashidi").core == ("moqbel", "rashidi")


def test_name_keys_are_set_once_and_do_not_change_equality() -> None:
    a, b = names.split_name("Moqbel al-Rashidi"), names.split_name.__wrapped__("Moqbel al-Rashidi")
    assert a == b and hash(a) == hash(b) and a is not b
    assert a.key == "moqbel al rashidi" and a.core_key == "moqbel rashidi"
    assert "_key" not in repr(a)


def test_possessive_pair_pattern_finds_what_the_plain_one_found() -> None:
    plain = re.compile(r"(?<![\w'’])([A-Z][\w-]*)['’]s\s+([A-Z][\w-]*)")
    rnd = random.Random(15)
    alphabet = "aAbB'’s -\n_é1Z"
    samples = ["Martha's Vineyard", "St. John's Wood", "O'Brien's House", "xMartha's Vineyard", "’Tis Ann's Day",
               "the Smiths' Farm", "Clinton’s White House", "_A's B", "1A's B"]
    samples += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14))) for _ in range(20000)]
    for text in samples:
        got = [(m.span(), m.groups()) for m in mentions._POSSESSIVE_PAIR.finditer(text)]
        assert got == [(m.span(), m.groups()) for m in plain.finditer(text)], text


def test_ui_prompts_need_an_arrow_so_texts_without_one_are_not_scanned() -> None:
    assert mentions._UI_PROMPT.pattern.endswith("[»›]")  # the shortcut in furniture_ranges rests on this
    text = "Lead paragraph.\nWatch Ann Li assess the damage »\nShare this\nThe rest."
    assert furniture_on(text) == sorted([(m.start(), m.end()) for m in mentions._UI_PROMPT.finditer(text)]
                                        + [(m.start(), m.end()) for m in mentions._UI_LINE.finditer(text)])
    bare = text.replace("»", "")
    assert mentions._UI_PROMPT.search(bare) is None
    assert furniture_on(bare) == [(m.start(), m.end()) for m in mentions._UI_LINE.finditer(bare)]


def furniture_on(text: str) -> list[tuple[int, int]]:
    return mentions.furniture_ranges(text)


def test_credit_line_role_as_before() -> None:
    text = "Credits\n1st AC - Chris MacDonald\nDirector of Photography – Ann Li\nAnn Li said - no."
    assert mentions._credit_role(text, 8, 10)  # "1st" before the dash of a credit line
    assert not mentions._credit_role(text, 14, 29)  # the name after it
    assert mentions._credit_role(text, text.index("Director"), text.index("Director") + 8)
    assert not mentions._credit_role(text, text.index("Ann Li said"), text.index("Ann Li said") + 6)
    assert not mentions._credit_role("No dash here at all", 0, 2)


class _Counting(Mapping):
    """A parse store that counts lookups (each lookup of :class:`nlp.Parses` rebuilds a Doc)."""

    def __init__(self, docs: Mapping) -> None:
        self.docs, self.reads = docs, 0

    def __getitem__(self, key: str):
        self.reads += 1
        return self.docs[key]

    def __contains__(self, key: object) -> bool:  # as nlp.Parses: a membership test reads no parse
        return key in self.docs

    def __iter__(self):
        return iter(self.docs)

    def __len__(self) -> int:
        return len(self.docs)


TEXTS = ["Senator Tom Fenwick of Ohio said on Tuesday that Fenwick's plan would pass. Fenwick spoke in Columbus.",
         "Tom Fenwick, the senator, met Laura Brennick of the Acme Corp. in Columbus. Brennick said no.",
         "Mr. Fenwick and the Acme Corp. were named in the report on Martha's Vineyard and Martha's Vineyard Airport."]


def test_each_parse_is_read_once_per_call(nlp) -> None:
    arts = [Article.create(t, f"speed#{i}", outlet="Outlet", published="2025-04-09") for i, t in enumerate(TEXTS)]
    docs = _Counting({a.id: nlp(a.text) for a in arts})
    for story_of in (None, {arts[0].id: "s1", arts[1].id: "s1", arts[2].id: "s2"}):
        docs.reads = 0
        resolve_entities(arts, docs, story_of=story_of)
        assert docs.reads == len(arts)
    with pytest.raises(KeyError, match="no spaCy parse"):
        resolve_entities([*arts, Article.create("Ann Li spoke.", "speed#x", outlet="O")], docs)


def test_no_state_of_one_call_reaches_the_next(nlp) -> None:
    """Memos are keyed on strings only: a call after another gives what it gives from cold memos."""
    arts = [Article.create(t, f"speed#{i}", outlet="Outlet", published="2025-04-09") for i, t in enumerate(TEXTS)]
    other = [Article.create("Fenwick Park in Columbus opened. The Fenwicks came. Tom Fenwick Jr. spoke.", "other#0",
                            outlet="Outlet", published="2025-04-09")]
    docs = {a.id: nlp(a.text) for a in arts + other}
    resolve_entities(other, docs)
    warm = resolve_entities(arts, docs)
    for _name, fn in _memos():
        fn.cache_clear()  # type: ignore[attr-defined]
    assert resolve_entities(arts, docs) == warm


def test_cluster_articles_and_cues_kept_through_unions_equal_a_rebuild(nlp) -> None:
    from collections import Counter

    from newsdossier.analysis.entities.clusters import Clusters, build_forms
    from newsdossier.analysis.entities.mentions import extract

    arts = [Article.create(t, f"speed#{i}", outlet="Outlet", published="2025-04-09") for i, t in enumerate(TEXTS)]
    docs = {a.id: nlp(a.text) for a in arts}
    forms = build_forms(extract(arts, docs)[0])
    assert len(forms) >= 4
    cl = Clusters(forms, [])
    rnd = random.Random(7)
    for step in range(3 * len(forms)):
        i, j = rnd.randrange(len(forms)), rnd.randrange(len(forms))
        if step % 2:  # fill the memos of some clusters first, leave others cold
            cl.articles(i), cl.cues(j), cl.person_like(i), cl.has_full_person(j)
        cl.union(i, j, None)
        for k in range(len(forms)):
            members = cl.members[cl.find(k)]
            assert cl.articles(k) == set().union(*(forms[m].articles for m in members))
            c = Counter(m.cue for n in members for m in forms[n].mentions)
            assert cl.cues(k) == (c["person"] + c["says"], c["nonperson"] + c["organisation"] + c["craft"], c["other"])
            assert cl.person_like(k) == (cl.kind(k) == "person" or any(
                forms[n].name.key in cl._key_person for n in members))
            assert cl.has_full_person(k) == (any(not forms[n].single for n in members) and cl.kind(k) == "person")


def test_salience_reads_each_articles_first_mention() -> None:
    from newsdossier.analysis.entities.resolve import _salience

    class M:
        def __init__(self, article: str, start: int) -> None:
            self.span = type("S", (), {"article": article, "start": start})()

    ments = [M("a", 50), M("b", 10), M("a", 5), M("b", 90), M("a", 70)]
    lengths = {"a": 100, "b": 100}
    # a: first at 5, b: first at 10 -> early = (0.95 + 0.90) / 2 articles
    want = round(1.0 * (2 / 2 + 0.5 * __import__("math").log1p(5) + 0.5 * (0.95 + 0.90) / 2), 4)
    assert _salience(ments, 2, lengths, "person") == want  # type: ignore[arg-type]


def _skeleton_plain(token: str) -> tuple[str, ...]:
    """names._skeleton as written before the letter guards (every pattern on every token)."""
    s = token.replace("x", "ks")
    s = names._FINAL_R.sub("er", s)
    s = s.replace("ph", "f").replace("ck", "k").replace("sh", "S").replace("ch", "C").replace("zh", "Z")
    s = names._C_SOFT.sub("s", s)
    s = s.replace("c", "k").replace("q", "k").replace("g", "k")
    s = names._DOUBLE.sub(r"\1", s)
    s = names._H_AFTER_CONSONANT.sub("", s)
    s = names._FINAL_H.sub("", s)
    s = names._J_AFTER_CONSONANT.sub("y", s)
    s = names._Y_BETWEEN_VOWELS.sub("", s)
    s = names._Y_CONSONANT.sub("Y", s)
    s = s.replace("y", "i")
    s = names._DOUBLE.sub(r"\1", s)
    s = names._FINAL_FV.sub("v", s)
    return tuple(names._GROUPS.findall(s))


def test_skeleton_with_letter_guards_as_without() -> None:
    rnd = random.Random(151)
    tokens = [names.norm_token(t) for t in TRICKY] + ["qadhafi", "aleksandr", "petroff", "riyad", "binyamin", "h\n"]
    tokens += ["".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(1, 10))) for _ in range(5000)]
    tokens += ["".join(rnd.choice("aeiouyhjrcfwxkgq") for _ in range(rnd.randint(1, 8))) for _ in range(5000)]
    for t in tokens:
        assert names._skeleton.__wrapped__(t) == _skeleton_plain(t), t


def test_credit_and_interview_shortcuts_rest_on_their_patterns() -> None:
    # extract skips _credit_role in an article with none of the dashes, and the Q/A layout test in one without "Q. "
    assert mentions._QA_LINE.pattern == r"^Q\. "
    for text in ("Credits\nGrip – Ann Li", "Grip — Ann Li", "Grip - Ann Li"):
        assert any(d in text for d in mentions._CREDIT_DASHES) and mentions._credit_role(text, text.index("Grip"),
                                                                                          text.index("Grip") + 4)
    assert not mentions._credit_role("Grip -- Ann Li", 0, 4) and not mentions._credit_role("Grip-Ann Li", 0, 4)
