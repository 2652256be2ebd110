"""The search engine in the tests is a real Elasticsearch server, reached through
the project's own client."""

from fairsite.devtools.elasticsearch import VERSION
from fairsite.search.client import get_client, index_name


def test_fixture_server_reports_the_pinned_version(es):
    nodes = es.nodes.info()["nodes"]
    assert [node["version"] for node in nodes.values()] == [VERSION]


def test_document_indexed_through_project_client_is_found_by_search(es):
    client = get_client()
    name = index_name("smoke")
    client.indices.create(index=name, mappings={"properties": {"title": {"type": "text"}}})
    client.index(index=name, id="1", document={"title": "Reentry case manager"})
    client.index(index=name, id="2", document={"title": "Warehouse operative"})
    client.indices.refresh(index=name)

    hits = client.search(index=name, query={"match": {"title": "warehouse"}})["hits"]["hits"]

    assert [hit["_id"] for hit in hits] == ["2"]


def test_each_test_gets_its_own_index_prefix(es, settings):
    assert settings.ELASTICSEARCH_INDEX_PREFIX.startswith("test-")
    assert index_name("postings") == f"{settings.ELASTICSEARCH_INDEX_PREFIX}-postings"
