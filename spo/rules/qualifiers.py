"""What a published figure's qualifier allows: the one rule behind every comparison of a figure.

A figure says its count lies within bounds (`bounds`):

    as-stated      a bare number, as the source gives it ("16 belediyeyi ağırlayan"): that number,
                   shown with no word of precision the source did not use
    exact          that number, where the source says so ("tam 16")
    approximately  within 10% either side ("yaklaşık 40": 36 to 44)
    nearly         at most the number and within 10% below it ("40'a yakın": 36 to 40)
    at-least       that number or more
    more-than      a larger number
    fewer-than     a smaller number

A recorded value meets a figure when it lies within them (`figure_met`), and exceeds it when it
lies above them (`figure_exceeded`): records refute an upper bound however incomplete the
registry is. Two figures of a count that only grows disagree when the earlier one's least value
exceeds the later one's largest (`spo.rules.agreement`).
"""

from __future__ import annotations

APPROXIMATELY_WITHIN = 10  # percent, either side
NEARLY_WITHIN = 10  # percent, below


def bounds(value: int, qualifier: str) -> tuple[int, int | None]:
    """The least and the largest count a figure allows (None: no largest)."""
    if qualifier in ("as-stated", "exact"):
        return value, value
    if qualifier == "approximately":
        spread = value * APPROXIMATELY_WITHIN // 100
        return value - spread, value + spread
    if qualifier == "nearly":
        return value - value * NEARLY_WITHIN // 100, value
    if qualifier == "at-least":
        return value, None
    if qualifier == "more-than":
        return value + 1, None
    if qualifier == "fewer-than":
        return 0, max(value - 1, 0)
    raise ValueError(f"unknown qualifier {qualifier!r}")


def figure_met(qualifier: str, value: int, recorded: int) -> bool:
    """True when `recorded` satisfies "`qualifier` `value`"."""
    least, most = bounds(value, qualifier)
    return least <= recorded and (most is None or recorded <= most)


def figure_exceeded(qualifier: str, value: int, recorded: int) -> bool:
    """True when `recorded` is more than "`qualifier` `value`" allows."""
    _, most = bounds(value, qualifier)
    return most is not None and recorded > most
