"""``python -m torchnp plugins``: list installed plugins."""
import sys


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] != ["plugins"]:
        print("usage: python -m torchnp plugins", file=sys.stderr)
        return 2
    import torchnp
    from torchnp import _plugins, plugins
    for ns in sorted(_plugins.all_namespaces()):
        _plugins.ensure_namespace(ns)
    rows = plugins.info()
    print(f"{'plugin':<16} {'distribution':<24} {'version':<10} {'namespaces':<28} names  status")
    for r in rows:
        ns = ",".join(n or "torchnp" for n in r["namespaces"]) or "-"
        count = sum(r["names"].values())
        status = "blocked" if r["blocked"] else ("ERROR: " + r["error"] if r["error"] else "ok")
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
