"""Each form a pasted article takes, parsed to the blocks an editor would expect."""
from __future__ import annotations

import pytest

from newsconv.model import Heading, List, Paragraph, Table, as_version_1
from newsconv.reading.article import parse_text

BODY = ("أكد الرئيس في مؤتمر صحفي اليوم أن الحكومة ماضية في خططها الاقتصادية رغم التحديات التي تواجهها البلاد، "
        "مشيراً إلى أن الأرقام الأخيرة تبعث على التفاؤل.")


EN_BODY = ("The minister said on Sunday that the government would press ahead with its plans despite the "
           "difficulties facing the country, adding that the latest figures gave grounds for optimism.")


def blocks(text: str):
    """The blocks as the block rules found them: the version-1 view, which keeps a byline or
    dateline the reader moved to meta where it stood (tests/test_text_v2.py covers meta)."""
    return as_version_1(parse_text(text)).blocks


def test_title_deck_section_heading_and_paragraphs():
    text = f"عنوان الخبر الرئيسي\n\nسطر تمهيدي يلخص الخبر\n\n{BODY}\n\nالتعاون الاقتصادي بين البلدين\n\n{BODY}\n"
    assert blocks(text) == (Heading(1, "عنوان الخبر الرئيسي"), Heading(2, "سطر تمهيدي يلخص الخبر"),
                            Paragraph(BODY), Heading(2, "التعاون الاقتصادي بين البلدين"), Paragraph(BODY))


@pytest.mark.parametrize("line", ["عين اليوم – دبي", "القاهرة - رويترز", "الأحد 12 مايو 2024", "بقلم: أحمد علي",
                                  "By Jane Doe", "Par Jean Dupont", "2024/05/12"])
def test_dateline_and_byline_stay_paragraphs(line):
    parsed = blocks(f"Title of the story\n\n{line}\n\n{EN_BODY}\n")
    assert isinstance(parsed[1], Paragraph) and parsed[1].text == line


def test_a_short_wire_lead_under_the_title_is_no_deck():
    lead = "LONDON (Reuters) - Britain's economy grew 0.2% in March, official figures showed."
    assert blocks(f"UK economy grows\n\n{lead}\n\n{EN_BODY}\n")[1] == Paragraph(lead)


def test_line_ending_in_colon_is_a_paragraph_introducing_a_list():
    parsed = blocks(f"عنوان\n\n{BODY}\n\nتشمل الخطة ما يلي:\n\n• البند الأول\n• البند الثاني\n")
    assert parsed[2] == Paragraph("تشمل الخطة ما يلي:")
    assert parsed[3] == List(False, ("البند الأول", "البند الثاني"))


def test_markdown_headings_keep_their_levels():
    parsed = blocks("# Title\n\n## Section\n\n### Sub\n\nSome text here.\n")
    assert parsed[:3] == (Heading(1, "Title"), Heading(2, "Section"), Heading(3, "Sub"))


def test_hard_wrapped_paragraphs_are_joined():
    words = ("The minister said on Sunday that the government would press ahead with its economic plans "
             "despite the difficulties facing the country, adding that the latest figures gave grounds "
             "for optimism and that further measures would follow in the coming weeks.").split()
    lines, line = [], ""
    for word in words:
        if len(line) + 1 + len(word) > 70:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    wrapped = "\n".join(lines)
    parsed = blocks(f"Minister vows to press on\n\n{wrapped}\n\n{wrapped}\n")
    assert parsed[1:] == (Paragraph(" ".join(words)), Paragraph(" ".join(words)))


def test_paragraphs_one_per_line_without_blank_lines():
    parsed = blocks(f"عنوان الخبر\n{BODY}\n{BODY} إضافة\n")
    assert parsed == (Heading(1, "عنوان الخبر"), Paragraph(BODY), Paragraph(BODY + " إضافة"))


@pytest.mark.parametrize("marker", ["•", "-", "*", "·", "▪", "–"])
def test_bullet_styles(marker):
    parsed = blocks(f"عنوان\n\n{BODY}\n\n{marker} أول\n{marker} ثان\n{marker} ثالث\n")
    assert parsed[2] == List(False, ("أول", "ثان", "ثالث"))


@pytest.mark.parametrize("markers, numerals", [
    (("1.", "2.", "3."), "latin"), (("1)", "2)", "3)"), "latin"), (("(1)", "(2)", "(3)"), "latin"),
    (("١.", "٢.", "٣."), "arabic-indic"), (("١-", "٢-", "٣-"), "arabic-indic"), (("١)", "٢)", "٣)"), "arabic-indic"),
    (("۱.", "۲.", "۳."), "persian"),
])
def test_numbered_styles(markers, numerals):
    items = "\n".join(f"{m} بند رقم {k}" for k, m in enumerate(markers))
    parsed = blocks(f"عنوان\n\n{BODY}\n\n{items}\n")
    assert parsed[2] == List(True, ("بند رقم 0", "بند رقم 1", "بند رقم 2"), numerals=numerals)


def test_items_separated_by_blank_lines_form_one_list():
    parsed = blocks(f"عنوان\n\n{BODY}\n\n• أول\n\n• ثان\n\n• ثالث\n\n{BODY}\n")
    assert parsed[2] == List(False, ("أول", "ثان", "ثالث"))
    assert parsed[3] == Paragraph(BODY)


def test_item_continued_on_an_unmarked_line():
    parsed = blocks(f"Title\n\n{EN_BODY}\n\n- first item that goes on\n  over a second line\n- second item\n")
    assert parsed[2] == List(False, ("first item that goes on over a second line", "second item"))


def test_one_list_per_run_of_same_style_markers():
    parsed = blocks(f"Title\n\n{EN_BODY}\n\n• a one\n• a two\n1. b one\n2. b two\n")
    assert parsed[2:] == (List(False, ("a one", "a two")), List(True, ("b one", "b two"), numerals="latin"))


def test_dash_aside_inside_a_sentence_is_not_a_list():
    text = ("Title\n\nThe minister, speaking after the meeting, said the plan\n"
            "– which had been delayed twice – would go ahead next month.\n")
    assert blocks(text)[1] == Paragraph("The minister, speaking after the meeting, said the plan – which had "
                                        "been delayed twice – would go ahead next month.")


def test_tab_separated_table():
    parsed = blocks(f"Title\n\n{EN_BODY}\n\nCountry\tPopulation\tGDP\nFrance\t67\t2.9\nGermany\t83\t4.2\n")
    assert parsed[2] == Table(("Country", "Population", "GDP"), (("France", "67", "2.9"), ("Germany", "83", "4.2")))


@pytest.mark.parametrize("rows", [
    "| المدينة | السكان |\n| القاهرة | 10 |\n| دبي | 3 |",
    "المدينة | السكان\nالقاهرة | 10\nدبي | 3",
    "| المدينة | السكان |\n|---|---|\n| القاهرة | 10 |\n| دبي | 3 |",
    "المدينة | السكان\n--- | ---\nالقاهرة | 10\nدبي | 3",
])
def test_pipe_and_markdown_tables(rows):
    parsed = blocks(f"عنوان\n\n{BODY}\n\n{rows}\n")
    assert parsed[2] == Table(("المدينة", "السكان"), (("القاهرة", "10"), ("دبي", "3")))


def test_columns_aligned_with_spaces_keep_single_spaces_inside_cells():
    rows = "Region        Votes      Share\nNorth East    443 379    51.2%\nSouth West    398 002    48.8%"
    parsed = blocks(f"Title\n\n{EN_BODY}\n\n{rows}\n")
    assert parsed[2] == Table(("Region", "Votes", "Share"),
                              (("North East", "443 379", "51.2%"), ("South West", "398 002", "48.8%")))


def test_table_without_a_header_row():
    parsed = blocks(f"Title\n\n{EN_BODY}\n\nFrance\t67\nGermany\t83\nItaly\t59\n")
    assert parsed[2] == Table((), (("France", "67"), ("Germany", "83"), ("Italy", "59")))


def test_flattened_numeric_table():
    rows = "الدولة عدد السكان\nمصر 104\nالسعودية 35\nالأردن 11"
    parsed = blocks(f"عنوان\n\n{BODY}\n\n{rows}\n\n{BODY}\n")
    assert parsed[2] == Table(("الدولة", "عدد السكان"), (("مصر", "104"), ("السعودية", "35"), ("الأردن", "11")))


def test_unclear_short_lines_stay_paragraphs(caplog):
    rows = "زيارة رسمية مرتقبة\nلقاء ثنائي مطول جدا هذا الأسبوع\nاتفاق مبدئي واسع"
    parsed = blocks(f"عنوان\n\n{BODY}\n\n{rows}\n\n{BODY}\n")
    assert not any(isinstance(b, Table) for b in parsed)
    assert "".join(b.text for b in parsed if isinstance(b, Paragraph)).count("اتفاق مبدئي") == 1


def test_english_paragraph_inside_arabic_article_gets_its_own_direction():
    english = "The agreement was signed in Doha on Monday, officials said."
    document = parse_text(f"عنوان الخبر\n\n{BODY}\n\n{english}\n\n{BODY}\n")
    assert document.dir == "rtl" and document.lang == "ar"
    assert document.blocks[2] == Paragraph(english, dir="ltr")
    assert document.blocks[1].dir is None


@pytest.mark.parametrize("text, lang, direction", [
    ("این یک متن فارسی است که برای آزمایش نوشته شده و می‌شود آن را خواند", "fa", "rtl"),
    ("یہ ایک اردو متن ہے جو ٹیسٹ کے لیے لکھا گیا ہے اور اسے پڑھا جا سکتا ہے", "ur", "rtl"),
    ("זהו טקסט בעברית שנכתב לצורך בדיקה של הכלי", "he", "rtl"),
    ("Le président a déclaré que la France est prête à agir dans les prochains jours", "fr", "ltr"),
    ("The president said that the country is ready to act in the coming days", "en", "ltr"),
])
def test_language_and_direction(text, lang, direction):
    document = parse_text(f"{text}\n\n{text}")
    assert (document.lang, document.dir) == (lang, direction)
