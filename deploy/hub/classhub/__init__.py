"""The course's own JupyterHub, part by part; ``deploy/hub/hubctl.py`` is its command line.

Only the Python standard library: it runs with the hub environment's Python, as root, and
``jupyterhub_config.py`` imports ``accounts`` and ``homes`` from here.

common       where things are, the limits, the one error a command prints
classlist    the class list (CSV) a teacher writes
state        the hub's settings and secrets (STATE/)
accounts     one system user a student, their groups, removing the class
homes        the course (and a delegation's role-play files) in each home
install      install-course: the student copy, the teacher's copy, the roles
start        start: prepare the class, then run JupyterHub
collect      collect: every student's answers and deals from their homes
collect_api  collect-api: the same through the hub's REST API (Zero to JupyterHub)
hubapi       the hub's REST API as an admin, for the two commands that need no shell on the hub
give_roles_api  give-roles-api: each delegation's role-play files through that API (Zero to JupyterHub)
"""
