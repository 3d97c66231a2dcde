"""Who may use the API, for what, and how often.

- City departments authenticate with `Authorization: Token <key>`; each key belongs to an
  `ApiClient` and can only read.
- Staff logged in to the admin use their session; with the model permissions they may also
  create and update records (the permission itself is in `core.rest.permissions`).
- Anonymous requests get 401 with `WWW-Authenticate: Token` (the token scheme is tried first).
- Each department's key is throttled (`API_THROTTLE_RATE`); staff sessions are not. The counts
  live in the shared cache; while it does not answer, in each process's memory.
"""

import math

from django.core.cache import caches
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from foreignaffairs.api.models import ApiClient
from foreignaffairs.core.stats_cache import CACHE_ERRORS


class ApiClientUser:
    """`request.user` for a department's key: authenticated, not staff, holds no permission."""

    is_authenticated = True
    is_anonymous = False
    is_department_key = True  # read only (core.rest.permissions)
    is_active = True
    is_staff = False
    is_superuser = False
    pk = id = None

    def __init__(self, client: ApiClient):
        self.client = client
        self.username = f"api:{client.key_prefix}"

    def __str__(self):
        return self.client.name

    def get_username(self):
        return self.username

    def has_perm(self, perm, obj=None):
        return False

    def has_perms(self, perm_list, obj=None):
        # Reading needs no permission (an empty list), as for Django's own users.
        return all(self.has_perm(perm, obj) for perm in perm_list)

    def has_module_perms(self, app_label):
        return False


class ApiClientTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>` checked against the hashes of the departments' keys."""

    def authenticate_credentials(self, key):
        client = ApiClient.active_with_key(key)
        if client is None:
            raise exceptions.AuthenticationFailed(_("Khóa API không đúng hoặc đã bị thu hồi."))
        return ApiClientUser(client), client


def api_client_of(request) -> ApiClient | None:
    return request.auth if isinstance(request.auth, ApiClient) else None


class ApiClientRateThrottle(SimpleRateThrottle):
    """Requests per department key, at the rate `DEFAULT_THROTTLE_RATES["api_client"]`, in
    windows of the rate's period (a key may make 1000 requests in each clock hour).

    One counter per key and window, raised atomically (`cache.incr`): DRF's own throttle reads
    and writes the time of every request of the last hour at each request (up to 1,000 of
    them), and two workers writing at once lose each other's requests.
    """

    scope = "api_client"

    def get_rate(self):
        # Read at each request (not at import) so a settings change applies at once.
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.cache = caches["default"]
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        try:
            return self.count_request()
        except CACHE_ERRORS:
            # The shared cache is down: count in this process rather than let all through.
            self.cache = caches["local"]
            return self.count_request()

    def count_request(self) -> bool:
        self.now = self.timer()
        window = int(self.now // self.duration)
        self.window_ends = (window + 1) * self.duration
        key = f"{self.key}:{window}"
        try:
            count = self.cache.incr(key)
        except ValueError:  # the window's first request
            # Kept a little past the window's end: a counter never expires while it counts.
            self.cache.add(key, 0, self.duration + 60)
            count = self.cache.incr(key)
        return count <= self.num_requests

    def wait(self):
        """Seconds until the next window (the `Retry-After` header)."""
        return max(1, math.ceil(self.window_ends - self.now))

    def get_cache_key(self, request, view):
        client = api_client_of(request)
        if client is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": client.pk}
