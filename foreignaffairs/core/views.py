from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, JsonResponse
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from rest_framework.exceptions import NotFound

from foreignaffairs.core import stats_cache


@require_GET
@never_cache
def healthz(request):
    """For load balancers and monitoring: 200 when the database and the cache answer, else 503
    naming the part that does not ("unreachable"). Exempt from the HTTPS redirect."""
    parts = {"database": _database_reachable(), "cache": stats_cache.cache_reachable()}
    body = {part: "ok" if ok else "unreachable" for part, ok in parts.items()}
    healthy = all(parts.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **body}, status=200 if healthy else 503
    )


def _database_reachable() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


@never_cache
def private_media(request, path):
    """Uploaded documents, only for logged-in users allowed to see the records they belong to.

    There is no public media URL: the web server never serves MEDIA_ROOT itself.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    permission = next(
        (
            perm
            for prefix, perm in settings.PRIVATE_MEDIA_PERMISSIONS.items()
            if path.startswith(prefix)
        ),
        None,
    )
    if permission is None or not request.user.has_perm(permission):
        raise PermissionDenied
    storage = default_storage
    if not storage.exists(path):
        raise Http404
    return FileResponse(storage.open(path, "rb"), as_attachment=False)


def not_found(request, exception):
    """The 404 page; under /api/ the API's JSON error (`{"detail": …}`), not an HTML page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": str(NotFound.default_detail)}, status=404)
    return defaults.page_not_found(request, exception)
