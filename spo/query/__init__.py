"""The read path of the list, show and search commands: in, the registry's root and what the
user typed; out, records of `spo.model` and their order.

`reading` builds the model from the index (`spo.index`), leaving out what cannot be built;
`naming` finds a record by its id or its name; `search` ranks records by words; `lists` says
which records a list command selects and in which order. Nothing here writes or prints.
"""
