"""Site-wide security policy: which proxy is believed, the headers every response carries and
the Content-Security-Policy (the public site's, and the admin's few additions)."""

from django.conf import settings

from csp.middleware import CSPMiddleware, PolicyParts

FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST")

# The Wagtail admin (7.4) needs these, verified in Chromium (tests/browser/
# test_content_security_policy.py): inline <script> blocks in its inline panels and date/time
# widgets, inline styles set by its JavaScript (Draftail, dropdowns, the preview panel),
# blob: image previews while uploading, oEmbed previews in frames. Only on admin URLs; the
# public site keeps script-src and style-src 'self'.
ADMIN_POLICY_ADDITIONS = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "frame-src": ["https:"],
}
ADMIN_PREFIXES = ("/admin/",)


class TrustedProxyMiddleware:
    """Believe X-Forwarded-For/-Proto only when the request came from the proxy.

    nginx (deploy/nginx.conf) overwrites these headers with what it saw; anyone reaching the
    app server directly could send their own, so they are dropped unless REMOTE_ADDR is one of
    TRUSTED_PROXIES. From the proxy, REMOTE_ADDR becomes the visitor's address, which django-axes
    uses to key lockouts."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.trusted = frozenset(settings.TRUSTED_PROXIES)

    def __call__(self, request):
        meta = request.META
        if meta.get("REMOTE_ADDR") in self.trusted:
            forwarded_for = meta.get("HTTP_X_FORWARDED_FOR", "")
            # nginx sends the single address it saw; with a chain, the last hop is the proxy's.
            client = forwarded_for.rsplit(",", 1)[-1].strip()
            if client:
                meta["REMOTE_ADDR"] = client
        else:
            for header in FORWARDED_HEADERS:
                meta.pop(header, None)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set: Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's additions on admin URLs only."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIXES):
            parts.update = {**ADMIN_POLICY_ADDITIONS, **(parts.update or {})}
        return parts
