"""Spark jobs for corpus-scale ingest, near-duplicate detection and story clustering.

The jobs are adapters: executors call the same library functions as local mode
(:func:`newsdossier.ingest.read_path`, :func:`newsdossier.ingest.articles_from_raw`,
:func:`newsdossier.analysis.reuse.sketch`, :func:`newsdossier.analysis.stories.extract_features`,
:class:`newsdossier.analysis.stories.StoryClusterer`), so Spark and local mode give the same
articles, duplicates and stories on the same input. Outputs are Parquet.

Run ``python -m newsdossier.scale ingest|dedup|stories ...`` (or ``spark-submit`` the module);
pyspark is an optional extra (``pip install newsdossier[spark]``) and needs a Java runtime.
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import TYPE_CHECKING, Any

from ..errors import InputError, NewsdossierError

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import SparkSession

__all__ = ["SparkUnavailableError", "ScaleInputError", "session", "spark_available"]


class SparkUnavailableError(NewsdossierError, RuntimeError):
    """pyspark or a Java runtime is missing."""


class ScaleInputError(InputError):
    """A Spark job input is missing or has the wrong layout."""


def spark_available() -> str | None:
    """Return ``None`` when Spark can run here, else the reason it cannot."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install 'newsdossier[spark]')"
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (java_home and os.path.exists(os.path.join(java_home, "bin", "java"))):
        return "no Java runtime found (install a JRE, e.g. scripts/install-java.sh)"
    return None


def session(master: str = "local[2]", app: str = "newsdossier", **conf: Any) -> SparkSession:
    """Return a Spark session (created once per process) whose workers run this interpreter.

    Args:
        master: the Spark master, e.g. ``local[2]`` or ``spark://host:7077``.
        app: the application name.
        conf: extra Spark settings (``spark.sql.shuffle.partitions="4"``...).

    Raises:
        SparkUnavailableError: if pyspark or Java is missing.
    """
    reason = spark_available()
    if reason:
        raise SparkUnavailableError(reason)
    from pyspark.sql import SparkSession

    # Workers must run this interpreter (its site-packages hold newsdossier's dependencies).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.master(master).appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.pyspark.python", sys.executable)
        .config("spark.pyspark.driver.python", sys.executable)
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.memory", "2g")
    )
    for key, value in conf.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark
