"""kehoach: Vietnamese administrative plans as YAML — check, track deadlines, render .docx."""

__version__ = "0.1.0"
