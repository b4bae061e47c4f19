"""Cross-document entity resolution: name forms, merge rules, kinds, salience.

Mentions are grouped into *forms* (one per spelling after case, accent, hyphen and
particle folding). Forms are merged by a sequence of general rules, each logged with its
evidence; a merge that would join two names the user declared distinct is refused. The
kind of an entity is voted over all its mentions, so one mislabelled mention does not
decide it. Precision first: every rule that could join two different people requires that
nothing contradicts the merge and that exactly one candidate fits.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from spacy.tokens import Doc

from ...model import Article, Entity, Merge, Span
from .mentions import KINDS, NameMention, extract
from .names import Name, acronym_key, derived_from, initials, plural_of, same_token, same_tokens, split_name


class EntityRulesError(ValueError):
    """The user's entity rules (must-link / cannot-link) are malformed or contradict each other."""


def _name_key(text: str) -> str:
    try:
        return split_name(text).key
    except ValueError as exc:
        raise EntityRulesError(f"{text!r} is not a name (it has no letters)") from exc


@dataclass(frozen=True)
class EntityRules:
    """User overrides for entity resolution.

    Attributes:
        must_link: pairs of names that denote one entity (merged whenever both are seen).
        cannot_link: pairs of names that denote different entities (never merged).
    """

    must_link: tuple[tuple[str, str], ...] = ()
    cannot_link: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        must = {frozenset((_name_key(a), _name_key(b))) for a, b in self.must_link}
        for a, b in self.cannot_link:
            if frozenset((_name_key(a), _name_key(b))) in must:
                raise EntityRulesError(f"{a!r} and {b!r} are both must-link and cannot-link; keep one")

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> "EntityRules":
        """Build rules from a JSON-like mapping.

        The mapping has the keys ``must_link`` and/or ``cannot_link`` (``must-link`` and
        ``cannot-link`` are accepted too), each a list of two-name lists, e.g.
        ``{"must_link": [["Jon Smith", "J. Smith"]], "cannot_link": [["Paris", "Paris Hilton"]]}``.

        Raises:
            EntityRulesError: on an unknown key, a pair that is not two non-empty strings,
                or a pair that is both must-link and cannot-link.
        """
        if not isinstance(data, Mapping):
            raise EntityRulesError(f"entity rules must be an object, got {type(data).__name__}")
        known = {"must_link": "must_link", "must-link": "must_link", "cannot_link": "cannot_link",
                 "cannot-link": "cannot_link"}
        out: dict[str, list[tuple[str, str]]] = {"must_link": [], "cannot_link": []}
        for key, value in data.items():
            if key not in known:
                raise EntityRulesError(
                    f"unknown key {key!r} in entity rules; use 'must_link' and 'cannot_link'"
                )
            if not isinstance(value, (list, tuple)):
                raise EntityRulesError(f"{key!r} must be a list of [name, name] pairs")
            for pair in value:
                if (not isinstance(pair, (list, tuple)) or len(pair) != 2
                        or not all(isinstance(x, str) and x.strip() for x in pair)):
                    raise EntityRulesError(f"{key!r} entry {pair!r} is not a pair of two names")
                out[known[key]].append((pair[0].strip(), pair[1].strip()))
        return cls(tuple(out["must_link"]), tuple(out["cannot_link"]))


# --------------------------------------------------------------------------- forms


@dataclass
class _Form:
    """All mentions that share one spelling key."""

    index: int
    name: Name
    mentions: list[NameMention] = field(default_factory=list)
    labels: Counter = field(default_factory=Counter)
    surfaces: Counter = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    former: bool = False

    @property
    def kind(self) -> str:
        return _vote(self.labels_kinds())

    def labels_kinds(self) -> Counter:
        c: Counter = Counter()
        for m in self.mentions:
            c[m.kind] += 1
        return c


_KIND_PRIORITY = {k: i for i, k in enumerate(KINDS)}


def _vote(counts: Mapping[str, float]) -> str:
    if not counts:
        return "other"
    return max(counts, key=lambda k: (counts[k], -_KIND_PRIORITY.get(k, 9)))


class _Clusters:
    """Union-find over forms with a merge log and cannot-link constraints."""

    def __init__(self, forms: Sequence[_Form], cannot: Iterable[tuple[str, str]]) -> None:
        self.forms = forms
        self.parent = list(range(len(forms)))
        self.log: dict[int, list[Merge]] = defaultdict(list)
        self.members: dict[int, set[int]] = {i: {i} for i in range(len(forms))}
        self.cannot = [(a, b) for a, b in cannot]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def keys(self, root: int) -> set[str]:
        return {self.forms[i].name.key for i in self.members[root]}

    def allowed(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ka, kb = self.keys(ra), self.keys(rb)
        return not any((x in ka and y in kb) or (y in ka and x in kb) for x, y in self.cannot)

    def union(self, a: int, b: int, rule: str, evidence: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or not self.allowed(ra, rb):
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        self.log[ra].extend(self.log.pop(rb, []))
        self.log[ra].append(Merge(rule, evidence))
        return True

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.forms)):
            out[self.find(i)].append(i)
        return out

    def kind(self, root: int) -> str:
        counts: Counter = Counter()
        for i in self.members[self.find(root)]:
            form = self.forms[i]
            weight = 2.0 if len(form.name.core) >= 2 else 1.0
            for k, n in form.labels_kinds().items():
                counts[k] += weight * n
        return _vote(counts)

    def articles(self, root: int) -> set[str]:
        out: set[str] = set()
        for i in self.members[self.find(root)]:
            out |= self.forms[i].articles
        return out


def _q(form: _Form) -> str:
    return repr(form.surfaces.most_common(1)[0][0])


def _build_forms(mentions: Sequence[NameMention]) -> list[_Form]:
    by_key: dict[str, _Form] = {}
    for m in mentions:
        form = by_key.get(m.name.key)
        if form is None:
            form = by_key[m.name.key] = _Form(len(by_key), m.name)
        form.mentions.append(m)
        form.labels[m.label] += 1
        form.surfaces[m.span.text] += 1
        form.articles.add(m.span.article)
    return list(by_key.values())


# --------------------------------------------------------------------------- rules


def _rule_user(cl: _Clusters, forms: Sequence[_Form], must: Sequence[tuple[str, str]]) -> None:
    by_key = {f.name.key: f.index for f in forms}
    for a, b in must:
        ka, kb = _name_key(a), _name_key(b)
        if ka in by_key and kb in by_key:
            cl.union(by_key[ka], by_key[kb], "user must-link", f"entity rules say {a!r} = {b!r}")


def _rule_particles(cl: _Clusters, forms: Sequence[_Form]) -> None:
    """Same name once particles are set aside: "al-Sadr" = "Al Sadr" = "Sadr"."""
    by_core: dict[str, list[_Form]] = defaultdict(list)
    for f in forms:
        by_core[f.name.core_key].append(f)
    for group in by_core.values():
        for other in group[1:]:
            first = group[0]
            cl.union(first.index, other.index, "particle",
                     f"{_q(first)} and {_q(other)} differ only by a particle (al-, bin, van, de ...)")


def _compatible_kinds(cl: _Clusters, a: _Form, b: _Form) -> bool:
    ka, kb = cl.kind(a.index), cl.kind(b.index)
    return ka == kb or "other" in (ka, kb)


def _rule_transliteration(cl: _Clusters, forms: Sequence[_Form]) -> None:
    """Romanisation variants of one name.

    For people the two spellings must never co-occur in one article (an outlet keeps its
    spelling, so two spellings side by side are two people).
    """
    for i, a in enumerate(forms):
        for b in forms[i + 1:]:
            if a.name.core == b.name.core or len(a.name.core) != len(b.name.core):
                continue
            if not same_tokens(a.name.core, b.name.core):
                continue
            person = "person" in (cl.kind(a.index), cl.kind(b.index))
            if person and cl.articles(a.index) & cl.articles(b.index):
                continue
            if len(a.name.core) == 1 and not _compatible_kinds(cl, a, b):
                continue
            diff = [f"{x}/{y}" for x, y in zip(a.name.core, b.name.core) if x != y]
            cl.union(a.index, b.index, "transliteration",
                     f"{_q(a)} ~ {_q(b)}: spelling alternation {', '.join(diff)}"
                     + ("; the two spellings never appear in the same article" if person else ""))


def _rule_formerly(cl: _Clusters, forms: Sequence[_Form], articles: Mapping[str, Article]) -> None:
    """ "X (formerly Y)" or "X, formerly known as Y": Y is a former name of X."""
    by_article: dict[str, list[tuple[NameMention, _Form]]] = defaultdict(list)
    for f in forms:
        for m in f.mentions:
            by_article[m.span.article].append((m, f))
    pattern = re.compile(r"^\s*[(,–—-]\s*(?:formerly|previously|once|earlier)\s+(?:known\s+as\s+|called\s+|named\s+)?"
                         r"(?:the\s+)?$", re.IGNORECASE)
    for art_id, items in by_article.items():
        items.sort(key=lambda x: x[0].span.start)
        text = articles[art_id].text
        for (m1, f1), (m2, f2) in zip(items, items[1:]):
            between = text[m1.span.end : m2.span.start]
            if len(between) <= 40 and pattern.match(between):
                f2.former = True
                cl.union(f1.index, f2.index, "former name",
                         f"{m1.span.text!r} is described as formerly {m2.span.text!r}")


def _rule_acronyms(cl: _Clusters, forms: Sequence[_Form], articles: Mapping[str, Article]) -> None:
    """Acronyms defined in the text ("Name (ABC)") or matching one name's initials."""
    # defined in text
    by_article: dict[str, list[tuple[NameMention, _Form]]] = defaultdict(list)
    for f in forms:
        for m in f.mentions:
            by_article[m.span.article].append((m, f))
    acr_forms = {f.index: acronym_key(f.surfaces.most_common(1)[0][0]) for f in forms}
    for art_id, items in by_article.items():
        text = articles[art_id].text
        for m, f in items:
            if len(f.name.core) < 2:
                continue
            match = re.match(r"\s*\(\s*([A-Za-z.&]{2,10})\s*\)", text[m.span.end : m.span.end + 16])
            if not match:
                continue
            key = match.group(1).replace(".", "").lower()
            for g in forms:
                if g is not f and acr_forms[g.index] == key:
                    cl.union(f.index, g.index, "acronym defined",
                             f"{m.span.text!r} is followed by ({match.group(1)}) in the text")
    # matching initials: exactly one multi-word name fits
    expansions: dict[str, set[int]] = defaultdict(set)
    for f in forms:
        if len(f.name.caps) >= 2 and cl.kind(f.index) in ("organisation", "place", "other"):
            for ini in initials(f.name):
                expansions[ini].add(cl.find(f.index))
    for f in forms:
        key = acr_forms[f.index]
        if not key or len(f.name.caps) != 1:
            continue
        if cl.kind(f.index) not in ("organisation", "place", "other"):
            continue
        cands = {cl.find(r) for r in expansions.get(key, set())} - {cl.find(f.index)}
        if len(cands) == 1:
            root = cands.pop()
            cl.union(root, f.index, "acronym initials",
                     f"{_q(f)} are the initials of {_q(forms[root])} (the only name that fits)")


def _rule_plural_groups(cl: _Clusters, forms: Sequence[_Form]) -> None:
    """Group words in singular and plural ("Iraqi"/"Iraqis") are one group."""
    singles = {f.name.core_key: f for f in forms if len(f.name.core) == 1}
    for f in forms:
        if len(f.name.core) != 1:
            continue
        word = f.name.core[0]
        for stem in (word[:-1], word[:-2]):
            g = singles.get(stem)
            if g is None or not plural_of(stem, word):
                continue
            kinds = {cl.kind(f.index), cl.kind(g.index)}
            if "group" in kinds and "person" not in kinds:
                cl.union(g.index, f.index, "plural", f"{_q(f)} is the plural of the group word {_q(g)}")


def _rule_name_extension(cl: _Clusters, forms: Sequence[_Form]) -> None:
    """Person names where one adds middle names to the other ("George W. Bush" / "George Bush")."""
    people = [f for f in forms if len(f.name.core) >= 2 and cl.kind(f.index) == "person"]
    for a in people:
        for b in people:
            if a is b or len(a.name.core) >= len(b.name.core):
                continue
            if not (same_token(a.name.first, b.name.first) and same_token(a.name.last, b.name.last)):
                continue
            middle = b.name.core[1:-1]
            if all(any(same_token(x, y) for y in middle) for x in a.name.core[1:-1]):
                cl.union(a.index, b.index, "name extension",
                         f"{_q(b)} adds middle names to {_q(a)}; first and last names agree")


def _person_roots(cl: _Clusters, forms: Sequence[_Form]) -> dict[int, list[_Form]]:
    """Return person clusters that contain a multi-word name, with those names."""
    out: dict[int, list[_Form]] = defaultdict(list)
    for f in forms:
        if len(f.name.core) >= 2 and cl.kind(f.index) == "person":
            out[cl.find(f.index)].append(f)
    return out


def _rule_partial_names(cl: _Clusters, forms: Sequence[_Form]) -> None:
    """A surname or first name alone joins the one person whose full name it fits."""
    people = _person_roots(cl, forms)
    for f in forms:
        root = cl.find(f.index)
        if root in people:
            continue
        members = [forms[i] for i in cl.members[root]]
        if any(len(m.name.core) != 1 for m in members):
            continue
        kind = cl.kind(root)
        if kind == "group":
            continue
        token = f.name.core[0]
        if len(token) < 2 or not token.isalpha():
            continue
        surname_hits: set[int] = set()
        first_hits: set[int] = set()
        for p_root, names in people.items():
            for n in names:
                if same_token(token, n.name.last) and (not f.name.particle or n.name.particle):
                    surname_hits.add(p_root)
                if same_token(token, n.name.first):
                    first_hits.add(p_root)
        hits = surname_hits | first_hits
        if len(hits) != 1:
            continue
        target = hits.pop()
        if kind != "person" and not (cl.articles(root) & cl.articles(target)):
            continue  # a non-person reading with no full name nearby: leave it alone
        if target in first_hits and target not in surname_hits and kind != "person":
            continue
        how = "surname" if target in surname_hits else "first name"
        full = max(people[target], key=lambda x: len(x.mentions))
        cl.union(target, f.index, f"{how} only",
                 f"{_q(f)} is the {how} of {_q(full)}, the only person in the articles it fits")


# --------------------------------------------------------------------------- assembly


def _canonical(members: Sequence[_Form], kind: str) -> str:
    def score(f: _Form) -> tuple:
        surface, count = f.surfaces.most_common(1)[0]
        well_formed = surface[:1].isupper() and not surface.isupper() or acronym_key(surface) is None
        return (not f.former, well_formed, len(f.name.core) if kind == "person" else len(f.name.tokens),
                sum(f.surfaces.values()), -len(surface), surface)

    best = max(members, key=score)
    return best.surfaces.most_common(1)[0][0]


def _salience(mentions: Sequence[NameMention], n_articles: int, lengths: Mapping[str, int],
              kind: str) -> float:
    arts = {m.span.article for m in mentions}
    spread = len(arts) / max(1, n_articles)
    volume = math.log1p(len(mentions))
    early = 0.0
    for art in arts:
        first = min(m.span.start for m in mentions if m.span.article == art)
        early += 1.0 - min(1.0, first / max(1, lengths[art]))
    early /= max(1, n_articles)
    weight = {"person": 1.0, "organisation": 0.9, "group": 0.6, "place": 0.7}.get(kind, 0.5)
    return round(weight * (spread + 0.5 * volume + 0.5 * early), 4)


def _related(entities: list[dict], forms: Sequence[_Form]) -> None:
    """Link places named after a person and group words derived from a name."""
    for e in entities:
        e["related"] = set()
    for a in entities:
        a_names = [forms[i].name for i in a["forms"]]
        for b in entities:
            if a is b:
                continue
            b_names = [forms[i].name for i in b["forms"]]
            if a["kind"] == "person":
                surnames = {n.last for n in a_names if len(n.core) >= 2} or {n.last for n in a_names}
                for n in b_names:
                    named_after = len(n.core) >= 2 and b["kind"] != "person" and any(
                        same_token(s, t) for s in surnames for t in n.core)
                    derived = len(n.core) == 1 and any(derived_from(s, n.core[0]) for s in surnames)
                    if named_after or derived:
                        a["related"].add(b["key"])
                        b["related"].add(a["key"])
            if a["kind"] == "place" and b["kind"] == "group":
                stems = {n.core[-1] for n in a_names if len(n.core) == 1}
                if any(derived_from(s, n.core[0]) for s in stems for n in b_names if len(n.core) == 1):
                    a["related"].add(b["key"])
                    b["related"].add(a["key"])


def resolve_entities(
    articles: Sequence[Article],
    docs: Mapping[str, Doc],
    rules: EntityRules | None = None,
) -> list[Entity]:
    """Resolve spaCy's mentions across articles into entities.

    Args:
        articles: the articles of one story.
        docs: their spaCy parses, by article id (see :func:`newsdossier.nlp.parse`).
        rules: user must-link / cannot-link overrides.

    Returns:
        Entities sorted by salience (most central first) with ids ``E1``, ``E2`` ... in that
        order; each carries its canonical name, kind, aliases, mention spans, role spans,
        the merge log and related entity ids.

    Raises:
        KeyError: if an article has no parse in ``docs``.
    """
    rules = rules or EntityRules()
    by_id = {a.id: a for a in articles}
    mentions, _raw = extract(articles, docs)
    forms = _build_forms(mentions)
    cl = _Clusters(forms, [(_name_key(a), _name_key(b)) for a, b in rules.cannot_link])
    _rule_user(cl, forms, rules.must_link)
    _rule_particles(cl, forms)
    _rule_formerly(cl, forms, by_id)
    _rule_transliteration(cl, forms)
    _rule_acronyms(cl, forms, by_id)
    _rule_plural_groups(cl, forms)
    _rule_name_extension(cl, forms)
    _rule_partial_names(cl, forms)

    lengths = {a.id: len(a.text) for a in articles}
    raw_entities: list[dict] = []
    for root, idxs in cl.groups().items():
        members = [forms[i] for i in idxs]
        kind = cl.kind(root)
        ments = sorted((m for f in members for m in f.mentions), key=lambda m: m.order)
        aliases = Counter()
        for f in members:
            aliases.update(f.surfaces)
        roles: dict[tuple[str, int, int], Span] = {}
        if kind == "person":
            for m in ments:
                for r in m.roles:
                    roles.setdefault((r.article, r.start, r.end), r)
        spelling = [
            Merge("same spelling", " = ".join(repr(x) for x, _ in f.surfaces.most_common())
                  + " differ only in case, hyphens or accents")
            for f in members if len(f.surfaces) > 1
        ]
        raw_entities.append({
            "key": root, "forms": idxs, "kind": kind,
            "name": _canonical(members, kind),
            "aliases": tuple(a for a, _ in sorted(aliases.items(), key=lambda x: (-x[1], x[0]))),
            "mentions": tuple(m.span for m in ments),
            "roles": tuple(roles.values()),
            "merges": tuple(spelling + cl.log.get(root, [])),
            "salience": _salience(ments, len(articles), lengths, kind),
            "first": ments[0].order,
        })
    _related(raw_entities, forms)
    raw_entities.sort(key=lambda e: (-e["salience"], e["first"], e["name"]))
    ids = {e["key"]: f"E{i}" for i, e in enumerate(raw_entities, 1)}
    return [
        Entity(
            id=ids[e["key"]], name=e["name"], kind=e["kind"], aliases=e["aliases"],
            mentions=e["mentions"], roles=e["roles"], merges=e["merges"], salience=e["salience"],
            related=tuple(sorted((ids[k] for k in e["related"]), key=lambda s: int(s[1:]))),
        )
        for e in raw_entities
    ]


def mention_count(articles: Sequence[Article], docs: Mapping[str, Doc]) -> int:
    """Return how many spaCy mentions the resolver reads (for throughput figures).

    Raises:
        KeyError: if an article has no parse in ``docs``.
    """
    return sum(len(docs[a.id].ents) for a in articles)


__all__ = ["EntityRules", "EntityRulesError", "resolve_entities", "mention_count"]
