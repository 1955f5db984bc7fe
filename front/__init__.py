"""The front: the `csi` command (cli.py), the evaluations (evaluation/) and `csi serve`'s deployments
(deployments.py). It sits above everything else; nothing below imports it (pyproject.toml, import-linter)."""
