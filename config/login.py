"""The staff login page, throttled like the token login (config/throttling.py).

Both count against the same key (client address and user name), so guessing a password on
the page and through the API together stays within one rate.
"""

from django.contrib.auth import views as auth_views
from django.utils.translation import gettext_lazy as _

from config.throttling import LoginRateThrottle


class LoginFormThrottle(LoginRateThrottle):
    def username_of(self, request) -> str:
        return str(request.POST.get("username", ""))


TOO_MANY = _("Too many login attempts. Wait a minute and try again.")


class ThrottledLoginView(auth_views.LoginView):
    throttle_scope = "login"

    def post(self, request, *args, **kwargs):
        throttle = LoginFormThrottle()
        if not throttle.allow_request(request, self):
            # The password is not even checked: too many failed tries already.
            context = self.get_context_data(form=self.form_class(request), throttled=TOO_MANY)
            return self.render_to_response(context, status=429)
        response = super().post(request, *args, **kwargs)
        if response.status_code != 302:  # the form came back: a failed attempt
            throttle.record_failure()
        return response
