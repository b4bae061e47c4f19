"""Quotes, speakers and reprint chains, on sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdossier.analysis.quotes import ParseMismatchError, extract_quotes, same_quote
from newsdossier.model import Article, Entity, Quote


def run(nlp, *texts: str, metas: list[dict] | None = None, entities=()) -> tuple[list[Article], list[Quote]]:
    metas = metas or [{} for _ in texts]
    arts = [Article.create(t, f"test#{i}", **m) for i, (t, m) in enumerate(zip(texts, metas))]
    docs = {a.id: nlp(a.text) for a in arts}
    return arts, extract_quotes(arts, docs, entities)


def direct(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.kind == "direct"]


def only(nlp, text: str) -> Quote:
    _, quotes = run(nlp, text)
    d = direct(quotes)
    assert len(d) == 1, [q.span.text for q in d]
    return d[0]


# ----------------------------------------------------------------- speaker shapes


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        ('"The bridge will open in May," said Orla Quenby.', "The bridge will open in May,", "Orla Quenby"),
        ("“The bridge will open in May,” Orla Quenby said.", "The bridge will open in May,", "Orla Quenby"),
        ('Orla Quenby said, "The bridge will open in May."', "The bridge will open in May.", "Orla Quenby"),
        ("Orla Quenby said: “The bridge will open in May.”", "The bridge will open in May.", "Orla Quenby"),
        ("“The bridge will open in May, and not a day later.” — Orla Quenby", None, "Orla Quenby"),
        ("Orla Quenby told reporters: “The bridge will open in May.”", None, "Orla Quenby"),
        ("Orla Quenby wrote: “The bridge will open in May.”", None, "Orla Quenby"),
        ("According to Orla Quenby, “the bridge will open in May, weather allowing.”", None, "Orla Quenby"),
    ],
)
def test_speaker_shapes(nlp, text: str, content: str | None, speaker: str) -> None:
    q = only(nlp, text)
    if content is not None:
        assert q.span.text == content
    assert q.speaker is not None and q.speaker.name == speaker
    assert q.span.text in text and '"' not in q.span.text and "“" not in q.span.text


def test_role_and_cue(nlp) -> None:
    q = only(nlp, "“Nothing has changed at the harbour,” said Dunmore Gazette correspondent Tessa Brinkley.")
    assert q.speaker.name == "Tessa Brinkley"
    assert q.speaker.role and "correspondent" in q.speaker.role
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker.span.text == "Tessa Brinkley"


def test_partial_quote_in_sentence_goes_to_subject(nlp) -> None:
    q = only(nlp, "Mayor Ilse Varga described the vote as a “turning point for a city that has waited too long”.")
    assert q.speaker is not None and q.speaker.name == "Ilse Varga"


def test_pronoun_resolves_to_nearest_named_speaker(nlp) -> None:
    text = (
        "Retired judge Corwin Abernathy said the court had been slow to act.\n"
        "“We lost two years to paperwork and nobody paid for it,” he said."
    )
    q = only(nlp, text)
    assert q.speaker.name == "Corwin Abernathy"
    assert q.speaker.span.text == "he"  # the span points at the words beside the quote


def test_pronoun_prefers_subject_of_its_own_paragraph(nlp) -> None:
    text = (
        "Bram Olsen said the hearing would be short.\n"
        "Senator Ilka Morrow scolded the witness: “You were warned twice about the leaking tanks,” she said."
    )
    q = only(nlp, text)
    assert q.speaker.name == "Ilka Morrow" and q.speaker.span.text == "she"


def test_quote_only_paragraph_continues_previous_speaker(nlp) -> None:
    text = (
        "“The river rose faster than anyone expected,” said Hal Pettigrew, a ferry pilot.\n"
        "“We moved the boats twice in one night and still lost the small pier.”"
    )
    _, quotes = run(nlp, text)
    d = direct(quotes)
    assert len(d) == 2
    assert all(q.speaker and q.speaker.name == "Hal Pettigrew" for q in d)


def test_introducing_paragraph_then_quote_only_paragraph(nlp) -> None:
    text = (
        "The council met on Tuesday.\n"
        "But Wendeline Ashcroft suggested there is still time to rebuild the old mill.\n"
        "“If the money arrives this spring, we can open it again before winter.”"
    )
    _, quotes = run(nlp, text)
    d = direct(quotes)
    assert len(d) == 1 and d[0].speaker.name == "Wendeline Ashcroft"


def test_block_quote_after_colon_line(nlp) -> None:
    text = (
        "So says the Lakeside Ledger's Pavel Ostrowski:\n\n"
        "“The ferry company has lost its licence and the mayor knows why.”\n\n"
        "Nobody else has confirmed it yet."
    )
    _, quotes = run(nlp, text)
    d = direct(quotes)
    assert len(d) == 1
    assert d[0].speaker is not None and d[0].speaker.name == "Pavel Ostrowski"


def test_multi_paragraph_quote_is_one_quote(nlp) -> None:
    text = (
        "“The harvest was the worst in ten years,” said Maren Olufsen. “Half the orchards flooded.\n\n"
        "“The rest were picked too early because everyone feared another storm.\n\n"
        "“We will need help from the province.”\n\n"
        "The province has not replied."
    )
    _, quotes = run(nlp, text)
    d = direct(quotes)
    long = [q for q in d if "continued" in q.flags]
    assert len(long) == 1
    assert long[0].span.text.startswith("Half the orchards")
    assert long[0].span.text.endswith("help from the province.")
    assert long[0].speaker.name == "Maren Olufsen"
    assert "unbalanced" not in long[0].flags


def test_unbalanced_marks_never_crash_and_are_flagged(nlp) -> None:
    text = (
        "“We will not sign this agreement under any circumstances, said Rosalind Achterberg.\n"
        "The talks resume on Friday. He said \"nothing \"\" more ” ” “ \n"
        "“"
    )
    _, quotes = run(nlp, text)
    flagged = [q for q in quotes if "unbalanced" in q.flags]
    assert flagged
    assert flagged[0].span.text.startswith("We will not sign")
    assert "\n" not in flagged[0].span.text  # bounded by its paragraph


def test_scare_quotes_and_titles_are_not_quotes(nlp) -> None:
    text = (
        "Officials praised the “reforms” and said the town had “won”. "
        "The so-called “harbour plan” was discussed on “Morning Tide Radio” yesterday. "
        "Locals joined the “Who Owns The Coast?” campaign."
    )
    _, quotes = run(nlp, text)
    assert direct(quotes) == []


def test_straight_and_typographic_marks_and_two_apostrophes(nlp) -> None:
    for text in (
        '"Prices will fall next year," said Ansel Brody.',
        "“Prices will fall next year,” said Ansel Brody.",
        "''Prices will fall next year,'' said Ansel Brody.",
    ):
        q = only(nlp, text)
        assert q.span.text == "Prices will fall next year,"
        assert q.speaker.name == "Ansel Brody"


def test_nested_quote_stays_inside(nlp) -> None:
    q = only(nlp, '"They told us \'wait until spring\' and we waited," said Ansel Brody.')
    assert q.span.text.startswith("They told us") and q.span.text.endswith("we waited,")


# ----------------------------------------------------------------- indirect speech


def test_indirect_speech_shapes(nlp) -> None:
    text = (
        "Ansel Brody said that the mill would close in March.\n"
        "The ferry will stop running for the winter, Orla Quenby said.\n"
        "According to Tessa Brinkley, the harbour master resigned last week."
    )
    _, quotes = run(nlp, text)
    ind = {q.speaker.name: q.span.text for q in quotes if q.kind == "indirect"}
    assert ind["Ansel Brody"] == "the mill would close in March"
    assert ind["Orla Quenby"] == "The ferry will stop running for the winter"
    assert ind["Tessa Brinkley"] == "the harbour master resigned last week"
    assert not direct(quotes)


@pytest.mark.parametrize("text, speaker", [
    ("The new pier, Orla Quenby said, would be finished before the summer.", "Orla Quenby"),
    ("The ferries, the harbour master said yesterday, leave late too often.", "the harbour master"),
])
def test_attribution_between_commas_inside_a_sentence(nlp, text: str, speaker: str) -> None:
    _, quotes = run(nlp, text)
    ind = [q for q in quotes if q.kind == "indirect"]
    assert len(ind) == 1 and ind[0].speaker.name.lower().endswith(speaker.split()[-1].lower())
    assert ind[0].span.text == text.rstrip(".")  # the content runs around the attribution


def test_a_comma_clause_without_speech_is_not_reported_speech(nlp) -> None:
    _, quotes = run(nlp, "The ferry, the council decided, will stop in winter.\nThe pier, which Orla Quenby built, is closed.\n"
                         "The militia beat the city's police, which had to call for army support.")
    assert not [q for q in quotes if q.kind == "indirect"]


def test_a_speaker_phrase_keeps_its_possessive(nlp) -> None:
    _, quotes = run(nlp, "The board knew it: its own report said the pier was unsafe.\n"
                         "The lawyers said the contract was void.")
    names = {q.speaker.name for q in quotes if q.kind == "indirect"}
    assert "its own report" in names and "lawyers" in names


def test_entity_link_needs_the_head_of_the_name(nlp) -> None:
    text = "Varnian officials said the border would stay closed. Orla Quenby said the talks failed."
    art = Article.create(text, "test#g")
    s = text.index("Varnian")
    group = Entity("e-var", "Varnian", "GROUP", mentions=(art.span(s, s + len("Varnian")),))
    s = text.index("Orla Quenby")
    person = Entity("e-orla", "Orla Quenby", "PERSON", mentions=(art.span(s, s + len("Orla Quenby")),))
    quotes = extract_quotes([art], {art.id: nlp(text)}, [group, person])
    by_name = {q.speaker.name: q.speaker.entity for q in quotes if q.speaker}
    assert by_name["Orla Quenby"] == "e-orla"
    assert all(e != "e-var" for e in by_name.values())


def test_relative_pronoun_speaker_is_its_antecedent(nlp) -> None:
    _, quotes = run(nlp, "The report quoted Ansel Brody, who said that the mill would close in March.")
    ind = [q for q in quotes if q.kind == "indirect"]
    assert ind and ind[0].speaker.name == "Ansel Brody"


@pytest.mark.parametrize("text, speaker, content", [
    ("The council rejected the plan, arguing that the budget was already spent.", "council",
     "the budget was already spent"),
    ("Orla Quenby responded by saying the ferry would keep running.", "Orla Quenby", "the ferry would keep running"),
])
def test_participle_cue_takes_the_main_subject(nlp, text: str, speaker: str, content: str) -> None:
    _, quotes = run(nlp, text)
    ind = [q for q in quotes if q.kind == "indirect"]
    assert [(q.speaker.name, q.span.text) for q in ind] == [(speaker, content)]


def test_told_gives_indirect_with_speaker(nlp) -> None:
    _, quotes = run(nlp, "Orla Quenby told the committee that the budget was already spent.")
    ind = [q for q in quotes if q.kind == "indirect"]
    assert ind and ind[0].speaker.name == "Orla Quenby"
    assert ind[0].span.text == "the budget was already spent"


# ----------------------------------------------------------------- entities


def test_speakers_link_to_entities(nlp) -> None:
    text = "“We are ready,” said Orla Quenby. Later, “we were never ready,” Quenby said."
    art = Article.create(text, "test#e")
    start = text.index("Orla Quenby")
    ent = Entity("e-orla", "Orla Quenby", "PERSON", aliases=("O. Quenby",),
                 mentions=(art.span(start, start + len("Orla Quenby")),))
    other = Entity("e-port", "Port Authority", "ORG")
    quotes = extract_quotes([art], {art.id: nlp(text)}, [other, ent])
    d = direct(quotes)
    assert len(d) == 2
    assert all(q.speaker.entity == "e-orla" for q in d)  # by mention span, then by surname


def test_no_entity_when_surname_is_ambiguous(nlp) -> None:
    text = "“We are ready,” Quenby said."
    art = Article.create(text, "test#e2")
    ents = [Entity("a", "Orla Quenby", "PERSON"), Entity("b", "Hugo Quenby", "PERSON")]
    q = direct(extract_quotes([art], {art.id: nlp(text)}, ents))[0]
    assert q.speaker.name == "Quenby" and q.speaker.entity is None


# ----------------------------------------------------------------- provenance

WIRE = (
    "The port will close for repairs.\n"
    "“Our engineers found cracks in every pier and we cannot take the risk,” said harbour master Idris Fenwick."
)
BLOG = (
    "Bad news for sailors. So says the Tidewater Wire's Idris Fenwick:\n\n"
    "\"Our engineers found cracks in every pier and we cannot take the risk.\"\n\n"
    "I have my doubts."
)
DIGEST = "Fenwick told the Tidewater Wire: \"Our engineers found cracks in every pier …\""


def test_same_quote_tolerates_style_punctuation_ellipsis_truncation() -> None:
    full = "Our engineers found cracks in every pier, and we cannot take the risk."
    assert same_quote(full, "Our engineers found cracks in every pier … we cannot take the risk")
    assert same_quote(full, "our engineers found cracks in every pier")
    assert same_quote("We can’t wait “forever”", "We can't wait \"forever\"")
    assert not same_quote(full, "Our engineers found nothing wrong with the ferry terminal at all.")


def test_reprint_chain_by_publication_date(nlp) -> None:
    arts, quotes = run(nlp, BLOG, WIRE, DIGEST, metas=[
        {"outlet": "Gull Blog", "published": "2025-04-10"},
        {"outlet": "Tidewater Wire", "published": "2025-04-09"},
        {"outlet": "Digest", "published": "2025-04-11"},
    ])
    chain = [q for q in direct(quotes) if q.reprints]
    assert len(chain) == 1
    q = chain[0]
    assert q.origin == arts[1].id and q.span.article == arts[1].id
    assert {r.span.article for r in q.reprints} == {arts[0].id, arts[2].id}
    credits = {r.span.article: r.credit for r in q.reprints}
    assert "Tidewater Wire" in credits[arts[0].id]
    assert "Tidewater Wire" in credits[arts[2].id]
    # one quote per chain: the reprints are not listed again
    assert sum(1 for x in direct(quotes) if "cracks in every pier" in x.span.text) == 1


def test_reprint_chain_by_credit_when_undated(nlp) -> None:
    arts, quotes = run(nlp, BLOG, WIRE, metas=[{"outlet": "Gull Blog"}, {"outlet": "Tidewater Wire"}])
    q = next(q for q in direct(quotes) if q.reprints)
    assert q.origin == arts[1].id
    assert q.speaker.name == "Idris Fenwick"


def test_unlabelled_source_recognised_by_its_own_name(nlp) -> None:
    # no metadata at all: the wire names itself three times, the blog credits it once
    wire = (
        "Tidewater Wire reporters spent a week at the port. Tidewater Wire analyst Noor Haddad agreed.\n"
        "“Our engineers found cracks in every pier and we cannot take the risk,” said "
        "Tidewater Wire harbour reporter Idris Fenwick."
    )
    arts, quotes = run(nlp, BLOG, wire)
    q = next(q for q in direct(quotes) if q.reprints)
    assert q.origin == arts[1].id and q.span.article == arts[1].id
    assert q.reprints[0].credit == "So says the Tidewater Wire's Idris Fenwick"


def test_unknown_origin_is_never_invented(nlp) -> None:
    arts, quotes = run(nlp, BLOG, WIRE)  # no dates, no outlets
    q = next(q for q in direct(quotes) if q.reprints)
    assert q.origin is None
    assert q.span.article == arts[0].id  # stays in the first article in input order


# ----------------------------------------------------------------- robustness


def test_parse_of_another_text_is_rejected(nlp) -> None:
    art = Article.create("“Yes,” she said.", "test#x")
    with pytest.raises(ParseMismatchError):
        extract_quotes([art], {art.id: nlp("Something else.")})
    with pytest.raises(ParseMismatchError):
        extract_quotes([art], {})


ODD = st.lists(
    st.sampled_from([
        "“", "”", '"', "‘", "’", "''", "\n", "\r\n", "\n\n", " said Ola Brun", " he said.", ",", ":",
        " — ", "…", "😀", "שלום", "\u200b", "\u00a0", "We will win", "according to Ida Lund,", ".",
    ]),
    min_size=1,
    max_size=24,
).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ODD)
def test_every_span_round_trips_on_odd_input(nlp, text: str) -> None:
    art = Article.create(text, "test#odd")
    quotes = extract_quotes([art], {art.id: nlp(text)})
    for q in quotes:
        for span in (q.span, q.cue, q.speaker.span if q.speaker else None, *(r.span for r in q.reprints)):
            if span is not None:
                assert art.text[span.start : span.end] == span.text


# --------------------------------------------------------------------------- particle surnames


@pytest.mark.parametrize("left,right,expected", [
    ("al", "", "al-Rashidi"), ("el", "", "el-Sayed"), ("", "Sayed", "el-Sayed"),
    ("", "Jones", "Smith-Jones"), ("", "Neill", "O'Neill"), ("", "Linden", "van der Linden"),
    ("bin", "", "bin Faris"), ("", "Rashidi's", "al-Rashidi's"),
])
def test_whole_name_widens_particles_and_joins(left: str, right: str, expected: str) -> None:
    from newsdossier.analysis.quotes.phrases import whole_name

    text = f'"We were ready," {expected} told reporters.'
    if expected.endswith("'s"):
        text = f"Yesterday {expected} office said so."
    start = text.index(expected)
    part = left or right
    s = start + expected.index(part)
    got = whole_name(text, s, s + len(part))
    assert text[got[0]:got[1]] == expected


@pytest.mark.parametrize("text", [
    "As Jones said, the plan failed.",          # "as" before a name is English, not a particle
    "The Jones-led coalition won the vote.",   # a lower-case word after a hyphen is not a name
    "Jones's aides disagreed.",                # a possessive is not a join
])
def test_whole_name_leaves_ordinary_words_alone(text: str) -> None:
    from newsdossier.analysis.quotes.phrases import whole_name

    s = text.index("Jones")
    assert whole_name(text, s, s + 5) == (s, s + 5)


@pytest.mark.parametrize("text,speaker", [
    ('"The pumps worked all night," el-Sayed told journalists in the square.', "el-Sayed"),
    ('"The pumps worked all night," al-Rashidi told reporters at the city hall.', "al-Rashidi"),
    ('"The pumps worked all night," said Karim bin Tamir, the port director.', "Karim bin Tamir"),
    ('"The pumps worked all night," van der Linden told journalists.', "van der Linden"),
    ('"The pumps worked all night," O\'Neill said.', "O'Neill"),
    ('"The pumps worked all night," Smith-Jones told journalists.', "Smith-Jones"),
    ('Rana Abu-Khalil said, "The pumps worked all night."', "Rana Abu-Khalil"),
])
def test_particle_surnames_stay_whole_in_direct_quotes(nlp, text: str, speaker: str) -> None:
    q = only(nlp, text)
    assert q.speaker is not None and q.speaker.name == speaker
    assert q.speaker.span is not None and q.speaker.span.text == speaker


@pytest.mark.parametrize("text,speaker", [
    ("Harriet Smith-Jones told the council that the budget was too small.", "Harriet Smith-Jones"),
    ("According to Layla el-Amin, the fire started at noon near the depot.", "Layla el-Amin"),
    ("al-Rashidi told reporters that the water had receded overnight.", "al-Rashidi"),
])
def test_particle_surnames_stay_whole_in_indirect_speech(nlp, text: str, speaker: str) -> None:
    _, quotes = run(nlp, text)
    ind = [q for q in quotes if q.kind == "indirect"]
    assert ind and ind[0].speaker is not None
    assert ind[0].speaker.name == speaker and ind[0].speaker.span.text == speaker


def test_particle_surname_inherited_by_pronoun_and_continuation(nlp) -> None:
    text = ('"The pumps worked all night," el-Sayed told journalists in the square. '
            '"Nobody expected the river to rise so fast."\n\n'
            '"We will keep the pumps running until Friday."\n\n'
            'The engineer walked away. "It is not over yet," he said.')
    _, quotes = run(nlp, text)
    names = [q.speaker.name if q.speaker else None for q in direct(quotes)]
    assert names == ["el-Sayed"] * 4, names


def test_a_document_is_cited_never_a_speaker(nlp):
    from newsdossier.analysis.quotes import is_document

    assert is_document("emails seen by the Valley Post") and is_document("its own report from last March")
    assert is_document("a video of his remarks") and is_document("court filings")
    assert not is_document("Mayor Ilsa Brandvik") and not is_document("the report's author")
    text = ("Residents had warned of seepage for days, according to emails seen by the Harbour Post. "
            "Mayor Ilsa Brandvik said the warnings should have reached her sooner.")
    _, quotes = run(nlp, text)
    by_start = {text[q.span.start:q.span.end][:9]: q for q in quotes}
    warned = next(q for q in quotes if "seepage" in q.span.text)
    assert warned.speaker is not None and warned.speaker.link == "unresolved" and warned.speaker.entity is None
    assert warned.low_confidence
    assert any(q.speaker is not None and q.speaker.name.endswith("Brandvik") for q in by_start.values())
