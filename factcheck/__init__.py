"""factcheck: find where source documents contradict each other on stated facts."""

__version__ = "0.1.0"
