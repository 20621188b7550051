from rest_framework import authentication, exceptions, permissions
from rest_framework_api_key.permissions import KeyParser

from .models import UserAPIKey

HEADER = "X-API-Key"


class APIKeyAuthentication(authentication.BaseAuthentication):
    """Authenticate a request by the ``X-API-Key`` header, as the key's user.

    One query (key and user together) and no write. A read-only key is refused on unsafe
    methods here rather than in a permission class, so that no view can forget the rule.
    """

    strategy = "api_key"
    manages_credentials = False
    key_parser = KeyParser()

    def authenticate(self, request):
        key = self.key_parser.get_from_header(request, f"HTTP_{HEADER.upper().replace('-', '_')}")
        if key is None:
            return None
        api_key = self.find(key)
        if api_key is None or api_key.has_expired or not api_key.user.is_active:
            raise exceptions.AuthenticationFailed("Invalid API key.")
        if api_key.read_only and request.method not in permissions.SAFE_METHODS:
            raise exceptions.PermissionDenied("This API key is read-only.")
        return api_key.user, api_key

    @staticmethod
    def find(key):
        """The usable key matching ``key``, or None; the hash is compared in constant time."""
        prefix, _, secret = key.partition(".")
        if not prefix or not secret:
            return None
        try:  # prefixes are unique: a plain get, with no ordering or limit to compile
            keys = UserAPIKey.objects.get_usable_keys().select_related("user")
            api_key = keys.get(prefix=prefix)
        except UserAPIKey.DoesNotExist:
            return None
        if not UserAPIKey.objects.key_generator.verify(key, api_key.hashed_key):
            return None
        return api_key

    def authenticate_header(self, request):
        return f'{HEADER} realm="api"'
