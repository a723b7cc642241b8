from flashpoint.ingest.lang import guess_lang


def test_english_prose_is_english() -> None:
    text = (
        "The ministry said on Monday that the troops would return to their bases after the drills."
    )
    assert guess_lang(text * 2) == "en"


def test_other_languages_are_not_english() -> None:
    german = "Die Regierung hat am Montag neue Sanktionen gegen das Nachbarland beschlossen, " * 3
    russian = "Министерство обороны заявило во вторник, что войска возвращаются на базы. " * 3
    assert guess_lang(german) == "und"
    assert guess_lang(russian) == "und"


def test_short_text_is_undecided() -> None:
    assert guess_lang("Talks in Geneva.") is None
