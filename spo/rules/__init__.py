"""The pure rules at the bottom of spo, which every other package may use and which use nothing
above them: in, plain values (text, dates, ids); out, plain values and codes.

- what the core says, as data: `message` (a key and its parameters, never a sentence),
  `errors`, `problems` (file, line, code), `positions` (lines and columns as an editor counts);
- Turkish text: `turkish` (folding, Turkish order, words), `lookup` (the one "did you mean" rule);
- dates: `dates` (exact and vague dates, `FuzzyDate`), `typed_dates` (dates as staff type them);
- the registry's words and shapes: `vocabulary` (the fixed values, by id), `schemas` (the JSON
  Schemas built from them), `stages` (the order of a transfer's stages and who may transfer to
  whom);
- figures: `qualifiers` (what "nearly 40" allows), `agreement` (published figures checked
  against each other).

Nothing here reads a registry file; the only files read are the package's own tables.
"""
