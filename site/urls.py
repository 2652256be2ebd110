from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from fairsite.accounts.views import LoginView
from fairsite.csp_reports import csp_report
from fairsite.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path(settings.CSP_REPORT_PATH.strip("/") + "/", csp_report, name="csp_report"),
    # Everyone signs in through one view (allauth's, answering 429 when limited),
    # so the Wagtail admin gets the same rate limits, verification and MFA.
    path("accounts/login/", LoginView.as_view()),
    path("admin/login/", LoginView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("", include("fairsite.api.urls")),
    path("", include("fairsite.api.account_urls")),
    path("", include("fairsite.accounts.urls")),
    path("", include("employers.urls")),
    path("", include("employers.billing.urls")),
    path("", include("jobs.urls")),
    path("", include("jobs.feed_urls")),
    path("", include("candidates.alerts.urls")),
    path("", include("cms.urls")),
    path("", include("candidates.urls")),
    path("", include("partners.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other path from the page tree, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]
