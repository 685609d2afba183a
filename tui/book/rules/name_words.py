"""Words and patterns that tell character names from a book's other capitalised words.

Titles before a name, words that are never names, the words before places and after speakers,
and the shares of use that decide.
"""

from __future__ import annotations

from tui.book.rules.patterns import compiled_on_first_use, word_set

# What the whole book says of its words is read from at most this many characters of it,
# in EVIDENCE_PIECES pieces spread over it: the whole of a long novel (`Moby-Dick`, 1.2M).
EVIDENCE_CHARS = 2_000_000
EVIDENCE_PIECES = 64
# A name is written capitalised at least this often in the book: a word met once (`a certain
# European locale`, `Tokay`) is not what a reader knows a scene by.
MIN_MENTIONS = 2
# A name met once in a scene is what the scene is known by only when the book names it this
# often at least: one named fewer times is named in passing (`as Hamlet says`).
PASSING_MENTIONS = 3
# A word written in lowercase at least this share as often as capitalised is a common word,
# capitalised at a sentence's start or for weight (`Death`, `Hereafter`); so is a plural
# whose singular is (`Dear Sirs`). (A name that is also a word, `Rain`, is written
# capitalised more often than not.)
LOWER_SHARE = 1.0
# A word after `my`, `your`, `his` ... this share of the time or more (at least OWNED_MIN
# times) is a title or a way of address (`Your Lordship`, `His Majesty`), not a name.
# A word the book writes mid-sentence at least 1 in NAMED_SHARE of the times it capitalises it
# is a name wherever it stands (`Lucy came`); one met mostly at a sentence's start (`Aye`) is not.
NAMED_SHARE = 5
OWNED_SHARE = 3
OWNED_MIN = 2

# The rest of a capitalised word after its capital: lowercase letters, with a capital inside
# the word kept in it (`McCarthy`, `MacDonald`), or an apostrophe and a capital (`O’Brien`).
# (Latin Extended-A and -B letters, mostly lowercase inside a word, count as the word's:
# `Phœnician` is one word, never the name `Ph`.)
LOWER = "a-zß-öø-ÿ\u0100-\u024f"
REST = rf"(?:[{LOWER}]+(?:[A-ZÀ-ÖØ-Þ][{LOWER}]+)*|['’][A-ZÀ-ÖØ-Þ][{LOWER}]+)"
CAP = rf"[A-ZÀ-ÖØ-Þ]{REST}(?:[-'’](?!(?:s|ll|re|ve|d|m|t)\b)[A-ZÀ-Þ]?[{LOWER}]+)*"


# (An apostrophe and `s`, `ll`, `d` ... after a name is a possessive or a contraction, not part
# of it: `Held'll` is `Held`.)
# Up to three capitalised words in a row (`Da Vinci`, `Miss Elysia`), on one line or across
# a hard-wrapped line's end (`Van` / `Helsing`). The pattern starts with the capital letter
# (the regex engine then skips ahead fast); the look-behind after it checks that the capital
# starts a word.
name_run = compiled_on_first_use(
    rf"[A-ZÀ-ÖØ-Þ](?<![\w'’-].){REST}(?:[-'’](?!(?:s|ll|re|ve|d|m|t)\b)[A-ZÀ-Þ]?[{LOWER}]+)*"
    rf"(?:[ \n]{CAP}){{0,2}}(?![^\W\d_])"
)
# A word as the book's evidence counts it (`Turkey-land`, `Lucy’s` counts as `Lucy`).
WORD = compiled_on_first_use(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
POSSESSIVE = ("’s", "'s", "’S", "'S")
APOSTROPHES = ("'", "’")
EDGE_MARKS = ".,;:!?\"'“”‘’«»()[]{}*_-—–…"
# `’s` and a capitalised word after a word (`Robin Hood’s Bay`, `St. Mary’s Church`): the
# word begins a longer name, so a word of place before it places that name.
OWNS_A_CAPITAL = compiled_on_first_use(r"['’]s[ \n][A-ZÀ-ÖØ-Þ]")
# A capitalised word shortened in speech, its apostrophe kept (`But, Lor’ love yer`, `‘Lor’
# bless you`), alone: not after a word (`Henry Flemin’`) nor before a capitalised one (`Gian’
# Battista`), where it is part of a name written as it is said.
# (Found from its capital, looked behind from there: tried at every character, the look-behinds
# took a tenth of a second over a long book's evidence.)
SHORTENED_WORD = compiled_on_first_use(
    rf"([A-ZÀ-ÖØ-Þ](?<![^\W\d_][ \n].)(?<![^\W\d_][ \n][‘'\"“].)(?<!\w.)[{LOWER}]+)['’]"
    r"(?=[\s.,;:!?\"”)—–…])(?![\s.,;:!?\"”)—–…]*[ \n][A-ZÀ-ÖØ-Þ])"
)
# A word written shortened (`SHORTENED_WORD`) in more than 1 in SHORTENED_SHARE of its uses
# is a word shortened in speech (`Lor’ bless you`), not a name.
SHORTENED_SHARE = 2


# A capitalised word after a word or a comma and a space (`the Count`, `said Lucy`), found
# from its capital (fast) and looked behind from there.
CAPITAL_AFTER_WORD = compiled_on_first_use(
    rf"[A-ZÀ-ÖØ-Þ](?:(?<=[^\W\d_][ \n].)|(?<=[,;][ \n].)){REST}(?:-[{LOWER}]+)*\b"
)
ARTICLES_BEFORE = word_set("the The a A an An")
# The capitalised words of a street's name, after a word for a street (`Rue de l’Homme Armé`,
# `Boulevard Saint-Michel`) or before one (`Baker Street`): a place, though no `in` or `at`
# stands before them.
_PARTICLE = r"(?:(?:de[ \n]+la|de[ \n]+l['’]|du|des|de|d['’]|la|le|les|l['’]|del|della|di)[ \n]*)?"
_NAME_WORDS = rf"{CAP}(?:[ \n]{CAP}){{0,2}}"
# Words for a street before its name (`Rue de la Chanvrerie`) and after it (`Baker Street`).
# Each is looked for as a string, and the name beside it only where it stands: patterns for
# any of them, tried all through a long book, took a tenth of a second.
STREET_BEFORE_NAME = ("Rue", "Boulevard", "Quai", "Faubourg", "Place")
STREET_AFTER_NAME = ("Street", "Road", "Avenue", "Square", "Terrace", "Crescent")
NAME_AFTER_STREET = compiled_on_first_use(rf"[ \n]+{_PARTICLE}({_NAME_WORDS})")
NAME_BEFORE_STREET = compiled_on_first_use(rf"(?<![\w'’-]){_NAME_WORDS}[ \n]$")
STREET_REACH = 60  # characters looked back from a street's word for its name, at most


def street_name_words(text: str) -> list[str]:
    """The capitalised words of the streets' names in ``text``."""
    found: list[str] = []
    for street in STREET_BEFORE_NAME:
        for at in _whole_words(text, street):
            name = NAME_AFTER_STREET().match(text, at + len(street))
            if name is not None:
                found += name.group(1).split()
    for street in STREET_AFTER_NAME:
        for at in _whole_words(text, street):
            name = NAME_BEFORE_STREET().search(text, max(0, at - STREET_REACH), at)
            if name is not None:
                found += name.group().split()
    return found


def _whole_words(text: str, word: str) -> list[int]:
    """Where ``word`` stands in ``text`` as a word of its own."""
    found = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not text[at - 1 : at].isalnum() and not text[end : end + 1].isalnum():
            found.append(at)
        at = text.find(word, end)
    return found


OWNERS_BEFORE = word_set("my My your Your his His her Her our Our their Their")


# Words before a name that make it a name: `Miss Elysia`, `Captain Rin`.
TITLES = word_set(
    "Mr Mrs Ms Mx Dr Miss Sir Madam Madame Lord Lady Master Mister Professor Captain King Queen "
    "Prince Princess Aunt Uncle Saint St Sister Brother Father Mother Lieutenant Commander "
    "General Director Doctor Detective Agent Officer Senpai Sensei"
    # (the same in other languages, and the titles of rulers: `Monsieur Madeleine`, `the
    # Voivode`)
    " Monsieur Mademoiselle Monseigneur Signor Signora Signorina Señor Señora Senhor Herr Frau"
    " Fräulein Mynheer Voivode Tsar Czar Sultan"
)
NOT_NAMES = word_set(
    """
    I Im Id Ill Ive Sis Bro Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
    February March April May June July August September October November December Feb Apr Aug
    Sept Oct Nov Dec The A An And
    But Or So Yet For Nor He She It They We You His Her Its Their Our Your Him Them Us Me My
    Mine This That These Those There Here Then Now When Where What Who Why How Which While If
    Though Although As At By In On Of To From With Without Into Onto Upon After Before During
    Since Until Not No Yes Oh Ah Eh Uh Um Hmm Huh Hey Hi Hello Okay Ok Well Please Thanks Thank
    Sorry God Gods Chapter Part Book Prologue Epilogue Scene Notes Summary English Japanese Even
    Still Just Maybe Perhaps Only Also Again Once Every Each All Some Any Both Either Neither
    One Two Three First Second Last Next Today Tonight Tomorrow Yesterday Sure Right Really Wait
    Let Come Go Look See Good Great Fine Nothing Something Everything Anything Someone Everyone
    Anyone Nobody Somebody Everybody Mom Dad Mum Mama Papa Instead Besides Meanwhile Later
    Suddenly Finally Actually Honestly Whatever However Otherwise Sometimes Soon Never Always
    Hundred Hundreds Thousand Thousands Million Millions Billion
    """
)
# Words of a nation or a people, adjectives mostly (`Turkish Customs`, `a street Arab`): no
# one's name.
NOT_NAMES |= word_set(
    """
    French German Italian Spanish Turkish Russian Greek Dutch Irish Scottish Scotch Welsh
    British American Chinese Korean Indian Arab Arabs Arabian Persian Egyptian Swiss Swedish
    Danish Norwegian Polish Portuguese Austrian Hungarian Prussian Bavarian Saxon Norman
    European African Asian Mexican Canadian Australian Scandinavian Hebrew Jewish Moorish
    Englishman Englishmen Frenchman Frenchmen Irishman Scotsman Scotchman Dutchman Spaniard
    Spaniards Italians Germans Russians Americans Turk Turks Greeks
    """
)
NOT_NAMES |= TITLES
# A capitalised word seen after an article this share of the time (1 in THING_SHARE) or more
# is a thing or a place (`the Board`, `the Garden`, `the Floor`), not a character.
ARTICLES = word_set("The A An This That These Those")
ARTICLE_BEFORE = compiled_on_first_use(
    r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)[ \n]$"
)
THING_SHARE = 3
# A word met after a word of place or time (`in`, `at`, `from`) at least 1 in PLACE_SHARE
# of the times it is capitalised is a place or a time (`New Bedford`, `Christmas`), unless the
# book has it speak or gives it a title as often.
PLACE_SHARE = 4
# Two names met together at least 2 in NAME_PAIR_SHARE of the times either is met beside
# another name are one person's (`Henry Clerval`).
NAME_PAIR_SHARE = 3
# ... and at least 1 in PAIR_OF_USES of the times the rarer of the two is met: not two people
# met side by side now and then (`Tortoise Chicken` 10 times in 737).
PAIR_OF_USES = 20
OWNS = ("’s", "'s")
# Words before a capitalised word that make it a place or a time: `in New Bedford`,
# `at Christmas`, `off Patagonia`; and two often before people too (`wrote to Skinsky`, `the
# eyes of Ahab`), which count half as much. (Not `for`, `by`, `with`: mostly before people.)
PLACE_BEFORE = word_set(
    "in at from into near on towards toward across through till until since off"
)
PLACE_OR_PERSON_BEFORE = word_set("to of")
AT_OR_TO = word_set("at to")
# Verbs whose subject is a person, before or after a name: `said Holmes`, `Holmes asked`.
SPEECH_VERBS = (
    "said says asked asks cried cries answered replied exclaimed whispered shouted muttered "
    "remarked observed laughed repeated nodded smiled sighed"
)
SPEAKS = word_set(SPEECH_VERBS)
SPEAKS_AFTER = compiled_on_first_use(rf"[ \n](?:{'|'.join(SPEECH_VERBS.split())})\b")
# A title written with a full stop (`Mr. Holmes`), which the words after a word do not find.
TITLED_WORD = compiled_on_first_use(rf"\b(?:Mr|Mrs|Ms|Mx|Dr|Messrs)\.[ \n]([A-ZÀ-ÖØ-Þ]{REST})")
