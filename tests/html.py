"""Reading the site's HTML in tests, the way a person or a screen reader would."""

from bs4 import BeautifulSoup


def parse(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def assert_form_errors(response, *field_names: str) -> BeautifulSoup:
    """The page re-shows the form with an error summary linking to each named field."""
    assert response.status_code == 200, response.status_code
    page = parse(response)
    assert page.title.get_text().startswith("Error: "), page.title.get_text()
    summary = page.select_one(".error-summary")
    assert summary is not None, "no error summary"
    links = {a["href"].lstrip("#") for a in summary.select("a")}
    for name in field_names:
        field = form_field(page, name)
        assert field is not None, f"no field {name}"
        assert field["id"] in links, f"{name} is not linked from the summary: {links}"
        container = field.find_parent(class_="field")
        assert container is not None
        assert container.select_one(".field-error"), f"no message next to {name}"
    return page


def form_field(page: BeautifulSoup, name: str):
    """The (first) input, select or textarea of a form field."""
    return page.select_one(f"form :is(input, select, textarea)[name={name}]")


def field_error(page: BeautifulSoup, name: str) -> str:
    field = form_field(page, name)
    return field.find_parent(class_="field").select_one(".field-error").get_text(" ", strip=True)
