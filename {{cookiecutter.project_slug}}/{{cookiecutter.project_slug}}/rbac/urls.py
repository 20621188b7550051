from rest_framework.routers import SimpleRouter

from .views import RoleAssignmentViewSet, RoleViewSet

app_name = "rbac"

router = SimpleRouter()
router.register("roles", RoleViewSet, basename="role")
router.register("assignments", RoleAssignmentViewSet, basename="role-assignment")

urlpatterns = router.urls
