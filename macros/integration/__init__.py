"""Floor 7: where the kit meets MkDocs (integration). One `Build` per build (the data loaded once, the errors
met while serving), the macros pages call, the pages generated from data, the optional parts
left out, and what an error looks like in a build (one message) and while serving (a banner)."""
