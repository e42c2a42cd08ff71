"""Domain rules, each written once: the order of a transfer's stages, what counts as support,
and who cannot transfer a project or host an engagement to whom.

Validation (`spo.checks`), writing (`spo.writing`), the report and the prompts all ask here.
"""

from __future__ import annotations

from spo.rules.vocabulary import STAGES

# The stages a transfer moves through, in order; the closing states (paused, dropped) may
# follow any of them.
PROGRESS_STAGES: tuple[str, ...] = tuple(STAGES.values[:6])
CLOSING_STAGES: tuple[str, ...] = tuple(STAGES.values[6:])
# Each progress stage's place in that order.
_PLACE = {stage: place for place, stage in enumerate(PROGRESS_STAGES)}
# Support once given stays given, as in the office's published figures: a transfer that
# reached a presentation counts as supported even if it was later paused or dropped.
SUPPORT_STAGES = frozenset(PROGRESS_STAGES[PROGRESS_STAGES.index("presentation") :])


def is_progress(stage: object) -> bool:
    return stage in PROGRESS_STAGES


def comes_before(stage: object, other: object) -> bool:
    """True when both are progress stages and `stage` comes earlier in a transfer than `other`."""
    if not isinstance(stage, str) or not isinstance(other, str):
        return False
    place, other_place = _PLACE.get(stage), _PLACE.get(other)
    return place is not None and other_place is not None and place < other_place


def is_support(stage: str) -> bool:
    return stage in SUPPORT_STAGES


def next_stage(current: str | None) -> str | None:
    """The stage a transfer usually reaches next: `inquiry` for a new one; none after a
    closing state or after `launched`."""
    if current is None:
        return PROGRESS_STAGES[0]
    if is_progress(current) and current != PROGRESS_STAGES[-1]:
        return PROGRESS_STAGES[PROGRESS_STAGES.index(current) + 1]
    return None


def is_self_transfer(project_owner: object, municipality: str) -> bool:
    """A project cannot be transferred to the municipality that owns it."""
    return project_owner == municipality


def is_self_engagement(host: object, municipality: str) -> bool:
    """A municipality cannot host its own engagement."""
    return host == municipality
