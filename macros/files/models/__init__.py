"""Typed records, one root model per data file. Models are frozen and forbid unknown
fields, so a typo in a field name is an error, not a silently ignored value."""
