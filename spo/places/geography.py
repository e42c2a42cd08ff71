"""Where a municipality lies, against the province, district and town tables: the rules.

Each rule is written once here and returns a `PlaceProblem` (the field it is about and a
`Message`), or nothing; `spo validate` turns it into a finding at that field's line and
`spo municipality new` into a refusal. The rules:

- an old district name is refused with the current one ("Eyüp" is Eyüpsultan since 2017);
- a non-metropolitan province's central district (Merkez) has no district municipality: the
  provincial municipality serves it;
- a district municipality bears its district's name ("Şehitkamil Belediyesi" is not Şahinbey's);
- a town (belde) lies in a non-metropolitan province, in the district the town table gives,
  and is not one of the province's districts.

The town table (`spo/places/towns.csv`) is the team's own and not yet whole: it lists fewer towns
than Turkey has. So a town it does not know is not *certainly* made up (`PlaceProblem.certain` is
False): validate warns, and `municipality new` refuses it only where the table knows a town of a
close name (a typo). Everything else here is certain.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from spo.places.districts import districts_of
from spo.places.provinces import Province
from spo.places.towns import districts_with_town, find_town, town_like
from spo.rules.message import Message
from spo.rules.turkish import fold, slugify

__all__ = [
    "CENTRAL_DISTRICT",
    "PlaceProblem",
    "district_municipality_problem",
    "district_problem",
    "provincial_id",
    "renamed_district",
    "stem",
    "town_problem",
]

CENTRAL_DISTRICT: Final = "Merkez"
_SUFFIX: Final = " belediyesi"

# Districts renamed by law, by plate and folded old name: only renames that are certain, each a
# one-to-one rename (a central district split into several, as in Denizli or Manisa, has no
# single current name to point at).
_RENAMED: Final[dict[tuple[int, str], str]] = {
    (6, fold("Kazan")): "Kahramankazan",  # 2016
    (9, fold("Merkez")): "Efeler",  # law 6360, 2014
    (25, fold("Ilıca")): "Aziziye",  # law 5747, 2008
    (34, fold("Eyüp")): "Eyüpsultan",  # 2017
    (47, fold("Merkez")): "Artuklu",  # law 6360, 2014
    (48, fold("Merkez")): "Menteşe",  # law 6360, 2014
    (52, fold("Merkez")): "Altınordu",  # law 6360, 2014
    (55, fold("Ondokuzmayıs")): "19 Mayıs",  # 2018
    (59, fold("Merkez")): "Süleymanpaşa",  # law 6360, 2014
    (61, fold("Merkez")): "Ortahisar",  # law 6447, 2014
}


@dataclass(frozen=True)
class PlaceProblem:
    field: str  # "name", "kind" or "district": what the record gets wrong
    message: Message
    code: str
    # False where the tables cannot be sure (a town they do not list may be one they lack).
    certain: bool = True
    suggestion: str | None = None  # a close name the tables know


def provincial_id(province: Province) -> str:
    """The id of a non-metropolitan province's own municipality (`artvin`)."""
    return slugify(province.name)


def stem(name: str) -> str:
    """A municipality's name without "Belediyesi": the place it is named after."""
    name = name.strip()
    if fold(name).endswith(_SUFFIX):
        return name[: -len(_SUFFIX)].rstrip()
    return name


def renamed_district(province: Province, text: str) -> str | None:
    """The current name of a district that `text` names by its old name, if any."""
    return _RENAMED.get((province.plate, fold(text.strip())))


def district_problem(province: Province, text: str) -> PlaceProblem | None:
    """`text` is an old name of one of the province's districts."""
    current = renamed_district(province, text)
    if current is None:
        return None
    message = Message.of(
        "place.renamed-district", value=text, province=province.name, current=current
    )
    return PlaceProblem("district", message, "renamed-district")


def district_municipality_problem(
    province: Province, district: str, name: str | None
) -> PlaceProblem | None:
    """A district municipality of `district` (its official name) called `name` (None: not yet
    named, as in `spo municipality new`)."""
    if district == CENTRAL_DISTRICT and not province.metropolitan:
        message = Message.of(
            "place.central-district", province=province.name, provincial=provincial_id(province)
        )
        return PlaceProblem("district", message, "central-district")
    if name is not None and fold(stem(name)) != fold(district):
        message = Message.of(
            "place.name-not-district",
            name=name,
            district=district,
            expected=f"{district} Belediyesi",
        )
        return PlaceProblem("name", message, "name-district")
    return None


def town_problem(province: Province, district: str, town: str) -> PlaceProblem | None:
    """A town (belde) called `town` in the province's `district` (its official name)."""
    if province.metropolitan:
        message = Message.of("place.town-in-metropolitan", province=province.name)
        return PlaceProblem("kind", message, "town-in-metropolitan")
    if find_town(province, district, town) is not None:
        return None
    elsewhere = districts_with_town(province, town)
    if elsewhere:
        message = Message.of(
            "place.town-elsewhere", value=town, district=district, actual=elsewhere[0]
        )
        return PlaceProblem("district", message, "town-district")
    if fold(town) in {fold(d) for d in districts_of(province.plate)}:
        message = Message.of("place.district-not-town", value=town, province=province.name)
        return PlaceProblem("kind", message, "district-not-town")
    suggestion = town_like(province, district, town)
    message = Message.of(
        "place.unknown-town",
        value=town,
        district=district,
        province=province.name,
        suggestion=suggestion,
    )
    return PlaceProblem("name", message, "unknown-town", certain=False, suggestion=suggestion)
