"""REST API and dashboard: ``create_app(db_path, token)`` and ``flashpoint serve``."""

from flashpoint.api.app import create_app

__all__ = ["create_app"]
