"""Data: English given-name nicknames and spelling variants (one table, read by the merge rules).

``NICKNAMES`` maps a formal given name to the short forms and pet forms used for it in
English-language news ("William": "Bill", "Will", "Billy" ...). Two given names are one
name when they are equal, when one is a short form of the other, or when both are short
forms of one formal name ("Bill" / "Will"). A short form may belong to several formal names
("Chris": Christopher, Christine, Christian): it then matches each of them.

``SPELLINGS`` lists groups of given names that are spelling variants of one name
("Steven" / "Stephen", "Lindsay" / "Lindsey"): unlike nicknames, two people of one family
do not carry two spellings of one name, so these may merge even within one article.

Romanisation variants of names from other scripts ("Muqtada" / "Moqtada", "Arseniy" /
"Arseny") are not listed: the folding rules of :mod:`.names` decide those.
"""

from __future__ import annotations

NICKNAMES: dict[str, tuple[str, ...]] = {
    "abraham": ("abe",), "albert": ("al", "bert"), "alexander": ("alex", "sasha", "sandy"),
    "alexandra": ("alex", "sasha", "sandra", "sandy"), "alfred": ("al", "alf", "fred"),
    "andrew": ("andy", "drew"), "anthony": ("tony",), "arthur": ("art",), "barbara": ("barb", "babs"),
    "benjamin": ("ben", "benny", "bibi"), "bernard": ("bernie",), "beverly": ("bev",), "bradley": ("brad",),
    "cameron": ("cam",), "catherine": ("cathy", "cate", "kate", "katie"), "charles": ("charlie", "chuck", "chas"),
    "christine": ("chris", "chrissy", "tina"), "christopher": ("chris", "topher"), "christian": ("chris",),
    "cynthia": ("cindy",), "daniel": ("dan", "danny"), "david": ("dave", "davey"),
    "deborah": ("deb", "debbie", "debby"), "donald": ("don", "donnie"), "dorothy": ("dot", "dottie"),
    "douglas": ("doug",), "edward": ("ed", "eddie", "ted", "ned"), "elizabeth": ("liz", "beth", "betsy", "betty", "lisa", "eliza", "libby"),
    "eugene": ("gene",), "frances": ("fran",), "francis": ("frank",), "franklin": ("frank",),
    "frederick": ("fred", "freddie"), "gabriel": ("gabe",), "gabrielle": ("gabby",), "gerald": ("gerry", "jerry"),
    "gregory": ("greg",), "harold": ("harry", "hal"), "henry": ("hank", "harry"), "herbert": ("herb",),
    "isabel": ("izzy",), "jacob": ("jake",), "james": ("jim", "jimmy", "jamie"),
    "jennifer": ("jen", "jenny"), "jeffrey": ("jeff",), "geoffrey": ("geoff", "jeff"), "jessica": ("jess", "jessie"),
    "john": ("jack", "johnny"), "jonathan": ("jon", "jonny"), "joseph": ("joe", "joey"),
    "joshua": ("josh",), "judith": ("judy",), "katherine": ("kathy", "kate", "katie", "kat"),
    "kathleen": ("kathy", "kate"), "kenneth": ("ken", "kenny"), "lawrence": ("larry",), "laurence": ("larry",),
    "leonard": ("leo", "len", "lenny"), "lewis": ("lew",), "louis": ("lou",), "margaret": ("maggie", "meg", "peggy", "marge"),
    "matthew": ("matt",), "michael": ("mike", "mick", "mickey"), "michelle": ("shelly",), "mitchell": ("mitch",),
    "nathan": ("nate",), "nathaniel": ("nate", "nat"), "nicholas": ("nick", "nicky"), "nicole": ("nikki",),
    "oliver": ("ollie",), "pamela": ("pam",), "patricia": ("pat", "patty", "trish"), "patrick": ("pat", "paddy"),
    "peter": ("pete",), "philip": ("phil",), "phillip": ("phil",), "randall": ("randy",), "randolph": ("randy",),
    "raymond": ("ray",), "rebecca": ("becky", "becca"), "richard": ("rick", "ricky", "dick", "rich"),
    "robert": ("bob", "bobby", "rob", "robbie", "bert"), "ronald": ("ron", "ronnie"), "russell": ("russ",),
    "samuel": ("sam", "sammy"), "samantha": ("sam",), "stanley": ("stan",), "stephen": ("steve",),
    "steven": ("steve",), "stuart": ("stu",), "susan": ("sue", "susie"), "suzanne": ("sue",),
    "theodore": ("ted", "teddy", "theo"), "thomas": ("tom", "tommy"), "timothy": ("tim", "timmy"),
    "victoria": ("vicky", "tori"), "vincent": ("vince", "vinny"), "walter": ("walt",), "william": ("bill", "billy", "will", "willie", "liam"),
    "zachary": ("zach", "zack"),
}

SPELLINGS: tuple[frozenset[str], ...] = tuple(frozenset(g) for g in (
    ("steven", "stephen"), ("lindsay", "lindsey"), ("geoffrey", "jeffrey"), ("catherine", "katherine", "kathryn"),
    ("sara", "sarah"), ("philip", "phillip"), ("ann", "anne"), ("allan", "alan", "allen"),
    ("brian", "bryan"), ("carl", "karl"), ("eric", "erik"), ("mohammed", "mohammad", "muhammad", "mohamed"),
    ("teresa", "theresa"), ("isabel", "isabelle"), ("jeffery", "jeffrey"),
))
