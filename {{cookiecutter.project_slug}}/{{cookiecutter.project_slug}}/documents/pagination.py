from rest_framework import pagination


class NewestFirst(pagination.CursorPagination):
    """Pages by position in the list's order, not by number.

    A page number costs a COUNT of every visible row and an OFFSET that reads past every
    earlier row, both growing with the table; a position is one index range scan however
    deep the page. Rows created while a client pages neither repeat nor go missing.
    """

    ordering = ["-created_at", "id"]
