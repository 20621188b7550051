from rest_framework.routers import SimpleRouter

from .views import MemberViewSet, TenantViewSet

app_name = "tenancy"

router = SimpleRouter()
router.register("tenants", TenantViewSet, basename="tenant")
router.register(
    r"tenants/(?P<tenant_slug>[-a-zA-Z0-9_]+)/members", MemberViewSet, basename="member"
)

urlpatterns = router.urls
