"""cafe: run a World Café idea meeting and turn it into a working group."""

__version__ = "0.1.0"
