"""Which files `data/` may hold, and the model each is validated against.

`site.yml`, `document.yml`, `text.yml` and `sources.yml` are required. Every other file is
an optional part: without `chronology.yml` there is no chronology page, without
`categories.yml` no matrix, and so on (`macros.views.parts`). The glossary's files are
named by the kinds in `site.yml` (`people.yml`, `places.yml`, ...).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from .models.basemap import Basemap
from .models.chronology import Chronology, Clocks, RelatedDocuments
from .models.document import Document
from .models.glossary import Glossary
from .models.lessons import Background, Lessons, Standards
from .models.register import Register
from .models.site import Site
from .models.sources import Marks, Sources
from .models.teaching import Categories, Packets, Questions
from .models.text import DocumentText

__all__ = ["FILES", "GLOSSARY_SCHEMA", "DataFile", "glossary_file"]


@dataclass(frozen=True)
class DataFile:
    name: str  # e.g. "text.yml"
    model: type[BaseModel]
    required: bool = False
    # A file whose every field has a default may be empty (no bytes, only comments, `{}` or `[]`):
    # the register, which a new edition starts empty and `make register` fills.
    may_be_empty: bool = False

    @property
    def schema_name(self) -> str:
        return self.name.replace(".yml", ".schema.json")


FILES: tuple[DataFile, ...] = (
    DataFile("site.yml", Site, required=True),
    DataFile("document.yml", Document, required=True),
    DataFile("text.yml", DocumentText, required=True),
    DataFile("sources.yml", Sources, required=True),
    DataFile("marks.yml", Marks),
    DataFile("chronology.yml", Chronology),
    DataFile("clocks.yml", Clocks),
    DataFile("related.yml", RelatedDocuments),
    DataFile("questions.yml", Questions),
    DataFile("categories.yml", Categories),
    DataFile("packets.yml", Packets),
    DataFile("background.yml", Background),
    DataFile("lessons.yml", Lessons),
    DataFile("standards.yml", Standards),
    DataFile("published-ids.yml", Register, may_be_empty=True),
    DataFile("basemap.yml", Basemap),
)

# Every glossary file has the same shape, so they share one schema.
GLOSSARY_SCHEMA = "glossary.schema.json"


def glossary_file(kind_id: str) -> DataFile:
    return DataFile(f"{kind_id}.yml", Glossary)
