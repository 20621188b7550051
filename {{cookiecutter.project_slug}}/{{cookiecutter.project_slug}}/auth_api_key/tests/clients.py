from rest_framework.test import APIClient


def with_key(key):
    """A client that authenticates every request with the API key ``key``."""
    client = APIClient()
    client.credentials(HTTP_X_API_KEY=key)
    return client
