"""The employer's invitation to apply: one optional message."""

from django import forms

from employers.record_questions import refuse_record_question

MAX_MESSAGE = 1000


class InviteForm(forms.Form):
    message = forms.CharField(
        label="A short message (optional)",
        help_text="Say why you think the job suits them. Don't ask about records.",
        required=False,
        max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[refuse_record_question],
        error_messages={
            "max_length": f"Keep the message to {MAX_MESSAGE} characters or fewer.",
        },
    )
