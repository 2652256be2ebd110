"""Shared Elasticsearch infrastructure: the client, index names and health.

Each app owns its own index (mapping, documents, queries) in its search.py.
"""
