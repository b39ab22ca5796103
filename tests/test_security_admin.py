"""Admin sign-in: django-axes lockout keyed by username + address, unlock by a site manager,
recovery after the cool-off; TOTP two-factor, required for site managers and superusers."""

import time
from datetime import timedelta

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

import pytest
from axes.models import AccessAttempt
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"
LOGIN_URL = "/admin/login/"


@pytest.fixture(autouse=True)
def lockout_after_three(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


@pytest.fixture
def staff(django_user_model):
    def make(username, group=None, **extra):
        user = django_user_model.objects.create_user(
            username, password=PASSWORD, is_staff=True, **extra
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        else:
            user.groups.add(Group.objects.get(name="Editors"))
        return user

    return make


def sign_in(client, username, password=PASSWORD, address="192.0.2.10"):
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(response):
    return response.status_code == 302 and "_auth_user_id" in response.client.session


def fail(client, username, times, address="192.0.2.10"):
    for _ in range(times):
        response = sign_in(client, username, "wrong password", address)
        assert response.status_code in (200, 429)
    return response


class TestLockout:
    def test_locked_after_the_limit_even_with_the_right_password(self, client, staff):
        staff("maria")
        fail(client, "maria", 3)

        response = sign_in(client, "maria")

        assert response.status_code == 429
        assert b"Sign-in paused" in response.content
        assert "_auth_user_id" not in client.session

    def test_a_locked_out_attempt_never_hashes_the_password(
        self, client, staff, django_user_model, monkeypatch
    ):
        staff("maria")
        fail(client, "maria", 3)
        hashed = []
        original = django_user_model.check_password
        monkeypatch.setattr(
            django_user_model,
            "check_password",
            lambda user, raw: hashed.append(raw) or original(user, raw),
        )

        assert sign_in(client, "maria").status_code == 429
        assert hashed == []

    def test_other_accounts_and_other_addresses_are_not_locked(self, client, staff):
        staff("maria")
        staff("tomas")
        fail(client, "maria", 3, address="192.0.2.10")

        assert signed_in(sign_in(client, "tomas", address="192.0.2.10"))
        client.logout()
        assert signed_in(sign_in(client, "maria", address="198.51.100.7"))

    def test_the_lockout_ends_after_the_cool_off(self, client, staff):
        staff("maria")
        fail(client, "maria", 3)
        assert sign_in(client, "maria").status_code == 429

        AccessAttempt.objects.update(attempt_time=time_ago(minutes=16))

        assert signed_in(sign_in(client, "maria"))

    def test_a_site_manager_unlocks_an_account(self, client, staff):
        staff("maria")
        manager = staff("sam", group="Site managers")
        fail(client, "maria", 3)
        attempt = AccessAttempt.objects.get(username="maria")

        client.force_login(manager)
        listing = client.get(reverse("locked_out_sign_ins:index"))
        assert listing.status_code == 200
        assert b"maria" in listing.content
        response = client.post(reverse("locked_out_sign_ins:delete", args=[attempt.pk]))
        assert response.status_code == 302
        client.logout()

        assert not AccessAttempt.objects.exists()
        assert signed_in(sign_in(client, "maria"))

    def test_an_editor_cannot_unlock(self, client, staff):
        staff("maria")
        fail(client, "maria", 3)
        attempt = AccessAttempt.objects.get(username="maria")
        client.force_login(staff("eddie"))

        response = client.post(reverse("locked_out_sign_ins:delete", args=[attempt.pk]))

        assert response.status_code in (302, 403)
        assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


def time_ago(**delta):
    return timezone.now() - timedelta(**delta)


def current_token(device, offset=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset
    return str(totp.token()).zfill(device.digits)


@pytest.fixture
def enforce_two_factor(settings):
    settings.TWO_FACTOR_ENFORCED = True


@pytest.mark.usefixtures("enforce_two_factor")
class TestTwoFactor:
    def test_a_site_manager_cannot_reach_the_admin_with_a_password_alone(self, client, staff):
        staff("sam", group="Site managers")
        assert signed_in(sign_in(client, "sam"))

        for url in ("/admin/", "/admin/pages/", reverse("locked_out_sign_ins:index")):
            response = client.get(url)
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("two_factor_setup"))

    def test_a_site_manager_sets_up_an_app_then_is_asked_for_a_code(self, client, staff):
        manager = staff("sam", group="Site managers")
        sign_in(client, "sam")
        setup = client.get(reverse("two_factor_setup"))
        assert setup.status_code == 200
        assert b"<svg" in setup.content
        device = TOTPDevice.objects.get(user=manager, confirmed=False)

        wrong = client.post(reverse("two_factor_setup"), {"token": "000000", "next": "/admin/"})
        assert wrong.status_code == 200
        assert b"not valid" in wrong.content
        time.sleep(1.1)  # django-otp makes each wrong code double the wait before the next
        right = client.post(
            reverse("two_factor_setup"), {"token": current_token(device), "next": "/admin/"}
        )
        assert right.status_code == 302
        assert client.get("/admin/").status_code == 200

        client.logout()
        sign_in(client, "sam")
        response = client.get("/admin/pages/")
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("two_factor_verify"))
        assert client.post(reverse("two_factor_verify"), {"token": "123456"}).status_code == 200
        time.sleep(1.1)
        verified = client.post(
            reverse("two_factor_verify"),
            {"token": current_token(device, offset=30), "next": "/admin/pages/"},
        )
        assert verified["Location"] == "/admin/pages/"
        assert client.get("/admin/pages/").status_code == 200

    def test_superusers_need_it_too(self, client, staff):
        staff("root", is_superuser=True)
        sign_in(client, "root")
        assert client.get("/admin/")["Location"].startswith(reverse("two_factor_setup"))

    def test_an_editor_may_skip_it_until_they_add_a_device(self, client, staff):
        editor = staff("eddie")
        sign_in(client, "eddie")
        assert client.get("/admin/").status_code == 200

        TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
        client.logout()
        sign_in(client, "eddie")
        assert client.get("/admin/")["Location"].startswith(reverse("two_factor_verify"))

    def test_the_next_address_cannot_leave_the_site(self, client, staff):
        manager = staff("sam", group="Site managers")
        device = TOTPDevice.objects.create(user=manager, name="Phone", confirmed=True)
        sign_in(client, "sam")
        response = client.post(
            reverse("two_factor_verify"),
            {"token": current_token(device), "next": "https://evil.example/"},
        )
        assert response["Location"] == reverse("wagtailadmin_home")
