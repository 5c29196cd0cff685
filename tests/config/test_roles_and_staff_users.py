import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from config.roles import Role, role_of


@pytest.mark.django_db
def test_the_three_roles_exist_as_groups_after_migrating():
    assert set(Group.objects.values_list("name", flat=True)) >= {"distribution", "workshop", "coordinator"}


@pytest.mark.django_db
def test_create_staff_user_creates_a_user_with_exactly_one_role():
    call_command("create_staff_user", "anna", role="workshop", password="s3cret-pass-1")
    user = get_user_model().objects.get(username="anna")
    assert user.check_password("s3cret-pass-1")
    assert list(user.groups.values_list("name", flat=True)) == ["workshop"]
    assert role_of(user) == Role.WORKSHOP


@pytest.mark.django_db
def test_create_staff_user_updates_role_and_password_of_an_existing_user():
    call_command("create_staff_user", "anna", role="workshop", password="first-pass-1")
    call_command("create_staff_user", "anna", role="coordinator", password="second-pass-2")
    user = get_user_model().objects.get(username="anna")
    assert user.check_password("second-pass-2")
    assert list(user.groups.values_list("name", flat=True)) == ["coordinator"]
    assert get_user_model().objects.filter(username="anna").count() == 1


@pytest.mark.django_db
def test_create_staff_user_refuses_an_unknown_role():
    with pytest.raises(CommandError, match="Unknown role"):
        call_command("create_staff_user", "anna", role="admin", password="s3cret-pass-1")
    assert not get_user_model().objects.filter(username="anna").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("password", ["1", "password", "12345678901", "anna-kowal"])
def test_create_staff_user_refuses_a_weak_password_and_creates_no_one(password):
    with pytest.raises(CommandError, match="Password refused"):
        call_command("create_staff_user", "anna-kowal", role="workshop", password=password)
    assert not get_user_model().objects.filter(username="anna-kowal").exists()


@pytest.mark.django_db
def test_create_staff_user_keeps_the_old_password_when_the_new_one_is_refused():
    call_command("create_staff_user", "anna", role="workshop", password="first-pass-1")
    with pytest.raises(CommandError, match="Password refused"):
        call_command("create_staff_user", "anna", role="coordinator", password="1")
    user = get_user_model().objects.get(username="anna")
    assert user.check_password("first-pass-1") and role_of(user) == Role.WORKSHOP


@pytest.mark.django_db
def test_coordinators_get_the_project_models_permissions_for_the_admin():
    coordinators = Group.objects.get(name="coordinator")
    labels = set(coordinators.permissions.values_list("content_type__app_label", flat=True))
    assert {"beneficiaries", "meals", "workshops"} <= labels
