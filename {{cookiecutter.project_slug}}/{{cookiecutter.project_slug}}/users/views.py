from rest_framework import generics

from .serializers import MeSerializer


class MeView(generics.RetrieveAPIView):
    """The caller, how they authenticated, and what the permission model grants them."""

    serializer_class = MeSerializer

    def get_object(self):
        return self.request.user
