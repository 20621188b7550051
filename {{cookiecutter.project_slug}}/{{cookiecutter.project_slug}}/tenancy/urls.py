from rest_framework.routers import SimpleRouter

from .views import InvitationViewSet, MemberViewSet, TenantInvitationViewSet, TenantViewSet

app_name = "tenancy"

TENANT = r"tenants/(?P<tenant_slug>[-a-zA-Z0-9_]+)"

router = SimpleRouter()
router.register("tenants", TenantViewSet, basename="tenant")
router.register(f"{TENANT}/members", MemberViewSet, basename="member")
router.register(f"{TENANT}/invitations", TenantInvitationViewSet, basename="tenant-invitation")
router.register("invitations", InvitationViewSet, basename="invitation")

urlpatterns = router.urls
