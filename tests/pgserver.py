"""A throw-away PostgreSQL + PostGIS 3 cluster for the tests and the benchmark.

The server is the distribution's own (PostgreSQL 15 on Debian 12, 17 on Debian 13, 18 on sid),
the newest installed under /usr/lib/postgresql, or the one whose binaries ``TF_PG_BIN`` names;
PostGIS must be installed for that same server (scripts/setup.sh installs both).

``start()`` runs initdb in a temporary folder (as the ``postgres`` user when run as root, since
initdb refuses root), starts the server on a free local port with trust authentication, creates
a database with PostGIS, and writes a pg_service file naming it; ``stop()`` removes it all.
Nothing here skips: a missing server is an error, so CI cannot pass without the real thing.
"""

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time

ROOT = "/usr/lib/postgresql"
DATABASE = "territorial_flux_test"
SERVICE = "territorial_flux_test"
MISSING = ("PostgreSQL with PostGIS 3 is needed by these tests and is missing: run scripts/setup.sh (it "
           "installs the distribution's postgresql-NN-postgis-3, e.g. postgresql-15-postgis-3 on Debian 12), "
           "or set TF_PG_BIN to a server's bin folder.")


def _newest_server():
    """The bin folder of the newest PostgreSQL under /usr/lib/postgresql, or None."""
    try:
        versions = sorted((int(name) for name in os.listdir(ROOT) if name.isdigit()), reverse=True)
    except OSError:
        return None
    return next((os.path.join(ROOT, str(v), "bin") for v in versions
                 if os.path.exists(os.path.join(ROOT, str(v), "bin", "initdb"))), None)


PG_BIN = os.environ.get("TF_PG_BIN") or _newest_server() or os.path.join(ROOT, "15", "bin")


def postgis_control(bin_folder):
    """PostGIS's extension file for the server of ``bin_folder`` (its own share folder), or None."""
    pg_config = os.path.join(bin_folder, "pg_config")
    share = None
    if os.path.exists(pg_config):
        done = subprocess.run([pg_config, "--sharedir"], capture_output=True, text=True)
        share = done.stdout.strip() if done.returncode == 0 else None
    if not share:  # Debian: /usr/lib/postgresql/NN/bin -> /usr/share/postgresql/NN
        share = os.path.join("/usr/share/postgresql", os.path.basename(os.path.dirname(bin_folder)))
    path = os.path.join(share, "extension", "postgis.control")
    return path if os.path.exists(path) else None


class ServerMissingError(RuntimeError):
    pass


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self):
        self.folder = None
        self.port = None
        self.process_user = None
        self.service_file = None

    def _run(self, *command, check=True):
        if self.process_user:
            command = ("runuser", "-u", self.process_user, "--") + command
        return subprocess.run(command, check=check, capture_output=True, text=True)

    def start(self):
        initdb = os.path.join(PG_BIN, "initdb")
        if not os.path.exists(initdb) or postgis_control(PG_BIN) is None:
            raise ServerMissingError(MISSING)
        self.folder = tempfile.mkdtemp(prefix="territorial-flux-pg-")
        os.chmod(self.folder, 0o755)
        data = os.path.join(self.folder, "data")
        os.mkdir(data)
        if os.geteuid() == 0:
            self.process_user = "postgres"
            entry = pwd.getpwnam("postgres")
            os.chown(data, entry.pw_uid, entry.pw_gid)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        self._run(initdb, "-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                  "--locale=C.UTF-8")
        # Each run has its own folder (data, socket, service file) and port: runs at the same time
        # (two pytest sessions, the benchmark) never share a cluster. Another process may take
        # the free port before the server binds it: then try another one.
        for _attempt in range(3):
            self.port = _free_port()
            options = ("-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60 "
                       "-c shared_buffers=64MB").format(port=self.port, folder=self.folder)
            result = self._run(os.path.join(PG_BIN, "pg_ctl"), "-D", data, "-o", options, "-l",
                               os.path.join(self.folder, "server.log"), "-w", "-t", "60", "start", check=False)
            if result.returncode == 0 or not self._port_taken():
                break
        if result.returncode != 0:
            raise ServerMissingError("PostgreSQL did not start: {}{}".format(result.stdout, result.stderr))
        self.psql("postgres", "CREATE DATABASE {}".format(DATABASE))
        self.psql(DATABASE, "CREATE EXTENSION postgis")
        self.service_file = os.path.join(self.folder, "pg_service.conf")
        with open(self.service_file, "w") as f:
            f.write("[{}]\nhost=127.0.0.1\nport={}\ndbname={}\nuser=postgres\n".format(
                SERVICE, self.port, DATABASE))
        os.chmod(self.service_file, 0o644)
        return self

    def psql(self, database, statement):
        subprocess.run([os.path.join(PG_BIN, "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                        "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-c", statement],
                       check=True, capture_output=True, text=True)

    def _port_taken(self):
        try:
            with open(os.path.join(self.folder, "server.log")) as f:
                return "could not bind" in f.read()
        except OSError:
            return False

    def require_password(self, user):
        """Make ``user`` authenticate with a password (scram-sha-256) over TCP; the others stay trusted."""
        hba = os.path.join(self.folder, "data", "pg_hba.conf")
        with open(hba) as f:
            rules = f.read()
        line = "host all {} 127.0.0.1/32 scram-sha-256\n".format(user)
        if line not in rules:
            with open(hba, "w") as f:
                f.write(line + rules)
        self.psql("postgres", "SELECT pg_reload_conf()")

    def add_logins(self, schema, users):
        """Logins with a role of the workspace in ``schema`` (``{login: 'reader'|'editor'|'admin'}``),
        each reachable as the pg_service entry ``tf_<login>``."""
        with self.connect(autocommit=True) as connection, connection.cursor() as cursor:
            for user, role in users.items():
                cursor.execute("CREATE ROLE {} LOGIN".format(user))
                cursor.execute("GRANT {}_{} TO {}".format(schema, role, user))
        with open(self.service_file, "a") as services:
            for user in users:
                services.write("[tf_{user}]\nhost=127.0.0.1\nport={port}\ndbname={database}\nuser={user}\n".format(
                    user=user, port=self.port, database=DATABASE))

    def rows(self, schema, sql, params=(), user="postgres"):
        """The rows of ``sql`` in ``schema`` as ``user`` sees them (the server's superuser by default:
        every row, whatever its confidentiality); for a statement that returns none, the rows it changed."""
        with self.connect(user, autocommit=True) as connection, connection.cursor() as cursor:
            cursor.execute("SET search_path = {}, public".format(schema))
            cursor.execute(sql, params)
            return cursor.fetchall() if cursor.description else cursor.rowcount

    def dsn(self, user="postgres"):
        return "host=127.0.0.1 port={} dbname={} user={}".format(self.port, DATABASE, user)

    def connect(self, user="postgres", autocommit=False):
        import psycopg2

        connection = psycopg2.connect(self.dsn(user))
        connection.autocommit = autocommit
        return connection

    def stop(self):
        if self.folder is None:
            return
        self._run(os.path.join(PG_BIN, "pg_ctl"), "-D", os.path.join(self.folder, "data"), "-m", "immediate",
                  "-w", "stop", check=False)
        for _ in range(20):
            try:
                shutil.rmtree(self.folder)
                break
            except OSError:
                time.sleep(0.2)
        self.folder = None
