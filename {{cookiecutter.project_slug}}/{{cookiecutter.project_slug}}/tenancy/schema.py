from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from .resolver import HEADER

TENANT_HEADER = OpenApiParameter(
    HEADER,
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description=(
        "Slug of the tenant to act in. Optional for users with a single tenant; users in "
        "several must send it (400 tenant_required otherwise)."
    ),
)
