import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).parent))  # the shared hypothesis strategies

# In CI the examples are derived from each test's name (derandomize), so a run is repeatable and its time
# bounded; on a developer's machine they are new every run, which is how the properties find new inputs.
settings.register_profile("newsconv", max_examples=60, deadline=None, derandomize=bool(os.environ.get("CI")),
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("newsconv")
