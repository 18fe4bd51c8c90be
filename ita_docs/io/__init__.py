"""Reading input files into the model, and writing documents back as data."""
from .readers import SUFFIXES, load, read_data
from .writers import document_data, save

__all__ = ["SUFFIXES", "document_data", "load", "read_data", "save"]
