"""newsdossier: read many outlets' articles about one story and build a source-anchored dossier.

The public API::

    from newsdossier import build_dossier, Options
    dossier = build_dossier(["articles/"], Options(manifest="manifest.csv"))
    dossier.to_dict()   # the JSON contract, every span round-trips
"""

__version__ = "0.1.0"

from .model import SCHEMA, Article, Dossier, Span  # noqa: E402
from .pipeline import NoArticlesError, Options, build_dossier, dossier_from_articles  # noqa: E402

__all__ = [
    "SCHEMA", "Article", "Dossier", "Span", "NoArticlesError", "Options", "build_dossier",
    "dossier_from_articles", "__version__",
]
