"""Recording work in the registry without ever damaging a hand-edited file.

The operations return a `WriteResult` and know nothing of the terminal:
- `transfers.add_stage` and `engagements.add_engagement` add an entry to a municipality file;
- `records.new_municipality` and `records.new_project` create a record file.

How a write keeps its promises: `roundtrip` splices the new lines into the original text, so every
other byte stays; `editing` re-reads the file under its lock, checks that the new text reads back as
meant and validates it (`spo.checks.validation.check_text`) before anything is written; `atomic`
holds the lock (kept in `.spo-cache/locks/`) and replaces the file in one rename, if it still holds
the bytes read (else the change is made again on what an editor saved); `known` checks ids one file
name at a time, so a write costs the same in any size of registry. `render` writes YAML values,
`entries` writes a new entry in its neighbours' layout, and `inputs` checks what the user typed;
`schema_files` writes the schema a new record's first line points at when the registry lacks it.
Refusals carry message codes (`refusal.*`); the command line words them.
"""
