"""Search: the Elasticsearch cluster behind the postings, candidates and alerts indices.

Wagtail pages use Wagtail's database search backend (its Elasticsearch backend
needs analysis plugins, such as the stemmer, that the core server lacks).
"""

from .env import env_int, env_str

ELASTICSEARCH = {
    "URL": env_str("ELASTICSEARCH_URL", "http://127.0.0.1:9200"),
    # A secured cluster: an API key, or a username and password, and a CA file.
    "API_KEY": env_str("ELASTICSEARCH_API_KEY"),
    "USERNAME": env_str("ELASTICSEARCH_USERNAME"),
    "PASSWORD": env_str("ELASTICSEARCH_PASSWORD"),
    "CA_CERTS": env_str("ELASTICSEARCH_CA_CERTS"),
    "TIMEOUT": env_int("ELASTICSEARCH_TIMEOUT", 5),
}
# Every index and alias name starts with this, so several sites (or test runs)
# can share one cluster.
ELASTICSEARCH_INDEX_PREFIX = env_str("ELASTICSEARCH_INDEX_PREFIX", "fairchance")
# Every new concrete index gets these (each index may add its own, such as its
# analysis). No replica suits a single-node cluster; a production cluster of
# several nodes sets it from the environment.
ELASTICSEARCH_INDEX_SETTINGS = {
    "number_of_replicas": env_int("ELASTICSEARCH_REPLICAS", 0),
}
# Primary shards of each new concrete index; 0 (the default): one per 500,000
# documents the index is built with, up to 4 (fairsite.search.indices.primary_shards).
ELASTICSEARCH_SHARDS = env_int("ELASTICSEARCH_SHARDS", 0)
