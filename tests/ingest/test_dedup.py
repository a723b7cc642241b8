from flashpoint.ingest.dedup import NearDuplicateIndex, signature

BASE = (
    "Officials from both countries met in the capital on Monday and agreed to open a naval "
    "hotline, the foreign ministry said in a statement, adding that further talks would be "
    "held next month to settle the fishing dispute around the reef and the islands nearby."
)
REWRITE = "GENEVA (Wire) - " + BASE.replace("Monday", "Monday afternoon") + " Markets were calm."
OTHER = (
    "Protesters gathered outside the embassy on Friday to denounce the detention of a fishing "
    "crew, and police said three people were arrested after scuffles near the gate."
)


def test_rewrite_is_a_near_duplicate_of_the_first_copy() -> None:
    index = NearDuplicateIndex(0.7)
    index.add("base", signature(BASE), None)
    assert index.find(signature(REWRITE)) == "base"
    assert index.find(signature(OTHER)) is None


def test_duplicates_point_at_the_root_of_their_group() -> None:
    index = NearDuplicateIndex(0.7)
    index.add("base", signature(BASE), None)
    index.add("copy", signature(REWRITE), "base")
    assert index.find(signature(REWRITE + " One more line.")) == "base"


def test_index_rebuilds_from_stored_bytes() -> None:
    index = NearDuplicateIndex(0.7)
    index.extend([("base", signature(BASE).tobytes(), None)])
    assert len(index) == 1
    assert index.find(signature(REWRITE)) == "base"
