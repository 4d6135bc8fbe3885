"""Every writer handles every kind of block, each with its own code: a kind added to the model
that a writer forgets fails here, and an unknown kind is refused, never written as another."""
from __future__ import annotations

import dataclasses
import typing

import pytest

import newsconv
from newsconv import model
from newsconv.writers import _html_blocks, docx, html
from newsconv.writers._pdf import blocks as pdf_blocks

TABLES = {"html": html.BLOCK_WRITERS, "docx": docx.BLOCK_WRITERS, "pdf": pdf_blocks.BLOCK_UNITS}


def test_block_kinds_are_the_model_union():
    assert set(model.BLOCK_KINDS) == set(typing.get_args(model.Block))
    assert all(dataclasses.is_dataclass(kind) and kind.__dataclass_params__.frozen for kind in model.BLOCK_KINDS)


@pytest.mark.parametrize("writer", sorted(TABLES))
def test_each_writer_registers_every_block_kind(writer):
    assert set(TABLES[writer]) == set(model.BLOCK_KINDS)


@dataclasses.dataclass(frozen=True)
class Sidebar:
    text: str
    dir: typing.Optional[str] = None
    marks: tuple = ()


@pytest.mark.parametrize("writer", sorted(TABLES))
def test_a_kind_no_writer_knows_is_refused_not_written_as_another(writer):
    document = newsconv.Document("en", "ltr", (model.Paragraph("a"), Sidebar("b")))
    with pytest.raises(KeyError, match="Sidebar"):
        newsconv.render(document, writer)


def test_overlapping_marks_nest_well_in_html():
    text = "one two three"
    marks = (model.Mark("strong", 0, 7), model.Mark("emphasis", 4, 13))
    assert _html_blocks.marked(text, marks, "ltr") == "<strong>one <em>two</em></strong><em> three</em>"
