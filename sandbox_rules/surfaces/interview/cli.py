from typing import Any


def add_parser(sub: Any, common: Any) -> None:
    pass
