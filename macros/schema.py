"""Write (or check) the JSON Schema of each data file, generated from the models.

    python -m macros.schema          # write data/schemas/*.schema.json
    python -m macros.schema --check  # exit 1 if a schema is out of date

Each YAML file in data/ names its schema on its first line
(`# yaml-language-server: $schema=...`), so an editor with YAML support
completes field names and marks mistakes as you type.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .models import ROOT_MODELS

__all__ = ["schema_text", "main"]

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "data" / "schemas"


def schema_text(file_name: str) -> str:
    schema = ROOT_MODELS[file_name].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"data/{file_name}"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for file_name in ROOT_MODELS:
        path = SCHEMA_DIR / file_name.replace(".yml", ".schema.json")
        text = schema_text(file_name)
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        print("Out of date (run `make schemas`):", *stale, sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
