"""The demo user owns the ``demo`` tenant, its only one: no ``X-Tenant`` header needed."""

from {{ cookiecutter.project_slug }}.tenancy.models import Membership, Tenant


def test_the_demo_user_owns_the_demo_tenant_and_works_in_it(login, run_demo_user):
    demo = run_demo_user()
    client = login(demo.user, demo.password)

    assert "owns the 'demo' tenant" in demo.output
    tenants = client.get("/api/tenants/").json()["results"]
    assert [(row["slug"], row["role"]) for row in tenants] == [("demo", "owner")]
    created = client.post("/api/documents/", {"title": "Plan"})
    assert created.status_code == 201, created.content
    assert created.json()["tenant"] == "demo"
    members = client.get("/api/tenants/demo/members/").json()["results"]
    assert [(row["username"], row["role"]) for row in members] == [("demo", "owner")]


def test_running_it_again_keeps_one_tenant_and_restores_ownership(login, run_demo_user):
    run_demo_user()
    Membership.objects.update(role=Membership.Role.VIEWER)

    demo = run_demo_user()

    membership = Membership.objects.get()
    assert (membership.user, membership.tenant.slug) == (demo.user, "demo")
    assert membership.role == Membership.Role.OWNER
    assert Tenant.objects.count() == 1
    created = login(demo.user, demo.password).post("/api/documents/", {"title": "Plan"})
    assert created.status_code == 201
