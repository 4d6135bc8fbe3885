"""Strong and emphasis marks in the PDF: the marked characters set in the bundled family's
bold, italic or bold italic face (Amiri has all three), at the size of the text around them.

The marks only change which face each character is set in: the paragraph is still measured,
broken and reordered as a whole, so a bold word inside an Arabic sentence joins and orders as
it would in regular type.  A character the styled face lacks stays in its regular face.
"""
from __future__ import annotations

import dataclasses
from typing import Sequence

from ... import fonts
from ...model import Mark
from .glyphfont import load_face
from .lines import TextStyle


def with_emphasis(style: TextStyle, text: str, font_of: list[int],
                  marks: Sequence[Mark]) -> tuple[TextStyle, list[int]]:
    """``style`` with the styled faces the marks need added to its chain, and each character's
    index into that chain."""
    faces = list(style.faces)
    font_of = list(font_of)
    for index, char in enumerate(text):
        kinds = {mark.kind for mark in marks if mark.start <= index < mark.end}
        bold, italic = "strong" in kinds, "emphasis" in kinds
        if not (bold or italic):
            continue
        face = faces[font_of[index]]
        styled = fonts.styled_font(face.file, bold, italic)
        if styled is None:
            continue
        face = load_face(styled)
        if ord(char) not in face.shaping.codepoints and not char.isspace():
            continue
        if face not in faces:
            faces.append(face)
        font_of[index] = faces.index(face)
    if len(faces) == len(style.faces):
        return style, font_of
    return dataclasses.replace(style, faces=tuple(faces)), font_of
