"""Each page type through Wagtail's own test helpers: where it may be created,
what an editor must fill in, and that it renders and previews."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from cms.demo import load_home_page
from cms.models import (
    CareerPathIndexPage,
    CareerPathPage,
    CredentialIndexPage,
    CredentialPage,
    EmployerDirectoryPage,
    GuideIndexPage,
    GuidePage,
    HomePage,
    InsightsPage,
    StandardPage,
)
from tests.factories import EditorFactory, credential

from .factories import (
    CareerPathIndexPageFactory,
    CareerPathPageFactory,
    CredentialIndexPageFactory,
    CredentialPageFactory,
    EmployerDirectoryPageFactory,
    GuideIndexPageFactory,
    GuidePageFactory,
)

INDEX_TYPES = {CredentialIndexPage, CareerPathIndexPage, EmployerDirectoryPage, GuideIndexPage}


class TestWhereEachPageTypeLives(WagtailPageTestCase):
    def test_home_page_is_at_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {*INDEX_TYPES, InsightsPage, StandardPage})

    def test_sections_live_under_the_home_page(self):
        for model in INDEX_TYPES:
            self.assertAllowedParentPageTypes(model, {HomePage})

    def test_each_list_holds_only_its_own_pages(self):
        self.assertAllowedSubpageTypes(CredentialIndexPage, {CredentialPage})
        self.assertAllowedSubpageTypes(CareerPathIndexPage, {CareerPathPage})
        self.assertAllowedSubpageTypes(GuideIndexPage, {GuidePage})
        self.assertAllowedSubpageTypes(EmployerDirectoryPage, set())
        for leaf in (CredentialPage, CareerPathPage, GuidePage):
            self.assertAllowedSubpageTypes(leaf, set())
        self.assertCanNotCreateAt(HomePage, CredentialPage)
        self.assertCanNotCreateAt(CredentialIndexPage, GuidePage)

    def test_there_is_one_home_page_and_one_of_each_section(self):
        home = load_home_page()
        assert not HomePage.can_create_at(Page.get_first_root_node())
        for model in INDEX_TYPES:
            assert model.can_create_at(home), model
            home.add_child(
                instance=model(title=model.__name__, slug=model.__name__.lower(), intro="x")
            )
            assert not model.can_create_at(home), model


def credential_page_data(**fields) -> dict:
    """What the page editor posts for a complete credential page."""
    return nested_form_data(
        {
            "intro": "A credential for reentry work.",
            "covers": rich_text("<p>Reentry plans.</p>"),
            "suits": rich_text("<p>Probation staff.</p>"),
            "duration": "A few months",
            "study_format": "Online",
            "learning_outcomes": rich_text("<ul><li>Plan a release</li></ul>"),
            "roles": rich_text("<p>Probation services.</p>"),
            **fields,
        }
    )


class TestEditorsCreateEachPageType(WagtailPageTestCase):
    """Through the real page editor's form, publishing each time."""

    @classmethod
    def setUpTestData(cls):
        cls.home = load_home_page()
        cls.editor = EditorFactory()

    def setUp(self):
        self.client.force_login(self.editor)

    def test_home_page_with_three_kinds_of_block(self):
        Page.objects.filter(pk=self.home.pk).delete()
        root = Page.get_first_root_node()
        body = streamfield(
            [
                ("hero", {"heading": "Fair-chance jobs near you", "show_search": "on"}),
                ("latest_roles", {"heading": "Latest jobs", "how_many": "5"}),
                ("text", rich_text("<p>Every employer says when they check records.</p>")),
            ]
        )
        data = nested_form_data({"title": "Home", "slug": "home", "body": body})
        self.assertCanCreate(root, HomePage, data)
        home = HomePage.objects.get()
        assert [b.block_type for b in home.body] == ["hero", "latest_roles", "text"]

    def test_credential_pages_in_the_credentials_list(self):
        index = CredentialIndexPageFactory(parent=self.home)
        data = credential_page_data(
            title="Certified Professional in Offender Reentry Strategies",
            credential=credential("cpors").pk,
        )
        self.assertCanCreate(index, CredentialPage, data)
        assert credential("cpors").page.title == data["title"]

    def test_career_path_pages_in_the_careers_list(self):
        index = CareerPathIndexPageFactory(parent=self.home)
        data = nested_form_data(
            {
                "title": "Peer support specialist",
                "category": "peer-support",
                "intro": "Mentors with lived experience.",
                "the_work": rich_text("<p>You mentor people.</p>"),
                "duties": rich_text("<ul><li>Run groups</li></ul>"),
            }
        )
        data["helpful_credentials"] = [credential("reentry-mental-health-services").pk]
        self.assertCanCreate(index, CareerPathPage, data)
        page = CareerPathPage.objects.get()
        assert [c.slug for c in page.helpful_credentials.all()] == [
            "reentry-mental-health-services"
        ]

    def test_sections_under_the_home_page(self):
        for model in INDEX_TYPES:
            with self.subTest(model.__name__):
                data = {"title": model._meta.verbose_name.capitalize(), "intro": "Plain words."}
                self.assertCanCreate(self.home, model, data)

    def test_guides_in_the_guides_list(self):
        index = GuideIndexPageFactory(parent=self.home)
        data = nested_form_data(
            {
                "title": "What a basic check shows",
                "audience": "job-seekers",
                "intro": "Only unspent convictions.",
                "body": streamfield([("text", rich_text("<p>A basic check is the lightest.</p>"))]),
                "tags": "Record checks, England and Wales",
                "last_reviewed": timezone.localdate().isoformat(),
            }
        )
        self.assertCanCreate(index, GuidePage, data)
        guide = GuidePage.objects.get()
        assert sorted(guide.tags.names()) == ["England and Wales", "Record checks"]

    def test_a_guide_needs_a_last_reviewed_date_that_is_not_in_the_future(self):
        index = GuideIndexPageFactory(parent=self.home)
        url = reverse("wagtailadmin_pages:add", args=["cms", "guidepage", index.pk])
        tomorrow = timezone.localdate() + timedelta(days=1)
        for last_reviewed, message in [
            ("", "This field is required."),
            (tomorrow.isoformat(), "The date can't be in the future."),
        ]:
            data = nested_form_data(
                {
                    "title": "A guide",
                    "slug": "a-guide",
                    "audience": "employers",
                    "intro": "x",
                    "body": streamfield([("text", rich_text("<p>x</p>"))]),
                    "last_reviewed": last_reviewed,
                    "action-publish": "action-publish",
                }
            )
            response = self.client.post(url, data)
            assert response.status_code == 200
            assert response.context["form"].errors["last_reviewed"] == [message]
        assert not GuidePage.objects.exists()

    def test_a_credential_has_at_most_one_page(self):
        index = CredentialIndexPageFactory(parent=self.home)
        CredentialPageFactory(parent=index, credential=credential("cpors"))
        data = credential_page_data(
            title="CPORS again", slug="cpors-again", credential=credential("cpors").pk
        )
        url = reverse("wagtailadmin_pages:add", args=["cms", "credentialpage", index.pk])
        response = self.client.post(url, data)
        assert response.status_code == 200
        assert response.context["form"].errors["credential"] == [
            "Another page is already about this credential."
        ]

    def test_a_copied_credential_page_waits_for_its_own_credential(self):
        index = CredentialIndexPageFactory(parent=self.home)
        original = CredentialPageFactory(parent=index, credential=credential("cpors"))

        copy = original.copy(update_attrs={"slug": "cpors-copy", "title": "Copy"})

        assert copy.specific.credential is None
        assert credential("cpors").page == original
        self.assertPageIsRenderable(copy.specific)


HOME_BODY = [
    ("hero", {"heading": "Fair-chance jobs", "intro": "", "show_search": True}),
    ("latest_roles", {"heading": "Latest jobs", "how_many": 5}),
    ("text", "<p>Employers say when they check records.</p>"),
]
GUIDE_BODY = [("text", "<p>Most convictions become spent.</p>")]


def stream_form_data(blocks) -> dict:
    """What the page editor posts for these blocks (streamfield() with form values)."""

    def form_value(value):
        if isinstance(value, str):
            return rich_text(value)
        return {k: ("on" if v is True else str(v)) for k, v in value.items()}

    return streamfield([(name, form_value(value)) for name, value in blocks])


class TestEveryPageTypeRendersAndPreviews(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = load_home_page()
        cls.home.body = HOME_BODY
        cls.home.save()
        credentials = CredentialIndexPageFactory(parent=cls.home)
        careers = CareerPathIndexPageFactory(parent=cls.home)
        guides = GuideIndexPageFactory(parent=cls.home)
        path = CareerPathPageFactory(parent=careers)
        path.helpful_credentials.set([credential("cpors")])
        path.save()
        cls.pages = [
            cls.home,
            credentials,
            CredentialPageFactory(parent=credentials, credential=credential("cpors")),
            careers,
            path,
            EmployerDirectoryPageFactory(parent=cls.home),
            guides,
            GuidePageFactory(parent=guides, body=GUIDE_BODY),
        ]
        cls.streams = {cls.pages[0].pk: HOME_BODY, cls.pages[-1].pk: GUIDE_BODY}

    def form_data(self, page):
        """The page editor's own form data; StreamFields (built by JavaScript) added."""
        if page.pk not in self.streams:
            return None
        self.client.force_login(EditorFactory())
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        data = querydict_from_html(edit.content.decode(), form_id="page-edit-form")
        for key, value in nested_form_data(
            {"body": stream_form_data(self.streams[page.pk])}
        ).items():
            data[key] = value
        return data

    def test_renders(self):
        for page in self.pages:
            with self.subTest(type(page).__name__):
                self.assertPageIsRenderable(page)

    def test_previews(self):
        for page in self.pages:
            with self.subTest(type(page).__name__):
                self.assertPageIsPreviewable(page, post_data=self.form_data(page))

    def test_editor_opens_and_saves(self):
        for page in self.pages:
            with self.subTest(type(page).__name__):
                self.assertPageIsEditable(page, post_data=self.form_data(page))

    def test_a_guide_shows_when_it_was_last_reviewed(self):
        guide = self.pages[-1]
        response = self.client.get(guide.url)
        self.assertContains(response, f"Last reviewed {guide.last_reviewed:%-d %B %Y}")

    def test_reviewed_dates_older_than_a_year_are_due(self):
        guide = self.pages[-1]
        guide.last_reviewed = timezone.localdate() - timedelta(days=366)
        assert guide.is_review_due
        guide.last_reviewed = timezone.localdate() - timedelta(days=300)
        assert not guide.is_review_due
