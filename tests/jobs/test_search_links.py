"""The search page's links: each is the page's address with some parameters changed."""

from urllib.parse import parse_qsl

from django.http import QueryDict

from jobs.search.links import keeping, url_with


def pairs(url: str) -> list[tuple[str, str]]:
    assert url.startswith("?")
    return parse_qsl(url[1:], keep_blank_values=True)


def test_a_changed_parameter_replaces_every_value_and_the_page_is_dropped():
    params = QueryDict("q=cook%20%26%20porter&category=a&category=b&page=3&hide_remote=on")

    assert pairs(url_with(params, category="c")) == [
        ("q", "cook & porter"),
        ("hide_remote", "on"),
        ("category", "c"),
    ]
    assert pairs(url_with(params, category=None, hide_remote=None)) == [("q", "cook & porter")]
    # The page's own parameters are left as they were.
    assert params.getlist("category") == ["a", "b"]
    assert params["page"] == "3"


def test_words_and_symbols_survive_the_round_trip():
    params = QueryDict("", mutable=True)
    params["q"] = "café + bar/€ ?&="

    assert QueryDict(url_with(params, workplace="remote")[1:])["q"] == "café + bar/€ ?&="


def test_keeping_adds_a_reading_once_and_keeps_the_others():
    params = QueryDict("q=remote%20cook&keep=category&page=2")

    assert pairs(keeping(params, "workplace")) == [
        ("q", "remote cook"),
        ("keep", "category"),
        ("keep", "workplace"),
    ]
    assert pairs(keeping(params, "category")) == [("q", "remote cook"), ("keep", "category")]
    assert pairs(keeping(QueryDict(""), "spelling")) == [("keep", "spelling")]
