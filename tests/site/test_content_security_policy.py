"""The Content-Security-Policy header, the admin's initialiser-script allowance and the
violation report endpoint (the browser side: tests/browser/test_content_security_policy.py)."""

import json
import logging
from datetime import UTC, datetime

import pytest
import time_machine

from fairsite.admin_scripts import is_wagtail_initialiser, script_hash
from fairsite.csp_reports import REPORTS_PER_MINUTE
from fairsite.settings.csp import public_media_origins
from fairsite.settings.storage import storages_from
from tests.factories import EditorFactory

REPORT = {
    "csp-report": {
        "document-uri": "https://jobs.example.org/jobs/?q=arson&where=Leeds",
        "referrer": "https://jobs.example.org/?email=someone@example.org",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "original-policy": "default-src 'self'",
        "blocked-uri": "https://evil.example.net/steal.js?who=someone@example.org",
        "source-file": "https://jobs.example.org/static/site.js?v=1",
        "line-number": 12,
        "script-sample": "alert('someone@example.org')",
        "status-code": 200,
    }
}


@pytest.mark.django_db
def test_every_html_page_sends_a_policy_that_runs_no_inline_script(client, home_page):
    response = client.get("/")

    policy = response["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split("; ")}
    # 'self', and a nonce on pages whose templates use one.
    assert directives["script-src"][0] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["report-uri"] == ["/csp-report/"]


@pytest.mark.django_db
def test_pages_with_their_own_policy_keep_it(client, home_page):
    response = client.get("/widget/jobs/")

    assert "frame-ancestors *" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "script",
    [
        'initDateChooser("id_latest_revision_created_at_0", {"format": "Y-m-d"});',
        'new ImageChooser("id_social_image", {"modalUrl": "/admin/images/chooser/"});',
        'createTaskChooser("id_task");',
        '\n(function() {\n  var panel = new InlinePanel(JSON.parse("{\\u0022formsetPrefix\\u0022:'
        ' \\u0022id_links\\u0022}"));\n})();\n',
    ],
)
def test_wagtails_initialiser_scripts_are_recognised(script):
    assert is_wagtail_initialiser(script)


@pytest.mark.parametrize(
    "script",
    [
        "alert(document.cookie)",
        'initDateChooser("x", fetch("https://evil.example.net"));',
        'initDateChooser("x", {}); alert(1);',
        'eval("alert(1)");',
        'new ImageChooser("x", {"a": 1}) + alert(1);',
        '(function() { var panel = new InlinePanel(JSON.parse("x"+alert(1)+"")); })();',
    ],
)
def test_anything_else_is_not(script):
    assert not is_wagtail_initialiser(script)


@pytest.mark.django_db
def test_an_admin_page_allows_exactly_its_initialiser_scripts_by_hash(client, home_page):
    client.force_login(EditorFactory())

    response = client.get("/admin/pages/")

    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    content = response.content.decode()
    assert 'initDateChooser("id_latest_revision_created_at_0"' in content
    start = content.index('initDateChooser("id_latest_revision_created_at_0"')
    script = content[start : content.index("</script>", start)]
    assert script_hash(script) in policy


def post_report(client, body, content_type="application/csp-report", **extra):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post("/csp-report/", data, content_type=content_type, **extra)


@pytest.mark.django_db
def test_a_report_is_logged_without_query_strings_or_samples(client, caplog):
    caplog.set_level(logging.WARNING, logger="fairsite.csp_reports")

    response = post_report(client, REPORT)

    assert response.status_code == 204
    (record,) = [r for r in caplog.records if r.name == "fairsite.csp_reports"]
    logged = json.loads(record.getMessage().removeprefix("CSP violation: "))
    assert logged == {
        "directive": "script-src-elem",
        "page": "/jobs/",
        "blocked": "https://evil.example.net",
        "source": "/static/site.js",
        "line": 12,
    }
    for private in ("arson", "Leeds", "someone@example.org", "steal.js", "alert"):
        assert private not in record.getMessage()


@pytest.mark.django_db
def test_reporting_api_bodies_are_read_too(client, caplog):
    caplog.set_level(logging.WARNING, logger="fairsite.csp_reports")
    body = [
        {
            "type": "csp-violation",
            "body": {
                "documentURL": "https://jobs.example.org/admin/pages/?q=x",
                "effectiveDirective": "img-src",
                "blockedURL": "http://www.gravatar.com/avatar/abc",
            },
        }
    ]

    response = post_report(client, body, content_type="application/reports+json")

    assert response.status_code == 204
    assert '"blocked": "http://www.gravatar.com"' in caplog.text
    assert '"page": "/admin/pages/"' in caplog.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("not json", 400),
        ({"something": "else"}, 400),
        ([1, 2, 3], 400),
        ({"csp-report": "not an object"}, 400),
        ("x" * 20_000, 413),
    ],
)
def test_bad_reports_get_a_clear_4xx_never_a_500(client, body, status):
    response = post_report(client, body)

    assert response.status_code == status
    assert response.json()["error"]


@pytest.mark.django_db
def test_the_report_endpoint_takes_only_posts(client):
    assert client.get("/csp-report/").status_code == 405


@pytest.mark.django_db
def test_reports_are_limited_per_visitor(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    # Reports are counted in windows of a clock minute: the clock stands still
    # here, or a run that crosses into the next minute starts counting again.
    with time_machine.travel(datetime(2026, 3, 2, 12, 0, 10, tzinfo=UTC), tick=False):
        statuses = [post_report(client, REPORT).status_code for _ in range(REPORTS_PER_MINUTE + 1)]
        other = post_report(client, REPORT, REMOTE_ADDR="198.51.100.77").status_code

    assert statuses == [204] * REPORTS_PER_MINUTE + [429]
    assert other == 204


@pytest.mark.parametrize(
    ("values", "origins"),
    [
        ({}, []),
        (
            {"S3_ENDPOINT_URL": "http://127.0.0.1:9000"},
            ["http://127.0.0.1:9000"],
        ),
        (
            {"S3_ENDPOINT_URL": "https://store.example.net", "S3_ADDRESSING_STYLE": "virtual"},
            ["https://media.store.example.net"],
        ),
        ({"S3_MEDIA_URL": "https://cdn.example.org/media"}, ["https://cdn.example.org"]),
        ({"S3_REGION": "eu-west-2"}, ["https://*.amazonaws.com"]),
    ],
)
def test_images_from_the_public_media_store_are_allowed(values, origins):
    buckets = {"S3_MEDIA_BUCKET": "media", "S3_PRIVATE_BUCKET": "private"} if values else {}

    found = public_media_origins(storages_from({**buckets, **values}))

    assert found == origins
