"""Every login surface (token, staff page, admin) authenticates through one throttled backend.

:class:`ThrottledModelBackend` counts each attempt before the password is checked
(config/throttling.py); past the limit it refuses without checking it and marks the request,
so each surface can say why: the token endpoint answers ``429``, the staff page ``429`` with a
message, the admin page its form error (docs/security.md#logins).
"""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import views as auth_views
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from config.throttling import login_attempt

TOO_MANY = _("Too many login attempts. Try again later.")
THROTTLED = "login_throttled"  # the request attribute the backend sets when it refused


def login_throttled(request) -> bool:
    return getattr(request, THROTTLED, False)


class ThrottledModelBackend(ModelBackend):
    """Django's user-and-password check, behind the login counter."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:  # no client to count: a management command or a test calling it directly
            return super().authenticate(request, username, password, **kwargs)
        attempt = login_attempt(request=request, username=username or "")
        if not attempt.allowed:
            attempt.give_back()
            setattr(request, THROTTLED, True)
            raise PermissionDenied  # authenticate() stops here: no other backend, no password check
        user = super().authenticate(request, username, password, **kwargs)
        if user is not None:
            attempt.give_back()
        return user


class ThrottledFormMixin:
    """The login form says "too many attempts" instead of "wrong password" when that is why."""

    def get_invalid_login_error(self):
        if login_throttled(self.request):
            return ValidationError(TOO_MANY, code="throttled")
        return super().get_invalid_login_error()


class LoginForm(ThrottledFormMixin, AuthenticationForm):
    pass


class AdminLoginForm(ThrottledFormMixin, AdminAuthenticationForm):
    pass


class ThrottledLoginView(auth_views.LoginView):
    form_class = LoginForm

    def form_invalid(self, form):
        throttled = form.has_error(NON_FIELD_ERRORS, "throttled")
        context = self.get_context_data(form=form, throttled=TOO_MANY if throttled else None)
        return self.render_to_response(context, status=429 if throttled else 200)
