"""A signed-in person's own API tokens: make one (shown once), see them, revoke them.

A token reads the person's account and matches for as long as it lives, after
they sign out too, so the page asks for the password again first (allauth's
reauthentication), as the data download does: on a shared computer left signed
in, nobody can take away a lasting key. Revoking needs only the session.
"""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_POST

from .forms import TokenForm
from .keys import personal_token_create, personal_token_revoke, tokens_of


@login_required
@reauthentication_required
def token_list(request):
    form = TokenForm(request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        issued = personal_token_create(user=request.user, name=form.cleaned_data["name"])
        form = TokenForm()
    # The new token is in this response only, which no cache may keep.
    response = render(
        request,
        "api/tokens.html",
        {"form": form, "tokens": tokens_of(request.user), "issued": issued},
    )
    add_never_cache_headers(response)
    return response


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(tokens_of(request.user), pk=pk)
    personal_token_revoke(token=token)
    messages.success(request, f"The token “{token.name}” no longer works.")
    return redirect("tokens:list")
