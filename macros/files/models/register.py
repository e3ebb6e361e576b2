"""`data/published-ids.yml`: every id the site has published, so that none disappears unnoticed.

Links and citations in the wild use these ids (`…/text/#s2-version-3`,
`…/packets/three-versions/`). The build refuses an id that is in the register but no
longer in the data, unless `moved` says where it went; the site then keeps the old
address working. `make register` adds new ids; nothing ever removes one.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..fields import Id, Model

__all__ = ["KINDS", "Move", "Register"]

Kind = Literal["layers", "sections", "paragraphs", "entries", "events", "questions", "packets", "lessons"]
KINDS: tuple[str, ...] = Kind.__args__


class Move(Model):
    kind: Kind
    id: Id = Field(description="The id that was published and is gone.")
    to: Id = Field(description="The id of the same kind that now stands for it.")


class Register(Model):
    layers: list[Id] = []
    sections: list[Id] = []
    paragraphs: list[Id] = []
    entries: list[Id] = []
    events: list[Id] = []
    questions: list[Id] = []
    packets: list[Id] = []
    lessons: list[Id] = []
    moved: list[Move] = Field(default=[], description="Published ids that were renamed or merged, and where they went.")
