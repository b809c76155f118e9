"""Loading and checking the course: YAML with line numbers, cross-references, the Course object."""
