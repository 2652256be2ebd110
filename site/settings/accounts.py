"""Accounts: django-allauth (email login, verification, rate limits, MFA)."""

from urllib.parse import urlsplit

from .env import env_str

ACCOUNT_ADAPTER = "fairsite.accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
# One password box (with a "show password" button) is easier than two for
# people new to online forms; the reset flow covers a mistyped one.
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_FORMS = {
    "signup": "fairsite.accounts.forms.SignupForm",
    "login": "fairsite.accounts.forms.LoginForm",
}
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Signing up with an address that already has an account looks exactly like a
# new sign-up; the owner of the address gets an email saying so.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Fair Chance Jobs] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = urlsplit(env_str("SITE_URL", "http://127.0.0.1:8000")).scheme
ACCOUNT_RATE_LIMITS = {
    # Five wrong passwords for one account in five minutes, then HTTP 429.
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Fair Chance Jobs"
