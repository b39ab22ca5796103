"""How `pytest -n` (pytest-xdist, `make test`) shares the suite between its workers."""

from functools import cached_property

from xdist.scheduler import LoadScopeScheduling


class ModulesThenDemoScheduling(LoadScopeScheduling):
    """Whole test modules to a worker at a time, in the suite's own order.

    - A module's shared set-up (data built once per module with `module_db`, a live server on
      the module's port) is built once, on one worker, and never twice at the same time.
    - Each worker runs the demo site's tests after all its other tests, as a single process
      does: conftest's `pytest_collection_modifyitems` sorts them last, and a module holding
      tests of both kinds becomes two units, one in each part of that order (xdist would
      otherwise send the largest units first).
    """

    def __init__(self, config, log=None):
        super().__init__(config, log)
        config.option.loadscopereorder = False

    def _split_scope(self, nodeid: str) -> str:
        return self._units[nodeid]

    @cached_property
    def _units(self) -> dict[str, str]:
        """Node id -> unit: its module, numbered by each new run of that module's tests."""
        units, runs, previous = {}, {}, None
        for nodeid in self.collection:
            module = nodeid.split("::", 1)[0]
            if module != previous:
                runs[module] = runs.get(module, 0) + 1
                previous = module
            units[nodeid] = f"{module}#{runs[module]}"
        return units
