"""Where each event happened: an offline GeoNames gazetteer and the ``flashpoint_geo``
spaCy component (registered on import), which sets each Event's ``location``.

>>> from flashpoint.geo import gazetteer
>>> [c.place.country for c in gazetteer().lookup("Kiev")]
['UKR']
"""

from flashpoint.geo.component import GeoLocator, doc_places
from flashpoint.geo.gazetteer import Candidate, Gazetteer, Place, gazetteer
from flashpoint.geo.lexicon import GeoLexicon, geo_lexicon

__all__ = [
    "Candidate",
    "Gazetteer",
    "GeoLexicon",
    "GeoLocator",
    "Place",
    "doc_places",
    "gazetteer",
    "geo_lexicon",
]
