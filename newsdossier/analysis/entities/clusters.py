"""Name forms and the union-find that merges them, with a merge log and cannot-links.

A *form* is every mention sharing one spelling key. Multi-word names form one form per
spelling across all articles; a single-word name ("Fenwick", "Michael") forms one form
per article, because a bare surname may mean one person in one article and another
person elsewhere. The single-word forms are joined back once each has been resolved.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ...lang import en
from ...model import Merge
from .mentions import KINDS, NameMention
from .names import Name, event_name, looks_like_personal_name, non_person_kind

_KIND_PRIORITY = {k: i for i, k in enumerate(KINDS)}
# cues of a mention that show the name no person's (see kindcue.kind_cue)
_NO_PERSON_CUES = frozenset({"nonperson"})  # an article or a possessive before it


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
    short_acronym: bool = False  # a single word written as an acronym of two or three capitals ("US")
    lowercase: int = 0  # how often the articles write this single word in lowercase ("loud", "legend")
    cue_weight: int = 1  # votes of a mention whose context shows its kind (see kindcue.kind_cue)
    _kinds: Counter | None = field(default=None, repr=False, compare=False)
    _kinds_n: int = field(default=-1, repr=False, compare=False)
    single: bool = field(init=False, repr=False, compare=False)  # a one-word name (read often: set once)

    def __post_init__(self) -> None:
        self.single = len(self.name.core) == 1

    def kinds(self) -> Counter:
        """Votes of the mentions' labels; a name ending in "Park" or "Holdings" is no person.

        A mention whose context shows its kind (:func:`~.kindcue.kind_cue`) votes for that kind
        with ``cue_weight`` votes instead of its label: "person" after a title, "organisation"
        after "the rap duo", "place" for a dateline, "other" between quotation marks or for a craft
        ("the salvage ship X"); a name once shown a craft, with no mention shown a person,
        organisation or place, is "other" in every mention (the tagger's labels of a ship's name
        scatter: "the Briscoe" GPE, NORP and ORG in one article);
        after a determiner ("the Academy", "an Oscar") a mention labelled a person votes "other"
        (it is no person's name). The bare subject of "said" adds half a person vote to its
        label's (not to a place's or group's: "China said").
        A social platform ("Twitter") is an organisation, and so is a name ending in a newspaper's
        head word that the tagger calls a place ("Las Vegas Sun": :data:`lang.en.ENTITY_NEWSPAPER_HEADS`),
        or in a public body's ("Clay County Sheriff's Department": :data:`lang.en.ENTITY_BODY_HEADS`).
        A name ending in a natural place's or a public land's head words is a place in every mention
        ("Bob Allison Campground" tagged a person, "Nantahala National Forest" an organisation:
        :data:`lang.en.ENTITY_NATURAL_PLACE_HEADS`, :data:`lang.en.ENTITY_PUBLIC_LAND_HEADS`), and so is
        one starting with "Mount" or "Cape" that ends in no organisation's head word ("Mount Adams" tagged
        a person: :data:`lang.en.ENTITY_NATURAL_PLACE_FIRST`).

        Computed once (the mentions of a form are fixed once :func:`build_forms` is done);
        do not modify the result.
        """
        if self._kinds is not None and self._kinds_n == len(self.mentions):
            return self._kinds
        c: Counter[str] = Counter()
        forced = non_person_kind(self.name)
        if self.single and self.name.core[0] in en.ENTITY_PLATFORM_WORDS:
            forced = "organisation"
        natural = not self.single and (self.name.core[-1] in en.ENTITY_NATURAL_PLACE_HEADS
                                       or tuple(self.name.core[-2:]) in en.ENTITY_PUBLIC_LAND_HEADS
                                       or (self.name.core[0] in en.ENTITY_NATURAL_PLACE_FIRST
                                           and self.name.core[-1] not in en.ENTITY_ORG_HEADS))
        craft = not forced and any(m.cue == "craft" for m in self.mentions) and not any(
            m.cue in ("person", "organisation", "place") for m in self.mentions)
        newspaper = not self.single and (self.name.core[-1] in en.ENTITY_NEWSPAPER_HEADS
                                         or self.name.core[-1] in en.ENTITY_BODY_HEADS)
        for m in self.mentions:
            kind = m.kind
            if natural:  # "Bob Allison Campground", "Nantahala National Forest": a place, whatever the label
                c["place"] += 1
            elif craft:  # a ship or an aircraft type, once described as one ("the Briscoe, a destroyer")
                c["other"] += self.cue_weight if m.cue == "craft" else 1
            elif forced == "other":  # an event or award, whatever the tagger's label
                c[forced] += 1
            elif forced and kind == "person":
                c[forced] += 1
            elif newspaper and kind == "place":  # "Las Vegas Sun" tagged GPE for its city
                c["organisation"] += 1
            elif m.cue == "craft":
                c["other"] += self.cue_weight
            elif m.cue in ("other", "organisation", "place") or (m.cue == "person" and not forced and kind != "group"):
                c[m.cue] += self.cue_weight
            elif m.cue == "says" and kind in ("person", "organisation", "other") and not forced:
                c[kind] += 1
                c["person"] += 0.5  # type: ignore[assignment]  # half a vote more: organisations speak too
            elif m.cue == "nonperson" and kind == "person":
                c["other"] += 1
            else:
                c[kind] += 1
        self._kinds, self._kinds_n = c, len(self.mentions)
        return c

    @property
    def label(self) -> str:
        """The most frequent surface, quoted, for evidence strings."""
        return repr(self.surfaces.most_common(1)[0][0])


_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}$")


def _short_acronym(surface: str) -> bool:
    """True for an acronym of two or three capitals ("US", "U.S.", "WHO")."""
    letters = surface.replace(".", "")
    return 2 <= len(letters) <= 3 and letters.isalpha() and letters.isupper()


def build_forms(mentions: Sequence[NameMention], common: Callable[[str], bool] | None = None,
                cue_weight: int = 1, lowercase: Callable[[str], int] | None = None) -> list[Form]:
    """Group mentions into forms.

    Args:
        mentions: the cleaned mentions.
        common: tells whether a lowercase word is a common word of the articles; a short
            acronym ("US", "WHO") then forms apart from the same letters written as that
            common word ("Us" in "It's On Us", "Who"), not from a name ("Eta" / "ETA").
        cue_weight: votes of a mention whose context shows its kind (see :meth:`Form.kinds`).
        lowercase: how often the articles write a word in lowercase (:attr:`Form.lowercase`).
    """
    by_key: dict[tuple[str, str | None], Form] = {}
    acronyms = {m.name.key for m in mentions if len(m.name.core) == 1 and _short_acronym(m.span.text)}
    split = {k for k in acronyms if common is not None and common(k)}
    # initials written with dots ("L.A.") are not the same letters written as a word ("La." of Louisiana)
    dotted = {m.name.key for m in mentions
              if "." in m.span.text and len(m.name.core) == 1 and _DOTTED_INITIALS.match(m.span.text)}
    if dotted:
        split |= {m.name.key for m in mentions if m.name.key in dotted and not m.span.text.isupper()}
    for m in mentions:
        article = m.span.article if len(m.name.core) == 1 else None
        name_key = m.name.key
        acronym = article is not None and m.name.key in split and _short_acronym(m.span.text)
        if acronym:
            name_key += " #acronym"  # "US" / "U.S." is not the word "Us", "WHO" not "Who"
        key = (name_key, article)
        form = by_key.get(key)
        if form is None:
            form = by_key[key] = Form(len(by_key), m.name, article, short_acronym=acronym,
                                      lowercase=lowercase(m.name.core_key) if article and lowercase else 0,
                                      cue_weight=cue_weight)
        form.mentions.append(m)
        form.surfaces[m.span.text] += 1
        form.articles.add(m.span.article)
    return list(by_key.values())


class Clusters:
    """Union-find over forms with a merge log and cannot-link constraints."""

    def __init__(self, forms: Sequence[Form], cannot: Iterable[tuple[str, str]],
                 confidence: Callable[[str], float] | None = None) -> None:
        self.forms = forms
        self.confidence = confidence or (lambda rule: 1.0)
        self.parent = list(range(len(forms)))
        self.log: dict[int, list[Merge]] = defaultdict(list)
        self.members: dict[int, set[int]] = {i: {i} for i in range(len(forms))}
        self.cannot = list(cannot)
        self._kind_cache: dict[int, str] = {}
        self._articles_cache: dict[int, set[str]] = {}
        self._cues_cache: dict[int, tuple[int, int, int]] = {}
        self._person_like_cache: dict[int, bool] = {}
        self._full_person_cache: dict[int, bool] = {}
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
        if ra == rb or not self.cannot:
            return True
        ka, kb = self.keys(ra), self.keys(rb)
        return not any((x in ka and y in kb) or (y in ka and x in kb) for x, y in self.cannot)

    def union(self, a: int, b: int, rule: str | None, evidence: str = "", factor: float = 1.0) -> bool:
        """Join two clusters, logging ``Merge(rule, evidence, confidence)`` unless ``rule`` is None.

        The confidence is the rule's (see :class:`~.config.EntitiesConfig`) times ``factor``.
        """
        ra, rb = self.find(a), self.find(b)
        if ra == rb or not self.allowed(ra, rb):
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        # the articles and the cue counts of the joined cluster are those of its two parts together
        # (kept, not rebuilt over all members: a word named in many articles joins form by form)
        arts_a, arts_b = self._articles_cache.pop(ra, None), self._articles_cache.pop(rb, None)
        cues_a, cues_b = self._cues_cache.pop(ra, None), self._cues_cache.pop(rb, None)
        for cache in (self._kind_cache, self._person_like_cache, self._full_person_cache):
            cache.pop(ra, None)
            cache.pop(rb, None)
        if arts_a is not None and arts_b is not None:
            self._articles_cache[ra] = arts_a | arts_b
        if cues_a is not None and cues_b is not None:
            self._cues_cache[ra] = (cues_a[0] + cues_b[0], cues_a[1] + cues_b[1], cues_a[2] + cues_b[2])
        self.log[ra].extend(self.log.pop(rb, []))
        if rule is not None:
            self.log[ra].append(Merge(rule, evidence, round(self.confidence(rule) * factor, 3)))
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
        if len(members) > 1 and any(event_name(self.forms[j].name) for j in members):
            kind = "other"  # an event and its short form ("April Fools' Day", "April Fools")
        elif len(members) == 1:
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
            counts: dict[str, float] = defaultdict(float)
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

        ("Ilse Marrow" tagged ORG, "Marrow" tagged PERSON elsewhere in the articles.) Not a name whose
        context shows it no person in half its mentions or more ("the Orm Vell Kaan declared ...": an
        article before it, see :func:`~.kindcue.kind_cue`): a person's full name takes no article.
        """
        form = self.forms[j]
        name = form.name
        return (not form.single and self._key_kind[name.key] in ("organisation", "other")
                and looks_like_personal_name(name) and name.last in self._key_person
                and 2 * sum(m.cue in _NO_PERSON_CUES for m in form.mentions) < len(form.mentions))

    def cues(self, i: int) -> tuple[int, int, int]:
        """Mentions of the cluster whose context says "a person" ("Mr. X", "X said"), "not a person"
        ("the X", "her X") and "a title" (a quoted "X"): see ``kindcue.kind_cue``."""
        root = self.find(i)
        if root not in self._cues_cache:
            c = Counter(m.cue for j in self.members[root] for m in self.forms[j].mentions)
            self._cues_cache[root] = (c["person"] + c["says"], c["nonperson"] + c["organisation"] + c["craft"],
                                      c["other"])
        return self._cues_cache[root]

    def person_like(self, i: int) -> bool:
        """True if the cluster is voted a person or some mention of its names is tagged one."""
        root = self.find(i)
        if root not in self._person_like_cache:  # (until the next union)
            self._person_like_cache[root] = self.kind(root) == "person" or any(
                self.forms[j].name.key in self._key_person for j in self.members[root])
        return self._person_like_cache[root]

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
        if root not in self._full_person_cache:  # (until the next union)
            self._full_person_cache[root] = any(not self.forms[j].single for j in self.members[root]) and \
                self.kind(root) == "person"
        return self._full_person_cache[root]
