"""Floor 6: one module per family of page components. Each builds small view objects from the
edition and renders a template; no module here imports another (shared markup lives in the
templates, shared links in `macros.links`)."""
