from wagtail.models import Page


def child_page(parent: Page, model: type[Page], slug: str, **fields) -> Page:
    """The child of `parent` with this slug, created and published if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = parent.add_child(instance=model(slug=slug, **fields))
    page.save_revision().publish()
    return page
