"""Reprint matching of short quotes, on sentences written for these tests."""

from newsdossier.analysis.quotes import same_quote


def test_short_quote_sharing_a_phrase_is_not_a_reprint() -> None:
    assert not same_quote("she hopes to close the Harbor Mill for good",
                          "But the real aim of the suit was to close the Harbor Mill offices and its depot")


def test_short_quote_printed_whole_is_a_reprint() -> None:
    assert same_quote("we will rebuild the pier by spring",
                      "Officials said: we will rebuild the pier by spring, and the ferry will run again")
    assert same_quote("We will rebuild the pier by spring.", "“we will rebuild the pier by spring”")
