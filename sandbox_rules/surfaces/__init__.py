"""Surfaces that present the core to people and other systems: report pages, the HTTP
service, case-file runner, interview. They import the core; the core never imports them.

Each surface that adds a command to ``sandbox-rules`` has a module with
``add_parser(sub, common) -> None`` (``sub`` is the subparsers action, ``common`` the parent
parser with --json/--lang; ``common.get_default("help_lang")`` is the language its --help
should be written in) and is listed in ``sandbox_rules.cli.SURFACE_COMMANDS``.
"""
