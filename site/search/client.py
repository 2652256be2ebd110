"""The one Elasticsearch client of the project, built from settings.ELASTICSEARCH,
and how a page asks it: briefly, and told plainly when it does not answer."""

from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.serializer import OrjsonSerializer

# A page waits at most this long for a search before answering without it.
PAGE_TIMEOUT_SECONDS = 3


class SearchUnavailable(Exception):
    """Elasticsearch did not answer; the caller answers another way (the database,
    or a line saying so)."""


@cache
def get_client() -> Elasticsearch:
    """The shared client (thread-safe, pooled); a secured cluster's credentials apply."""
    config = settings.ELASTICSEARCH
    options: dict = {
        "request_timeout": config["TIMEOUT"],
        "retry_on_timeout": True,
        "max_retries": 2,
        # Several times faster than the standard library's json both ways: a
        # rebuild sends 2.4 kB a posting, and every search reads its answer.
        "serializer": OrjsonSerializer(),
    }
    if config["API_KEY"]:
        options["api_key"] = config["API_KEY"]
    elif config["USERNAME"]:
        options["basic_auth"] = (config["USERNAME"], config["PASSWORD"])
    if config["CA_CERTS"]:
        options["ca_certs"] = config["CA_CERTS"]
    return Elasticsearch(config["URL"], **options)


_page_client: tuple = (None, None)


def page_client() -> Elasticsearch:
    """The shared client as a page uses it: one retry, and no more than
    PAGE_TIMEOUT_SECONDS for an answer. Made once per shared client: options()
    builds a whole new client each time."""
    global _page_client
    client = get_client()
    if _page_client[0] is not client:
        _page_client = (
            client,
            client.options(request_timeout=PAGE_TIMEOUT_SECONDS, max_retries=1),
        )
    return _page_client[1]


def answer(search):
    """`search.execute()` (a Search or a MultiSearch); raises SearchUnavailable,
    naming the error, when Elasticsearch can't answer."""
    try:
        return search.execute()
    except (TransportError, ApiError) as error:
        raise SearchUnavailable(type(error).__name__) from error


def index_name(name: str) -> str:
    """The full name of one of our indices or aliases, with the site's prefix."""
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{name}"


@receiver(setting_changed)
def _forget_client(*, setting: str, **kwargs) -> None:
    if setting == "ELASTICSEARCH":
        get_client.cache_clear()
