"""Quotes a journalist can trust, third round (issue 14, 2026-12-03 second session): closing marks
garbled by a wrong decoding, whole speaker names (abbreviated titles, "and" and "'s" inside a
name), titles of works however long, a continued quote after reported speech in the attribution.

Made-up sentences, a real spaCy pipeline (the ``nlp`` fixture).
"""

from __future__ import annotations

from newsdossier.analysis.quotes import extract_quotes
from newsdossier.analysis.quotes.coref import _role_nouns
from newsdossier.analysis.quotes.marks import find_marked
from newsdossier.model import Article, Quote


def run(nlp, text: str) -> list[Quote]:
    art = Article.create(text, "names#0")
    return extract_quotes([art], {art.id: nlp(art.text)})


def by_text(quotes: list[Quote], part: str) -> Quote:
    hits = [q for q in quotes if part in q.span.text]
    assert len(hits) == 1, [q.span.text for q in quotes]
    return hits[0]


# ------------------------------------------------------------ garbled closing marks


def test_garbled_closing_mark_closes_the_quote():
    text = "“I can say that I will run for one of two offices,\ufffd? she said at the club. Then she left."
    marked = find_marked(text)
    assert len(marked) == 1
    assert text[marked[0].start : marked[0].end] == "I can say that I will run for one of two offices,"
    assert marked[0].after == text.index("? she") + 1


def test_garbled_mark_quote_keeps_its_speaker(nlp):
    text = (
        "Ann Lee spoke to the magazine about her years as a student.\n\n"
        "“Looking back, I don’t know if I could do it again. But somehow you just find the energy,\ufffd? "
        "she told the magazine of being a single mom and attending classes in the morning while she worked.\n\n"
        "“I remember we’d go into restaurants and everyone wanted to talk politics,\ufffd? Lee said."
    )
    quotes = run(nlp, text)
    q = by_text(quotes, "Looking back")
    assert q.span.text.endswith("find the energy,")
    assert q.speaker is not None and q.speaker.name == "Ann Lee"
    q2 = by_text(quotes, "restaurants")
    assert "Lee said" not in q2.span.text
    assert q2.speaker is not None and q2.speaker.name.endswith("Lee")


def test_question_mark_after_a_space_is_no_closing_mark():
    text = "“Why would he go \ufffd? nobody knows,” she said."
    marked = find_marked(text)
    assert len(marked) == 1
    assert text[marked[0].start : marked[0].end].endswith("nobody knows,")


# ------------------------------------------------------------ whole speaker names


def test_abbreviated_title_does_not_cut_the_name(nlp):
    quotes = run(nlp, "Dwight Smith, 30, and Kevin Johnson, 25, were arrested last week on suspicion of murder, "
                      "said LAPD Det. Chris Barling.")
    q = by_text(quotes, "were arrested")
    assert q.speaker is not None and q.speaker.name == "Chris Barling"


def test_organisation_with_and_in_its_name(nlp):
    quotes = run(nlp, "In all, Ways and Means says the laws are punishable by up to 11 years in prison.")
    q = by_text(quotes, "punishable")
    assert q.speaker is not None and q.speaker.name == "Ways and Means"


def test_company_name_ending_in_s_is_kept_whole(nlp):
    quotes = run(nlp, "Joining the menu today is a new sandwich. McDonald's said the sandwich would sell well "
                      "across the country.")
    q = by_text(quotes, "sell well")
    assert q.speaker is not None and q.speaker.name == "McDonald's"


def test_possessor_is_still_not_the_speaker(nlp):
    quotes = run(nlp, "Lee's lawyer said the deal was off after the meeting.")
    q = by_text(quotes, "deal was off")
    assert q.speaker is not None and q.speaker.name != "Lee's"


# ------------------------------------------------------------ titles of works


def test_long_title_after_titled_is_no_quote(nlp):
    quotes = run(nlp, "Ann Lee posed in the Capitol for the magazine spread, titled “Stand and Deliver: After Her "
                      "Long Speech, How Far Will Senator Ann Lee Run.”")
    assert not any("Stand and Deliver" in q.span.text for q in quotes)


# ------------------------------------------------------------ continued quotes


def test_continued_quote_after_reported_speech_in_its_attribution(nlp):
    text = (
        "The profile looks at her plans.\n\n"
        "“I feel confident that the next campaign will sort itself out in due time,” Ann Lee wrote in an "
        "email after Gov. Bo Perry announced he would not seek reelection. “For now my priorities remain "
        "the same and I will keep working.”"
    )
    quotes = run(nlp, text)
    q = by_text(quotes, "For now my priorities")
    assert q.speaker is not None and q.speaker.name.endswith("Lee")


# ------------------------------------------------------------ pronouns to the right person


def test_pronoun_resolved_to_a_name_the_tagger_glued_to_a_dash(nlp):
    text = (
        "Ann Rivers told reporters she goes to the cemetery every day.\n\n"
        "I am ready. Every day they go to court, I'll be there. — Ann Rivers, mother of Tom Price\n\n"
        "She said she still hears his last words in her mind."
    )
    quotes = run(nlp, text)
    q = by_text(quotes, "still hears")
    assert q.speaker is not None and q.speaker.name != "Tom Price"


def test_role_noun_set_off_by_a_comma_tells_the_gender(nlp):
    doc = nlp("In the conversation with his fiancee, Rhonda Rouer, he also complained about the room.")
    ents = [e for e in doc.ents if e.label_ == "PERSON"]
    assert ents, [(e.text, e.label_) for e in doc.ents]
    assert "fiancee" in [t.lower_ for t in _role_nouns(ents[0])]


def test_document_before_a_name_is_no_apposition(nlp):
    doc = nlp("According to the indictment, Juan McCullum worked in the office for a year.")
    ents = [e for e in doc.ents if e.label_ == "PERSON"]
    assert ents
    assert "indictment" not in [t.lower_ for t in _role_nouns(ents[0])]


# ------------------------------------------------------------ descriptions


def test_description_is_not_a_name_inside_what_was_said(nlp):
    text = ("A Detroit man pleaded not guilty Friday to murder charges.\n\n"
            "Ron Lamar Davis, 31, will remain in jail without bond, the judge said.")
    q = by_text(run(nlp, text), "remain in jail")
    assert q.speaker is not None and q.speaker.name != "Ron Lamar Davis"


def test_bare_role_noun_linked_by_salience_is_low_confidence(nlp):
    text = ("Ann Lee was arrested after the fight at the wedding on Saturday night.\n\n"
            "Lee said she had been invited by the groom. The woman said she would sue the resort.")
    q = by_text(run(nlp, text), "sue the resort")
    assert q.speaker is not None and q.speaker.name == "Ann Lee"
    assert q.speaker.confidence < 0.5
    q2 = by_text(run(nlp, text), "invited by the groom")
    assert q2.speaker is not None and q2.speaker.confidence >= 0.5


# ------------------------------------------------------------ headlines


def test_related_headline_is_no_quote(nlp):
    text = ("The victim said the woman threw a drink on her before running to the bathroom.\n\n"
            "[RELATED: 'Wedding crasher' says she never attacked guest, apologizes to bride]\n\n"
            "Amid strife, missing boy’s father says he doesn’t believe mother’s story\n\n"
            "Once in the bathroom, the woman said several guests pulled her hair.")
    quotes = run(nlp, text)
    assert not any("never attacked" in q.span.text or "believe mother" in q.span.text for q in quotes)
    assert any("pulled her hair" in q.span.text for q in quotes)


def test_signed_pull_quote_is_no_headline():
    from newsdossier.analysis.quotes.marks import paragraphs
    from newsdossier.analysis.quotes.narration import headline

    text = "“The most unqualified child to ever run for president.” ― Francisco Herrero"
    assert not headline(text, paragraphs(text)[0])


# ------------------------------------------------------------ who the description is


def test_capitalised_body_issuing_a_statement_is_its_issuer(nlp):
    text = ("The Nulato Tribal Council issued a statement saying they were deeply saddened by what happened. "
            "\"We are disturbed and saddened that the teams were struck by a resident of our village,\" the statement said.")
    quotes = run(nlp, text)
    q = by_text(quotes, "disturbed and saddened")
    assert q.speaker is not None and "Council" in q.speaker.name


def test_speaker_who_identified_himself(nlp):
    quotes = run(nlp, "\"He'd just eat his food and took off,\" said a man who identified himself as Angelo Lopez.")
    q = by_text(quotes, "eat his food")
    assert q.speaker is not None and q.speaker.name == "Angelo Lopez"


def test_they_is_the_body_that_was_subject_just_before(nlp):
    text = ("Largo police announced early Tuesday evening that the boy had been found. In a press conference later "
            "that night, they said the toddler was found dead.")
    q = by_text(run(nlp, text), "toddler was found dead")
    assert q.speaker is not None and q.speaker.name.lower() == "largo police"


def test_pronoun_after_an_unnamed_speaker_is_that_speaker(nlp):
    text = ("King said one dog might have a fractured leg.\n\n"
            "A veterinarian at the riverside checkpoint said she was not allowed to describe the injuries.\n\n"
            "\"We can't talk about it,\" she said.")
    q = by_text(run(nlp, text), "talk about it")
    assert q.speaker is not None and q.speaker.name.startswith("veterinarian")


def test_pronoun_after_an_unnamed_speaker_of_the_other_gender_is_not_it(nlp):
    text = ("A man at the checkpoint said the dogs were tired.\n\n"
            "\"We can't talk about it,\" she said.")
    q = by_text(run(nlp, text), "talk about it")
    assert q.speaker is None or "man" not in q.speaker.name


# ------------------------------------------------------------ reported clauses whole


def test_second_speech_verb_of_the_speaker_ends_the_reported_clause(nlp):
    quotes = run(nlp, "The Justice Department said it will review the letter and noted it is already probing the matter.")
    q = by_text(quotes, "review the letter")
    assert q.span.text == "it will review the letter"


def test_second_verb_that_is_no_speech_stays_in_the_clause(nlp):
    quotes = run(nlp, "Some residents speculated that he might simply have been trying to scare the mushers "
                      "and then ran into them accidentally.")
    q = by_text(quotes, "scare the mushers")
    assert q.span.text.endswith("accidentally")


def test_subject_that_opens_the_reported_clause(nlp):
    quotes = run(nlp, "Largo police later confirmed that was the location where the body was found, putting an end "
                      "to a search.")
    q = by_text(quotes, "the location")
    assert q.span.text.startswith("that was the location")


# ------------------------------------------------------------ a document's issuer in its own words


def test_document_names_its_issuer(nlp):
    quotes = run(nlp, "Obama worked harder than ever. He made 92 direct pitches to Democratic members of the House, "
                      "according to a White House tally. Last week he gave three speeches.")
    q = by_text(quotes, "92 direct pitches")
    assert q.speaker is not None and q.speaker.name == "White House"


def test_document_by_its_authors(nlp):
    quotes = run(nlp, "A forensic investigation by the authorities found the clerk had deleted several texts.")
    q = by_text(quotes, "deleted several texts")
    assert q.speaker is not None and q.speaker.name == "authorities"


def test_office_holder_owns_the_description(nlp):
    quotes = run(nlp, "According to the U.S. attorney’s description of the charges, in March she asked him to take "
                      "her phone to a store.")
    q = by_text(quotes, "take her phone")
    assert q.speaker is not None and q.speaker.name == "U.S. attorney"


def test_possessor_of_another_noun_is_not_the_issuer(nlp):
    quotes = run(nlp, "The man was arrested in the hallway, according to the sheriff's office and court records.")
    q = by_text(quotes, "arrested in the hallway")
    assert q.speaker is None or q.speaker.name != "sheriff"


# ------------------------------------------------------------ the right name of several


def test_person_of_a_firm_is_the_speaker_not_the_firm(nlp):
    quotes = run(nlp, "Lerner’s attorney, Bill Taylor of Zuckerman Spaeder, called the timing of the vote “odd,” "
                      "and said he had not heard from the committee about its referral.")
    q = by_text(quotes, "had not heard")
    assert q.speaker is not None and q.speaker.name == "Bill Taylor"


def test_relative_clause_speech_verb_before_the_quote(nlp):
    quotes = run(nlp, "The officers finished with their call and then continued their conversation with Mr. Smith, "
                      "who told them: “My brother may be hurt. He might be dead.”")
    q = by_text(quotes, "brother may be hurt")
    assert q.speaker is not None and q.speaker.name == "Mr. Smith"


# ------------------------------------------------------------ evidence is no statement


def test_what_records_show_is_no_quote(nlp):
    quotes = run(nlp, "County inmate records indicated Johnson was arrested June 17 and was being held on bail. "
                      "Smith was arrested June 18, records showed.")
    assert not any("arrested June" in q.span.text for q in quotes)


def test_according_to_records_stays_unresolved(nlp):
    quotes = run(nlp, "Rodriguez also was charged with obstruction of justice, according to court records.")
    q = by_text(quotes, "obstruction of justice")
    assert q.speaker is not None and not q.speaker.resolved


def test_organisation_with_and_before_its_head(nlp):
    quotes = run(nlp, "The Ways and Means Committee said the laws were broken.")
    q = by_text(quotes, "laws were broken")
    assert q.speaker is not None and q.speaker.name.endswith("Ways and Means Committee")


def test_speaker_the_tagger_missed_is_a_referent(nlp):
    from newsdossier.analysis.quotes.coref import Coref

    doc = nlp("\"You know how things are now,\" Christos Vasiliades allegedly told the victim. He was scheduled to "
              "appear in court Wednesday.")
    start = doc.text.index("Christos")
    coref = Coref(doc, [(0, doc.text.index(" Christos"))], speakers=((start, start + len("Christos Vasiliades")),))
    assert any(m.key == "vasiliades" for m in coref.mentions)
