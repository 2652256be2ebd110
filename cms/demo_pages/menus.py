"""The main menu and the footer, pointing at the demo pages."""

from cms.menus import forget_menus
from cms.models import (
    CareerPathIndexPage,
    CredentialIndexPage,
    EmployerDirectoryPage,
    GuideIndexPage,
    HomePage,
    Menu,
    MenuLink,
    MenuLocation,
)


def load_menus(home: HomePage) -> None:
    def under_home(model):
        return model.objects.child_of(home).first()

    if not Menu.objects.filter(location=MenuLocation.MAIN).exists():
        menu = Menu.objects.create(location=MenuLocation.MAIN)
        MenuLink.objects.bulk_create(
            [
                MenuLink(menu=menu, sort_order=0, text="Find a job", url="/jobs/"),
                MenuLink(
                    menu=menu,
                    sort_order=1,
                    text="Employers",
                    page=under_home(EmployerDirectoryPage),
                ),
                MenuLink(
                    menu=menu,
                    sort_order=2,
                    text="Credentials",
                    page=under_home(CredentialIndexPage),
                ),
                MenuLink(
                    menu=menu, sort_order=3, text="Careers", page=under_home(CareerPathIndexPage)
                ),
                MenuLink(menu=menu, sort_order=4, text="Guides", page=under_home(GuideIndexPage)),
            ]
        )
    if not Menu.objects.filter(location=MenuLocation.FOOTER).exists():
        menu = Menu.objects.create(
            location=MenuLocation.FOOTER,
            footer_text=(
                "Fair Chance Jobs: fair-chance jobs, and the people who open doors. "
                "Our guides give general information, not legal advice."
            ),
        )
        MenuLink.objects.bulk_create(
            [
                MenuLink(menu=menu, sort_order=0, text="Guides", page=under_home(GuideIndexPage)),
                MenuLink(menu=menu, sort_order=1, text="For employers", url="/hire/"),
                MenuLink(menu=menu, sort_order=2, text="The job market", url="/market/"),
                MenuLink(menu=menu, sort_order=3, text="About this site", url="/about/"),
                MenuLink(menu=menu, sort_order=4, text="Search this site", url="/search/"),
            ]
        )
    # bulk_create sends no signal: the menus kept in the cache would miss the links.
    forget_menus()
