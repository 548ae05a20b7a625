"""The layout's promises, checked: domain/ imports neither QGIS, Qt nor GDAL; no module of the
plugin imports another that imports it back (at any depth, lazy imports included); no module
is longer than a newcomer reads at once."""

import ast
import os
import subprocess
import sys

PACKAGE = "territorial_flux_plugin"
ROOT = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), PACKAGE)
MAX_LINES = 700


def modules():
    found = {}
    for folder, _dirs, names in os.walk(ROOT):
        for name in names:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                dotted = os.path.relpath(path, os.path.dirname(ROOT))[:-3].replace(os.sep, ".")
                found[dotted[:-len(".__init__")] if dotted.endswith(".__init__") else dotted] = path
    return found


def imports(module, path, known):
    """The plugin modules ``module`` imports, at module level or inside functions."""
    package = module if path.endswith("__init__.py") else module.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(ast.parse(open(path, encoding="utf-8").read())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                if target + "." + alias.name in known:
                    out.add(target + "." + alias.name)
                elif target in known:
                    out.add(target)
        elif isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names if alias.name in known)
    out.discard(module)
    return out


def test_no_import_cycle():
    known = modules()
    graph = {name: imports(name, path, known) for name, path in known.items()}
    # a package's __init__ importing its own modules is how a package exposes them, not a cycle
    for name in graph:
        graph[name] = {target for target in graph[name] if not (name.startswith(target + ".") and
                                                               target.count(".") < name.count("."))}
    cycles, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                cycles.append(trail[trail.index(target):] + [target])
            elif target not in state:
                visit(target, trail + [target])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_the_domain_imports_no_qgis_qt_or_gdal():
    """Imported in a fresh interpreter, every domain module leaves qgis, PyQt and osgeo unloaded."""
    domain = sorted(m for m in modules() if m.startswith(PACKAGE + ".domain"))
    code = ("import sys; sys.path.insert(0, {root!r}); " + "; ".join("import " + m for m in domain)
            + "; print(sorted(m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'osgeo')))")
    done = subprocess.run([sys.executable, "-c", code.format(root=os.path.dirname(ROOT))], capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_no_module_over_700_lines():
    long = {name: n for name, path in modules().items()
            if (n := sum(1 for _ in open(path, encoding="utf-8"))) > MAX_LINES}
    assert long == {}


def test_every_schema_version_has_its_migration_for_both_storages():
    from territorial_flux_plugin.storage import migrations, schema

    for version in range(2, schema.SCHEMA_VERSION + 1):
        step = migrations.step(version)
        assert callable(step.geopackage) and callable(step.postgres), version


def test_the_package_ships_the_plugin_and_no_test(tmp_path):
    """make package: the plugin folder with its translations compiled, LICENSE, no test, no cache."""
    import zipfile

    root = os.path.dirname(ROOT)
    sys.path.insert(0, os.path.join(root, "scripts"))
    try:
        import package
    finally:
        sys.path.pop(0)
    with zipfile.ZipFile(package.main(str(tmp_path))) as archive:
        names = archive.namelist()
    assert all(name.startswith(PACKAGE + "/") for name in names)
    assert PACKAGE + "/metadata.txt" in names and PACKAGE + "/LICENSE" in names
    assert PACKAGE + "/storage/migrations/v2.py" in names
    assert not [n for n in names if "/tests/" in n or os.path.basename(n).startswith("test_")
                or "__pycache__" in n or n.endswith((".pyc", ".ts"))]
