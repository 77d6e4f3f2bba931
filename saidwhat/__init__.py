"""saidwhat: who said what, when, and according to whom, extracted from news."""

__version__ = "0.1.0"
