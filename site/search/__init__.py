"""Shared Elasticsearch infrastructure: the client, the text function, versioned
indices behind aliases (registry, ensure, rebuild, check, status) and versioned
writes. Each app owns its own index (mapping, documents, queries) in its search.py.
"""
