"""English word lists of who speaks in a text: picture credits and captions that are no speaker,
and nationality words glued to a name (read by the quotes analysis; issue 14, 2026-12-03).

Part of :mod:`newsdossier.lang.en`, which re-exports every name here (read them as ``en.X``);
split off to keep each module of the house under about 800 lines.
"""

from __future__ import annotations

__all__ = ["CAPTION_NOUNS", "CUE_ADVERBS", "NATIONALITY_WORDS", "PHOTO_CREDITS"]

# Photo and wire credits that end a picture caption; the tagger glues one onto the name that
# opens the next sentence ("... of a ferry. AP Nordic Rail said ...", read by quotes.phrases).
PHOTO_CREDITS: tuple[str, ...] = (
    "AP Photo", "AP", "AFP/Getty Images", "AFP", "Getty Images", "Reuters", "EPA-EFE", "EPA",
    "Shutterstock", "Xinhua", "Associated Press",
)
# Picture words that open a caption ("In this May 4 photo, ...", "In this file image"): a caption
# describes a picture and reports no one's words.
CAPTION_NOUNS: frozenset[str] = frozenset("photo photograph image picture still".split())
# Nationality and group adjectives written before a name ("Norwegian Kari Dahl"): the tagger often
# takes them into the person's name; the speaker is the person, the word is a role.
NATIONALITY_WORDS: frozenset[str] = frozenset(
    """
    afghan albanian algerian american angolan argentine argentinian armenian australian austrian
    azerbaijani bahraini bangladeshi belarusian belgian bolivian bosnian brazilian british
    bulgarian burmese cambodian cameroonian canadian chilean chinese colombian congolese croatian
    cuban cypriot czech danish dutch ecuadorian egyptian emirati english eritrean estonian
    ethiopian filipino finnish french georgian german ghanaian greek guatemalan haitian honduran
    hungarian icelandic indian indonesian iranian iraqi irish israeli italian ivorian jamaican
    japanese jordanian kazakh kenyan korean kosovar kurdish kuwaiti kyrgyz lebanese liberian libyan
    lithuanian malaysian malian maltese mexican moldovan mongolian moroccan nepalese nigerian
    nigerien norwegian pakistani palestinian panamanian paraguayan peruvian polish portuguese
    qatari romanian russian rwandan saudi scottish senegalese serbian singaporean slovak slovenian
    somali spanish sudanese swedish swiss syrian taiwanese tajik tanzanian thai tunisian turkish
    ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean
    democrat republican
    """.split()
)
# Adverbs that, right after a speech verb, modify the saying, not what was said ("said later the
# boat had missed him": the parse often opens the reported clause with them).
CUE_ADVERBS: frozenset[str] = frozenset("later earlier afterwards afterward again also".split())
