"""The manual in docs/: the CLI reference names every command and option, and links resolve."""

import re

import click

from kg.cli import main

from .conftest import ROOT

DOCS = ROOT / "docs"
CLI_MD = (DOCS / "cli.md").read_text(encoding="utf-8")
# a Markdown link or image: [text](target), the target up to a space, '#' or ')'
LINK = re.compile(r"\]\(([^)\s#]+)(?:#[^)\s]*)?\)")


def _commands(cmd: click.Command, path: str) -> list[tuple[str, click.Command]]:
    """Every command of click's tree under ``cmd``, with its full name ('kg build')."""
    found = [(path, cmd)]
    if isinstance(cmd, click.Group):
        for name, sub in cmd.commands.items():
            if not sub.hidden:
                found += _commands(sub, f"{path} {name}")
    return found


def _sections(text: str) -> dict[str, str]:
    """docs/cli.md's sections by heading: '## `kg build`' -> the text up to the next one."""
    parts = re.split(r"^## `([^`]+)`$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _listed_flags(section: str) -> set[str]:
    """The long flags in the option rows of a help text ("  -j, --jobs INTEGER  Processes
    ..."), not those only named in another option's help."""
    flags = set()
    for line in section.splitlines():
        if line.startswith("  -"):
            head = re.split(r"\s{2,}", line.strip())[0]
            flags |= set(re.findall(r"--[\w-]+", head))
    return flags


def test_every_command_and_option_is_in_the_cli_reference():
    sections = _sections(CLI_MD)
    for path, cmd in _commands(main, "kg"):
        assert path in sections, f"{path} is missing from docs/cli.md: run `make docs`"
        listed = _listed_flags(sections[path])
        for param in cmd.params:
            if not isinstance(param, click.Option) or param.hidden:
                continue
            for flag in param.opts + param.secondary_opts:
                if flag.startswith("--"):
                    assert flag in listed, (
                        f"{path} {flag} is missing from docs/cli.md: run `make docs`"
                    )


def test_the_cli_reference_sections_are_commands():
    # a command that was removed or renamed leaves no stale section behind
    documented = set(_sections(CLI_MD))
    commands = {path for path, _ in _commands(main, "kg")}
    assert documented == commands, (
        f"docs/cli.md is out of date: run `make docs`; "
        f"missing {sorted(commands - documented)}, stale {sorted(documented - commands)}"
    )


def test_readme_links_every_docs_page_and_each_resolves():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    linked = {t for t in LINK.findall(readme) if t.startswith("docs/")}
    for target in linked:
        assert (ROOT / target).is_file(), f"README links {target}, which does not exist"
    pages = {f"docs/{p.name}" for p in DOCS.glob("*.md")}
    assert pages <= linked, f"docs pages the README does not link: {sorted(pages - linked)}"


def test_relative_links_in_docs_resolve():
    for page in sorted(DOCS.glob("*.md")):
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target):  # http:, https:, mailto:
                continue
            assert (page.parent / target).exists(), f"{page.name} links {target}: not found"


def test_every_library_query_is_in_the_query_docs():
    text = (DOCS / "queries.md").read_text(encoding="utf-8")
    for rq in sorted((ROOT / "queries").glob("*.rq")):
        assert f"`{rq.name}`" in text, f"queries/{rq.name} is missing from docs/queries.md"
