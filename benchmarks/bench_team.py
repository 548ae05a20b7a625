"""Team workspace: edits per second sustained by 10 concurrent editors (500 saves each) on an
overlapping set of flows and synergies, on a throw-away local PostgreSQL 15 + PostGIS 3 server."""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)


def main(editors=10, edits=500):
    from tests import pgserver, team_load

    server = pgserver.Server().start()
    try:
        _rows, logs, seconds = team_load.run(server, "bench_team", editors, edits)
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


if __name__ == "__main__":
    main()
