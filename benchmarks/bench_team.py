"""Team workspace: edits per second sustained by 10 concurrent editors (500 saves each) on an
overlapping set of flows and synergies, on a throw-away local PostgreSQL 15 + PostGIS 3 server.

4 editors save as advisors do, through QGIS postgres-provider layers and the plugin's edit
functions (edit buffer, row version, commitChanges); 6 through the locking API (one or two rows
per transaction). See tests/team_load.py.
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)


def main(editors=10, edits=500, layer_editors=4):
    from tests import pgserver, team_load

    server = pgserver.Server().start()
    try:
        _rows, logs, seconds = team_load.run(server, "bench_team", editors, edits, layer_editors=layer_editors)
    finally:
        server.stop()
    entries = [e for log in logs for e in log]
    saved = sum(1 for e in entries if e["outcome"] == "saved")
    refused = sum(1 for e in entries if e["outcome"] == "refused")
    busy = sum(1 for e in entries if e["outcome"] == "error")
    print("team workspace: {editors} editors x {edits} saves in {seconds:.1f} s: {rate:.0f} saves/s "
          "({accepted:.0f} accepted edits/s); {saved} accepted, {refused} refused as conflicts, {busy} busy".format(
              editors=editors, edits=edits, seconds=seconds, rate=len(entries) / seconds,
              accepted=saved / seconds, saved=saved, refused=refused, busy=busy))
    for via, label in (("layer", "through QGIS layers"), ("script", "through the locking API")):
        mine = [e for e in entries if e["via"] == via]
        if mine:
            print("  {count} saves {label}: {saved} accepted, {refused} refused, {busy} busy".format(
                count=len(mine), label=label, saved=sum(1 for e in mine if e["outcome"] == "saved"),
                refused=sum(1 for e in mine if e["outcome"] == "refused"),
                busy=sum(1 for e in mine if e["outcome"] == "error")))


if __name__ == "__main__":
    main()
