"""Speakers and non-quotes read from the unseen heldout8 split and DUC D0718D (2026-12-04, second
session, issue 14): a name inside an adjective of the speaker ("someone close to X") is not the
speaker; when the evidence for a name is weak the speaker is left unresolved or below the trust mark.

Made-up sentences, a real spaCy pipeline (the ``nlp`` fixture).
"""

from __future__ import annotations

from .test_quotes_narration import run
from .test_quotes_narration import speaker_of as speaker


def test_someone_close_to_a_person_is_not_that_person(nlp) -> None:
    quotes = run(nlp, "Some aides urged Mr. Holm to resign. But Mr. Holm quickly rejected the idea, out of "
                      "\"duty and pride\" to the city, said someone close to Mr. Holm, speaking anonymously.")
    assert quotes
    assert all(q.speaker is None or q.speaker.name != "Mr. Holm" for q in quotes)


def test_a_source_familiar_with_a_plan_is_not_its_author(nlp) -> None:
    quotes = run(nlp, "Ann Berg met the board on Friday. A source familiar with Ann Berg's plans said the "
                      "merger was dead.")
    assert speaker(quotes, "the merger was dead") not in ("Ann Berg", "Berg")


def test_a_time_the_parse_hung_on_the_subject_is_no_part_of_the_speaker(nlp) -> None:
    quotes = run(nlp, "Farm groups on Tuesday accused the ministry of failing to protect the wolves. Some "
                      "parents in March said the school was unsafe.")
    names = {q.speaker.name for q in quotes if q.speaker is not None}
    assert not any("Tuesday" in n or "March" in n for n in names)


def test_a_lede_role_is_not_the_next_person_named_with_another_role(nlp) -> None:
    quotes = run(nlp, "A spokesman for the Port Authority said that no ships were stopped on Friday. Tom "
                      "Berger, a cousin of the driver, said the port did not call the police.")
    assert speaker(quotes, "no ships were stopped") != "Tom Berger"


def test_a_lede_man_may_still_be_the_mechanic_named_next(nlp) -> None:
    quotes = run(nlp, "A 30-year-old man says he was robbed at gunpoint outside the bank. Tom Berger, a "
                      "mechanic, told reporters he had just been paid.")
    assert speaker(quotes, "robbed at gunpoint") == "Tom Berger"


def test_the_last_word_of_a_body_named_before_stands_for_it(nlp) -> None:
    quotes = run(nlp, "The Northern Forest Service agreed on Monday that logging posed serious threats to "
                      "the owls.\n\nBut the service said the threat was still distant.")
    assert speaker(quotes, "still distant") == "The Northern Forest Service"


def test_an_ad_or_a_website_is_a_document_below_the_trust_mark(nlp) -> None:
    quotes = run(nlp, "The Lakeside Museum will close its east wing in May.\n\nAccording to the ad, the "
                      "wing holds \"a hall of forgotten giants, dusty and loved.\"")
    said = [q for q in quotes if "forgotten giants" in q.span.text and q.speaker is not None]
    assert said and all(q.speaker.confidence < 0.5 for q in said)


def test_a_memorandum_is_a_silent_document(nlp) -> None:
    quotes = run(nlp, "The agency filed its reply on Monday. The bird \"has not lost any range,\" the "
                      "memorandum says.")
    said = [q for q in quotes if "has not lost" in q.span.text]
    assert said and all(q.speaker is None or not q.speaker.resolved for q in said)


def test_a_document_the_tagger_took_for_a_participle_is_the_speaker(nlp) -> None:
    quotes = run(nlp, "Brisk Leaf calls itself a tea of the soul on its boxes. The ingredients listing, for "
                      "example, says each bag includes \"the whispered songs of a tea poet.\"")
    said = [q for q in quotes if "whispered songs" in q.span.text and q.speaker is not None]
    assert said and all(q.speaker.name != "ingredients" and q.speaker.confidence < 0.5 for q in said)


def test_shares_do_not_speak_the_company_that_announced_does(nlp) -> None:
    quotes = run(nlp, "Shares of the Denver-based Pinecrest Corp. lost 12 percent of their value Monday, "
                      "falling $3 to close at $21, after the company announced its new plan and said that its "
                      "profit for the year would be 8 percent below forecasts.")
    said = [q for q in quotes if "below forecasts" in q.span.text]
    assert said and all(q.speaker is None or not q.speaker.name.startswith("Shares") for q in said)


def test_a_person_subject_keeps_a_conjoined_cue(nlp) -> None:
    quotes = run(nlp, "Mayor Ann Lee visited the dam on Friday.\n\nLee toured the site after the storm hit "
                      "and said the damage was worse than expected.")
    assert speaker(quotes, "worse than expected") in ("Lee", "Mayor Ann Lee", "Ann Lee")


def test_a_title_after_its_publisher_or_in_apposition_is_no_quote(nlp) -> None:
    quotes = run(nlp, "The deal makes the small firm a household name, said Tom Berg, owner of a tea shop "
                      "and publisher of \"Tea Is 'Hot,'\" an annual report on the tea trade.")
    assert not any("Tea Is" in q.span.text for q in quotes)


def test_a_category_after_a_list_of_is_no_quote(nlp) -> None:
    quotes = run(nlp, "Several states keep their own records. The northern agency maintains a list of "
                      "\"chemicals known to the state to cause lasting harm.\"")
    assert not any("lasting harm" in q.span.text for q in quotes)


def test_a_document_saying_is_not_taken_for_a_title(nlp) -> None:
    quotes = run(nlp, "\"The city is broke and the council knows it,\" the new report says.")
    assert any("the city is broke" in q.span.text.lower() for q in quotes)


def test_category_lines_in_marks_are_no_quotes(nlp) -> None:
    text = ("The Northern Board sorts its findings into two groups.\n\nThe Report on Solvents identifies 2 "
            "groups of agents:\n\n“Known to damage the liver”\n\n“Reasonably expected to damage the liver”\n\n"
            "The current version of the report lists about 90 solvents.")
    quotes = run(nlp, text)
    assert not any("damage the liver" in q.span.text for q in quotes)


def test_a_spoken_line_of_its_own_is_still_a_quote(nlp) -> None:
    text = "Ann Lee stood up at the end of the meeting and turned to the board.\n\n“We will not sell the farm.”"
    quotes = run(nlp, text)
    assert any("sell the farm" in q.span.text for q in quotes)


_DELEGATE = (
    "Two former aides of Mara Quill, the island's delegate to Congress, have been charged over the leak of "
    "private photos of Quill and her husband.\n\nOne former aide, Juan Vance, was charged with two counts of "
    "stalking, and the other, Lina Ortt, faces two obstruction charges.\n\nVance allegedly alerted Ortt to his "
    "actions, who later deleted his messages from her phone. She is due to appear in court on July 19, while "
    "Vance's first appearance has yet to be scheduled.\n\nThe charges, if proved, would represent a shocking "
    "betrayal by the delegate's own staff, and a turnabout from her initial suggestion that her rivals had "
    "hacked her computer.\n\n“The theft of these images marks a new low in island politics,” she said at the time."
)


def test_she_after_a_description_her_pronouns_continue_is_the_one_described(nlp) -> None:
    quotes = run(nlp, _DELEGATE)
    assert speaker(quotes, "new low in island politics") in (None, "Mara Quill")
    assert speaker(quotes, "new low in island politics") not in ("Juan Vance", "Lina Ortt", "Vance", "Ortt")


def test_who_after_a_thing_is_not_that_thing(nlp) -> None:
    quotes = run(nlp, "Vance allegedly alerted Lina Ortt to his plans, who later deleted his messages and "
                      "gave \"false, partial and misleading statements\" to the police.")
    said = [q for q in quotes if "misleading statements" in q.span.text]
    assert all(q.speaker is None or q.speaker.name not in ("his plans", "plans") for q in said)


def test_a_platform_is_not_the_issuer_of_a_post_on_it(nlp) -> None:
    quotes = run(nlp, "The truck sank in the pond within a minute. The jump was filmed at a friend's farm, a "
                      "Reddit post stated, and the truck was later pulled out with a tractor.")
    assert speaker(quotes, "filmed at a friend's farm") != "Reddit"


def test_what_a_law_says_is_no_statement(nlp) -> None:
    quotes = run(nlp, "Under the current rules, clubs need to make sport their main purpose. The law says "
                      "those clubs should be exclusively concentrating on sport. Senator Lee said the rule was unfair.")
    assert not any("exclusively concentrating" in q.span.text for q in quotes)
    assert speaker(quotes, "the rule was unfair") == "Lee"


def test_questions_put_to_someone_are_no_statements(nlp) -> None:
    quotes = run(nlp, "His sister asked us how we could visit him in the sky. When asked by reporters if he "
                      "meant to hurt the boy, Lee responded \"not really\" with a grin.")
    assert not any("visit him in the sky" in q.span.text or "meant to hurt" in q.span.text for q in quotes)


def test_a_contrast_clause_before_a_cue_with_its_own_object_is_no_report(nlp) -> None:
    quotes = run(nlp, "But mostly, the party plans differ from the mayor's budget. While his leaves a deficit "
                      "of $60 million five years from now, the council plan claims a surplus of $3 million.")
    assert not any(q.span.text.startswith("While") for q in quotes)


def test_a_condition_inside_a_report_stays_in_it(nlp) -> None:
    quotes = run(nlp, "If the bill passes, taxes will rise, the mayor said.")
    assert any("taxes will rise" in q.span.text for q in quotes)


def test_calling_people_to_do_something_is_a_phone_call(nlp) -> None:
    quotes = run(nlp, "Mr. Lee spent most of the day calling members to lock down their support for his bid, "
                      "which he announced Friday.")
    assert not any("lock down their support" in q.span.text for q in quotes)


def test_an_unclosed_wire_partial_quote_does_not_swallow_the_next_paragraph(nlp) -> None:
    text = ("Tom Reed, a nurse, said he has been a customer for years.\n"
            "``It's awful, awful,'' he said. Big chains ``are already on every corner.\n"
            "``We're going to have no more choices soon,'' said local resident Ann Berg, 46.")
    quotes = run(nlp, text)
    assert not any("every corner" in q.span.text and "choices" in q.span.text for q in quotes)
    assert speaker(quotes, "no more choices") == "Ann Berg"


def test_a_quote_carried_on_after_its_attribution_still_continues(nlp) -> None:
    text = ("“We heard the buyers,” said Ann Berg, “who wanted the old lid back. We want them to choose.\n"
            "“The old lid was a fine thing for the buyer. We took it away too soon.”")
    quotes = run(nlp, text)
    assert any("who wanted the old lid" in q.span.text and "took it away" in q.span.text for q in quotes)
