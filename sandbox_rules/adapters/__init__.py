"""Optional engines compiled from the same rule declarations (see ``durable``)."""
