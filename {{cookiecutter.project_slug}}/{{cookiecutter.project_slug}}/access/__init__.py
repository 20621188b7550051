"""Access policies: who may see and change which rows of a shared resource.

The project's settings name one policy (``DOCUMENTS_ACCESS_POLICY``), a subclass of
``access.base.AccessPolicy``: a rest framework permission class with more duties, so that
one object answers every access question for a view:

- ``scope(request, queryset)`` narrows a queryset to the rows the caller may see. Views
  use it for lists *and* detail lookups, so a row hidden from a list is a 404 in detail.
- ``perform_create(request, serializer)`` saves a new row with the fields the policy
  controls (its owner, and whatever else the model scopes rows by), never taken from the
  request body.
- ``seed_fields(user)`` gives the same fields for rows made outside a request, for
  ``manage.py seed_documents``.
- ``has_object_permission`` decides what the caller may do to a row they can see.
- ``schema_parameters`` lists what the policy reads from a request besides the body
  (a header, say), so that the OpenAPI schema documents it.
- ``record_partition(request, obj)`` names the part of the data that a record of what
  happened belongs to, and ``readable_partitions(request)`` the parts whose records the
  caller may read (staff read every record), so records of events are kept apart as the
  rows are.
- ``prepare_demo_user(user)`` gives the local demo account whatever the policy requires
  before it can use the example endpoints (a role or a membership, say), so
  ``manage.py demo_user`` needs to know nothing about the permission model in force.
"""
