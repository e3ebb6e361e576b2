"""Floor 2: find things in the text without changing a character of it (editorial marks,
glossary mentions, printed dates), and the time arithmetic of clocks. Pure functions over
validated models; used by the checks and by the views alike, so both see the same matches."""
