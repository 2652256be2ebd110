"""Parts of the Wagtail admin that only people with one permission may use."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.menu import MenuItem


class PermissionMenuItem(MenuItem):
    """A menu item shown only to people with one permission."""

    def __init__(self, *args, permission: str, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class PermissionRequiredMixin:
    """An admin view for people with `permission` only (403 for other editors)."""

    permission: str

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
