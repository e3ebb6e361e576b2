"""Floor 1: read each data file and validate it against its model, one file at a time.

`catalogue` says which files exist and which model each has; `read_all` reads them;
nothing here looks across files (that is `macros.checks`).
"""
