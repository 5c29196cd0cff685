"""API tokens end: at logout, on expiry, when the password changes or the user is deactivated.

Each login makes a token of its own (docs/api.md#auth, docs/security.md#tokens).
"""

import datetime

import pytest
import time_machine
from django.utils import timezone
from rest_framework.test import APIClient, APIRequestFactory

from config.roles import COORDINATOR, role_of
from config.tokens import TokenAuthentication
from tests.factories import UserFactory

PASSWORD = "test-password-123"
PROBE = "/api/v1/residents/"


@pytest.fixture
def user(db):
    return UserFactory(username="ola", role="coordinator")


def token_of(user, password=PASSWORD) -> str:
    response = APIClient().post("/api/v1/auth/token/", {"username": user.username, "password": password}, format="json")
    assert response.status_code == 200, response.content
    return response.json()["token"]


def status_with(token: str, path: str = PROBE, method: str = "get") -> int:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return getattr(client, method)(path).status_code


def test_logout_ends_the_token_it_was_sent_with_and_no_other(user):
    first, second = token_of(user), token_of(user)
    assert first != second, "every login makes its own token"
    assert status_with(first, "/api/v1/auth/logout/", "post") == 204
    assert status_with(first) == 401
    assert status_with(second) == 200


def test_the_login_answer_says_when_the_token_expires(user):
    response = APIClient().post("/api/v1/auth/token/", {"username": "ola", "password": PASSWORD}, format="json")
    expiry = datetime.datetime.fromisoformat(response.json()["expiry"])
    assert abs(expiry - (timezone.now() + datetime.timedelta(hours=10))) < datetime.timedelta(minutes=1)


def test_a_token_expires_after_its_lifetime(user, settings):
    token = token_of(user)
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=9, minutes=59)):
        assert status_with(token) == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=10, minutes=1)):
        assert status_with(token) == 401


def test_a_password_change_ends_every_token_of_the_user_and_only_theirs(user):
    colleague = UserFactory(username="ewa", role="coordinator")
    tokens, colleagues = [token_of(user), token_of(user)], token_of(colleague)
    user.set_password("a-new-password-456")
    user.save()
    assert [status_with(token) for token in tokens] == [401, 401]
    assert status_with(colleagues) == 200
    assert status_with(token_of(user, "a-new-password-456")) == 200


def test_deactivation_ends_the_tokens_for_good(user):
    token = token_of(user)
    user.is_active = False
    user.save()
    user.is_active = True
    user.save()
    assert status_with(token) == 401


def test_a_login_saving_last_login_keeps_the_other_tokens(user):
    first = token_of(user)
    token_of(user)
    assert status_with(first) == 200


def test_checking_a_token_and_the_role_costs_one_query(user, django_assert_num_queries):
    token = token_of(user)
    request = APIRequestFactory().get(PROBE, HTTP_AUTHORIZATION=f"Token {token}")
    with django_assert_num_queries(1):  # the token, its user and the user's role together
        authenticated, auth_token = TokenAuthentication().authenticate(request)
        assert role_of(authenticated) == COORDINATOR
    assert authenticated == user
    assert auth_token.user_id == user.pk
    assert auth_token.expiry > timezone.now(), "the token's other columns are read when asked for"


def test_an_expired_token_is_refused_and_deleted(user):
    from knox.models import AuthToken

    token = token_of(user)
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=11)):
        assert status_with(token) == 401
    assert not AuthToken.objects.filter(user=user).exists()
    assert status_with(token) == 401, "gone for good, even back in its lifetime"


@pytest.mark.parametrize("change", ["last character", "not hexadecimal", "only the key"])
def test_a_forged_token_sharing_the_key_is_refused(user, change):
    token = token_of(user)
    forged = {
        "last character": token[:-1] + ("0" if token[-1] != "0" else "1"),
        "not hexadecimal": token[:8] + "zz" + token[10:],
        "only the key": token[:8],
    }[change]
    assert status_with(forged) == 401
    assert status_with(token) == 200


@pytest.mark.parametrize(
    ("groups", "superuser", "role"),
    [
        (["distribution"], False, "distribution"),
        (["distribution", "workshop"], False, "workshop"),
        (["workshop", "coordinator", "distribution"], False, "coordinator"),
        ([], False, None),
        (["some-other-group"], False, None),
        ([], True, "coordinator"),
    ],
)
def test_the_role_read_with_the_token_is_the_role_the_groups_give(db, groups, superuser, role):
    from django.contrib.auth.models import Group

    person = UserFactory(username="kasia", role=None, is_superuser=superuser)
    person.groups.set([Group.objects.get_or_create(name=name)[0] for name in groups])
    request = APIRequestFactory().get(PROBE, HTTP_AUTHORIZATION=f"Token {token_of(person)}")

    authenticated, _token = TokenAuthentication().authenticate(request)

    assert role_of(authenticated) == role
    fresh = type(person).objects.get(pk=person.pk)
    assert role_of(fresh) == role, "the same answer as the groups read on their own"
