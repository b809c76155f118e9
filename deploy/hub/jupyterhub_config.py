# JupyterHub configuration for "Road to Peace" on one school server.
#
# For the school's IT person: you do not run this file yourself. `sudo make hub` (which runs
# deploy/hub/hubctl.py start) writes the class's settings to STATE/settings.json, creates one
# system user a student, and then starts JupyterHub with this file. Everything a school may
# want to change is a `make hub` variable (see the Makefile and docs/deployment.md):
#
#   HUB_CLASS=class.csv     the class list: one student a line, "username[,full name[,student id]]"
#   HUB_TEACHER=teacher     the teacher's account (a hub admin)
#   HUB_PORT=8000           where students connect (127.0.0.1 unless HUB_LISTEN_ALL=1)
#   HUB_AUTH=shared         shared: one class password (trials); firstuse: each person sets theirs
#   HUB_CULL_TIMEOUT=3600   stop servers idle this many seconds
#
# No secret is in this file or in the repository: the cookie secret, the proxy's token and
# the passwords are generated at the first start into STATE/secrets/ (mode 700, git-ignored),
# or taken from the environment (HUB_PASSWORD, HUB_TEACHER_PASSWORD).
#
# `c` is the configuration object JupyterHub passes to this file.
# ruff: noqa: F821

import json
import os
import sys
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from classhub import accounts, homes  # noqa: E402  (beside this file: accounts and the course copy)

STATE = Path(os.environ.get("RTP_HUB_STATE", HERE / "state"))
settings = json.loads((STATE / "settings.json").read_text(encoding="utf-8"))
SECRETS = STATE / "secrets"
PREFIX = Path(settings["prefix"])
ENV = PREFIX / "env"


def secret(env_name: str, file_name: str) -> str:
    return os.environ.get(env_name) or (SECRETS / file_name).read_text().strip()


# -- where the hub listens ------------------------------------------------------
# The proxy (configurable-http-proxy, from npm, installed in deploy/hub/node_modules) is
# the only thing students talk to. Keep 127.0.0.1 for trials; on a school network put
# HTTPS in front (nginx or Caddy), or HUB_LISTEN_ALL=1 behind the school's firewall.
c.JupyterHub.bind_url = f"http://{settings['ip']}:{settings['port']}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{settings['api_port']}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings['proxy_api_port']}"
c.ConfigurableHTTPProxy.command = [settings["proxy"]]
c.ConfigurableHTTPProxy.auth_token = secret("HUB_PROXY_TOKEN", "proxy_auth_token")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")

# -- state: database and cookie secret, never in the repository -------------------
c.JupyterHub.db_url = f"sqlite:///{SECRETS / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(SECRETS / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")

# A hub restart (upgrade, new class list) leaves students' servers and kernels running;
# the restarted hub finds them again from its database. Their files are never touched.
c.JupyterHub.cleanup_servers = False

# -- who may sign in --------------------------------------------------------------
students = [s["name"] for s in settings["students"]]
teacher = settings["teacher"]
c.Authenticator.allowed_users = set(students)
c.Authenticator.admin_users = {teacher}  # the teacher sees the class in the Admin page
if settings["auth"] == "firstuse":
    # Each student chooses a password at their first sign-in (The Littlest JupyterHub's
    # default); passwords are stored hashed in STATE/secrets/passwords.dbm. Reset one
    # with the admin page (delete and re-add the user) or see the authenticator's docs.
    c.JupyterHub.authenticator_class = "firstuseauthenticator.FirstUseAuthenticator"
    c.FirstUseAuthenticator.dbm_path = str(SECRETS / "passwords.dbm")
    c.FirstUseAuthenticator.create_users = False  # only the class list may sign in
    c.FirstUseAuthenticator.min_password_length = 8
else:
    # For trials: one password for the class, another (32+ characters) for the teacher.
    # Anyone with the class password can sign in as any student: do not use it for graded
    # work; see docs/deployment.md for the production choices.
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = secret("HUB_PASSWORD", "student-password")
    c.SharedPasswordAuthenticator.admin_password = secret("HUB_TEACHER_PASSWORD", "teacher-password")


# -- each student's server: a real system user, the course in their home ---------------
class CourseSpawner(LocalProcessSpawner):
    """LocalProcessSpawner that runs hub user NAME as system user PREFIX+NAME (TLJH's scheme)."""

    def _system_user(self):
        import pwd

        return pwd.getpwnam(accounts.system_name(settings, self.user.name))

    def make_preexec_fn(self, name):
        return super().make_preexec_fn(self._system_user().pw_name)

    def user_env(self, env):
        user = self._system_user()
        env.update(USER=user.pw_name, HOME=user.pw_dir, SHELL=user.pw_shell or "/bin/bash")
        return env


async def give_course(spawner):
    """Before every start: the account exists, and the course is in the home (first time: all
    of it; later: fresh course data, missing notebooks only; the student's work stays)."""
    import asyncio

    await asyncio.get_running_loop().run_in_executor(None, homes.give_course, settings, spawner.user.name)


c.JupyterHub.spawner_class = CourseSpawner
c.Spawner.pre_spawn_hook = give_course
c.Spawner.cmd = [str(ENV / "bin" / "jupyterhub-singleuser")]
c.Spawner.environment = {"PATH": f"{ENV / 'bin'}:/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"}
c.Spawner.default_url = f"/lab/tree/{homes.COURSE_DIR}/notebooks/{settings['lang']}/00-start-here.ipynb"
# A class starting at once on a small server: give a server two minutes to come up.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
# Limits: LocalProcessSpawner cannot enforce memory or CPU limits. On a production server use
# The Littlest JupyterHub (systemdspawner: limits.memory 1G, limits.cpu 1), see docs/deployment.md.

# -- idle culler: stop servers nobody has used for HUB_CULL_TIMEOUT seconds ----------
# Stopping a server stops its kernels (answers not yet saved with "Save my answers" are
# lost); files stay. Keep it longer than a lesson.
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={settings['cull_timeout']}",
            f"--cull-every={max(60, min(600, settings['cull_timeout'] // 6))}",
        ],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
