"""Name forms and the union-find that merges them, with a merge log and cannot-links.

A *form* is every mention sharing one spelling key. Multi-word names form one form per
spelling across all articles; a single-word name ("Fenwick", "Michael") forms one form
per article, because a bare surname may mean one person in one article and another
person elsewhere. The single-word forms are joined back once each has been resolved.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from newsdossier.model import Merge

from .mentions import KINDS, NameMention
from .names import Name, looks_like_personal_name, non_person_kind

_KIND_PRIORITY = {k: i for i, k in enumerate(KINDS)}


def vote(counts: Mapping[str, float]) -> str:
    """Return the kind with the most votes (ties: person, organisation, group, place, other)."""
    if not counts:
        return "other"
    return max(counts, key=lambda k: (counts[k], -_KIND_PRIORITY.get(k, 9)))


@dataclass
class Form:
    """All mentions that share one spelling key (and, for single words, one article)."""

    index: int
    name: Name
    article: str | None = None
    mentions: list[NameMention] = field(default_factory=list)
    surfaces: Counter = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    former: bool = False

    @property
    def single(self) -> bool:
        return len(self.name.core) == 1

    def kinds(self) -> Counter:
        """Votes of the mentions' labels; a name ending in "Park" or "Holdings" is no person."""
        c: Counter = Counter()
        forced = non_person_kind(self.name)
        for m in self.mentions:
            c[forced if forced and m.kind == "person" else m.kind] += 1
        return c

    @property
    def label(self) -> str:
        """The most frequent surface, quoted, for evidence strings."""
        return repr(self.surfaces.most_common(1)[0][0])


def build_forms(mentions: Sequence[NameMention]) -> list[Form]:
    """Group mentions into forms."""
    by_key: dict[tuple[str, str | None], Form] = {}
    for m in mentions:
        article = m.span.article if len(m.name.core) == 1 else None
        key = (m.name.key, article)
        form = by_key.get(key)
        if form is None:
            form = by_key[key] = Form(len(by_key), m.name, article)
        form.mentions.append(m)
        form.surfaces[m.span.text] += 1
        form.articles.add(m.span.article)
    return list(by_key.values())


class Clusters:
    """Union-find over forms with a merge log and cannot-link constraints."""

    def __init__(self, forms: Sequence[Form], cannot: Iterable[tuple[str, str]]) -> None:
        self.forms = forms
        self.parent = list(range(len(forms)))
        self.log: dict[int, list[Merge]] = defaultdict(list)
        self.members: dict[int, set[int]] = {i: {i} for i in range(len(forms))}
        self.cannot = list(cannot)
        self._kind_cache: dict[int, str] = {}
        self._articles_cache: dict[int, set[str]] = {}
        key_kinds: dict[str, Counter] = defaultdict(Counter)
        for f in forms:
            key_kinds[f.name.key].update(f.kinds())
        self._key_kind = {k: vote(c) for k, c in key_kinds.items()}
        self._key_person = {k for k, c in key_kinds.items() if c.get("person")}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def keys(self, root: int) -> set[str]:
        return {self.forms[i].name.key for i in self.members[self.find(root)]}

    def allowed(self, a: int, b: int) -> bool:
        """Return False if joining the clusters of ``a`` and ``b`` breaks a cannot-link."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ka, kb = self.keys(ra), self.keys(rb)
        return not any((x in ka and y in kb) or (y in ka and x in kb) for x, y in self.cannot)

    def union(self, a: int, b: int, rule: str | None, evidence: str = "") -> bool:
        """Join two clusters, logging ``Merge(rule, evidence)`` unless ``rule`` is None."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb or not self.allowed(ra, rb):
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        for cache in (self._kind_cache, self._articles_cache):
            cache.pop(ra, None)
            cache.pop(rb, None)
        self.log[ra].extend(self.log.pop(rb, []))
        if rule is not None:
            self.log[ra].append(Merge(rule, evidence))
        return True

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.forms)):
            out[self.find(i)].append(i)
        return out

    def kind(self, i: int) -> str:
        """The kind voted over all mentions of the cluster (multi-word names count double).

        A cluster made of one single-word name votes over that word in all articles.
        """
        root = self.find(i)
        if root in self._kind_cache:
            return self._kind_cache[root]
        members = self.members[root]
        if len(members) == 1:
            kind = "person" if self._mislabelled_person(root) else self._key_kind[self.forms[root].name.key]
        else:
            # Single words that joined a full name were joined *as* that name, so labels
            # that contradict it are tagging errors: next to a full person name only their
            # person votes count ("Marrow" tagged ORG), next to other full names only their
            # non-person votes ("Kessel" tagged PERSON beside "Kessel River").
            has_full = any(not self.forms[j].single for j in members)
            full_person = any(
                not self.forms[j].single and (self.forms[j].name.key in self._key_person or self._mislabelled_person(j))
                for j in members)
            counts: Counter = Counter()
            for j in members:
                form = self.forms[j]
                weight = 1.0 if form.single else 2.0
                kinds = Counter({"person": sum(form.kinds().values())}) if self._mislabelled_person(j) else form.kinds()
                for k, n in kinds.items():
                    if form.single and has_full and (k != "person") == full_person:
                        continue
                    counts[k] += weight * n
            kind = vote(counts)
        self._kind_cache[root] = kind
        return kind

    def _mislabelled_person(self, j: int) -> bool:
        """A personal name the tagger called an organisation while its surname alone is a person.

        ("Ilse Marrow" tagged ORG, "Marrow" tagged PERSON elsewhere in the articles.)
        """
        form = self.forms[j]
        name = form.name
        return (not form.single and self._key_kind[name.key] in ("organisation", "other")
                and looks_like_personal_name(name) and name.last in self._key_person)

    def person_like(self, i: int) -> bool:
        """True if the cluster is voted a person or some mention of its names is tagged one."""
        if self.kind(i) == "person":
            return True
        return any(self.forms[j].name.key in self._key_person for j in self.members[self.find(i)])

    def articles(self, i: int) -> set[str]:
        """The ids of the articles that mention the cluster (do not modify the result)."""
        root = self.find(i)
        if root not in self._articles_cache:
            out: set[str] = set()
            for j in self.members[root]:
                out |= self.forms[j].articles
            self._articles_cache[root] = out
        return self._articles_cache[root]

    def has_full_person(self, i: int) -> bool:
        """True if the cluster holds a multi-word name and is a person."""
        root = self.find(i)
        return any(not self.forms[j].single for j in self.members[root]) and self.kind(root) == "person"
