"""spaCy for saidwhat: loading a pipeline offline (``loading``), saidwhat's own components
(``components``, with the table look-ups in ``tables`` and wire datelines in ``dateline``), wire
copy read as prose (``prose``), and the cached text of a parsed document (``text``)."""

from .loading import DEFAULT_MODELS, ModelNotFound, load, model_name
from .prose import written_text
from .text import doc_text

__all__ = ["DEFAULT_MODELS", "ModelNotFound", "doc_text", "load", "model_name", "written_text"]
