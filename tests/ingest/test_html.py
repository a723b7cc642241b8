import gzip
from datetime import date
from pathlib import Path

from flashpoint.ingest.html import NO_ARTICLE, fragment_to_text

PARAGRAPHS = [
    "Thousands of protesters marched on the parliament building in the capital of Velmora on "
    "Monday, demanding the resignation of the interior minister after a disputed vote.",
    "Police used tear gas to disperse the crowd near the main square, according to witnesses "
    "who spoke to reporters at the scene later that afternoon.",
    "The opposition leader, Mara Quell, said the demonstrations would continue until the "
    "government agreed to hold a fresh election within six months.",
]

BOILERPLATE = [
    "We use cookies",
    "Accept all cookies",
    "Home",
    "Sport",
    "Weather",
    "Read more",
    "Related stories",
    "Minister denies vote fraud claims",
    "Opposition calls for general strike",
    "Sign up for our newsletter",
    "Share on social media",
    "Copyright 2024",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Protesters march on parliament in Velmora | The Daily Lantern</title>
<meta property="og:site_name" content="The Daily Lantern">
<meta property="og:title" content="Protesters march on parliament in Velmora">
<meta property="article:published_time" content="2024-05-06T08:30:00Z">
<link rel="canonical" href="https://lantern.example/world/velmora-protest">
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
  <button>Accept all cookies</button></div>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article>
<h1>Protesters march on parliament in Velmora</h1>
<div class="share"><a href="#">Share on social media</a></div>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1]}</p>
<p>{PARAGRAPHS[2]}</p>
<p><a href="/world/velmora-more">Read more</a></p>
</article>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Minister denies vote fraud claims in the capital</a></li>
<li><a href="/b">Opposition calls for general strike next week</a></li></ul></aside>
<div class="newsletter"><p>Sign up for our newsletter</p></div>
</main>
<footer><p>Copyright 2024 The Daily Lantern. All rights reserved.</p></footer>
</body></html>
"""


def test_article_text_and_metadata(tmp_path: Path, read) -> None:
    path = tmp_path / "velmora.html"
    path.write_text(PAGE, encoding="utf-8")
    result = read(path)
    assert not result.errors and not result.warnings
    (article,) = result.articles
    assert article.text == "\n\n".join(PARAGRAPHS)
    assert article.title == "Protesters march on parliament in Velmora"
    assert article.published == date(2024, 5, 6)
    assert article.outlet == "The Daily Lantern"
    assert article.url == "https://lantern.example/world/velmora-protest"
    assert article.lang == "en"
    assert article.source_path == str(path)


def test_boilerplate_does_not_reach_the_text(tmp_path: Path, read) -> None:
    path = tmp_path / "velmora.htm"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = read(path).articles
    for phrase in BOILERPLATE:
        assert phrase not in article.text, phrase


def test_page_without_an_article(tmp_path: Path, read) -> None:
    path = tmp_path / "index.html"
    path.write_text(
        "<html><head><title>Lantern</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/world'>World</a></nav><footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    result = read(path)
    assert not result.articles
    assert [(e.source_path, e.reason) for e in result.errors] == [(str(path), NO_ARTICLE)]


def test_declared_charset_is_used_without_a_warning(tmp_path: Path, read) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "Mara Quell", "Mara Quéllé"
    )
    path = tmp_path / "latin.html"
    path.write_bytes(page.encode("cp1252"))
    result = read(path)
    assert not result.warnings
    assert "Mara Quéllé" in result.articles[0].text


def test_undeclared_non_utf8_page_warns(tmp_path: Path, read) -> None:
    page = PAGE.replace('<meta charset="utf-8">', "").replace("Mara Quell", "Mara Quéllé")
    path = tmp_path / "latin.html"
    path.write_bytes(page.encode("cp1252"))
    result = read(path)
    assert [w.reason for w in result.warnings] == ["not valid UTF-8; decoded as cp1252"]
    assert "Mara Quéllé" in result.articles[0].text


def test_gzipped_html(tmp_path: Path, read) -> None:
    path = tmp_path / "velmora.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode()))
    (article,) = read(path).articles
    assert article.text == "\n\n".join(PARAGRAPHS)


def test_binary_junk_named_html(tmp_path: Path, read) -> None:
    path = tmp_path / "junk.html"
    path.write_bytes(bytes(range(256)) * 4)
    assert [e.reason for e in read(path).errors] == ["binary or undecodable content"]


def test_fragment_to_text_keeps_paragraphs_and_drops_feed_boilerplate() -> None:
    fragment = (
        "<p>Troops crossed the border at dawn, officials said.</p>"
        "<p>The ministry denied it. <a href='/x'>Read more &raquo;</a></p>"
        "<ul><li>First point</li><li>Second point</li></ul>"
        "<script>track()</script>"
        "<p>The post <a href='/y'>Troops cross</a> appeared first on The Lantern.</p>"
    )
    assert fragment_to_text(fragment) == (
        "Troops crossed the border at dawn, officials said.\n\n"
        "The ministry denied it.\n\nFirst point\n\nSecond point"
    )


def test_fragment_to_text_keeps_links_that_are_prose() -> None:
    fragment = "<p>The <a href='/un'>United Nations</a> urged <b>restraint</b>.</p>"
    assert fragment_to_text(fragment) == "The United Nations urged restraint."
