"""Page factories for the CMS tests: each builds a complete page under a parent.

home = load_home_page()
index = CredentialIndexPageFactory(parent=home)
CredentialPageFactory(parent=index, credential=credential("cpors"))
"""

from datetime import timedelta

import factory
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection
from wagtail.test.utils.wagtail_factories import PageFactory

from cms.models import (
    CareerPathIndexPage,
    CareerPathPage,
    CredentialIndexPage,
    CredentialPage,
    EmployerDirectoryPage,
    GuideIndexPage,
    GuidePage,
)
from jobs.models import Category


class CredentialIndexPageFactory(PageFactory):
    class Meta:
        model = CredentialIndexPage

    title = "Credentials"
    intro = "Credentials for reentry work, and the jobs that ask for them."


class CredentialPageFactory(PageFactory):
    """A page about one credential (pass `credential`, such as credential("cpors"))."""

    class Meta:
        model = CredentialPage

    title = factory.LazyAttribute(lambda page: page.credential.name)
    slug = factory.LazyAttribute(lambda page: page.credential.slug)
    intro = "A credential for people who help others after prison."
    covers = "<p>Reentry plans and case management.</p>"
    suits = "<p>People who work with people leaving prison.</p>"
    duration = "Several weeks to several months"
    study_format = "Online study and workshops"
    learning_outcomes = "<ul><li>Write a reentry plan</li></ul>"
    roles = "<p>Probation services and charities.</p>"


class CareerPathIndexPageFactory(PageFactory):
    class Meta:
        model = CareerPathIndexPage

    title = "Careers"
    intro = "Jobs helping people after prison."


class CareerPathPageFactory(PageFactory):
    class Meta:
        model = CareerPathPage

    title = "Probation officer"
    category = Category.PROBATION
    intro = "Probation officers supervise people on probation or parole."
    the_work = "<p>You look after a caseload.</p>"
    duties = "<ul><li>Write supervision plans</li></ul>"


class EmployerDirectoryPageFactory(PageFactory):
    class Meta:
        model = EmployerDirectoryPage

    title = "Fair-chance employers"
    slug = "employers"
    intro = "Employers an editor has checked."


class GuideIndexPageFactory(PageFactory):
    class Meta:
        model = GuideIndexPage

    title = "Guides"
    intro = "Short guides about records and work."


class GuidePageFactory(PageFactory):
    """A guide reviewed today."""

    class Meta:
        model = GuidePage

    title = "Spent convictions"
    audience = "job-seekers"
    intro = "When you do not have to mention a conviction."
    body = factory.LazyFunction(
        lambda: [{"type": "text", "value": "<p>Most convictions become spent.</p>"}]
    )
    last_reviewed = factory.LazyFunction(timezone.localdate)


class ReviewDueGuidePageFactory(GuidePageFactory):
    """A guide nobody has checked for over a year."""

    title = "Old guide"
    last_reviewed = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=400))


class ImageFactory(factory.django.DjangoModelFactory):
    """A small PNG in the root collection (use with the `media_root` fixture)."""

    class Meta:
        model = get_image_model()

    title = "People at work"
    description = "Two people talking at a desk"
    file = factory.LazyFunction(get_test_image_file)
    collection = factory.LazyFunction(Collection.get_first_root_node)
