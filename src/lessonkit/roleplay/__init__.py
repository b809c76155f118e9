"""The role-play: scoring deals, deal and brief files, a delegation's private brief and deal builder."""
