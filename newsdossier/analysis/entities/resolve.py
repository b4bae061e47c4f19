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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ...errors import OptionError
from ...lang import en
from ...model import Article, Entity, Merge, Span
from . import rules as R
from . import rules_people as RP
from . import shortforms as S
from . import variants as V
from .clusters import Clusters, Form, build_forms
from .config import EntitiesConfig
from .cues import letters_in_order
from .junk import CONFLICTING_LABELS_CONFIDENCE, conflicting_labels, junk_reason
from .mentions import LowercaseCounts, NameMention, extract, lowercase_words
from .names import acronym_key, consonant_key, derived_from, plural_of, same_token, split_name


class EntityRulesError(OptionError):
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
    def from_dict(cls, data: Mapping[str, object]) -> EntityRules:
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


# --------------------------------------------------------------------------- assembly


def _canonical(members: Sequence[Form], kind: str, lowercase: LowercaseCounts | None = None) -> str:
    """The fullest well-formed variant.

    Not a former name, capitalised, not shouted, not a firm's legal form when the firm is also
    named without it ("Starbucks Corp" / "Starbucks"); among multi-word names, one seen at least
    twice if there is one (a one-off headline fragment such as "Ilse Marrow Dead" loses);
    then the most words, not (for a place, organisation, group or work) a word cut short of
    another of the entity's words ("Fla" / "Florida", "Ore" / "Oregon": an abbreviation,
    however often the datelines use it), and the most mentions. A name the articles write only in capitals is
    title-cased (see :func:`_title_case`).
    """
    def count(f: Form) -> int:
        return sum(f.surfaces.values())

    repeated_full = any(len(f.name.core) >= 2 and count(f) >= 2 for f in members)
    words = {f.name.core[0] for f in members if f.single}

    def truncated(f: Form) -> bool:  # "Fla" of "Florida", "Ore" of "Oregon": a short form, however frequent
        w = f.name.core[0]  # (a plural is no short form: "American" / "Americans" keep their order)
        return kind != "person" and f.single and any(
            len(x) > len(w) >= 2 and letters_in_order(w, x) and not plural_of(w, x) for x in words)

    def score(f: Form) -> tuple:
        surface = f.surfaces.most_common(1)[0][0]
        shouted = surface.isupper() and acronym_key(surface) is None
        trusted = not repeated_full or (len(f.name.core) >= 2 and count(f) >= 2)
        # "Starbucks" before "Starbucks Corp": the legal form is how a filing names a firm, not a reader
        legal = len(f.name.core) >= 2 and f.name.core[-1] in en.ENTITY_LEGAL_SUFFIXES and any(
            g.name.core == f.name.core[:-1] for g in members)
        return (not f.former, surface[:1].isupper(), not shouted, not legal, trusted, len(f.name.core),
                not truncated(f), count(f), -len(surface), surface)

    best = max(members, key=score)
    return _title_case(best, kind, lowercase) or _spelling(best)


def _spelling(form: Form) -> str:
    """The form's most frequent spelling; a spelling in capitals loses to one in mixed case
    ("GEORGE STEPHANOPOULOS" of a transcript's speaker labels, "ATHENS, Oct. 22" of a dateline),
    except a short acronym written mostly in capitals ("NATO" / "Nato")."""
    spellings = form.surfaces.most_common()
    mixed = [s for s, _ in spellings if not s.isupper()]
    top = spellings[0][0]
    if not top.isupper() or not mixed or len(top.replace(".", "")) <= _ACRONYM_MAX and " " not in top and any(
            not m.initial for m in form.mentions if m.span.text == top):
        return top
    return mixed[0]


# an all-capitals word of up to this many letters may be an acronym ("NATO", "FEMA")
_ACRONYM_MAX = 5


def _title_case(form: Form, kind: str, lowercase: LowercaseCounts | None) -> str | None:
    """The title-cased spelling of a name the articles write only in capitals, else None.

    Only a person or a place (an organisation or a work in capitals may be an acronym: "KPIX 5").
    A name of several words ("OTIS AIR FORCE BASE", "GEORGE STEPHANOPOULOS"): each word of four
    or more letters is title-cased, a shorter one too when the articles write it in lowercase
    ("NEW", "AIR"), else it stays an acronym ("NEW YORK NY" -> "New York NY"). One word: only when
    every mention starts a line (a dateline "CHILMARK, Mass.", a speaker label
    "MARTIN:"); a capitalised word inside the running text may be an acronym ("NASCAR").
    """
    spellings = list(form.surfaces)
    if not spellings or any(not s.isupper() for s in spellings):
        return None
    top = form.surfaces.most_common(1)[0][0]
    words = top.split()
    if kind not in ("person", "place") or len(words) == 1 and (
            not all(m.initial for m in form.mentions) or len(top) <= 3 or "." in top):
        return None  # an organisation or work in capitals may be an acronym ("KPIX 5", "NASCAR")
    out = []
    for i, w in enumerate(words):
        bare = w.strip(".").lower()
        if "." in w or (len(bare) <= 3 and bare not in en.ENTITY_TITLECASE_LOWER
                        and (lowercase is None or lowercase[bare] == 0)):
            out.append(w)  # an initial or an acronym: "U.S.", "BBC"
        elif i and bare in en.ENTITY_TITLECASE_LOWER:
            out.append(w.lower())
        else:
            out.append("-".join(_cap_word(p) for p in w.split("-")))
    return " ".join(out)


def _cap_word(word: str) -> str:
    """'STEPHANOPOULOS' -> 'Stephanopoulos', "O'BRIEN" -> "O'Brien"."""
    parts = re.split(r"(['’])", word.lower())
    return "".join(p[:1].upper() + p[1:] if k % 2 == 0 else p for k, p in enumerate(parts))


def _salience(mentions: Sequence[NameMention], n_articles: int, lengths: Mapping[str, int],
              kind: str) -> float:
    arts = {m.span.article for m in mentions}
    spread = len(arts) / max(1, n_articles)
    volume = math.log1p(len(mentions))
    early = 0.0
    firsts: dict[str, int] = {}  # each article's first mention, in one pass (not one pass per article)
    for m in mentions:
        if m.span.start < firsts.get(m.span.article, m.span.start + 1):
            firsts[m.span.article] = m.span.start
    for art in arts:
        first = firsts[art]
        early += 1.0 - min(1.0, first / max(1, lengths[art]))
    early /= max(1, n_articles)
    weight = {"person": 1.0, "organisation": 0.9, "group": 0.6, "place": 0.7}.get(kind, 0.5)
    return round(weight * (spread + 0.5 * volume + 0.5 * early), 4)


def _related(entities: list[dict], forms: Sequence[Form]) -> None:
    """Link places named after a person and group words derived from a name or a place."""
    for e in entities:
        e["related"] = set()
    surnames: dict[str, set[int]] = defaultdict(set)  # consonant key -> person entities
    stems: dict[str, list[tuple[str, int]]] = defaultdict(list)  # first 3 letters -> (surname or place word, entity)
    for n_a, a in enumerate(entities):
        names = [forms[i].name for i in a["forms"]]
        if a["kind"] == "person":
            lasts = {n.last for n in names if len(n.core) >= 2} or {n.last for n in names}
            for last in lasts:
                surnames[consonant_key(last)].add(n_a)
                stems[last[:3]].append((last, n_a))
        elif a["kind"] == "place":
            for n in names:
                if len(n.core) == 1:
                    stems[n.core[0][:3]].append((n.core[0], n_a))

    def link(x: int, y: int) -> None:
        if x != y:
            entities[x]["related"].add(entities[y]["key"])
            entities[y]["related"].add(entities[x]["key"])

    for n_b, b in enumerate(entities):
        for name in (forms[i].name for i in b["forms"]):
            if len(name.core) >= 2 and b["kind"] != "person":  # "Harrowgate Park"
                for tok in name.core:
                    for n_a in surnames.get(consonant_key(tok), ()):
                        if any(same_token(tok, forms[i].name.last) for i in entities[n_a]["forms"]):
                            link(n_a, n_b)
            elif len(name.core) == 1 and b["kind"] in ("group", "other", "organisation"):  # "Harrowgatists"
                # a derived word shares its stem's first three letters (shorter stems derive nothing)
                for stem, n_a in stems.get(name.core[0][:3], ()):
                    if derived_from(stem, name.core[0]):
                        link(n_a, n_b)


def _modifier_counts(cl: Clusters, forms: Sequence[Form]) -> Counter:
    """Count, per word, the organisation and place names it begins ("Brennick College")."""
    out: Counter = Counter()
    for f in forms:
        if not f.single and cl.kind(f.index) in ("organisation", "place"):
            out[f.name.core[0]] += 1
    return out


def _place_reading(members: Sequence[Form], kind: str, modifies: Counter) -> str:
    """Correct a single word tagged as a person or organisation that is used as a place.

    A word with no full name behind it, seen mostly after prepositions of place ("in X",
    "near X"), or after one such preposition while it also begins two or more organisation
    or place names ("X College", "X Water Authority"), is a place. So is a word voted a group or
    "other" that is tagged a place right after such a preposition in at least half its mentions
    ("in Bourne" beside "a Bourne hospital" tagged NORP), unless it ends like a group's adjective
    or is ever quoted.
    """
    if any(not f.single for f in members):
        return kind
    ments = [m for f in members for m in f.mentions]
    located = sum(m.locative for m in ments)
    if kind in ("group", "other"):
        placed = any(m.locative and m.label in ("GPE", "LOC", "FAC") for m in ments)
        word = members[0].name.core[0]
        if placed and located * 2 >= len(ments) and not word.endswith(en.ENTITY_GROUP_ADJECTIVE_ENDINGS) \
                and not any(m.cue == "other" for m in ments):
            return "place"
        return kind
    if kind not in ("person", "organisation"):
        return kind
    if (located >= 2 and located * 2 >= len(ments)) or (
            located >= 1 and modifies[members[0].name.core[0]] >= 2):
        return "place"
    return kind


def _name_words(cl: Clusters, forms: Sequence[Form]) -> tuple[set[str], set[str]]:
    """The last words of the full names voted persons ("kennedy"), and of those voted places or
    organisations ("nevada", "vineyard"), for :func:`_group_reading`."""
    people: set[str] = set()
    others: set[str] = set()
    for f in forms:
        kind = cl.kind(f.index)
        if kind == "person" and not f.single:
            people.add(f.name.core[-1])  # surnames of full names: "the Oscars" is no family of an "Oscar"
        elif kind in ("place", "organisation"):
            others.add(f.name.core[-1])
    return people, others


def _group_reading(members: Sequence[Form], kind: str, people: set[str], others: set[str]) -> str:
    """Correct a plural tagged as a person or an organisation that names a group of people (an
    article before a person's label has made it "other": see ``Form.kinds``).

    One word, never shown a person ("Mr. X", "X said"), that is the plural of a person's name of the
    story and is used with an article ("the Kennedys": a family), or that is a word for the people of
    a place or body the story names and is never used with one ("Vineyarders", "Nevadans": "the
    Texans" is more often a team), is a group.
    """
    if kind not in ("person", "organisation", "other") or any(not f.single for f in members):
        return kind
    word = members[0].name.core[0]
    ments = [m for f in members for m in f.mentions]
    if not word.endswith("s") or any(m.cue in ("person", "says", "other", "craft") or m.courtesy for m in ments):
        return kind
    if kind == "other" and any(m.label not in ("PERSON", "ORG") for m in ments):
        return kind  # "other" only as a person label after an article ("the Kennedys"), not a work
    with_article = any(m.cue == "nonperson" for m in ments)
    if with_article and (word[:-1] in people or word[:-2] in people and word.endswith("es")):
        return "group"
    if with_article:
        return kind
    for suffix in en.ENTITY_DEMONYM_SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and (
                stem in others or any(stem + v in others for v in "aeiouy")):
            return "group"
    return kind


def _family_surnames(cl: Clusters, forms: Sequence[Form]) -> set[tuple[str, str]]:
    """(article, surname) of the surnames two or more people of one article share ("Vicci Gritz" and
    "Bo Gritz"): there a bare "Gritz" stays apart, but it is a person's name (:func:`_surname_reading`)."""
    people: dict[tuple[str, str], set[int]] = defaultdict(set)
    for f in forms:
        if not f.single and cl.kind(f.index) == "person":
            for a in f.articles:
                people[(a, f.name.core[-1])].add(cl.find(f.index))
    return {k for k, roots in people.items() if len(roots) > 1}


def _surname_reading(members: Sequence[Form], kind: str, shared: set[tuple[str, str]]) -> str:
    """A bare surname tagged an organisation or a place, in an article where two people bear it and
    nothing in its context says otherwise (no preposition of place, article or description), is a person."""
    if kind not in ("organisation", "place") or any(not f.single for f in members):
        return kind
    ments = [m for f in members for m in f.mentions]
    if any(m.locative or m.cue not in ("", "says", "person") for m in ments):
        return kind
    word = members[0].name.core[0]
    return "person" if any((m.span.article, word) in shared for m in ments) else kind


def _generations(forms: Sequence[Form]) -> list[tuple[str, str]]:
    """Cannot-links between a full name and the same name with a generational suffix.

    "Donald Trump Jr" and "Donald Trump", "Edward M. Kennedy Jr" and "Edward M. Kennedy" are son
    and father: when a story names both, neither is a short form of the other ("Sr" names the
    father himself and is left out: :data:`lang.en.ENTITY_GENERATION_SUFFIXES`).
    """
    by_core: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for f in forms:
        by_core[f.name.core].add(f.name.key)
    out: list[tuple[str, str]] = []
    for core, keys in by_core.items():
        if len(core) >= 3 and core[-1] in en.ENTITY_GENERATION_SUFFIXES:
            out.extend((plain, key) for plain in by_core.get(core[:-1], ()) for key in keys)
    return out


def _resolve_story(
    articles: Sequence[Article], docs: Mapping[str, Doc], rules: EntityRules, cfg: EntitiesConfig,
    lowercase: LowercaseCounts, story: str | None,
) -> list[dict]:
    """Resolve the names of one story; returns raw entries (see :func:`resolve_entities`)."""
    by_id = {a.id: a for a in articles}
    mentions, _raw = extract(articles, docs, lowercase)
    forms = build_forms(mentions, lambda word: lowercase[word] > 0, cfg.cue_weight, lowercase.__getitem__)
    cl = Clusters(forms, [(_name_key(a), _name_key(b)) for a, b in rules.cannot_link] + _generations(forms),
                  cfg.confidence)
    R.user_links(cl, forms, [(_name_key(a), _name_key(b)) for a, b in rules.must_link])
    R.same_core(cl, forms)
    R.appositions(cl, forms, by_id)
    R.transliteration(cl, forms, single=False)
    V.nicknames(cl, forms, cfg)
    V.near_spellings(cl, forms, cfg)
    R.group_word_prefix(cl, forms)
    R.name_extension(cl, forms)
    R.event_short_forms(cl, forms)
    RP.partial_names(cl, forms, cfg.common_word_min, cfg.common_word_ratio)
    RP.rejoin_single_words(cl, forms)
    R.geographic_short_forms(cl, forms)
    R.place_inner_short_forms(cl, forms)
    R.transliteration(cl, forms, single=True)
    R.expanded_acronyms(cl, forms)
    R.acronyms(cl, forms, by_id)
    V.legal_suffixes(cl, forms)
    V.state_abbreviations(cl, forms)
    R.organisation_short_forms(cl, forms)
    S.institution_short_forms(cl, forms)
    S.craft_short_forms(cl, forms)
    R.body_word_order(cl, forms)
    R.definite_short_forms(cl, forms)
    S.definite_head_short_forms(cl, forms)
    R.definite_place_short_forms(cl, forms)
    R.plural_groups(cl, forms)

    lengths = {a.id: len(a.text) for a in articles}
    modifies = _modifier_counts(cl, forms)
    people, others = _name_words(cl, forms)
    shared = _family_surnames(cl, forms)
    raw_entities: list[dict] = []
    bodies = frozenset(f.name.core_key for f in forms if f.single and cl.kind(f.index) == "organisation")
    for root, idxs in cl.groups().items():
        members = [forms[i] for i in idxs]
        ments = sorted((m for f in members for m in f.mentions), key=lambda m: m.order)
        junk = junk_reason(members, ments, lowercase, cfg.common_word_ratio, bodies)
        if junk and cfg.drop_junk:
            continue
        kind = _surname_reading(members, _group_reading(members, _place_reading(members, cl.kind(root), modifies),
                                                        people, others), shared)
        aliases: Counter = Counter()
        for f in members:
            aliases.update(f.surfaces)
        roles: dict[tuple[str, int, int], Span] = {}
        if kind == "person":
            for m in ments:
                for r in m.roles:
                    roles.setdefault((r.article, r.start, r.end), r)
        spelling = [
            Merge("same spelling", " = ".join(repr(x) for x, _ in f.surfaces.most_common())
                  + " differ only in case, hyphens or accents", cfg.confidence("same spelling"))
            for f in members if len(f.surfaces) > 1
        ]
        merges = tuple(dict.fromkeys(spelling + cl.log.get(root, [])))
        confidence = min((m.confidence for m in merges), default=1.0)
        if junk:
            confidence = min(confidence, 0.2)
        elif conflicting_labels(members, ments):
            confidence = min(confidence, CONFLICTING_LABELS_CONFIDENCE)
        full = {f.name.key for f in members if len(f.name.core) >= 2}
        if kind != "person":
            full |= {f.name.key for f in members if f.single}
        raw_entities.append({
            "key": (story, root), "forms": idxs, "kind": kind,
            "name": _canonical(members, kind, lowercase),
            "aliases": tuple(a for a, _ in sorted(aliases.items(), key=lambda x: (-x[1], x[0]))),
            "mentions": tuple(m.span for m in ments),
            "roles": tuple(roles.values()),
            "merges": merges,
            "salience": _salience(ments, len(articles), lengths, kind),
            "first": ments[0].order,
            "confidence": round(confidence, 3),
            "story": story,
            "full": full,
        })
    _related(raw_entities, forms)
    return raw_entities


def resolve_entities(
    articles: Sequence[Article],
    docs: Mapping[str, Doc],
    rules: EntityRules | None = None,
    *,
    story_of: Mapping[str, str] | None = None,
    config: EntitiesConfig | None = None,
) -> list[Entity]:
    """Resolve spaCy's mentions across articles into entities.

    Args:
        articles: the articles (of one story, or of several when ``story_of`` says which).
        docs: their spaCy parses, by article id (see :func:`newsdossier.nlp.parse`).
        rules: user must-link / cannot-link overrides (they win over every rule).
        story_of: article id -> story id (from the story clustering). Names are then
            resolved per story: a bare "John" or "Mueller" never joins a person of another
            story. Entries of different stories that share a full name (a name of two or
            more words; for places, organisations and groups, any name) and a kind are
            linked through ``same_as``, never merged. Articles missing from the mapping
            form one story together. ``None``: all articles are one story.
        config: thresholds and rule confidences (defaults: :class:`EntitiesConfig`).

    Returns:
        Entities sorted by salience (most central first) with ids ``E1``, ``E2`` ... in that
        order; each carries its canonical name, kind, aliases, mention spans, role spans,
        the merge log (each merge with its confidence and evidence), related entity ids,
        its confidence (the weakest merge behind it), story and same-name entries.

    Raises:
        KeyError: if an article has no parse in ``docs``.
    """
    rules = rules or EntityRules()
    cfg = config or EntitiesConfig()
    # each parse read once: a lookup in :class:`nlp.Parses` rebuilds the Doc, and the counts and the
    # mentions below read every parse (missing ones are left to lowercase_words to report)
    docs = {a.id: docs[a.id] for a in articles if a.id in docs}
    lowercase = lowercase_words(articles, docs)
    if story_of is None:
        groups: dict[str | None, list[Article]] = {None: list(articles)}
    else:
        groups = defaultdict(list)
        for a in articles:
            groups[story_of.get(a.id)].append(a)
    raw_entities: list[dict] = []
    for story, arts in groups.items():
        raw_entities.extend(_resolve_story(arts, docs, rules, cfg, lowercase, story))
    raw_entities.sort(key=lambda e: (-e["salience"], e["first"], e["name"]))
    ids = {e["key"]: f"E{i}" for i, e in enumerate(raw_entities, 1)}
    same: dict[tuple, set[str]] = defaultdict(set)
    if len(groups) > 1:
        by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for e in raw_entities:
            for key in e["full"]:
                by_name[(e["kind"], key)].append(e)
        for entries in by_name.values():
            for x in entries:
                for y in entries:
                    if x["story"] != y["story"]:
                        same[x["key"]].add(ids[y["key"]])

    def order(ids_: set[str]) -> tuple[str, ...]:
        return tuple(sorted(ids_, key=lambda s: int(s[1:])))

    return [
        Entity(
            id=ids[e["key"]], name=e["name"], kind=e["kind"], aliases=e["aliases"],
            mentions=e["mentions"], roles=e["roles"], merges=e["merges"], salience=e["salience"],
            related=order({ids[k] for k in e["related"] if k in ids}),
            confidence=e["confidence"], story=e["story"], same_as=order(same[e["key"]]),
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
