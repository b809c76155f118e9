"""The ``lessonkit`` command: ``main`` parses and dispatches, one module a subcommand."""
