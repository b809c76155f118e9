"""The course's look: plot colours, symbols and template; widget layouts and the static fallback."""
