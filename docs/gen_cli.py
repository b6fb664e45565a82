"""Write docs/cli.md, the command-line reference, from the `--help` of kg and each subcommand.

Run as `python docs/gen_cli.py > docs/cli.md` (or `make docs`); tests/test_docs.py fails when a
command or option is missing from the file, so regenerate it whenever the CLI changes.
"""

from __future__ import annotations

import sys

import click

from kg.cli import main

# a fixed width, so that the file does not change with the terminal that made it
WIDTH = 88

HEADER = """\
# Command-line reference

Generated from `kg --help` and each subcommand's `--help` by `docs/gen_cli.py`
(`make docs`); do not edit by hand. The [README](../README.md) shows the usual commands.\
"""


def walk(
    cmd: click.Command, name: str, parent: click.Context | None = None
) -> list[tuple[str, click.Context]]:
    """Every command under ``cmd``, depth first, as (its full name, its help context)."""
    # the command's own settings (kg's "-h, --help"), at the fixed width
    settings = {**cmd.context_settings, "terminal_width": WIDTH, "max_content_width": WIDTH}
    ctx = click.Context(cmd, info_name=name, parent=parent, **settings)
    found = [(ctx.command_path, ctx)]
    if isinstance(cmd, click.Group):
        for sub in cmd.list_commands(ctx):
            child = cmd.get_command(ctx, sub)
            if child is not None and not child.hidden:
                found += walk(child, sub, ctx)
    return found


def render(root: click.Command = main) -> str:
    """The reference in Markdown: a section per command with its help text as printed.

    The links use the anchors that GitHub makes of the headings (`kg build` -> #kg-build).
    """
    commands = walk(root, "kg")
    parts = [HEADER]
    parts.append("\n".join(f"- [`{path}`](#{path.replace(' ', '-')})" for path, _ in commands))
    for path, ctx in commands:
        parts.append(f"## `{path}`")
        parts.append(f"```text\n{ctx.command.get_help(ctx).rstrip()}\n```")
    return "\n\n".join(parts) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
