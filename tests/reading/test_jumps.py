"""The jump list: back and forward walk it, a swap (vim's and less's '') toggles two places."""

from __future__ import annotations

from tui.reading.jumps import JumpList


def test_swap_goes_to_the_last_place_left_and_back_again() -> None:
    jumps = JumpList()
    jumps.push(0)  # 30%: left the front
    jumps.push(300)  # G: left 30%
    assert jumps.swap(1000) == 300  # '' from the end: back to 30%
    assert jumps.swap(300) == 1000  # '' again: the end, not the front
    assert jumps.swap(1000) == 300


def test_swap_after_a_search_returns_to_the_hit() -> None:
    jumps = JumpList()
    jumps.push(0)  # 50%
    jumps.push(500)  # /lockwood, found at 700
    assert jumps.swap(700) == 500
    assert jumps.swap(500) == 700


def test_back_still_walks_the_whole_list_after_a_swap() -> None:
    jumps = JumpList()
    jumps.push(0)
    jumps.push(300)
    assert jumps.swap(1000) == 300
    assert jumps.back(300) == 1000
    assert jumps.back(1000) == 0
    assert jumps.back(0) is None


def test_swap_skips_the_place_it_is_at_and_has_nothing_when_empty() -> None:
    jumps = JumpList()
    assert jumps.swap(5) is None
    jumps.push(10)
    jumps.push(5)
    assert jumps.swap(5) == 10
    assert jumps.swap(10) == 5


def test_forward_undoes_back_until_a_new_jump() -> None:
    jumps = JumpList()
    jumps.push(10)
    jumps.push(20)
    assert jumps.back(30) == 20
    assert jumps.back(20) == 10
    assert jumps.forward(10) == 20
    assert jumps.forward(20) == 30
    assert jumps.forward(30) is None
    assert jumps.back(30) == 20
    jumps.push(20)  # a new jump
    assert jumps.forward(5) is None


def test_swap_right_after_back_goes_to_where_back_left() -> None:
    jumps = JumpList()
    jumps.push(0)  # G: left the start
    assert jumps.back(1000) == 0  # ctrl+o: back to the start
    assert jumps.swap(0) == 1000  # '': the end, where ctrl+o left, as in vim
    assert jumps.swap(1000) == 0  # and '' again comes back
    assert jumps.swap(0) == 1000
    assert jumps.forward(1000) is None  # (ctrl+i from where ctrl+o left: nothing later)


def test_swap_right_after_forward_goes_to_where_forward_left() -> None:
    jumps = JumpList()
    jumps.push(0)
    jumps.push(500)
    assert jumps.back(900) == 500
    assert jumps.forward(500) == 900
    assert jumps.swap(900) == 500


def test_a_new_jump_after_back_makes_swap_return_over_it() -> None:
    jumps = JumpList()
    jumps.push(0)
    assert jumps.back(1000) == 0
    jumps.push(0)  # a jump from the start to 400
    assert jumps.swap(400) == 0


def test_the_places_kept_from_the_last_reading_go_before_this_readings() -> None:
    jumps = JumpList(limit=4)
    jumps.push(500)
    jumps.take_in_older([100, 200, 500])
    assert jumps.places == [100, 200, 500]  # (500 once: the place this reading left too)
    assert jumps.back(900) == 500 and jumps.back(500) == 200
    jumps = JumpList(limit=3)
    jumps.push(9)
    jumps.take_in_older([1, 2, 3, 4])
    assert jumps.places == [3, 4, 9]  # the oldest go past the limit
