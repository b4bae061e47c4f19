"""Data: the abbreviations of US state names used in news style ("Fla." for Florida).

Read by :func:`.variants.state_abbreviations`: an abbreviation joins the state only when the
state is named in full in the same story and both are places. Abbreviations that are also
common words or titles ("Miss.", "Me.", "Wash.", "Ind.", "Del.", "La.") are left out.
Keys are the abbreviation's letters in lowercase without dots; values the state's name in
lowercase.
"""

from __future__ import annotations

US_STATE_ABBREVIATIONS: dict[str, str] = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california", "cal": "california",
    "colo": "colorado", "conn": "connecticut", "fla": "florida", "ga": "georgia", "ida": "idaho",
    "ill": "illinois", "kan": "kansas", "kans": "kansas", "ky": "kentucky", "md": "maryland",
    "mass": "massachusetts", "mich": "michigan", "minn": "minnesota", "mo": "missouri", "mont": "montana",
    "neb": "nebraska", "nebr": "nebraska", "nev": "nevada", "nh": "new hampshire", "nj": "new jersey",
    "nm": "new mexico", "nc": "north carolina", "nd": "north dakota", "okla": "oklahoma", "ore": "oregon",
    "pa": "pennsylvania", "ri": "rhode island", "sc": "south carolina", "sd": "south dakota",
    "tenn": "tennessee", "tex": "texas", "vt": "vermont", "va": "virginia", "wis": "wisconsin",
    "wyo": "wyoming", "wva": "west virginia",
}

# The two-letter postal codes of the states (and DC), in capitals after a city and a comma ("Irvine, CA,",
# "College Station, TX:"): read by :func:`.cues.postal_state` (kind "place") and joined to the state by
# :func:`.variants.state_abbreviations` like the news-style abbreviations, except the states that share their
# name with a city the articles mean more often (US_STATE_CITY_NAMES: "N.Y." is the state, "New York" mostly
# the city; "WA" and Washington, D.C.).
US_STATE_POSTAL_CODES: dict[str, str] = {
    "al": "alabama", "ak": "alaska", "az": "arizona", "ar": "arkansas", "ca": "california", "co": "colorado",
    "ct": "connecticut", "de": "delaware", "dc": "district of columbia", "fl": "florida", "ga": "georgia",
    "hi": "hawaii", "id": "idaho", "il": "illinois", "in": "indiana", "ia": "iowa", "ks": "kansas",
    "ky": "kentucky", "la": "louisiana", "me": "maine", "md": "maryland", "ma": "massachusetts", "mi": "michigan",
    "mn": "minnesota", "ms": "mississippi", "mo": "missouri", "mt": "montana", "ne": "nebraska", "nv": "nevada",
    "nh": "new hampshire", "nj": "new jersey", "nm": "new mexico", "ny": "new york", "nc": "north carolina",
    "nd": "north dakota", "oh": "ohio", "ok": "oklahoma", "or": "oregon", "pa": "pennsylvania",
    "ri": "rhode island", "sc": "south carolina", "sd": "south dakota", "tn": "tennessee", "tx": "texas",
    "ut": "utah", "vt": "vermont", "va": "virginia", "wa": "washington", "wv": "west virginia",
    "wi": "wisconsin", "wy": "wyoming",
}
US_STATE_CITY_NAMES = frozenset({"new york", "washington", "district of columbia"})
