"""The HTTP service, ``sandbox-rules serve`` (optional extra ``server``: Starlette, uvicorn).

Every operation of the CLI as an endpoint, bodies that are the library's JSON records, one
error envelope, an OpenAPI 3.1 document built from the library's schemas. See docs/server.md.
"""
