"""When the stored project's view is rewritten: the rules on rectangles."""

from territorial_flux_plugin.domain.extents import changed_much, combined, framed


def test_framed_adds_a_margin_and_never_frames_one_point_at_one_to_one():
    assert framed((0, 0, 10000, 5000)) == (-1000, -500, 11000, 5500)
    assert framed((100, 100, 100, 100)) == (-900, -900, 1100, 1100)


def test_combined_leaves_out_what_is_missing():
    assert combined(None, (0, 0, 1, 1), (2, -1, 3, 0)) == (0, -1, 3, 1)
    assert combined(None, None) is None


def test_a_view_is_rewritten_only_when_the_territory_changed_much():
    view = framed((0, 0, 10000, 10000))
    assert changed_much(None, (0, 0, 1, 1))
    assert not changed_much(view, (0, 0, 10000, 10000))
    assert not changed_much(view, (100, 100, 9000, 9900))  # a few companies more, inside
    assert changed_much(view, (0, 0, 12000, 10000))  # one far away: outside the view
    assert changed_much(view, (0, 0, 2000, 2000))  # shrunk to a corner: a quarter or less
