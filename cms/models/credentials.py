from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from candidates.credential_gap import credential_gap_for
from candidates.selectors import profile_for
from cms import selectors
from cms.forms import CredentialPageForm, CredentialPlaceForm
from jobs.models import Credential
from jobs.search.visitor_places import visitor_country

from .base import LIST_FEATURES, PAGE_TEXT_FEATURES, SectionPage, SitePage


class CredentialIndexPage(SectionPage):
    subpage_types = ["cms.CredentialPage"]

    class Meta:
        verbose_name = "credentials list"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = list(
            CredentialPage.objects.child_of(self).live().public().select_related("credential")
        )
        counts = selectors.open_roles_for_credentials(p.credential for p in pages if p.credential)
        context["credential_pages"] = [(p, counts.get(p.credential_id, 0)) for p in pages]
        return context


class CredentialPage(SitePage):
    credential = models.OneToOneField(
        Credential,
        # Empty only on a copy, until an editor picks its credential (the form requires one).
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="page",
        help_text="The credential this page is about. Its open jobs are listed live.",
        error_messages={"unique": "Another page is already about this credential."},
    )
    intro = models.TextField(
        max_length=400, help_text="What the credential is, in one or two plain sentences."
    )
    covers = RichTextField(features=PAGE_TEXT_FEATURES, help_text="What the course covers.")
    suits = RichTextField(
        features=PAGE_TEXT_FEATURES, help_text="Who it suits, and what it can lead to."
    )
    duration = models.CharField(
        "typical length", max_length=120, help_text="For example: a few months to a year."
    )
    study_format = models.CharField(
        "how people study",
        max_length=200,
        help_text="For example: online modules, workshops and a supervised placement.",
    )
    learning_outcomes = RichTextField(
        "what you will be able to do",
        features=LIST_FEATURES,
        help_text="A short bulleted list. Start each point with a verb.",
    )
    roles = RichTextField(
        "roles that ask for it",
        features=LIST_FEATURES,
        help_text="The kinds of job and employer that ask for it.",
    )

    content_panels = [
        *SitePage.content_panels,
        FieldPanel("credential"),
        FieldPanel("intro"),
        FieldPanel("covers"),
        FieldPanel("suits"),
        MultiFieldPanel(
            [FieldPanel("duration"), FieldPanel("study_format")],
            heading="Length and format",
            help_text="These vary by provider: give the usual range.",
        ),
        FieldPanel("learning_outcomes"),
        FieldPanel("roles"),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("covers"),
        index.SearchField("roles"),
    ]

    parent_page_types = ["cms.CredentialIndexPage"]
    subpage_types = []
    # A copy must not claim the same credential; the editor picks another.
    exclude_fields_in_copy = ["credential"]
    base_form_class = CredentialPageForm

    class Meta:
        verbose_name = "credential page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.credential:
            near, context["place_form"] = _place_from(request)
            context["error_forms"] = [context["place_form"]]
            context["near"] = near
            context["live_roles"] = (
                selectors.postings_asking_for_near(self.credential, near)
                if near is not None
                else selectors.postings_asking_for(self.credential)
            )
            context["career_paths"] = (
                self.credential.career_path_pages.live().public().order_by("title")
            )
            context.update(_own_gap(request.user, self.credential))
        return context


def _place_from(request):
    """The place the roles are sorted from: the one typed in the box, or else the
    signed-in person's home (the box shows it). (None, form) when there is none."""
    form = CredentialPlaceForm(request.GET if "place" in request.GET else None)
    form.fields["place"].prefer_country = visitor_country(request)
    if form.is_bound:
        return (form.cleaned_data["place"] if form.is_valid() else None), form
    profile = profile_for(request.user)
    home = getattr(profile, "home", None) if profile else None
    if home is None:
        return None, form
    form = CredentialPlaceForm(initial={"place": home.label})
    return home, form


def _own_gap(user, credential) -> dict:
    """The signed-in reentry professional's own credential gap, and whether they
    hold this credential."""
    gap = credential_gap_for(user)
    if gap is None:
        return {}
    profile = profile_for(user)
    return {
        "own_gap": gap,
        "holds_it": profile.credentials.filter(pk=credential.pk).exists(),
        "gap_here": next((g for g in gap if g.credential.pk == credential.pk), None),
    }
