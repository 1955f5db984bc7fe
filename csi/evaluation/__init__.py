"""Evaluations of csi's extraction against annotated pages (see csi.evaluation.gold)."""
