from tests.api.conftest import editor, staff_client  # noqa: F401 - fixtures
from tests.delegations.conftest import delegation_form  # noqa: F401 - fixtures
