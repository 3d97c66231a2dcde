from tests.api.conftest import department, editor, staff_client, token_client  # noqa: F401 - fixtures
from tests.delegations.conftest import delegation_form  # noqa: F401 - fixtures
