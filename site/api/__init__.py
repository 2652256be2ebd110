"""The open-data JSON API at /api/v1/, partner API keys and personal API tokens."""
