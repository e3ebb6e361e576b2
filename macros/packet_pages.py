"""MkDocs hook (listed under `hooks:` in mkdocs.yml): one page per packet in `data/packets.yml`.

A packet added to the YAML becomes a page at `packets/<id>/` with no change to
`docs/` or to code. The generated page holds a single macro call, keyed by the
packet's id (a validated, lower-case-and-hyphens id), so no text from the data
is ever placed where Markdown or the template engine would interpret it. The
pages are added to the navigation under the `packets/index.md` entry.

Invalid data is left to the macros (`define_env`), which report it with the
file, entry and field; this hook then adds no packet pages.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.structure.files import File

PACKETS_INDEX = "packets/index.md"
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _packet_ids(config) -> list[str]:
    import yaml  # PyYAML; the strict checks run later, in define_env

    path = Path(config["config_file_path"]).parent / "data" / "packets.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        ids = [p["id"] for p in data["packets"]]
    except Exception:  # noqa: BLE001 - any problem is reported, precisely, by define_env
        return []
    return [i for i in ids if isinstance(i, str) and _ID.fullmatch(i)]


def _page_src(packet_id: str) -> str:
    return f"packets/{packet_id}.md"


def on_config(config):
    ids = _packet_ids(config)
    config["extra"]["cable_packet_ids"] = ids
    config["nav"] = [_with_packets(item, ids) for item in config["nav"] or []]
    return config


def _with_packets(item, ids: list[str]):
    """Replace the nav entry for packets/index.md by a section holding it and every packet."""
    if isinstance(item, dict):
        (title, value), = item.items()
        if value == PACKETS_INDEX:
            return {title: [PACKETS_INDEX, *(_page_src(i) for i in ids)]}
        if isinstance(value, list):
            return {title: [_with_packets(v, ids) for v in value]}
    return item


def on_files(files, config):
    for packet_id in config["extra"].get("cable_packet_ids", []):
        # Packets repeat paragraphs of the text: leave them out of the search index, so that a
        # search lands on the text page itself (and the index stays small).
        content = f'---\nsearch:\n  exclude: true\n---\n\n{{{{ packet_page("{packet_id}") }}}}\n'
        files.append(File.generated(config, _page_src(packet_id), content=content))
    return files
