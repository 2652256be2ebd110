"""Billing in the Wagtail admin: products, free credits, and saying when payments are off."""

import pytest

from employers.billing.models import CreditEntry, Product
from tests.factories import EditorFactory, EmployerFactory, OwnerFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    employer = EmployerFactory(slug="acme")
    return {"employer": employer, "owner": OwnerFactory(employer=employer).user}


def test_editors_set_up_products_with_clear_errors(client):
    client.force_login(EditorFactory())

    response = client.post(
        "/admin/snippets/billing/product/add/",
        {"name": "Pack", "kind": "credits", "price": "0.10", "currency": "USD", "credits": ""},
    )

    assert response.status_code == 200
    errors = parse(response).get_text(" ")
    assert "Say how many posting credits it gives" in errors
    assert "greater than or equal to 0.50" in errors
    assert not Product.objects.exists()


def test_the_admin_says_when_payments_are_off(client):
    client.force_login(EditorFactory())

    assert "Payments are off" in client.get("/admin/").content.decode()
    assert "Payments are off" in client.get("/admin/snippets/billing/product/").content.decode()


def test_the_admin_is_quiet_about_payments_when_they_are_on(client, stripe_settings):
    client.force_login(EditorFactory())

    assert "Payments are off" not in client.get("/admin/").content.decode()


def test_an_editor_grants_free_credits_with_a_reason(client, world):
    editor = EditorFactory()
    client.force_login(editor)

    response = client.post(
        "/admin/billing/grants/",
        {"employer": world["employer"].pk, "credits": 3, "reason": "Reentry agency"},
        follow=True,
    )

    assert "3 free posting credits given" in response.content.decode()
    entry = CreditEntry.objects.get()
    assert (entry.change, entry.reason, entry.by) == (3, "Reentry agency", editor)


def test_a_grant_without_a_reason_is_refused(client, world):
    client.force_login(EditorFactory())

    response = client.post(
        "/admin/billing/grants/", {"employer": world["employer"].pk, "credits": 3, "reason": ""}
    )

    assert "Say why" in response.content.decode()
    assert not CreditEntry.objects.exists()


def test_people_without_the_permission_cannot_grant(client, world):
    client.force_login(world["owner"])

    response = client.post(
        "/admin/billing/grants/", {"employer": world["employer"].pk, "credits": 3, "reason": "x"}
    )

    assert response.status_code in {302, 403}
    assert not CreditEntry.objects.exists()
