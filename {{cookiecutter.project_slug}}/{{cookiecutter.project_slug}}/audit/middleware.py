import re
import uuid

from .recorder import begin_request, end_request

REQUEST_ID_HEADER = "X-Request-ID"
# A request id a proxy in front may have given the request: kept when it looks like one.
REQUEST_ID = re.compile(r"[-\w.]{1,64}", re.ASCII)


class AuditMiddleware:
    """Give each request an id, and record its events once its response is decided.

    The id is the ``X-Request-ID`` a proxy sent, when well-formed, or a new one; every
    event of the request carries it, and the response returns it, so a client reporting
    a problem can name the request. A request that recorded nothing writes nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request.headers.get(REQUEST_ID_HEADER, "")
        if not REQUEST_ID.fullmatch(request_id):
            request_id = uuid.uuid4().hex
        pending, token = begin_request(request, request_id)
        try:
            response = self.get_response(request)
        finally:
            end_request(pending, token)
        response[REQUEST_ID_HEADER] = request_id
        return response
