"""Material's stylesheet without the rules that nothing in this build can match.

Material ships one stylesheet for all of its features (tabs, admonitions, code, blog, tags...);
it is the largest render-blocking file on every page (22 KiB of the 90 KiB budget), and this
site uses about a third of its rules. After a build, the rules whose class selectors name a class
that appears nowhere in the site are dropped, and the pages link the smaller copy.

What counts as "appears" is deliberately generous, so that a rule is dropped only when it cannot
match: every word in every page (not just class attributes: inline scripts build markup too),
every word in every script the site ships (Material's bundle builds the search results, tooltips
and the like from string literals), and every prefix that a script completes at run time
(`md-source__fact--${kind}`). Classes inside `:not()`, `:is()`, `:where()` and `:has()` are not
required (`:not(.unused)` matches everything). At-rules keep their structure; `@keyframes` and
`@font-face` are kept whole.

The smaller copy has its own name (Material's hash and a hash of its content), so a browser
that cached the copy of an earlier deployment cannot pair it with new pages.
A browser test looks, on every page and in the states scripts draw, for any element that a dropped
selector could match (tests/kit/test_theme_stylesheet.py).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Callable, Iterator

__all__ = ["reduce_css", "reduce_theme_stylesheet", "used_in_site"]

_THEME_CSS = re.compile(r"main\.([0-9a-f]{8})\.min\.css")
_REDUCED = re.compile(r"main\.[0-9a-f]{8}\.[0-9a-f]{8}\.min\.css")
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_RUNTIME_PREFIX = re.compile(r"([A-Za-z_][\w-]*)\$\{")  # `md-tag--${kind}` in a template literal
_CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
_ARGUMENTS = re.compile(r"\([^()]*\)")
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")
_KEPT_WHOLE = ("@keyframes", "@-webkit-keyframes", "@font-face", "@page", "@property", "@counter-style")


# A quoted string or a comment as one token (a brace inside it is only text), or a brace or a
# semicolon; an unclosed string or comment runs to the end.
_TOKEN = re.compile(r""""(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|/\*.*?(?:\*/|\Z)|[{};]""", re.S)
_DEPTH = {"{": 1, "}": -1}


def _blocks(css: str) -> Iterator[tuple[str, str | None]]:
    """Top-level (prelude, body) pairs; body None for a statement such as `@charset "UTF-8";`."""
    start = i = 0
    while (token := _TOKEN.search(css, i)) is not None:
        i = token.end()
        if token.group() == ";":
            yield css[start:i], None
            start = i
        elif token.group() == "{":
            depth = 1
            while depth and (inner := _TOKEN.search(css, i)) is not None:
                i = inner.end()
                depth += _DEPTH.get(inner.group(), 0)
            if depth:  # never closed: the block runs to the end
                i = len(css) + 1
            yield css[start:token.start()], css[token.end():i - 1]  # the body, without its "}"
            start = i
    if css[start:].strip():
        yield css[start:], None


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, c in enumerate(prelude):
        depth += (c in "([") - (c in ")]")
        if c == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return parts


def _can_match(selector: str, used: Callable[[str], bool]) -> bool:
    required = selector
    while _ARGUMENTS.search(required):  # :not(.x), :is(.a, .b): nothing inside is required
        required = _ARGUMENTS.sub("", required)
    return all(used(name) for name in _CLASS.findall(required))


def reduce_css(css: str, used: Callable[[str], bool], dropped: list[str] | None = None) -> str:
    """`css` without the selectors that name a class for which `used` is false; a rule left with
    no selector goes, and so does an at-rule left empty. Everything else is kept as written.
    The selectors dropped are added to `dropped` (the browser test looks for what they match)."""
    out = []
    for prelude, body in _blocks(_SOURCE_MAP.sub("", css)):
        head = prelude.strip()
        if body is None or head.startswith(_KEPT_WHOLE):
            out.append(prelude if body is None else f"{prelude}{{{body}}}")
        elif head.startswith("@"):
            inner = reduce_css(body, used, dropped)
            if inner.strip():
                out.append(f"{prelude}{{{inner}}}")
        else:
            kept = [s for s in _split_selectors(prelude) if _can_match(s, used)]
            if dropped is not None:
                dropped.extend(s for s in _split_selectors(prelude) if s not in kept)
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)


def reduce_theme_stylesheet(site_dir: str) -> None:
    """Write the reduced copy of Material's stylesheet, point every page at it, remove the full one."""
    site = Path(site_dir)
    folder = site / "assets" / "stylesheets"
    theme = next((p for p in sorted(folder.glob("main.*.min.css")) if _THEME_CSS.fullmatch(p.name)), None)
    if theme is None:
        return
    pages = {path: path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    reduced = reduce_css(theme.read_text(encoding="utf-8"), _used(site, pages.values()))
    digest = hashlib.sha256(reduced.encode()).hexdigest()[:8]
    name = f"main.{_THEME_CSS.fullmatch(theme.name).group(1)}.{digest}.min.css"
    for old in folder.glob("main.*.min.css"):  # a reduced copy left by an earlier `--dirty` build
        if _REDUCED.fullmatch(old.name) and old.name != name:
            old.unlink()
    (folder / name).write_text(reduced, encoding="utf-8")
    for path, text in pages.items():
        if theme.name in text:
            path.write_text(text.replace(theme.name, name), encoding="utf-8")
    theme.unlink()
    theme.with_name(theme.name + ".map").unlink(missing_ok=True)


def _used(site: Path, pages) -> Callable[[str], bool]:
    # Lunr's files (1 MB, stemmers for thirty languages) run in the search worker and draw nothing.
    scripts = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.js")
                         if "lunr" not in p.relative_to(site).parts)
    words = set(_WORD.findall(scripts))
    for text in pages:
        words.update(_WORD.findall(text))
    prefixes = tuple(set(_RUNTIME_PREFIX.findall(scripts)))
    return lambda name: name in words or name.startswith(prefixes)


def used_in_site(site_dir: str | Path) -> Callable[[str], bool]:
    """Whether a class may be used in the built site: the test applies the build's own rule."""
    site = Path(site_dir)
    return _used(site, (p.read_text(encoding="utf-8") for p in site.rglob("*.html")))
