"""The production web server (gunicorn from the Procfile and deploy/gunicorn.conf.py)
and the worker process: they serve, search works, reloads are graceful, the
access log is structured and never holds a query string, and the job feed the
worker builds is served."""

from __future__ import annotations

import os
import re
import runpy
import signal
from pathlib import Path

from bs4 import BeautifulSoup
from defusedxml import ElementTree

from fairsite.devtools.paths import BASE_DIR
from fairsite.devtools.procfile import commands, procfile_entries
from tests.production.conftest import SITE_URL, wait_for

GUNICORN_CONF = BASE_DIR / "deploy" / "gunicorn.conf.py"


def test_the_procfile_names_a_web_worker_and_release_process():
    entries = procfile_entries()

    assert set(entries) == {"web", "worker", "release"}
    assert commands("web")[0][1:] == [
        "--config",
        "deploy/gunicorn.conf.py",
        "fairsite.wsgi",
    ]
    assert commands("worker")[0][1:] == ["manage.py", "worker"]
    assert [step[1:3] for step in commands("release")] == [
        ["manage.py", "migrate"],
        ["manage.py", "collectstatic"],
        ["manage.py", "search_index"],
    ]


def test_worker_count_follows_the_cores_unless_set(monkeypatch):
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    config = runpy.run_path(str(GUNICORN_CONF))
    assert config["workers"] == 2 * len(os.sched_getaffinity(0)) + 1
    assert config["timeout"] == 30
    assert config["graceful_timeout"] == 30

    monkeypatch.setenv("WEB_CONCURRENCY", "5")
    assert runpy.run_path(str(GUNICORN_CONF))["workers"] == 5


def test_the_production_server_is_healthy_and_boots_the_configured_workers(production_site):
    response = production_site.get("/healthz")

    assert response.status == 200
    assert response.json()["status"] == "ok"
    assert production_site.web.process.poll() is None
    assert len(re.findall(r"Booting worker with pid", production_site.access_log())) >= 2


def test_a_search_finds_demo_postings_the_worker_indexed(production_site):
    # The demo content was saved before the worker started: only its outbox
    # drain can have put the postings into the index.
    def found():
        page = BeautifulSoup(production_site.get("/jobs/?q=forklift").data, "html.parser")
        titles = [
            " ".join(title.get_text().split()) for title in page.select(".posting-card__title")
        ]
        return "Forklift operator" in titles

    wait_for(found, seconds=60)


def test_access_log_is_json_with_the_path_but_never_the_query_string(production_site):
    production_site.get("/jobs/?q=arson+conviction&where=Leeds")

    entry = production_site.access_entry(lambda entry: entry["path"] == "/jobs/")
    assert entry["method"] == "GET"
    assert entry["status"] == 200
    assert isinstance(entry["duration_ms"], int)
    log = production_site.access_log()
    assert "arson" not in log
    assert "Leeds" not in log


def test_reload_replaces_the_workers_without_stopping_the_service(production_site):
    before = production_site.access_log().count("Booting worker")

    os.kill(production_site.web.process.pid, signal.SIGHUP)

    wait_for(lambda: production_site.access_log().count("Booting worker") >= before + 2)
    assert production_site.web.process.poll() is None
    assert production_site.get("/healthz").status == 200


def test_the_sitemap_and_healthz_carry_site_url(production_site):
    # The release step's migrate set the site records from SITE_URL.
    sitemap = production_site.get("/sitemap.xml").data.decode()
    urls = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    health = production_site.get("/healthz").json()

    assert len(urls) > 50  # the demo's pages, postings and employers
    assert all(url.startswith(f"{SITE_URL}/") for url in urls)
    assert health["checks"]["site"] == {"up": True, "detail": SITE_URL}


def test_the_worker_builds_the_job_feed_and_the_web_server_serves_it(production_site):
    # The worker's scheduler builds the feed at its first turn, before anyone asks.
    feeds = Path(production_site.env["VAR_DIR"]) / "media" / "feeds"
    wait_for(lambda: any(feeds.glob("jobs-*.xml")), seconds=60)
    (built,) = feeds.glob("jobs-*.xml")

    response = production_site.get("/feeds/jobs.xml")
    head = production_site.get("/feeds/jobs.xml", method="HEAD")

    assert response.status == 200
    assert response.data == built.read_bytes()
    assert response.headers["Content-Type"] == "application/xml; charset=utf-8"
    assert int(response.headers["Content-Length"]) == built.stat().st_size
    source = ElementTree.fromstring(response.data)
    jobs = source.findall("job")
    assert jobs  # the demo's postings
    assert all(job.findtext("url").startswith(f"{SITE_URL}/jobs/") for job in jobs)
    assert head.status == 200
    assert head.data == b""
    assert head.headers["ETag"] == response.headers["ETag"]
    not_modified = production_site.get(
        "/feeds/jobs.xml", headers={"If-None-Match": response.headers["ETag"]}
    )
    assert not_modified.status == 304
