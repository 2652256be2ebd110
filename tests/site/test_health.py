import pytest

pytestmark = pytest.mark.django_db


def test_healthz_is_green_when_database_and_elasticsearch_answer(client, es):
    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["down"] == []
    assert body["checks"]["database"]["up"] is True
    assert body["checks"]["elasticsearch"]["up"] is True
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_answers_503_naming_elasticsearch_when_it_is_down(client):
    # The test settings point at a port where nothing listens.
    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["down"] == ["elasticsearch"]
    assert body["checks"]["database"]["up"] is True


def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405
