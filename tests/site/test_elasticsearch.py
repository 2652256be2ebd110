"""The search engine in the tests is a real Elasticsearch server, reached through
the project's own client."""

import os
from pathlib import Path

import pytest

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


@pytest.mark.skipif(
    bool(os.environ.get("TEST_ELASTICSEARCH_URL")), reason="a server the tests did not start"
)
def test_the_server_keeps_its_temporary_files_in_its_own_folder(es):
    # Its data folder, removed with it, holds them: by default each start left
    # two folders in /tmp (the server's and its launcher's), hundreds a day.
    [node] = es.nodes.info(metric="jvm")["nodes"].values()
    folders = [
        argument.partition("=")[2]
        for argument in node["jvm"]["input_arguments"]
        if argument.startswith("-Djava.io.tmpdir=")
    ]
    assert folders
    # The session's server (tests/conftest.py): <its data root>/tmp.
    assert {Path(folder).parent.name[:19] for folder in folders} == {"fairchance-es-test-"}
    assert {Path(folder).name for folder in folders} == {"tmp"}
