from rest_framework.routers import SimpleRouter

from .views import APIKeyViewSet

app_name = "auth_api_key"

router = SimpleRouter()
router.register("api-keys", APIKeyViewSet, basename="api-key")

urlpatterns = router.urls
