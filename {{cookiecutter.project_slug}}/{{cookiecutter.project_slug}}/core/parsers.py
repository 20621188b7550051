"""The API's JSON parser: a body it cannot use is the client's error (400), never a crash."""

from rest_framework import parsers
from rest_framework.exceptions import ParseError

NUL = "\x00"


def strings_in(data):
    """Every key and string value in parsed JSON, walked without recursion.

    The input may nest as deeply as the parser allowed; a recursive walk would fail there.
    """
    pending = [data]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            pending.extend(item)
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)


class JSONParser(parsers.JSONParser):
    """Rest framework's JSON parser, refusing two kinds of valid JSON that would crash.

    Nesting deeper than Python's recursion limit makes the decoder raise RecursionError.
    A NUL character in a string is valid JSON, but PostgreSQL refuses it in text, so it
    would fail the first query that stores or compares it (a username, a slug, a name).
    """

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError("JSON parse error - nested too deeply.") from error
        if any(NUL in string for string in strings_in(data)):
            raise ParseError("JSON parse error - strings may not contain NUL characters.")
        return data
