"""Turkey's places, as the package's own tables: in, a name or a plate as typed; out, a province,
a district or a town, or the closest one.

`provinces` (the 81 provinces, with plates, regions and which are metropolitan, from
`provinces.csv`), `districts` (`districts.csv`), `towns` (`towns.csv`, the belde municipalities
known so far), `geography` (the rules that tie them: which municipality may lie where) and
`shapes` (the provinces' outlines for the HTML report's map, `maps/`, with their licence beside
them). Built on `spo.rules` only.
"""
