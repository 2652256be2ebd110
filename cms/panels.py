"""Admin panels of our own, used in page editors."""

from wagtail.admin.panels import Panel


class ReviewDuePanel(Panel):
    """A warning at the top of a guide's editor when nobody has checked it for a year."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/admin/review_due_panel.html"

        def is_shown(self):
            return bool(getattr(self.instance, "is_review_due", False))

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["last_reviewed"] = self.instance.last_reviewed
            return context
