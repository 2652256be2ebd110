"""Accounts: the user model (email as the login), sign-up and sign-in on
django-allauth, the account dashboard and header links that apps register into,
and the personal-data export and deletion every app registers its data with.
Shared infrastructure: imports no app."""
