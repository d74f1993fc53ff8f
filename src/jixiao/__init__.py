"""jixiao — budget-performance self-evaluation: read, score and review reports.

The core (``model``, ``values``, ``levels``, ``policy``, ``scoring``, ``narrative``, ``review``) is pure
and imports neither the CLI nor any document library; readers and writers are adapters around it.
"""

__version__ = "0.1.0"
