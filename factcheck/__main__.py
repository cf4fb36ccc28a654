"""`python -m factcheck` runs the command line."""
from .cli import program

program()
