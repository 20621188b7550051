"""JSON bodies for the errors Django answers outside the API views.

Django's default pages are HTML and, with DEBUG on, detailed; an API answers JSON only.
Rest framework already ships JSON handlers for 400 and 500 (see ``config.urls``).
"""

from django.http import JsonResponse


def permission_denied(request, exception):
    return JsonResponse(
        {"detail": "You do not have permission to perform this action."}, status=403
    )


def page_not_found(request, exception):
    return JsonResponse({"detail": "Not found."}, status=404)
