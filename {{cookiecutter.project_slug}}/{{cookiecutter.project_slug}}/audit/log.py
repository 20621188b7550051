import json
import logging

from django.core.serializers.json import DjangoJSONEncoder

# The dedicated logger: the settings send it, unformatted, to standard output.
LOGGER = "audit"

logger = logging.getLogger(LOGGER)


class LogSink:
    """Events as lines of JSON on the ``audit`` logger, one per event, for a log shipper.

    Each line has the fields an event of the database sink's endpoint has. Nothing is
    stored in the database: keeping, searching and expiring the lines is the job of
    whatever collects the logs.
    """

    def write(self, entries):
        for entry in entries:
            line = {name: value for name, value in entry.items() if name != "actor_id"}
            line["actor"] = entry["actor_id"]
            logger.info(json.dumps(line, cls=DjangoJSONEncoder, sort_keys=True))
