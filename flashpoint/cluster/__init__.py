"""Story clusters: the same real-world event reported by many articles becomes one cluster.

``update_clusters(store)`` runs after ingestion (incremental and idempotent); ``clusters``
and ``cluster_articles`` read them back; ``evaluate`` scores them against a gold grouping.
"""

from flashpoint.cluster.matching import ClusterConfig
from flashpoint.cluster.queries import ClusterFilter, cluster_articles, clusters
from flashpoint.cluster.update import ClusterSummary, update_clusters

__all__ = [
    "ClusterConfig",
    "ClusterFilter",
    "ClusterSummary",
    "cluster_articles",
    "clusters",
    "update_clusters",
]
