"""`python -m factcheck` runs the command line."""
from .cli import main

main(prog_name="factcheck")
