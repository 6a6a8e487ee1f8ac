"""People and unnamed sources in an article: recognising them, tracking mentions, matching typed names."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from retrieval.lexicon import MONTH_NAMES, WEEKDAY_NAMES
from retrieval.text import TITLE_ABBREVIATIONS, edit_distance_within

# Honorifics and the gender they tell, if any: "Mrs. Clarke" is a woman; "Dr. Haddad" says nothing.
HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "dr": None, "prof": None, "sir": "m",
              "dame": "f", "lord": "m", "lady": "f"}
# Titles that may stand before a name: "Sen. John McCain", "Prime Minister Justin Trudeau".
TITLES = ("Speaker", "Minority Leader", "Majority Leader",
          "President", "Prime Minister", "Chancellor", "Secretary", "Senator", "Sen", "Rep", "Gov", "Governor",
          "General", "Gen", "Minister", "Foreign Minister", "Ambassador", "Judge", "Mayor", "King", "Queen",
          "Pope", "Chairman", "Chairwoman", "Spokesman", "Spokeswoman", "Director", "Leader", "Colonel", "Col",
          "Captain", "Capt", "Admiral", "Adm", "Justice", "Premier", "Vice President")
# Nouns for what someone is or does: "a spokesman for X", "officials said", "Passenger Lorna Beech".
ROLE_NOUNS = ("official", "officials", "spokesman", "spokeswoman", "spokesperson", "aide", "aides", "diplomat",
              "diplomats", "source", "sources", "analyst", "analysts", "expert", "experts", "adviser", "advisers",
              "advisor", "advisors", "minister", "officer", "officers", "representative", "representatives",
              "negotiator", "negotiators", "lawmaker", "lawmakers", "senator", "envoy", "ambassador", "observer",
              "observers", "person", "people", "member", "members", "leader", "leaders", "statement",
              "spokespeople", "commander", "resident", "residents", "witness", "witnesses", "researcher",
              "fellow", "critic", "critics", "executive", "economist", "economists", "staffer", "insider",
              "engineer", "scientist", "professor", "lawyer", "attorney", "historian", "director", "founder",
              "chief", "strategist", "commentator", "specialist", "scholar", "investigator", "prosecutor",
              "journalist", "reporter", "columnist", "writer", "author", "activist", "businessman", "businesswoman",
              "billionaire", "pollster", "consultant", "organizer", "organiser", "pastor", "comedian", "host",
              "rabbi", "imam", "priest", "actor", "actress", "singer", "rapper", "musician", "artist", "producer",
              "filmmaker", "novelist", "poet", "chef", "doctor", "nurse", "teacher", "student", "farmer", "worker",
              "voter", "firefighter", "soldier", "veteran", "entrepreneur", "candidate", "nominee", "donor",
              "passenger", "shopper", "homeowner", "commuter", "driver", "owner", "owners", "manager", "customer",
              "traveller", "traveler", "parent", "neighbour", "neighbor", "survivor", "visitor", "tenant",
              "employee", "volunteer", "supervisor", "coordinator", "planner", "accountant", "mechanic", "clerk",
              "ranger", "vet", "paramedic", "principal", "coach", "chair", "chairperson")
# ROLE_NOUNS as a set, for lookups: "lawyer", "officials".
_ROLES = frozenset(ROLE_NOUNS)
# Nouns of occupation by their ending: "hydrologist", "librarian", "technician" (no common first name ends so).
_ROLE_ENDING = re.compile(r"[a-z]{3,}(?:ist|arian|ician|orian|ologist|ographer)s?")


def is_role(word: str) -> bool:
    """A noun for what someone is or does, written before a name ('Passenger Lorna Beech', 'hydrologist'), or its
    plural ('Lawyers for …')."""
    folded = fold(word)
    return folded in _ROLES or folded[-1:] == "s" and folded[:-1] in _ROLES or bool(_ROLE_ENDING.fullmatch(folded))
# Capitalised words that are no part of a person's name: "Department", "Thursday", "American".
NOT_PERSON_WORDS = frozenset(
    """house department ministry institution institute corp corporation organization organisation union council
    agency university committee party government kremlin nato treaty congress senate parliament army forces
    navy bank company group association administration office court league commission news times post
    street journal press north south east west eastern western european soviet russian american ukrainian
    the a an in on at of for and but or if as to with by from
    this that these those it its his her their our we they he she you i when while although since after
    before during however meanwhile ahead both many some all images photo getty ap afp reuters yet what neither nor
    even so then now also instead indeed perhaps maybe only just here there why how where one two three four five
    six seven eight nine ten though unless whether until once like unlike despite amid among without within per
    including except besides beyond""".split()
) | frozenset(WEEKDAY_NAMES + MONTH_NAMES)
# Capitalised words before a name that are titles, not names ("Coun.", "Sen.", "Professor Sir").
TITLE_WORDS = frozenset("""president senator sen rep representative gov governor mayor coun councillor councilor
    councilman councilwoman alderman minister secretary chairman chairwoman chair leader director judge justice
    professor prof dr mr mrs ms miss sir dame lord lady general gen colonel col captain capt lt lieutenant sgt
    sergeant officer chief ceo spokesman spokeswoman spokesperson ambassador premier chancellor king queen pope
    rev reverend father bishop cardinal commissioner inspector detective sheriff attorney candidate nominee host
    anchor coach founder speaker deputy vice acting former cmdr commander admiral adm prime foreign interior
    finance defence defense mp mla mpp congressman congresswoman assemblyman assemblywoman delegate chairperson
    superintendent principal dean provost trustee president-elect constable const cst det insp supt cpl
    corporal""".split())
TITLE_WORDS |= {w + "s" for w in TITLE_WORDS if not w.endswith("s")}  # "Professors Foner and Alba", "Sens."
# Words that grade a title and are dropped with it from a typed name: "Staff Sgt. Marchetti", "Senior Constable".
_RANKS = frozenset("staff master senior first lead assistant associate".split())
# Words that end a company's name without "Inc." or "Ltd.": "Kelmor Appliances", "Tidewater Hospitality".
COMPANY_HEADS = frozenset("""appliances foods motors industries technologies systems pharmaceuticals minerals mines
    mining resources energy brands solutions logistics laboratories labs partners enterprises entertainment
    communications hospitality properties insurance builders manufacturing chemicals petroleum therapeutics
    ventures""".split())
# Words that end a trade union's name: "United Manufacturing Workers", "Teamsters", "Writers Guild".
LABOUR_HEADS = frozenset("workers employees teamsters guild brotherhood".split())
# Last words that make a capitalised run an organisation, place or time rather than a person.
NOT_NAME_ENDINGS = COMPANY_HEADS | LABOUR_HEADS | frozenset("""house department ministry institution institute corp
    corporation organization organisation union council agency university college committee party government kremlin
    congress senate parliament army forces navy bank company group association administration office court league
    commission news times post journal press network campaign foundation center centre school hospital airport city
    county state states province street avenue road square tower club inc ltd llc co plc board fund service services
    bureau authority hotel restaurant casino resort museum stadium arena airlines grill cafe bar division district
    society alliance coalition federation secretariat tribunal church library police zoo nation unit wire utility
    clinic academy trust republicans democrats conservatives liberals""".split()
) | frozenset(WEEKDAY_NAMES + MONTH_NAMES) - {"may"}
# Abbreviations whose full stop ends no sentence: "U.S.", "Sen.", "Staff Sgt.".
ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Prof|Coun|St|Jr|Sr|Rev|"
                           r"Const|Cst|Det|Insp|Supt|Cpl)\.")
# One word of a person's name: "Tremblay-Roy", "O'Donnell", "McCain", "V.", "Trump's".
_NAME_TOKEN = re.compile(r"(?:[A-Z]\.)+|(?:[A-Z]|Mc|Mac|O[’']|D[’']|L[’'])[a-zà-ÿ]*(?:[A-ZÀ-Þ][a-zà-ÿ]+)*"
                         r"(?:[\-’'][A-ZÀ-Þa-zà-ÿ][a-zà-ÿ]+(?:[A-ZÀ-Þ][a-zà-ÿ]+)*)*(?:[’']s)?[.]?|"
                         r"[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)*")
# A capitalised name word: "Schumer", "McCain", "D'Angelo".
_CAP = r"(?:Mc|Mac|O[’']|D[’'])?[A-ZÀ-Þ][a-zà-ÿ\-]+(?:[A-Z][a-zà-ÿ\-]+)?\b"
# A middle initial: "J." in "Jacob J. Lew".
_INITIAL = r"[A-Z]\."
# An honorific before a name: "Mr.", "Dame".
_HONORIFIC_RE = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady)\.?"
# Any title of TITLES, longest first: "Prime Minister" before "Minister".
_TITLE_RE = "|".join(sorted((re.escape(t) for t in TITLES), key=len, reverse=True))
# A name with its honorific or title: "Sen. John McCain", "Mrs. Clarke", "Jacob J. Lew".
PERSON = re.compile(
    rf"(?:(?P<hon>{_HONORIFIC_RE})\s+|(?P<title>(?:former\s+)?(?:{_TITLE_RE}))\.?\s+)?"
    rf"(?P<name>{_CAP}(?:\s+(?:{_INITIAL}|{_CAP})){{0,6}})"
)
# Any role noun or occupation ending, longest first: "spokeswoman", "hydrologist".
_ROLE_RE = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True)) + "|" + _ROLE_ENDING.pattern



# Words that open a description and are no part of its key: "the official", "some critics".
DETERMINERS = frozenset("a an the one another some several this that these those".split())


def description_key(phrase: str) -> str:
    """An unnamed source's key: its folded words without a leading determiner ('Another commenter' →
    'commenter')."""
    words = fold(phrase).split()
    while len(words) > 1 and words[0] in DETERMINERS:
        words = words[1:]
    return " ".join(words)


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces: the form names are compared in."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'")).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"'s\b|(?<=s)'(?!\w)", "", text)
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


@dataclass
class Speaker:
    """A person (key = folded first and last name) or an unnamed source (key = folded description)."""

    key: str
    display: str
    kind: str  # "person" | "descriptor"
    gender: str | None = None
    full_names: set[str] = field(default_factory=set)
    mentions: set[int] = field(default_factory=set)  # paragraph numbers
    roles: set[str] = field(default_factory=set)  # folded, for lookup
    role: str = ""  # the first description the article gives, as written, for listings
    organisation: bool = False

    def aliases(self) -> set[str]:
        if self.kind == "descriptor":
            return {self.key, fold(self.display)} | self.roles
        names = {self.key} | {name_key(n) for n in self.full_names}
        words = {n.split()[0] for n in names} | {n.split()[-1] for n in names}
        return {a.replace("-", " ") for a in names | words} | names | words


# A role right before a name: "the hospital's chief executive Amira Haddad", "union representative Maria Sandoval".
ROLE_BEFORE = re.compile(rf"((?:[\w’'\-]+\s+){{0,3}}?)({_ROLE_RE})\s+$")
# A role right after a name: "Ann Lee, a senator for Ohio", "Lee, who became the party's leader".
ROLE_AFTER = re.compile(rf"^(?:,|\s+(?:is|was|became|(?:would|will)\s+become|ha[sd]\s+become))\s+(?:an?|the)\s+"
                        rf"((?:[\w’'\-]+\s+){{0,4}}?)({_ROLE_RE})\b"
                        rf"((?:\s+(?:at|of|for|with|from)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,3}})?)")


def roles_around(text: str, start: int, end: int) -> list[str]:
    """Folded role descriptions next to a name: 'RAND Corp expert Dara X', 'Angela Y, a Brookings fellow',
    'Donald Trump would become the Republican presidential candidate'."""
    out = []
    before = ROLE_BEFORE.search(text[max(0, start - 60):start])
    if before:
        out.append(fold(before.group(1) + before.group(2)))
    after = ROLE_AFTER.match(text[end:end + 80])
    if after:
        out.append(fold(after.group(1) + after.group(2) + after.group(3)))
    return out


# Words of TITLES and their grades, dropped before a name: "House Speaker John Miller" → "John Miller".
_TITLE_WORDS = frozenset(w for t in TITLES for w in fold(t).split()) | {"former", "acting", "deputy", "vice"}


def strip_leading(name: str) -> tuple[bool, str]:
    """Drop leading organisation/place/title words ('House Speaker John Miller' → 'John Miller');
    returns whether a title word was among them, and the rest of the name."""
    words = name.split()
    titled = False
    while words and (fold(words[0]) in NOT_PERSON_WORDS or fold(words[0]) in _TITLE_WORDS
                     or is_role(words[0]) or len(words) > 2 and fold(words[0]) in NOT_NAME_ENDINGS):
        titled = titled or fold(words[0]) in _TITLE_WORDS
        words = words[1:]
    last_title = max((i for i, w in enumerate(words[:-1]) if fold(w) in TITLE_WORDS), default=-1)
    if last_title >= 0:
        titled = True
        words = words[last_title + 1:]
    return titled, " ".join(words)


def name_budget(name: str) -> int:
    """Edits allowed when matching a typed name: none for short names, more for long ones."""
    n = len(name.replace(" ", ""))
    return 0 if n <= 3 else 1 if n <= 6 else 2


def name_distance(typed: str, alias: str) -> int | None:
    """Edit distance between a typed name and an alias, if within the budget of the alias length."""
    budget = name_budget(alias)
    if typed == alias:
        return 0
    if budget == 0 or typed[:1] != alias[:1] and len(alias) < 7:
        return None
    return edit_distance_within(typed, alias, budget)


# Titles that name a role by another word: "the judge" is "Justice Nwosu", "an officer" "Staff Sergeant Marchetti".
ROLE_CLASSES = {"justice": "judge", "magistrate": "judge", "constable": "officer", "sergeant": "officer",
                "corporal": "officer", "detective": "officer", "inspector": "officer", "superintendent": "officer"}


def role_words(role: str) -> set[str]:
    """The words a reader may type for a role: its own, their full forms and classes ('sgt' → sergeant,
    officer), and its acronyms ('chief financial officer' → cfo; 'chief executive' → ce, ceo)."""
    words = role.split()
    out = set(words)
    for w in words:
        full = TITLE_ABBREVIATIONS.get(w, w)
        out.update((full, ROLE_CLASSES.get(full, full)))
    for i in range(len(words) - 1):
        initials = "".join(w[0] for w in words[i:] if w.isalpha())
        out.add(initials)
        if words[i] == "chief" and words[-1] != "officer":
            out.add(initials + "o")
    return out


def clean_query(name: str) -> str:
    """Fold a typed name and drop honorifics/titles and possessives ("Mr. Putin's" → "putin")."""
    words = fold(name).split()
    titles = {fold(t) for t in TITLES} | set(HONORIFICS) | TITLE_WORDS
    while len(words) > 1 and (words[0] in titles or words[0] in _RANKS and words[1] in titles):
        words = words[1:]
    if len(words) > 2:
        words = [w for w in words if len(w) > 1] or words
    return " ".join(words)


def name_token(word: str) -> bool:
    """A word that can be part of a person's name: 'Tremblay-Roy', "O'Donnell", 'V.', 'McCain', "Trump's"."""
    return bool(_NAME_TOKEN.fullmatch(word)) and word[:1].isupper()


def is_title(word: str) -> bool:
    return fold(word) in TITLE_WORDS


def is_abbreviation(word: str) -> bool:
    return bool(ABBREVIATION.fullmatch(word))


def plausible_name(words: list[str], evidence: bool) -> bool:
    """Whether a capitalised run names a person: not an organisation, place, day or month by its last word,
    and a single word only with evidence (a title, a description before it) or as a sentence's subject."""
    folded = [fold(w) for w in words]
    if not folded or not folded[-1] or folded[-1] in NOT_NAME_ENDINGS:
        return False
    if len(folded) > 1 and folded[-1] in TITLE_WORDS:
        return False
    if any(f in NOT_PERSON_WORDS - MONTHS for f in folded) and not evidence:
        return False
    return len(words) > 1 or evidence or folded[0] not in NOT_PERSON_WORDS


# Month names: "March" alone is no person.
MONTHS = frozenset(MONTH_NAMES)


def name_key(name: str) -> str:
    """A name folded word by word, a hyphenated surname kept as one word: 'Hélène Tremblay-Roy' →
    'helene tremblay-roy'."""
    return " ".join(w for w in (fold(part).replace(" ", "-") for part in name.split()) if w)
