"""Evaluations of csi's extraction against annotated pages (see front.evaluation.gold)."""
