from flashpoint.records import make_article_id, normalise_text


def test_article_id_ignores_case_spacing_and_unicode_form() -> None:
    a = make_article_id("Talks  resumed in\nGeneva ﬁnally.")
    b = make_article_id("  talks resumed in Geneva finally. ")
    assert a == b
    assert a != make_article_id("Talks resumed in Vienna finally.")


def test_normalise_text_collapses_whitespace() -> None:
    assert normalise_text(" A\t\tB \n C ") == "a b c"
