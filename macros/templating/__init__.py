"""Floor 5: the template engine. Component templates live in `templates/` (one component per
file); a site owner shadows any of them by putting a file of the same name in
`overrides/components/`. Autoescape is on: data reaches HTML as text unless a filter
(`prose`, `verbatim`) deliberately renders it."""
