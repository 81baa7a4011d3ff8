"""The ``torchnp`` command (also ``python -m torchnp``).

- ``torchnp run [--device D] [--include PKG] (SCRIPT | -m MODULE) [ARGS...]``: run an
  unmodified NumPy program on torchnp (see ``torchnp._run``).
- ``torchnp plugins``: list installed plugins, what they provide and the conflicts.
"""
import sys

USAGE = """\
usage: torchnp run [--device DEVICE] [--include PKG]... (SCRIPT | -m MODULE) [ARGS...]
       torchnp plugins

  run       run a NumPy program with `import numpy` resolved to torchnp
  plugins   list the installed plugins, what they provide and the conflicts
"""


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["run"]:
        from torchnp import _run
        return _run.main(argv[1:])
    if argv[:1] in (["-h"], ["--help"]):
        print(USAGE, end="")
        return 0
    if argv[:1] != ["plugins"]:
        print(USAGE, end="", file=sys.stderr)
        return 2
    return _plugins_report()


def _plugins_report():
    import torchnp  # noqa: F401
    from torchnp import _plugins, plugins
    for ns in sorted(_plugins.all_namespaces()):
        _plugins.materialize_all(ns)  # every name made now, so that every error shows
    rows = plugins.info()
    print(f"{'plugin':<16} {'distribution':<24} {'version':<10} {'namespaces':<28} names  status")
    for r in rows:
        ns = ",".join(n or "torchnp" for n in r["namespaces"]) or "-"
        count = sum(r["names"].values())
        status = "blocked" if r["blocked"] else ("ERROR: " + r["error"] if r["error"] else
                                                 "opt-in, not loaded" if r["dormant"] else "ok")
        if r["selected_for"]:
            status += " selected for " + ",".join(r["selected_for"])
        print(f"{r['name']:<16} {r['distribution']:<24} {r['version']:<10} {ns:<28} {count:<6} {status}")
        print(f"{'':<16} entry point: {r['entry_point']}")
    conf = plugins.conflicts()
    if conf:
        print("\nconflicts (name: chosen <- also provided by):")
        for ns, name, win, losers in conf:
            print(f"  {('torchnp.' + ns) if ns else 'torchnp'}.{name}: {win} <- {', '.join(losers)}")
    else:
        print("\nno conflicts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
