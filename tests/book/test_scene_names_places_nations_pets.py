"""Scene names that are no people, or one person twice.

A word of a street's name (`Rue de l’Homme Armé`, `Baker Street`), a word of a nation (`Turkish
Customs`), a title (`Monsieur`, `the Voivode`), a name met once in an allusion, and a pet form
of a name beside the name (`Margaret`, `Peggy`). Texts written for these tests.
"""

from __future__ import annotations

from tui.book.model import Book
from tui.book.text.parse import parse_text


def book_of(*scenes: str) -> Book:
    return parse_text("Chapter 1\n\n" + "\n\n* * *\n\n".join(scenes) + "\n")


def scene_names(book: Book) -> list[list[str]]:
    return [scene.names for scene in book.chapters[0].scenes]


def test_the_words_of_a_streets_name_are_no_characters() -> None:
    scenes = [
        "Valcourt walked to the Rue de l’Homme Armé, where Valcourt had rooms. Dorval\n"
        "waited by the door, and Valcourt nodded to Dorval in the Rue de l’Homme Armé.",
        "The Rue de l’Homme Armé was quiet; Dorval slept, and Valcourt wrote. Later\n"
        "Dorval walked up Pelham Street, past the shop, and back down Pelham Street.",
        "Valcourt left the Rue de l’Homme Armé at dawn; Dorval had gone to Pelham Street\n"
        "before him, and Valcourt found Dorval there.",
    ]
    for names in scene_names(book_of(*scenes)):
        assert not {"Armé", "Homme", "Homme Armé", "Pelham"} & set(names)
        assert {"Valcourt", "Dorval"} & set(names)


def test_words_of_a_nation_and_titles_are_no_characters() -> None:
    scenes = [
        "Marek drank Turkish coffee at the quay, and Marek asked Voivode Barna for leave;\n"
        "Monsieur Andral laughed at Marek, and Turkish sailors sang to Marek.",
        "Marek paid Turkish Customs, which Andral thought too much. Monsieur Andral\n"
        "said so twice, and Marek shrugged at Andral, for Voivode Barna was away.",
        "At dusk Marek and Andral drank Turkish coffee with Turkish Customs men.",
    ]
    for names in scene_names(book_of(*scenes)):
        assert not {"Turkish", "Turkish Customs", "Customs", "Voivode", "Monsieur"} & set(names)
        assert not any(name.startswith(("Monsieur", "Voivode")) for name in names)
        assert "Marek" in names


def test_a_name_met_once_in_an_allusion_is_not_who_a_scene_is_about() -> None:
    scenes = [
        "Orsolya read by the fire. “As Hamlet says, there are more things,” she told\n"
        "Tamas, and Tamas laughed. Orsolya closed the book.",
        "Tamas came home late; Orsolya was asleep, and Tamas sat alone with Hamlet.",
        "In the morning Orsolya and Tamas walked to the river, and Orsolya sang.",
    ]
    names = scene_names(book_of(*scenes))
    assert all("Hamlet" not in found for found in names)
    assert names[0] == ["Orsolya", "Tamas"]


def test_a_name_met_once_in_a_scene_but_often_in_the_book_is_shown() -> None:
    scenes = [
        "Brannock rode north with Cadell, and Cadell talked all day; Brannock listened.",
        "Cadell slept. Brannock kept watch over Cadell until dawn, and Cadell woke.",
        "The rain fell on the road, and Cadell walked on alone.",
    ]
    names = scene_names(book_of(*scenes))
    assert names[2] == ["Cadell"]


def test_a_pet_form_of_a_name_is_the_same_person() -> None:
    scenes = [
        "Margaret rose early. “Come down, Peggy,” her father called, and Margaret\n"
        "came. Gorse looked up at Margaret and smiled.",
        "“Where is your sister?” said Gorse to Peggy. Margaret did not know; Margaret\n"
        "went out to look, and Gorse followed Margaret.",
        "Gorse found her at the well with Peggy, and Gorse laughed at Peggy.",
    ]
    for names in scene_names(book_of(*scenes)):
        assert "Peggy" not in names
        assert set(names) == {"Margaret", "Gorse"}


def test_a_name_sharing_a_few_letters_with_a_longer_one_is_another_person() -> None:
    # `Lucy` is no pet form of `Lucas`, nor `Kitty` (another Catherine's, maybe) of `Catherine`.
    scenes = [
        "Lucy met Lucas at the gate; Lucy smiled and Lucas bowed. Kitty watched Catherine.",
        "Lucas left, and Lucy stayed with Kitty; Catherine came later, and Kitty laughed.",
        "Lucy and Lucas and Kitty and Catherine dined together; Catherine sang, and Lucas too.",
    ]
    every = {name for names in scene_names(book_of(*scenes)) for name in names}
    assert {"Lucy", "Lucas", "Kitty", "Catherine"} <= every
