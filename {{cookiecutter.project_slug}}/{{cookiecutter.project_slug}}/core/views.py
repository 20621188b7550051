from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_safe


@require_safe
def site_root(request):
    """``GET /``: the project's name and where its API documentation and schema are.

    ``runserver`` prints the site's root, so a first visit lands here rather than on a
    404 page. A plain Django view, like the other pages outside ``/api/``: open to anyone,
    counted by no per-client limit, absent from the schema. It names public paths only,
    never a setting beyond the title the schema shows anyway.
    """
    return JsonResponse(
        {
            "name": settings.SPECTACULAR_SETTINGS["TITLE"],
            "docs": reverse("docs"),
            "schema": reverse("schema"),
        }
    )
