"""The merge rules for people's partial names: a bare surname or first name joins the one
full name in scope, and single words left apart are joined back when nothing speaks against it.

Split off :mod:`.rules` (same conventions: each rule a function over the forms that logs every
merge it makes; they run in the order of ``ORDER`` in ``resolve.py``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ...lang import en
from .clusters import Clusters, Form
from .names import consonant_key, looks_like_personal_name, non_person_kind, norm_token, same_token

__all__ = ["full_people", "partial_names", "rejoin_single_words"]


_FURNITURE_NAME_WORDS = en.ENTITY_FURNITURE_WORDS - en.NAME_FUNCTION_WORDS - {"your", "our"}


def full_people(cl: Clusters, forms: Sequence[Form]) -> dict[int, list[Form]]:
    """Clusters with a multi-word name that is voted, or at least once tagged, a person; not a name glued
    to page furniture or a credit before its last word ("AP Photo Varn": :data:`lang.en.ENTITY_FURNITURE_WORDS`),
    no candidate for a bare surname nor a rival."""
    out: dict[int, list[Form]] = defaultdict(list)
    for f in forms:
        if (not f.single and cl.person_like(f.index) and cl.kind(f.index) != "place"
                and non_person_kind(f.name) is None
                and not any(w in _FURNITURE_NAME_WORDS for w in f.name.core[:-1])):
            out[cl.find(f.index)].append(f)
    return out


def partial_names(cl: Clusters, forms: Sequence[Form], common_min: int = 2, common_ratio: float = 1.0) -> None:
    """A surname or first name alone joins the one person whose full name it fits.

    Not when the kind of either side is doubtful: the context of at least half its mentions
    says "not a person", more often than it says "a person" ("the Airplane": see
    ``kindcue.kind_cue``; the tagger's labels are no evidence here: it calls bare surnames
    organisations or places as often as persons). Nor when the bare word is a common word of
    the articles (written in lowercase at least ``common_min`` times and ``common_ratio``
    times per capitalised use inside a sentence) that no context shows to be a person's name.

    Candidates named in the same article come first: "Fenwick" next to "Tom Fenwick" only
    is Tom Fenwick even if a Laura Fenwick appears in another article. A particle surname
    ("al-Gorm") only joins a full name with a particle. A word that is not voted a person
    ("Lindqvist" tagged as a place) joins only a full name in the same article, and by
    first name only if some mention of it is tagged a person. A full name counts as a
    person if it is voted one or tagged one at least once ("Ann Knox" tagged ORG twice). A word the
    tagger calls a group joins only as the surname of the one full name of its article written before
    it ("According to Burneikis" after "Monica Burneikis"), and not when the parser reads it as an
    adjective or it ends like a group's adjective ("English", "Iraqi"). A personal name the tagger
    calls an organisation ("Amber Pasztor" in every mention) is no target but a rival: a bare surname
    it shares joins no one where it is named (in the article, or anywhere for a set-wide match).
    """
    people = full_people(cl, forms)
    index: dict[str, set[int]] = defaultdict(set)
    for root, names in people.items():
        for n in names:
            index[consonant_key(n.name.first)].add(root)
            index[consonant_key(n.name.last)].add(root)
    org_heads = {f.name.core[0] for f in forms if not f.single and cl.kind(f.index) == "organisation"}
    # personal names voted no person ("Amber Pasztor" tagged an organisation in every mention): no target,
    # but a rival: a bare surname they share joins nobody where they are named
    rivals: dict[str, list[Form]] = defaultdict(list)
    for f in forms:
        if (not f.single and cl.find(f.index) not in people and looks_like_personal_name(f.name)
                and cl.kind(f.index) == "organisation"):  # not a work named after a person ("Evening Urgant")
            rivals[consonant_key(f.name.last)].append(f)

    def target_after(root: int, f: Form) -> bool:
        """True if the full names of ``root`` first appear in f's article after f does."""
        starts = [m.span.start for n in people[root] for m in n.mentions if m.span.article == f.article]
        return bool(starts) and min(starts) > min(m.span.start for m in f.mentions)

    def org_share(f: Form) -> bool:
        votes = f.kinds()
        return votes.get("organisation", 0) * 2 > sum(votes.values())

    mid: Counter = Counter()  # single word -> its capitalised uses inside a sentence, all articles
    for f in forms:
        if f.single:
            mid[f.name.core_key] += sum(not m.initial for m in f.mentions)

    def doubtful(i: int, single: bool) -> bool:
        """At least half the mentions say "not a person" and fewer say "a person". Quotation marks
        count against a bare word only: a full name in quotes is often a pseudonym ("Mike Enoch")."""
        person, det, quoted = cl.cues(i)
        against = det + quoted if single else det
        return against > person and 2 * against >= sum(len(forms[j].mentions) for j in cl.members[cl.find(i)])

    # single words some context shows to be no person's name in some article ("a magazine called Joe",
    # "Joe, a magazine"): with no full name in its own article, such a word joins nobody by first name
    thing_shown = {f.name.core_key for f in forms if f.single and any(
        m.cue in ("nonperson", "organisation", "other", "craft", "place") for m in f.mentions)}
    first_names: dict[str, set[int]] = defaultdict(set)  # first-name token -> people in the whole set
    for root, names in people.items():
        for n in names:
            if cl.kind(root) == "person" and looks_like_personal_name(n.name):
                first_names[n.name.first].add(root)
    for f in forms:
        if not f.single or cl.find(f.index) in people:
            continue
        kind = cl.kind(f.index)
        person_like = cl.person_like(f.index)
        token = f.name.core[0]
        # a surname the tagger calls a group ("According to Burneikis" after "Monica Burneikis"): only
        # as a surname in its own article, never an adjective or a word with a group ending ("English")
        norp_surname = kind == "group" and all(m.label == "NORP" and not m.adjective for m in f.mentions) \
            and not token.endswith(en.ENTITY_GROUP_ADJECTIVE_ENDINGS) and len(cl.members[cl.find(f.index)]) == 1
        if (kind == "group" and not norp_surname) or len(token) < 2 or not token.isalpha():
            continue
        if doubtful(f.index, single=True) or (f.lowercase >= max(common_min, common_ratio * mid[f.name.core_key])
                                              and not cl.cues(f.index)[0]):
            continue  # a word of doubtful kind, or a common word with no sign of a person
        if all(m.family for m in f.mentions):
            continue  # "the Williams sisters": a family, not one of its members
        own = f.kinds()
        if own.get("place", 0) * 2 > sum(own.values()) and any(m.locative for m in f.mentions):
            continue  # "Jackson, Wyo.", "in Jackson": a place that shares the surname
        if all(m.cue == "place" for m in f.mentions):
            continue  # "WASHINGTON _ The court ruled": every mention a dateline, a place's name
        surname: set[int] = set()
        first: set[int] = set()
        for root in index.get(consonant_key(token), ()):
            for n in people[root]:
                if same_token(token, n.name.last) and (not f.name.particle or n.name.particle):
                    surname.add(root)
                if (person_like and same_token(token, n.name.first) and cl.kind(root) == "person"
                        and looks_like_personal_name(n.name)):
                    first.add(root)
        # a first name alone is in scope only when no other person of the whole set bears it
        # ("Steve" while both Steve Scalise and Steve King are named stays unresolved)
        if first and len({cl.find(r) for r in first_names.get(token, set()) | first}) > 1:
            first = set()
        if all(m.courtesy for m in f.mentions):
            first = set()  # "Miss Universe", "Mr. Stewart": a courtesy title goes with a surname
        if org_share(f) and token in org_heads:
            continue  # "Gallup" tagged an organisation, heading "Gallup Poll": the firm, not its founder
        tagged_org = all(m.label == "ORG" for m in f.mentions)
        hits = {r for r in surname | first if not doubtful(r, single=False)}
        surname &= hits
        here = {r for r in hits if f.article in cl.articles(r)}
        if len(here) == 1 and tagged_org and target_after(next(iter(here)), f):
            # always tagged an organisation and named before the person is: the firm named
            # after its founder ("Gallup ... Dr. George Gallup, who founded our company")
            continue
        if norp_surname and not (len(here) == 1 and here <= surname and not target_after(next(iter(here)), f)):
            continue  # a group word joins only the one full name it ends, written before it in its article
        # (the other person must fit the same way, surname or first name: "her brother, Burke," before "Burke
        # Vell" in its article is Burke Vell, whatever Stan Burke of another article)
        same_way = surname if here and next(iter(here)) in surname else first
        if len(here) == 1 and target_after(next(iter(here)), f) and any(
                not m.initial for r in (hits - here) & same_way for n in people[r] for m in n.mentions):
            # written before the one full name of its article that fits, while another person of the set
            # fits too (named inside a sentence once at least: not a line's "Photo Trump"): a name is given
            # in full before it is shortened, so that full name is no anchor ("President Clinton ..." long
            # before "first lady Hillary Rodham Clinton"); left unresolved
            continue
        if len(here) == 1:
            target, where = here.pop(), "in this article"
        elif not here and len(hits) == 1 and kind == "person" and not any(
                f.article in cl.articles(r) for r in first_names.get(token, ())):
            # (not while a person of its own article bears the word as a first name: "justice for Michael"
            # beside "Michael Donald" is no "George Michael" of another article)
            target, where = hits.pop(), "in the articles"
        else:
            continue
        how = "surname" if target in surname else "first name"
        if how == "first name" and where != "in this article" and (f.name.core_key in thing_shown or all(
                m.continued and not any(same_token(norm_token(m.continued), n.name.last) for n in people[target])
                for m in f.mentions)):
            # "Joe" the magazine across the set, "Joe Simerini" named once elsewhere; a first word cut from a
            # longer name that is not the person's ("Don O`Briant" is no "Don MacKinnon"; "Dwyane Wade" is)
            continue
        if how == "surname" and any(same_token(token, g.name.last) and cl.find(g.index) != target
                                    and (where != "in this article" or f.article in g.articles)
                                    for g in rivals.get(consonant_key(token), ())):
            continue  # another personal name with this surname, voted no person: two candidates, not one
        full = max(people[target], key=lambda x: len(x.mentions))
        cl.union(target, f.index, f"{how} only",
                 f"{f.label} is the {how} of {full.label}, the only person it fits {where}")


def _no_sign_against_person(cl: Clusters, f: Form) -> bool:
    """True if no mention of the cluster of ``f`` is placed ("in X", "X, Wyo."), tagged a group,
    or shown no person by its context (see ``kindcue.kind_cue``)."""
    return not any(m.locative or m.kind == "group" or m.cue in ("nonperson", "organisation", "other", "place", "craft")
                   for j in cl.members[cl.find(f.index)] for m in cl.forms[j].mentions)


def rejoin_single_words(cl: Clusters, forms: Sequence[Form]) -> None:
    """Join the per-article forms of one single word back together.

    If the word resolved to one person (or to nobody) in every article, all its forms join;
    if it resolved to different people in different articles, only the unresolved forms
    join each other. The unresolved forms join the person when some mention of them is tagged
    a person, or when nothing in their context says otherwise: no preposition of place before
    them ("in Jackson"), no group label, no determiner ("the Airplane"); the tagger labels a
    bare surname a place or an organisation as often as a person ("Ocalan" tagged GPE).
    """
    groups: dict[tuple[str, bool], list[Form]] = defaultdict(list)
    for f in forms:
        if f.single:
            groups[(f.name.core_key, f.short_acronym)].append(f)
    for group in groups.values():
        resolved = {cl.find(f.index) for f in group if cl.has_full_person(f.index)}
        loose = [f for f in group if not cl.has_full_person(f.index)]
        for f in loose[1:]:
            cl.union(loose[0].index, f.index, None)
        if len(resolved) == 1 and loose and (cl.person_like(loose[0].index) or _no_sign_against_person(cl, loose[0])):
            anchor = resolved.pop()
            target = next(forms[i] for i in cl.members[anchor] if not forms[i].single)
            cl.union(anchor, loose[0].index, "same word",
                     f"in the articles that name a full name, {loose[0].label} is always {target.label}")
