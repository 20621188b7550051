from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from .resolver import HEADER

TENANT_HEADER = OpenApiParameter(
    HEADER,
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description=(
        "Slug of the tenant to act in. Optional for users with a single tenant; without an "
        "active tenant, lists are empty and nothing can be created."
    ),
)
