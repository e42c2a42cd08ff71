"""A registry's files, read: in, a folder or a file's bytes; out, data (dicts and lists) with the
position of every value, and the problems of reading.

`registry` says where the record files are (`find_root`, `record_files`); `loader` turns a file's
bytes into data and reading problems: first by `fast_path` (yaml-rs, no positions, for the text
it can read exactly as spo does), else through `core_yaml` (the YAML reader and its positions),
`prescan` (what libyaml would misreport: tabs, nesting, structure) and `libyaml_gaps`; `cache`
is the user's cache folder (never the registry); `staged` asks git whether a commit touches the
registry. Nothing here knows what a project or a municipality means; that is `spo.model` and
`spo.checks`.
"""
