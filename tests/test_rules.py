"""The reader's block rules one by one, disabling them, and the source lines every block keeps."""
from __future__ import annotations

import json
import logging

import pytest
from click.testing import CliRunner

from newsconv.cli import main
from newsconv.model import List, Paragraph, Table
from newsconv.reading import rules
from newsconv.reading.article import parse_text
from newsconv.reading.drafts import ListDraft, MarkedHeading, TableDraft, TextRun
from newsconv.reading.lines import classify

BODY = ("أكد الرئيس في مؤتمر صحفي اليوم أن الحكومة ماضية في خططها الاقتصادية رغم التحديات التي تواجهها البلاد، "
        "مشيراً إلى أن الأرقام الأخيرة تبعث على التفاؤل.")
FLAT = f"عنوان\n\n{BODY}\n\nالدولة عدد السكان\nمصر 104\nالسعودية 35\nالأردن 11\n\n{BODY}"


def lines_of(text: str, disabled=()) -> rules.Lines:
    return rules.Lines.of([classify(raw) for raw in text.split("\n")], rules.enabled_rules(disabled))


def test_the_rules_are_named_and_ordered_with_running_text_last():
    assert rules.names() == ["markdown_heading", "delimited_table", "ranked_table", "marked_list", "label_lines",
                             "flat_table", "short_lines", "text_run"]


@pytest.mark.parametrize("module, text, draft", [
    (rules.markdown_heading, "## Section", MarkedHeading(start=0, end=1, level=2, text="Section")),
    (rules.delimited_table, "a\tb\n1\t2", TableDraft(start=0, end=2, rows=(("a", "b"), ("1", "2")), header=True)),
    (rules.marked_list, "أ) بند\nب) بند", ListDraft(start=0, end=2, ordered=True, items=("بند", "بند"))),
    (rules.ranked_table, "1. Porto 6 16\n2. Braga 6 12\n3. Benfica 6 11", TableDraft(
        start=0, end=3, rows=(("1.", "Porto", "6", "16"), ("2.", "Braga", "6", "12"), ("3.", "Benfica", "6", "11")),
        header=False)),
])
def test_a_rule_matches_on_its_own(module, text, draft):
    assert module.match(lines_of(text), 0) == draft


def test_a_rule_returns_nothing_where_its_construct_does_not_start():
    lines = lines_of(FLAT)
    assert rules.marked_list.match(lines, 2) is None and rules.delimited_table.match(lines, 2) is None
    assert rules.flat_table.match(lines, 4) == TableDraft(
        start=4, end=8, rows=(("الدولة", "عدد السكان"), ("مصر", "104"), ("السعودية", "35"), ("الأردن", "11")),
        header=True)


def test_running_text_stops_where_a_flattened_table_begins():
    lines = lines_of(f"عنوان\n\n{BODY}\nالدولة عدد السكان\nمصر 104\nالسعودية 35\nالأردن 11")
    run = rules.text_run.match(lines, 2)
    assert isinstance(run, TextRun) and (run.start, run.end) == (2, 3)


def test_a_disabled_rule_leaves_its_lines_to_the_next():
    assert any(isinstance(b, Table) for b in parse_text(FLAT).blocks)
    blocks = parse_text(FLAT, disabled_rules={"flat_table"}).blocks
    assert not any(isinstance(b, Table) for b in blocks)
    assert [b.text for b in blocks[2:6]] == ["الدولة عدد السكان", "مصر 104", "السعودية 35", "الأردن 11"]


def test_unknown_rules_and_the_fallback_cannot_be_disabled():
    with pytest.raises(ValueError, match="unknown"):
        parse_text(FLAT, disabled_rules={"tables"})
    with pytest.raises(ValueError, match="cannot be disabled"):
        parse_text(FLAT, disabled_rules={"text_run"})


def test_every_block_knows_its_source_lines():
    text = "Title\n\nfirst line of a paragraph that goes on\n\n- one\n\n- two\n\nA | B\n1 | 2\n"
    assert [b.lines for b in parse_text(text).blocks] == [(1, 1), (3, 3), (5, 7), (9, 10)]


def test_source_lines_take_no_part_in_equality():
    a, b = Paragraph("x", lines=(1, 1)), Paragraph("x", lines=(7, 9))
    assert a == b and hash(a) == hash(b) and "lines" not in repr(List(False, ("x",), lines=(2, 3)))


def test_positions_reach_the_json_only_when_asked(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Title\n\n\nSome text here.\n", encoding="utf-8")
    plain = json.loads(CliRunner().invoke(main, ["parse", str(article), "--json"]).output)
    placed = json.loads(CliRunner().invoke(main, ["parse", str(article), "--json", "--positions"]).output)
    assert all("lines" not in b for b in plain["blocks"])
    assert [b["lines"] for b in placed["blocks"]] == [[1, 1], [4, 4]]
    assert [{k: v for k, v in b.items() if k != "lines"} for b in placed["blocks"]] == plain["blocks"]


def test_warnings_name_the_file_and_line(caplog):
    with caplog.at_level(logging.WARNING, logger="newsconv"):
        parse_text(f"عنوان\n\n{BODY}\n\nزيارة رسمية مرتقبة\nلقاء ثنائي مطول جدا هذا الأسبوع\nاتفاق مبدئي واسع\n",
                   name="story.txt")
    assert [r.getMessage().split(": ")[0] for r in caplog.records] == ["story.txt:5"]
