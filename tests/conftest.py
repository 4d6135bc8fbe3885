import os
import shutil
import sys
from pathlib import Path

import pytest

from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).parent))  # the shared hypothesis strategies

# In CI the examples are derived from each test's name (derandomize), so a run is repeatable and its time
# bounded; on a developer's machine they are new every run, which is how the properties find new inputs.
settings.register_profile("newsconv", max_examples=60, deadline=None, derandomize=bool(os.environ.get("CI")),
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("newsconv")


@pytest.fixture(scope="session")
def v2_desk(tmp_path_factory) -> Path:
    """A folder holding the version-2 test articles and the images they embed, as a newsroom's desk would."""
    desk = tmp_path_factory.mktemp("desk")
    for name in ("ar-cms.html", "ar-marked.txt", "plant.jpg", "plant.png"):
        shutil.copy(Path(__file__).parent / "data" / "v2" / name, desk / name)
    return desk
