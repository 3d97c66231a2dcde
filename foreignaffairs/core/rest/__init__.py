"""The base of every REST endpoint: access, filters, pagination, renderers (CSV, XLSX) and the
record viewset and serializer the domain apps build on. Imports nothing above `core`."""
