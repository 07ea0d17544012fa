"""`cafe` and `python -m cafe`: the command line, with the collector paused at start."""

from cafe.collector import pause_collection


def main() -> int:
    """The process entry point; ``cafe.cli.main`` is the command line itself."""
    pause_collection()
    from cafe.cli import main as command_line

    return command_line()


if __name__ == "__main__":
    raise SystemExit(main())
