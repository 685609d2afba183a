"""Word forms for the finder: light stemming, irregular forms and a table of related words."""

from __future__ import annotations

from functools import lru_cache

_VOWELS = set("aeiouy")


def _has_vowel(word: str) -> bool:
    return any(c in _VOWELS for c in word)


def stem_uncached(word: str) -> str:
    """A light English stemmer: plurals, possessives, -ed, -ing, -ly, -er/-est and a final e.

    It only has to map the forms a reader types ("fights", "fighting", "fought" aside) onto
    the same key as the forms in the book; it never needs to produce a real word.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    w = word
    if len(w) == 4 and w.endswith(("ies", "ied")):
        return w[:-1]  # dies, died, lies, tied
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("eed"):
        pass
    elif w.endswith("ed") and len(w) > 4 and _has_vowel(w[:-2]):
        w = _undouble(w[:-2])
    elif w.endswith("ing") and len(w) > 5 and _has_vowel(w[:-3]):
        w = _undouble(w[:-3])
    elif w.endswith("est") and len(w) > 7 and _has_vowel(w[:-3]):
        w = w[:-3]  # strongest, greatest (not `forest`, `honest`, `fastest`)
    elif w.endswith("er") and len(w) > 6 and _has_vowel(w[:-2]):
        w = w[:-2]  # stronger, fighter, teacher (not `never`, `water`, `mother`)
    if w.endswith("ly") and len(w) > 5:
        w = w[:-2]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


stem = lru_cache(maxsize=16384)(stem_uncached)

# Endings a word takes, with what each replaced (`carries` is `carry` + `ies`), tried in order:
# also taken off a word the thesaurus lacks, to find the word it is a form of (`attendees`).
ENDINGS = (
    ("ies", "y"), ("es", ""), ("es", "e"), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"),
    ("ing", ""), ("ing", "e"), ("er", ""), ("est", ""), ("ly", ""),
)  # fmt: skip


def inflects(word: str, form: str) -> bool:
    """Whether ``form`` is ``word`` with an ending (`bars`, `barred`, `carries`, `making`)."""
    if not form.startswith(word[:-1]) or form == word:
        return form == word
    for ending, replacement in ENDINGS:
        if form.endswith(ending):
            base = form[: len(form) - len(ending)]
            if base + replacement == word and not _doubles(word, ending, replacement):
                return True
            if base[:-1] == word and base[-1] == base[-2]:
                return True
    return False


def _doubles(word: str, ending: str, replacement: str) -> bool:
    """Whether ``word`` doubles its last letter before ``ending``, so that the ending added
    to it alone makes another word: `pal` is `palled`, and `paled` is `pale`'s; `hop` is
    `hopping`, and `hoping` is `hope`'s (a short word of consonant, vowel, consonant)."""
    return (
        not replacement
        and ending in ("ed", "ing", "er", "est")
        and len(word) == 3
        and word[0] not in _VOWELS
        and word[1] in _VOWELS
        and word[2] not in _VOWELS
        and word[2] not in "wxy"
    )


def same_word(one: str, other: str) -> bool:
    """Whether two words of one stem can be forms of one word. The stem drops a final e, so
    `cop` and `cope`, `rid` and `ride` share one; each is only itself, with or without its e.
    Forms the endings above do not explain are taken to be one word."""
    key = stem(one)
    bases = (key, key + "e")
    of_one = {b for b in bases if inflects(b, one)}
    of_other = {b for b in bases if inflects(b, other)}
    return not of_one or not of_other or bool(of_one & of_other)


def _undouble(w: str) -> str:
    """`stopp` -> `stop`, but `fall` and `miss` keep their double letter."""
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz" and w[-1] not in _VOWELS:
        return w[:-1]
    return w


_DERIVATIONAL = (
    "izations",
    "isations",
    "ization",
    "isation",
    "ations",
    "ation",
    "ments",
    "ment",
    "nesses",
    "ness",
    "ities",
    "ity",
    "izes",
    "ises",
    "ized",
    "ised",
    "izing",
    "ising",
    "ize",
    "ise",
    "fully",
    "ful",
    "less",
    "ously",
    "ous",
    "ively",
    "ive",
    "ures",
    "ure",
    "ally",
    "al",
    "ly",
    "ies",
    "y",
)


def root(word: str) -> str:
    """A rougher stem that also drops derivational endings: `apology`, `apologize` -> `apolog`.

    Matches through it count for less than same-stem matches, since it also joins words
    that only look related.
    """
    base = derived_base(word)
    return stem(word) if base == word else stem_uncached(base)


def derived_base(word: str) -> str:
    """``word`` without its derivational ending (`paleness` -> `pale`), or itself."""
    if len(word) <= 5 or not word.isalpha():
        return word
    for suffix in _DERIVATIONAL:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


# English irregular verbs and a few nouns that go with them, as a lemmatiser would join
# them: a reader types "fight" for a scene that says "fought", "died" for one about a death.
_IRREGULAR_TEXT = """
arise arose arisen | awake awoke awoken | be was were been | beat beaten | become became |
begin began begun | bend bent | bet | bind bound | bite bit bitten | bleed bled |
blow blew blown | break broke broken | breed bred | bring brought | build built |
burn burnt | burst | buy bought | catch caught | choose chose chosen choice | cling clung |
come came | cost | creep crept | cut | deal dealt | dig dug | do did done |
draw drew drawn | dream dreamt | drink drank drunk | drive drove driven | die dead death |
dwell dwelt | eat ate eaten | fall fell fallen | feed fed | feel felt | fight fought |
find found | flee fled | fly flew flown | forbid forbade forbidden |
forget forgot forgotten | forgive forgave forgiven | freeze froze frozen | get got gotten |
give gave given | go went gone | grow grew grown | hang hung | have had | hear heard |
hide hid hidden | hit | hold held | hurt | keep kept | kneel knelt | know knew known |
lay laid | lead led | lean leant | leap leapt | learn learnt | leave left | lend lent |
let | light lit | live life lives | lose lost loss | make made | mean meant | meet met |
pay paid | prove proven | put | quit | read | ride rode ridden | ring rang rung | run ran |
say said | see saw seen sight | seek sought | sell sold | send sent | set |
shake shook shaken | shine shone | shoot shot | show shown | shrink shrank shrunk | shut |
sing sang sung song | sink sank sunk | sit sat | slay slew slain | sleep slept |
slide slid | speak spoke spoken speech | speed sped | spend spent | spin spun | spit spat |
split | spread | stand stood | steal stole stolen | stick stuck | sting stung |
stink stank | strike struck stricken | string strung | strive strove striven |
swear swore sworn | sweep swept | swell swollen | swim swam swum | swing swung |
take took taken | teach taught | tell told | think thought | throw threw thrown |
tread trod trodden | understand understood | wake woke woken | wear wore worn |
weave wove woven | weep wept | win won | write wrote written | child children | man men |
woman women | mouse mice | tooth teeth | foot feet
"""
_LEMMA = {form: group.split()[0] for group in _IRREGULAR_TEXT.split("|") for form in group.split()}


def lemma(word: str) -> str | None:
    """The base word of an irregular form (`fought` -> `fight`), or None for regular words."""
    return _LEMMA.get(word)


def base_of(word: str) -> str:
    """One key for every form of a word: the irregular base, else the stem."""
    return lemma(word) or lemma(stem(word)) or stem(word)


# Words readers use for the same kind of moment, though a book may say it another way: a
# reader remembers "the duel" where the text says "they fought", "she cried" where it says
# "tears". Each line is one group; any form of a word matches (`rescued` is `rescue`). Matches
# through this table count for less than the word itself (`RELATED_SIM` in the index).
# The groups are everyday words of stories (people, places, things, feelings, acts), kept
# small on purpose: no thesaurus package fits (see the README's dependencies), and a broad
# thesaurus would join words a reader never swaps.
_RELATED_TEXT = """
die dead death kill murder slay corpse perish
fight duel battle spar clash combat brawl
kiss smooch snog
hug embrace cuddle
hear listen overhear eavesdrop
save rescue
cry tears sob weep wail
run flee escape
gift present
goodbye farewell depart departure
angry anger rage fury furious
afraid fear scared frightened terrified
sad sorrow grief grieve mourn
laugh giggle chuckle
smile grin smirk
sleep asleep nap doze slumber
wake awake awaken
eat meal food dinner lunch breakfast supper
hurt injure injury wound
stab pierce impale
punch slap
sword blade katana rapier
gun pistol rifle
steal rob theft thief
hidden secret
marry marriage wedding
apologize apology sorry
promise vow oath
dream nightmare
phone smartphone cellphone
party celebration celebrate festival feast banquet
couch sofa settee
bed mattress pillow blanket
house home apartment
room chamber bedroom
door doorway gate entrance portal
window windowsill pane
car vehicle truck van
road street path lane
shop store market
school academy classroom
teacher professor instructor
student pupil classmate schoolmate
friend companion comrade buddy pal ally
partner team teammate
enemy foe rival opponent
boss leader chief commander captain
king queen prince princess royal throne
soldier warrior knight guard
doctor physician healer medic
money cash coins payment salary wage
job work employment
waiter waitress server
food snack meal
drink beverage wine beer champagne alcohol
cook cooking bake
chair seat stool
table desk counter
book novel diary journal
letter note message
talk speak chat conversation converse
shout yell scream
whisper murmur mutter
ask question inquire
answer reply respond
argue argument quarrel dispute
agree accept consent
refuse decline reject
lie lying deceive deception
truth honest confess confession admit
joke tease
insult mock taunt
thank thanks grateful gratitude
beg plead
order command
threaten threat
walk stroll wander
jump leap
fall trip stumble
hit strike smack
grab seize grasp grip clutch snatch
push shove
pull drag yank tug
throw toss hurl
catch grab
hold clasp
touch stroke caress
look gaze stare glance peer
see notice glimpse
hand palm fingers
face cheek
eyes gaze
blood bleed bleeding
scar wound injury
sick ill illness fever disease
faint unconscious collapse
tired exhausted weary fatigue
hungry starving famished
happy glad joy cheerful delighted
love adore affection
hate loathe despise
jealous envy
embarrassed ashamed shame blush
nervous anxious worry worried
calm peaceful relaxed
surprise surprised shocked astonished
confused puzzled bewildered
lonely alone isolated
bored boredom
proud pride
guilt guilty remorse regret
revenge vengeance avenge
betray betrayal traitor
trust faith
help aid assist support
protect guard shield defend
attack assault ambush
win victory triumph defeat beat
lose loss defeated
escape flee getaway
chase pursue pursuit
hunt chase
hide conceal
search look seek
find discover
trap trapped cage locked
free release freed
prison jail captive prisoner
bomb explosion explode blast
fire flame flames burn blaze
water river lake sea ocean
rain storm thunder
snow ice frost
night dark darkness midnight
morning dawn sunrise
evening dusk sunset
magic spell sorcery witchcraft
monster beast creature demon
ghost spirit phantom
god goddess deity
dream vision
memory remember recall
forget forgotten amnesia
change transform transformation
grow grown mature
young youth child kid
old elderly aged
grandfather grandpa
grandmother grandma granny
mother mom mum mama
father dad papa
sister sis sibling
brother bro sibling
wife husband spouse
boyfriend girlfriend lover
date dating
kiss lips
wedding bride groom
baby infant
birthday anniversary
funeral burial grave
doll toy
picture photo photograph image
song sing music melody
dance dancing
game play
phone call
number contact
clothes dress outfit uniform
hair braid ponytail
"""


def _related_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, set[str]] = {}
    for line in _RELATED_TEXT.strip().splitlines():
        group = line.split()
        for word in group:
            key = base_of(word)
            # `dead` and `death` are forms of `die` already, not related words of it.
            table.setdefault(key, set()).update(w for w in group if base_of(w) != key)
    return {key: tuple(sorted(others)) for key, others in table.items()}


_RELATED = _related_table()


def related(word: str) -> tuple[str, ...]:
    """The words of the related-words table that go with ``word`` (any of its forms)."""
    return _RELATED.get(base_of(word), ())
