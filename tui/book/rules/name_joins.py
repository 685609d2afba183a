"""The words a book writes for one person: `Henry Clerval` and `Clerval`, `Elizabeth` and `Lizzy`.

A first name and a surname met together, and a name and an English pet form of it.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from tui.book.rules.name_words import MIN_MENTIONS, NAME_PAIR_SHARE, NOT_NAMES, PAIR_OF_USES

if TYPE_CHECKING:
    from tui.book.rules.character_names import NameEvidence

# English pet forms of first names, each of the name it comes from (`Lizzy`: `Elizabeth`):
# forms that are nobody's own name beside that one. (Not `Kitty` or `Kate`, which a book may
# give a Catherine while another Catherine is someone else; not `Harry`, `Jack`, `Johnny`,
# often another person beside a Henry or a John.)
PET_FORMS = {
    pet: name
    for name, pets in (
        ("Elizabeth", "Lizzy Lizzie Eliza Betsy Bessie Betsey"),
        ("Margaret", "Maggie Peggy"),
        ("Robert", "Bobby"),
        ("Richard", "Dickie"),
        ("Thomas", "Tommy"),
        ("James", "Jimmy"),
        ("Edward", "Neddy"),
        ("Mary", "Molly Polly Mamie"),
        ("Susan", "Susie Sukey"),
        ("Charles", "Charlie Charley"),
        ("Frederick", "Freddy Freddie"),
        ("Samuel", "Sammy"),
        ("Joseph", "Joey"),
        ("Daniel", "Danny"),
        ("Sarah", "Sally Sadie"),
        ("Rebecca", "Becky"),
        ("Nicholas", "Nicky"),
        ("Reginald", "Reggie"),
        ("Ronald", "Ronnie"),
        ("Virginia", "Ginny"),
        ("Augusta", "Gussie"),
        ("Winifred", "Winnie"),
        ("Jennifer", "Jenny"),
    )
    for pet in pets.split()
}


def join_names(evidence: NameEvidence) -> None:
    """Join the words the book writes together as one person's name into one person: a first
    name and a surname (`Henry Clerval`), where each is met with the other more than with any
    other name (two in NAME_PAIR_SHARE of the times or more; not `Elizabeth Bennet` beside
    `Jane Bennet`), the pair is not rare beside either word alone (1 in PAIR_OF_USES of its
    uses or more), and the first is not itself a surname (`Colonel Fitzwilliam`). The person
    is named by the form the book uses most: `Clerval`, `Van Helsing`."""
    after: Counter[str] = Counter()  # times a word is followed by another name
    before: Counter[str] = Counter()  # ... follows another name
    for (first, second), count in evidence.pairs.items():
        if count >= MIN_MENTIONS and first not in NOT_NAMES:
            after[first] += count
            before[second] += count
    capital = evidence.capital
    joined: dict[str, str] = {}  # word -> another word of its person (a union-find forest)

    def root(word: str) -> str:
        while word in joined:
            word = joined[word]
        return word

    together: list[tuple[str, str]] = []
    for (first, second), count in evidence.pairs.items():
        if (
            count >= MIN_MENTIONS
            and count * PAIR_OF_USES >= min(capital[first], capital[second])
            and not any(_no_person_word(evidence, word) for word in (first, second))
            and count * NAME_PAIR_SHARE >= after[first] * 2
            and count * NAME_PAIR_SHARE >= before[second] * 2
            and before[first] < count
        ):
            together.append((first, second))
            a, b = root(first), root(second)
            if a != b:
                joined[a] = b
    groups: dict[str, list[tuple[str, str]]] = {}
    for pair in together:
        groups.setdefault(root(pair[0]), []).append(pair)
    for group in groups.values():
        words = sorted({word for pair in group for word in pair})
        uses = Counter({" ".join(pair): evidence.pairs[pair] for pair in group})
        for word in words:  # (alone: its uses less those in the pairs)
            uses[word] = capital[word] - sum(evidence.pairs[pair] for pair in group if word in pair)
        name = max(uses, key=lambda form: (uses[form], -len(form)))
        evidence.members[name] = tuple(words)
        for word in words:
            evidence.persons[word] = name


def join_nicknames(evidence: NameEvidence) -> None:
    """Count a pet form of a name (`Lizzy`, see PET_FORMS) as the person of the name it comes
    from (`Elizabeth`) where the book names that person by the name more often than by the
    pet form."""
    capital = evidence.capital
    for pet, name in PET_FORMS.items():
        uses = capital[pet]
        if uses < MIN_MENTIONS or capital[name] <= uses or pet in evidence.persons:
            continue
        if _no_person_word(evidence, name) or _no_person_word(evidence, pet):
            continue
        person = evidence.persons.get(name, name)
        evidence.members[person] = (*evidence.members.get(person, (name,)), pet)
        for word in evidence.members[person]:
            evidence.persons[word] = person


def _no_person_word(evidence: NameEvidence, word: str) -> bool:
    """Whether ``word`` cannot be part of a person's name: a title or a sentence's word (`Mr`,
    `But`), a common word (`Poor`) or a thing (`the Count`)."""
    return word in NOT_NAMES or evidence.is_word(word) or evidence.is_thing(word)
