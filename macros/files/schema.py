"""Write (or check) the JSON Schema of each data file, generated from the models.

    python -m macros.files.schema          # write data/schemas/*.schema.json  (make schemas)
    python -m macros.files.schema --check  # exit 1 if a schema is out of date

Each YAML file in data/ names its schema on its first line
(`# yaml-language-server: $schema=...`), so an editor with YAML support completes field
names and marks mistakes as you type. The glossary's files share one schema.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from .catalogue import FILES, GLOSSARY_SCHEMA
from .models.glossary import Glossary

__all__ = ["SCHEMAS", "main", "schema_text"]

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "data" / "schemas"
SCHEMAS: dict[str, tuple[str, type[BaseModel]]] = {
    **{spec.schema_name: (f"data/{spec.name}", spec.model) for spec in FILES},
    GLOSSARY_SCHEMA: ("a glossary file in data/ (one per kind in data/site.yml)", Glossary),
}


def schema_text(schema_name: str) -> str:
    title, model = SCHEMAS[schema_name]
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str], schema_dir: Path = SCHEMA_DIR) -> int:
    check = "--check" in argv
    stale = []
    for name in SCHEMAS:
        path = schema_dir / name
        text = schema_text(name)
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
