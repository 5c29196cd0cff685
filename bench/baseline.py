"""The baseline every throughput is divided by: an authenticated DRF endpoint reading one row by primary key.

Token authentication (one query for the token and its user) plus one ``SELECT ... WHERE id = %s``
and a small JSON body: the least a real API request of this service does, measured on the same
server in the same run, so that ratios survive a busy or slower machine.
"""

from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from beneficiaries.models import Resident


class BaselineRow(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request, pk: int):
        row = Resident.objects.filter(pk=pk).values("id", "last_name", "first_name", "card_number").first()
        return Response(row)
