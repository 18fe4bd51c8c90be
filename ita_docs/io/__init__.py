"""Reading input files into the model."""
from .readers import SUFFIXES, load, read_data

__all__ = ["SUFFIXES", "load", "read_data"]
