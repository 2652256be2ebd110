from django.urls import path

from .aggregator_feed_view import job_feed
from .feeds import CareerPathFeed, CredentialFeed, EmployerFeed, SearchFeed, as_rss

app_name = "feeds"

# The job feed for aggregators (jobs.aggregator_feed): every visible posting,
# built by the worker (jobs.aggregator_feed_builds).
urlpatterns = [path("feeds/jobs.xml", job_feed, name="jobs-xml")]
for name, route, feed in [
    ("jobs", "jobs", SearchFeed),
    ("employer", "employers/<slug:slug>", EmployerFeed),
    ("credential", "credentials/<slug:slug>", CredentialFeed),
    ("career-path", "career-paths/<slug:category>", CareerPathFeed),
]:
    urlpatterns += [
        path(f"feeds/{route}.atom", feed(), name=f"{name}-atom"),
        path(f"feeds/{route}.rss", as_rss(feed)(), name=f"{name}-rss"),
    ]
