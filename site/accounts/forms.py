from allauth.account import forms as allauth_forms
from django import forms

from .models import Purpose, User

PASSWORD_HINT = "Use at least 10 characters. Not a common password, and not only numbers."  # noqa: S105 (help text)


class PurposeField(forms.ChoiceField):
    widget = forms.RadioSelect

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", Purpose.choices)
        kwargs.setdefault("label", "What are you here for?")
        kwargs.setdefault("help_text", "You can change this later in your account settings.")
        kwargs.setdefault(
            "error_messages",
            {
                "required": "Choose what you are here for.",
                "invalid_choice": "Choose one of the options: find a job, hire people, or both.",
            },
        )
        super().__init__(**kwargs)


def _drop_placeholders(form: forms.Form) -> None:
    # A placeholder vanishes as soon as you type and repeats the label; the
    # visible label above each box is enough.
    for field in form.fields.values():
        field.widget.attrs.pop("placeholder", None)


class SignupForm(allauth_forms.SignupForm):
    """allauth's sign-up, plus what the person is here for (it sets their role)."""

    purpose = PurposeField()
    field_order = ["email", "password1", "purpose"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.fields["password1"].help_text = PASSWORD_HINT
        _drop_placeholders(self)

    def custom_signup(self, request, user: User) -> None:
        user.purpose = self.cleaned_data["purpose"]
        user.save(update_fields=["purpose"])


class LoginForm(allauth_forms.LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Email address"
        # allauth puts a "Forgot your password?" link under the box; the page has
        # its own link below the form, and one is enough.
        self.fields["password"].help_text = ""
        if "remember" in self.fields:
            self.fields["remember"].label = "Keep me signed in on this device"
        _drop_placeholders(self)


class AccountSettingsForm(forms.ModelForm):
    purpose = PurposeField()

    class Meta:
        model = User
        fields = ["first_name", "last_name", "purpose"]
