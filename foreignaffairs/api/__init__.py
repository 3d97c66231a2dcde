"""The REST API's wiring: the router of the record endpoints, the statistics endpoints, the
departments' read-only keys (model, authentication, throttling) and the OpenAPI hooks.

May import `reports`, the domain apps and `core`; nothing imports it but the project's urls,
settings (by dotted path) and admin registration.
"""
