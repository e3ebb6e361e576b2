"""`data/text.yml`: the document's text, word for word, in layers, sections and paragraphs."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..fields import Colour, Id, Model, Prose, Text, Verbatim

__all__ = ["DocumentText", "Layer", "LayerColour", "Paragraph", "Section"]


class Paragraph(Model):
    id: Id = Field(description="Permanent anchor of the paragraph; never change or reuse it.")
    style: Literal["prose", "item", "signature"] = "prose"
    text: Verbatim = Field(description="The paragraph word for word as printed; line breaks are kept.")


class Section(Model):
    id: Id
    heading: Text | None = Field(default=None, description="Our heading (not the document's); omit for a layer's only section.")
    paragraphs: list[Paragraph] = Field(min_length=1)


class LayerColour(Model):
    """The layer's frame colour in each colour scheme; each must keep AA contrast as text colour."""

    light: Colour
    dark: Colour


class Layer(Model):
    id: Id
    title: Text
    about: Prose = Field(description="One or two sentences on who wrote this layer and when.")
    colour: LayerColour
    typeface: Literal["sans", "serif", "mono"] = Field(
        default="sans", description="'mono' for telegraph apparatus, 'serif' for a letter, 'sans' otherwise."
    )
    sections: list[Section] = Field(min_length=1)


class DocumentText(Model):
    layers: list[Layer] = Field(min_length=1)
