"""The newsdossier web app: ``create_app(db_path)`` (FastAPI) and ``serve(db_path, host, port)``."""

from __future__ import annotations

from .app import create_app, serve
from .stories import StoryFinder, whole_corpus
from .uploads import Limits, UploadError

__all__ = ["create_app", "serve", "Limits", "UploadError", "StoryFinder", "whole_corpus"]
