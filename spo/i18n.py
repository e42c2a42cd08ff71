"""Turkish and English text: one lookup shared by every module's catalogue of messages.

Each area keeps its own messages beside its code (find, report, write); they all have the same
shape, `{key: {"tr": ..., "en": ...}}`, and are read the same way.
"""

from __future__ import annotations

from collections.abc import Mapping

from spo.vocabulary import Lang


class Catalogue:
    def __init__(self, messages: Mapping[str, Mapping[Lang, str]]) -> None:
        self.messages = messages

    def __call__(self, key: str, lang: Lang, **fields: object) -> str:
        return self.messages[key][lang].format(**fields)
