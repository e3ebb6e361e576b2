"""Floor 4: the views of one build, derived from checked data: numbering, tokens with marks and
mentions, lookups by id, the route, citations, and which optional parts the site has.
`load_edition` is the pipeline: read and validate each file, check across files, build."""
