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
