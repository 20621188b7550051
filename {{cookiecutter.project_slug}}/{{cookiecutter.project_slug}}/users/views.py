from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions

from .serializers import MeSerializer, RegisterSerializer, UserSerializer


@extend_schema(responses={201: UserSerializer})
class RegisterView(generics.CreateAPIView):
    """Create an account. Open to anyone; credentials sent along are ignored."""

    serializer_class = RegisterSerializer
    authentication_classes = []
    permission_classes = [permissions.AllowAny]
    throttle_scope = "register"


class MeView(generics.RetrieveAPIView):
    """The caller, how they authenticated, and what the permission model grants them."""

    serializer_class = MeSerializer

    def get_object(self):
        return self.request.user
