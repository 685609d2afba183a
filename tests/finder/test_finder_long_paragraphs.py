"""Words that meet in a moment, not across pages of a novel's long paragraphs.

Three paragraphs of dialogue are a moment; three paragraphs of a novel's narration can run
over pages, where a long chapter holds every word of a query somewhere.
"""

from __future__ import annotations

from finder_support import built_finder, line_in, scene_lines

# A paragraph of narration about 900 characters long, holding none of the query's words.
NARRATION = (
    "The road wound on between the hedges and the low stone walls, past farms whose dogs "
    "barked at the carriage and fell quiet again, past a mill and a ruined chapel and a "
    "green where children stopped their game to watch. The travellers said little. The "
    "elder of them read a newspaper folded small, and the younger counted the milestones "
    "aloud until she was told to stop, and then counted them under her breath instead. "
    "At noon they halted at an inn where the landlord brought bread and cold meat and a "
    "jug of cider, and talked without pause of the harvest, the weather, the price of "
    "corn, and a cousin of his who had gone to sea and never written. In the afternoon "
    "clouds came up from the west, and the driver turned up his collar and urged the "
    "horses on, for he meant to reach the town before the rain, and the horses seemed to "
    "know it, and went the faster for the grey sky behind them and the wind at their backs."
)


def long_chapter() -> str:
    """A chapter of long paragraphs naming the lantern and the violin again and again, never
    within a page of each other."""
    lantern = "At every farm they were given a lantern for the dark lanes ahead. "
    violin = "Somewhere behind a hedge a violin was playing a country air. "
    paragraphs = [lantern + NARRATION, NARRATION, violin + NARRATION] * 4
    return "\n\n".join(paragraphs)


BOOK = f"""Chapter 1: The Journey

{long_chapter()}



Chapter 2: The Inn

The landlord's daughter set down a lantern beside the old violin on the bench, and
played the tune her mother had taught her.

Everyone in the room fell quiet to listen. Outside the rain had begun, and the horses
stamped in the stable, and the driver sat by the fire with his boots steaming.



Chapter 3: The Town

They reached the town at dusk, and the rain came down as the driver had said it would.

The inn there was full, and they slept in a loft over the stable.
"""


def test_words_met_in_one_moment_beat_words_scattered_over_long_paragraphs() -> None:
    finder = built_finder(BOOK)
    found = scene_lines(finder, "lantern violin")
    assert found[0] == line_in(BOOK, "The landlord's daughter")
