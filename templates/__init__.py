"""Jinja templates for `kehoach render`, shipped inside the package as kehoach.templates."""
