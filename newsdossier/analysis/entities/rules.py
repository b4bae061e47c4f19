"""The merge rules, each a function over the forms that logs every merge it makes.

They run in the order of :data:`ORDER` in ``resolve.py``. Every rule that could join two
different people demands that nothing contradicts the merge and that exactly one candidate
fits; the transliteration rule for people also demands that the two spellings never meet
in one article (an outlet keeps its own spelling, so two spellings side by side are two
people).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence

from ...lang import en
from ...model import Article
from .clusters import Clusters, Form
from .cues import letters_in_order
from .mentions import NameMention
from .names import (
    GEO_HEADS,
    acronym_key,
    consonant_key,
    derived_from,
    event_name,
    initials,
    non_person_kind,
    norm_token,
    plural_of,
    same_token,
    same_tokens,
)
from .rules_people import full_people

_BETWEEN_FORMER = re.compile(
    r"^\s*[(,–—-]?\s*(?:formerly|previously)\s+(?:known\s+as\s+|called\s+|named\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_BETWEEN_ALIAS = re.compile(
    r"^\s*[(,–—-]?\s*(?:(?:also|better|widely|popularly|professionally)\s+)?known\s+(?:professionally\s+)?as\s+"
    r"(?:the\s+)?$|^\s*[(,]?\s*(?:aka|a\.k\.a\.)\s+$|^\s*,\s*whose\s+real\s+name\s+is\s+$|"
    r"^\s*,\s*(?:born|née|nee)\s+$",
    re.IGNORECASE,
)
# "Name (ABC)", also after the name's possessive ("the International Organization for Standardization's (ISO)")
_DEFINED_ACRONYM = re.compile(r"(?:['’]s)?\s*\(\s*([A-Za-z.&]{2,10})\s*\)")
_COUNTRY_PREFIX = re.compile(r"^(?:[A-Z]\.){2,3}\s+|^[A-Z]{2,3}\s+(?=[A-Z][a-z])")


def _without_country(name: str) -> str:
    """The name without a leading abbreviation of a country or union, which its acronym often leaves out
    ("US Environmental Protection Agency (EPA)", "U.K. Office for National Statistics (ONS)")."""
    return _COUNTRY_PREFIX.sub("", name, count=1)


def _by_article(forms: Sequence[Form]) -> dict[str, list[tuple[NameMention, Form]]]:
    out: dict[str, list[tuple[NameMention, Form]]] = defaultdict(list)
    for f in forms:
        for m in f.mentions:
            out[m.span.article].append((m, f))
    for items in out.values():
        items.sort(key=lambda x: x[0].span.start)
    return out


def _abbreviates(letters: str, name: str) -> bool:
    """Return True if ``letters`` can abbreviate ``name``: same first letter, all in order."""
    return letters_in_order(letters, name.lower())


def _pairs_by(items: Sequence[Form], key: Callable[[Form], object]) -> Iterator[tuple[Form, Form]]:
    """Yield the pairs of items that share a blocking key (each pair once, in input order)."""
    buckets: dict[object, list[Form]] = defaultdict(list)
    for f in items:
        buckets[key(f)].append(f)
    for bucket in buckets.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                yield a, b


def user_links(cl: Clusters, forms: Sequence[Form], must: Sequence[tuple[str, str]]) -> None:
    """Must-link pairs from the user's entity rules (given as form keys)."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for f in forms:
        by_key[f.name.key].append(f.index)
    for a, b in must:
        for i in by_key.get(a, []):
            for j in by_key.get(b, []):
                cl.union(i, j, "user must-link", f"the entity rules say {a!r} and {b!r} are one entity")


def same_core(cl: Clusters, forms: Sequence[Form]) -> None:
    """Names equal once particles and case are set aside ("al-Rashidi", "Al Rashidi", "Rashidi").

    Multi-word names join across articles; single words only within one article (they are
    joined across articles by :func:`rejoin_single_words`).
    """
    groups: dict[tuple[str, str | None, bool], list[Form]] = defaultdict(list)
    for f in forms:
        groups[(f.name.core_key, f.article, f.short_acronym)].append(f)
    for group in groups.values():
        first = group[0]
        for other in group[1:]:
            if other.name.key == first.name.key:
                cl.union(first.index, other.index, None)
            else:
                cl.union(first.index, other.index, "particle",
                         f"{first.label} and {other.label} differ only by a particle (al-, bin, van, de ...)")


def appositions(cl: Clusters, forms: Sequence[Form], articles: Mapping[str, Article]) -> None:
    """ "X (formerly Y)", "X, also known as Y", "X, whose real name is Y": one entity."""
    for art_id, items in _by_article(forms).items():
        text = articles[art_id].text
        for (m1, f1), (m2, f2) in zip(items, items[1:]):
            between = text[m1.span.end : m2.span.start]
            if len(between) > 40 or "\n" in between:
                continue
            if _BETWEEN_FORMER.match(between):
                f2.former = True
                cl.union(f1.index, f2.index, "former name",
                         f"{m1.span.text!r} is described as formerly {m2.span.text!r}")
            elif _BETWEEN_ALIAS.match(between):
                cl.union(f1.index, f2.index, "alias apposition",
                         f"{m1.span.text!r} is described as {between.strip(' ,(')!s} {m2.span.text!r}")


def transliteration(cl: Clusters, forms: Sequence[Form], single: bool) -> None:
    """Romanisation variants of one name (vowel/consonant alternations, doubled letters ...)."""
    if single:  # one representative per cluster made of single words only
        pool = [f for f in forms if f.single and cl.find(f.index) == f.index
                and all(forms[j].single for j in cl.members[f.index])]
    else:
        pool = [f for f in forms if not f.single]
    for a, b in _pairs_by(pool, lambda f: tuple(consonant_key(t) for t in f.name.core)):
        if a.name.core == b.name.core or not same_tokens(a.name.core, b.name.core):
            continue
        kinds = {cl.kind(a.index), cl.kind(b.index)}
        person = "person" in kinds
        if person and cl.articles(a.index) & cl.articles(b.index):
            continue
        if single and len(kinds - {"other"}) > 1:
            continue
        diff = [f"{x}/{y}" for x, y in zip(a.name.core, b.name.core) if x != y]
        cl.union(a.index, b.index, "transliteration",
                 f"{a.label} ~ {b.label}: spelling alternation {', '.join(diff)}"
                 + ("; the two spellings never appear in the same article" if person else ""))


def acronyms(cl: Clusters, forms: Sequence[Form], articles: Mapping[str, Article]) -> None:
    """Acronyms defined in the text ("Name (ABC)") or the initials of exactly one name."""
    acr = {f.index: acronym_key(f.surfaces.most_common(1)[0][0]) for f in forms}
    by_acr: dict[str, list[Form]] = defaultdict(list)
    for f in forms:
        letters = acr[f.index]
        if letters:
            by_acr[letters].append(f)
    for art_id, items in _by_article(forms).items():
        text = articles[art_id].text
        for m, f in items:
            if f.single:
                continue
            match = _DEFINED_ACRONYM.match(text, m.span.end, m.span.end + 16)
            if not match:
                continue
            letters = match.group(1).replace(".", "").lower()
            if not _abbreviates(letters, m.span.text) and not _abbreviates(letters, _without_country(m.span.text)):
                continue  # "LONDON (AP)": a dateline credit, not a definition
            for g in by_acr.get(letters, []):
                cl.union(f.index, g.index, "acronym defined",
                         f"{m.span.text!r} is followed by ({match.group(1)}) in the text")
    expansions: dict[str, set[int]] = defaultdict(set)
    for f in forms:
        if len(f.name.caps) >= 2 and cl.kind(f.index) in ("organisation", "place", "other"):
            for ini in initials(f.name):
                expansions[ini].add(cl.find(f.index))
    for f in forms:
        key = acr[f.index]
        if not key or len(f.name.caps) != 1 or cl.kind(f.index) not in ("organisation", "place", "other"):
            continue
        kind = cl.kind(f.index)
        cands = {cl.find(r) for r in expansions.get(key, set())} - {cl.find(f.index)}
        law = len(cands) == 1 and any(_law(forms[j]) for j in cl.members[next(iter(cands))])
        if len(cands) == 1 and ({kind, cl.kind(next(iter(cands)))} - {"other"} or law) and (
                kind == cl.kind(next(iter(cands))) or "other" in (kind, cl.kind(next(iter(cands))))
                and not any(cl.cues(i)[2] for i in (f.index, next(iter(cands))))):
            # a side of kind "other" only by its label, not a quoted title ("D.C." is no "Delaware Crush"),
            # or a law by its name's last word ("FISA" / "Foreign Intelligence Surveillance Act")
            root = cands.pop()
            cl.union(root, f.index, "acronym initials",
                     f"{f.label} are the initials of {forms[root].label} (the only name that fits)")


def _law(f: Form) -> bool:
    """True for the name of a law or of a part of one ("Safe Water Act": :data:`lang.en.ENTITY_LAW_HEADS`)."""
    return not f.single and f.name.core[-1] in en.ENTITY_LAW_HEADS


def body_word_order(cl: Clusters, forms: Sequence[Form]) -> None:
    """A government body named either way round joins: "Justice Department" / "Department of Justice",
    "Homeland Security Department" / "U.S. Department of Homeland Security" (a country's initials may
    lead the "of" form), both organisations, and exactly one body of each order fits."""
    short: dict[tuple[str, ...], set[int]] = defaultdict(set)
    long_: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for f in forms:
        t = f.name.tokens
        if len(t) < 2 or cl.kind(f.index) != "organisation":
            continue
        if t[-1] in en.ENTITY_BODY_ORDER_HEADS and "of" not in t and len(t) <= 4:
            short[t[-1:] + t[:-1]].add(cl.find(f.index))
        for i in range(min(2, len(t) - 2)):
            if t[i] in en.ENTITY_BODY_ORDER_HEADS and t[i + 1] == "of" and len(t) - i - 2 <= 3 and (
                    i == 0 or (len(f.name.caps[0].replace(".", "")) <= 3 and f.name.caps[0].isupper())):
                long_[(t[i],) + t[i + 2:]].add(cl.find(f.index))
    for key, roots in long_.items():
        others = short.get(key, set())
        if len(roots) == 1 and len(others) == 1 and roots != others:
            a, b = next(iter(roots)), next(iter(others))
            cl.union(a, b, "word order", f"{forms[a].label} and {forms[b].label} name one body, either way round")


def plural_groups(cl: Clusters, forms: Sequence[Form]) -> None:
    """Group words in singular and plural ("Varnian"/"Varnians", "Black Varnians") are one group."""
    by_key: dict[str, list[Form]] = defaultdict(list)
    for f in forms:
        by_key[f.name.core_key].append(f)
    for f in forms:
        head = f.name.core[-1]
        rest = " ".join(f.name.core[:-1])
        for stem in (head[:-1], head[:-2]):
            if not plural_of(stem, head):
                continue
            for g in by_key.get(f"{rest} {stem}".strip(), []):
                kinds = {cl.kind(f.index), cl.kind(g.index)}
                if "group" in kinds and "person" not in kinds:
                    cl.union(g.index, f.index, "plural", f"{f.label} is the plural of the group word {g.label}")


def group_word_prefix(cl: Clusters, forms: Sequence[Form]) -> None:
    """A person's name written behind a group word ("Varnian Tomas Brek" / "Tomas Brek").

    The first word must be the name of a group seen on its own in the articles (a
    nationality, party or movement: "Varnian", "Varnians"), and the rest a name of two or
    more words that stands as a person elsewhere; exactly one such person must fit.
    """
    groups = {f.name.core_key for f in forms if f.single and cl.kind(f.index) == "group"}
    if not groups:
        return
    people: dict[str, set[int]] = defaultdict(set)
    for f in forms:
        if not f.single and len(f.name.core) >= 2 and cl.kind(f.index) == "person":
            people[f.name.core_key].add(f.index)
    for f in forms:
        core = f.name.core
        if len(core) < 3 or not (core[0] in groups or any(plural_of(core[0], g) for g in groups)):
            continue
        rest = " ".join(core[1:])
        roots = {cl.find(i) for i in people.get(rest, ())} - {cl.find(f.index)}
        if len(roots) == 1:
            root = roots.pop()
            cl.union(root, f.index, "group word before a name",
                     f"{f.label} is {forms[next(iter(people[rest]))].label} with the group word "
                     f"{f.name.caps[0]!r} in front")


def name_extension(cl: Clusters, forms: Sequence[Form]) -> None:
    """Person names where one adds words to the other.

    Middle names ("Tom J. Fenwick" / "Tom Fenwick": first and last names agree) or a
    truncated name ("Kim Jong" / "Kim Jong Un": a prefix of two or more words that fits
    exactly one longer name).
    """
    people = [f for f in forms if not f.single and cl.kind(f.index) == "person" and non_person_kind(f.name) is None]
    by_first: dict[str, list[Form]] = defaultdict(list)
    for f in people:
        by_first[consonant_key(f.name.first)].append(f)
    for a in people:
        prefix_of: set[int] = set()
        for b in by_first[consonant_key(a.name.first)]:
            if len(a.name.core) >= len(b.name.core):
                continue
            if same_tokens(a.name.core, b.name.core[: len(a.name.core)]):
                prefix_of.add(cl.find(b.index))
            if not (same_token(a.name.first, b.name.first) and same_token(a.name.last, b.name.last)):
                continue
            middle = b.name.core[1:-1]
            if all(any(same_token(x, y) for y in middle) for x in a.name.core[1:-1]):
                cl.union(a.index, b.index, "name extension",
                         f"{b.label} adds middle names to {a.label}; first and last names agree")
        # unions made in this loop may have moved a cluster's root: look the roots up again
        prefix_of = {cl.find(r) for r in prefix_of} - {cl.find(a.index)}
        if len(prefix_of) == 1:
            root = prefix_of.pop()
            longer = next(forms[i] for i in cl.members[root] if not forms[i].single)
            cl.union(root, a.index, "truncated name",
                     f"{a.label} is the beginning of {longer.label}, the only longer name it fits")


def event_short_forms(cl: Clusters, forms: Sequence[Form]) -> None:
    """An event named without its head word ("April Fools" / "April Fools' Day"): a name of two or
    more words that is exactly one event's name less its last word, whatever the tagger's label
    of the short one (it calls "April Fools" a person)."""
    events: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for f in forms:
        if event_name(f.name) and len(f.name.core) >= 3:
            events[f.name.core[:-1]].add(f.index)
    if not events:
        return
    for f in forms:
        if f.single or event_name(f.name):
            continue
        fits = {cl.find(i) for i in events.get(f.name.core, ())}
        if len(fits) == 1 and not cl.cues(f.index)[0]:  # no title before it ("Sen. April Fools")
            root = fits.pop()
            cl.union(root, f.index, "event short form",
                     f"{f.label} is {forms[root].label} without its last word, the only event it fits")


def organisation_short_forms(cl: Clusters, forms: Sequence[Form]) -> None:
    """An organisation named without its qualifier ("Red Crescent" / "Varnian Red Crescent").

    The short name has two or more words and ends the long one; the words dropped are
    names of places, groups or organisations seen in the articles ("Varnian", "UN"). A head
    joined by "of" is not dropped ("Council of the Varnian Union" is not "Varnian Union").
    Exactly one long name must fit: "Free Varnian Army" does not shorten to "Varnian Army" ("Free" is no name).
    When the qualifier is a place's name and the long name a body's, half the articles of the short name at least must name the long
    one or the qualifier: an institution of one place named bare in articles that never name that place is another place's ("the Supreme Court"
    of an article on another state is no "Ardel Supreme Court"); not for a prefix in capitals, a country's
    or a union's ("U.S.", "EU"), whose body is the one of its name.
    """
    orgs = [f for f in forms if not f.single and cl.kind(f.index) in ("organisation", "other")]
    named_at: dict[str, list[int]] = defaultdict(list)  # name -> its forms (the articles naming it: their entries')
    for f in forms:
        if cl.kind(f.index) in ("place", "group", "organisation"):
            named_at[f.name.core_key].append(f.index)
    named = set(named_at)
    places = {f.name.core_key for f in forms if cl.kind(f.index) == "place"}
    stems = _stems(named)
    by_suffix: dict[tuple[str, ...], list[Form]] = defaultdict(list)
    for f in orgs:
        for k in range(1, len(f.name.tokens) - 1):
            by_suffix[f.name.tokens[k:]].append(f)
    for short in orgs:
        n = len(short.name.tokens)
        fits: set[int] = set()
        seen_with: dict[int, set[str]] = defaultdict(set)  # long name -> articles naming it or its qualifier
        for long_ in by_suffix.get(short.name.tokens, []):
            extra = long_.name.tokens[: len(long_.name.tokens) - n]
            if _named_qualifier(extra, named, stems):
                root = cl.find(long_.index)
                fits.add(root)
                seen_with[root] |= cl.articles(root)
                prefix = long_.surfaces.most_common(1)[0][0].split()[0].replace(".", "")
                keys = _qualifier_names(extra, named, stems)
                if (not keys & places or cl.kind(root) != "organisation"
                        or (len(extra) == 1 and 2 <= len(prefix) <= 3 and prefix.isupper())):
                    # no place's name ("Air Force C-130"), no body but an event ("Sochi Olympics": the story's),
                    # or a country's or a union's prefix in capitals ("U.S.", "EU"): the one of that name
                    seen_with[root] |= short.articles
                for key in keys:
                    for i in named_at[key]:
                        seen_with[root] |= cl.articles(i)
        fits.discard(cl.find(short.index))
        backed = len(short.articles & seen_with[next(iter(fits))]) if len(fits) == 1 else 0
        if len(fits) == 1 and 2 * backed >= len(short.articles):
            root = fits.pop()
            longer = next(forms[i] for i in cl.members[root] if not forms[i].single)
            cl.union(root, short.index, "short form",
                     f"{short.label} is {longer.label} without its qualifier; no other name fits; {backed} of its "
                     f"{len(short.articles)} articles name the long name or the qualifier")


def definite_place_short_forms(cl: Clusters, forms: Sequence[Form]) -> None:
    """A place called by its last word with "the" ("the Vineyard" for "Quarrel's Vineyard").

    As :func:`definite_short_forms`, for places: the bare word is shown no person's name (at least
    half its mentions after a determiner), never written in lowercase in the articles (so not "the
    valley", "the city"), not voted a person or a group, and ends exactly one longer name voted a
    place that the articles write at least twice.
    """
    ends: dict[str, set[int]] = defaultdict(set)
    for f in forms:
        if not f.single and cl.kind(f.index) == "place" and sum(f.surfaces.values()) >= 2:
            ends[f.name.tokens[-1]].add(cl.find(f.index))
    if not ends:
        return
    for f in forms:
        if not f.single or f.lowercase or f.name.tokens[-1] not in ends or cl.kind(f.index) in ("person", "group"):
            continue
        _join_definite(cl, forms, f, ends, "the place ")


def _stems(named: set[str]) -> dict[str, list[str]]:
    """The one-word names of ``named`` by their first three letters (a word derived from a
    stem shares them: see :func:`derived_from`), for :func:`_named_qualifier`."""
    out: dict[str, list[str]] = defaultdict(list)
    for k in sorted(named):
        if " " not in k:
            out[k[:3]].append(k)
    return out


def _named_qualifier(extra: Sequence[str], named: set[str], stems: Mapping[str, list[str]]) -> bool:
    """True if the words ``extra`` name a place, group or organisation seen in the articles
    ("Varnian", "New Varnia"), or are all such words or words derived from one (``stems``:
    see :func:`_stems`)."""
    return " ".join(extra) in named or all(
        any(s == w or derived_from(s, w) for s in stems.get(w[:3], ())) for w in extra)


def _qualifier_names(extra: Sequence[str], named: set[str], stems: Mapping[str, list[str]]) -> set[str]:
    """The names of ``named`` that the qualifier ``extra`` is or derives from (see :func:`_named_qualifier`)."""
    phrase = " ".join(extra)
    if phrase in named:
        return {phrase}
    return {s for w in extra for s in stems.get(w[:3], ()) if s == w or derived_from(s, w)}


def expanded_acronyms(cl: Clusters, forms: Sequence[Form]) -> None:
    """Multi-word names that differ by an acronym or a derived word ("UN Rights Council" /
    "United Nations Rights Council", "Varnia Red Crescent" / "Varnian Red Crescent")."""
    orgs = [f for f in forms if not f.single and cl.kind(f.index) in ("organisation", "other", "place")]
    seen: set[tuple[int, int]] = set()
    for a, b in [*_pairs_by(orgs, lambda f: f.name.tokens[-1]), *_pairs_by(orgs, lambda f: f.name.tokens[0])]:
        if (a.index, b.index) in seen:
            continue
        seen.add((a.index, b.index))
        if cl.find(a.index) == cl.find(b.index):
            continue
        how = _align_variant(a.name.caps, b.name.caps) or _align_variant(b.name.caps, a.name.caps)
        if how:
            cl.union(a.index, b.index, how, f"{a.label} and {b.label} differ only by {how}")


def _align_variant(a: Sequence[str], b: Sequence[str]) -> str | None:
    """Return how name ``a`` abbreviates or inflects name ``b``, or None."""
    i = j = 0
    how = None
    while i < len(a) and j < len(b):
        x, y = norm_token(a[i]), norm_token(b[j])
        if x == y:
            i, j = i + 1, j + 1
            continue
        if how is not None:
            return None
        letters = a[i].replace(".", "")
        if letters.isupper() and 2 <= len(letters) <= 6:
            k = len(letters)
            span = b[j : j + k]
            if len(span) == k and "".join(w[0] for w in span).lower() == letters.lower():
                i, j, how = i + 1, j + k, "an acronym"
                continue
        if derived_from(x, y) or derived_from(y, x):
            i, j, how = i + 1, j + 1, "a derived word"
            continue
        if plural_of(x, y) or plural_of(y, x):  # "International Olympics Committee"
            i, j, how = i + 1, j + 1, "a plural word"
            continue
        return None
    return how if i == len(a) and j == len(b) else None


# furniture words that are no function words of a name ("Jack the Ripper")
def geographic_short_forms(cl: Clusters, forms: Sequence[Form]) -> None:
    """A river, lake or valley named by its first word alone ("Kessel" for "Kessel River").

    Only for a word that no person's name explains (so "Lincoln" next to "Abraham Lincoln"
    and "Lincoln Lake" stays the person) and when exactly one such feature fits.
    """
    features: dict[str, set[int]] = defaultdict(set)
    for f in forms:
        if len(f.name.core) == 2 and f.name.core[-1] in GEO_HEADS and cl.kind(f.index) in ("place", "other"):
            features[f.name.core[0]].add(cl.find(f.index))
    people = full_people(cl, forms)
    person_words = {t for names in people.values() for n in names for t in n.name.core}
    for f in forms:
        if not f.single or cl.find(f.index) in people or cl.kind(f.index) == "group":
            continue
        word = f.name.core[0]
        if word in person_words or len(features.get(word, ())) != 1:
            continue
        # the short form must not be tagged as a state, country, nation or tribe ("Missouri"
        # the state is not the Missouri River, "Shinnecock" the tribe not the peninsula)
        labels = Counter(m.label for m in f.mentions)
        if (labels.get("GPE", 0) + labels.get("NORP", 0)) * 2 >= sum(labels.values()):
            continue
        root = cl.find(next(iter(features[word])))
        feature = next(forms[i] for i in cl.members[root] if not forms[i].single)
        cl.union(root, f.index, "place short form",
                 f"{f.label} is the first word of {feature.label}; no person's name fits it")



def place_inner_short_forms(cl: Clusters, forms: Sequence[Form]) -> None:
    """A place named with one word of its name left out joins it ("Centennial Park" / "Olympic Park" for
    "Centennial Olympic Park"): both places, the same head word of place ("park", "square", "airport"),
    and exactly one longer place of the story fits."""
    heads = en.ENTITY_PLACE_HEADS | en.ENTITY_SHORTENED_PLACE_HEADS
    places = [f for f in forms if not f.single and cl.kind(f.index) == "place" and f.name.core[-1] in heads]
    by_short: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for f in places:
        core = f.name.core
        if len(core) >= 3:
            for k in range(len(core) - 1):
                by_short[core[:k] + core[k + 1:]].add(cl.find(f.index))
    for f in places:
        fits = by_short.get(f.name.core, set()) - {cl.find(f.index)}
        if len(fits) == 1:
            root = fits.pop()
            longer = next(forms[i] for i in cl.members[root] if not forms[i].single)
            cl.union(root, f.index, "place short form",
                     f"{f.label} is {longer.label} with one word left out; no other place fits")


def definite_short_forms(cl: Clusters, forms: Sequence[Form]) -> None:
    """An organisation called by its last word with "the" ("the Thunder" for "Kessel City Thunder").

    The bare word must be shown no person's name by its context (at least half its mentions
    after a determiner: see ``kindcue.kind_cue``), never be written in lowercase in the
    articles ("the Times" is no newspaper where "times" is a word of the text, unless it is a newspaper's
    head word written capitalised inside sentences in most of its mentions: "told the Post"), be voted an
    organisation or other (or a place, for a newspaper's head word: "the Sun" of "Las Vegas Sun"
    tagged GPE), and end exactly one longer organisation (or other) name whose other
    words name a place, group or organisation of the articles ("Kessel City", "U.S."; any words
    for a newspaper: "the Post" of "New York Post"), as in
    :func:`organisation_short_forms`: "the House" is not "White House".
    """
    named = {f.name.core_key for f in forms if cl.kind(f.index) in ("place", "group", "organisation")}
    stems = _stems(named)
    ends: dict[str, set[int]] = defaultdict(set)
    rivals: dict[str, set[int]] = defaultdict(set)  # every organisation name a word ends, qualified or not
    for f in forms:
        if not f.single and cl.kind(f.index) in ("organisation", "other") and not cl.person_like(f.index):
            rivals[f.name.tokens[-1]].add(cl.find(f.index))
            if (_named_qualifier(f.name.tokens[:-1], named, stems)
                    or f.name.tokens[-1] in en.ENTITY_NEWSPAPER_HEADS):  # "the Post": the one "... Post"
                ends[f.name.tokens[-1]].add(cl.find(f.index))
    if not ends:
        return
    for f in forms:
        newspaper = f.single and f.name.core[0] in en.ENTITY_NEWSPAPER_HEADS  # "the Sun", tagged a place
        # a newspaper's head word capitalised inside sentences is its name, whatever the word's other uses
        # ("the Post" where "a Facebook post" is written too)
        named_paper = newspaper and sum(not m.initial for m in f.mentions) * 2 > len(f.mentions)
        if not f.single or (f.lowercase and not named_paper) or cl.kind(f.index) not in ("organisation", "other") and not (
                newspaper and cl.kind(f.index) == "place"):
            continue
        _join_definite(cl, forms, f, ends, rivals=rivals)


def _join_definite(cl: Clusters, forms: Sequence[Form], f: Form, ends: Mapping[str, set[int]], what: str = "",
                   relation: str = "the last word", rivals: Mapping[str, set[int]] | None = None) -> None:
    """Join the bare word ``f`` ("the Thunder") to the one longer name it ends (``ends``: last word ->
    roots), when its entry holds single words only and at least half its mentions, and more than
    show it a person, follow a determiner; and no other name of ``rivals`` ends in it (two names end in
    "Klan": "the Klan" is either)."""
    root = cl.find(f.index)
    if any(not forms[j].single for j in cl.members[root]):
        return
    person, det, _quoted = cl.cues(f.index)
    n = sum(len(forms[j].mentions) for j in cl.members[root])
    if det <= person or 2 * det < n:
        return
    cands = {cl.find(r) for r in ends.get(f.name.tokens[-1], ())} - {root}
    if len(cands) != 1 or (rivals is not None and len({cl.find(r) for r in rivals.get(f.name.tokens[-1], ())}
                                                       - {root}) > 1):
        return
    target = cands.pop()
    longer = next(forms[i] for i in cl.members[target] if not forms[i].single)
    cl.union(target, f.index, "short form",
             f"{f.label}, written with 'the', is {relation} of {what}{longer.label}, the only name it "
             + ("ends" if relation == "the last word" else "fits"))
