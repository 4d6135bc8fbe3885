"""The raw text reader's version-2 model: inline markup to marks, quotes, figures, and the
byline, date and dateline moved to meta (tests/data/v2/ar-marked.txt is the issue's raw text)."""
from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

import pytest

import newsconv
from newsconv.model import Figure, Mark, Paragraph, Quote
from newsconv.reading.inline import parse_markup
from newsconv.reading.meta import parse_date, split_authors

DATA = Path(__file__).parent / "data" / "v2"
ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"


def marked(text: str) -> list[tuple[str, str, str | None]]:
    plain, marks = parse_markup(text)
    return [(m.kind, plain[m.start:m.end], m.href) for m in marks]


@pytest.mark.parametrize("text, plain, marks", [
    ("نص **قوي** هنا", "نص قوي هنا", [("strong", "قوي", None)]),
    ("و*مائل* و_مائل_", "ومائل و_مائل_", [("emphasis", "مائل", None)]),
    ("an _em_ word", "an em word", [("emphasis", "em", None)]),
    ("snake_case_name stays", "snake_case_name stays", []),
    ("2*3*4 and * a list star", "2*3*4 and * a list star", []),
    ("run `ls -l` now", "run ls -l now", [("code", "ls -l", None)]),
    ("[موقع](https://example.org/a) هنا", "موقع هنا", [("link", "موقع", "https://example.org/a")]),
    ("**bold [link](http://a.b/c_(d))**", "bold link", [("strong", "bold link", None), ("link", "link", "http://a.b/c_(d)")]),
    ("على الموقع https://example.org/x، ثم", "على الموقع https://example.org/x، ثم",
     [("link", "https://example.org/x", "https://example.org/x")]),
    ("see https://en.wikipedia.org/wiki/A_(b).", "see https://en.wikipedia.org/wiki/A_(b).",
     [("link", "https://en.wikipedia.org/wiki/A_(b)", "https://en.wikipedia.org/wiki/A_(b)")]),
    ("[mail](mailto:desk@example.org)", "mail", [("link", "mail", "mailto:desk@example.org")]),
    ("with ***full funding*** now", "with full funding now", [("emphasis", "full funding", None),
                                                               ("strong", "full funding", None)]),
    ("و___مهم___", "ومهم", [("emphasis", "مهم", None), ("strong", "مهم", None)]),
])
def test_inline_markup_becomes_plain_text_and_marks(text, plain, marks):
    assert parse_markup(text)[0] == plain
    assert marked(text) == marks


@pytest.mark.parametrize("href", ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd"])
def test_a_link_to_anything_but_http_or_mailto_keeps_its_text_only(href, caplog):
    assert parse_markup(f"[هنا]({href}) نص") == ("هنا نص", ())
    assert "only http, https and mailto" in caplog.text


@pytest.mark.parametrize("text, iso", [
    ("الأحد 12 مايو 2024", "2024-05-12"), ("Sunday 12 May 2024", "2024-05-12"), ("May 12, 2024", "2024-05-12"),
    ("Paris, le 15 janvier 2024", "2024-01-15"), ("Publié le 14/03/2024 à 08h30", "2024-03-14"),
    ("עודכן: 12:45, 26 בפברואר 2024", "2024-02-26"), ("١٢ كانون الثاني ٢٠٢٤", "2024-01-12"),
    ("2025-11-29T09:12", "2025-11-29"), ("Updated 12:45 GMT", None), ("31 February 2024", None),
])
def test_dates_in_every_language_to_iso(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("names, authors", [
    ("Sarah Jones and Tom Whitfield", ("Sarah Jones", "Tom Whitfield")),
    ("Tom Harris, Science Correspondent", ("Tom Harris",)),
    ("דנה לוי ויוסי כהן", ("דנה לוי", "יוסי כהן")),
    ("ليلى عبد الرحمن", ("ليلى عبد الرحمن",)),
])
def test_author_names(names, authors):
    assert split_authors(names) == authors


@pytest.mark.parametrize("name, meta", [
    ("ar-02-numbered-arabic-indic", {"authors": ["ليلى عبد الرحمن"], "date": "2024-05-12",
                                     "byline": ["بقلم: ليلى عبد الرحمن", "الأحد 12 مايو 2024"]}),
    ("en-05-wire-dateline-byline-readmore-caption", {
        "authors": ["Sarah Jones", "Tom Whitfield"], "place": "LONDON", "source": "Reuters",
        "byline": ["By Sarah Jones and Tom Whitfield", "Updated 12:45 GMT"], "dateline": "LONDON (Reuters) -"}),
    ("fr-04-narrow-nbsp-afp-readmore-flat", {
        "authors": ["Claire Martin"], "date": "2024-03-14", "place": "PARIS", "source": "AFP",
        "byline": ["Par Claire Martin", "Publié le 14/03/2024 à 08h30, mis à jour à 12h45"],
        "dateline": "PARIS (AFP) -"}),
    ("he-05-question-title-byline-caption-tab-empty", {
        "authors": ["דנה לוי", "יוסי כהן"], "date": "2024-02-26",
        "byline": ["מאת דנה לוי ויוסי כהן", "עודכן: 12:45, 26 בפברואר 2024"]}),
    ("ar-12-datelines-tab-noheader-numbered", {"date": "2024-04-17", "place": "دبي", "source": "عين اليوم",
                                              "byline": ["دبي – عين اليوم", "الأربعاء 17 أبريل 2024"]}),
    ("fa-04-markdown-flat-table-continued-item", {"authors": ["مریم احمدی"], "byline": ["گزارش از مریم احمدی"]}),
])
def test_bylines_dates_and_datelines_go_to_meta_and_out_of_the_body(name, meta):
    document = newsconv.parse(ARTICLES / f"{name}.txt")
    assert document.meta.to_json() == meta
    body = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    assert not set(meta["byline"]) & set(body)
    assert not any(text.startswith(meta.get("dateline") or "\0") for text in body)


def test_a_byline_inside_the_story_stays_text():
    # Two paragraphs first: the reader takes a lone long sentence under the title for its deck.
    text = ("Title of the story here\n\nThe minister said on Sunday that the government would press ahead with its "
            "plans, adding that the latest figures gave grounds for optimism.\n\nShe spoke in the capital, "
            "where the plans were first announced last year.\n\nBy Jane Doe\n\nEnd.")
    assert newsconv.parse(text).meta.byline == ()


@pytest.fixture
def article(tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    for name in ("ar-marked.txt", "plant.png", "plant.jpg"):
        shutil.copy(DATA / name, folder / name)
    return folder / "ar-marked.txt"


def test_the_issue_raw_text_gives_meta_marks_quote_and_figure(article, caplog):
    document = newsconv.parse(article)
    assert document.meta.authors == ("سلمى الحربي",)
    assert (document.meta.date, document.meta.place, document.meta.source) == ("2025-11-29", "الرياض", "واس")
    assert document.meta.dateline == "الرياض (واس) -"
    first = document.blocks[1]
    assert first.text.startswith("افتتحت الحكومة") and "**" not in first.text
    assert [(m.kind, first.text[m.start:m.end], m.href) for m in first.marks] == [
        ("strong", "جديدة", None), ("link", "أكوا باور", "https://example.org/acwa")]
    second = document.blocks[2]
    assert [(m.kind, second.text[m.start:m.end]) for m in second.marks] == [
        ("emphasis", "بالطاقة الشمسية"), ("link", "https://example.org/plant")]
    assert "javascript" not in json.dumps(document.to_json()) and "javascript" in caplog.text
    quote = next(block for block in document.blocks if isinstance(block, Quote))
    assert quote == Quote("«هذه المحطة خطوة أساسية نحو الأمن المائي للأجيال القادمة»", "وزير البيئة والمياه")
    figure = next(block for block in document.blocks if isinstance(block, Figure))
    assert figure.caption == figure.alt == "جانب من محطة التحلية الجديدة على الساحل الشرقي"
    assert figure.src.startswith("data:image/png;base64,")
    assert base64.b64decode(figure.src.split(",", 1)[1]) == (DATA / "plant.png").read_bytes()


def test_model_json_round_trips_the_issue_raw_text(article, tmp_path):
    document = newsconv.parse(article)
    model = tmp_path / "model.json"
    model.write_text(json.dumps(document.to_json(), ensure_ascii=False), encoding="utf-8")
    assert newsconv.parse(model) == document


def figure_of(text: str, tmp_path: Path, **options) -> Figure:
    source = tmp_path / "desk" / "a.txt"
    source.parent.mkdir(exist_ok=True)
    source.write_text(f"Title of the story\n\nFirst paragraph of the story.\n\n{text}\n", encoding="utf-8")
    return next(b for b in newsconv.parse(source, **options).blocks if isinstance(b, Figure))


@pytest.mark.parametrize("src, why", [
    ("https://example.com/a.jpg", "not fetched"),
    ("../outside.png", "outside the input's folder"),
    ("/etc/passwd", "outside the input's folder"),
    ("missing.png", "cannot be read"),
    ("fake.png", "not a usable JPEG or PNG"),
    ("data:image/png;base64,AAAA", "not a usable JPEG or PNG"),
])
def test_an_image_that_cannot_be_had_safely_is_a_warning_and_the_caption_stays(src, why, tmp_path, caplog):
    (tmp_path / "outside.png").write_bytes((DATA / "plant.png").read_bytes())
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "fake.png").write_bytes(b"<svg onload=alert(1)>")
    figure = figure_of(f'![alt text]({src} "the caption")', tmp_path)
    assert (figure.src, figure.alt, figure.caption) == ("", "alt text", "the caption")
    assert why in caplog.text


def test_resource_path_allows_a_folder_outside_the_input(tmp_path):
    (tmp_path / "photos").mkdir()
    shutil.copy(DATA / "plant.jpg", tmp_path / "photos" / "p.jpg")
    assert figure_of("![x](../photos/p.jpg)", tmp_path).src == ""
    allowed = figure_of("![x](../photos/p.jpg)", tmp_path, resource_path=[tmp_path / "photos"])
    assert allowed.src.startswith("data:image/jpeg;base64,")


def test_an_image_over_the_size_cap_is_refused(tmp_path, caplog, monkeypatch):
    from newsconv.reading import images
    monkeypatch.setattr(images, "MAX_IMAGE_BYTES", 100)
    (tmp_path / "desk").mkdir()
    shutil.copy(DATA / "plant.jpg", tmp_path / "desk" / "p.jpg")
    assert figure_of("![x](p.jpg)", tmp_path).src == ""
    assert "larger than" in caplog.text


def test_marks_survive_in_the_model_not_in_version_1():
    document = newsconv.parse("Title of the story\n\nSome **bold** text here.\n")
    assert document.blocks[1].marks == (Mark("strong", 5, 9),)
    assert "marks" not in json.dumps(document.to_json(version=1))


@pytest.mark.parametrize("line, authors", [
    ("بقلم: ليلى عبد الرحمن", ("ليلى عبد الرحمن",)), ("كتبت: ريم السيد", ("ريم السيد",)),
    ("By Sarah Jones and Tom Whitfield", ("Sarah Jones", "Tom Whitfield")), ("Par Claire Martin", ("Claire Martin",)),
    ("מאת דנה לוי", ("דנה לוי",)), ("به قلم: مریم احمدی", ("مریم احمدی",)), ("نویسنده: علی رضایی", ("علی رضایی",)),
    ("تحریر: احمد علی", ("احمد علی",)), ("رپورٹ: سارہ خان", ("سارہ خان",)),
    ("بقلم سلمى الحربي · 29 نوفمبر 2025", ("سلمى الحربي",)),
    ("By the way, this is a sentence.", ()), ("Bylines are short", ()),
])
def test_bylines_in_every_language(line, authors):
    from newsconv.reading.meta import byline_authors

    assert byline_authors(line) == authors
