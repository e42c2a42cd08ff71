"""The checker of `spo validate`: in, a registry's files (or one file's text) and today's date;
out, every finding of every file, as data. Each check of one record is a module of its own
(`schema`, `content`, `references`, `figures`, `characters`, `personal`...); `file` gives one
file's own result from them, `run` checks many files (from the result cache in `cache`, over the
process pool in `pool`, telling `progress`), and `buildable` says whether the model can be built
from a record. Nothing here imports the index, the report, the writing commands or the CLI;
`spo.checks.validation` puts the checks across files on top and turns findings into lined problems.
"""
