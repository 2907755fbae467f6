"""Where the reference data lives: ``$ECOSECURITY_SHARED`` or ``../shared`` beside the clone."""
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ECOSECURITY_SHARED", REPO.parent / "shared")).resolve()
REFERENCE = SHARED / "reference"
SPECS = SHARED / "specs"
